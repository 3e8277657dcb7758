/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "bri-geo.h"

static void
test_fit_kenya (void)
{
  BriGeoBounds kenya = { 33.9, -4.7, 41.9, 5.0 };
  double lon, lat, zoom;
  double world, w_px, h_px;

  bri_geo_bounds_fit (&kenya, 800, 600, 20, 256, 12, &lon, &lat, &zoom);
  g_assert_cmpfloat_with_epsilon (lon, 37.9, 0.01);
  g_assert_cmpfloat (lat, >, -1.0);
  g_assert_cmpfloat (lat, <, 1.0);

  /* At that zoom the box fills the view without overflowing it. */
  world = 256 * pow (2, zoom);
  w_px = (bri_geo_lon_to_x (41.9) - bri_geo_lon_to_x (33.9)) * world;
  h_px = (bri_geo_lat_to_y (-4.7) - bri_geo_lat_to_y (5.0)) * world;
  g_assert_cmpfloat (w_px, <=, 760.5);
  g_assert_cmpfloat (h_px, <=, 560.5);
  g_assert_true (w_px > 700 || h_px > 500);
}

static void
test_fit_point_and_antimeridian (void)
{
  BriGeoBounds point = { 23.6, 37.9, 23.6, 37.9 };
  BriGeoBounds fiji = { 177.0, -19.0, -179.0, -16.0 };
  double lon, lat, zoom;

  bri_geo_bounds_fit (&point, 800, 600, 20, 256, 9, &lon, &lat, &zoom);
  g_assert_cmpfloat (zoom, ==, 9);
  g_assert_cmpfloat_with_epsilon (lat, 37.9, 1e-6);

  /* Across ±180 the box is 4° wide, not 356°. */
  bri_geo_bounds_fit (&fiji, 800, 600, 20, 256, 12, &lon, &lat, &zoom);
  g_assert_cmpfloat (zoom, >, 6);
  g_assert_true (lon > 178.0 || lon < -179.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/geo/fit-kenya", test_fit_kenya);
  g_test_add_func ("/bri/geo/fit-point-antimeridian", test_fit_point_and_antimeridian);

  return g_test_run ();
}
