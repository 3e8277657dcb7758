/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriTilePaintable: a basemap tile's texture, drawn a little larger than
 * its place so that neighbouring tiles overlap instead of leaving seams. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BRI_TYPE_TILE_PAINTABLE (bri_tile_paintable_get_type ())

G_DECLARE_FINAL_TYPE (BriTilePaintable, bri_tile_paintable, BRI, TILE_PAINTABLE, GObject)

BriTilePaintable *bri_tile_paintable_new         (GdkTexture       *texture,
                                                  guint             bleed);
GdkTexture       *bri_tile_paintable_get_texture (BriTilePaintable *self);
guint             bri_tile_paintable_get_bleed   (BriTilePaintable *self);

G_END_DECLS
