/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureLabels: names beside markers, most important first, each at
 * the first of four spots (right, left, below, above) that is inside the
 * view and clear of every marker, every highlighted line and every name
 * placed before it.  The names are set in the font of the Pango context
 * given, which on screen is the widget's. */

#define G_LOG_DOMAIN "bri-feature-labels"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bri-feature-labels.h"
#include "bri-render-text.h"

/* At most this many names a frame, chosen from at most this many of the
 * most important points: a name costs a text layout the first time. */
#define MAX_LABELS 80
#define MAX_CANDIDATES 400

/* Free pixels kept between a name and anything else. */
#define PADDING 2.0
/* Markers are round: their box less this much is what names avoid, so a
 * name may tuck in by a corner. */
#define MARKER_INSET 1.0
/* How far either side of a highlighted line names keep off. */
#define LINE_HALF_WIDTH 3.0

#define HALO 2

/* A name with its halo, drawn once: stroking the outlines of glyphs is
 * the slowest thing cairo does here, far too slow to do every frame.  For
 * vector output there is no image: the layout is drawn as text. */
typedef struct
{
  cairo_surface_t *surface;   /* NULL when drawing vectors */
  PangoLayout     *layout;
  int              width;     /* of the text; the image has a halo margin */
  int              height;
} Sprite;

typedef struct
{
  BriFeature *feature;        /* not owned: the layer's index keeps it */
  int         importance;
  guint       order;
  double      x;
  double      y;
  double      clearance;
} Candidate;

typedef struct
{
  BriFeature   *feature;
  BriLabelRect  area;
} Shown;

struct _BriFeatureLabels
{
  PangoContext   *context;    /* the font; NULL until set */
  BriRgba         color;      /* of the text */
  int             scale;      /* device pixels per pixel of the images */
  gboolean        vector;     /* draw text, not images */
  GHashTable     *sprites;    /* BriFeature * → Sprite */
  BriLabelPlacer *placer;
  GArray         *candidates; /* of Candidate */
  GArray         *shown;      /* of Shown: the last frame's names */
  double          width;
  double          height;
};

static void
sprite_free (gpointer data)
{
  Sprite *sprite = data;

  g_clear_pointer (&sprite->surface, cairo_surface_destroy);
  g_clear_object (&sprite->layout);
  g_free (sprite);
}

/**
 * bri_feature_labels_new:
 *
 * Names in black on a white halo, until bri_feature_labels_set_style()
 * says otherwise.
 */
BriFeatureLabels *
bri_feature_labels_new (void)
{
  BriFeatureLabels *self;

  self = g_new0 (BriFeatureLabels, 1);
  self->color = (BriRgba) { 0, 0, 0, 1 };
  self->scale = 1;
  self->sprites = g_hash_table_new_full (NULL, NULL, NULL, sprite_free);
  self->placer = bri_label_placer_new (PADDING);
  self->candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  self->shown = g_array_new (FALSE, FALSE, sizeof (Shown));
  return self;
}

void
bri_feature_labels_free (BriFeatureLabels *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->sprites);
  g_clear_object (&self->context);
  bri_label_placer_free (self->placer);
  g_array_unref (self->candidates);
  g_array_unref (self->shown);
  g_free (self);
}

/* Drops the drawn names: the font, the colours or the scale changed, or
 * the features they were drawn for are going away. */
void
bri_feature_labels_forget (BriFeatureLabels *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->sprites);
  g_array_set_size (self->shown, 0);
}

/**
 * bri_feature_labels_set_style:
 * @context: (nullable): the font and the font options of the names; %NULL
 *   for Pango's default font
 * @color: the text's colour; the halo is the opposite of it, dark behind
 *   light text
 * @scale: device pixels per pixel, for sharp images on HiDPI screens
 * @vector: draw the names as text on the cairo context (PDF, SVG, print)
 *   instead of painting images of them
 *
 * Forgets the names drawn in another style.
 */
void
bri_feature_labels_set_style (BriFeatureLabels *self,
                              PangoContext     *context,
                              const BriRgba    *color,
                              int               scale,
                              gboolean          vector)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (context == NULL || PANGO_IS_CONTEXT (context));
  g_return_if_fail (color != NULL);
  g_return_if_fail (scale >= 1);

  if (self->context == context && self->scale == scale && self->vector == !!vector &&
      memcmp (&self->color, color, sizeof (BriRgba)) == 0)
    return;

  g_set_object (&self->context, context);
  self->color = *color;
  self->scale = scale;
  self->vector = !!vector;
  bri_feature_labels_forget (self);
}

