/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for BriBasemap (the built-in country outlines) and bri-geo. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bri-basemap.h"
#include "bri-geo.h"

static const char * const resolutions[] = { "110m", "50m", "10m" };

#define FRANCE     250
#define KENYA      404
#define GREECE     300
#define RUSSIA     643
#define FIJI       242
#define ANTARCTICA  10
#define CHINA      156
#define KOSOVO     900  /* assigned by build-aux/basemap/make-basemap.py */

static BriBasemap *
load (const char *resolution)
{
  g_autoptr(GError) error = NULL;
  BriBasemap *map = bri_basemap_load_resolution (resolution, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);
  return map;
}

static GBytes *
load_resource_bytes (const char *resolution)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/org/example/BriAtlas/data/basemap/countries-%s.bin",
                                           resolution);
  GBytes *bytes;

  /* Loading a basemap once makes sure the resource is linked in. */
  g_autoptr(BriBasemap) map = load (resolution);

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  return bytes;
}

static guint32
read_word (GBytes *bytes,
           gsize   offset)
{
  guint32 word;

  g_assert_cmpuint (offset + 4, <=, g_bytes_get_size (bytes));
  memcpy (&word, (const guint8 *) g_bytes_get_data (bytes, NULL) + offset, 4);
  return GUINT32_FROM_LE (word);
}

