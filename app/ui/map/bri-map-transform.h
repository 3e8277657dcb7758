/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where a point of the map is on a layer, and back: the view's zoom,
 * centre and rotation as one affine transform. Shared by the layers that
 * draw the basemap's outlines and names, which work in normalized Web
 * Mercator (see bri_geo_lon_to_x()) and redraw on every frame, so they
 * must not go through a ShumateLocation per point. */
#pragma once

#include <math.h>
#include <shumate/shumate.h>

#include "bri-geo.h"

G_BEGIN_DECLS

typedef struct
{
  double zoom;
  double tile_size;    /* of the reference map source */
  double world;        /* width of the whole map in widget pixels */
  double center_x;     /* the view's centre, in world pixels */
  double center_y;
  double half_width;   /* the centre of the widget */
  double half_height;
  double cos_r;        /* the view's rotation, clockwise on screen */
  double sin_r;
} BriMapTransform;

static inline void
bri_map_transform_init (BriMapTransform *t,
                        ShumateViewport *viewport,
                        GtkWidget       *widget)
{
  ShumateMapSource *reference = shumate_viewport_get_reference_map_source (viewport);
  double rotation = shumate_viewport_get_rotation (viewport);
  double lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  double lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));

  /* As libshumate: the world is tile_size × 2^zoom pixels wide at any
   * zoom, fractional ones included. */
  t->zoom = shumate_viewport_get_zoom_level (viewport);
  t->tile_size = reference != NULL ? shumate_map_source_get_tile_size (reference) : 256.0;
  t->world = t->tile_size * exp2 (t->zoom);
  t->center_x = bri_geo_lon_to_x (lon) * t->world;
  t->center_y = bri_geo_lat_to_y (lat) * t->world;
  t->half_width = gtk_widget_get_width (widget) / 2.0;
  t->half_height = gtk_widget_get_height (widget) / 2.0;
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

/* The part of the (unwrapped) map the widget shows, grown by @margin
 * widget pixels; with a rotated view, the box round the rotated widget. */
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
