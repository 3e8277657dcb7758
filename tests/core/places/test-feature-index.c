/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The spatial index of features: picking markers and lines by pixel
 * distance, the antimeridian, box queries and clusters, and a comparison
 * with a brute-force search over random features. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bri-feature-index.h"
#include "bri-geo.h"

/* Zoom level 5 with 256 px tiles. */
#define WORLD_PX (256.0 * 32.0)

typedef struct
{
  GPtrArray       *features;
  BriFeatureIndex *index;
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
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feature-layer.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  f->features = bri_feature_load_all (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->features);
  f->index = bri_feature_index_new_from_array (f->features);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  bri_feature_index_unref (f->index);
  g_ptr_array_unref (f->features);
}

static void
project (double  lon,
         double  lat,
         double *x,
         double *y)
{
  *x = bri_geo_lon_to_x (lon);
  *y = bri_geo_lat_to_y (lat);
}

static const char *
pick_id (Fixture *f,
         double   x,
         double   y,
         double   tolerance_px)
{
  BriFeature *feature = bri_feature_index_pick (f->index, x, y, WORLD_PX, tolerance_px);

  return feature ? bri_feature_get_id (feature) : NULL;
}

static void
test_pick_marker (Fixture       *f,
                  gconstpointer  data)
{
  double x, y;
  double distance;
  guint item;

  project (60.0, 30.0, &x, &y);

  g_assert_cmpstr (pick_id (f, x, y, 8), ==, "port-a");
  g_assert_cmpstr (pick_id (f, x + 5 / WORLD_PX, y, 8), ==, "port-a");
  g_assert_cmpstr (pick_id (f, x, y - 5 / WORLD_PX, 8), ==, "port-a");
  g_assert_cmpstr (pick_id (f, x + 3 / WORLD_PX, y + 4 / WORLD_PX, 8), ==, "port-a");
  g_assert_null (pick_id (f, x + 20 / WORLD_PX, y, 8));
  g_assert_null (pick_id (f, x, y + 20 / WORLD_PX, 8));
  g_assert_null (pick_id (f, x + 12 / WORLD_PX, y + 16 / WORLD_PX, 8));

  /* The distance is reported in pixels, and scales with the zoom level. */
  g_assert_true (bri_feature_index_pick_full (f->index, x + 5 / WORLD_PX, y, WORLD_PX, 8,
                                              BRI_FEATURE_PICK_ALL, &item, &distance));
  g_assert_true (bri_feature_index_get_item (f->index, item) == find_feature (f, "port-a"));
  g_assert_cmpfloat_with_epsilon (distance, 5.0, 1e-6);
  g_assert_null (bri_feature_index_pick (f->index, x + 5 / WORLD_PX, y, WORLD_PX * 4, 8));
}

static void
line_middle (double *mx,
             double *my,
             double *nx,
             double *ny)
{
  double ax, ay, bx, by, len;

  /* The middle of the second segment of rail-1. */
  project (50.0, 40.0, &ax, &ay);
  project (60.0, 45.0, &bx, &by);
  *mx = (ax + bx) / 2;
  *my = (ay + by) / 2;
  len = hypot (bx - ax, by - ay);
  *nx = -(by - ay) / len;
  *ny = (bx - ax) / len;
}

static void
test_pick_line (Fixture       *f,
                gconstpointer  data)
{
  double mx, my, nx, ny;
  double distance;
  guint item;

  line_middle (&mx, &my, &nx, &ny);

  g_assert_cmpstr (pick_id (f, mx, my, 8), ==, "rail-1");
  g_assert_cmpstr (pick_id (f, mx + 3 * nx / WORLD_PX, my + 3 * ny / WORLD_PX, 8), ==, "rail-1");
  g_assert_cmpstr (pick_id (f, mx - 3 * nx / WORLD_PX, my - 3 * ny / WORLD_PX, 8), ==, "rail-1");
  g_assert_true (bri_feature_index_pick_full (f->index,
                                              mx + 3 * nx / WORLD_PX, my + 3 * ny / WORLD_PX,
                                              WORLD_PX, 8, BRI_FEATURE_PICK_ALL, &item, &distance));
  g_assert_cmpfloat_with_epsilon (distance, 3.0, 1e-6);
  g_assert_null (pick_id (f, mx + 12 * nx / WORLD_PX, my + 12 * ny / WORLD_PX, 8));

  /* Only lines, or only points. */
  g_assert_false (bri_feature_index_pick_full (f->index, mx, my, WORLD_PX, 8,
                                               BRI_FEATURE_PICK_POINTS, NULL, NULL));
}

