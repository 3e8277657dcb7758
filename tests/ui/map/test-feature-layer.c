/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The feature layer on a real ShumateMap in a window: picking markers,
 * lines and empty places at the pixels libshumate projects them to,
 * clicks, hover, the world's copies across the antimeridian, the pixels
 * of a rendered frame, the keyboard (focus, Tab through the features,
 * Enter, Escape, arrows and zoom keys), and the gazetteer's four Nanning
 * places that share one coordinate, each clickable. */

#include "config.h"

#include <math.h>

#include "bri-feature-layer.h"
#include "bri-feature-style.h"
#include "map-test-util.h"

/* A basemap of plain tiles, so the test needs no network and no data. */

#define TEST_TYPE_SOURCE (test_source_get_type ())
G_DECLARE_FINAL_TYPE (TestSource, test_source, TEST, SOURCE, ShumateMapSource)

struct _TestSource
{
  ShumateMapSource parent_instance;
};

G_DEFINE_FINAL_TYPE (TestSource, test_source, SHUMATE_TYPE_MAP_SOURCE)

#define BACKGROUND 0xf0ece4

static void
test_source_fill_tile_async (ShumateMapSource    *source,
                             ShumateTile         *tile,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  guint size = shumate_map_source_get_tile_size (source);
  guint32 *pixels = g_new (guint32, size * size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  for (guint i = 0; i < size * size; i++)
    pixels[i] = 0xff000000 | BACKGROUND;
  bytes = g_bytes_new_take (pixels, size * size * 4);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes, size * 4);

  shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  g_task_return_boolean (task, TRUE);
}

static gboolean
test_source_fill_tile_finish (ShumateMapSource  *source,
                              GAsyncResult      *result,
                              GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
test_source_class_init (TestSourceClass *klass)
{
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  source_class->fill_tile_async = test_source_fill_tile_async;
  source_class->fill_tile_finish = test_source_fill_tile_finish;
}

static void
test_source_init (TestSource *self)
{
}

/* The fixture: an 800 × 600 window with a map and the layer. */

typedef struct
{
  GtkWidget       *window;
  ShumateMap      *map;
  ShumateViewport *viewport;
  BriFeatureLayer *layer;
  GListStore      *store;
  GPtrArray       *features;
  GPtrArray       *activated;
} Fixture;

static BriFeature *
find_feature (Fixture    *f,
              const char *id)
{
  for (guint i = 0; i < f->features->len; i++)
    if (g_str_equal (bri_feature_get_id (g_ptr_array_index (f->features, i)), id))
      return g_ptr_array_index (f->features, i);

  g_assert_not_reached ();
}

static void
go_to (Fixture *f,
       double   lat,
       double   lon,
       double   zoom)
{
  shumate_viewport_set_zoom_level (f->viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (f->viewport), lat, lon);
  map_test_iterate (30);
}

static void
on_feature_activated (BriFeatureLayer *layer,
                      BriFeature      *feature,
                      Fixture         *f)
{
  g_ptr_array_add (f->activated, g_object_ref (feature));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feature-layer.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ShumateMapSource) source = NULL;
  ShumateMapLayer *tiles;

  f->features = bri_feature_load_all (file, &error);
  g_assert_no_error (error);
  f->store = g_list_store_new (BRI_TYPE_FEATURE);
  for (guint i = 0; i < f->features->len; i++)
    g_list_store_append (f->store, g_ptr_array_index (f->features, i));
  f->activated = g_ptr_array_new_with_free_func (g_object_unref);

  source = g_object_new (TEST_TYPE_SOURCE,
                         "id", "bri-test-plain",
                         "min-zoom-level", 0,
                         "max-zoom-level", 18,
                         "tile-size", 256,
                         NULL);

  f->map = shumate_map_new ();
  f->viewport = shumate_map_get_viewport (f->map);
  shumate_map_set_map_source (f->map, source);
  tiles = shumate_map_layer_new (source, f->viewport);
  shumate_map_add_layer (f->map, SHUMATE_LAYER (tiles));

  f->layer = bri_feature_layer_new (f->viewport);
  bri_feature_layer_set_model (f->layer, G_LIST_MODEL (f->store));
  shumate_map_add_layer (f->map, SHUMATE_LAYER (f->layer));
  g_signal_connect (f->layer, "feature-activated", G_CALLBACK (on_feature_activated), f);

  shumate_viewport_set_zoom_level (f->viewport, 5);
  shumate_location_set_location (SHUMATE_LOCATION (f->viewport), 38.0, 55.0);
  /* The layer fills the map, so map and layer coordinates agree. */
  f->window = map_test_present (GTK_WIDGET (f->map), GTK_WIDGET (f->layer), 800, 600);
  map_test_iterate (50);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->map)), >=, 600);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->map)), >=, 400);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  map_test_iterate (10);
  g_ptr_array_unref (f->activated);
  g_object_unref (f->store);
  g_ptr_array_unref (f->features);
}

