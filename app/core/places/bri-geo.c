/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plain geometry helpers shared by the basemap, the countries and the
 * gazetteer. Pure functions: safe from any thread. */

#define G_LOG_DOMAIN "bri-geo"

#include "config.h"

#include <math.h>

#include "bri-geo.h"

static inline double
deg_to_rad (double deg)
{
  return deg * G_PI / 180.0;
}

double
bri_geo_lon_to_x (double lon)
{
  return CLAMP ((lon + 180.0) / 360.0, 0.0, 1.0);
}

double
bri_geo_lat_to_y (double lat)
{
  double s;

  lat = CLAMP (lat, -BRI_GEO_MAX_LATITUDE, BRI_GEO_MAX_LATITUDE);
  s = sin (deg_to_rad (lat));

  /* 0.5 - atanh (sin φ) / 2π, written so that it stays exact near 0 */
  return CLAMP (0.5 - log ((1.0 + s) / (1.0 - s)) / (4.0 * G_PI), 0.0, 1.0);
}

double
bri_geo_x_to_lon (double x)
{
  return x * 360.0 - 180.0;
}

double
bri_geo_y_to_lat (double y)
{
  return atan (sinh (G_PI * (1.0 - 2.0 * y))) * 180.0 / G_PI;
}

/* Haversine: accurate to about 0.5 % against the ellipsoid, plenty for
 * "how far is this port from that city". */
double
bri_geo_distance_km (double lon1,
                     double lat1,
                     double lon2,
                     double lat2)
{
  double dlat = deg_to_rad (lat2 - lat1);
  double dlon = deg_to_rad (lon2 - lon1);
  double a = sin (dlat / 2) * sin (dlat / 2)
           + cos (deg_to_rad (lat1)) * cos (deg_to_rad (lat2)) * sin (dlon / 2) * sin (dlon / 2);

  return 2.0 * BRI_GEO_EARTH_RADIUS_KM * atan2 (sqrt (a), sqrt (MAX (0.0, 1.0 - a)));
}

/**
 * bri_geo_segment_distance2:
 *
 * Returns: the squared distance from (@x, @y) to the segment from
 *   (@ax, @ay) to (@bx, @by), in the plane
 */
double
bri_geo_segment_distance2 (double x,
                           double y,
                           double ax,
                           double ay,
                           double bx,
                           double by)
{
  double dx = bx - ax;
  double dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0.0 ? CLAMP (((x - ax) * dx + (y - ay) * dy) / len2, 0.0, 1.0) : 0.0;
  double ex = ax + t * dx - x;
  double ey = ay + t * dy - y;

  return ex * ex + ey * ey;
}

/**
 * bri_geo_point_in_ring:
 * @xy: @n_points (x, y) pairs; the ring closes implicitly
 *
 * Even-odd test: counts the edges a ray from (x, y) towards +x crosses.
 * Each edge is half-open in y, so a vertex on the ray counts once.
 */
gboolean
bri_geo_point_in_ring (const float *xy,
                       gsize        n_points,
                       double       x,
                       double       y)
{
  gboolean inside = FALSE;
  gsize i, j;

  g_return_val_if_fail (xy != NULL || n_points == 0, FALSE);

  if (n_points < 3)
    return FALSE;

  for (i = 0, j = n_points - 1; i < n_points; j = i++)
    {
      double xi = xy[2 * i], yi = xy[2 * i + 1];
      double xj = xy[2 * j], yj = xy[2 * j + 1];

      if ((yi > y) != (yj > y) &&
          x < xi + (y - yi) * (xj - xi) / (yj - yi))
        inside = !inside;
    }

  return inside;
}

void
bri_geo_bounds_init_empty (BriGeoBounds *bounds)
{
  g_return_if_fail (bounds != NULL);

  bounds->min_lon = bounds->min_lat = G_MAXDOUBLE;
  bounds->max_lon = bounds->max_lat = -G_MAXDOUBLE;
}

gboolean
bri_geo_bounds_is_empty (const BriGeoBounds *bounds)
{
  g_return_val_if_fail (bounds != NULL, TRUE);

  /* Only latitude tells: longitude may legitimately be "reversed". */
  return bounds->min_lat > bounds->max_lat;
}

