/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriLocation: one string form, made and read in one place. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bri-location.h"

static BriLocation *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  BriLocation *location = bri_location_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (location);
  return location;
}

/* Each constructor's string, and the string parsed back equal to it. */
static void
test_format_and_parse (void)
{
  struct {
    BriLocation *location;
    const char  *expected;
  } cases[] = {
    { bri_location_new_feature ("gwadar-port"), "feature:gwadar-port" },
    { bri_location_new_country ("ke"), "country:KE" },
    { bri_location_new_passage ("white-paper-2023", 88), "passage:white-paper-2023/88" },
    { bri_location_new_passage_range ("white-paper-2023", 88, 120, 164), "passage:white-paper-2023/88@120-164" },
    { bri_location_new_view (25.12, 62.33, 7.5), "view:25.12,62.33,7.5" },
    { bri_location_new_view (-33.0, -70.654321, 0.0), "view:-33,-70.654321,0" },
    { bri_location_new_view (0.0000001, 190.0, 25.0), "view:0,-170,20" },
    { bri_location_new_search ("Piraeus"), "search:Piraeus" },
    { bri_location_new_search ("Gwadar port & \"Hub\""), "search:Gwadar%20port%20%26%20%22Hub%22" },
    { bri_location_new_search ("Türkiye"), "search:Türkiye" },
    { bri_location_new_search ("a/b:c@d%"), "search:a%2Fb%3Ac%40d%25" },
    { bri_location_new_feature ("odd id/with@marks"), "feature:odd%20id%2Fwith%40marks" },
    { bri_location_new_passage ("my docs/2024@x", 3), "passage:my%20docs%2F2024%40x/3" },
    { bri_location_new_list (BRI_LOCATION_LIST_PLACES), "list:places" },
    { bri_location_new_list (BRI_LOCATION_LIST_COUNTRIES), "list:countries" },
    { bri_location_new_region ("east-africa"), "region:east-africa" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BriLocation) location = cases[i].location;
      g_autoptr(BriLocation) back = parse_ok (cases[i].expected);
      g_autofree char *uri = bri_location_to_uri (location);
      g_autoptr(BriLocation) from_uri = parse_ok (uri);

      g_assert_cmpstr (bri_location_to_string (location), ==, cases[i].expected);
      g_assert_true (bri_location_equal (location, back));
      g_assert_cmpint (bri_location_get_kind (back), ==, bri_location_get_kind (location));
      g_assert_cmpstr (bri_location_get_id (back), ==, bri_location_get_id (location));
      g_assert_cmpstr (bri_location_get_query (back), ==, bri_location_get_query (location));
      g_assert_true (g_str_has_prefix (uri, "bri-atlas:"));
      g_assert_true (bri_location_equal (location, from_uri));
    }
}

static void
test_parts (void)
{
  g_autoptr(BriLocation) passage = parse_ok ("passage:white-paper-2023/88@120-164");
  g_autoptr(BriLocation) plain = parse_ok ("passage:white-paper-2023/88");
  g_autoptr(BriLocation) view = parse_ok ("bri-atlas://view:25.12,62.33,7.5");
  g_autoptr(BriLocation) search = parse_ok ("search:Gwadar%20port");
  g_autoptr(BriLocation) country = parse_ok ("Country:ke");
  g_autoptr(BriLocation) list = parse_ok ("list:countries");
  guint start = 0, end = 0;
  double lat, lon, zoom;

  g_assert_cmpint (bri_location_get_kind (passage), ==, BRI_LOCATION_PASSAGE);
  g_assert_cmpstr (bri_location_get_id (passage), ==, "white-paper-2023");
  g_assert_cmpuint (bri_location_get_ordinal (passage), ==, 88);
  g_assert_true (bri_location_get_range (passage, &start, &end));
  g_assert_cmpuint (start, ==, 120);
  g_assert_cmpuint (end, ==, 164);
  g_assert_false (bri_location_get_range (plain, NULL, NULL));
  g_assert_false (bri_location_equal (passage, plain));

  bri_location_get_view (view, &lat, &lon, &zoom);
  g_assert_cmpfloat_with_epsilon (lat, 25.12, 1e-9);
  g_assert_cmpfloat_with_epsilon (lon, 62.33, 1e-9);
  g_assert_cmpfloat_with_epsilon (zoom, 7.5, 1e-9);

  g_assert_cmpstr (bri_location_get_query (search), ==, "Gwadar port");
  g_assert_null (bri_location_get_id (search));
  g_assert_cmpstr (bri_location_get_id (country), ==, "KE");
  g_assert_cmpstr (bri_location_to_string (country), ==, "country:KE");
  g_assert_cmpint (bri_location_get_list (list), ==, BRI_LOCATION_LIST_COUNTRIES);
}