/* Where libshumate itself puts a place. */
static void
project (Fixture *f,
         double   lat,
         double   lon,
         double  *x,
         double  *y)
{
  shumate_viewport_location_to_widget_coords (f->viewport, GTK_WIDGET (f->map), lat, lon, x, y);
}

static const char *
pick_id (Fixture *f,
         double   x,
         double   y)
{
  BriFeature *feature = bri_feature_layer_pick (f->layer, x, y);

  return feature ? bri_feature_get_id (feature) : NULL;
}

static void
test_pick_marker (Fixture       *f,
                  gconstpointer  data)
{
  double x, y;

  project (f, 30.0, 60.0, &x, &y);
  g_assert_cmpstr (pick_id (f, x, y), ==, "port-a");
  g_assert_cmpstr (pick_id (f, x + 5, y - 3), ==, "port-a");
  g_assert_null (pick_id (f, x + 25, y));
  g_assert_true (gtk_widget_contains (GTK_WIDGET (f->layer), x, y));

  /* Past the zoom levels with clusters, through the index. */
  go_to (f, 30.0, 60.0, 11.0);
  project (f, 30.0, 60.0, &x, &y);
  g_assert_cmpstr (pick_id (f, x, y), ==, "port-a");
  g_assert_cmpstr (pick_id (f, x - 6, y + 4), ==, "port-a");
  g_assert_null (pick_id (f, x + 25, y));
}

static void
test_pick_line (Fixture       *f,
                gconstpointer  data)
{
  double ax, ay, bx, by, mx, my;

  /* The middle of the second segment of rail-1: straight on the map. */
  project (f, 40.0, 50.0, &ax, &ay);
  project (f, 45.0, 60.0, &bx, &by);
  mx = (ax + bx) / 2;
  my = (ay + by) / 2;
  g_assert_cmpfloat (my, >, 0);

  g_assert_cmpstr (pick_id (f, mx, my), ==, "rail-1");
  g_assert_cmpstr (pick_id (f, mx, my + 3), ==, "rail-1");
  g_assert_null (pick_id (f, mx, my + 30));

  /* The power station on the railway wins over it. */
  project (f, 40.0, 42.0, &ax, &ay);
  g_assert_cmpstr (pick_id (f, ax, ay), ==, "power-on-rail");
  g_assert_cmpstr (pick_id (f, ax + 30, ay), ==, "rail-1");
}

static void
test_pick_empty (Fixture       *f,
                 gconstpointer  data)
{
  int h = gtk_widget_get_height (GTK_WIDGET (f->layer));

  g_assert_null (pick_id (f, 20, h - 20));
  g_assert_null (pick_id (f, 20, 20));
  g_assert_false (gtk_widget_contains (GTK_WIDGET (f->layer), 20, h - 20));
}

static GtkGesture *
find_click_gesture (Fixture *f)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->layer));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        return GTK_GESTURE (controller);
    }

  g_assert_not_reached ();
}

static void
click (Fixture *f,
       double   x,
       double   y)
{
  GtkGesture *gesture = find_click_gesture (f);

  g_signal_emit_by_name (gesture, "pressed", 1, x, y);
  g_signal_emit_by_name (gesture, "released", 1, x, y);
}

static void
test_click (Fixture       *f,
            gconstpointer  data)
{
  double x, y, tx, ty;
  int h = gtk_widget_get_height (GTK_WIDGET (f->layer));

  project (f, 30.0, 60.0, &x, &y);
  click (f, x + 2, y + 2);
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_true (g_ptr_array_index (f->activated, 0) == find_feature (f, "port-a"));

  click (f, 20, h - 20);
  g_assert_cmpuint (f->activated->len, ==, 1);

  /* On the railway. */
  project (f, 40.0, 50.0, &x, &y);
  project (f, 45.0, 60.0, &tx, &ty);
  click (f, (x + tx) / 2, (y + ty) / 2);
  g_assert_cmpuint (f->activated->len, ==, 2);
  g_assert_true (g_ptr_array_index (f->activated, 1) == find_feature (f, "rail-1"));

  /* A second press of a double click is the map's, to zoom. */
  project (f, 30.0, 60.0, &x, &y);
  g_signal_emit_by_name (find_click_gesture (f), "released", 2, x, y);
  g_assert_cmpuint (f->activated->len, ==, 2);
}

