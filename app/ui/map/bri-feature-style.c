/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How each kind of feature looks on the map.  Everything here draws with
 * cairo into whatever it is given, so the map layer, the legend and any
 * export look the same.
 *
 * One rule overrides the kinds: a line of schematic precision is always
 * dashed, so that a line nobody surveyed never looks like one that was. */

#define G_LOG_DOMAIN "bri-feature-style"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "bri-feature-style.h"

typedef struct
{
  guint32       rgb;          /* 0xRRGGBB */
  double        alpha;        /* of lines; markers are opaque */
  double        width;        /* of lines, in pixels */
  const double *dash;         /* of an exact or town-level line; NULL: solid */
  guint         n_dash;
  int           importance;   /* who gets a label first, who is drawn on top */
} KindStyle;

static const double dotted[] = { 0.0, 5.0 };
static const double dash_dot[] = { 12.0, 3.0, 2.0, 3.0 };

static const KindStyle kind_styles[BRI_FEATURE_N_KINDS] = {
  [BRI_FEATURE_KIND_PORT]             = { 0x1c71d8, 1.0,  3.0, NULL, 0, 90 },
  [BRI_FEATURE_KIND_RAILWAY]          = { 0x3d3846, 1.0,  4.0, NULL, 0, 70 },
  [BRI_FEATURE_KIND_HIGHWAY]          = { 0xc64600, 1.0,  3.0, NULL, 0, 60 },
  [BRI_FEATURE_KIND_BRIDGE]           = { 0x865e3c, 1.0,  5.0, NULL, 0, 65 },
  [BRI_FEATURE_KIND_PIPELINE]         = { 0x9141ac, 1.0,  2.5, dotted, G_N_ELEMENTS (dotted), 55 },
  [BRI_FEATURE_KIND_POWER_STATION]    = { 0xc88800, 1.0,  2.5, NULL, 0, 75 },
  [BRI_FEATURE_KIND_ECONOMIC_ZONE]    = { 0x26a269, 1.0,  3.0, NULL, 0, 72 },
  [BRI_FEATURE_KIND_CENTRE]           = { 0x613583, 1.0,  3.0, NULL, 0, 50 },
  [BRI_FEATURE_KIND_AIR_ROUTE]        = { 0x3584e4, 0.9,  1.5, NULL, 0, 30 },
  [BRI_FEATURE_KIND_CORRIDOR]         = { 0xe66100, 0.28, 12.0, NULL, 0, 40 },
  [BRI_FEATURE_KIND_ROUTE]            = { 0x0b8b8b, 1.0,  3.0, NULL, 0, 45 },
  [BRI_FEATURE_KIND_HISTORICAL_ROUTE] = { 0x8f5a2b, 0.9,  3.0, dash_dot, G_N_ELEMENTS (dash_dot), 35 },
  [BRI_FEATURE_KIND_VENUE]            = { 0xc01c28, 1.0,  3.0, NULL, 0, 55 },
  [BRI_FEATURE_KIND_CITY]             = { 0x241f31, 1.0,  2.0, NULL, 0, 80 },
};

/* Bottom to top: wide translucent bands under thin precise lines. */
static const BriFeatureKind line_order[] = {
  BRI_FEATURE_KIND_CORRIDOR,
  BRI_FEATURE_KIND_HISTORICAL_ROUTE,
  BRI_FEATURE_KIND_AIR_ROUTE,
  BRI_FEATURE_KIND_ROUTE,
  BRI_FEATURE_KIND_PIPELINE,
  BRI_FEATURE_KIND_HIGHWAY,
  BRI_FEATURE_KIND_RAILWAY,
  BRI_FEATURE_KIND_BRIDGE,
  BRI_FEATURE_KIND_POWER_STATION,
  BRI_FEATURE_KIND_ECONOMIC_ZONE,
  BRI_FEATURE_KIND_CENTRE,
  BRI_FEATURE_KIND_VENUE,
  BRI_FEATURE_KIND_CITY,
  BRI_FEATURE_KIND_PORT,
};

G_STATIC_ASSERT (G_N_ELEMENTS (line_order) == BRI_FEATURE_N_KINDS);

