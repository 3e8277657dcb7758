/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriPages: lays text out line by line down the page, turning to a new
 * page when the next line does not fit, so a long passage runs on
 * overleaf.  Every page but the first has a running head; every page a
 * number.  Words are Pango glyphs in the PDF — a reader can search and
 * copy them — and never markup: a passage's "&" or "<" prints as is. */

#define G_LOG_DOMAIN "bri-pages"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bri-export.h"
#include "bri-pages.h"

#define MARGIN_X 56.0
#define MARGIN_TOP 54.0
#define MARGIN_BOTTOM 60.0
#define QUOTE_INDENT 16.0
/* Blocks up to this tall move to the next page whole rather than split. */
#define KEEP_TOGETHER 120.0

struct _BriPages
{
  GByteArray      *out;
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
  double           page_width;
  double           page_height;
  double           y;
  int              page;
  gboolean         empty;          /* nothing on this page yet */
  char            *running_head;
};

typedef struct
{
  const char *font;
  guint32     rgb;
  double      space_before;
  double      space_after;
  double      indent;
} Style;

static const Style styles[] = {
  [BRI_TEXT_TITLE]      = { "Sans Bold 24",       0x1e1e1e, 0,  8, 0 },
  [BRI_TEXT_SUBTITLE]   = { "Sans 12",            0x5e5c64, 0,  4, 0 },
  [BRI_TEXT_HEADING]    = { "Sans Bold 16",       0x1e1e1e, 14, 6, 0 },
  [BRI_TEXT_SUBHEADING] = { "Sans Bold 11",       0x1e1e1e, 10, 3, 0 },
  [BRI_TEXT_BODY]       = { "Serif 10.5",         0x1e1e1e, 0,  6, 0 },
  [BRI_TEXT_QUOTE]      = { "Serif Italic 11",    0x1e1e1e, 4,  3, QUOTE_INDENT },
  [BRI_TEXT_CITATION]   = { "Sans 8.5",           0x1a5fb4, 0,  8, QUOTE_INDENT },
  [BRI_TEXT_SMALL]      = { "Sans 8.5",           0x3d3846, 0,  3, 0 },
  [BRI_TEXT_RUNNING]    = { "Sans 8",             0x77767b, 0,  0, 0 },
};

/**
 * bri_paper_from_name:
 * @name: "a4" or "letter", in any case
 */
