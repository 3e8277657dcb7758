/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Routes drawn as they run: the gazetteer's sea legs keep to the sea of
 * Natural Earth's 1:10m countries, and its air routes follow great
 * circles and say so. */

#include "config.h"

#include <math.h>

#include "bri-basemap.h"
#include "bri-country.h"
#include "bri-feature.h"
#include "bri-geo.h"

/* A sea leg may cut a corner of land by this much: a port a little
 * inland, a headland the network rounds closely, a coastline simplified
 * at 1:10m. */
#define MAX_INLAND_KM 5.0

/* Sea legs are sampled at least this densely. */
#define SAMPLE_STEP_KM 1.0

#define GREECE 300

/* Natural Earth's land has no canals: a sea leg across land inside one of
 * these boxes is on the canal.  The box is the canal's own, a few km
 * either side, so a route that merely passes near it gets no leeway. */
static const struct
{
  const char *name;
  int         numeric;
  double      west, south, east, north;
} canals[] = {
  { "Suez Canal", 818, 32.25, 29.90, 32.62, 31.30 },
};

/* The features that travel by sea, in whole or in part. */
static const char * const maritime[] = {
  "maritime-silk-road",
  "ancient-maritime-silk-road",
  "zheng-he-voyages",
  "polar-silk-road",
  "new-international-land-sea-trade-corridor",
};

static GPtrArray *features;
static GPtrArray *countries;
static BriBasemap *basemap;

static BriFeature *
lookup (const char *id)
{
  for (guint i = 0; i < features->len; i++)
    if (g_str_equal (bri_feature_get_id (g_ptr_array_index (features, i)), id))
      return g_ptr_array_index (features, i);

  g_error ("no feature %s in the gazetteer", id);
}

/* A stretch of a leg that runs over land: its deepest sample. */
typedef struct
{
  double km;
  double lon;
  double lat;
  int    numeric;
} Crossing;

static const char *
country_name (int numeric)
{
  for (guint i = 0; i < countries->len; i++)
    if (bri_country_get_numeric (g_ptr_array_index (countries, i)) == numeric)
      return bri_country_get_name (g_ptr_array_index (countries, i));

  return "?";
}

static void
report (GString        *inland,
        BriFeature     *f,
        guint           part,
        const Crossing *c)
{
  g_string_append_printf (inland, "\n  %s, leg %u: %.1f km inside %s (%d) at (%.4f, %.4f)",
                          bri_feature_get_id (f), part, c->km, country_name (c->numeric), c->numeric,
                          c->lon, c->lat);
}

static gboolean
on_canal (int    numeric,
          double lon,
          double lat)
{
  for (guint i = 0; i < G_N_ELEMENTS (canals); i++)
    if (numeric == canals[i].numeric &&
        lon >= canals[i].west && lon <= canals[i].east &&
        lat >= canals[i].south && lat <= canals[i].north)
      return TRUE;

  return FALSE;
}

/* Samples a leg as the map draws it, straight in Web Mercator from vertex
 * to vertex, a step across the antimeridian taken the short way, and
 * reports each stretch of it that runs more than MAX_INLAND_KM inside
 * land.  Returns the number of samples. */
static guint
measure_leg (BriFeature *f,
             guint       part,
             GString    *inland)
{
  Crossing crossing = { 0, };
  guint n_samples = 0;
  guint n;
  const BriLonLat *v = bri_feature_get_part (f, part, &n);

  for (guint i = 1; i < n; i++)
    {
      double lon0 = v[i - 1].lon;
      double lon1 = v[i].lon;
      double km = bri_geo_distance_km (v[i - 1].lon, v[i - 1].lat, v[i].lon, v[i].lat);
      guint steps = MAX (1, (guint) ceil (km / SAMPLE_STEP_KM));
      double y0 = bri_geo_lat_to_y (v[i - 1].lat);
      double y1 = bri_geo_lat_to_y (v[i].lat);

      if (lon1 - lon0 > 180.0)
        lon1 -= 360.0;
      else if (lon0 - lon1 > 180.0)
        lon1 += 360.0;

      for (guint s = (i == 1 ? 0 : 1); s <= steps; s++)
        {
          double t = (double) s / steps;
          double lon = lon0 + t * (lon1 - lon0);
          double lat = bri_geo_y_to_lat (y0 + t * (y1 - y0));
          int numeric;
          double inside;

          lon = lon > 180.0 ? lon - 360.0 : lon < -180.0 ? lon + 360.0 : lon;
          inside = bri_basemap_get_distance_inside (basemap, lon, lat, &numeric);
          n_samples++;
          if (on_canal (numeric, lon, lat))
            inside = 0;

          if (inside > MAX_INLAND_KM && inside > crossing.km)
            crossing = (Crossing) { inside, lon, lat, numeric };
          else if (inside <= MAX_INLAND_KM && crossing.km > 0)
            {
              report (inland, f, part, &crossing);
              crossing.km = 0;
            }
        }
    }

  if (crossing.km > 0)
    report (inland, f, part, &crossing);

  return n_samples;
}