#define MARKER_RADIUS 9.0

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

static const KindStyle *
get_style (BriFeatureKind kind)
{
  g_return_val_if_fail (kind < BRI_FEATURE_N_KINDS, &kind_styles[BRI_FEATURE_KIND_CITY]);

  return &kind_styles[kind];
}

void
bri_feature_style_get_color (BriFeatureKind  kind,
                             GdkRGBA        *color)
{
  const KindStyle *style = get_style (kind);

  g_return_if_fail (color != NULL);

  color->red = ((style->rgb >> 16) & 0xff) / 255.0f;
  color->green = ((style->rgb >> 8) & 0xff) / 255.0f;
  color->blue = (style->rgb & 0xff) / 255.0f;
  color->alpha = 1.0f;
}

/* Whether a feature of this kind is usually a line: the legend draws
 * those as a line, the others as a marker. */
gboolean
bri_feature_style_kind_is_linear (BriFeatureKind kind)
{
  switch (kind)
    {
    case BRI_FEATURE_KIND_RAILWAY:
    case BRI_FEATURE_KIND_HIGHWAY:
    case BRI_FEATURE_KIND_PIPELINE:
    case BRI_FEATURE_KIND_AIR_ROUTE:
    case BRI_FEATURE_KIND_CORRIDOR:
    case BRI_FEATURE_KIND_ROUTE:
    case BRI_FEATURE_KIND_HISTORICAL_ROUTE:
      return TRUE;
    case BRI_FEATURE_KIND_PORT:
    case BRI_FEATURE_KIND_BRIDGE:
    case BRI_FEATURE_KIND_POWER_STATION:
    case BRI_FEATURE_KIND_ECONOMIC_ZONE:
    case BRI_FEATURE_KIND_CENTRE:
    case BRI_FEATURE_KIND_VENUE:
    case BRI_FEATURE_KIND_CITY:
    case BRI_FEATURE_N_KINDS:
    default:
      return FALSE;
    }
}

