/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for BriCountry and data/countries/countries.json. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bri-basemap.h"
#include "bri-country.h"
#include "bri-text-fold.h"
#include "../test-wrong-json.h"

GResource *bri_data_get_resource (void);

#define COUNTRIES_URI "resource:///org/example/BriAtlas/data/countries/countries.json"

/* The locale the translation test needs; see test_display_name_translated. */
#define GERMAN_LOCALE "de_DE.UTF-8"

static GPtrArray *
load_countries (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri (COUNTRIES_URI);
  g_autoptr(GError) error = NULL;
  GPtrArray *countries;

  /* Referencing the resource links it into this test. */
  g_assert_nonnull (bri_data_get_resource ());

  countries = bri_country_load_all (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (countries);
  return countries;
}

static BriCountry *
find_code (GPtrArray  *countries,
           const char *code)
{
  for (guint i = 0; i < countries->len; i++)
    {
      BriCountry *country = g_ptr_array_index (countries, i);

      if (g_str_equal (bri_country_get_code (country), code))
        return country;
    }
  return NULL;
}

static BriCountry *
find_numeric (GPtrArray *countries,
              int        numeric)
{
  for (guint i = 0; i < countries->len; i++)
    {
      BriCountry *country = g_ptr_array_index (countries, i);

      if (bri_country_get_numeric (country) == numeric)
        return country;
    }
  return NULL;
}

static gboolean
strv_has (const char * const *strv,
          const char         *s)
{
  return strv != NULL && g_strv_contains (strv, s);
}

static void
test_countries_basic (void)
{
  g_autoptr(GPtrArray) countries = load_countries ();
  BriCountry *ke, *la, *tr, *ru, *cn, *xk;
  g_autofree char *name = NULL;
  int numeric = 0;
  BriGeoBounds b;
  double lon, lat;

  g_assert_cmpuint (countries->len, >=, 240);

  ke = find_code (countries, "KE");
  g_assert_nonnull (ke);
  g_assert_cmpstr (bri_country_get_name (ke), ==, "Kenya");
  g_assert_cmpstr (bri_country_get_alpha3 (ke), ==, "KEN");
  g_assert_cmpint (bri_country_get_numeric (ke), ==, 404);
  g_assert_true (strv_has (bri_country_get_demonyms (ke), "Kenyan"));
  g_object_get (ke, "name", &name, "numeric", &numeric, NULL);
  g_assert_cmpstr (name, ==, "Kenya");
  g_assert_cmpint (numeric, ==, 404);

  la = find_code (countries, "LA");
  g_assert_nonnull (la);
  g_assert_cmpstr (bri_country_get_name (la), ==, "Laos");
  g_assert_cmpstr (bri_country_get_iso_name (la), ==, "Lao People's Democratic Republic");
  g_assert_true (strv_has (bri_country_get_demonyms (la), "Lao"));

  tr = find_code (countries, "TR");
  g_assert_nonnull (tr);
  g_assert_true (strv_has (bri_country_get_alt_names (tr), "Turkey") ||
                 strv_has (bri_country_get_alt_names (tr), "Türkiye") ||
                 g_str_equal (bri_country_get_name (tr), "Türkiye"));
  g_assert_true (strv_has (bri_country_get_alt_names (tr), "Turkey"));

  cn = find_code (countries, "CN");
  g_assert_nonnull (cn);
  g_assert_true (strv_has (bri_country_get_demonyms (cn), "Chinese"));
  g_assert_cmpstr (bri_country_get_official_name (cn), ==, "People's Republic of China");

  /* Russia spans the antimeridian; its label is in Siberia, not the sea. */
  ru = find_code (countries, "RU");
  g_assert_nonnull (ru);
  g_assert_true (strv_has (bri_country_get_alt_names (ru), "Russia"));
  bri_country_get_bounds (ru, &b);
  g_assert_true (bri_geo_bounds_crosses_antimeridian (&b));
  g_assert_true (bri_geo_bounds_contains (&b, 37.6, 55.75));
  g_assert_true (bri_geo_bounds_contains (&b, -172.5, 65.5));
  bri_country_get_label (ru, &lon, &lat);
  g_assert_cmpfloat (lon, >, 60.0);
  g_assert_cmpfloat (lon, <, 140.0);

  bri_country_get_bounds (ke, &b);
  g_assert_false (bri_geo_bounds_crosses_antimeridian (&b));
  g_assert_cmpfloat_with_epsilon (b.min_lon, 33.9, 0.1);
  g_assert_cmpfloat_with_epsilon (b.max_lon, 41.9, 0.1);

  /* A Natural Earth feature without an ISO code has one of ours. */
  xk = find_numeric (countries, 900);
  g_assert_nonnull (xk);
  g_assert_cmpstr (bri_country_get_code (xk), ==, "XK");
  g_assert_cmpstr (bri_country_get_name (xk), ==, "Kosovo");
  g_assert_null (bri_country_get_official_name (xk));
}

/* The file is sorted by alpha-2 and has nothing twice. */
static void
test_countries_codes (void)
{
  g_autoptr(GPtrArray) countries = load_countries ();
  g_autoptr(GHashTable) alpha3 = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < countries->len; i++)
    {
      BriCountry *c = g_ptr_array_index (countries, i);

      if (i > 0)
        g_assert_cmpstr (bri_country_get_code (g_ptr_array_index (countries, i - 1)), <,
                         bri_country_get_code (c));
      g_assert_true (g_hash_table_add (alpha3, (gpointer) bri_country_get_alpha3 (c)));
      g_assert_nonnull (bri_country_get_demonyms (c));
      g_assert_nonnull (bri_country_get_alt_names (c));
    }
}