static void
test_geo_mercator (void)
{
  g_assert_cmpfloat_with_epsilon (bri_geo_lon_to_x (0.0), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (bri_geo_lon_to_x (-180.0), 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (bri_geo_lon_to_x (180.0), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (bri_geo_lat_to_y (0.0), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (bri_geo_lat_to_y (BRI_GEO_MAX_LATITUDE), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (bri_geo_lat_to_y (-90.0), 1.0, 1e-9);
  /* North is up: y grows southwards. */
  g_assert_cmpfloat (bri_geo_lat_to_y (48.86), <, bri_geo_lat_to_y (-1.29));

  for (double lat = -85.0; lat <= 85.0; lat += 8.5)
    g_assert_cmpfloat_with_epsilon (bri_geo_y_to_lat (bri_geo_lat_to_y (lat)), lat, 1e-9);
  for (double lon = -180.0; lon <= 180.0; lon += 22.5)
    g_assert_cmpfloat_with_epsilon (bri_geo_x_to_lon (bri_geo_lon_to_x (lon)), lon, 1e-9);

  /* Zoom 1, tile (1, 0) covers the north-east quarter: Beijing is in it. */
  g_assert_cmpint ((int) (bri_geo_lon_to_x (116.4) * 2), ==, 1);
  g_assert_cmpint ((int) (bri_geo_lat_to_y (39.9) * 2), ==, 0);
}

static void
test_geo_distance (void)
{
  /* Paris – London, 344 km on the sphere; equator to pole, a quarter circle. */
  g_assert_cmpfloat_with_epsilon (bri_geo_distance_km (2.3522, 48.8566, -0.1276, 51.5072), 343.5, 2.0);
  g_assert_cmpfloat_with_epsilon (bri_geo_distance_km (116.4, 0, 23.6, 90), G_PI / 2 * BRI_GEO_EARTH_RADIUS_KM, 1e-6);
  /* Symmetric. */
  g_assert_cmpfloat_with_epsilon (bri_geo_distance_km (116.4074, 39.9042, 23.6470, 37.9420),
                                  bri_geo_distance_km (23.6470, 37.9420, 116.4074, 39.9042), 1e-9);
  g_assert_cmpfloat_with_epsilon (bri_geo_distance_km (10, 10, 10, 10), 0.0, 1e-9);
  /* Across the antimeridian it is the short way round: 1° of equator. */
  g_assert_cmpfloat_with_epsilon (bri_geo_distance_km (179.5, 0, -179.5, 0), 111.2, 0.2);
  /* Antipodes: half the circumference. */
  g_assert_cmpfloat_with_epsilon (bri_geo_distance_km (0, 0, 180, 0), G_PI * BRI_GEO_EARTH_RADIUS_KM, 1e-6);
}

static void
test_geo_point_in_ring (void)
{
  /* A square with a notch cut into its top: (0.5, 0.9) is in the notch. */
  const float ring[] = { 0, 0, 1, 0, 1, 1, 0.6f, 1, 0.5f, 0.5f, 0.4f, 1, 0, 1 };
  const float line[] = { 0, 0, 1, 1 };

  g_assert_true (bri_geo_point_in_ring (ring, 7, 0.5, 0.2));
  g_assert_true (bri_geo_point_in_ring (ring, 7, 0.1, 0.9));
  g_assert_false (bri_geo_point_in_ring (ring, 7, 0.5, 0.9));
  g_assert_false (bri_geo_point_in_ring (ring, 7, 1.5, 0.5));
  g_assert_false (bri_geo_point_in_ring (ring, 7, -0.1, 0.5));
  /* A vertex level with the point counts once, not twice. */
  g_assert_true (bri_geo_point_in_ring (ring, 7, 0.45, 0.5));
  g_assert_false (bri_geo_point_in_ring (line, 2, 0.5, 0.5));
}

static void
test_geo_bounds (void)
{
  BriGeoBounds b;
  BriGeoBounds fiji = { 177.0, -21.0, -178.0, -12.0 };
  double lon, lat;

  bri_geo_bounds_init_empty (&b);
  g_assert_true (bri_geo_bounds_is_empty (&b));
  g_assert_false (bri_geo_bounds_contains (&b, 0, 0));
  bri_geo_bounds_extend (&b, 33.9, -4.7);
  bri_geo_bounds_extend (&b, 41.9, 5.0);
  g_assert_false (bri_geo_bounds_is_empty (&b));
  g_assert_false (bri_geo_bounds_crosses_antimeridian (&b));
  g_assert_true (bri_geo_bounds_contains (&b, 36.82, -1.29));
  g_assert_false (bri_geo_bounds_contains (&b, 2.35, 48.86));
  g_assert_cmpfloat_with_epsilon (bri_geo_bounds_get_width (&b), 8.0, 1e-9);

  g_assert_true (bri_geo_bounds_crosses_antimeridian (&fiji));
  g_assert_cmpfloat_with_epsilon (bri_geo_bounds_get_width (&fiji), 5.0, 1e-9);
  g_assert_true (bri_geo_bounds_contains (&fiji, 178.0, -17.8));
  g_assert_true (bri_geo_bounds_contains (&fiji, -179.9, -16.8));
  g_assert_false (bri_geo_bounds_contains (&fiji, 0.0, -17.0));
  bri_geo_bounds_get_center (&fiji, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 179.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, -16.5, 1e-9);
}

static void
test_basemap_header (void)
{
  for (guint r = 0; r < G_N_ELEMENTS (resolutions); r++)
    {
      g_autoptr(BriBasemap) map = load (resolutions[r]);
      g_autoptr(GBytes) bytes = load_resource_bytes (resolutions[r]);
      guint rings = 0, polygons = 0, points = 0;

      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "BRIB", 4);
      /* Uncompressed and aligned in the resource: read in place, no copy. */
      g_assert_cmpuint ((guintptr) g_bytes_get_data (bytes, NULL) % 4, ==, 0);
      g_assert_cmpuint (read_word (bytes, 4), ==, 1);
      g_assert_cmpuint (read_word (bytes, 12), ==, g_bytes_get_size (bytes));
      g_assert_cmpuint (bri_basemap_get_n_countries (map), ==, read_word (bytes, 16));
      g_assert_cmpuint (bri_basemap_get_n_polygons (map), ==, read_word (bytes, 20));
      g_assert_cmpuint (bri_basemap_get_n_rings (map), ==, read_word (bytes, 24));
      g_assert_cmpuint (bri_basemap_get_n_points (map), ==, read_word (bytes, 28));
      g_assert_cmpuint (bri_basemap_get_scale (map), ==, g_ascii_strtoull (resolutions[r], NULL, 10));

      /* Natural Earth has ~180 countries at 110m and ~250 at 10m. */
      g_assert_cmpuint (bri_basemap_get_n_countries (map), >=, 170);
      g_assert_cmpuint (bri_basemap_get_n_countries (map), <=, 260);

      /* The tables tile each other: every ring and polygon belongs to
       * exactly one country, in order. */
      for (guint c = 0; c < bri_basemap_get_n_countries (map); c++)
        {
          guint first, n, first_poly, n_poly;

          bri_basemap_get_country_rings (map, c, &first, &n);
          bri_basemap_get_country_polygons (map, c, &first_poly, &n_poly);
          g_assert_cmpuint (first, ==, rings);
          g_assert_cmpuint (first_poly, ==, polygons);
          g_assert_cmpint (bri_basemap_lookup_country (map, bri_basemap_get_country_numeric (map, c)), ==, c);
          rings += n;
          polygons += n_poly;
          for (guint i = first; i < first + n; i++)
            {
              BriBasemapRing ring;

              bri_basemap_get_ring (map, i, &ring);
              points += ring.n_points;
            }
        }
      g_assert_cmpuint (rings, ==, bri_basemap_get_n_rings (map));
      g_assert_cmpuint (polygons, ==, bri_basemap_get_n_polygons (map));
      g_assert_cmpuint (points, ==, bri_basemap_get_n_points (map));
      g_assert_cmpint (bri_basemap_lookup_country (map, 999), ==, -1);
    }
}

static void
test_basemap_find (void)
{
  for (guint r = 0; r < G_N_ELEMENTS (resolutions); r++)
    {
      g_autoptr(BriBasemap) map = load (resolutions[r]);

      g_test_message ("resolution %s", resolutions[r]);
      g_assert_cmpint (bri_basemap_find_country (map, 2.35, 48.86), ==, FRANCE);      /* Paris */
      g_assert_cmpint (bri_basemap_find_country (map, 36.82, -1.29), ==, KENYA);      /* Nairobi */
      g_assert_cmpint (bri_basemap_find_country (map, 116.40, 39.90), ==, CHINA);     /* Beijing */
      g_assert_cmpint (bri_basemap_find_country (map, 20.9, 42.6), ==, KOSOVO);
      g_assert_cmpint (bri_basemap_find_country (map, -30.0, 0.0), ==, -1);           /* Atlantic */
      g_assert_cmpint (bri_basemap_find_country (map, 0.0, 70.0), ==, -1);            /* Norwegian Sea */
      g_assert_cmpint (bri_basemap_find_country (map, 178.0, -17.8), ==, FIJI);       /* Viti Levu */
      g_assert_cmpint (bri_basemap_find_country (map, 0.0, -80.0), ==, ANTARCTICA);
      /* Beyond Mercator's limit the pole still belongs to Antarctica. */
      g_assert_cmpint (bri_basemap_find_country (map, 100.0, -89.0), ==, ANTARCTICA);
      g_assert_cmpint (bri_basemap_find_country (map, NAN, 0.0), ==, -1);

      /* Chukotka on both sides of the antimeridian. (177.5, 64.7), Anadyr's
       * latitude, is water in the Anadyr estuary at 50m and 10m. */
      g_assert_cmpint (bri_basemap_find_country (map, 175.0, 66.0), ==, RUSSIA);
      g_assert_cmpint (bri_basemap_find_country (map, 177.0, 64.9), ==, RUSSIA);
      g_assert_cmpint (bri_basemap_find_country (map, -172.5, 65.5), ==, RUSSIA);
      g_assert_false (bri_basemap_country_contains (map, RUSSIA, 0.0, 70.0));
      g_assert_false (bri_basemap_country_contains (map, RUSSIA, -150.0, 65.0));      /* Alaska */
      g_assert_true (bri_basemap_country_contains (map, RUSSIA, 37.6, 55.75));        /* Moscow */
      g_assert_true (bri_basemap_country_contains (map, FRANCE, 2.35, 48.86));
      g_assert_false (bri_basemap_country_contains (map, FRANCE, 36.82, -1.29));
      g_assert_false (bri_basemap_country_contains (map, 999, 2.35, 48.86));
    }

  {
    g_autoptr(BriBasemap) map = load ("10m");

    g_assert_cmpint (bri_basemap_find_country (map, 23.64, 37.94), ==, GREECE);      /* Piraeus */
    g_assert_cmpint (bri_basemap_find_country (map, -179.9, -16.8), ==, FIJI);       /* Taveuni */
    g_assert_cmpint (bri_basemap_find_country (map, 105.67, -10.49), ==, 162);       /* Christmas Island */
  }
}

static void
test_basemap_antimeridian (void)
{
  for (guint r = 0; r < G_N_ELEMENTS (resolutions); r++)
    {
      g_autoptr(BriBasemap) map = load (resolutions[r]);
      double widest = 0.0;
      guint at_edge = 0;

      for (guint i = 0; i < bri_basemap_get_n_rings (map); i++)
        {
          BriBasemapRing ring;

          bri_basemap_get_ring (map, i, &ring);
          g_assert_cmpuint (ring.n_points, >=, 3);
          for (guint p = 0; p < ring.n_points; p++)
            {
              guint q = (p + ring.n_points - 1) % ring.n_points;
              double x = ring.points[2 * p], y = ring.points[2 * p + 1];

              /* Half the map's width is 180° of longitude. */
              widest = MAX (widest, fabs (x - ring.points[2 * q]));
              g_assert_cmpfloat (x, >=, ring.box.min_x);
              g_assert_cmpfloat (x, <=, ring.box.max_x);
              g_assert_cmpfloat (y, >=, ring.box.min_y);
              g_assert_cmpfloat (y, <=, ring.box.max_y);
              if (x == 0.0 || x == 1.0)
                at_edge++;
            }
        }
      g_test_message ("%s: widest edge %.3f degrees of longitude, %u points on the map's edge",
                      resolutions[r], widest * 360.0, at_edge);
      g_assert_cmpfloat (widest, <=, 0.5);
      /* The cut rings were closed along the edge. */
      g_assert_cmpuint (at_edge, >, 0);
    }
}

static void
test_basemap_bounds (void)
{
  for (guint r = 0; r < G_N_ELEMENTS (resolutions); r++)
    {
      g_autoptr(BriBasemap) map = load (resolutions[r]);
      BriGeoBounds b;

      g_assert_true (bri_basemap_get_country_bounds (map, KENYA, &b));
      g_assert_false (bri_geo_bounds_crosses_antimeridian (&b));
      g_assert_cmpfloat_with_epsilon (b.min_lon, 33.9, 0.2);
      g_assert_cmpfloat_with_epsilon (b.max_lon, 41.9, 0.2);
      g_assert_cmpfloat_with_epsilon (b.min_lat, -4.7, 0.2);
      g_assert_cmpfloat_with_epsilon (b.max_lat, 5.0, 0.6);

      /* Russia and Fiji are smallest across the antimeridian. */
      g_assert_true (bri_basemap_get_country_bounds (map, RUSSIA, &b));
      g_assert_true (bri_geo_bounds_crosses_antimeridian (&b));
      g_assert_cmpfloat_with_epsilon (b.min_lon, 19.7, 0.5);   /* Kaliningrad */
      g_assert_cmpfloat_with_epsilon (b.max_lon, -169.4, 0.6); /* Big Diomede, or Cape Dezhnev at 110m */
      g_assert_true (bri_geo_bounds_contains (&b, 37.6, 55.75));
      g_assert_true (bri_geo_bounds_contains (&b, -172.5, 65.5));
      g_assert_false (bri_geo_bounds_contains (&b, -100.0, 60.0));

      g_assert_true (bri_basemap_get_country_bounds (map, FIJI, &b));
      g_assert_true (bri_geo_bounds_crosses_antimeridian (&b));
      g_assert_cmpfloat (bri_geo_bounds_get_width (&b), <, 10.0);

      g_assert_true (bri_basemap_get_country_bounds (map, ANTARCTICA, &b));
      g_assert_cmpfloat_with_epsilon (bri_geo_bounds_get_width (&b), 360.0, 1e-3);

      g_assert_false (bri_basemap_get_country_bounds (map, 999, &b));
    }
}

static void
expect_invalid (GBytes     *bytes,
                const char *why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BriBasemap) map = bri_basemap_new_from_bytes (bytes, &error);

  g_test_message ("%s: %s", why, error ? error->message : "(no error)");
  g_assert_null (map);
  g_assert_error (error, BRI_BASEMAP_ERROR, BRI_BASEMAP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "byte "));
}

static GBytes *
patched (GBytes  *bytes,
         gsize    offset,
         guint32  value)
{
  gsize size;
  guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));

  value = GUINT32_TO_LE (value);
  memcpy (copy + offset, &value, 4);
  return g_bytes_new_take (copy, size);
}