static void
test_cluster (Fixture       *f,
              gconstpointer  data)
{
  double x1, y1, x2, y2;
  gint64 end;

  /* 0.3° apart: one bubble at zoom level 5, which is no single feature. */
  go_to (f, 31.0, 120.0, 5.0);
  project (f, 31.0, 120.0, &x1, &y1);
  project (f, 31.2, 120.3, &x2, &y2);
  g_assert_null (pick_id (f, (x1 + x2) / 2, (y1 + y2) / 2));
  g_assert_true (gtk_widget_contains (GTK_WIDGET (f->layer), (x1 + x2) / 2, (y1 + y2) / 2));

  /* Clicking the bubble zooms in on it instead. */
  click (f, (x1 + x2) / 2, (y1 + y2) / 2);
  g_assert_cmpuint (f->activated->len, ==, 0);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (shumate_viewport_get_zoom_level (f->viewport) < 6.99)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      map_test_iterate (10);
    }

  /* Apart at zoom level 11. */
  go_to (f, 31.1, 120.15, 11.0);
  project (f, 31.0, 120.0, &x1, &y1);
  project (f, 31.2, 120.3, &x2, &y2);
  g_assert_cmpstr (pick_id (f, x1, y1), ==, "venue-1");
  g_assert_cmpstr (pick_id (f, x2, y2), ==, "venue-2");
}

static void
test_antimeridian (Fixture       *f,
                   gconstpointer  data)
{
  int w = gtk_widget_get_width (GTK_WIDGET (f->layer));
  double x, y, tx, ty;
  double px_per_degree = 256.0 * 32 / 360.0;

  /* East of the antimeridian, the port at 179.9° lies 0.6° to the west,
   * in the copy of the world that libshumate draws there; projecting it
   * gives its place in the first copy, a whole world away. */
  go_to (f, -17.0, -179.5, 5.0);
  project (f, -17.0, 179.9, &x, &y);
  g_assert_cmpfloat (x, >, w);
  tx = w / 2.0 - 0.6 * px_per_degree;
  ty = y;
  g_assert_cmpfloat_with_epsilon (x - 256.0 * 32, tx, 0.01);
  g_assert_cmpstr (pick_id (f, tx, ty), ==, "am-point");

  /* And its route, cut at ±180°, east of it: at 182° (-178°) the route
   * is seven tenths of the way from (175°, -15°) to (185°, -18°). */
  project (f, -15.0, -179.5, &x, &ty);
  project (f, -18.0, -179.5, &x, &y);
  y = ty + 0.7 * (y - ty);
  g_assert_cmpstr (pick_id (f, w / 2.0 + 1.5 * px_per_degree, y), ==, "am-line");
  g_assert_cmpstr (pick_id (f, w / 2.0 + 1.5 * px_per_degree, y + 3), ==, "am-line");

  /* Nothing on the far side of the world where a flat line would run. */
  go_to (f, -16.5, 0.0, 5.0);
  g_assert_null (pick_id (f, w / 2.0, gtk_widget_get_height (GTK_WIDGET (f->layer)) / 2.0));
}

static void
test_rotation (Fixture       *f,
               gconstpointer  data)
{
  double x, y, ax, ay, bx, by;

  /* libshumate turns the map about the widget's centre; so must picking. */
  shumate_viewport_set_rotation (f->viewport, 0.6);
  map_test_iterate (20);
  project (f, 30.0, 60.0, &x, &y);
  g_assert_cmpstr (pick_id (f, x, y), ==, "port-a");
  g_assert_cmpstr (pick_id (f, x + 4, y + 4), ==, "port-a");
  project (f, 40.0, 50.0, &ax, &ay);
  project (f, 45.0, 60.0, &bx, &by);
  g_assert_cmpstr (pick_id (f, (ax + bx) / 2, (ay + by) / 2), ==, "rail-1");
  shumate_viewport_set_rotation (f->viewport, 0.0);
}

