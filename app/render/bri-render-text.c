/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Showing a Pango layout, with an optional halo, or recording it as SVG
 * text when a BriTextRecorder is attached to the cairo context.  A line
 * is recorded where cairo would have drawn it (its baseline, in device
 * units), in the layout's font, weight and colour; the halo becomes the
 * text's stroke, painted under its fill. */

#define G_LOG_DOMAIN "bri-render-text"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bri-render-text.h"

struct _BriTextRecorder
{
  GString *svg;
  guint    n_lines;
};

static const cairo_user_data_key_t recorder_key;

BriTextRecorder *
bri_text_recorder_new (void)
{
  BriTextRecorder *self = g_new0 (BriTextRecorder, 1);

  self->svg = g_string_new (NULL);
  return self;
}

void
bri_text_recorder_free (BriTextRecorder *self)
{
  if (self == NULL)
    return;

  g_string_free (self->svg, TRUE);
  g_free (self);
}

/**
 * bri_text_recorder_attach:
 *
 * From now on, text shown on @cr through bri_render_show_layout() is
 * recorded by @self instead of drawn.  @self must outlive @cr.
 */
void
bri_text_recorder_attach (BriTextRecorder *self,
                          cairo_t         *cr)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_set_user_data (cr, &recorder_key, self, NULL);
}

/* Whether text on @cr is recorded rather than drawn: halos drawn apart
 * from their text are then left to the recorded text's stroke. */
gboolean
bri_text_recorder_is_attached (cairo_t *cr)
{
  return cairo_get_user_data (cr, &recorder_key) != NULL;
}

guint
bri_text_recorder_get_n_lines (BriTextRecorder *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_lines;
}

/**
 * bri_text_recorder_to_svg:
 *
 * Returns: (transfer full): an SVG group of one <text> per line recorded
 */
char *
bri_text_recorder_to_svg (BriTextRecorder *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strdup_printf ("<g id=\"bri-text\">\n%s</g>\n", self->svg->str);
}

static void
append_color (GString    *out,
              const char *attribute,
              double      r,
              double      g,
              double      b,
              double      a)
{
  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", attribute,
                          (guint) round (CLAMP (r, 0, 1) * 255),
                          (guint) round (CLAMP (g, 0, 1) * 255),
                          (guint) round (CLAMP (b, 0, 1) * 255));
  if (a < 1.0)
    g_string_append_printf (out, " %s-opacity=\"%.3g\"", attribute, a);
}

