/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures the offline basemap: loading each resolution of the outlines
 * (the first tile at that resolution pays it), then the time to draw one
 * 512 px tile at zooms 0–8 (30 tiles per zoom, drawn at random with a
 * fixed seed, half of them centred on land; median and p95), and the wall
 * time for a screenful of tiles filled through BriBasemapSource on its
 * worker threads, as the map view asks for them. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#include "bri-basemap-source.h"
#include "bri-country.h"
#include "bri-country-label-layer.h"
#include "bri-country-layer.h"
#include "bri-geo.h"
#include "bri-tile-renderer.h"
#include "bench-util.h"

#define TILES_PER_ZOOM 30
#define MAX_ZOOM 8
#define SIZE 512

/* The calling thread's CPU time: on a busy build machine wall-clock time
 * also counts the other processes. */
static double
percentile (double *sorted,
            guint   n,
            double  p)
{
  guint i = (guint) (p * (n - 1) + 0.5);

  return sorted[MIN (i, n - 1)];
}

static void
bench_loading (void)
{
  static const char * const resolutions[] = { "110m", "50m", "10m" };
  g_autoptr(BriTileRenderer) renderer = bri_tile_renderer_new ();

  printf ("Loading the outlines (once per process, on the first tile that needs them)\n");
  printf ("  %-5s %10s %9s %9s\n", "res", "load ms", "rings", "points");
  for (guint i = 0; i < G_N_ELEMENTS (resolutions); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BriBasemap) map = NULL;
      double start = bench_cpu_ms ();

      map = bri_tile_renderer_get_basemap (renderer, resolutions[i], &error);
      if (map == NULL)
        g_error ("%s", error->message);
      printf ("  %-5s %10.2f %9u %9u\n", resolutions[i], bench_cpu_ms () - start,
              bri_basemap_get_n_rings (map), bri_basemap_get_n_points (map));
    }
  printf ("\n");
}

/* A random tile; with @on_land, one whose centre is on land (most of the
 * world is sea, and sea tiles cost next to nothing). */
static void
pick_tile (GRand      *rand,
           BriBasemap *map,
           guint       zoom,
           gboolean    on_land,
           guint      *x,
           guint      *y)
{
  guint n = 1u << zoom;

  for (guint attempt = 0; attempt < 10000; attempt++)
    {
      *x = g_rand_int_range (rand, 0, n);
      *y = g_rand_int_range (rand, 0, n);
      if (!on_land ||
          bri_basemap_find_country (map, bri_geo_x_to_lon ((*x + 0.5) / n),
                                    bri_geo_y_to_lat ((*y + 0.5) / n)) >= 0)
        return;
    }
}

static void
bench_tiles (BriTileStyle style)
{
  g_autoptr(BriTileRenderer) renderer = bri_tile_renderer_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);

  /* Load everything first: this measures drawing alone. */
  for (guint z = 0; z <= MAX_ZOOM; z += 3)
    {
      g_autoptr(BriBasemap) map = bri_tile_renderer_get_basemap (renderer,
                                                                 bri_tile_renderer_resolution_for_zoom (z),
                                                                 NULL);
      g_assert (map != NULL);
    }

  printf ("Drawing one %d px tile, %s style (%d tiles per zoom, every other one centred on land)\n",
          SIZE, style == BRI_TILE_STYLE_DARK ? "dark" : "light", TILES_PER_ZOOM);
  printf ("  %-4s %-5s %10s %10s %10s %12s\n", "zoom", "res", "median ms", "p95 ms", "max ms",
          "land median");
  for (guint z = 0; z <= MAX_ZOOM; z++)
    {
      g_autoptr(BriBasemap) map = bri_tile_renderer_get_basemap (renderer,
                                                                 bri_tile_renderer_resolution_for_zoom (z),
                                                                 NULL);
      double times[TILES_PER_ZOOM], land[TILES_PER_ZOOM / 2];

      for (guint i = 0; i < TILES_PER_ZOOM; i++)
        {
          cairo_surface_t *surface;
          double start;
          guint x, y;

          pick_tile (rand, map, z, i % 2 == 1, &x, &y);
          start = bench_cpu_ms ();
          surface = bri_tile_renderer_render (renderer, z, x, y, SIZE, style, NULL);
          times[i] = bench_cpu_ms () - start;
          if (i % 2 == 1)
            land[i / 2] = times[i];
          g_assert (surface != NULL);
          cairo_surface_destroy (surface);
        }

      qsort (times, TILES_PER_ZOOM, sizeof (double), bench_compare_doubles);
      qsort (land, TILES_PER_ZOOM / 2, sizeof (double), bench_compare_doubles);
      printf ("  %-4u %-5s %10.2f %10.2f %10.2f %12.2f\n", z, bri_tile_renderer_resolution_for_zoom (z),
              percentile (times, TILES_PER_ZOOM, 0.5), percentile (times, TILES_PER_ZOOM, 0.95),
              times[TILES_PER_ZOOM - 1], percentile (land, TILES_PER_ZOOM / 2, 0.5));
    }
  printf ("\n");
}

static void
on_fill_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  guint *n_failed = user_data;

  if (!shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (source), result, NULL))
    (*n_failed)++;
}