/* The measure itself: land is found where it is, the sea is not land. */
static void
test_distance_inside (void)
{
  int numeric = 0;
  double km;

  /* Larissa, in Thessaly, is some 30 km from the Aegean. */
  km = bri_basemap_get_distance_inside (basemap, 22.42, 39.64, &numeric);
  g_assert_cmpint (numeric, ==, GREECE);
  g_assert_cmpfloat (km, >, 20.0);
  g_assert_cmpfloat (km, <, 60.0);

  /* The Aegean between Greece and Turkey. */
  g_assert_cmpfloat (bri_basemap_get_distance_inside (basemap, 25.0, 38.5, &numeric), ==, 0.0);
  g_assert_cmpint (numeric, ==, -1);

  /* Piraeus is on the shore. */
  km = bri_basemap_get_distance_inside (basemap, 23.6468, 37.9429, &numeric);
  g_assert_cmpfloat (km, <, 2.0);

  /* Moscow is far from every coast and border. */
  g_assert_cmpfloat (bri_basemap_get_distance_inside (basemap, 37.62, 55.75, NULL), >, 300.0);
}

/* Every sea leg, sampled at least every kilometre, stays within a few
 * kilometres of the sea. */
static void
test_sea_legs_at_sea (void)
{
  g_autoptr(GString) inland = g_string_new (NULL);
  guint n_legs = 0;
  guint n_samples = 0;

  for (guint m = 0; m < G_N_ELEMENTS (maritime); m++)
    {
      BriFeature *f = lookup (maritime[m]);
      gboolean has_sea_leg = FALSE;

      for (guint p = 0; p < bri_feature_get_n_parts (f); p++)
        has_sea_leg |= bri_feature_get_part_leg (f, p) == BRI_LEG_SEA;
      if (!has_sea_leg)
        g_string_append_printf (inland, "\n  %s has no sea leg", maritime[m]);
    }

  for (guint i = 0; i < features->len; i++)
    {
      BriFeature *f = g_ptr_array_index (features, i);

      for (guint p = 0; p < bri_feature_get_n_parts (f); p++)
        if (bri_feature_get_part_leg (f, p) == BRI_LEG_SEA)
          {
            n_samples += measure_leg (f, p, inland);
            n_legs++;
          }
    }

  g_test_message ("%u sea legs, %u samples", n_legs, n_samples);
  g_assert_cmpstr (inland->str, ==, "");
  g_assert_cmpuint (n_legs, >=, G_N_ELEMENTS (maritime));
  g_assert_cmpuint (n_samples, >, 10000);
}

/* Cross-track distance of @p from the great circle through @a and @b. */
static double
off_great_circle_km (const BriLonLat *a,
                     const BriLonLat *b,
                     const BriLonLat *p)
{
  double va[3], vb[3], vp[3], n[3];
  const BriLonLat *pts[3] = { a, b, p };
  double *vs[3] = { va, vb, vp };
  double len;

  for (guint i = 0; i < 3; i++)
    {
      double lon = pts[i]->lon * G_PI / 180.0;
      double lat = pts[i]->lat * G_PI / 180.0;

      vs[i][0] = cos (lat) * cos (lon);
      vs[i][1] = cos (lat) * sin (lon);
      vs[i][2] = sin (lat);
    }

  n[0] = va[1] * vb[2] - va[2] * vb[1];
  n[1] = va[2] * vb[0] - va[0] * vb[2];
  n[2] = va[0] * vb[1] - va[1] * vb[0];
  len = sqrt (n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);

  return fabs (asin ((n[0] * vp[0] + n[1] * vp[1] + n[2] * vp[2]) / len)) * BRI_GEO_EARTH_RADIUS_KM;
}

/* Air routes are drawn as great circles, densely enough that the chords
 * between vertices look like the arc, and their precision says they are
 * flight paths between two cities, not town-level locations. */