static void
test_basemap_corrupt (void)
{
  g_autoptr(GBytes) bytes = load_resource_bytes ("110m");
  gsize size = g_bytes_get_size (bytes);
  guint32 rings_offset = read_word (bytes, 40);
  guint32 points_offset = read_word (bytes, 44);
  guint32 n_points = read_word (bytes, 28);
  const gsize cuts[] = { 0, 3, 10, 63, 64, 200, size / 2, size - 8, size - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(GBytes) cut = g_bytes_new_from_bytes (bytes, 0, cuts[i]);
      g_autofree char *why = g_strdup_printf ("truncated to %" G_GSIZE_FORMAT " bytes", cuts[i]);

      expect_invalid (cut, why);
    }

  {
    g_autoptr(GBytes) b = patched (bytes, 0, 0x42524958);
    expect_invalid (b, "bad magic");
  }
  {
    g_autoptr(GBytes) b = patched (bytes, 4, 2);
    expect_invalid (b, "future version");
  }
  {
    g_autoptr(GBytes) b = patched (bytes, 24, 0xfffffff0);
    expect_invalid (b, "huge ring count");
  }
  {
    g_autoptr(GBytes) b = patched (bytes, 36, 12);
    expect_invalid (b, "polygon table offset");
  }
  {
    /* The second ring's points run past the end. */
    g_autoptr(GBytes) b = patched (bytes, rings_offset + 24, n_points - 1);
    expect_invalid (b, "ring beyond the points");
  }
  {
    /* The first country's first polygon beyond the polygon table. */
    g_autoptr(GBytes) b = patched (bytes, 64 + 4, 0x7fffffff);
    expect_invalid (b, "polygon index");
  }
  {
    /* A point far outside its ring's box. */
    g_autoptr(GBytes) b = patched (bytes, points_offset, 0x7fc00000 /* NaN */);
    expect_invalid (b, "NaN point");
  }
  {
    /* Two countries out of order breaks the binary search. */
    g_autoptr(GBytes) b = patched (bytes, 64 + 36, 0);
    expect_invalid (b, "unsorted codes");
  }
}

