/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The legend, the scale bar, the north arrow, the attribution and the
 * title of an exported or printed map.  They sit on light cards in the
 * map's corners, in the map's pixels, and write their words as text so
 * that a PDF or SVG keeps them searchable. */

#define G_LOG_DOMAIN "bri-map-decorations"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "bri-map-decorations.h"
#include "bri-render-text.h"

#define CARD_PADDING 6.0
#define CARD_RADIUS 4.0
#define SYMBOL_WIDTH 30.0
#define SYMBOL_HEIGHT 16.0
#define ROW_GAP 2.0
#define COLUMN_GAP 12.0

/* The Earth's circumference at the equator in Web Mercator's sphere. */
#define EQUATOR_M (2.0 * G_PI * 6378137.0)
#define METRES_PER_MILE 1609.344
#define SCALE_BAR_MAX_PX 110.0

static PangoLayout *
text_layout (PangoContext *context,
             const char   *text,
             double        size_pt,
             PangoWeight   weight)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));

  pango_font_description_set_size (font, (int) (size_pt * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  /* Plain text: a name with "&" or "<" is written as it is. */
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
set_rgb (cairo_t            *cr,
         const BriTileColor *color,
         double              alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}

static void
card (cairo_t              *cr,
      const BriTilePalette *palette,
      const BriLabelRect   *r)
{
  double x = r->x, y = r->y, w = r->width, h = r->height, k = CARD_RADIUS;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x + w - k, y + k, k, -G_PI / 2, 0);
  cairo_arc (cr, x + w - k, y + h - k, k, 0, G_PI / 2);
  cairo_arc (cr, x + k, y + h - k, k, G_PI / 2, G_PI);
  cairo_arc (cr, x + k, y + k, k, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  set_rgb (cr, &palette->label_halo, 0.9);
  cairo_fill_preserve (cr);
  set_rgb (cr, &palette->border, 0.8);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
show_layout (cairo_t              *cr,
             const BriTilePalette *palette,
             PangoLayout          *layout,
             double                x,
             double                y)
{
  cairo_save (cr);
  set_rgb (cr, &palette->label, 1.0);
  cairo_move_to (cr, x, y);
  bri_render_show_layout (cr, layout, NULL, 0);
  cairo_restore (cr);
}

/* Legend */

typedef struct
{
  BriFeatureKind  kind;
  BriPrecision    precision;
  PangoLayout    *layout;
  gboolean        heading;
  gboolean        cluster;    /* a bubble, not a kind's symbol */
} LegendRow;

static void
legend_row_clear (gpointer data)
{
  g_clear_object (&((LegendRow *) data)->layout);
}

/* The first kind shown that is (or is not) a line: the example for the
 * precision rows. */
static BriFeatureKind
example_kind (const BriFeaturesShown *shown,
              gboolean                linear)
{
  guint n_kinds;
  const BriFeatureKind *order = bri_feature_kind_get_legend_order (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    if (shown->kinds[order[i]] && bri_feature_kind_is_linear (order[i]) == linear)
      return order[i];
  for (guint i = 0; i < n_kinds; i++)
    if (bri_feature_kind_is_linear (order[i]) == linear)
      return order[i];
  return order[0];
}

/* A bubble of three, drawn as the map draws one, shrunk to a row. */
static void
legend_cluster (cairo_t      *cr,
                PangoContext *context)
{
  g_autoptr(PangoLayout) count = text_layout (context, "3", 7.0, PANGO_WEIGHT_BOLD);
  double r = bri_feature_style_get_cluster_radius (3) + 4.0;
  double scale = SYMBOL_HEIGHT / (2.0 * r);

  cairo_translate (cr, SYMBOL_WIDTH / 2.0, SYMBOL_HEIGHT / 2.0);
  cairo_scale (cr, scale, scale);
  bri_feature_style_draw_cluster (cr, 0, 0, 3, count);
}

static GArray *
legend_rows (PangoContext           *context,
             const BriFeaturesShown *shown)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (LegendRow));
  guint n_kinds;
  const BriFeatureKind *order = bri_feature_kind_get_legend_order (&n_kinds);
  const struct { gboolean shown; BriPrecision precision; gboolean linear; const char *label; } precisions[] = {
    { shown->exact, BRI_PRECISION_EXACT, FALSE, N_("Exact site") },
    { shown->town, BRI_PRECISION_TOWN, FALSE, N_("Town-level location") },
    { shown->schematic, BRI_PRECISION_SCHEMATIC, TRUE, N_("Schematic line (not surveyed)") },
  };
  gboolean any_precision = FALSE;

  g_array_set_clear_func (rows, legend_row_clear);

  for (guint i = 0; i < n_kinds; i++)
    {
      BriFeatureKind k = order[i];
      LegendRow row = { k, bri_feature_kind_is_linear (k) ? BRI_PRECISION_TOWN : BRI_PRECISION_EXACT,
                        NULL, FALSE, FALSE };

      if (!shown->kinds[k])
        continue;
      row.layout = text_layout (context, bri_feature_kind_get_label (k), 7.5, PANGO_WEIGHT_NORMAL);
      g_array_append_val (rows, row);
    }

  if (shown->clusters && rows->len > 0)
    {
      LegendRow row = { 0, 0, text_layout (context, _("Places too close to draw apart (how many)"),
                                           7.5, PANGO_WEIGHT_NORMAL), FALSE, TRUE };

      g_array_append_val (rows, row);
    }

  for (guint i = 0; i < G_N_ELEMENTS (precisions); i++)
    any_precision |= precisions[i].shown;
  if (rows->len == 0 || !any_precision)
    return rows;

  {
    LegendRow heading = { 0, 0, text_layout (context, _("Precision"), 7.5, PANGO_WEIGHT_BOLD), TRUE, FALSE };

    g_array_append_val (rows, heading);
  }
  for (guint i = 0; i < G_N_ELEMENTS (precisions); i++)
    {
      LegendRow row = { example_kind (shown, precisions[i].linear), precisions[i].precision,
                        NULL, FALSE, FALSE };

      if (!precisions[i].shown)
        continue;
      row.layout = text_layout (context, _(precisions[i].label), 7.5, PANGO_WEIGHT_NORMAL);
      g_array_append_val (rows, row);
    }

  return rows;
}

/**
 * bri_map_decorations_legend:
 * @cr: (nullable): where to draw; %NULL only measures
 * @style: the map's, whose colours the symbols take
 * @shown: the kinds and precisions to explain
 * @x: the card's top left corner
 * @max_height: rows beyond this height start a new column
 * @area: (out): the card
 *
 * One row per kind shown, with the line or marker the map draws for it,
 * then what the precision styles mean.  Nothing shown, no card: @area is
 * empty.
 */
void
bri_map_decorations_legend (cairo_t                *cr,
                            PangoContext           *context,
                            BriTileStyle            style,
                            const BriFeaturesShown *shown,
                            double                  x,
                            double                  y,
                            double                  max_height,
                            BriLabelRect           *area)
{
  const BriTilePalette *palette = bri_tile_style_get_palette (style);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(PangoLayout) title = NULL;
  double column_height = 0, column_width = 0, width = 0, height = 0, title_h;
  double col_x, row_y;
  int tw, th;

  g_return_if_fail (PANGO_IS_CONTEXT (context));
  g_return_if_fail (shown != NULL);
  g_return_if_fail (area != NULL);

  rows = legend_rows (context, shown);
  *area = (BriLabelRect) { x, y, 0, 0 };
  if (rows->len == 0)
    return;

  title = text_layout (context, _("Legend"), 8.5, PANGO_WEIGHT_BOLD);
  pango_layout_get_pixel_size (title, &tw, &th);
  title_h = th + 3.0;

  /* Lay the rows out in columns no taller than allowed. */
  max_height = MAX (max_height - 2 * CARD_PADDING - title_h, SYMBOL_HEIGHT * 3);
  for (guint pass = 0; pass < 2; pass++)
    {
      col_x = x + CARD_PADDING;
      row_y = y + CARD_PADDING + title_h;
      column_height = column_width = 0;

      if (pass == 1 && cr != NULL)
        {
          card (cr, palette, area);
          show_layout (cr, palette, title, x + CARD_PADDING, y + CARD_PADDING);
        }

      for (guint i = 0; i < rows->len; i++)
        {
          const LegendRow *row = &g_array_index (rows, LegendRow, i);
          int lw, lh;
          double row_h, row_w;

          pango_layout_get_pixel_size (row->layout, &lw, &lh);
          row_h = MAX (row->heading ? lh + 2.0 : SYMBOL_HEIGHT, lh) + ROW_GAP;
          row_w = row->heading ? lw : SYMBOL_WIDTH + 6.0 + lw;

          /* A heading starts a column rather than end one alone. */
          if (column_height > 0 &&
              (column_height + row_h > max_height ||
               (row->heading && column_height + row_h + SYMBOL_HEIGHT + ROW_GAP > max_height)))
            {
              col_x += column_width + COLUMN_GAP;
              row_y = y + CARD_PADDING + title_h;
              column_height = column_width = 0;
            }

          if (pass == 1 && cr != NULL)
            {
              if (row->heading)
                show_layout (cr, palette, row->layout, col_x, row_y + 2.0);
              else
                {
                  cairo_save (cr);
                  cairo_translate (cr, col_x, row_y + (row_h - ROW_GAP - SYMBOL_HEIGHT) / 2.0);
                  if (row->cluster)
                    legend_cluster (cr, context);
                  else
                    bri_feature_style_draw_legend_symbol (cr, row->kind, row->precision, style,
                                                          SYMBOL_WIDTH, SYMBOL_HEIGHT);
                  cairo_restore (cr);
                  show_layout (cr, palette, row->layout, col_x + SYMBOL_WIDTH + 6.0,
                               row_y + (row_h - ROW_GAP - lh) / 2.0);
                }
            }

          row_y += row_h;
          column_height += row_h;
          column_width = MAX (column_width, row_w);
          width = MAX (width, col_x + column_width - x);
          height = MAX (height, row_y - y);
        }

      width = MAX (width, tw + CARD_PADDING);
      *area = (BriLabelRect) { x, y, width + CARD_PADDING, height + CARD_PADDING - ROW_GAP };
      if (cr == NULL)
        break;
    }
}

/* Scale bar */

/* The longest of 1, 2 or 5 times a power of ten that is at most @max. */
static double
nice_length (double max)
{
  double p = pow (10.0, floor (log10 (max)));

  if (5 * p <= max)
    return 5 * p;
  if (2 * p <= max)
    return 2 * p;
  return p;
}

static char *
format_distance (double   value,
                 gboolean metric)
{
  if (metric)
    return value >= 1000.0 ? g_strdup_printf (_("%g km"), value / 1000.0)
                           : g_strdup_printf (_("%g m"), value);
  return g_strdup_printf (_("%g mi"), value);
}

/**
 * bri_map_decorations_scale_bar:
 * @cr: (nullable): where to draw; %NULL only measures
 * @t: the view: its zoom and the latitude at its centre set the scale
 * @x: the card's left side
 * @bottom: the card's bottom
 * @area: (out): the card
 *
 * Two bars, kilometres over miles, true at the latitude of the view's
 * centre (Web Mercator stretches distances away from the equator).
 */
void
bri_map_decorations_scale_bar (cairo_t               *cr,
                               PangoContext          *context,
                               const BriTilePalette  *palette,
                               const BriMapTransform *t,
                               double                 x,
                               double                 bottom,
                               BriLabelRect          *area)
{
  double lat = bri_geo_y_to_lat (t->center_y / t->world);
  double m_per_px = EQUATOR_M * cos (lat * G_PI / 180.0) / t->world;
  double km = nice_length (SCALE_BAR_MAX_PX * m_per_px);
  double mi = nice_length (SCALE_BAR_MAX_PX * m_per_px / METRES_PER_MILE);
  double km_px = km / m_per_px, mi_px = mi * METRES_PER_MILE / m_per_px;
  g_autofree char *km_text = format_distance (km, TRUE);
  g_autofree char *mi_text = format_distance (mi, FALSE);
  g_autoptr(PangoLayout) km_layout = text_layout (context, km_text, 7.0, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoLayout) mi_layout = text_layout (context, mi_text, 7.0, PANGO_WEIGHT_NORMAL);
  int kw, kh, mw, mh;
  double width, height, bar_y;

  g_return_if_fail (t != NULL && area != NULL);

  pango_layout_get_pixel_size (km_layout, &kw, &kh);
  pango_layout_get_pixel_size (mi_layout, &mw, &mh);
  width = MAX (km_px, mi_px) + 2 * CARD_PADDING;
  width = MAX (width, MAX (kw, mw) + 2 * CARD_PADDING);
  height = kh + mh + 6.0 + 2 * CARD_PADDING;
  *area = (BriLabelRect) { x, bottom - height, width, height };
  if (cr == NULL)
    return;

  card (cr, palette, area);
  bar_y = area->y + CARD_PADDING + kh + 3.0;
  show_layout (cr, palette, km_layout, x + CARD_PADDING, area->y + CARD_PADDING);
  show_layout (cr, palette, mi_layout, x + CARD_PADDING, bar_y + 3.0);

  /* One line, ticked up at the kilometres and down at the miles. */
  cairo_save (cr);
  cairo_new_path (cr);
  set_rgb (cr, &palette->label, 1.0);
  cairo_set_line_width (cr, 1.25);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_move_to (cr, x + CARD_PADDING, bar_y);
  cairo_line_to (cr, x + CARD_PADDING + MAX (km_px, mi_px), bar_y);
  cairo_move_to (cr, x + CARD_PADDING, bar_y - 3);
  cairo_line_to (cr, x + CARD_PADDING, bar_y + 3);
  cairo_move_to (cr, x + CARD_PADDING + km_px, bar_y - 3);
  cairo_line_to (cr, x + CARD_PADDING + km_px, bar_y);
  cairo_move_to (cr, x + CARD_PADDING + mi_px, bar_y);
  cairo_line_to (cr, x + CARD_PADDING + mi_px, bar_y + 3);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * bri_map_decorations_north_arrow:
 * @cr: (nullable): where to draw; %NULL only measures
 * @right: the card's right side
 * @y: the card's top
 * @area: (out): the card
 *
 * The map is Web Mercator with north up, always: the arrow says so.
 */
void
bri_map_decorations_north_arrow (cairo_t              *cr,
                                 PangoContext         *context,
                                 const BriTilePalette *palette,
                                 double                right,
                                 double                y,
                                 BriLabelRect         *area)
{
  /* TRANSLATORS: the letter for north over the map's north arrow */
  g_autoptr(PangoLayout) n = text_layout (context, C_("compass", "N"), 8.0, PANGO_WEIGHT_BOLD);
  int nw, nh;
  double width, cx, top;

  g_return_if_fail (area != NULL);

  pango_layout_get_pixel_size (n, &nw, &nh);
  width = MAX (nw, 12) + 2 * CARD_PADDING;
  *area = (BriLabelRect) { right - width, y, width, nh + 18.0 + 2 * CARD_PADDING };
  if (cr == NULL)
    return;

  card (cr, palette, area);
  cx = area->x + width / 2.0;
  show_layout (cr, palette, n, cx - nw / 2.0, y + CARD_PADDING);
  top = y + CARD_PADDING + nh + 1.0;

  cairo_save (cr);
  cairo_new_path (cr);
  set_rgb (cr, &palette->label, 1.0);
  cairo_move_to (cr, cx, top);
  cairo_line_to (cr, cx + 5, top + 16);
  cairo_line_to (cr, cx, top + 12);
  cairo_line_to (cr, cx - 5, top + 16);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

/**
 * bri_map_decorations_get_attribution:
 *
 * Returns: whose data the map shows, as every copy of it must say
 */
const char *
bri_map_decorations_get_attribution (void)
{
  return _("Map data: Natural Earth (public domain) · Places: BriAtlas gazetteer, "
           "GeoNames (CC BY 4.0) · Web Mercator, north up");
}

/**
 * bri_map_decorations_attribution:
 * @cr: (nullable): where to draw; %NULL only measures
 * @right: the line's right end
 * @bottom: the line's bottom
 * @max_width: wider text wraps
 * @area: (out): the line, with its backing
 */
void
bri_map_decorations_attribution (cairo_t              *cr,
                                 PangoContext         *context,
                                 const BriTilePalette *palette,
                                 double                right,
                                 double                bottom,
                                 double                max_width,
                                 BriLabelRect         *area)
{
  g_autoptr(PangoLayout) layout = text_layout (context, bri_map_decorations_get_attribution (),
                                               6.5, PANGO_WEIGHT_NORMAL);
  int w, h;

  g_return_if_fail (area != NULL);

  pango_layout_set_width (layout, (int) MAX (max_width - 8.0, 40.0) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_get_pixel_size (layout, &w, &h);
  {
    PangoRectangle ink, logical;

    pango_layout_get_pixel_extents (layout, &ink, &logical);
    w = logical.width;
  }
  *area = (BriLabelRect) { right - MIN (w, max_width - 8.0) - 8.0, bottom - h - 4.0,
                           MIN (w, max_width - 8.0) + 8.0, h + 4.0 };
  if (cr == NULL)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  set_rgb (cr, &palette->label_halo, 0.8);
  cairo_fill (cr);
  cairo_restore (cr);
  show_layout (cr, palette, layout, right - 4.0 - (max_width - 8.0 > 40.0 ? max_width - 8.0 : 40.0),
               area->y + 2.0);
}

/**
 * bri_map_decorations_title:
 * @cr: (nullable): where to draw; %NULL only measures
 * @title: the map's title, plain text
 * @x: the card's top left corner
 * @max_width: wider titles wrap
 * @area: (out): the card
 */
void
bri_map_decorations_title (cairo_t              *cr,
                           PangoContext         *context,
                           const BriTilePalette *palette,
                           const char           *title,
                           double                x,
                           double                y,
                           double                max_width,
                           BriLabelRect         *area)
{
  g_autoptr(PangoLayout) layout = text_layout (context, title, 12.0, PANGO_WEIGHT_BOLD);
  int w, h;

  g_return_if_fail (title != NULL && area != NULL);

  pango_layout_set_width (layout, (int) MAX (max_width - 2 * CARD_PADDING, 40.0) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_get_pixel_size (layout, &w, &h);
  *area = (BriLabelRect) { x, y, w + 2 * CARD_PADDING, h + 2 * CARD_PADDING };
  if (cr == NULL)
    return;

  card (cr, palette, area);
  show_layout (cr, palette, layout, x + CARD_PADDING, y + CARD_PADDING);
}
