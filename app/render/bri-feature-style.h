/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How each kind of feature looks on the map: colour, line width, dashes,
 * marker symbol, in the light and the dark style of the basemap.  Shared
 * by the feature layer and the legend, so that the legend always shows
 * what the map draws. */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "bri-feature.h"
#include "bri-tile-renderer.h"

G_BEGIN_DECLS

/* A colour with alpha, each channel from 0 to 1: GdkRGBA's layout, for
 * code that has no GTK. */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} BriRgba;

typedef enum
{
  BRI_FEATURE_STATE_NORMAL,
  BRI_FEATURE_STATE_HOVERED,
  BRI_FEATURE_STATE_SELECTED,
} BriFeatureState;

void            bri_feature_style_get_color          (BriFeatureKind   kind,
                                                      BriTileStyle     style,
                                                      BriRgba         *color);
guint32         bri_feature_style_get_rgb            (BriFeatureKind   kind);
int             bri_feature_style_get_importance     (BriFeatureKind   kind,
                                                      BriPrecision     precision);
const BriFeatureKind *bri_feature_style_get_line_order (guint         *n_kinds);

void            bri_feature_style_stroke_path        (cairo_t         *cr,
                                                      BriFeatureKind   kind,
                                                      BriPrecision     precision,
                                                      BriFeatureState  state,
                                                      BriTileStyle     style);

double          bri_feature_style_get_marker_radius  (BriFeatureState  state);
void            bri_feature_style_draw_marker        (cairo_t         *cr,
                                                      BriFeatureKind   kind,
                                                      BriPrecision     precision,
                                                      BriFeatureState  state,
                                                      BriTileStyle     style,
                                                      double           x,
                                                      double           y);
void            bri_feature_style_draw_symbol        (cairo_t         *cr,
                                                      BriFeatureKind   kind,
                                                      double           x,
                                                      double           y,
                                                      double           size);

double          bri_feature_style_get_cluster_radius (guint            count);
void            bri_feature_style_draw_cluster       (cairo_t         *cr,
                                                      double           x,
                                                      double           y,
                                                      guint            count,
                                                      PangoLayout     *count_layout);

void            bri_feature_style_draw_legend_symbol (cairo_t         *cr,
                                                      BriFeatureKind   kind,
                                                      BriPrecision     precision,
                                                      BriTileStyle     style,
                                                      int              width,
                                                      int              height);

G_END_DECLS
