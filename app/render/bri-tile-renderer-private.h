/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Turning basemap rings into cairo paths, shared by the tile renderer,
 * the map renderer and what draws outlines over the map (the selected
 * country). */
#pragma once

#include <cairo.h>

#include "bri-basemap.h"
#include "bri-tile-renderer.h"

G_BEGIN_DECLS

typedef struct
{
  float x;
  float y;
  guint flags;
} BriOutlinePoint;

/* Collects rings in pixels, thinned for one drawing area:
 * pixel = (map coordinate + shift - origin) × scale. */
typedef struct
{
  double  origin_x;
  double  origin_y;
  double  scale;
  double  shift;       /* added to x: 1 draws the copy of the world to the east */
  double  min_px;      /* the drawing area, stroke margin included */
  double  min_py;
  double  max_px;
  double  max_py;
  double  min_dist2;   /* squared distance under which a point is dropped */
  GArray *points;      /* of BriOutlinePoint */
} BriOutlineBuilder;

void     bri_outline_builder_init        (BriOutlineBuilder   *b,
                                          double               origin_x,
                                          double               origin_y,
                                          double               scale,
                                          double               min_px,
                                          double               min_py,
                                          double               max_px,
                                          double               max_py);
void     bri_outline_builder_clear       (BriOutlineBuilder   *b);
gboolean bri_outline_builder_add_country (BriOutlineBuilder   *b,
                                          BriBasemap          *map,
                                          guint                country);
void     bri_outline_builder_fill        (BriOutlineBuilder   *b,
                                          cairo_t             *cr,
                                          guint                start,
                                          guint                end);
void     bri_outline_builder_stroke      (BriOutlineBuilder   *b,
                                          cairo_t             *cr,
                                          guint                start,
                                          guint                end);

void     bri_basemap_paint                 (cairo_t              *cr,
                                            BriBasemap           *map,
                                            double                origin_x,
                                            double                origin_y,
                                            double                scale,
                                            double                width,
                                            double                height,
                                            double                coast_width,
                                            double                border_width,
                                            const BriTilePalette *palette);
void     bri_tile_renderer_get_line_widths (guint                 zoom,
                                            double               *coast_width,
                                            double               *border_width);

G_END_DECLS