/* Random words overwritten anywhere in the tables: the loader either refuses
 * the data or gives a basemap that every accessor can walk safely. */
static void
test_basemap_fuzz (void)
{
  g_autoptr(GBytes) bytes = load_resource_bytes ("110m");
  gsize size = g_bytes_get_size (bytes);
  guint32 points_offset = read_word (bytes, 44);
  GRand *rand = g_rand_new_with_seed (2024);
  guint refused = 0, accepted = 0;

  for (guint round = 0; round < 400; round++)
    {
      g_autofree guint32 *words = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
      g_autoptr(GBytes) damaged = NULL;
      g_autoptr(BriBasemap) map = NULL;
      g_autoptr(GError) error = NULL;

      for (guint k = 0; k < 1 + round % 4; k++)
        {
          /* Mostly the header and tables, where the offsets and counts are. */
          guint32 limit = (round % 3 == 0) ? size : points_offset;
          guint32 at = g_rand_int_range (rand, 1, limit / 4);

          words[at] = (round % 2) ? g_rand_int (rand) : words[at] + g_rand_int_range (rand, -3, 4);
        }
      damaged = g_bytes_new (words, size);
      map = bri_basemap_new_from_bytes (damaged, &error);
      if (map == NULL)
        {
          g_assert_error (error, BRI_BASEMAP_ERROR, BRI_BASEMAP_ERROR_INVALID);
          refused++;
          continue;
        }

      accepted++;
      for (guint c = 0; c < bri_basemap_get_n_countries (map); c++)
        {
          guint first, n;
          BriGeoBounds b;

          bri_basemap_get_country_rings (map, c, &first, &n);
          for (guint r = first; r < first + n; r++)
            {
              BriBasemapRing ring;

              bri_basemap_get_ring (map, r, &ring);
              g_assert_cmpfloat (ring.points[2 * ring.n_points - 1], >=, 0.0f);
            }
          g_assert_true (bri_basemap_get_country_bounds (map, bri_basemap_get_country_numeric (map, c), &b));
        }
      (void) bri_basemap_find_country (map, 36.82, -1.29);
    }
  g_rand_free (rand);
  g_test_message ("%u damaged copies refused, %u harmless ones accepted", refused, accepted);
  g_assert_cmpuint (refused, >, 0);
}