static void
test_hover (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->layer));
  GtkEventController *motion = NULL;
  double x, y;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        motion = GTK_EVENT_CONTROLLER (controller);
    }
  g_assert_nonnull (motion);

  /* The pointer can only be where the map is: bring the port into view. */
  go_to (f, 20.0, 100.0, 5.0);
  project (f, 20.0, 100.0, &x, &y);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_true (bri_feature_layer_get_hovered (f->layer) == find_feature (f, "port-b"));
  g_signal_emit_by_name (motion, "motion", 20.0, 20.0);
  g_assert_null (bri_feature_layer_get_hovered (f->layer));
  g_signal_emit_by_name (motion, "motion", x, y);
  g_signal_emit_by_name (motion, "leave");
  g_assert_null (bri_feature_layer_get_hovered (f->layer));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_selection_and_model (Fixture       *f,
                          gconstpointer  data)
{
  BriFeature *port_a = find_feature (f, "port-a");
  BriFeature *port_b = find_feature (f, "port-b");
  guint notified = 0;
  guint position;
  double x, y;

  g_signal_connect (f->layer, "notify::selected", G_CALLBACK (on_notify), &notified);
  bri_feature_layer_set_selected (f->layer, port_b);
  bri_feature_layer_set_selected (f->layer, port_b);
  g_assert_true (bri_feature_layer_get_selected (f->layer) == port_b);
  g_assert_cmpuint (notified, ==, 1);

  /* A filter drops port-a: gone from the map at once. */
  project (f, 30.0, 60.0, &x, &y);
  g_assert_true (g_list_store_find (f->store, port_a, &position));
  g_list_store_remove (f->store, position);
  g_assert_null (pick_id (f, x, y));
  g_list_store_append (f->store, port_a);
  g_assert_cmpstr (pick_id (f, x, y), ==, "port-a");

  /* The selected feature stays on the map even when filtered out. */
  project (f, 20.0, 100.0, &x, &y);
  g_assert_true (g_list_store_find (f->store, port_b, &position));
  g_list_store_remove (f->store, position);
  g_assert_cmpstr (pick_id (f, x, y), ==, "port-b");
  bri_feature_layer_set_selected (f->layer, NULL);
  g_assert_null (pick_id (f, x, y));
  g_assert_cmpuint (notified, ==, 2);
}

/* Names beside the markers, from zoom level 5, kept off the highlighted
 * line. */
static void
test_labels (Fixture       *f,
             gconstpointer  data)
{
  BriFeature *port_a = find_feature (f, "port-a");
  BriFeature *station = find_feature (f, "power-on-rail");
  graphene_rect_t area;
  double x, y;

  /* At the fixture's zoom level 5 the port's name is right of it,
   * level with it. */
  map_test_iterate (30);
  project (f, 30.0, 60.0, &x, &y);
  g_assert_true (bri_feature_layer_get_label_area (f->layer, port_a, &area));
  g_assert_cmpfloat (area.origin.x, >, x + bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_NORMAL));
  g_assert_cmpfloat (area.origin.y, <, y);
  g_assert_cmpfloat (area.origin.y + area.size.height, >, y);
  g_assert_cmpfloat (area.size.width, >, 20);

  /* The station's name starts on the railway, which goes east from it... */
  project (f, 40.0, 42.0, &x, &y);
  g_assert_true (bri_feature_layer_get_label_area (f->layer, station, &area));
  g_assert_cmpfloat (area.origin.x, >, x);
  g_assert_cmpfloat (area.origin.y, <, y);
  g_assert_cmpfloat (area.origin.y + area.size.height, >, y);

  /* ...and moves off it, below or above, when the railway is selected. */
  bri_feature_layer_set_selected (f->layer, find_feature (f, "rail-1"));
  map_test_iterate (50);
  g_assert_true (bri_feature_layer_get_label_area (f->layer, station, &area));
  g_assert_true (area.origin.y > y + 4 || area.origin.y + area.size.height < y - 4);

  /* No names below zoom level 5. */
  go_to (f, 32.0, 80.0, 4.0);
  map_test_iterate (30);
  g_assert_false (bri_feature_layer_get_label_area (f->layer, port_a, &area));
}

/* Rendering */

static GdkTexture *
render (Fixture    *f,
        const char *name)
{
  GdkTexture *texture;

  map_test_iterate (50);
  texture = map_test_render (GTK_WIDGET (f->map));
  map_test_save (texture, name);

  return texture;
}

typedef struct
{
  int     width;
  int     height;
  guchar *data;
} Pixels;

static void
pixels_init (Pixels     *px,
             GdkTexture *texture)
{
  px->width = gdk_texture_get_width (texture);
  px->height = gdk_texture_get_height (texture);
  px->data = g_malloc (px->width * px->height * 4);
  gdk_texture_download (texture, px->data, px->width * 4);
}

/* 0xRRGGBB of the pixel around (x, y); the background is opaque. */
static guint32
pixel_at (const Pixels *px,
          double        x,
          double        y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  const guchar *p;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, px->width);
  g_assert_cmpint (iy, <, px->height);

  /* Cairo's ARGB32: B, G, R, A in memory on little-endian machines. */
  p = px->data + iy * px->width * 4 + ix * 4;
  return GUINT32_FROM_LE (*(const guint32 *) p) & 0xffffff;
}

