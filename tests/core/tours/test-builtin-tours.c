/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tours that ship with BriAtlas, checked against the atlas they ship
 * with: every quote is a real passage and a tight range inside it, every
 * place exists, and every place a stop is about or reveals is on screen
 * at the stop's view in a 1280×800 presentation. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bri-geo.h"
#include "bri-resolved-stop.h"
#include "bri-tour-library.h"
#include "../test-atlas-util.h"

#define SCREEN_WIDTH 1280.0
#define SCREEN_HEIGHT 800.0
#define TILE_SIZE 256.0

static BriTourLibrary *library;

/* Whether a point of @feature (a point feature's point; for a line, any
 * of its vertices) lies on a SCREEN_WIDTH × SCREEN_HEIGHT screen showing
 * @view. */
static gboolean
feature_on_screen (BriFeature  *feature,
                   BriLocation *view)
{
  double lat, lon, zoom, world, cx, cy;

  bri_location_get_view (view, &lat, &lon, &zoom);
  world = TILE_SIZE * exp2 (zoom);
  cx = bri_geo_lon_to_x (lon) * world;
  cy = bri_geo_lat_to_y (lat) * world;

  for (guint p = 0; p < bri_feature_get_n_parts (feature); p++)
    {
      guint n;
      const BriLonLat *v = bri_feature_get_part (feature, p, &n);

      for (guint i = 0; i < n; i++)
        {
          double x = bri_geo_lon_to_x (v[i].lon) * world - cx + SCREEN_WIDTH / 2;
          double y = bri_geo_lat_to_y (v[i].lat) * world - cy + SCREEN_HEIGHT / 2;

          if (x >= 0 && x <= SCREEN_WIDTH && y >= 0 && y <= SCREEN_HEIGHT)
            return TRUE;
        }
    }

  return FALSE;
}

static void
assert_on_screen (BriTour     *tour,
                  guint        index,
                  const char  *feature_id,
                  BriLocation *view)
{
  BriFeature *feature = bri_atlas_lookup_feature (test_atlas (), feature_id);

  if (feature == NULL)
    g_error ("%s, stop %u: no feature “%s” in the gazetteer", bri_tour_get_id (tour), index + 1, feature_id);
  if (!feature_on_screen (feature, view))
    g_error ("%s, stop %u: “%s” is off screen at %s", bri_tour_get_id (tour), index + 1, feature_id,
             bri_location_to_string (view));
}

/* The check itself must see a place that is off screen. */
static void
test_on_screen_check (void)
{
  BriFeature *gwadar = bri_atlas_lookup_feature (test_atlas (), "gwadar-port");
  BriFeature *laos = bri_atlas_lookup_feature (test_atlas (), "china-laos-railway");
  g_autoptr(BriLocation) at_gwadar = bri_location_new_view (25.12, 62.33, 9);
  g_autoptr(BriLocation) near_gwadar = bri_location_new_view (25.12, 62.33 + 1.8, 9);
  g_autoptr(BriLocation) far_away = bri_location_new_view (25.12 + 6, 62.33, 7);
  g_autoptr(BriLocation) vientiane = bri_location_new_view (17.97, 102.6, 10);

  g_assert_true (feature_on_screen (gwadar, at_gwadar));
  /* At zoom 9 the screen is 1280 / (256 · 512) of the world wide: 3.5°. */
  g_assert_false (feature_on_screen (gwadar, near_gwadar));
  /* 6° of latitude here is about 620 px at zoom 7: more than half of 800. */
  g_assert_false (feature_on_screen (gwadar, far_away));
  /* A line is on screen when one of its points is: here its end. */
  g_assert_true (feature_on_screen (laos, vientiane));
}

static void
test_built_in (void)
{
  const char * const expected[] = { "china-europe-rail", "cpec", "maritime-silk-road-ports", NULL };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (library));

  g_assert_cmpuint (n, >=, 3);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      BriTour *tour = bri_tour_library_lookup (library, expected[i]);

      g_assert_nonnull (tour);
      g_assert_cmpint (bri_tour_get_source (tour), ==, BRI_TOUR_SOURCE_BUILT_IN);
    }
}