static void
test_point_beats_line (Fixture       *f,
                       gconstpointer  data)
{
  double x, y;
  guint item;

  project (42.0, 40.0, &x, &y);

  /* The power station sits on the railway. */
  g_assert_cmpstr (pick_id (f, x, y, 8), ==, "power-on-rail");
  /* Still the marker, although the line is nearer here. */
  g_assert_cmpstr (pick_id (f, x + 6 / WORLD_PX, y, 8), ==, "power-on-rail");
  /* Beyond the marker's reach, the line. */
  g_assert_cmpstr (pick_id (f, x + 12 / WORLD_PX, y, 8), ==, "rail-1");

  g_assert_true (bri_feature_index_pick_full (f->index, x, y, WORLD_PX, 8,
                                              BRI_FEATURE_PICK_LINES, &item, NULL));
  g_assert_true (bri_feature_index_get_item (f->index, item) == find_feature (f, "rail-1"));
}

static void
test_antimeridian_point (Fixture       *f,
                         gconstpointer  data)
{
  double px, py, qx, qy;

  project (179.9, -17.0, &px, &py);
  /* 0.15° further east, across the antimeridian: about 3.4 px. */
  project (-179.95, -17.0, &qx, &qy);
  g_assert_cmpfloat (qx, <, 0.001);
  g_assert_cmpfloat (px, >, 0.999);

  g_assert_cmpstr (pick_id (f, qx, qy, 8), ==, "am-point");
  /* The same place in the copies of the world east and west. */
  g_assert_cmpstr (pick_id (f, qx + 1.0, qy, 8), ==, "am-point");
  g_assert_cmpstr (pick_id (f, px - 1.0, py, 8), ==, "am-point");
  g_assert_cmpstr (pick_id (f, px - 2.0, py, 8), ==, "am-point");
}

static void
on_the_route (double  lon,
              double *x,
              double *y)
{
  /* am-line runs straight on the map from (175, -15) to (185, -18). */
  double t = (lon < 0 ? lon + 360.0 - 175.0 : lon - 175.0) / 10.0;
  double y0 = bri_geo_lat_to_y (-15.0);
  double y1 = bri_geo_lat_to_y (-18.0);

  *x = bri_geo_lon_to_x (lon);
  *y = y0 + t * (y1 - y0);
}

static void
test_antimeridian_line (Fixture       *f,
                        gconstpointer  data)
{
  guint item;
  guint n;
  const BriXY *part;
  double x, y;

  g_assert_true (bri_feature_index_find_item (f->index, find_feature (f, "am-line"), &item));
  /* Cut in two at the antimeridian. */
  g_assert_cmpuint (bri_feature_index_get_n_parts (f->index, item), ==, 2);
  part = bri_feature_index_get_part (f->index, item, 0, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (part[1].x, ==, 1.0);
  part = bri_feature_index_get_part (f->index, item, 1, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (part[0].x, ==, 0.0);

  on_the_route (-179.5, &x, &y);
  g_assert_cmpstr (pick_id (f, x, y + 2 / WORLD_PX, 8), ==, "am-line");
  on_the_route (176.0, &x, &y);
  g_assert_cmpstr (pick_id (f, x, y - 2 / WORLD_PX, 8), ==, "am-line");

  /* Drawn flat, the line would run across the whole world. */
  on_the_route (0.0, &x, &y);
  y = bri_geo_lat_to_y (-16.5);
  g_assert_null (pick_id (f, bri_geo_lon_to_x (0.0), y, 8));
  g_assert_null (pick_id (f, bri_geo_lon_to_x (100.0), y, 8));
}

static gboolean
ids_equal (GPtrArray   *features,
           const char **expected)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < features->len; i++)
    g_ptr_array_add (ids, (gpointer) bri_feature_get_id (g_ptr_array_index (features, i)));

  if (ids->len != g_strv_length ((char **) expected))
    return FALSE;

  for (guint i = 0; expected[i]; i++)
    if (!g_ptr_array_find_with_equal_func (ids, expected[i], g_str_equal, NULL))
      return FALSE;

  return TRUE;
}