static gboolean
close_to (guint32 rgb,
          guint32 expected)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((rgb >> shift) & 0xff) - (int) ((expected >> shift) & 0xff)) > 12)
      return FALSE;

  return TRUE;
}

static guint32
kind_rgb (BriFeatureKind kind)
{
  BriRgba c;

  bri_feature_style_get_color (kind, BRI_TILE_STYLE_LIGHT, &c);
  return ((guint32) round (c.red * 255) << 16) | ((guint32) round (c.green * 255) << 8) | (guint32) round (c.blue * 255);
}

/* Samples a ring around a marker at @n_angles angles: at how many of them
 * some pixel between @r1 and @r2 from the centre has the colour.  Markers
 * sit on whole pixels: pass the rounded position.  A thin ring is only
 * fully covering pixels along the axes (4 angles). */
static guint
ring_matches (const Pixels *px,
              double        x,
              double        y,
              double        r1,
              double        r2,
              int           n_angles,
              guint32       rgb)
{
  guint n = 0;

  for (int i = 0; i < n_angles; i++)
    for (double r = r1; r <= r2; r += 0.25)
      if (close_to (pixel_at (px, x + r * cos (i * 2 * G_PI / n_angles), y + r * sin (i * 2 * G_PI / n_angles)), rgb))
        {
          n++;
          break;
        }

  return n;
}

static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  Pixels px;
  double x, y, ax, ay, bx, by;
  guint32 port = kind_rgb (BRI_FEATURE_KIND_PORT);
  gboolean dark = FALSE;

  /* Both ports and the railway in view. */
  go_to (f, 32.0, 80.0, 4.0);
  texture = render (f, "feature-layer.png");
  pixels_init (&px, texture);

  /* An exact port: a solid disc of the kind's colour around its symbol. */
  project (f, 30.0, 60.0, &x, &y);
  g_assert_cmpuint (ring_matches (&px, round (x), round (y), 5.0, 6.5, 8, port), ==, 8);
  g_assert_true (close_to (pixel_at (&px, round (x) + 4.8, round (y)), port));

  /* A town-level port: a ring of that colour around a white middle. */
  project (f, 20.0, 100.0, &x, &y);
  g_assert_cmpuint (ring_matches (&px, round (x), round (y), 5.5, 8.0, 4, port), ==, 4);
  g_assert_true (close_to (pixel_at (&px, round (x) + 4.8, round (y)), 0xffffff));
  g_assert_true (close_to (pixel_at (&px, round (x) - 4.8, round (y)), 0xffffff));

  /* The railway is drawn: a dark pixel beside the middle of a segment. */
  project (f, 40.0, 50.0, &ax, &ay);
  project (f, 45.0, 60.0, &bx, &by);
  for (int d = -2; d <= 2; d++)
    {
      guint32 rgb = pixel_at (&px, (ax + bx) / 2, (ay + by) / 2 + d);

      dark |= ((rgb >> 16) & 0xff) < 0x80 && ((rgb >> 8) & 0xff) < 0x80;
    }
  g_assert_true (dark);

  /* Empty map is the basemap. */
  g_assert_true (close_to (pixel_at (&px, 20, px.height - 20), BACKGROUND));

  g_free (px.data);
}

static void
test_render_wrapped (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  int w = gtk_widget_get_width (GTK_WIDGET (f->layer));
  double x, y;
  Pixels px;

  /* The port at 179.9° seen from east of the antimeridian: drawn in the
   * western copy of the world, where the basemap is. */
  go_to (f, -17.0, -179.5, 5.0);
  project (f, -17.0, 179.9, &x, &y);
  texture = render (f, "feature-layer-wrapped.png");
  pixels_init (&px, texture);
  x = w / 2.0 - 0.6 * 256.0 * 32 / 360.0;
  g_assert_cmpuint (ring_matches (&px, round (x), round (y), 5.0, 6.5, 8, kind_rgb (BRI_FEATURE_KIND_PORT)), ==, 8);
  g_free (px.data);
}