/* A term that named two countries would send a passage to the wrong one.
 * Compared folded, as the linker compares them. */
static void
test_countries_unique_names (void)
{
  g_autoptr(GPtrArray) countries = load_countries ();
  g_autoptr(GHashTable) owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_terms = 0;

  for (guint i = 0; i < countries->len; i++)
    {
      BriCountry *c = g_ptr_array_index (countries, i);
      const char * const *lists[] = {
        bri_country_get_demonyms (c),
        bri_country_get_alt_names (c),
      };
      const char *own[] = {
        bri_country_get_name (c),
        bri_country_get_iso_name (c),
        bri_country_get_official_name (c),
      };
      g_autoptr(GHashTable) mine = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GHashTableIter iter;
      const char *term;

      for (guint k = 0; k < G_N_ELEMENTS (own); k++)
        if (own[k] != NULL)
          g_hash_table_add (mine, bri_text_fold (own[k], -1));
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint k = 0; lists[l][k] != NULL; k++)
          {
            g_autofree char *folded = bri_text_fold (lists[l][k], -1);

            g_assert_cmpstr (folded, !=, "");
            g_hash_table_add (mine, g_steal_pointer (&folded));
            n_terms++;
          }

      g_hash_table_iter_init (&iter, mine);
      while (g_hash_table_iter_next (&iter, (gpointer *) &term, NULL))
        {
          BriCountry *other = g_hash_table_lookup (owner, term);

          if (other != NULL)
            g_error ("“%s” names both %s and %s", term,
                     bri_country_get_code (other), bri_country_get_code (c));
          g_hash_table_insert (owner, g_strdup (term), c);
        }
    }

  g_test_message ("%u demonyms and alternative names, each for one country", n_terms);
  g_assert_cmpuint (n_terms, >, 300);
}

