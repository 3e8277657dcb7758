/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a printed or exported map carries besides the map: the legend of
 * the kinds it shows, a scale bar, a north arrow, the attribution line
 * and a title.  Each measures itself when given no cairo context, so a
 * layout can keep the map's names clear of it. */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "bri-feature-painter.h"
#include "bri-label-placer.h"
#include "bri-map-transform.h"
#include "bri-tile-renderer.h"

G_BEGIN_DECLS

void bri_map_decorations_legend      (cairo_t                *cr,
                                      PangoContext           *context,
                                      BriTileStyle            style,
                                      const BriFeaturesShown *shown,
                                      double                  x,
                                      double                  y,
                                      double                  max_height,
                                      BriLabelRect           *area);
void bri_map_decorations_scale_bar   (cairo_t                *cr,
                                      PangoContext           *context,
                                      const BriTilePalette   *palette,
                                      const BriMapTransform  *t,
                                      double                  x,
                                      double                  bottom,
                                      BriLabelRect           *area);
void bri_map_decorations_north_arrow (cairo_t                *cr,
                                      PangoContext           *context,
                                      const BriTilePalette   *palette,
                                      double                  right,
                                      double                  y,
                                      BriLabelRect           *area);
void bri_map_decorations_attribution (cairo_t                *cr,
                                      PangoContext           *context,
                                      const BriTilePalette   *palette,
                                      double                  right,
                                      double                  bottom,
                                      double                  max_width,
                                      BriLabelRect           *area);
void bri_map_decorations_title       (cairo_t                *cr,
                                      PangoContext           *context,
                                      const BriTilePalette   *palette,
                                      const char             *title,
                                      double                  x,
                                      double                  y,
                                      double                  max_width,
                                      BriLabelRect           *area);

const char *bri_map_decorations_get_attribution (void);

G_END_DECLS
