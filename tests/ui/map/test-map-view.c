/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriMapView:drawn, which the window and the start-up benchmark wait for:
 * FALSE until a frame shows every tile the map asked for, FALSE again
 * while tiles are drawn after a zoom, a change of style or a bigger map,
 * also when the bigger map finds all its tiles in libshumate's cache; and
 * BriBasemapSource:scale-factor, which sizes the textures. */

#include "config.h"

#include <math.h>

#include "bri-basemap-source.h"
#include "bri-map-view.h"
#include "bri-tile-paintable.h"
#include "map-test-util.h"

#define TIMEOUT_S 20

typedef struct
{
  GtkWidget *window;
  GtkWidget *map;
  guint      n_drawn;         /* FALSE → TRUE changes */
  guint      n_undrawn;       /* TRUE → FALSE changes */
  guint      max_pending;     /* tiles in flight, most seen while waiting */
} Fixture;

static void
on_drawn_notify (BriMapView *map,
                 GParamSpec *pspec,
                 Fixture    *f)
{
  if (bri_map_view_get_drawn (map))
    {
      /* Only a frame after the last tile is painted counts. */
      g_assert_cmpuint (bri_map_view_get_pending_tiles (map), ==, 0);
      f->n_drawn++;
    }
  else
    f->n_undrawn++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  ShumateViewport *viewport;

  f->window = gtk_window_new ();
  f->map = bri_map_view_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), f->map);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 700, 500);
  viewport = bri_map_view_get_viewport (BRI_MAP_VIEW (f->map));
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 30.0, 70.0);
  shumate_viewport_set_zoom_level (viewport, 3.0);
  g_signal_connect (f->map, "notify::drawn", G_CALLBACK (on_drawn_notify), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_drawn (Fixture  *f,
            gboolean  drawn)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_S, on_timeout, &timed_out);

  while (bri_map_view_get_drawn (BRI_MAP_VIEW (f->map)) != drawn && !timed_out)
    {
      f->max_pending = MAX (f->max_pending, bri_map_view_get_pending_tiles (BRI_MAP_VIEW (f->map)));
      g_main_context_iteration (NULL, TRUE);
    }
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

static void
wait_width (Fixture *f,
            int      width)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_S, on_timeout, &timed_out);

  while (gtk_widget_get_width (f->map) != width && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

/* The first frames come before the map has asked for any tile: with
 * nothing in flight they still do not count as drawn. */
static void
test_drawn_start (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_false (bri_map_view_get_drawn (BRI_MAP_VIEW (f->map)));
  gtk_window_present (GTK_WINDOW (f->window));
  wait_drawn (f, TRUE);

  g_assert_cmpuint (f->max_pending, >, 0);
  g_assert_cmpuint (f->n_drawn, ==, 1);
  g_assert_cmpuint (bri_map_view_get_pending_tiles (BRI_MAP_VIEW (f->map)), ==, 0);
}

static void
test_drawn_zoom (Fixture       *f,
                 gconstpointer  data)
{
  ShumateViewport *viewport = bri_map_view_get_viewport (BRI_MAP_VIEW (f->map));

  gtk_window_present (GTK_WINDOW (f->window));
  wait_drawn (f, TRUE);

  /* A new zoom level asks for tiles at once. */
  shumate_viewport_set_zoom_level (viewport, 5.0);
  g_assert_false (bri_map_view_get_drawn (BRI_MAP_VIEW (f->map)));
  wait_drawn (f, TRUE);
  g_assert_cmpuint (f->n_undrawn, ==, 1);
  g_assert_cmpuint (f->n_drawn, ==, 2);
}

static void
test_drawn_dark (Fixture       *f,
                 gconstpointer  data)
{
  gtk_window_present (GTK_WINDOW (f->window));
  wait_drawn (f, TRUE);

  /* A new style means a new, empty layer. */
  bri_map_view_set_dark (BRI_MAP_VIEW (f->map), TRUE);
  g_assert_false (bri_map_view_get_drawn (BRI_MAP_VIEW (f->map)));
  wait_drawn (f, TRUE);
  g_assert_cmpuint (f->n_drawn, ==, 2);
}

static void
test_drawn_grow (Fixture       *f,
                 gconstpointer  data)
{
  gtk_window_present (GTK_WINDOW (f->window));
  wait_drawn (f, TRUE);

  /* Wider: the new columns of tiles are drawn before it counts. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 500);
  wait_drawn (f, FALSE);
  wait_drawn (f, TRUE);
  g_assert_cmpint (gtk_widget_get_width (f->map), ==, 1000);
  g_assert_cmpuint (f->n_drawn, ==, 2);

  /* Narrower: still drawn.  Wider again: every tile comes from
   * libshumate's cache, nothing is asked for, and the map counts as drawn
   * all the same. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 700, 500);
  wait_width (f, 700);
  g_assert_true (bri_map_view_get_drawn (BRI_MAP_VIEW (f->map)));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 500);
  f->max_pending = 0;
  wait_drawn (f, FALSE);
  wait_drawn (f, TRUE);
  g_assert_cmpuint (f->max_pending, ==, 0);
  g_assert_cmpuint (f->n_drawn, ==, 3);
}

static void
wait_for_view (ShumateViewport *viewport,
               double           latitude,
               double           longitude,
               double           zoom)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;

  while (fabs (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) - latitude) > 1e-6 ||
         fabs (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)) - longitude) > 1e-6 ||
         fabs (shumate_viewport_get_zoom_level (viewport) - zoom) > 1e-6)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* What a "view:LAT,LON,ZOOM" location asks for: the viewport's centre
 * and zoom end up there, with the zoom kept to the map's levels; animated
 * or, with animations off, at once. */
static void
test_go_to (Fixture       *f,
            gconstpointer  data)
{
  BriMapView *view = BRI_MAP_VIEW (f->map);
  ShumateViewport *viewport = bri_map_view_get_viewport (view);
  GtkSettings *settings = gtk_settings_get_default ();
  gboolean animations;

  gtk_window_present (GTK_WINDOW (f->window));
  wait_drawn (f, TRUE);

  bri_map_view_go_to (view, -4.05, 39.67, 8.0);
  wait_for_view (viewport, -4.05, 39.67, 8.0);

  bri_map_view_go_to (view, 51.5, -0.12, 30.0);
  wait_for_view (viewport, 51.5, -0.12, 12.0);

  g_object_get (settings, "gtk-enable-animations", &animations, NULL);
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  bri_map_view_go_to (view, -1.29, 36.82, 0.0);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), -1.29, 1e-6);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), 36.82, 1e-6);
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), 1.0, 1e-6);
  g_object_set (settings, "gtk-enable-animations", animations, NULL);
}