static void
test_selected_render (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  Pixels a, b;
  double x, y;
  double r = bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_NORMAL);

  project (f, 30.0, 60.0, &x, &y);
  before = render (f, "feature-layer-before.png");
  bri_feature_layer_set_selected (f->layer, find_feature (f, "port-a"));
  after = render (f, "feature-layer-selected.png");
  pixels_init (&a, before);
  pixels_init (&b, after);

  /* Beyond the normal marker's rim: basemap before, halo after. */
  g_assert_true (close_to (pixel_at (&a, x + r + 4, y), BACKGROUND));
  g_assert_false (close_to (pixel_at (&b, x + r + 4, y), BACKGROUND));

  g_free (a.data);
  g_free (b.data);
}

static void
test_legend_symbol (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 20);
  cairo_t *cr = cairo_create (surface);
  guint32 *data;
  guint painted = 0;

  for (BriFeatureKind kind = 0; kind < BRI_FEATURE_N_KINDS; kind++)
    {
      cairo_save (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_restore (cr);

      bri_feature_style_draw_legend_symbol (cr, kind, BRI_PRECISION_EXACT, BRI_TILE_STYLE_LIGHT, 40, 20);
      cairo_surface_flush (surface);
      data = (guint32 *) (gpointer) cairo_image_surface_get_data (surface);

      /* Something is drawn in the middle of the box, for every kind. */
      painted = 0;
      for (int i = 0; i < 40 * 20; i++)
        painted += (data[i] >> 24) > 0;
      g_assert_cmpuint (painted, >, 20);
      painted = 0;
      for (int y = 8; y < 12; y++)
        for (int x = 14; x < 26; x++)
          painted += (data[y * 40 + x] >> 24) > 0;
      g_assert_cmpuint (painted, >, 4);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Keyboard */

static GtkEventController *
find_key_controller (Fixture *f)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->layer));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return GTK_EVENT_CONTROLLER (controller);
    }

  g_assert_not_reached ();
}

/* A key press as the layer's key controller gets it (GTK 4.8 has no
 * public way to synthesise a key event); returns whether it was taken. */
static gboolean
press (Fixture         *f,
       guint            keyval,
       GdkModifierType  state)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (find_key_controller (f), "key-pressed", keyval, 0, state, &handled);
  map_test_iterate (10);
  return handled;
}

/* What Tab and Shift+Tab do in a window: move the focus on. */
static void
tab (Fixture          *f,
     GtkDirectionType  direction)
{
  if (!gtk_widget_child_focus (f->window, direction))
    gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  map_test_iterate (10);
}

static gboolean
layer_has_focus (Fixture *f)
{
  return gtk_widget_is_focus (GTK_WIDGET (f->layer));
}

static void
on_focus_leave (BriFeatureLayer *layer,
                guint           *count)
{
  (*count)++;
}

