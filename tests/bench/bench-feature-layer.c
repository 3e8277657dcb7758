/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures the feature layer: building the index, one snapshot of the
 * layer (the frame's drawing recorded into render nodes) and rendering
 * that snapshot with the window's renderer, for the atlas's own features
 * and for 10,000 and 100,000 generated ones, at three zoom levels, in a
 * 1280 × 800 map.  Run under Xvfb with GSK_RENDERER=cairo, as the tests.
 *
 * Times are the main thread's CPU time, which other processes on a busy
 * build machine do not inflate as they do wall-clock time; everything
 * measured runs on that one thread. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#include "bri-feature-index.h"
#include "bri-feature-layer.h"
#include "bench-util.h"

/* The layer only needs a reference map source for the tile size. */

#define BENCH_TYPE_SOURCE (bench_source_get_type ())
G_DECLARE_FINAL_TYPE (BenchSource, bench_source, BENCH, SOURCE, ShumateMapSource)

struct _BenchSource
{
  ShumateMapSource parent_instance;
};

G_DEFINE_FINAL_TYPE (BenchSource, bench_source, SHUMATE_TYPE_MAP_SOURCE)

static void
bench_source_fill_tile_async (ShumateMapSource    *source,
                              ShumateTile         *tile,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "no tiles in the benchmark");
}