double
bri_feature_style_get_line_width (BriFeatureKind kind)
{
  return get_style (kind)->width;
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
const BriFeatureKind *
bri_feature_style_get_line_order (guint *n_kinds)
{
  g_return_val_if_fail (n_kinds != NULL, NULL);

  *n_kinds = G_N_ELEMENTS (line_order);
  return line_order;
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

/**
 * bri_feature_style_stroke_path:
 *
 * Strokes the current path (every line of one style at once, ideally) in
 * the look of @kind, then clears it.
 */
void
bri_feature_style_stroke_path (cairo_t         *cr,
                               BriFeatureKind   kind,
                               BriPrecision     precision,
                               BriFeatureState  state)
{
  static const double schematic_dash[] = { 9.0, 6.0 };
  static const double schematic_band[] = { 18.0, 9.0 };
  static const double schematic_dash_dot[] = { 8.0, 7.0, 2.0, 7.0 };
  static const double ticks[] = { 6.0, 6.0 };
  const KindStyle *style = get_style (kind);
  gboolean schematic = precision == BRI_PRECISION_SCHEMATIC;
  double width = style->width;
  const double *dash = style->dash;
  guint n_dash = style->n_dash;

  g_return_if_fail (cr != NULL);

  if (state == BRI_FEATURE_STATE_SELECTED)
    width = kind == BRI_FEATURE_KIND_CORRIDOR ? width + 4 : width * 1.5;

  cairo_save (cr);
  /* Round joins cost half as much again as bevels in cairo's stroker,
   * and show only on wide lines. */
  cairo_set_line_join (cr, width >= 4.0 || state != BRI_FEATURE_STATE_NORMAL
                           ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_BEVEL);

  stroke_halo (cr, width, state);

  /* Dotted pipelines become dashed when schematic; dash-dot routes open
   * their gaps wide. */
  if (schematic && dash == dash_dot)
    {
      dash = schematic_dash_dot;
      n_dash = G_N_ELEMENTS (schematic_dash_dot);
    }
  else if (schematic)
    {
      dash = kind == BRI_FEATURE_KIND_CORRIDOR ? schematic_band : schematic_dash;
      n_dash = 2;
    }

  cairo_set_line_cap (cr, dash == dotted ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, dash, n_dash, 0);
  cairo_set_line_width (cr, width);

  switch (kind)
    {
    case BRI_FEATURE_KIND_RAILWAY:
      /* The railway of paper maps: a dark line with white ties; a
       * schematic railway keeps only the dashed dark line. */
      set_rgb (cr, style->rgb, style->alpha);
      cairo_stroke_preserve (cr);
      if (!schematic)
        {
          cairo_set_source_rgba (cr, 1, 1, 1, 1);
          cairo_set_dash (cr, ticks, G_N_ELEMENTS (ticks), 0);
          cairo_set_line_width (cr, width * 0.5);
          cairo_stroke_preserve (cr);
        }
      break;

    case BRI_FEATURE_KIND_HIGHWAY:
    case BRI_FEATURE_KIND_BRIDGE:
      /* A light casing keeps a road readable over any basemap colour. */
      cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
      cairo_set_line_width (cr, width + 2);
      cairo_stroke_preserve (cr);
      set_rgb (cr, style->rgb, style->alpha);
      cairo_set_line_width (cr, width);
      cairo_stroke_preserve (cr);
      break;

    case BRI_FEATURE_KIND_CORRIDOR:
      /* A band, with a thin spine so that its course is clear where
       * bands overlap.  Round ends only when solid: they would close the
       * gaps of a dashed band. */
      if (dash == NULL)
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      set_rgb (cr, style->rgb, style->alpha * (state == BRI_FEATURE_STATE_NORMAL ? 1.0 : 1.6));
      cairo_stroke_preserve (cr);
      set_rgb (cr, style->rgb, 0.85);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke_preserve (cr);
      break;

    case BRI_FEATURE_KIND_PORT:
    case BRI_FEATURE_KIND_PIPELINE:
    case BRI_FEATURE_KIND_POWER_STATION:
    case BRI_FEATURE_KIND_ECONOMIC_ZONE:
    case BRI_FEATURE_KIND_CENTRE:
    case BRI_FEATURE_KIND_AIR_ROUTE:
    case BRI_FEATURE_KIND_ROUTE:
    case BRI_FEATURE_KIND_HISTORICAL_ROUTE:
    case BRI_FEATURE_KIND_VENUE:
    case BRI_FEATURE_KIND_CITY:
    case BRI_FEATURE_N_KINDS:
    default:
      set_rgb (cr, style->rgb, style->alpha);
      cairo_stroke_preserve (cr);
      break;
    }

  cairo_new_path (cr);
  cairo_restore (cr);
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

static void
symbol_path (cairo_t        *cr,
             BriFeatureKind  kind,
             gboolean       *stroked)
{
  *stroked = FALSE;

  switch (kind)
    {
    case BRI_FEATURE_KIND_PORT:
      {
        /* Anchor: ring, shank, stock, arms. */
        cairo_new_sub_path (cr);
        cairo_arc (cr, 0, -0.62, 0.2, 0, 2 * G_PI);
        cairo_move_to (cr, 0, -0.42);
        cairo_line_to (cr, 0, 0.8);
        cairo_move_to (cr, -0.38, -0.15);
        cairo_line_to (cr, 0.38, -0.15);
        cairo_move_to (cr, -0.72, 0.2);
        cairo_curve_to (cr, -0.6, 0.65, -0.3, 0.8, 0, 0.8);
        cairo_curve_to (cr, 0.3, 0.8, 0.6, 0.65, 0.72, 0.2);
        *stroked = TRUE;
        break;
      }

    case BRI_FEATURE_KIND_RAILWAY:
      {
        /* Locomotive seen from the front, with a window and two lamps cut
         * out (even-odd fill) and two rails. */
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
        break;
      }

    case BRI_FEATURE_KIND_HIGHWAY:
      {
        /* A road running into the distance. */
        static const double road[] = { -0.85, 0.85, -0.22, -0.85, 0.22, -0.85, 0.85, 0.85 };

        polygon (cr, road, 4);
        cairo_rectangle (cr, -0.06, -0.6, 0.12, 0.3);
        cairo_rectangle (cr, -0.07, -0.1, 0.14, 0.3);
        cairo_rectangle (cr, -0.08, 0.42, 0.16, 0.36);
        break;
      }

    case BRI_FEATURE_KIND_BRIDGE:
      {
        /* Deck on an arch between two piers. */
        cairo_move_to (cr, -0.9, -0.25);
        cairo_line_to (cr, 0.9, -0.25);
        cairo_move_to (cr, -0.72, -0.25);
        cairo_line_to (cr, -0.72, 0.7);
        cairo_move_to (cr, 0.72, -0.25);
        cairo_line_to (cr, 0.72, 0.7);
        cairo_new_sub_path (cr);
        cairo_arc (cr, 0, 0.7, 0.72, G_PI, 2 * G_PI);
        *stroked = TRUE;
        break;
      }

    case BRI_FEATURE_KIND_PIPELINE:
      {
        /* A pipe with two flanges. */
        cairo_rectangle (cr, -0.9, -0.22, 1.8, 0.44);
        cairo_rectangle (cr, -0.55, -0.5, 0.2, 1.0);
        cairo_rectangle (cr, 0.35, -0.5, 0.2, 1.0);
        break;
      }

    case BRI_FEATURE_KIND_POWER_STATION:
      {
        static const double bolt[] = {
          0.22, -0.95, -0.5, 0.12, -0.05, 0.12, -0.22, 0.95, 0.5, -0.15, 0.04, -0.15, 0.3, -0.95,
        };

        polygon (cr, bolt, G_N_ELEMENTS (bolt) / 2);
        break;
      }

    case BRI_FEATURE_KIND_ECONOMIC_ZONE:
      {
        /* A factory: saw-tooth roof and a chimney. */
        static const double factory[] = {
          -0.85, 0.75, -0.85, -0.1, -0.4, 0.2, -0.4, -0.1, 0.05, 0.2, 0.05, -0.1,
          0.5, 0.2, 0.5, -0.85, 0.85, -0.85, 0.85, 0.75,
        };

        polygon (cr, factory, G_N_ELEMENTS (factory) / 2);
        break;
      }

    case BRI_FEATURE_KIND_CENTRE:
      {
        static const double diamond[] = { 0, -0.85, 0.85, 0, 0, 0.85, -0.85, 0 };
        static const double hole[] = { 0, -0.35, 0.35, 0, 0, 0.35, -0.35, 0 };

        polygon (cr, diamond, 4);
        polygon (cr, hole, 4);
        break;
      }

    case BRI_FEATURE_KIND_AIR_ROUTE:
      {
        static const double plane[] = {
          0, -0.95, 0.13, -0.7, 0.13, -0.2, 0.9, 0.2, 0.9, 0.38, 0.13, 0.15, 0.13, 0.55,
          0.38, 0.75, 0.38, 0.88, 0, 0.78, -0.38, 0.88, -0.38, 0.75, -0.13, 0.55, -0.13, 0.15,
          -0.9, 0.38, -0.9, 0.2, -0.13, -0.2, -0.13, -0.7,
        };

        polygon (cr, plane, G_N_ELEMENTS (plane) / 2);
        break;
      }

    case BRI_FEATURE_KIND_CORRIDOR:
      {
        /* » : a way through. */
        cairo_move_to (cr, -0.65, -0.6);
        cairo_line_to (cr, -0.1, 0);
        cairo_line_to (cr, -0.65, 0.6);
        cairo_move_to (cr, 0.05, -0.6);
        cairo_line_to (cr, 0.6, 0);
        cairo_line_to (cr, 0.05, 0.6);
        *stroked = TRUE;
        break;
      }

    case BRI_FEATURE_KIND_ROUTE:
      {
        static const double head[] = { 0.9, 0, 0.25, -0.5, 0.25, 0.5 };

        cairo_rectangle (cr, -0.85, -0.14, 1.2, 0.28);
        polygon (cr, head, 3);
        break;
      }

    case BRI_FEATURE_KIND_HISTORICAL_ROUTE:
      {
        /* An hourglass: a route of another age. */
        static const double glass[] = { -0.6, -0.85, 0.6, -0.85, 0.1, 0, 0.6, 0.85, -0.6, 0.85, -0.1, 0 };

        polygon (cr, glass, G_N_ELEMENTS (glass) / 2);
        break;
      }

    case BRI_FEATURE_KIND_VENUE:
      {
        /* Five-pointed star. */
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
        break;
      }

    case BRI_FEATURE_KIND_CITY:
      {
        /* Two blocks of a skyline. */
        cairo_rectangle (cr, -0.7, -0.3, 0.6, 1.1);
        cairo_rectangle (cr, 0.0, -0.8, 0.7, 1.6);
        break;
      }

    case BRI_FEATURE_N_KINDS:
    default:
      cairo_arc (cr, 0, 0, 0.4, 0, 2 * G_PI);
      break;
    }
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
  gboolean stroked;

  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size, size);
  cairo_new_path (cr);
  symbol_path (cr, kind, &stroked);

  if (stroked)
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
 * An exact site is a solid disc with a white symbol; a town-level place a
 * white disc in a ring of the kind's colour, so the two never look alike;
 * a schematic place has a dashed ring.
 */
void
bri_feature_style_draw_marker (cairo_t         *cr,
                               BriFeatureKind   kind,
                               BriPrecision     precision,
                               BriFeatureState  state,
                               double           x,
                               double           y)
{
  static const double ring_dash[] = { 3.0, 2.0 };
  const KindStyle *style = get_style (kind);
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

  /* A faint dark edge, then white, so the marker stands out on land,
   * sea and other markers alike. */
  cairo_arc (cr, x, y, r + 1.0, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_fill (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 1, 1, 1, 1);
  cairo_fill (cr);

  if (precision == BRI_PRECISION_EXACT)
    {
      cairo_arc (cr, x, y, r - 1.5, 0, 2 * G_PI);
      set_rgb (cr, style->rgb, 1.0);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, 1);
      bri_feature_style_draw_symbol (cr, kind, x, y, (r - 1.5) * 0.62);
    }
  else
    {
      /* A thin ring at the rim leaves the middle white. */
      cairo_arc (cr, x, y, r - 2.0, 0, 2 * G_PI);
      set_rgb (cr, style->rgb, 1.0);
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
      pango_cairo_show_layout (cr, count_layout);
    }

  cairo_restore (cr);
}

/**
 * bri_feature_style_draw_legend_symbol:
 *
 * What a feature of @kind and @precision looks like, fitted into a
 * @width × @height box at the origin: a stretch of line for linear kinds,
 * a marker for the others.
 */
void
bri_feature_style_draw_legend_symbol (cairo_t        *cr,
                                      BriFeatureKind  kind,
                                      BriPrecision    precision,
                                      int             width,
                                      int             height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (kind < BRI_FEATURE_N_KINDS);

  cairo_save (cr);

  if (bri_feature_style_kind_is_linear (kind))
    {
      double width_px = get_style (kind)->width;
      double inset = MIN (width_px / 2 + 1, width / 4.0);
      double scale = MIN (1.0, (height - 2) / (width_px + 2));

      /* A wide corridor band is shrunk to fit a small legend row. */
      cairo_translate (cr, 0, height / 2.0);
      cairo_scale (cr, 1.0, scale);
      cairo_move_to (cr, inset, 0);
      cairo_line_to (cr, width - inset, 0);
      bri_feature_style_stroke_path (cr, kind, precision, BRI_FEATURE_STATE_NORMAL);
    }
  else
    {
      double r = bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_NORMAL) + 1.0;
      double scale = MIN (width, height) / (2.0 * r);

      cairo_translate (cr, width / 2.0, height / 2.0);
      if (scale < 1.0)
        cairo_scale (cr, scale, scale);
      bri_feature_style_draw_marker (cr, kind, precision, BRI_FEATURE_STATE_NORMAL, 0, 0);
    }

  cairo_restore (cr);
}