gboolean
bri_paper_from_name (const char *name,
                     BriPaper   *paper)
{
  g_return_val_if_fail (name != NULL && paper != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = BRI_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0 || g_ascii_strcasecmp (name, "us-letter") == 0)
    *paper = BRI_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

/* In points: A4 is 210 × 297 mm, US Letter 8½ × 11 in. */
void
bri_paper_get_size (BriPaper  paper,
                    double   *width,
                    double   *height)
{
  if (paper == BRI_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 595.276;
      *height = 841.89;
    }
}

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static PangoLayout *
make_layout (BriPages     *self,
             BriTextStyle  style,
             const char   *text,
             double        width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string (styles[style].font);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
bottom (BriPages *self)
{
  return self->page_height - MARGIN_BOTTOM;
}

static void
start_page (BriPages *self)
{
  self->y = MARGIN_TOP;
  self->empty = TRUE;

  if (self->page > 1 && self->running_head != NULL)
    {
      g_autoptr(PangoLayout) head = make_layout (self, BRI_TEXT_RUNNING, self->running_head,
                                                 bri_pages_get_width (self));

      pango_layout_set_ellipsize (head, PANGO_ELLIPSIZE_END);
      cairo_save (self->cr);
      set_rgb (self->cr, styles[BRI_TEXT_RUNNING].rgb);
      cairo_move_to (self->cr, MARGIN_X, MARGIN_TOP - 24.0);
      pango_cairo_show_layout (self->cr, head);
      cairo_restore (self->cr);
    }
}

static void
finish_page (BriPages *self)
{
  g_autofree char *number = g_strdup_printf ("%d", self->page);
  g_autoptr(PangoLayout) layout = make_layout (self, BRI_TEXT_RUNNING, number, bri_pages_get_width (self));
  int w, h;

  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_save (self->cr);
  set_rgb (self->cr, styles[BRI_TEXT_RUNNING].rgb);
  cairo_move_to (self->cr, (self->page_width - w) / 2.0, self->page_height - MARGIN_BOTTOM / 2.0 - h / 2.0);
  pango_cairo_show_layout (self->cr, layout);
  cairo_restore (self->cr);
  cairo_show_page (self->cr);
}

/**
 * bri_pages_new:
 * @title: (nullable): the document's title, in its metadata and at the
 *   top of every page after the first
 * @author: (nullable): who made it, in its metadata
 */
BriPages *
bri_pages_new (BriPaper    paper,
               const char *title,
               const char *author)
{
  BriPages *self = g_new0 (BriPages, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  bri_paper_get_size (paper, &self->page_width, &self->page_height);
  self->out = g_byte_array_new ();
  self->surface = cairo_pdf_surface_create_for_stream (bri_export_append_to_array, self->out,
                                                       self->page_width, self->page_height);
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATOR, "BriAtlas " PACKAGE_VERSION);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL && author[0] != '\0')
    cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_AUTHOR, author);
  self->cr = cairo_create (self->surface);

  /* Points, not pixels; metrics unhinted, as print wants. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  self->running_head = g_strdup (title);
  self->page = 1;
  start_page (self);
  return self;
}

void
bri_pages_free (BriPages *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->out, g_byte_array_unref);
  g_clear_object (&self->context);
  g_free (self->running_head);
  g_free (self);
}

/* The width of the text column. */
double
bri_pages_get_width (BriPages *self)
{
  return self->page_width - 2 * MARGIN_X;
}

/* The height left on this page. */
double
bri_pages_get_remaining (BriPages *self)
{
  return bottom (self) - self->y;
}

int
bri_pages_get_page (BriPages *self)
{
  return self->page;
}

/**
 * bri_pages_set_running_head:
 * @text: (nullable): the line at the top of the pages from the next one
 *   on
 */
void
bri_pages_set_running_head (BriPages   *self,
                            const char *text)
{
  g_free (self->running_head);
  self->running_head = g_strdup (text);
}

void
bri_pages_new_page (BriPages *self)
{
  finish_page (self);
  self->page++;
  start_page (self);
}

/* Vertical space, dropped at the top of a page. */
void
bri_pages_space (BriPages *self,
                 double    height)
{
  if (self->empty)
    return;

  self->y = MIN (self->y + height, bottom (self));
}

/**
 * bri_pages_ensure:
 *
 * Turns to a new page unless @height points are left on this one: what
 * must stay together (a heading and its first lines, a map) starts
 * overleaf.
 *
 * Returns: whether a new page was started
 */
gboolean
bri_pages_ensure (BriPages *self,
                  double    height)
{
  if (self->empty || bri_pages_get_remaining (self) >= height)
    return FALSE;

  bri_pages_new_page (self);
  return TRUE;
}

/* A quote is set off by a rule down its left side, from @top to here. */
static void
quote_rule (BriPages *self,
            double    top)
{
  cairo_save (self->cr);
  cairo_set_source_rgb (self->cr, 0.75, 0.75, 0.78);
  cairo_rectangle (self->cr, MARGIN_X + 2, top, 2.5, self->y - top);
  cairo_fill (self->cr);
  cairo_restore (self->cr);
}

static void
flow (BriPages     *self,
      BriTextStyle  style,
      const char   *text,
      const char   *destination)
{
  const Style *s = &styles[style];
  double x = MARGIN_X + s->indent;
  g_autoptr(PangoLayout) layout = make_layout (self, style, text, bri_pages_get_width (self) - s->indent);
  g_autofree char *link = NULL;
  PangoLayoutIter *iter;
  gboolean tagged = FALSE;
  double top;

  if (destination != NULL)
    link = g_strdup_printf ("dest='%s'", destination);

  /* A heading never ends a page: it keeps its first lines of text.  A
   * short block (a citation, a quote of a few lines) is not split. */
  if (style == BRI_TEXT_HEADING || style == BRI_TEXT_SUBHEADING)
    bri_pages_ensure (self, s->space_before + 60.0);
  else
    {
      int layout_height;

      pango_layout_get_size (layout, NULL, &layout_height);
      if (layout_height / (double) PANGO_SCALE <= KEEP_TOGETHER)
        bri_pages_ensure (self, s->space_before + layout_height / (double) PANGO_SCALE);
    }
  bri_pages_space (self, s->space_before);
  top = self->y;

  cairo_save (self->cr);
  set_rgb (self->cr, s->rgb);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double line_top, height, baseline;
      int y0, y1;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      height = (y1 - y0) / (double) PANGO_SCALE;
      baseline = (pango_layout_iter_get_baseline (iter) - y0) / (double) PANGO_SCALE;

      if (!self->empty && self->y + height > bottom (self))
        {
          if (tagged)
            cairo_tag_end (self->cr, CAIRO_TAG_LINK);
          tagged = FALSE;
          if (style == BRI_TEXT_QUOTE)
            quote_rule (self, top);
          bri_pages_new_page (self);
          top = self->y;
          set_rgb (self->cr, s->rgb);
        }

      if (link != NULL && !tagged)
        {
          cairo_tag_begin (self->cr, CAIRO_TAG_LINK, link);
          tagged = TRUE;
        }

      line_top = self->y;
      cairo_move_to (self->cr, x + logical.x / (double) PANGO_SCALE, line_top + baseline);
      pango_cairo_show_layout_line (self->cr, line);
      self->y += height;
      self->empty = FALSE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (tagged)
    cairo_tag_end (self->cr, CAIRO_TAG_LINK);

  if (style == BRI_TEXT_QUOTE)
    quote_rule (self, top);
  cairo_restore (self->cr);

  self->y += s->space_after;
}

/**
 * bri_pages_text:
 * @text: plain text; blank lines separate paragraphs
 *
 * Sets @text in @style from the current position down, onto new pages as
 * needed.
 */
void
bri_pages_text (BriPages     *self,
                BriTextStyle  style,
                const char   *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) style < G_N_ELEMENTS (styles));

  if (text == NULL || text[0] == '\0')
    return;

  flow (self, style, text, NULL);
}

