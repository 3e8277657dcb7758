/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How each kind of feature looks on the map: one row per kind in the
 * table below.  Everything here draws with cairo into whatever it is
 * given, so the map layer, the legend and any export look the same.
 *
 * Each kind has a colour for each style of the basemap: dark on the light
 * map, light on the dark one, every one at least 3:1 against both land
 * and sea (WCAG 2.1's contrast for graphics; tests/render/test-contrast.c
 * checks the table).  What goes under and between the colours — marker
 * discs, road casings, railway ties — is the style's "paper": white on
 * the light map, near-black on the dark one.
 *
 * One rule overrides the kinds: a line of schematic precision is always
 * dashed, so that a line nobody surveyed never looks like one that was. */

#define G_LOG_DOMAIN "bri-feature-style"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "bri-feature-style-private.h"
#include "bri-render-text.h"

#define MARKER_RADIUS 9.0
/* The thin spine down the middle of a band, which carries its course. */
#define BAND_SPINE_ALPHA 0.85

/* Under and between the kinds' colours: white paper on the light map,
 * the dark map's name halo on the dark one. */
static const BriRgba papers[] = {
  [BRI_TILE_STYLE_LIGHT] = { 1.0, 1.0, 1.0, 1.0 },
  [BRI_TILE_STYLE_DARK] = { 0.118, 0.129, 0.153, 1.0 },
};

static inline void
set_rgb (cairo_t *cr,
         guint32  rgb,
         double   alpha)
{
  cairo_set_source_rgba (cr,
                         ((rgb >> 16) & 0xff) / 255.0,
                         ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0,
                         alpha);
}

static inline guint32
row_rgb (const BriFeatureStyleRow *row,
         BriTileStyle              style)
{
  return style == BRI_TILE_STYLE_DARK ? row->dark_rgb : row->rgb;
}

static inline void
set_paper (cairo_t      *cr,
           BriTileStyle  style,
           double        alpha)
{
  const BriRgba *p = &papers[style == BRI_TILE_STYLE_DARK];

  cairo_set_source_rgba (cr, p->red, p->green, p->blue, alpha);
}

/* The opposite of the paper, for a faint edge that sets paper off from
 * the map. */
static inline void
set_edge (cairo_t      *cr,
          BriTileStyle  style,
          double        alpha)
{
  double v = style == BRI_TILE_STYLE_DARK ? 1.0 : 0.0;

  cairo_set_source_rgba (cr, v, v, v, alpha);
}

/* Line painters */

static void
paint_plain (cairo_t                  *cr,
             const BriFeatureStyleRow *row,
             double                    width,
             gboolean                  schematic,
             BriFeatureState           state,
             BriTileStyle              style)
{
  set_rgb (cr, row_rgb (row, style), row->alpha);
  cairo_stroke_preserve (cr);
}

/* The railway of paper maps: a line with ties of the paper's colour (a
 * dark line with white ties on the light map); a schematic railway keeps
 * only the dashed line. */
static void
paint_railway (cairo_t                  *cr,
               const BriFeatureStyleRow *row,
               double                    width,
               gboolean                  schematic,
               BriFeatureState           state,
               BriTileStyle              style)
{
  static const double ticks[] = { 6.0, 6.0 };

  set_rgb (cr, row_rgb (row, style), row->alpha);
  cairo_stroke_preserve (cr);
  if (!schematic)
    {
      set_paper (cr, style, 1.0);
      cairo_set_dash (cr, ticks, G_N_ELEMENTS (ticks), 0);
      cairo_set_line_width (cr, width * 0.5);
      cairo_stroke_preserve (cr);
    }
}

/* A casing of the paper's colour keeps a road readable over any
 * basemap colour. */