/* Starts a frame of @width × @height pixels; until
 * bri_feature_labels_draw() it shows no names. */
void
bri_feature_labels_begin (BriFeatureLabels *self,
                          double            width,
                          double            height)
{
  g_return_if_fail (self != NULL);

  self->width = width;
  self->height = height;
  bri_label_placer_clear (self->placer);
  g_array_set_size (self->candidates, 0);
  g_array_set_size (self->shown, 0);
}

/* A marker or a bubble centred on (@x, @y): names keep off it. */
void
bri_feature_labels_add_marker (BriFeatureLabels *self,
                               double            x,
                               double            y,
                               double            radius)
{
  double r = MAX (radius - MARKER_INSET, 0.0);

  g_return_if_fail (self != NULL);

  bri_label_placer_add_obstacle (self->placer, &(BriLabelRect) { x - r, y - r, 2 * r, 2 * r });
}

/* Anything else names must leave clear: a legend, a scale bar, the
 * names of countries. */
void
bri_feature_labels_add_obstacle (BriFeatureLabels   *self,
                                 const BriLabelRect *rect)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);

  bri_label_placer_add_obstacle (self->placer, rect);
}

/* A stretch of a highlighted line, in widget coordinates. */
void
bri_feature_labels_add_line (BriFeatureLabels *self,
                             double            x1,
                             double            y1,
                             double            x2,
                             double            y2)
{
  g_return_if_fail (self != NULL);

  bri_label_placer_add_obstacle_segment (self->placer, x1, y1, x2, y2, LINE_HALF_WIDTH);
}

/**
 * bri_feature_labels_add_candidate:
 * @importance: names of more important points go first
 * @order: breaks ties in importance: lower first
 * @x: the marker's centre, in widget coordinates
 * @clearance: how far from the centre the name starts: the marker's
 *   radius, with its halo when highlighted
 *
 * Asks for a name for @feature's marker; a marker outside the view gets
 * none.
 */
void
bri_feature_labels_add_candidate (BriFeatureLabels *self,
                                  BriFeature       *feature,
                                  int               importance,
                                  guint             order,
                                  double            x,
                                  double            y,
                                  double            clearance)
{
  Candidate c = { feature, importance, order, x, y, clearance };

  g_return_if_fail (self != NULL);
  g_return_if_fail (BRI_IS_FEATURE (feature));

  if (x < 0 || x > self->width || y < 0 || y > self->height)
    return;

  g_array_append_val (self->candidates, c);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->importance != cb->importance)
    return ca->importance > cb->importance ? -1 : 1;
  return (ca->order > cb->order) - (ca->order < cb->order);
}

/* The halo against the text colour: light text (dark theme) gets a dark one. */
static void
set_halo_source (BriFeatureLabels *self,
                 cairo_t          *cr)
{
  const BriRgba *fg = &self->color;

  if (0.2126 * fg->red + 0.7152 * fg->green + 0.0722 * fg->blue > 0.5)
    cairo_set_source_rgba (cr, 0, 0, 0, 0.75);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
}

static const Sprite *
get_sprite (BriFeatureLabels *self,
            BriFeature       *feature)
{
  Sprite *sprite = g_hash_table_lookup (self->sprites, feature);
  PangoLayout *layout;
  PangoAttrList *attrs;
  cairo_t *cr;

  if (sprite != NULL)
    return sprite;

  /* Bounded: panning over a huge model must not grow it forever. */
  if (g_hash_table_size (self->sprites) > 1024)
    g_hash_table_remove_all (self->sprites);

  layout = bri_render_layout_new (self->context, bri_feature_get_name (feature));
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  sprite = g_new0 (Sprite, 1);
  sprite->layout = layout;
  pango_layout_get_pixel_size (layout, &sprite->width, &sprite->height);
  g_hash_table_insert (self->sprites, feature, sprite);

  if (self->vector)
    return sprite;

  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                (sprite->width + 2 * HALO) * self->scale,
                                                (sprite->height + 2 * HALO) * self->scale);
  cairo_surface_set_device_scale (sprite->surface, self->scale, self->scale);

  cr = cairo_create (sprite->surface);
  cairo_move_to (cr, HALO, HALO);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 3.0);
  set_halo_source (self, cr);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgba (cr, self->color.red, self->color.green, self->color.blue, self->color.alpha);
  cairo_fill (cr);
  cairo_destroy (cr);

  return sprite;
}

