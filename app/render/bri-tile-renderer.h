/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriTileRenderer: draws the offline basemap (Natural Earth countries) into
 * slippy-map tiles with plain cairo. No GTK: any thread may render, and
 * tests and benchmarks call it directly. */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "bri-basemap.h"

G_BEGIN_DECLS

typedef enum
{
  BRI_TILE_STYLE_LIGHT,
  BRI_TILE_STYLE_DARK,
} BriTileStyle;

typedef struct
{
  double red;
  double green;
  double blue;
} BriTileColor;

/* The colours of one style, shared with the layers drawn over the tiles so
 * that labels and highlights match the map under them. */
typedef struct
{
  BriTileColor sea;
  BriTileColor coast;       /* a thin shore line on the sea side of coasts */
  BriTileColor land;
  BriTileColor border;
  BriTileColor label;
  BriTileColor label_halo;
  BriTileColor highlight;   /* the selected country's outline and fill */
} BriTilePalette;

/* The deepest zoom the data is worth drawing at: Natural Earth 10m is a
 * 1:10,000,000 map, already coarse at z10. */
#define BRI_TILE_RENDERER_MAX_ZOOM 12

#define BRI_TYPE_TILE_RENDERER (bri_tile_renderer_get_type ())

G_DECLARE_FINAL_TYPE (BriTileRenderer, bri_tile_renderer, BRI, TILE_RENDERER, GObject)

BriTileRenderer      *bri_tile_renderer_new                 (void);
BriTileRenderer      *bri_tile_renderer_get_default         (void);

const BriTilePalette *bri_tile_style_get_palette            (BriTileStyle      style);
const char           *bri_tile_renderer_resolution_for_zoom (guint             zoom);

BriBasemap           *bri_tile_renderer_get_basemap         (BriTileRenderer  *self,
                                                             const char       *resolution,
                                                             GError          **error);

cairo_surface_t      *bri_tile_renderer_render              (BriTileRenderer  *self,
                                                             guint             zoom,
                                                             guint             x,
                                                             guint             y,
                                                             guint             size,
                                                             BriTileStyle      style,
                                                             GError          **error);
cairo_surface_t      *bri_tile_renderer_render_with_bleed   (BriTileRenderer  *self,
                                                             guint             zoom,
                                                             guint             x,
                                                             guint             y,
                                                             guint             size,
                                                             guint             bleed,
                                                             BriTileStyle      style,
                                                             GError          **error);

G_END_DECLS