static void
paint_road (cairo_t                  *cr,
            const BriFeatureStyleRow *row,
            double                    width,
            gboolean                  schematic,
            BriFeatureState           state,
            BriTileStyle              style)
{
  set_paper (cr, style, 0.8);
  cairo_set_line_width (cr, width + 2);
  cairo_stroke_preserve (cr);
  set_rgb (cr, row_rgb (row, style), row->alpha);
  cairo_set_line_width (cr, width);
  cairo_stroke_preserve (cr);
}

/* A band, with a thin spine so that its course is clear where bands
 * overlap.  Round ends only when solid: they would close the gaps of a
 * dashed band. */
static void
paint_band (cairo_t                  *cr,
            const BriFeatureStyleRow *row,
            double                    width,
            gboolean                  schematic,
            BriFeatureState           state,
            BriTileStyle              style)
{
  guint32 rgb = row_rgb (row, style);

  if ((schematic ? row->schematic_dash : row->dash).segments == NULL)
    cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  set_rgb (cr, rgb, row->alpha * (state == BRI_FEATURE_STATE_NORMAL ? 1.0 : 1.6));
  cairo_stroke_preserve (cr);
  set_rgb (cr, rgb, BAND_SPINE_ALPHA);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke_preserve (cr);
}

/* Symbols, drawn in a box from -1 to 1 around the marker's centre. */

static void
polygon (cairo_t      *cr,
         const double *xy,
         guint         n)
{
  cairo_move_to (cr, xy[0], xy[1]);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
  cairo_close_path (cr);
}

/* Anchor: ring, shank, stock, arms. */
static void
symbol_anchor (cairo_t *cr)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, -0.62, 0.2, 0, 2 * G_PI);
  cairo_move_to (cr, 0, -0.42);
  cairo_line_to (cr, 0, 0.8);
  cairo_move_to (cr, -0.38, -0.15);
  cairo_line_to (cr, 0.38, -0.15);
  cairo_move_to (cr, -0.72, 0.2);
  cairo_curve_to (cr, -0.6, 0.65, -0.3, 0.8, 0, 0.8);
  cairo_curve_to (cr, 0.3, 0.8, 0.6, 0.65, 0.72, 0.2);
}

/* Locomotive seen from the front, with a window and two lamps cut out
 * (even-odd fill) and two rails. */
static void
symbol_locomotive (cairo_t *cr)
{
  cairo_rectangle (cr, -0.55, -0.85, 1.1, 1.3);
  cairo_rectangle (cr, -0.36, -0.65, 0.72, 0.42);
  cairo_new_sub_path (cr);
  cairo_arc (cr, -0.27, 0.17, 0.11, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0.27, 0.17, 0.11, 0, 2 * G_PI);
  cairo_move_to (cr, -0.4, 0.45);
  cairo_line_to (cr, -0.6, 0.9);
  cairo_line_to (cr, -0.42, 0.9);
  cairo_line_to (cr, -0.25, 0.45);
  cairo_close_path (cr);
  cairo_move_to (cr, 0.4, 0.45);
  cairo_line_to (cr, 0.6, 0.9);
  cairo_line_to (cr, 0.42, 0.9);
  cairo_line_to (cr, 0.25, 0.45);
  cairo_close_path (cr);
}

/* A road running into the distance. */
static void
symbol_road (cairo_t *cr)
{
  static const double road[] = { -0.85, 0.85, -0.22, -0.85, 0.22, -0.85, 0.85, 0.85 };

  polygon (cr, road, 4);
  cairo_rectangle (cr, -0.06, -0.6, 0.12, 0.3);
  cairo_rectangle (cr, -0.07, -0.1, 0.14, 0.3);
  cairo_rectangle (cr, -0.08, 0.42, 0.16, 0.36);
}

/* Deck on an arch between two piers. */
static void
symbol_bridge (cairo_t *cr)
{
  cairo_move_to (cr, -0.9, -0.25);
  cairo_line_to (cr, 0.9, -0.25);
  cairo_move_to (cr, -0.72, -0.25);
  cairo_line_to (cr, -0.72, 0.7);
  cairo_move_to (cr, 0.72, -0.25);
  cairo_line_to (cr, 0.72, 0.7);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, 0.7, 0.72, G_PI, 2 * G_PI);
}