static gboolean
bench_source_fill_tile_finish (ShumateMapSource  *source,
                               GAsyncResult      *result,
                               GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
bench_source_class_init (BenchSourceClass *klass)
{
  SHUMATE_MAP_SOURCE_CLASS (klass)->fill_tile_async = bench_source_fill_tile_async;
  SHUMATE_MAP_SOURCE_CLASS (klass)->fill_tile_finish = bench_source_fill_tile_finish;
}

static void
bench_source_init (BenchSource *self)
{
}

static void
stats (GArray *ms,
       double *median,
       double *p95)
{
  g_array_sort (ms, bench_compare_doubles);
  *median = g_array_index (ms, double, ms->len / 2);
  *p95 = g_array_index (ms, double, MIN (ms->len - 1, (guint) ceil (ms->len * 0.95) - 1));
}

/* Features over Eurasia and Africa: points of every point kind, lines of
 * every line kind, some schematic, from a fixed seed. */
static GPtrArray *
generate (guint n)
{
  static const char *point_kinds[] = { "port", "power-station", "economic-zone", "city", "venue", "centre", "bridge" };
  static const char *line_kinds[] = { "railway", "highway", "pipeline", "corridor", "route", "historical-route", "air-route" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1234 + n);
  g_autoptr(GString) json = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[");
  g_autoptr(GFileIOStream) io = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("bri-bench-XXXXXX.geojson", &io, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *features;

  for (guint i = 0; i < n; i++)
    {
      gboolean point = g_rand_int_range (rand, 0, 10) < 6;
      const char *precision = g_rand_int_range (rand, 0, 5) == 0 ? "schematic"
                              : g_rand_boolean (rand) ? "exact" : "town";
      double lon = g_rand_double_range (rand, -20, 150);
      double lat = g_rand_double_range (rand, -35, 60);

      g_string_append_printf (json,
                              "%s{\"type\":\"Feature\",\"properties\":{\"id\":\"g%u\",\"name\":\"Place %u\","
                              "\"kind\":\"%s\",\"status\":\"operational\",\"precision\":\"%s\"},\"geometry\":",
                              i ? "," : "", i, i,
                              point ? point_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (point_kinds))]
                                    : line_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (line_kinds))],
                              precision);
      if (point)
        g_string_append_printf (json, "{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]}}", lon, lat);
      else
        {
          guint nv = g_rand_int_range (rand, 3, 21);

          g_string_append_printf (json, "{\"type\":\"LineString\",\"coordinates\":[[%.5f,%.5f]", lon, lat);
          for (guint j = 1; j < nv; j++)
            {
              lon = CLAMP (lon + g_rand_double_range (rand, -1.5, 1.5), -180, 180);
              lat = CLAMP (lat + g_rand_double_range (rand, -1.0, 1.0), -80, 80);
              g_string_append_printf (json, ",[%.5f,%.5f]", lon, lat);
            }
          g_string_append (json, "]}}");
        }
    }
  g_string_append (json, "]}");

  if (!g_file_replace_contents (file, json->str, json->len, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
    g_error ("%s", error->message);
  features = bri_feature_load_all (file, &error);
  if (features == NULL)
    g_error ("%s", error->message);
  g_file_delete (file, NULL, NULL);

  return features;
}

static GPtrArray *
load_atlas (void)
{
  const char *dir = g_getenv ("BRI_ATLAS_SOURCE_DATA_DIR");
  g_autofree char *path = g_build_filename (dir ? dir : "data", "gazetteer", "features.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GPtrArray *features;

  if (!g_file_query_exists (file, NULL))
    {
      printf ("atlas: %s does not exist yet, skipped\n", path);
      return NULL;
    }

  features = bri_feature_load_all (file, &error);
  if (features == NULL)
    g_error ("%s", error->message);

  return features;
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

typedef struct
{
  GtkWidget       *window;
  ShumateMap      *map;
  ShumateViewport *viewport;
  BriFeatureLayer *layer;
} Scene;

static void
measure_set (Scene      *scene,
             const char *name,
             GPtrArray  *features)
{
  static const double zooms[] = { 3.0, 6.0, 10.0 };
  g_autoptr(GListStore) store = g_list_store_new (BRI_TYPE_FEATURE);
  g_autoptr(GArray) build = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  GtkWidget *layer = GTK_WIDGET (scene->layer);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (scene->window));
  int w = gtk_widget_get_width (layer), h = gtk_widget_get_height (layer);
  double median, p95;
  guint runs = features->len > 50000 ? 5 : 11;

  for (guint i = 0; i < features->len; i++)
    g_list_store_append (store, g_ptr_array_index (features, i));

  for (guint r = 0; r < runs; r++)
    {
      double start = bench_cpu_ms ();
      BriFeatureIndex *index = bri_feature_index_new_from_array (features);

      g_array_append_val (build, (double) { bench_cpu_ms () - start });
      bri_feature_index_unref (index);
    }
  stats (build, &median, &p95);
  printf ("%s: %u features; index build median %.2f ms (of %u)\n", name, features->len, median, runs);

  bri_feature_layer_set_model (scene->layer, G_LIST_MODEL (store));

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autoptr(GArray) snap = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) render = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) pick = g_array_new (FALSE, FALSE, sizeof (double));
      double first = 0, render_median, render_p95, pick_median, pick_p95;
      guint frames = 62;

      for (guint i = 0; i < frames; i++)
        {
          GtkSnapshot *snapshot = gtk_snapshot_new ();
          GskRenderNode *node;
          double start;
          double ms;

          /* Pan a little every frame: nothing may come from a cache of
           * the last frame but what the layer caches on purpose. */
          shumate_viewport_set_zoom_level (scene->viewport, zooms[z]);
          shumate_location_set_location (SHUMATE_LOCATION (scene->viewport),
                                         35.0 + g_rand_double_range (rand, -1, 1) * 20 / exp2 (zooms[z]),
                                         70.0 + g_rand_double_range (rand, -1, 1) * 40 / exp2 (zooms[z]));

          start = bench_cpu_ms ();
          GTK_WIDGET_GET_CLASS (layer)->snapshot (layer, snapshot);
          node = gtk_snapshot_free_to_node (snapshot);
          ms = bench_cpu_ms () - start;

          /* The first frames at a zoom level gather the clusters for it
           * and lay out labels: reported apart. */
          if (i == 0)
            first = ms;
          else if (i >= 2)
            g_array_append_val (snap, ms);

          if (node != NULL && i >= 2 && i < 22)
            {
              GdkTexture *texture;

              start = bench_cpu_ms ();
              texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
              g_array_append_val (render, (double) { bench_cpu_ms () - start });
              g_object_unref (texture);
            }
          g_clear_pointer (&node, gsk_render_node_unref);
        }

      for (guint i = 0; i < 1000; i++)
        {
          double x = g_rand_double_range (rand, 0, w), y = g_rand_double_range (rand, 0, h);
          double start = bench_cpu_ms ();

          bri_feature_layer_pick (scene->layer, x, y);
          g_array_append_val (pick, (double) { bench_cpu_ms () - start });
        }

      stats (snap, &median, &p95);
      stats (render, &render_median, &render_p95);
      stats (pick, &pick_median, &pick_p95);
      printf ("  zoom %4.1f: snapshot median %6.2f ms, p95 %6.2f ms (first frame %6.2f ms) | "
              "render median %7.2f ms, p95 %7.2f ms | pick median %.3f ms, p95 %.3f ms\n",
              zooms[z], median, p95, first, render_median, render_p95, pick_median, pick_p95);
    }

  bri_feature_layer_set_model (scene->layer, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ShumateMapSource) source = NULL;
  GPtrArray *features;
  Scene scene;
  gint64 start;

  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under Xvfb\n");
      return 1;
    }

  source = g_object_new (BENCH_TYPE_SOURCE, "id", "bri-bench", "min-zoom-level", 0,
                         "max-zoom-level", 18, "tile-size", 256, NULL);
  scene.map = shumate_map_new ();
  scene.viewport = shumate_map_get_viewport (scene.map);
  shumate_viewport_set_reference_map_source (scene.viewport, source);
  scene.layer = bri_feature_layer_new (scene.viewport);
  shumate_map_add_layer (scene.map, SHUMATE_LAYER (scene.layer));
  scene.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (scene.window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (scene.window), GTK_WIDGET (scene.map));
  gtk_window_present (GTK_WINDOW (scene.window));
  while (gtk_widget_get_width (GTK_WIDGET (scene.layer)) == 0)
    g_main_context_iteration (NULL, TRUE);
  iterate (100);

  printf ("map %d × %d px, renderer %s\n",
          gtk_widget_get_width (GTK_WIDGET (scene.layer)), gtk_widget_get_height (GTK_WIDGET (scene.layer)),
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (scene.window))));

  features = load_atlas ();
  if (features != NULL)
    {
      measure_set (&scene, "atlas", features);
      g_ptr_array_unref (features);
    }

  start = g_get_monotonic_time ();
  features = generate (10000);
  printf ("(generated and loaded 10,000 features in %.0f ms)\n", (g_get_monotonic_time () - start) / 1000.0);
  measure_set (&scene, "generated", features);
  g_ptr_array_unref (features);

  start = g_get_monotonic_time ();
  features = generate (100000);
  printf ("(generated and loaded 100,000 features in %.0f ms)\n", (g_get_monotonic_time () - start) / 1000.0);
  measure_set (&scene, "generated", features);
  g_ptr_array_unref (features);

  gtk_window_destroy (GTK_WINDOW (scene.window));

  return 0;
}