/* What a 1280 × 800 window asks for at one zoom: 6 × 5 tiles of 256 px. */
static void
bench_source (void)
{
  static const struct { guint zoom, x, y; } views[] = {
    { 3, 3, 1 },      /* Europe to China */
    { 5, 18, 10 },    /* the Balkans */
    { 7, 88, 52 },    /* Pakistan and Gwadar */
  };

  printf ("Filling a screenful (6 × 5 tiles) through BriBasemapSource, worker threads\n");
  printf ("  %-4s %10s %8s\n", "zoom", "wall ms", "tiles");
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(BriBasemapSource) source = bri_basemap_source_new ();
      g_autoptr(GPtrArray) tiles = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = 1u << views[v].zoom, n_failed = 0;
      gint64 start = g_get_monotonic_time ();

      for (guint dx = 0; dx < 6; dx++)
        for (guint dy = 0; dy < 5; dy++)
          {
            ShumateTile *tile = shumate_tile_new_full ((views[v].x + dx) % n, MIN (views[v].y + dy, n - 1),
                                                       256, views[v].zoom);

            g_ptr_array_add (tiles, tile);
            shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, NULL,
                                                on_fill_done, &n_failed);
          }

      while (bri_basemap_source_get_pending_tiles (source) > 0)
        g_main_context_iteration (NULL, TRUE);
      /* Let the last completion callbacks run. */
      while (g_main_context_iteration (NULL, FALSE))
        ;

      g_assert (n_failed == 0);
      printf ("  %-4u %10.1f %8u\n", views[v].zoom, (g_get_monotonic_time () - start) / 1000.0,
              tiles->len);
    }
  printf ("\n");
}

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

/* One frame of @layer: the snapshot (recording) and drawing the recorded
 * nodes with the window's renderer, in CPU ms. */
static void
measure_frame (GtkWidget   *layer,
               GskRenderer *renderer,
               double      *snapshot_ms,
               double      *render_ms)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  double start = bench_cpu_ms ();

  GTK_WIDGET_GET_CLASS (layer)->snapshot (layer, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  *snapshot_ms = bench_cpu_ms () - start;

  *render_ms = 0.0;
  if (node != NULL)
    {
      g_autoptr(GdkTexture) texture = NULL;

      start = bench_cpu_ms ();
      texture = gsk_renderer_render_texture (renderer, node,
                                             &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (layer),
                                                                  gtk_widget_get_height (layer)));
      *render_ms = bench_cpu_ms () - start;
    }
}

/* The layers redraw on every frame of a pan or zoom: measured in a
 * 1280 × 800 map with Russia (the largest outline) or China selected, and
 * the names over Europe, panning a little every frame. */
static void
bench_layers (void)
{
  static const double zooms[] = { 2.0, 4.0, 6.0, 8.0 };
  static const int selected[] = { 643, 156 };
  /* Over Siberia, over China, and the names over central Europe, where
   * many small countries compete for room. */
  static const double centres[][2] = { { 55.0, 80.0 }, { 35.0, 105.0 }, { 48.0, 15.0 } };
  g_autoptr(GFile) file = g_file_new_for_uri ("resource:///org/example/BriAtlas/data/countries/countries.json");
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GListStore) store = g_list_store_new (BRI_TYPE_COUNTRY);
  g_autoptr(BriBasemapSource) source = bri_basemap_source_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  ShumateViewport *viewport;
  BriCountryLayer *outline;
  BriCountryLabelLayer *labels;
  GskRenderer *renderer;
  ShumateMap *map;
  GtkWidget *window;

  countries = bri_country_load_all (file, &error);
  if (countries == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < countries->len; i++)
    g_list_store_append (store, g_ptr_array_index (countries, i));

  map = shumate_map_new ();
  viewport = shumate_map_get_viewport (map);
  shumate_viewport_set_reference_map_source (viewport, SHUMATE_MAP_SOURCE (source));
  outline = bri_country_layer_new (viewport);
  shumate_map_add_layer (map, SHUMATE_LAYER (outline));
  labels = bri_country_label_layer_new (viewport);
  bri_country_label_layer_set_countries (labels, G_LIST_MODEL (store));
  shumate_map_add_layer (map, SHUMATE_LAYER (labels));

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (labels)) <= 0)
    g_main_context_iteration (NULL, TRUE);
  iterate (50);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  printf ("Layers, one frame of a 1280 × 800 map (CPU ms, median of 30 frames; snapshot + render)\n");
  printf ("  %-4s %21s %21s %21s\n", "zoom", "Russia outline", "China outline", "country names");
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      double results[3][2];

      for (guint what = 0; what < 3; what++)
        {
          GtkWidget *layer = what < 2 ? GTK_WIDGET (outline) : GTK_WIDGET (labels);
          double snap[30], draw[30];

          bri_country_layer_set_country (outline, what < 2 ? selected[what] : -1);
          for (guint i = 0; i < 30; i++)
            {
              shumate_viewport_set_zoom_level (viewport, zooms[z]);
              shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                             centres[what][0] + g_rand_double_range (rand, -1, 1) * 10 / exp2 (zooms[z]),
                                             centres[what][1] + g_rand_double_range (rand, -1, 1) * 20 / exp2 (zooms[z]));
              measure_frame (layer, renderer, &snap[i], &draw[i]);
            }
          qsort (snap, 30, sizeof (double), bench_compare_doubles);
          qsort (draw, 30, sizeof (double), bench_compare_doubles);
          results[what][0] = snap[15];
          results[what][1] = draw[15];
        }

      printf ("  %-4.0f %9.2f + %9.2f %9.2f + %9.2f %9.2f + %9.2f\n", zooms[z],
              results[0][0], results[0][1], results[1][0], results[1][1],
              results[2][0], results[2][1]);
    }
  printf ("\n");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  bench_loading ();
  bench_tiles (BRI_TILE_STYLE_LIGHT);
  bench_tiles (BRI_TILE_STYLE_DARK);
  bench_source ();

  /* The layers need a display: run under Xvfb, as the UI tests. */
  if (gtk_init_check ())
    bench_layers ();
  else
    printf ("Layers: skipped, no display (run under Xvfb)\n");

  return 0;
}