/* A pipe with two flanges. */
static void
symbol_pipe (cairo_t *cr)
{
  cairo_rectangle (cr, -0.9, -0.22, 1.8, 0.44);
  cairo_rectangle (cr, -0.55, -0.5, 0.2, 1.0);
  cairo_rectangle (cr, 0.35, -0.5, 0.2, 1.0);
}

static void
symbol_bolt (cairo_t *cr)
{
  static const double bolt[] = {
    0.22, -0.95, -0.5, 0.12, -0.05, 0.12, -0.22, 0.95, 0.5, -0.15, 0.04, -0.15, 0.3, -0.95,
  };

  polygon (cr, bolt, G_N_ELEMENTS (bolt) / 2);
}

/* A factory: saw-tooth roof and a chimney. */
static void
symbol_factory (cairo_t *cr)
{
  static const double factory[] = {
    -0.85, 0.75, -0.85, -0.1, -0.4, 0.2, -0.4, -0.1, 0.05, 0.2, 0.05, -0.1,
    0.5, 0.2, 0.5, -0.85, 0.85, -0.85, 0.85, 0.75,
  };

  polygon (cr, factory, G_N_ELEMENTS (factory) / 2);
}

static void
symbol_diamond (cairo_t *cr)
{
  static const double diamond[] = { 0, -0.85, 0.85, 0, 0, 0.85, -0.85, 0 };
  static const double hole[] = { 0, -0.35, 0.35, 0, 0, 0.35, -0.35, 0 };

  polygon (cr, diamond, 4);
  polygon (cr, hole, 4);
}

static void
symbol_plane (cairo_t *cr)
{
  static const double plane[] = {
    0, -0.95, 0.13, -0.7, 0.13, -0.2, 0.9, 0.2, 0.9, 0.38, 0.13, 0.15, 0.13, 0.55,
    0.38, 0.75, 0.38, 0.88, 0, 0.78, -0.38, 0.88, -0.38, 0.75, -0.13, 0.55, -0.13, 0.15,
    -0.9, 0.38, -0.9, 0.2, -0.13, -0.2, -0.13, -0.7,
  };

  polygon (cr, plane, G_N_ELEMENTS (plane) / 2);
}

/* » : a way through. */
static void
symbol_chevrons (cairo_t *cr)
{
  cairo_move_to (cr, -0.65, -0.6);
  cairo_line_to (cr, -0.1, 0);
  cairo_line_to (cr, -0.65, 0.6);
  cairo_move_to (cr, 0.05, -0.6);
  cairo_line_to (cr, 0.6, 0);
  cairo_line_to (cr, 0.05, 0.6);
}

static void
symbol_arrow (cairo_t *cr)
{
  static const double head[] = { 0.9, 0, 0.25, -0.5, 0.25, 0.5 };

  cairo_rectangle (cr, -0.85, -0.14, 1.2, 0.28);
  polygon (cr, head, 3);
}

/* An hourglass: a route of another age. */
static void
symbol_hourglass (cairo_t *cr)
{
  static const double glass[] = { -0.6, -0.85, 0.6, -0.85, 0.1, 0, 0.6, 0.85, -0.6, 0.85, -0.1, 0 };

  polygon (cr, glass, G_N_ELEMENTS (glass) / 2);
}

/* Five-pointed star. */
static void
symbol_star (cairo_t *cr)
{
  for (int i = 0; i < 10; i++)
    {
      double angle = -G_PI / 2 + i * G_PI / 5;
      double r = i % 2 == 0 ? 0.95 : 0.4;

      if (i == 0)
        cairo_move_to (cr, r * cos (angle), r * sin (angle));
      else
        cairo_line_to (cr, r * cos (angle), r * sin (angle));
    }
  cairo_close_path (cr);
}