static void
on_fill_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
on_notify_count (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* One texture pixel per screen pixel on a scale 1 screen, with one pixel
 * of the neighbouring tiles round it. */
static void
test_source_scale (void)
{
  g_autoptr(BriBasemapSource) source = bri_basemap_source_new ();
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (2, 1, 256, 2);
  gint64 end = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;
  GdkPaintable *paintable;
  GdkTexture *texture;
  gboolean done = FALSE;
  guint n_notify = 0;
  int scale;

  g_assert_cmpint (bri_basemap_source_get_scale_factor (source), ==, BRI_BASEMAP_SOURCE_TEXTURE_SCALE);
  g_signal_connect (source, "notify::scale-factor", G_CALLBACK (on_notify_count), &n_notify);
  bri_basemap_source_set_scale_factor (source, 1);
  bri_basemap_source_set_scale_factor (source, 1);
  g_assert_cmpuint (n_notify, ==, 1);
  g_object_get (source, "scale-factor", &scale, NULL);
  g_assert_cmpint (scale, ==, 1);

  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, NULL, on_fill_done, &done);
  while (!done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }

  paintable = shumate_tile_get_paintable (tile);
  g_assert_true (BRI_IS_TILE_PAINTABLE (paintable));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 256);
  g_assert_cmpuint (bri_tile_paintable_get_bleed (BRI_TILE_PAINTABLE (paintable)), ==, 1);
  texture = bri_tile_paintable_get_texture (BRI_TILE_PAINTABLE (paintable));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 256 + 2);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 256 + 2);
}

int
main (int   argc,
      char *argv[])
{
  if (!map_test_init (&argc, &argv, "/bri/map-view/display"))
    return g_test_run ();

  g_test_add ("/bri/map-view/drawn-start", Fixture, NULL, fixture_setup, test_drawn_start, fixture_teardown);
  g_test_add ("/bri/map-view/drawn-zoom", Fixture, NULL, fixture_setup, test_drawn_zoom, fixture_teardown);
  g_test_add ("/bri/map-view/drawn-dark", Fixture, NULL, fixture_setup, test_drawn_dark, fixture_teardown);
  g_test_add ("/bri/map-view/drawn-grow", Fixture, NULL, fixture_setup, test_drawn_grow, fixture_teardown);
  g_test_add ("/bri/map-view/go-to", Fixture, NULL, fixture_setup, test_go_to, fixture_teardown);
  g_test_add_func ("/bri/map-view/source-scale", test_source_scale);

  return g_test_run ();
}