static void
test_countries_cover_basemap (void)
{
  g_autoptr(GPtrArray) countries = load_countries ();
  const char * const resolutions[] = { "110m", "50m", "10m" };

  for (guint r = 0; r < G_N_ELEMENTS (resolutions); r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BriBasemap) map = bri_basemap_load_resolution (resolutions[r], &error);

      g_assert_no_error (error);
      for (guint i = 0; i < bri_basemap_get_n_countries (map); i++)
        {
          int numeric = bri_basemap_get_country_numeric (map, i);
          BriCountry *country = find_numeric (countries, numeric);

          if (country == NULL)
            g_error ("basemap %s has country %d, countries.json does not", resolutions[r], numeric);
        }
    }

  /* And the other way round: every entry is drawn, at least at 10m, with
   * its label point inside its own outline. */
  {
    g_autoptr(BriBasemap) map10 = bri_basemap_load_resolution ("10m", NULL);
    g_autoptr(BriBasemap) map50 = bri_basemap_load_resolution ("50m", NULL);

    for (guint i = 0; i < countries->len; i++)
      {
        BriCountry *c = g_ptr_array_index (countries, i);
        int numeric = bri_country_get_numeric (c);
        BriBasemap *map = bri_basemap_lookup_country (map50, numeric) >= 0 ? map50 : map10;
        double lon, lat;

        g_assert_cmpint (bri_basemap_lookup_country (map10, numeric), >=, 0);
        bri_country_get_label (c, &lon, &lat);
        if (!bri_basemap_country_contains (map, numeric, lon, lat))
          g_error ("the label of %s (%g, %g) is outside it", bri_country_get_code (c), lon, lat);
      }
  }
}

static void
test_display_name_english (void)
{
  g_autoptr(GPtrArray) countries = load_countries ();
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *display = NULL;

  /* Untranslated, the English short name, not the ISO form. */
  setlocale (LC_ALL, "C");
  g_assert_cmpstr (bri_country_get_display_name (find_code (countries, "LA")), ==, "Laos");
  g_assert_cmpstr (bri_country_get_display_name (find_code (countries, "DE")), ==, "Germany");
  g_assert_cmpstr (bri_country_get_display_name (find_code (countries, "XK")), ==, "Kosovo");
  g_object_get (find_code (countries, "KR"), "display-name", &display, NULL);
  g_assert_cmpstr (display, ==, "South Korea");

  setlocale (LC_ALL, old_locale);
}

/* Needs a real German locale: gettext ignores LANGUAGE under C and
 * C.UTF-8. Debian ships none generated; build-aux/deps has to install
 * "locales" and run `localedef -i de_DE -f UTF-8 de_DE.UTF-8`. */
static void
test_display_name_translated (void)
{
  g_autoptr(GPtrArray) countries = load_countries ();
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));

  if (setlocale (LC_ALL, GERMAN_LOCALE) == NULL)
    {
      g_test_skip ("the " GERMAN_LOCALE " locale is not installed (install Debian's "
                   "locales package and run: localedef -i de_DE -f UTF-8 " GERMAN_LOCALE ")");
      return;
    }
  g_unsetenv ("LANGUAGE");

  g_assert_cmpstr (bri_country_get_display_name (find_code (countries, "DE")), ==, "Deutschland");
  g_assert_cmpstr (bri_country_get_display_name (find_code (countries, "KE")), ==, "Kenia");
  g_assert_cmpstr (bri_country_get_display_name (find_code (countries, "KR")), ==, "Südkorea");
  g_assert_cmpstr (bri_country_get_display_name (find_code (countries, "TR")), ==, "Türkei");
  /* iso-codes has no Kosovo: the English name stands. */
  g_assert_cmpstr (bri_country_get_display_name (find_code (countries, "XK")), ==, "Kosovo");
  /* The English names are unchanged: the linker still finds "Germany". */
  g_assert_cmpstr (bri_country_get_name (find_code (countries, "DE")), ==, "Germany");

  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  setlocale (LC_ALL, old_locale);
}