static void
test_query_box (Fixture       *f,
                gconstpointer  data)
{
  BriFeatureBox box;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) all = NULL;
  const char *west_asia[] = { "port-a", "rail-1", "power-on-rail", NULL };

  box.x1 = bri_geo_lon_to_x (35.0);
  box.x2 = bri_geo_lon_to_x (65.0);
  box.y1 = bri_geo_lat_to_y (50.0);
  box.y2 = bri_geo_lat_to_y (25.0);
  found = bri_feature_index_query_features (f->index, &box);
  g_assert_true (ids_equal (found, west_asia));

  /* Around 0°, -16°: where a flat antimeridian line would pass. */
  box.x1 = bri_geo_lon_to_x (-10.0);
  box.x2 = bri_geo_lon_to_x (10.0);
  box.y1 = bri_geo_lat_to_y (-10.0);
  box.y2 = bri_geo_lat_to_y (-20.0);
  none = bri_feature_index_query_features (f->index, &box);
  g_assert_cmpuint (none->len, ==, 0);

  box.x1 = 0.0;
  box.x2 = 1.0;
  box.y1 = 0.0;
  box.y2 = 1.0;
  all = bri_feature_index_query_features (f->index, &box);
  g_assert_cmpuint (all->len, ==, f->features->len);
}

typedef struct
{
  BriFeatureIndex *index;
  GPtrArray       *hits;   /* "id@world" */
} Hits;

static void
on_hit (guint    item,
        int      world,
        gpointer user_data)
{
  Hits *hits = user_data;

  g_ptr_array_add (hits->hits,
                   g_strdup_printf ("%s@%d",
                                    bri_feature_get_id (bri_feature_index_get_item (hits->index, item)),
                                    world));
}