/**
 * bri_pages_linked_text:
 * @destination: the name given to bri_pages_destination(), before or
 *   after this
 *
 * Like bri_pages_text(), and a click on the text goes to @destination.
 */
void
bri_pages_linked_text (BriPages     *self,
                       BriTextStyle  style,
                       const char   *text,
                       const char   *destination)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (destination != NULL);

  if (text == NULL || text[0] == '\0')
    return;

  flow (self, style, text, destination);
}

/**
 * bri_pages_box:
 * @height: of the box, in points, the whole text column wide
 * @x: (out): the box's left side on the page
 * @y: (out): the box's top
 *
 * Makes room for a drawing (a map): on this page if it fits, else on the
 * next.
 *
 * Returns: (transfer none): the page's cairo context, to draw in the box
 */
cairo_t *
bri_pages_box (BriPages *self,
               double    height,
               double   *x,
               double   *y)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (x != NULL && y != NULL, NULL);

  bri_pages_ensure (self, height);
  *x = MARGIN_X;
  *y = self->y;
  self->y += height;
  self->empty = FALSE;
  return self->cr;
}

/* A thin line across the column, between entries. */
void
bri_pages_rule (BriPages *self)
{
  g_return_if_fail (self != NULL);

  bri_pages_space (self, 4.0);
  cairo_save (self->cr);
  cairo_set_source_rgb (self->cr, 0.85, 0.85, 0.87);
  cairo_rectangle (self->cr, MARGIN_X, self->y, bri_pages_get_width (self), 0.6);
  cairo_fill (self->cr);
  cairo_restore (self->cr);
  bri_pages_space (self, 8.0);
}

/**
 * bri_pages_destination:
 * @name: letters, digits and '-' only: what links point to
 *
 * Names the current position, for bri_pages_linked_text().
 */
void
bri_pages_destination (BriPages   *self,
                       const char *name)
{
  g_autofree char *attributes = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL && strpbrk (name, "' \\") == NULL);

  attributes = g_strdup_printf ("name='%s' x=%g y=%g", name, MARGIN_X, self->y);
  cairo_tag_begin (self->cr, CAIRO_TAG_DEST, attributes);
  cairo_tag_end (self->cr, CAIRO_TAG_DEST);
}

/**
 * bri_pages_outline:
 * @parent: an id this returned, or 0 for the top level
 * @title: what the reader's sidebar shows
 * @open: whether the entry's children show
 *
 * Adds an entry to the PDF's outline (its bookmarks), pointing at the
 * current position.
 *
 * Returns: the entry's id, for its children
 */
int
bri_pages_outline (BriPages   *self,
                   int         parent,
                   const char *title,
                   gboolean    open)
{
  g_autofree char *link = NULL;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (title != NULL, 0);

  link = g_strdup_printf ("page=%d pos=[%g %g]", self->page, MARGIN_X, self->y);
  return cairo_pdf_surface_add_outline (self->surface, parent, title, link,
                                        open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
}

/**
 * bri_pages_finish:
 *
 * Ends the last page and the document.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set if cairo
 *   failed
 */
GBytes *
bri_pages_finish (BriPages  *self,
                  GError   **error)
{
  cairo_status_t status;

  g_return_val_if_fail (self != NULL, NULL);

  finish_page (self);
  status = cairo_status (self->cr);
  g_clear_pointer (&self->cr, cairo_destroy);
  cairo_surface_finish (self->surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (self->surface);
  g_clear_pointer (&self->surface, cairo_surface_destroy);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BRI_EXPORT_ERROR, BRI_EXPORT_ERROR_DRAW,
                   _("Cannot write the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&self->out));
}