static void
expect_bad (const char *json,
            const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("bri-countries-XXXXXX.json", &stream, &error);
  g_autoptr(GPtrArray) countries = NULL;
  g_autofree char *base = NULL;

  g_assert_no_error (error);
  g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  countries = bri_country_load_all (file, &error);
  g_test_message ("%s", error ? error->message : "(no error)");
  g_assert_null (countries);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  base = g_file_get_basename (file);
  g_assert_nonnull (strstr (error->message, base));
  g_assert_nonnull (strstr (error->message, fragment));
  g_file_delete (file, NULL, NULL);
}

#define KE "{\"alpha2\": \"KE\", \"alpha3\": \"KEN\", \"numeric\": 404, \"name\": \"Kenya\", " \
           "\"iso_name\": \"Kenya\", \"official_name\": null, \"demonyms\": [\"Kenyan\"], " \
           "\"alt_names\": [], \"bounds\": [33.9, -4.7, 41.9, 5.0], \"label\": [37.8, 0.4]}"

static void
test_countries_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/countries.json");
  g_autoptr(GPtrArray) none = bri_country_load_all (missing, &error);

  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  expect_bad ("[" KE ", ", "");
  expect_bad ("{\"KE\": 1}", "not a list");
  expect_bad ("[" KE ", 3]", "entry 1 (?)");
  expect_bad ("[" KE ", " KE "]", "entry 1 (KE)");
  expect_bad ("[{\"alpha2\": \"ke\"}]", "alpha2");
  expect_bad ("[{\"alpha2\": \"KE\", \"alpha3\": \"KEN\", \"numeric\": \"404\"}]", "numeric");
  expect_bad ("[{\"alpha2\": \"KE\", \"alpha3\": \"KEN\", \"numeric\": 404, \"name\": \"Kenya\", "
              "\"demonyms\": [1], \"alt_names\": [], \"bounds\": [0, 0, 1, 1], \"label\": [0.5, 0.5]}]",
              "demonyms");
  expect_bad ("[{\"alpha2\": \"KE\", \"alpha3\": \"KEN\", \"numeric\": 404, \"name\": \"Kenya\", "
              "\"bounds\": [0, 5, 1, 1], \"label\": [0.5, 0.5]}]", "bounds");
  expect_bad ("[{\"alpha2\": \"KE\", \"alpha3\": \"KEN\", \"numeric\": 404, \"name\": \"Kenya\", "
              "\"bounds\": [0, 0, 1, 1], \"label\": [20, 0.5]}]", "label");
}

/* Each member of a country, with a value of every JSON type: a wrong
 * type is an error naming the member; null only where the format allows. */