/* Two blocks of a skyline. */
static void
symbol_skyline (cairo_t *cr)
{
  cairo_rectangle (cr, -0.7, -0.3, 0.6, 1.1);
  cairo_rectangle (cr, 0.0, -0.8, 0.7, 1.6);
}

/* A cog with eight teeth and a hole: a works that makes things. */
static void
symbol_cog (cairo_t *cr)
{
  for (int i = 0; i < 32; i++)
    {
      /* Each tooth is two corners out and two in. */
      double angle = (i - 0.5) * G_PI / 16;
      double r = (i / 2) % 2 == 0 ? 0.95 : 0.68;

      if (i == 0)
        cairo_move_to (cr, r * cos (angle), r * sin (angle));
      else
        cairo_line_to (cr, r * cos (angle), r * sin (angle));
    }
  cairo_close_path (cr);
  cairo_new_sub_path (cr);
  cairo_arc_negative (cr, 0, 0, 0.3, 2 * G_PI, 0);
}

/* A lattice pylon with two cross-arms. */
static void
symbol_pylon (cairo_t *cr)
{
  cairo_move_to (cr, -0.5, 0.95);
  cairo_line_to (cr, 0, -0.95);
  cairo_line_to (cr, 0.5, 0.95);
  cairo_move_to (cr, -0.85, -0.45);
  cairo_line_to (cr, 0.85, -0.45);
  cairo_move_to (cr, -0.6, 0.05);
  cairo_line_to (cr, 0.6, 0.05);
  cairo_move_to (cr, -0.37, 0.45);
  cairo_line_to (cr, 0.24, -0.05);
  cairo_move_to (cr, 0.37, 0.45);
  cairo_line_to (cr, -0.24, -0.05);
}

/* The table */

static const double dotted[] = { 0.0, 5.0 };
static const double dash_dot[] = { 12.0, 3.0, 2.0, 3.0 };
static const double schematic_dash[] = { 9.0, 6.0 };
static const double schematic_band[] = { 18.0, 9.0 };
static const double schematic_dash_dot[] = { 8.0, 7.0, 2.0, 7.0 };

#define SOLID        { NULL, 0 }
#define DASH(array)  { array, G_N_ELEMENTS (array) }
#define FILLED       FALSE
#define STROKED      TRUE

/* Draw ranks put wide translucent bands under thin precise lines.
 * Dotted pipelines become dashed when schematic; dash-dot routes open
 * their gaps wide.  The dark style's colours are the light ones' hues,
 * lightened until they stand out from the dark land and sea. */