static void
test_air_routes_great_circles (void)
{
  guint n_air = 0;

  for (guint i = 0; i < features->len; i++)
    {
      BriFeature *f = g_ptr_array_index (features, i);
      gboolean air_kind = bri_feature_get_kind (f) == BRI_FEATURE_KIND_AIR_ROUTE;

      g_test_message ("%s", bri_feature_get_id (f));
      g_assert_cmpint (air_kind, ==, bri_feature_get_precision (f) == BRI_PRECISION_FLIGHT_PATH);
      if (!air_kind)
        {
          for (guint p = 0; p < bri_feature_get_n_parts (f); p++)
            g_assert_cmpint (bri_feature_get_part_leg (f, p), !=, BRI_LEG_AIR);
          continue;
        }

      n_air++;
      g_assert_true (bri_feature_is_line (f));
      for (guint p = 0; p < bri_feature_get_n_parts (f); p++)
        {
          guint n;
          const BriLonLat *v = bri_feature_get_part (f, p, &n);
          double length = 0;

          g_assert_cmpint (bri_feature_get_part_leg (f, p), ==, BRI_LEG_AIR);
          for (guint k = 1; k < n; k++)
            {
              double step = bri_geo_distance_km (v[k - 1].lon, v[k - 1].lat, v[k].lon, v[k].lat);

              g_assert_cmpfloat (step, <=, 100.5);
              length += step;
              /* 5 decimals of a degree are a metre or so. */
              g_assert_cmpfloat (off_great_circle_km (&v[0], &v[n - 1], &v[k]), <, 0.01);
            }

          /* No detour: the vertices add up to the great-circle distance. */
          g_assert_cmpfloat (length, <, 1.0001 * bri_geo_distance_km (v[0].lon, v[0].lat,
                                                                       v[n - 1].lon, v[n - 1].lat));
          g_assert_cmpuint (n, >, 10);
        }
    }

  g_assert_cmpuint (n_air, >, 0);
}

/* Zhengzhou to Luxembourg runs north of the straight line on the map
 * (over Kazakhstan and Russia), as the great circle does. */
static void
test_air_silk_road (void)
{
  BriFeature *f = lookup ("zhengzhou-luxembourg-air-silk-road");
  double west, south, east, north;
  guint n;
  const BriLonLat *v = bri_feature_get_part (f, 0, &n);
  double max_lat = -90;

  g_assert_cmpint (bri_feature_get_precision (f), ==, BRI_PRECISION_FLIGHT_PATH);
  g_assert_cmpstr (bri_precision_to_string (BRI_PRECISION_FLIGHT_PATH), ==, "flight-path");
  g_assert_cmpstr (bri_precision_get_label (bri_feature_get_precision (f)), !=,
                   bri_precision_get_label (BRI_PRECISION_TOWN));
  g_assert_cmpstr (bri_leg_to_string (bri_feature_get_part_leg (f, 0)), ==, "air");

  for (guint k = 0; k < n; k++)
    max_lat = MAX (max_lat, v[k].lat);

  /* Zhengzhou is at 34.8° N, Luxembourg at 49.6° N; the arc tops 52° N. */
  bri_feature_get_bounds (f, &west, &south, &east, &north);
  g_assert_cmpfloat (max_lat, >, 52.0);
  g_assert_cmpfloat (north, ==, max_lat);
  g_assert_cmpfloat (fabs (v[0].lon - 113.65), <, 0.1);
  g_assert_cmpfloat (fabs (v[n - 1].lon - 6.13), <, 0.1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  const char *data_dir;
  int status;

  g_test_init (&argc, &argv, NULL);

  data_dir = g_getenv ("BRI_ATLAS_SOURCE_DATA_DIR");
  g_assert_nonnull (data_dir);
  path = g_build_filename (data_dir, "gazetteer", "features.geojson", NULL);
  file = g_file_new_for_path (path);
  features = bri_feature_load_all (file, &error);
  g_assert_no_error (error);
  basemap = bri_basemap_load_resolution ("10m", &error);
  g_assert_no_error (error);
  g_clear_object (&file);
  g_free (path);
  path = g_build_filename (data_dir, "countries", "countries.json", NULL);
  file = g_file_new_for_path (path);
  countries = bri_country_load_all (file, &error);
  g_assert_no_error (error);

  g_test_add_func ("/bri/routes/distance-inside", test_distance_inside);
  g_test_add_func ("/bri/routes/sea-legs-at-sea", test_sea_legs_at_sea);
  g_test_add_func ("/bri/routes/air-routes-great-circles", test_air_routes_great_circles);
  g_test_add_func ("/bri/routes/air-silk-road", test_air_silk_road);

  status = g_test_run ();

  g_ptr_array_unref (features);
  g_ptr_array_unref (countries);
  bri_basemap_unref (basemap);

  return status;
}