static void
test_query_wrap (Fixture       *f,
                 gconstpointer  data)
{
  Hits hits = { f->index, g_ptr_array_new_with_free_func (g_free) };
  BriFeatureBox box;

  /* A box straddling the west edge of the first world, as the map shows
   * it when centred on the antimeridian. */
  box.x1 = -0.01;
  box.x2 = 0.01;
  box.y1 = bri_geo_lat_to_y (-12.0);
  box.y2 = bri_geo_lat_to_y (-20.0);
  bri_feature_index_query (f->index, &box, on_hit, &hits);

  g_assert_cmpuint (hits.hits->len, ==, 4);
  g_assert_true (g_ptr_array_find_with_equal_func (hits.hits, "am-east@0", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (hits.hits, "am-point@-1", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (hits.hits, "am-line@-1", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (hits.hits, "am-line@0", g_str_equal, NULL));

  /* The same from the east: the far copy. */
  g_ptr_array_set_size (hits.hits, 0);
  box.x1 = 1.99;
  box.x2 = 2.01;
  bri_feature_index_query (f->index, &box, on_hit, &hits);
  g_assert_cmpuint (hits.hits->len, ==, 4);
  g_assert_true (g_ptr_array_find_with_equal_func (hits.hits, "am-east@2", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (hits.hits, "am-point@1", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (hits.hits, "am-line@2", g_str_equal, NULL));

  g_ptr_array_unref (hits.hits);
}

static const BriFeatureCluster *
cluster_of (Fixture                 *f,
            const BriFeatureCluster *clusters,
            guint                    n,
            const char              *id)
{
  guint item;

  g_assert_true (bri_feature_index_find_item (f->index, find_feature (f, id), &item));
  for (guint i = 0; i < n; i++)
    if (clusters[i].item == item)
      return &clusters[i];

  return NULL;
}

static void
test_clusters (Fixture       *f,
               gconstpointer  data)
{
  const BriFeatureCluster *clusters;
  const BriFeatureCluster *c;
  guint n, total;

  /* Tiny reach: one cluster per point, where the point is. */
  clusters = bri_feature_index_get_clusters (f->index, 1e-6, &n);
  g_assert_cmpuint (n, ==, 9);
  c = cluster_of (f, clusters, n, "port-a");
  g_assert_cmpfloat (c->x, ==, bri_geo_lon_to_x (60.0));
  g_assert_cmpfloat (c->y, ==, bri_geo_lat_to_y (30.0));

  /* 0.02 (7.2°): the two zones of one feature, 2° apart, and the two
   * venues, 0.3° apart, each become one; so do the ports either side of
   * the antimeridian, 1.6° apart. */
  clusters = bri_feature_index_get_clusters (f->index, 0.02, &n);
  g_assert_cmpuint (n, ==, 6);
  total = 0;
  for (guint i = 0; i < n; i++)
    total += clusters[i].n_members;
  /* Every point of a point feature is in exactly one cluster; lines never. */
  g_assert_cmpuint (total, ==, 9);
  c = cluster_of (f, clusters, n, "zones");
  g_assert_cmpuint (c->n_members, ==, 2);
  g_assert_true (c->single_item);
  g_assert_cmpfloat_with_epsilon (c->x, bri_geo_lon_to_x (21.0), 1e-9);
  c = cluster_of (f, clusters, n, "venue-1");
  g_assert_cmpuint (c->n_members, ==, 2);
  g_assert_false (c->single_item);
  g_assert_null (cluster_of (f, clusters, n, "venue-2"));
  c = cluster_of (f, clusters, n, "am-point");
  g_assert_cmpuint (c->n_members, ==, 2);
  g_assert_null (cluster_of (f, clusters, n, "am-east"));
  /* The mean of 179.9° and 181.5°, back in the first world. */
  g_assert_cmpfloat_with_epsilon (c->x, bri_geo_lon_to_x (-179.3), 1e-9);
  /* Cached. */
  g_assert_true (bri_feature_index_get_clusters (f->index, 0.02, &n) == clusters);

  /* 0.07: the power station joins the port before it in the file, the
   * venues the other port; the zones stay apart from both. */
  clusters = bri_feature_index_get_clusters (f->index, 0.07, &n);
  g_assert_cmpuint (n, ==, 4);
  c = cluster_of (f, clusters, n, "port-a");
  g_assert_cmpuint (c->n_members, ==, 2);
  g_assert_false (c->single_item);
  c = cluster_of (f, clusters, n, "port-b");
  g_assert_cmpuint (c->n_members, ==, 3);
  g_assert_nonnull (cluster_of (f, clusters, n, "zones"));
  g_assert_nonnull (cluster_of (f, clusters, n, "am-point"));
}

static void
test_model (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feature-layer.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) features = bri_feature_load_all (file, &error);
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GObject) stranger = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(BriFeatureIndex) index = NULL;
  guint item;

  g_assert_no_error (error);
  for (guint i = 0; i < features->len; i++)
    g_list_store_append (store, g_ptr_array_index (features, i));
  /* Not a feature: skipped. */
  g_list_store_append (store, stranger);

  index = bri_feature_index_new (G_LIST_MODEL (store));
  g_assert_cmpuint (bri_feature_index_get_n_items (index), ==, features->len);
  g_assert_true (bri_feature_index_find_item (index, g_ptr_array_index (features, 3), &item));
  g_assert_cmpuint (item, ==, 3);
  g_assert_true (bri_feature_index_item_is_point (index, 0));
  g_assert_false (bri_feature_index_item_is_point (index, 2));
}

/* Random features against a search that looks at everything. */

typedef struct
{
  double x0, y0, x1, y1;   /* x1 may lie outside [0, 1]: unwrapped */
} Segment;

typedef struct
{
  gboolean is_point;
  GArray  *segments;       /* or one point in x0, y0 */
} Shape;

static char *
random_geojson (GRand  *rand,
                guint   n,
                GArray *shapes)
{
  GString *json = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[");

  for (guint i = 0; i < n; i++)
    {
      Shape shape = { g_rand_int_range (rand, 0, 2) == 0, g_array_new (FALSE, FALSE, sizeof (Segment)) };
      /* Crowd a few places near the antimeridian. */
      double lon = g_rand_int_range (rand, 0, 8) == 0 ? g_rand_double_range (rand, 170, 180)
                                                       : g_rand_double_range (rand, -180, 180);
      double lat = g_rand_double_range (rand, -60, 70);

      g_string_append_printf (json,
                              "%s{\"type\":\"Feature\",\"properties\":{\"id\":\"f%u\",\"name\":\"F%u\","
                              "\"kind\":\"%s\",\"status\":\"operational\",\"precision\":\"exact\"},"
                              "\"geometry\":",
                              i ? "," : "", i, i, shape.is_point ? "port" : "railway");

      if (shape.is_point)
        {
          Segment s = { bri_geo_lon_to_x (lon), bri_geo_lat_to_y (lat), 0, 0 };

          g_array_append_val (shape.segments, s);
          g_string_append_printf (json, "{\"type\":\"Point\",\"coordinates\":[%.9f,%.9f]}}", lon, lat);
        }
      else
        {
          guint nv = g_rand_int_range (rand, 2, 12);

          g_string_append_printf (json, "{\"type\":\"LineString\",\"coordinates\":[[%.9f,%.9f]", lon, lat);
          for (guint j = 1; j < nv; j++)
            {
              double lon2 = lon + g_rand_double_range (rand, -4, 4);
              double lat2 = CLAMP (lat + g_rand_double_range (rand, -3, 3), -80, 80);
              double x0 = bri_geo_lon_to_x (lon), x1u = (lon2 + 180.0) / 360.0;
              Segment s;

              if (lon2 > 180)
                lon2 -= 360;
              else if (lon2 < -180)
                lon2 += 360;
              s.x0 = x0;
              s.y0 = bri_geo_lat_to_y (lat);
              s.x1 = x1u;
              s.y1 = bri_geo_lat_to_y (lat2);
              g_array_append_val (shape.segments, s);
              g_string_append_printf (json, ",[%.9f,%.9f]", lon2, lat2);
              lon = lon2;
              lat = lat2;
            }
          g_string_append (json, "]}}");
        }

      g_array_append_val (shapes, shape);
    }

  g_string_append (json, "]}");

  return g_string_free (json, FALSE);
}

static double
oracle_segment_d2 (const Segment *s,
                   double         x,
                   double         y)
{
  double best = G_MAXDOUBLE;

  for (int world = -2; world <= 2; world++)
    {
      double qx = x - world;
      double dx = s->x1 - s->x0, dy = s->y1 - s->y0;
      double len2 = dx * dx + dy * dy;
      double t = len2 > 0 ? CLAMP (((qx - s->x0) * dx + (y - s->y0) * dy) / len2, 0, 1) : 0;
      double ex = s->x0 + t * dx - qx, ey = s->y0 + t * dy - y;

      best = MIN (best, ex * ex + ey * ey);
    }

  return best;
}

static gboolean
oracle_pick (GArray *shapes,
             double  x,
             double  y,
             double  world_px,
             double  tolerance_px,
             double *distance_px)
{
  double r2 = (tolerance_px / world_px) * (tolerance_px / world_px);
  double best_point = G_MAXDOUBLE, best_line = G_MAXDOUBLE;

  for (guint i = 0; i < shapes->len; i++)
    {
      Shape *shape = &g_array_index (shapes, Shape, i);

      for (guint j = 0; j < shape->segments->len; j++)
        {
          Segment *s = &g_array_index (shape->segments, Segment, j);

          if (shape->is_point)
            {
              double dx = x - s->x0;
              double d2;

              dx -= round (dx);
              d2 = dx * dx + (y - s->y0) * (y - s->y0);
              best_point = MIN (best_point, d2);
            }
          else
            best_line = MIN (best_line, oracle_segment_d2 (s, x, y));
        }
    }

  if (best_point <= r2)
    *distance_px = sqrt (best_point) * world_px;
  else if (best_line <= r2)
    *distance_px = sqrt (best_line) * world_px;
  else
    return FALSE;

  return TRUE;
}

static void
test_random_against_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  g_autoptr(GArray) shapes = g_array_new (FALSE, FALSE, sizeof (Shape));
  g_autofree char *json = random_geojson (rand, 1500, shapes);
  g_autoptr(GFileIOStream) io = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("bri-feature-index-XXXXXX.geojson", &io, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) features = NULL;
  g_autoptr(BriFeatureIndex) index = NULL;
  guint n_found = 0;

  g_assert_nonnull (file);
  g_assert_true (g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  features = bri_feature_load_all (file, &error);
  g_assert_no_error (error);
  g_file_delete (file, NULL, NULL);
  index = bri_feature_index_new_from_array (features);

  for (guint q = 0; q < 3000; q++)
    {
      double zoom = g_rand_int_range (rand, 2, 9);
      double world_px = 256.0 * pow (2, zoom);
      double tolerance = g_rand_double_range (rand, 2, 12);
      double x, y;
      double d_index = -1, d_oracle = -1;
      gboolean in_index, in_oracle;
      Shape *near = &g_array_index (shapes, Shape, g_rand_int_range (rand, 0, shapes->len));
      Segment *s = &g_array_index (near->segments, Segment, 0);

      /* Half the queries near a feature, so that most of them hit. */
      if (q % 2 == 0)
        {
          x = s->x0 + g_rand_double_range (rand, -15, 15) / world_px;
          y = s->y0 + g_rand_double_range (rand, -15, 15) / world_px;
        }
      else
        {
          x = g_rand_double (rand);
          y = g_rand_double_range (rand, 0.15, 0.85);
        }

      in_index = bri_feature_index_pick_full (index, x, y, world_px, tolerance,
                                              BRI_FEATURE_PICK_ALL, NULL, &d_index);
      in_oracle = oracle_pick (shapes, x, y, world_px, tolerance, &d_oracle);

      if (in_index != in_oracle || (in_index && fabs (d_index - d_oracle) > 1e-6))
        g_error ("query %u at (%.9f, %.9f) zoom %g tolerance %g: index %d %.6f px, brute force %d %.6f px",
                 q, x, y, zoom, tolerance, in_index, d_index, in_oracle, d_oracle);

      n_found += in_index;
    }

  /* The comparison means something only if both answers occur often. */
  g_assert_cmpuint (n_found, >, 600);
  g_assert_cmpuint (n_found, <, 2900);

  /* Queries: every feature with a vertex in the box is reported. */
  for (guint q = 0; q < 200; q++)
    {
      BriFeatureBox box;
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GHashTable) set = g_hash_table_new (NULL, NULL);

      box.x1 = g_rand_double_range (rand, -0.2, 1.0);
      box.x2 = box.x1 + g_rand_double_range (rand, 0.0, 0.3);
      box.y1 = g_rand_double_range (rand, 0.2, 0.8);
      box.y2 = box.y1 + g_rand_double_range (rand, 0.0, 0.2);
      found = bri_feature_index_query_features (index, &box);
      for (guint i = 0; i < found->len; i++)
        g_hash_table_add (set, g_ptr_array_index (found, i));

      for (guint i = 0; i < shapes->len; i++)
        {
          Shape *shape = &g_array_index (shapes, Shape, i);
          Segment *first = &g_array_index (shape->segments, Segment, 0);
          double x = first->x0;

          for (int world = -1; world <= 1; world++)
            if (x + world >= box.x1 && x + world <= box.x2 && first->y0 >= box.y1 && first->y0 <= box.y2)
              g_assert_true (g_hash_table_contains (set, g_ptr_array_index (features, i)));
        }
    }

  for (guint i = 0; i < shapes->len; i++)
    g_array_unref (g_array_index (shapes, Shape, i).segments);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bri/feature-index/pick-marker", Fixture, NULL, fixture_set_up, test_pick_marker, fixture_tear_down);
  g_test_add ("/bri/feature-index/pick-line", Fixture, NULL, fixture_set_up, test_pick_line, fixture_tear_down);
  g_test_add ("/bri/feature-index/point-beats-line", Fixture, NULL, fixture_set_up, test_point_beats_line, fixture_tear_down);
  g_test_add ("/bri/feature-index/antimeridian-point", Fixture, NULL, fixture_set_up, test_antimeridian_point, fixture_tear_down);
  g_test_add ("/bri/feature-index/antimeridian-line", Fixture, NULL, fixture_set_up, test_antimeridian_line, fixture_tear_down);
  g_test_add ("/bri/feature-index/query-box", Fixture, NULL, fixture_set_up, test_query_box, fixture_tear_down);
  g_test_add ("/bri/feature-index/query-wrap", Fixture, NULL, fixture_set_up, test_query_wrap, fixture_tear_down);
  g_test_add ("/bri/feature-index/clusters", Fixture, NULL, fixture_set_up, test_clusters, fixture_tear_down);
  g_test_add_func ("/bri/feature-index/model", test_model);
  g_test_add_func ("/bri/feature-index/random", test_random_against_brute_force);

  return g_test_run ();
}