static const BriFeatureStyleRow style_rows[] = {
  [BRI_FEATURE_KIND_PORT] =
    { 0x1c71d8, 0x62a0ea, 1.0,   3.0, SOLID,            DASH (schematic_dash),     140, 90, symbol_anchor,     STROKED, paint_plain },
  [BRI_FEATURE_KIND_RAILWAY] =
    { 0x3d3846, 0xc0bfbc, 1.0,   4.0, SOLID,            DASH (schematic_dash),      70, 70, symbol_locomotive, FILLED,  paint_railway },
  [BRI_FEATURE_KIND_HIGHWAY] =
    { 0xc64600, 0xff7800, 1.0,   3.0, SOLID,            DASH (schematic_dash),      60, 60, symbol_road,       FILLED,  paint_road },
  [BRI_FEATURE_KIND_BRIDGE] =
    { 0x865e3c, 0xcdab8f, 1.0,   5.0, SOLID,            DASH (schematic_dash),      80, 65, symbol_bridge,     STROKED, paint_road },
  [BRI_FEATURE_KIND_PIPELINE] =
    { 0x9141ac, 0xcb78d6, 1.0,   3.0, DASH (dotted),    DASH (schematic_dash),      50, 55, symbol_pipe,       FILLED,  paint_plain },
  [BRI_FEATURE_KIND_POWER_STATION] =
    { 0x986a00, 0xf5c211, 1.0,   2.5, SOLID,            DASH (schematic_dash),      90, 75, symbol_bolt,       FILLED,  paint_plain },
  [BRI_FEATURE_KIND_ECONOMIC_ZONE] =
    { 0x1b7a4a, 0x57e389, 1.0,   3.0, SOLID,            DASH (schematic_dash),     100, 72, symbol_factory,    FILLED,  paint_plain },
  [BRI_FEATURE_KIND_CENTRE] =
    { 0x613583, 0xdc8add, 1.0,   3.0, SOLID,            DASH (schematic_dash),     110, 50, symbol_diamond,    FILLED,  paint_plain },
  [BRI_FEATURE_KIND_AIR_ROUTE] =
    { 0x1f6fa8, 0x99c1f1, 0.9,   1.5, SOLID,            DASH (schematic_dash),      30, 30, symbol_plane,      FILLED,  paint_plain },
  [BRI_FEATURE_KIND_CORRIDOR] =
    { 0xb24a00, 0xffa348, 0.28, 12.0, SOLID,            DASH (schematic_band),      10, 40, symbol_chevrons,   STROKED, paint_band },
  [BRI_FEATURE_KIND_ROUTE] =
    { 0x0a7c7c, 0x33c7c7, 1.0,   3.0, SOLID,            DASH (schematic_dash),      40, 45, symbol_arrow,      FILLED,  paint_plain },
  [BRI_FEATURE_KIND_HISTORICAL_ROUTE] =
    { 0x8f5a2b, 0xc8955f, 0.9,   3.0, DASH (dash_dot),  DASH (schematic_dash_dot),  20, 35, symbol_hourglass,  FILLED,  paint_plain },
  [BRI_FEATURE_KIND_VENUE] =
    { 0xc01c28, 0xf66151, 1.0,   3.0, SOLID,            DASH (schematic_dash),     120, 55, symbol_star,       FILLED,  paint_plain },
  [BRI_FEATURE_KIND_CITY] =
    { 0x241f31, 0xdeddda, 1.0,   2.0, SOLID,            DASH (schematic_dash),     130, 80, symbol_skyline,    FILLED,  paint_plain },
  [BRI_FEATURE_KIND_INDUSTRIAL_PLANT] =
    { 0x5c6b00, 0xb5c730, 1.0,   3.0, SOLID,            DASH (schematic_dash),      95, 73, symbol_cog,        FILLED,  paint_plain },
  [BRI_FEATURE_KIND_POWER_LINE] =
    { 0xb01d8c, 0xf08ad0, 1.0,   2.0, SOLID,            DASH (schematic_dash),      55, 58, symbol_pylon,      STROKED, paint_plain },
};

/* A kind without a row fails here; a row skipped in the middle has no
 * symbol, which tests/render/test-feature-style.c catches. */
G_STATIC_ASSERT (G_N_ELEMENTS (style_rows) == BRI_FEATURE_N_KINDS);

/**
 * bri_feature_style_get_row:
 *
 * Returns: (nullable): the style of @kind, or %NULL if it is not a kind
 */
const BriFeatureStyleRow *
bri_feature_style_get_row (BriFeatureKind kind)
{
  g_return_val_if_fail ((guint) kind < BRI_FEATURE_N_KINDS, NULL);

  return &style_rows[kind];
}

static const BriFeatureStyleRow *
get_style (BriFeatureKind kind)
{
  g_return_val_if_fail ((guint) kind < BRI_FEATURE_N_KINDS, &style_rows[BRI_FEATURE_KIND_CITY]);

  return &style_rows[kind];
}

static void
rgb_to_rgba (guint32  rgb,
             double   alpha,
             BriRgba *color)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = alpha;
}

/**
 * bri_feature_style_get_color:
 * @style: the basemap's style the colour goes on
 * @color: (out): the colour of @kind's markers and lines, opaque
 */