/* A name as text: the halo a stroked outline, the name itself glyphs, so
 * that a PDF's text can be searched and copied and an SVG's is text. */
static void
draw_text (BriFeatureLabels *self,
           cairo_t          *cr,
           const Sprite     *sprite,
           double            x,
           double            y)
{
  const BriRgba *fg = &self->color;
  BriRgba halo = 0.2126 * fg->red + 0.7152 * fg->green + 0.0722 * fg->blue > 0.5
                 ? (BriRgba) { 0, 0, 0, 0.75 } : (BriRgba) { 1, 1, 1, 0.85 };

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha);
  bri_render_show_layout (cr, sprite->layout, &halo, 3.0);
  cairo_restore (cr);
}

/**
 * bri_feature_labels_draw:
 *
 * Places the names asked for since bri_feature_labels_begin() and paints
 * them on @cr.
 *
 * Returns: the number of names drawn
 */
guint
bri_feature_labels_draw (BriFeatureLabels *self,
                         cairo_t          *cr)
{
  const BriLabelRect view = { 0, 0, self->width, self->height };
  const BriLabelRect *rects;
  const guint *placed;
  guint n_candidates, n_placed;

  g_return_val_if_fail (self != NULL, 0);

  g_array_set_size (self->shown, 0);
  g_array_sort (self->candidates, compare_candidates);
  n_candidates = MIN (self->candidates->len, MAX_CANDIDATES);

  for (guint i = 0; i < n_candidates; i++)
    {
      const Candidate *c = &g_array_index (self->candidates, Candidate, i);
      const Sprite *sprite = get_sprite (self, c->feature);
      double w = sprite->width, h = sprite->height, r = c->clearance;
      const BriLabelRect spots[] = {
        { c->x + r + 3, c->y - h / 2.0, w, h },   /* right */
        { c->x - r - 3 - w, c->y - h / 2.0, w, h },   /* left */
        { c->x - w / 2.0, c->y + r + 2, w, h },   /* below */
        { c->x - w / 2.0, c->y - r - 2 - h, w, h },   /* above */
      };

      bri_label_placer_add_choices (self->placer, i, c->importance, spots, G_N_ELEMENTS (spots), &view);
    }

  bri_label_placer_place (self->placer);
  placed = bri_label_placer_get_placed (self->placer, &n_placed);
  rects = bri_label_placer_get_placed_rects (self->placer, &n_placed);

  /* The most important come first: a cap on the count keeps those. */
  for (guint i = 0; i < MIN (n_placed, MAX_LABELS); i++)
    {
      BriFeature *feature = g_array_index (self->candidates, Candidate, placed[i]).feature;
      const Sprite *sprite = get_sprite (self, feature);
      Shown shown = { feature, rects[i] };

      if (sprite->surface != NULL)
        {
          /* On whole pixels, so that the image is copied, not resampled. */
          double x = round (rects[i].x) - HALO, y = round (rects[i].y) - HALO;

          cairo_set_source_surface (cr, sprite->surface, x, y);
          cairo_rectangle (cr, x, y, sprite->width + 2 * HALO, sprite->height + 2 * HALO);
          cairo_fill (cr);
        }
      else
        draw_text (self, cr, sprite, rects[i].x, rects[i].y);
      g_array_append_val (self->shown, shown);
    }

  return self->shown->len;
}

/**
 * bri_feature_labels_get_area:
 * @area: (out): where the text went, in widget coordinates
 *
 * Returns: whether the last frame drew @feature's name
 */
gboolean
bri_feature_labels_get_area (BriFeatureLabels *self,
                             BriFeature       *feature,
                             BriLabelRect     *area)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  for (guint i = 0; i < self->shown->len; i++)
    {
      const Shown *shown = &g_array_index (self->shown, Shown, i);

      if (shown->feature == feature)
        {
          *area = shown->area;
          return TRUE;
        }
    }
  return FALSE;
}
