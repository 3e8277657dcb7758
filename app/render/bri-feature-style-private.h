/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The style table's row, for the tests that check every kind has one and
 * that every kind stands out from the map. */
#pragma once

#include "bri-feature-style.h"

G_BEGIN_DECLS

typedef struct _BriFeatureStyleRow BriFeatureStyleRow;

/* Puts the symbol's path in a box from -1 to 1 around the marker's centre. */
typedef void (*BriSymbolPathFunc) (cairo_t *cr);

/* Strokes the current path (preserving it) in the look of @row in
 * @style; the line width, cap and dash are already set. */
typedef void (*BriLinePaintFunc)  (cairo_t                  *cr,
                                   const BriFeatureStyleRow *row,
                                   double                    width,
                                   gboolean                  schematic,
                                   BriFeatureState           state,
                                   BriTileStyle              style);

typedef struct
{
  const double *segments;  /* NULL: solid */
  guint         n_segments;
} BriDash;

struct _BriFeatureStyleRow
{
  guint32            rgb;             /* 0xRRGGBB, on the light map */
  guint32            dark_rgb;        /* on the dark map */
  double             alpha;           /* of lines; markers are opaque */
  double             width;           /* of lines, in pixels */
  BriDash            dash;            /* of an exact or town-level line */
  BriDash            schematic_dash;  /* of a schematic line */
  int                draw_rank;       /* lines are drawn lowest rank first */
  int                importance;      /* who gets a label first, who is drawn on top */
  BriSymbolPathFunc  symbol;
  gboolean           symbol_stroked;  /* the symbol's path is stroked, not filled */
  BriLinePaintFunc   paint_line;
};

const BriFeatureStyleRow *bri_feature_style_get_row      (BriFeatureKind  kind);
void                      bri_feature_style_get_line_ink (BriFeatureKind  kind,
                                                          BriTileStyle    style,
                                                          BriRgba        *ink);
void                      bri_feature_style_get_paper    (BriTileStyle    style,
                                                          BriRgba        *paper);

G_END_DECLS