void
bri_feature_style_get_color (BriFeatureKind  kind,
                             BriTileStyle    style,
                             BriRgba        *color)
{
  g_return_if_fail (color != NULL);

  rgb_to_rgba (row_rgb (get_style (kind), style), 1.0, color);
}

/**
 * bri_feature_style_get_line_ink:
 * @ink: (out): the colour and opacity of the stroke that draws the
 *   course of @kind's lines: the line itself, or a band's spine
 *
 * What has to stand out from the map for a line to be seen.
 */
void
bri_feature_style_get_line_ink (BriFeatureKind  kind,
                                BriTileStyle    style,
                                BriRgba        *ink)
{
  const BriFeatureStyleRow *row = get_style (kind);

  g_return_if_fail (ink != NULL);

  rgb_to_rgba (row_rgb (row, style), row->paint_line == paint_band ? BAND_SPINE_ALPHA : row->alpha, ink);
}

/**
 * bri_feature_style_get_paper:
 * @paper: (out): the colour of marker discs, casings and ties, and of the
 *   symbol on an exact site's marker
 */
void
bri_feature_style_get_paper (BriTileStyle  style,
                             BriRgba      *paper)
{
  g_return_if_fail (paper != NULL);

  *paper = papers[style == BRI_TILE_STYLE_DARK];
}

/**
 * bri_feature_style_get_rgb:
 *
 * Returns: the colour of @kind on the light map as 0xRRGGBB, for formats
 *   that name colours in hexadecimal (GeoJSON's simplestyle, KML)
 */
guint32
bri_feature_style_get_rgb (BriFeatureKind kind)
{
  return get_style (kind)->rgb;
}

/* Higher first: exact sites outrank town-level guesses of the same kind. */
int
bri_feature_style_get_importance (BriFeatureKind kind,
                                  BriPrecision   precision)
{
  return get_style (kind)->importance * 4 + (precision == BRI_PRECISION_EXACT ? 2 : 0);
}

/**
 * bri_feature_style_get_line_order:
 * @n_kinds: (out): the number of kinds
 *
 * Returns: (array length=n_kinds): every kind, in the order their lines
 *   are drawn, bottom first
 */
static int
get_draw_rank (BriFeatureKind kind)
{
  return style_rows[kind].draw_rank;
}

const BriFeatureKind *
bri_feature_style_get_line_order (guint *n_kinds)
{
  static BriFeatureKindOrder line_order;

  g_return_val_if_fail (n_kinds != NULL, NULL);

  *n_kinds = BRI_FEATURE_N_KINDS;
  return bri_feature_kind_order_get (&line_order, get_draw_rank);
}

static void
stroke_halo (cairo_t         *cr,
             double           width,
             BriFeatureState  state)
{
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  if (state == BRI_FEATURE_STATE_SELECTED)
    {
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_set_line_width (cr, width + 10);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgba (cr, 0.1, 0.1, 0.15, 0.65);
      cairo_set_line_width (cr, width + 5);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, 1);
      cairo_set_line_width (cr, width + 2);
      cairo_stroke_preserve (cr);
    }
  else if (state == BRI_FEATURE_STATE_HOVERED)
    {
      cairo_set_source_rgba (cr, 1, 1, 1, 0.65);
      cairo_set_line_width (cr, width + 8);
      cairo_stroke_preserve (cr);
    }
}

/* A dash with a zero-length segment draws dots, which only round caps
 * make visible. */
static gboolean
dash_has_dots (const BriDash *dash)
{
  for (guint i = 0; i < dash->n_segments; i += 2)
    if (dash->segments[i] == 0.0)
      return TRUE;

  return FALSE;
}

/**
 * bri_feature_style_stroke_path:
 *
 * Strokes the current path (every line of one style at once, ideally) in
 * the look of @kind on a map of @style, then clears it.
 */
