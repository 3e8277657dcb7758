/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plain geometry helpers: normalized Web Mercator, lon/lat bounds that may
 * cross the antimeridian, point in ring, distance to a segment,
 * great-circle distance. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The latitude at which Web Mercator becomes a square. */
#define BRI_GEO_MAX_LATITUDE 85.05112877980659

/* Mean Earth radius (IUGG), in kilometres. */
#define BRI_GEO_EARTH_RADIUS_KM 6371.0088

/* Normalized Web Mercator: x and y in [0, 1], y = 0 at the north edge, as
 * slippy-map tiles count them (pixel = coordinate * tile_size * 2^zoom).
 * Latitudes beyond ±BRI_GEO_MAX_LATITUDE are clamped. */
double   bri_geo_lon_to_x     (double lon);
double   bri_geo_lat_to_y     (double lat);
double   bri_geo_x_to_lon     (double x);
double   bri_geo_y_to_lat     (double y);

double   bri_geo_distance_km  (double lon1,
                               double lat1,
                               double lon2,
                               double lat2);

double   bri_geo_segment_distance2 (double x,
                                    double y,
                                    double ax,
                                    double ay,
                                    double bx,
                                    double by);

gboolean bri_geo_point_in_ring (const float *xy,
                                gsize        n_points,
                                double       x,
                                double       y);

/* Bounds in degrees. min_lon > max_lon means the box crosses the
 * antimeridian: it runs east from min_lon to 180 and on from -180 to
 * max_lon (Russia, Fiji, the United States). */
typedef struct
{
  double min_lon;
  double min_lat;
  double max_lon;
  double max_lat;
} BriGeoBounds;

void     bri_geo_bounds_init_empty           (BriGeoBounds       *bounds);
gboolean bri_geo_bounds_is_empty             (const BriGeoBounds *bounds);
void     bri_geo_bounds_extend               (BriGeoBounds       *bounds,
                                              double              lon,
                                              double              lat);
gboolean bri_geo_bounds_crosses_antimeridian (const BriGeoBounds *bounds);
double   bri_geo_bounds_get_width            (const BriGeoBounds *bounds);
gboolean bri_geo_bounds_contains             (const BriGeoBounds *bounds,
                                              double              lon,
                                              double              lat);
void     bri_geo_bounds_get_center           (const BriGeoBounds *bounds,
                                              double             *lon,
                                              double             *lat);
void     bri_geo_bounds_fit                  (const BriGeoBounds *bounds,
                                              double              width_px,
                                              double              height_px,
                                              double              padding_px,
                                              double              tile_size,
                                              double              max_zoom,
                                              double             *lon,
                                              double             *lat,
                                              double             *zoom);

G_END_DECLS