static void
record (BriTextRecorder *self,
        cairo_t         *cr,
        PangoLayout     *layout,
        const BriRgba   *halo,
        double           halo_width)
{
  const char *text = pango_layout_get_text (layout);
  PangoContext *context = pango_layout_get_context (layout);
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  PangoLayoutIter *iter;
  cairo_matrix_t ctm;
  double ox, oy, r = 0, g = 0, b = 0, a = 1, scale, size_px, resolution;
  g_autofree char *family = NULL;
  int weight;

  if (font == NULL)
    font = pango_context_get_font_description (context);
  family = g_strdup (pango_font_description_get_family (font));
  weight = pango_font_description_get_weight (font);
  resolution = pango_cairo_context_get_resolution (context);
  if (resolution <= 0)
    resolution = 96.0;

  /* The size of the first run, attributes included (the names' 85 %). */
  {
    PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);

    size_px = pango_font_description_get_size (font) / (double) PANGO_SCALE * resolution / 72.0;
    if (pango_font_description_get_size_is_absolute (font))
      size_px = pango_font_description_get_size (font) / (double) PANGO_SCALE;
    if (line != NULL && line->runs != NULL)
      {
        PangoGlyphItem *run = line->runs->data;
        PangoFontDescription *desc = pango_font_describe_with_absolute_size (run->item->analysis.font);

        size_px = pango_font_description_get_size (desc) / (double) PANGO_SCALE;
        weight = pango_font_description_get_weight (desc);
        if (pango_font_description_get_family (desc) != NULL)
          {
            g_free (family);
            family = g_strdup (pango_font_description_get_family (desc));
          }
        pango_font_description_free (desc);
      }
  }

  cairo_get_current_point (cr, &ox, &oy);
  cairo_get_matrix (cr, &ctm);
  scale = sqrt (fabs (ctm.xx * ctm.yy - ctm.xy * ctm.yx));
  cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      g_autofree char *escaped = NULL;
      double x, y;

      if (line->length == 0)
        continue;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      x = ox + logical.x / (double) PANGO_SCALE;
      y = oy + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      cairo_user_to_device (cr, &x, &y);
      escaped = g_markup_escape_text (text + line->start_index, line->length);
      /* A wrapped line ends in the space it broke at. */
      g_strchomp (escaped);

      g_string_append_printf (self->svg, "<text x=\"%.2f\" y=\"%.2f\" font-family=\"%s\" "
                              "font-size=\"%.2f\" font-weight=\"%d\"",
                              x, y, family != NULL ? family : "sans-serif", size_px * scale, weight);
      /* Family names come from fontconfig; quotes would end the attribute. */
      g_assert (family == NULL || strchr (family, '"') == NULL);
      append_color (self->svg, "fill", r, g, b, a);
      if (halo != NULL)
        {
          append_color (self->svg, "stroke", halo->red, halo->green, halo->blue, halo->alpha);
          g_string_append_printf (self->svg, " stroke-width=\"%.2f\" stroke-linejoin=\"round\" "
                                  "paint-order=\"stroke\"", halo_width * scale);
        }
      g_string_append_printf (self->svg, ">%s</text>\n", escaped);
      self->n_lines++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/**
 * bri_render_layout_new:
 * @context: (nullable): the font: on screen the widget's; %NULL for
 *   Pango's default
 * @text: plain text, never markup
 *
 * Returns: (transfer full): a layout of @text
 */
PangoLayout *
bri_render_layout_new (PangoContext *context,
                       const char   *text)
{
  PangoLayout *layout;

  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), NULL);

  if (context != NULL)
    layout = pango_layout_new (context);
  else
    {
      /* The layout keeps the context alive. */
      PangoContext *fallback = pango_font_map_create_context (pango_cairo_font_map_get_default ());

      layout = pango_layout_new (fallback);
      g_object_unref (fallback);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/**
 * bri_render_show_layout:
 * @halo: (nullable): a colour to outline the glyphs in, under them, so
 *   the words read on any background
 * @halo_width: the outline's width
 *
 * Shows @layout at the current point in the current source colour (a
 * solid one), as pango_cairo_show_layout() does — or records it, if a
 * BriTextRecorder is attached to @cr.
 */
void
bri_render_show_layout (cairo_t       *cr,
                        PangoLayout   *layout,
                        const BriRgba *halo,
                        double         halo_width)
{
  BriTextRecorder *recorder;
  double x, y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  recorder = cairo_get_user_data (cr, &recorder_key);
  if (recorder != NULL)
    {
      record (recorder, cr, layout, halo, halo_width);
      return;
    }

  if (halo != NULL)
    {
      cairo_pattern_t *source = cairo_pattern_reference (cairo_get_source (cr));

      cairo_get_current_point (cr, &x, &y);
      cairo_save (cr);
      cairo_new_path (cr);
      cairo_move_to (cr, x, y);
      pango_cairo_layout_path (cr, layout);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_width (cr, halo_width);
      cairo_set_source_rgba (cr, halo->red, halo->green, halo->blue, halo->alpha);
      cairo_stroke (cr);
      cairo_restore (cr);
      cairo_set_source (cr, source);
      cairo_pattern_destroy (source);
      cairo_move_to (cr, x, y);
    }

  pango_cairo_show_layout (cr, layout);
}
