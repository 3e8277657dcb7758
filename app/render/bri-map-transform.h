/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where a point of the map is in a drawing, and back: a view's zoom,
 * centre and rotation as one affine transform, with the drawing's size.
 * Shared by everything that draws the map's outlines, features and names,
 * which work in normalized Web Mercator (see bri_geo_lon_to_x()) and
 * redraw on every frame, so they must not go through a location object
 * per point.  On screen the map view's viewport sets it (see
 * bri-viewport-transform.h in ui/map); exports set it from their view. */
#pragma once

#include <math.h>

#include "bri-geo.h"

G_BEGIN_DECLS

typedef struct
{
  double zoom;
  double tile_size;    /* of the reference map source */
  double world;        /* width of the whole map in drawing pixels */
  double center_x;     /* the view's centre, in world pixels */
  double center_y;
  double half_width;   /* the centre of the drawing */
  double half_height;
  double cos_r;        /* the view's rotation, clockwise on screen */
  double sin_r;
} BriMapTransform;

/* A view of @width × @height pixels centred on @lat, @lon at @zoom (a
 * fractional level), turned by @rotation radians. */
static inline void
bri_map_transform_init_view (BriMapTransform *t,
                             double           lat,
                             double           lon,
                             double           zoom,
                             double           tile_size,
                             double           width,
                             double           height,
                             double           rotation)
{
  /* As libshumate: the world is tile_size × 2^zoom pixels wide at any
   * zoom, fractional ones included. */
  t->zoom = zoom;
  t->tile_size = tile_size;
  t->world = tile_size * exp2 (zoom);
  t->center_x = bri_geo_lon_to_x (lon) * t->world;
  t->center_y = bri_geo_lat_to_y (lat) * t->world;
  t->half_width = width / 2.0;
  t->half_height = height / 2.0;
  t->cos_r = cos (rotation);
  t->sin_r = sin (rotation);
}

/* @x, @y in normalized Web Mercator; x may lie outside [0, 1] to reach a
 * copy of the world east or west of the main one. */
static inline void
bri_map_transform_to_widget (const BriMapTransform *t,
                             double                 x,
                             double                 y,
                             double                *widget_x,
                             double                *widget_y)
{
  double dx = x * t->world - t->center_x;
  double dy = y * t->world - t->center_y;

  *widget_x = t->half_width + dx * t->cos_r - dy * t->sin_r;
  *widget_y = t->half_height + dx * t->sin_r + dy * t->cos_r;
}

static inline void
bri_map_transform_to_map (const BriMapTransform *t,
                          double                 widget_x,
                          double                 widget_y,
                          double                *x,
                          double                *y)
{
  double wx = widget_x - t->half_width;
  double wy = widget_y - t->half_height;

  *x = (t->center_x + wx * t->cos_r + wy * t->sin_r) / t->world;
  *y = (t->center_y - wx * t->sin_r + wy * t->cos_r) / t->world;
}

/* The part of the (unwrapped) map the drawing shows, grown by @margin
 * pixels; with a rotated view, the box round the rotated drawing. */
static inline void
bri_map_transform_get_visible (const BriMapTransform *t,
                               double                 margin,
                               double                *min_x,
                               double                *min_y,
                               double                *max_x,
                               double                *max_y)
{
  const double corners[4][2] = {
    { -margin, -margin },
    { 2 * t->half_width + margin, -margin },
    { -margin, 2 * t->half_height + margin },
    { 2 * t->half_width + margin, 2 * t->half_height + margin },
  };

  *min_x = *min_y = G_MAXDOUBLE;
  *max_x = *max_y = -G_MAXDOUBLE;
  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      double x, y;

      bri_map_transform_to_map (t, corners[i][0], corners[i][1], &x, &y);
      *min_x = MIN (*min_x, x);
      *min_y = MIN (*min_y, y);
      *max_x = MAX (*max_x, x);
      *max_y = MAX (*max_y, y);
    }
}

G_END_DECLS