static void
check_tour (BriTour *tour)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (tour));
  guint build_up = 0;
  BriLocation *previous_view = NULL;

  g_test_message ("%s: %u stops", bri_tour_get_id (tour), n);
  g_assert_cmpuint (n, >=, 6);
  g_assert_cmpuint (n, <=, 12);
  g_assert_cmpstr (bri_tour_get_language (tour), ==, "en");
  g_assert_cmpuint (strlen (bri_tour_get_description (tour)), >, 40);

  for (guint i = 0; i < n; i++)
    {
      BriTourStop *stop = bri_tour_get_stop (tour, i);
      g_autoptr(BriResolvedStop) resolved = bri_resolved_stop_new (stop, test_atlas ());
      BriLocation *quote = bri_tour_stop_get_quote (stop);
      BriLocation *subject = bri_tour_stop_get_subject (stop);
      BriLocation *view = bri_tour_stop_get_view (stop);
      const char * const *reveal = bri_tour_stop_get_reveal (stop);
      const char *quoted, *text;
      guint start, end;

      if (!bri_resolved_stop_is_complete (resolved))
        g_error ("%s, stop %u: %s", bri_tour_get_id (tour), i + 1, bri_resolved_stop_get_missing (resolved)[0]);

      /* A quote, with a range: the sentence that matters, not the whole
       * paragraph, and cut at word boundaries. */
      g_assert_nonnull (quote);
      g_assert_true (bri_location_get_range (quote, &start, &end));
      g_assert_nonnull (bri_resolved_stop_get_passage (resolved));
      text = bri_passage_get_text (bri_resolved_stop_get_passage (resolved));
      g_assert_cmpuint (end, <=, g_utf8_strlen (text, -1));
      g_assert_cmpuint (end - start, >=, 40);
      g_assert_cmpuint (end - start, <=, 330);
      quoted = bri_resolved_stop_get_quote_text (resolved);
      g_assert_false (g_ascii_isspace (quoted[0]));
      g_assert_false (g_ascii_isspace (quoted[strlen (quoted) - 1]));
      g_assert_true (start == 0 || g_ascii_isspace (g_utf8_offset_to_pointer (text, start)[-1]));
      g_assert_nonnull (bri_resolved_stop_get_citation (resolved));

      g_assert_cmpuint (strlen (bri_tour_stop_get_title (stop)), >, 0);
      g_assert_cmpuint (strlen (bri_tour_stop_get_caption (stop)), >, 60);
      g_assert_cmpuint (strlen (bri_tour_stop_get_notes (stop)), >, 60);
      g_assert_cmpfloat (bri_tour_stop_get_duration (stop), >, 0);

      /* What the stop is about, and what it reveals, is on screen. */
      g_assert_nonnull (subject);
      g_assert_cmpint (bri_location_get_kind (subject), ==, BRI_LOCATION_FEATURE);
      assert_on_screen (tour, i, bri_location_get_id (subject), view);
      for (guint r = 0; reveal[r] != NULL; r++)
        assert_on_screen (tour, i, reveal[r], view);
      if (reveal[0] != NULL)
        build_up++;

      /* Two stops in a row never show the same view: moving on must
       * move the map. */
      if (previous_view != NULL)
        g_assert_false (bri_location_equal (previous_view, view));
      previous_view = view;
    }

  g_assert_cmpuint (build_up, >=, 1);
}

static void
test_stops (void)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(BriTour) tour = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (bri_tour_get_source (tour) == BRI_TOUR_SOURCE_BUILT_IN)
        check_tour (tour);
    }
}

/* The files are written the way BriAtlas writes them: reading and
 * writing one again changes nothing but the spacing json-glib uses. */
static void
test_canonical (void)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(BriTour) tour = g_list_model_get_item (G_LIST_MODEL (library), i);
      g_autofree char *json = bri_tour_to_json (tour);
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      g_autoptr(GError) error = NULL;
      g_autoptr(BriTour) again = bri_tour_new_from_bytes (bytes, "again", &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==,
                        g_list_model_get_n_items (G_LIST_MODEL (tour)));
      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (tour)); s++)
        g_assert_true (bri_tour_stop_equal (bri_tour_get_stop (tour, s), bri_tour_get_stop (again, s)));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) no_user_tours = g_file_new_for_path ("/nonexistent/bri-atlas/tours");
  int status;

  g_test_init (&argc, &argv, NULL);

  library = bri_tour_library_new (no_user_tours);
  bri_tour_library_load (library, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bri_tour_library_get_problems (library)->len, ==, 0);

  g_test_add_func ("/bri/builtin-tours/on-screen-check", test_on_screen_check);
  g_test_add_func ("/bri/builtin-tours/built-in", test_built_in);
  g_test_add_func ("/bri/builtin-tours/stops", test_stops);
  g_test_add_func ("/bri/builtin-tours/canonical", test_canonical);

  status = test_atlas_run ();
  g_clear_object (&library);
  return status;
}