static void
test_keyboard_tab (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) in_view = bri_feature_layer_list_in_view (f->layer);
  guint leave = 0;

  g_assert_cmpuint (in_view->len, >=, 3);
  g_signal_connect (f->layer, "focus-leave", G_CALLBACK (on_focus_leave), &leave);

  /* Tab reaches the map itself first, then each feature in turn.  (The
   * window gave the map the focus when it was shown.) */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->layer)));
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  tab (f, GTK_DIR_TAB_FORWARD);
  g_assert_true (layer_has_focus (f));
  g_assert_null (bri_feature_layer_get_focused (f->layer));
  for (guint i = 0; i < in_view->len; i++)
    {
      tab (f, GTK_DIR_TAB_FORWARD);
      g_assert_true (layer_has_focus (f));
      g_assert_true (bri_feature_layer_get_focused (f->layer) == g_ptr_array_index (in_view, i));
    }
  /* Past the last, the layer lets the focus go on to the next widget
   * (in this window of the map alone, GTK wraps round to the map). */
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (f->layer), GTK_DIR_TAB_FORWARD));
  g_assert_null (bri_feature_layer_get_focused (f->layer));

  /* Backwards: the last feature first, back to the map, then away. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  tab (f, GTK_DIR_TAB_BACKWARD);
  g_assert_true (layer_has_focus (f));
  g_assert_true (bri_feature_layer_get_focused (f->layer) == g_ptr_array_index (in_view, in_view->len - 1));
  for (guint i = in_view->len - 1; i > 0; i--)
    {
      tab (f, GTK_DIR_TAB_BACKWARD);
      g_assert_true (bri_feature_layer_get_focused (f->layer) == g_ptr_array_index (in_view, i - 1));
    }
  tab (f, GTK_DIR_TAB_BACKWARD);
  g_assert_true (layer_has_focus (f));
  g_assert_null (bri_feature_layer_get_focused (f->layer));
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (f->layer), GTK_DIR_TAB_BACKWARD));

  /* Enter and space open the feature reached, as a click does; without
   * one they open nothing. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  tab (f, GTK_DIR_TAB_FORWARD);
  g_assert_true (press (f, GDK_KEY_Return, 0));
  g_assert_cmpuint (f->activated->len, ==, 0);
  tab (f, GTK_DIR_TAB_FORWARD);
  g_assert_true (press (f, GDK_KEY_Return, 0));
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_true (g_ptr_array_index (f->activated, 0) == g_ptr_array_index (in_view, 0));
  tab (f, GTK_DIR_TAB_FORWARD);
  g_assert_true (press (f, GDK_KEY_space, 0));
  g_assert_cmpuint (f->activated->len, ==, 2);
  g_assert_true (g_ptr_array_index (f->activated, 1) == g_ptr_array_index (in_view, 1));

  /* Escape asks for the list. */
  g_assert_cmpuint (leave, ==, 0);
  g_assert_true (press (f, GDK_KEY_Escape, 0));
  g_assert_cmpuint (leave, ==, 1);

  /* Letters are left for the window's search. */
  g_assert_false (press (f, GDK_KEY_a, 0));

  /* Focus elsewhere forgets the feature reached. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  g_assert_null (bri_feature_layer_get_focused (f->layer));
}

static void
wait_for_zoom (Fixture *f,
               double   zoom)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (fabs (shumate_viewport_get_zoom_level (f->viewport) - zoom) > 0.01)
    {
      if (g_get_monotonic_time () >= end)
        g_test_message ("zoom %g, expected %g", shumate_viewport_get_zoom_level (f->viewport), zoom);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      map_test_iterate (10);
    }
}

static void
test_keyboard_pan_zoom (Fixture       *f,
                        gconstpointer  data)
{
  double lat = shumate_location_get_latitude (SHUMATE_LOCATION (f->viewport));
  double lon = shumate_location_get_longitude (SHUMATE_LOCATION (f->viewport));
  double zoom = shumate_viewport_get_zoom_level (f->viewport);
  /* A quarter of the view's width, in degrees of longitude. */
  double step = 0.25 * gtk_widget_get_width (GTK_WIDGET (f->layer)) / (256.0 * exp2 (zoom)) * 360.0;
  struct { guint keyval; GdkModifierType state; double zoom; } zooms[] = {
    { GDK_KEY_plus, GDK_SHIFT_MASK, 1 },
    { GDK_KEY_equal, 0, 1 },
    { GDK_KEY_KP_Add, 0, 1 },
    { GDK_KEY_plus, GDK_CONTROL_MASK, 1 },
    { GDK_KEY_minus, 0, -1 },
    { GDK_KEY_KP_Subtract, 0, -1 },
    { GDK_KEY_minus, GDK_CONTROL_MASK, -1 },
  };

  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  tab (f, GTK_DIR_TAB_FORWARD);
  g_assert_true (layer_has_focus (f));

  g_assert_true (press (f, GDK_KEY_Right, 0));
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (f->viewport)), lon + step, 0.01);
  g_assert_true (press (f, GDK_KEY_Left, 0));
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (f->viewport)), lon, 0.01);
  g_assert_true (press (f, GDK_KEY_Up, 0));
  g_assert_cmpfloat (shumate_location_get_latitude (SHUMATE_LOCATION (f->viewport)), >, lat + 1.0);
  g_assert_true (press (f, GDK_KEY_KP_Down, 0));
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (f->viewport)), lat, 0.01);
  /* Alt+arrows are not ours. */
  g_assert_false (press (f, GDK_KEY_Left, GDK_ALT_MASK));

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      g_assert_true (press (f, zooms[i].keyval, zooms[i].state));
      zoom += zooms[i].zoom;
      wait_for_zoom (f, zoom);
    }
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (f->viewport), 6.0, 0.01);
}

/* Every place */

