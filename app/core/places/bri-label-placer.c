/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriLabelPlacer: greedy label placement, most important first. A map
 * redraws its labels every frame, so the placer keeps its arrays between
 * rounds (bri_label_placer_clear() only empties them). */

#define G_LOG_DOMAIN "bri-label-placer"

#include "config.h"

#include <math.h>

#include "bri-label-placer.h"

typedef struct
{
  guint        id;
  guint        order;        /* insertion order: breaks ties in priority */
  double       priority;
  BriLabelRect rect;
  BriLabelRect container;
  gboolean     has_container;
} Candidate;

struct _BriLabelPlacer
{
  double  padding;
  GArray *candidates;   /* of Candidate */
  GArray *taken;        /* of BriLabelRect, the rectangles placed so far */
  GArray *placed;       /* of guint, ids in the order they were placed */
};

/**
 * bri_label_placer_new:
 * @padding: the smallest gap kept between two labels, in the unit of the
 *   rectangles
 *
 * Returns: (transfer full): a placer with no candidates
 */
BriLabelPlacer *
bri_label_placer_new (double padding)
{
  BriLabelPlacer *self;

  g_return_val_if_fail (padding >= 0.0, NULL);

  self = g_new0 (BriLabelPlacer, 1);
  self->padding = padding;
  self->candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  self->taken = g_array_new (FALSE, FALSE, sizeof (BriLabelRect));
  self->placed = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

void
bri_label_placer_free (BriLabelPlacer *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->candidates);
  g_array_unref (self->taken);
  g_array_unref (self->placed);
  g_free (self);
}

double
bri_label_placer_get_padding (BriLabelPlacer *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->padding;
}

/* Forgets the candidates and the result of the last round. */
void
bri_label_placer_clear (BriLabelPlacer *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->candidates, 0);
  g_array_set_size (self->taken, 0);
  g_array_set_size (self->placed, 0);
}

guint
bri_label_placer_get_n_candidates (BriLabelPlacer *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->candidates->len;
}

static gboolean
rect_is_valid (const BriLabelRect *rect)
{
  return isfinite (rect->x) && isfinite (rect->y) &&
         isfinite (rect->width) && isfinite (rect->height) &&
         rect->width >= 0.0 && rect->height >= 0.0;
}

/**
 * bri_label_placer_add:
 * @id: the caller's name for the label, reported back by
 *   bri_label_placer_get_placed()
 * @priority: higher goes first; equal priorities go in the order added
 * @rect: where the label would be drawn
 * @container: (nullable): the area the label must stay inside (the
 *   country it names), or %NULL
 *
 * Adds a candidate for the next bri_label_placer_place(). A rectangle that
 * is not finite is ignored, so that a label projected from a degenerate
 * view never poisons the round.
 */
void
bri_label_placer_add (BriLabelPlacer     *self,
                      guint               id,
                      double              priority,
                      const BriLabelRect *rect,
                      const BriLabelRect *container)
{
  Candidate c = { 0, };

  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);

  if (!rect_is_valid (rect) || (container != NULL && !rect_is_valid (container)))
    return;

  c.id = id;
  c.order = self->candidates->len;
  c.priority = isfinite (priority) ? priority : -G_MAXDOUBLE;
  c.rect = *rect;
  if (container != NULL)
    {
      c.container = *container;
      c.has_container = TRUE;
    }
  g_array_append_val (self->candidates, c);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->priority != cb->priority)
    return ca->priority > cb->priority ? -1 : 1;
  return (ca->order > cb->order) - (ca->order < cb->order);
}

/* Touching is not overlapping: labels laid edge to edge with no padding
 * are both kept. */
gboolean
bri_label_rect_overlaps (const BriLabelRect *a,
                         const BriLabelRect *b,
                         double              padding)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->x < b->x + b->width + padding &&
         b->x < a->x + a->width + padding &&
         a->y < b->y + b->height + padding &&
         b->y < a->y + a->height + padding;
}

gboolean
bri_label_rect_contains (const BriLabelRect *outer,
                         const BriLabelRect *inner)
{
  g_return_val_if_fail (outer != NULL && inner != NULL, FALSE);

  return inner->x >= outer->x &&
         inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

/**
 * bri_label_placer_place:
 *
 * Runs one round over the candidates added since the last
 * bri_label_placer_clear(): by priority, a label is placed when it fits in
 * its container and keeps the padding from every label placed before it.
 *
 * Returns: the number of labels placed
 */
guint
bri_label_placer_place (BriLabelPlacer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  g_array_set_size (self->taken, 0);
  g_array_set_size (self->placed, 0);

  /* Sorting in place is fine: the round's result is all that is kept. */
  g_array_sort (self->candidates, compare_candidates);

  for (guint i = 0; i < self->candidates->len; i++)
    {
      const Candidate *c = &g_array_index (self->candidates, Candidate, i);
      gboolean free_spot = TRUE;

      if (c->has_container && !bri_label_rect_contains (&c->container, &c->rect))
        continue;

      /* A few hundred labels at most: a linear scan beats any index. */
      for (guint j = 0; j < self->taken->len && free_spot; j++)
        free_spot = !bri_label_rect_overlaps (&g_array_index (self->taken, BriLabelRect, j),
                                              &c->rect, self->padding);
      if (!free_spot)
        continue;

      g_array_append_val (self->taken, c->rect);
      g_array_append_val (self->placed, c->id);
    }

  return self->placed->len;
}

/**
 * bri_label_placer_get_placed:
 * @n_placed: (out): the length of the returned array
 *
 * Returns: (array length=n_placed) (transfer none): the ids placed by the
 *   last round, most important first; valid until the placer changes
 */
const guint *
bri_label_placer_get_placed (BriLabelPlacer *self,
                             guint          *n_placed)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_placed != NULL, NULL);

  *n_placed = self->placed->len;
  return (const guint *) self->placed->data;
}

gboolean
bri_label_placer_is_placed (BriLabelPlacer *self,
                            guint           id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->placed->len; i++)
    if (g_array_index (self->placed, guint, i) == id)
      return TRUE;
  return FALSE;
}