void
bri_feature_style_stroke_path (cairo_t         *cr,
                               BriFeatureKind   kind,
                               BriPrecision     precision,
                               BriFeatureState  state,
                               BriTileStyle     style)
{
  const BriFeatureStyleRow *row = get_style (kind);
  gboolean schematic = precision == BRI_PRECISION_SCHEMATIC;
  const BriDash *dash = schematic ? &row->schematic_dash : &row->dash;
  double width = row->width;

  g_return_if_fail (cr != NULL);

  /* A selected line grows by half, a wide band by no more than 4 px. */
  if (state == BRI_FEATURE_STATE_SELECTED)
    width = MIN (width * 1.5, width + 4);

  cairo_save (cr);
  /* Round joins cost half as much again as bevels in cairo's stroker,
   * and show only on wide lines. */
  cairo_set_line_join (cr, width >= 4.0 || state != BRI_FEATURE_STATE_NORMAL
                           ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_BEVEL);

  stroke_halo (cr, width, state);

  cairo_set_line_cap (cr, dash_has_dots (dash) ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, dash->segments, dash->n_segments, 0);
  cairo_set_line_width (cr, width);
  row->paint_line (cr, row, width, schematic, state, style);

  cairo_new_path (cr);
  cairo_restore (cr);
}

/**
 * bri_feature_style_draw_symbol:
 * @size: the half width of the symbol's box, in pixels
 *
 * Draws the symbol of @kind in the current source.
 */
void
bri_feature_style_draw_symbol (cairo_t        *cr,
                               BriFeatureKind  kind,
                               double          x,
                               double          y,
                               double          size)
{
  const BriFeatureStyleRow *style = get_style (kind);

  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size, size);
  cairo_new_path (cr);
  style->symbol (cr);

  if (style->symbol_stroked)
    {
      cairo_set_line_width (cr, 0.24);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
    }
  else
    {
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_fill (cr);
    }

  cairo_restore (cr);
}

double
bri_feature_style_get_marker_radius (BriFeatureState state)
{
  switch (state)
    {
    case BRI_FEATURE_STATE_SELECTED:
      return MARKER_RADIUS + 2.5;
    case BRI_FEATURE_STATE_HOVERED:
      return MARKER_RADIUS + 1.0;
    case BRI_FEATURE_STATE_NORMAL:
    default:
      return MARKER_RADIUS;
    }
}

/**
 * bri_feature_style_draw_marker:
 *
 * An exact site is a solid disc with a symbol of the paper's colour (white
 * on the light map); a town-level place a disc of paper in a ring of the
 * kind's colour, so the two never look alike; a schematic place has a
 * dashed ring.
 */