/* Grows the box in plain longitude order; a box meant to cross the
 * antimeridian has to be written as such by whoever knows it does. */
void
bri_geo_bounds_extend (BriGeoBounds *bounds,
                       double        lon,
                       double        lat)
{
  g_return_if_fail (bounds != NULL);
  g_return_if_fail (!bri_geo_bounds_crosses_antimeridian (bounds));

  bounds->min_lon = MIN (bounds->min_lon, lon);
  bounds->max_lon = MAX (bounds->max_lon, lon);
  bounds->min_lat = MIN (bounds->min_lat, lat);
  bounds->max_lat = MAX (bounds->max_lat, lat);
}

gboolean
bri_geo_bounds_crosses_antimeridian (const BriGeoBounds *bounds)
{
  g_return_val_if_fail (bounds != NULL, FALSE);

  return !bri_geo_bounds_is_empty (bounds) && bounds->min_lon > bounds->max_lon;
}

/* Degrees of longitude covered, east of min_lon. */
double
bri_geo_bounds_get_width (const BriGeoBounds *bounds)
{
  g_return_val_if_fail (bounds != NULL, 0.0);

  if (bri_geo_bounds_is_empty (bounds))
    return 0.0;
  if (bounds->min_lon > bounds->max_lon)
    return bounds->max_lon - bounds->min_lon + 360.0;
  return bounds->max_lon - bounds->min_lon;
}

gboolean
bri_geo_bounds_contains (const BriGeoBounds *bounds,
                         double              lon,
                         double              lat)
{
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (bri_geo_bounds_is_empty (bounds) || lat < bounds->min_lat || lat > bounds->max_lat)
    return FALSE;
  if (bounds->min_lon > bounds->max_lon)
    return lon >= bounds->min_lon || lon <= bounds->max_lon;
  return lon >= bounds->min_lon && lon <= bounds->max_lon;
}

void
bri_geo_bounds_get_center (const BriGeoBounds *bounds,
                           double             *lon,
                           double             *lat)
{
  double c;

  g_return_if_fail (bounds != NULL);
  g_return_if_fail (!bri_geo_bounds_is_empty (bounds));

  c = bounds->min_lon + bri_geo_bounds_get_width (bounds) / 2.0;
  if (c > 180.0)
    c -= 360.0;

  if (lon != NULL)
    *lon = c;
  if (lat != NULL)
    *lat = (bounds->min_lat + bounds->max_lat) / 2.0;
}

/**
 * bri_geo_bounds_fit:
 * @padding_px: margin to keep free on every side
 * @max_zoom: never zoom closer than this (a single point fits at any zoom)
 *
 * The centre and zoom that show all of @bounds in a view of the given
 * size, for "fit the map to this country" or "to this line".
 */
void
bri_geo_bounds_fit (const BriGeoBounds *bounds,
                    double              width_px,
                    double              height_px,
                    double              padding_px,
                    double              tile_size,
                    double              max_zoom,
                    double             *lon,
                    double             *lat,
                    double             *zoom)
{
  double dx, dy, cy;
  double avail_w = MAX (width_px - 2 * padding_px, 16.0);
  double avail_h = MAX (height_px - 2 * padding_px, 16.0);
  double zx, zy;

  g_return_if_fail (bounds != NULL && !bri_geo_bounds_is_empty (bounds));

  dx = bri_geo_bounds_get_width (bounds) / 360.0;
  dy = fabs (bri_geo_lat_to_y (bounds->min_lat) - bri_geo_lat_to_y (bounds->max_lat));
  cy = (bri_geo_lat_to_y (bounds->min_lat) + bri_geo_lat_to_y (bounds->max_lat)) / 2.0;

  bri_geo_bounds_get_center (bounds, lon, lat);
  *lat = bri_geo_y_to_lat (cy);

  zx = dx > 0 ? log2 (avail_w / (dx * tile_size)) : max_zoom;
  zy = dy > 0 ? log2 (avail_h / (dy * tile_size)) : max_zoom;
  *zoom = CLAMP (MIN (zx, zy), 0.0, max_zoom);
}