static void
test_countries_field_types (void)
{
  static const struct {
    const char *field;
    guint       valid;
  } fields[] = {
    { "alpha2",        0 },
    { "alpha3",        0 },
    { "numeric",       OK (WRONG_NUMBER) },
    { "name",          OK (WRONG_STRING) },
    { "iso_name",      OK (WRONG_STRING) | OK (WRONG_NULL) },
    { "official_name", OK (WRONG_STRING) | OK (WRONG_NULL) },
    { "demonyms",      OK (WRONG_NULL) },
    { "alt_names",     OK (WRONG_NULL) },
    { "bounds",        0 },
    { "label",         0 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("bri-countries-XXXXXX.json", &stream, &error);

  g_assert_no_error (error);

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    for (Wrong w = 0; w < N_WRONG; w++)
      {
        g_autofree char *country = json_with_member (KE, fields[f].field, wrong_json[w]);
        g_autofree char *json = g_strdup_printf ("[%s]", country);
        g_autofree char *quoted = g_strdup_printf ("“%s”", fields[f].field);
        g_autoptr(GPtrArray) countries = NULL;
        g_autoptr(GError) local_error = NULL;

        g_test_message ("%s = %s", fields[f].field, wrong_json[w]);
        g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                 G_FILE_CREATE_NONE, NULL, NULL, &local_error);
        g_assert_no_error (local_error);
        countries = bri_country_load_all (file, &local_error);

        if (fields[f].valid & OK (w))
          {
            BriCountry *country;

            g_assert_no_error (local_error);
            g_assert_cmpuint (countries->len, ==, 1);
            country = g_ptr_array_index (countries, 0);
            if (w == WRONG_NUMBER)
              g_assert_cmpint (bri_country_get_numeric (country), ==, 5);
            else if (w == WRONG_NULL && g_str_equal (fields[f].field, "official_name"))
              g_assert_null (bri_country_get_official_name (country));
            else if (w == WRONG_NULL && g_str_equal (fields[f].field, "iso_name"))
              g_assert_null (bri_country_get_iso_name (country));
            else if (w == WRONG_NULL && g_str_equal (fields[f].field, "demonyms"))
              g_assert_cmpuint (g_strv_length ((char **) bri_country_get_demonyms (country)), ==, 0);
            else if (w == WRONG_NULL)
              g_assert_cmpuint (g_strv_length ((char **) bri_country_get_alt_names (country)), ==, 0);
            else
              g_assert_cmpstr (g_str_equal (fields[f].field, "name") ? bri_country_get_name (country)
                               : g_str_equal (fields[f].field, "iso_name") ? bri_country_get_iso_name (country)
                               : bri_country_get_official_name (country), ==, "x");
            continue;
          }

        g_assert_null (countries);
        g_assert_error (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
        if (strstr (local_error->message, "entry 0 (") == NULL || strstr (local_error->message, quoted) == NULL)
          g_error ("%s = %s: the error does not name the entry and the field: %s",
                   fields[f].field, wrong_json[w], local_error->message);
      }

  /* Whole messages, for a few. */
  {
    const struct {
      const char *field;
      const char *value;
      const char *message;
    } cases[] = {
      { "numeric", "\"404\"", "entry 0 (KE): “numeric” must be a whole number from 1 to 999, not a string" },
      { "numeric", "4040", "entry 0 (KE): “numeric” must be a whole number from 1 to 999, not 4040" },
      { "alpha2", "5", "entry 0 (?): “alpha2” must be a string, not a number" },
      { "demonyms", "[\"Kenyan\", null]", "entry 0 (KE): item 1 of “demonyms” must be a string, not null" },
      { "bounds", "[1, 2, 3]", "entry 0 (KE): “bounds” must be a list of 4 numbers, not a list of 3" },
      { "label", "[37.8, {}]", "entry 0 (KE): item 1 of “label” must be a number, not an object" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *country = json_with_member (KE, cases[i].field, cases[i].value);
        g_autofree char *json = g_strdup_printf ("[%s]", country);
        g_autofree char *base = g_file_get_basename (file);
        g_autofree char *expected = g_strdup_printf ("%s: %s", base, cases[i].message);
        g_autoptr(GPtrArray) countries = NULL;
        g_autoptr(GError) local_error = NULL;

        g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                 G_FILE_CREATE_NONE, NULL, NULL, &local_error);
        g_assert_no_error (local_error);
        countries = bri_country_load_all (file, &local_error);
        g_assert_null (countries);
        g_assert_error (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
        g_assert_cmpstr (local_error->message, ==, expected);
      }
  }

  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/countries/basic", test_countries_basic);
  g_test_add_func ("/bri/countries/codes", test_countries_codes);
  g_test_add_func ("/bri/countries/unique-names", test_countries_unique_names);
  g_test_add_func ("/bri/countries/cover-basemap", test_countries_cover_basemap);
  g_test_add_func ("/bri/countries/display-name-english", test_display_name_english);
  g_test_add_func ("/bri/countries/display-name-translated", test_display_name_translated);
  g_test_add_func ("/bri/countries/bad-input", test_countries_bad_input);
  g_test_add_func ("/bri/countries/field-types", test_countries_field_types);

  return g_test_run ();
}