void
bri_feature_style_draw_marker (cairo_t         *cr,
                               BriFeatureKind   kind,
                               BriPrecision     precision,
                               BriFeatureState  state,
                               BriTileStyle     style,
                               double           x,
                               double           y)
{
  static const double ring_dash[] = { 3.0, 2.0 };
  guint32 rgb = row_rgb (get_style (kind), style);
  double r = bri_feature_style_get_marker_radius (state);

  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_new_path (cr);

  if (state == BRI_FEATURE_STATE_SELECTED)
    {
      cairo_arc (cr, x, y, r + 5.0, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_fill (cr);
      cairo_arc (cr, x, y, r + 3.0, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 0.1, 0.1, 0.15, 0.8);
      cairo_fill (cr);
    }
  else if (state == BRI_FEATURE_STATE_HOVERED)
    {
      cairo_arc (cr, x, y, r + 4.0, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.6);
      cairo_fill (cr);
    }

  /* A faint edge, then paper, so the marker stands out on land, sea and
   * other markers alike. */
  cairo_arc (cr, x, y, r + 1.0, 0, 2 * G_PI);
  set_edge (cr, style, 0.35);
  cairo_fill (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  set_paper (cr, style, 1.0);
  cairo_fill (cr);

  if (precision == BRI_PRECISION_EXACT)
    {
      cairo_arc (cr, x, y, r - 1.5, 0, 2 * G_PI);
      set_rgb (cr, rgb, 1.0);
      cairo_fill (cr);
      set_paper (cr, style, 1.0);
      bri_feature_style_draw_symbol (cr, kind, x, y, (r - 1.5) * 0.62);
    }
  else
    {
      /* A thin ring at the rim leaves the middle paper. */
      cairo_arc (cr, x, y, r - 2.0, 0, 2 * G_PI);
      set_rgb (cr, rgb, 1.0);
      cairo_set_line_width (cr, 2.0);
      if (precision == BRI_PRECISION_SCHEMATIC)
        cairo_set_dash (cr, ring_dash, G_N_ELEMENTS (ring_dash), 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      bri_feature_style_draw_symbol (cr, kind, x, y, (r - 3.5) * 0.75);
    }

  cairo_restore (cr);
}

double
bri_feature_style_get_cluster_radius (guint count)
{
  if (count < 10)
    return 11.0;
  if (count < 100)
    return 14.0;
  if (count < 1000)
    return 17.0;
  return 20.0;
}

/**
 * bri_feature_style_draw_cluster:
 * @count_layout: (nullable): the count, set in the font of the caller
 *
 * A bubble for several places too close to draw apart at this zoom.
 */
void
bri_feature_style_draw_cluster (cairo_t     *cr,
                                double       x,
                                double       y,
                                guint        count,
                                PangoLayout *count_layout)
{
  double r = bri_feature_style_get_cluster_radius (count);

  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r + 4.0, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0.14, 0.12, 0.19, 0.25);
  cairo_fill (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 1, 1, 1, 1);
  cairo_fill (cr);
  cairo_arc (cr, x, y, r - 1.5, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0.14, 0.12, 0.19, 0.92);
  cairo_fill (cr);

  if (count_layout != NULL)
    {
      int w, h;

      pango_layout_get_pixel_size (count_layout, &w, &h);
      cairo_move_to (cr, x - w / 2.0, y - h / 2.0);
      cairo_set_source_rgba (cr, 1, 1, 1, 1);
      bri_render_show_layout (cr, count_layout, NULL, 0);
    }

  cairo_restore (cr);
}

/**
 * bri_feature_style_draw_legend_symbol:
 *
 * What a feature of @kind and @precision looks like on a map of @style,
 * fitted into a @width × @height box at the origin: a stretch of line for linear kinds,
 * a marker for the others.
 */
void
bri_feature_style_draw_legend_symbol (cairo_t        *cr,
                                      BriFeatureKind  kind,
                                      BriPrecision    precision,
                                      BriTileStyle    style,
                                      int             width,
                                      int             height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (kind < BRI_FEATURE_N_KINDS);

  cairo_save (cr);

  if (bri_feature_kind_is_linear (kind))
    {
      double width_px = get_style (kind)->width;
      double inset = MIN (width_px / 2 + 1, width / 4.0);
      double scale = MIN (1.0, (height - 2) / (width_px + 2));

      /* A wide corridor band is shrunk to fit a small legend row. */
      cairo_translate (cr, 0, height / 2.0);
      cairo_scale (cr, 1.0, scale);
      cairo_move_to (cr, inset, 0);
      cairo_line_to (cr, width - inset, 0);
      bri_feature_style_stroke_path (cr, kind, precision, BRI_FEATURE_STATE_NORMAL, style);
    }
  else
    {
      double r = bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_NORMAL) + 1.0;
      double scale = MIN (width, height) / (2.0 * r);

      cairo_translate (cr, width / 2.0, height / 2.0);
      if (scale < 1.0)
        cairo_scale (cr, scale, scale);
      bri_feature_style_draw_marker (cr, kind, precision, BRI_FEATURE_STATE_NORMAL, style, 0, 0);
    }

  cairo_restore (cr);
}