/* A view survives any number of trips through its string. */
static void
test_view_round_trip (void)
{
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(BriLocation) view = bri_location_new_view (g_rand_double_range (rand, -90, 90),
                                                           g_rand_double_range (rand, -180, 180),
                                                           g_rand_double_range (rand, 0, 20));
      g_autoptr(BriLocation) back = parse_ok (bri_location_to_string (view));
      double a[3], b[3];

      bri_location_get_view (view, &a[0], &a[1], &a[2]);
      bri_location_get_view (back, &b[0], &b[1], &b[2]);
      for (guint k = 0; k < 3; k++)
        g_assert_cmpfloat (a[k], ==, b[k]);
      g_assert_cmpstr (bri_location_to_string (back), ==, bri_location_to_string (view));
    }

  g_rand_free (rand);
}

/* Every malformed string fails with an error that names the fault. */
static void
test_malformed (void)
{
  struct {
    const char       *text;
    BriLocationError  code;
    const char       *says;
  } cases[] = {
    { "", BRI_LOCATION_ERROR_SYNTAX, "kind:value" },
    { "gwadar-port", BRI_LOCATION_ERROR_SYNTAX, "kind:value" },
    { ":gwadar", BRI_LOCATION_ERROR_SYNTAX, "kind:value" },
    { "planet:mars", BRI_LOCATION_ERROR_KIND, "unknown kind “planet”" },
    { "feature:", BRI_LOCATION_ERROR_SYNTAX, "nothing after" },
    { "feature:bad%zzescape", BRI_LOCATION_ERROR_SYNTAX, "badly encoded" },
    { "feature:%00", BRI_LOCATION_ERROR_SYNTAX, "badly encoded" },
    { "search:%0A", BRI_LOCATION_ERROR_SYNTAX, "badly encoded" },
    { "search:%FF%FE", BRI_LOCATION_ERROR_SYNTAX, "badly encoded" },
    { "country:KEN", BRI_LOCATION_ERROR_SYNTAX, "two-letter" },
    { "country:K1", BRI_LOCATION_ERROR_SYNTAX, "two-letter" },
    { "passage:white-paper-2023", BRI_LOCATION_ERROR_SYNTAX, "document/number" },
    { "passage:/3", BRI_LOCATION_ERROR_SYNTAX, "document id" },
    { "passage:doc/", BRI_LOCATION_ERROR_SYNTAX, "whole number" },
    { "passage:doc/-1", BRI_LOCATION_ERROR_SYNTAX, "whole number" },
    { "passage:doc/12345678901", BRI_LOCATION_ERROR_SYNTAX, "whole number" },
    { "passage:doc/3@5", BRI_LOCATION_ERROR_SYNTAX, "@start-end" },
    { "passage:doc/3@a-b", BRI_LOCATION_ERROR_SYNTAX, "@start-end" },
    { "passage:doc/3@9-5", BRI_LOCATION_ERROR_RANGE, "starts after it ends" },
    { "view:1,2", BRI_LOCATION_ERROR_SYNTAX, "latitude,longitude,zoom" },
    { "view:1,2,3,4", BRI_LOCATION_ERROR_SYNTAX, "latitude,longitude,zoom" },
    { "view:north,2,3", BRI_LOCATION_ERROR_SYNTAX, "latitude,longitude,zoom" },
    { "view:nan,2,3", BRI_LOCATION_ERROR_SYNTAX, "latitude,longitude,zoom" },
    { "view:0x10,2,3", BRI_LOCATION_ERROR_SYNTAX, "latitude,longitude,zoom" },
    { "view:91,2,3", BRI_LOCATION_ERROR_RANGE, "latitude" },
    { "view:1,-181,3", BRI_LOCATION_ERROR_RANGE, "longitude" },
    { "view:1,2,21", BRI_LOCATION_ERROR_RANGE, "zoom" },
    { "list:everything", BRI_LOCATION_ERROR_SYNTAX, "places" },
    { "bri-atlas:", BRI_LOCATION_ERROR_SYNTAX, "kind:value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BriLocation) location = bri_location_parse (cases[i].text, &error);

      g_test_message ("%s", cases[i].text);
      g_assert_null (location);
      g_assert_error (error, BRI_LOCATION_ERROR, (int) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (bri_location_parse ("feature:\xff", &error));
    g_assert_error (error, BRI_LOCATION_ERROR, BRI_LOCATION_ERROR_SYNTAX);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/location/format-and-parse", test_format_and_parse);
  g_test_add_func ("/bri/location/parts", test_parts);
  g_test_add_func ("/bri/location/view-round-trip", test_view_round_trip);
  g_test_add_func ("/bri/location/malformed", test_malformed);

  return g_test_run ();
}