static void
test_basemap_unaligned (void)
{
  g_autoptr(GBytes) bytes = load_resource_bytes ("110m");
  gsize size = g_bytes_get_size (bytes);
  g_autofree guint8 *buffer = g_malloc (size + 1);
  g_autoptr(GBytes) odd = NULL;
  g_autoptr(BriBasemap) map = NULL;
  g_autoptr(GError) error = NULL;

  /* Data that is not 4-byte aligned is read from a copy, not misread. */
  memcpy (buffer + 1, g_bytes_get_data (bytes, NULL), size);
  odd = g_bytes_new_static (buffer + 1, size);
  map = bri_basemap_new_from_bytes (odd, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bri_basemap_find_country (map, 36.82, -1.29), ==, KENYA);
}

static void
test_basemap_data_dir (void)
{
  const char *source = g_getenv ("BRI_ATLAS_SOURCE_DATA_DIR");
  g_autoptr(BriBasemap) mapped = NULL;
  g_autoptr(BriBasemap) built_in = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_strdup (g_getenv ("BRI_ATLAS_DATA_DIR"));
  g_autofree char *empty = NULL;

  if (source == NULL)
    {
      /* Only `meson test` says where the source tree is. */
      g_test_skip ("BRI_ATLAS_SOURCE_DATA_DIR is not set: run this through meson test");
      return;
    }

  g_setenv ("BRI_ATLAS_DATA_DIR", source, TRUE);
  mapped = bri_basemap_load_resolution ("50m", &error);
  g_assert_no_error (error);
  g_unsetenv ("BRI_ATLAS_DATA_DIR");
  built_in = load ("50m");

  g_assert_cmpuint (bri_basemap_get_n_points (mapped), ==, bri_basemap_get_n_points (built_in));
  g_assert_cmpint (bri_basemap_find_country (mapped, 2.35, 48.86), ==, FRANCE);

  /* A directory without a basemap gives a file error, not a crash. */
  empty = g_dir_make_tmp ("bri-basemap-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("BRI_ATLAS_DATA_DIR", empty, TRUE);
  {
    g_autoptr(BriBasemap) none = bri_basemap_load_resolution ("10m", &error);

    g_assert_null (none);
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_clear_error (&error);
  }
  g_rmdir (empty);

  if (old != NULL)
    g_setenv ("BRI_ATLAS_DATA_DIR", old, TRUE);
  else
    g_unsetenv ("BRI_ATLAS_DATA_DIR");

  {
    g_autoptr(BriBasemap) none = bri_basemap_load_resolution ("25m", &error);

    g_assert_null (none);
    g_assert_error (error, BRI_BASEMAP_ERROR, BRI_BASEMAP_ERROR_UNKNOWN_RESOLUTION);
  }
}

typedef struct
{
  BriBasemap *map;
  guint       seed;
} ThreadData;

static gpointer
find_in_thread (gpointer user_data)
{
  ThreadData *data = user_data;
  GRand *rand = g_rand_new_with_seed (data->seed);
  guint found = 0;

  for (guint i = 0; i < 2000; i++)
    {
      double lon = g_rand_double_range (rand, -180, 180);
      double lat = g_rand_double_range (rand, -60, 75);
      int code = bri_basemap_find_country (data->map, lon, lat);

      if (code >= 0)
        {
          g_assert_true (bri_basemap_country_contains (data->map, code, lon, lat));
          found++;
        }
    }
  g_rand_free (rand);
  return GUINT_TO_POINTER (found);
}

static void
test_basemap_threads (void)
{
  g_autoptr(BriBasemap) map = load ("50m");
  ThreadData data[4];
  GThread *threads[4];
  guint found = 0;

  /* The same basemap from several threads at once, as the tile renderer
   * uses it; each thread takes its own reference. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      data[i].map = bri_basemap_ref (map);
      data[i].seed = 17 + i;
      threads[i] = g_thread_new ("find", find_in_thread, &data[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      found += GPOINTER_TO_UINT (g_thread_join (threads[i]));
      bri_basemap_unref (data[i].map);
    }

  /* Roughly a third of the sampled band is land. */
  g_test_message ("%u of 8000 random points on land", found);
  g_assert_cmpuint (found, >, 8000 / 5);
  g_assert_cmpuint (found, <, 8000 / 2);
}

static void
test_basemap_timing (void)
{
  for (guint r = 0; r < G_N_ELEMENTS (resolutions); r++)
    {
      g_autoptr(BriBasemap) map = NULL;
      gint64 start = g_get_monotonic_time ();
      double load_ms, find_us;
      guint n = 0;

      map = load (resolutions[r]);
      load_ms = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      for (double lat = -50; lat <= 70; lat += 5)
        for (double lon = -175; lon <= 175; lon += 5)
          {
            (void) bri_basemap_find_country (map, lon, lat);
            n++;
          }
      find_us = (double) (g_get_monotonic_time () - start) / n;
      g_test_message ("%s: load %.2f ms, find_country %.1f us on average (%u points)",
                      resolutions[r], load_ms, find_us, n);
      /* Generous limits: they catch an accidental O(n²), not a slow machine. */
      g_assert_cmpfloat (load_ms, <, 500);
      g_assert_cmpfloat (find_us, <, 20000);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/basemap/geo-mercator", test_geo_mercator);
  g_test_add_func ("/bri/basemap/geo-distance", test_geo_distance);
  g_test_add_func ("/bri/basemap/geo-point-in-ring", test_geo_point_in_ring);
  g_test_add_func ("/bri/basemap/geo-bounds", test_geo_bounds);
  g_test_add_func ("/bri/basemap/header", test_basemap_header);
  g_test_add_func ("/bri/basemap/find", test_basemap_find);
  g_test_add_func ("/bri/basemap/antimeridian", test_basemap_antimeridian);
  g_test_add_func ("/bri/basemap/bounds", test_basemap_bounds);
  g_test_add_func ("/bri/basemap/corrupt", test_basemap_corrupt);
  g_test_add_func ("/bri/basemap/fuzz", test_basemap_fuzz);
  g_test_add_func ("/bri/basemap/unaligned", test_basemap_unaligned);
  g_test_add_func ("/bri/basemap/data-dir", test_basemap_data_dir);
  g_test_add_func ("/bri/basemap/threads", test_basemap_threads);
  g_test_add_func ("/bri/basemap/timing", test_basemap_timing);

  return g_test_run ();
}