/* Replaces the test's features by the gazetteer's. */
static gboolean
load_gazetteer (Fixture *f)
{
  const char *data_dir = g_getenv ("BRI_ATLAS_SOURCE_DATA_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (data_dir == NULL)
    {
      g_test_skip ("BRI_ATLAS_SOURCE_DATA_DIR is not set");
      return FALSE;
    }

  path = g_build_filename (data_dir, "gazetteer", "features.geojson", NULL);
  file = g_file_new_for_path (path);
  g_ptr_array_unref (f->features);
  f->features = bri_feature_load_all (file, &error);
  g_assert_no_error (error);
  g_list_store_splice (f->store, 0, g_list_model_get_n_items (G_LIST_MODEL (f->store)),
                       f->features->pdata, f->features->len);
  return TRUE;
}

static const char *nanning[] = {
  "china-asean-expo",
  "china-asean-information-harbor",
  "china-asean-mining-cooperation-forum",
  "china-asean-technology-transfer-center",
};
#define NANNING_LAT 22.81667
#define NANNING_LON 108.31667

/* Where each Nanning place can be picked round its coordinate: the
 * middle of the pixels that pick it, or -1 when none does. */
static void
find_nanning (Fixture *f,
              double   xs[4],
              double   ys[4])
{
  double cx, cy, n[4] = { 0 };

  project (f, NANNING_LAT, NANNING_LON, &cx, &cy);
  for (guint i = 0; i < 4; i++)
    xs[i] = ys[i] = 0;
  for (int dy = -60; dy <= 60; dy += 2)
    for (int dx = -60; dx <= 60; dx += 2)
      {
        const char *id = pick_id (f, cx + dx, cy + dy);

        for (guint i = 0; i < 4 && id != NULL; i++)
          if (g_str_equal (id, nanning[i]))
            {
              xs[i] += cx + dx;
              ys[i] += cy + dy;
              n[i]++;
            }
      }
  for (guint i = 0; i < 4; i++)
    {
      xs[i] = n[i] > 0 ? xs[i] / n[i] : -1;
      ys[i] = n[i] > 0 ? ys[i] / n[i] : -1;
    }
}

/* Four places at one coordinate fan out once points are no longer
 * gathered, and a click on each opens that one. */
static void
assert_nanning_apart (Fixture *f)
{
  double xs[4], ys[4];

  find_nanning (f, xs, ys);
  for (guint i = 0; i < 4; i++)
    {
      guint before = f->activated->len;

      g_test_message ("%s at %.0f, %.0f", nanning[i], xs[i], ys[i]);
      g_assert_cmpfloat (xs[i], >=, 0);
      for (guint j = 0; j < i; j++)
        g_assert_cmpfloat (hypot (xs[i] - xs[j], ys[i] - ys[j]), >=, 12.0);

      click (f, xs[i], ys[i]);
      g_assert_cmpuint (f->activated->len, ==, before + 1);
      g_assert_cmpstr (bri_feature_get_id (g_ptr_array_index (f->activated, before)), ==, nanning[i]);
    }
}

static void
test_nanning_fan_out (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;

  if (!load_gazetteer (f))
    return;

  go_to (f, NANNING_LAT, NANNING_LON, 11.0);
  assert_nanning_apart (f);
  map_test_iterate (50);
  texture = map_test_render (f->window);
  map_test_save (texture, "feature-layer-nanning.png");
}

static void
test_nanning_bubble (Fixture       *f,
                     gconstpointer  data)
{
  double x, y;

  if (!load_gazetteer (f))
    return;

  /* At zoom level 6 the four are one bubble, which is no one place. */
  go_to (f, NANNING_LAT, NANNING_LON, 6.0);
  project (f, NANNING_LAT, NANNING_LON, &x, &y);
  g_assert_null (pick_id (f, x, y));
  g_assert_true (gtk_widget_contains (GTK_WIDGET (f->layer), x, y));

  /* One click zooms straight to where they are drawn apart: past the
   * levels with bubbles (9.5), not two levels at a time. */
  click (f, x, y);
  g_assert_cmpuint (f->activated->len, ==, 0);
  wait_for_zoom (f, 10.0);
  map_test_iterate (50);
  assert_nanning_apart (f);
}

int
main (int   argc,
      char *argv[])
{
  /* build-aux/test always provides a display: no display is a failure. */
  if (!map_test_init (&argc, &argv, "/bri/feature-layer/display"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/bri/feature-layer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("pick-marker", test_pick_marker);
  ADD ("pick-line", test_pick_line);
  ADD ("pick-empty", test_pick_empty);
  ADD ("click", test_click);
  ADD ("cluster", test_cluster);
  ADD ("antimeridian", test_antimeridian);
  ADD ("rotation", test_rotation);
  ADD ("hover", test_hover);
  ADD ("selection-and-model", test_selection_and_model);
  ADD ("labels", test_labels);
  ADD ("render", test_render);
  ADD ("render-wrapped", test_render_wrapped);
  ADD ("render-selected", test_selected_render);
  ADD ("keyboard-tab", test_keyboard_tab);
  ADD ("keyboard-pan-zoom", test_keyboard_pan_zoom);
  ADD ("nanning-fan-out", test_nanning_fan_out);
  ADD ("nanning-bubble", test_nanning_bubble);
#undef ADD
  g_test_add_func ("/bri/feature-layer/legend-symbol", test_legend_symbol);

  return g_test_run ();
}
