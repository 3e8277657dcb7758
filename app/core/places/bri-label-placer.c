/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriLabelPlacer: greedy label placement, most important first. A map
 * redraws its labels every frame, so the placer keeps its arrays between
 * rounds (bri_label_placer_clear() only empties them).
 *
 * A frame may hold thousands of obstacles (every marker of a dense map),
 * so a round files what is taken in a coarse grid over the candidates and
 * tests a spot only against what shares its cells. */

#define G_LOG_DOMAIN "bri-label-placer"

#include "config.h"

#include <math.h>

#include "bri-label-placer.h"

/* Cells along the longer side of the grid: a screen's labels and markers
 * then touch one to a few cells each. */
#define GRID_MAX_CELLS 32

#define NO_ENTRY G_MAXUINT

typedef struct
{
  guint        id;
  guint        order;        /* insertion order: breaks ties in priority */
  double       priority;
  guint        first_choice; /* into choices */
  guint        n_choices;
  BriLabelRect container;
  gboolean     has_container;
} Candidate;

/* What a spot must keep clear of: a rectangle, or a segment with a width. */
typedef struct
{
  BriLabelRect box;          /* the rectangle, or the segment's band's box */
  double       x1, y1, x2, y2;
  double       half_width;
  gboolean     is_segment;
  guint        stamp;        /* the last spot tested against it */
} Shape;

typedef struct
{
  guint shape;
  guint next;
} Entry;

struct _BriLabelPlacer
{
  double  padding;
  GArray *candidates;   /* of Candidate */
  GArray *choices;      /* of BriLabelRect, each candidate's in a row */
  GArray *shapes;       /* of Shape: the obstacles, then the labels placed */
  guint   n_obstacles;
  GArray *placed;       /* of guint, ids in the order they were placed */
  GArray *placed_rects; /* of BriLabelRect, where each of them went */

  /* The round's grid: cell (c, r) lists its shapes from heads[r * columns + c]. */
  double  grid_x;
  double  grid_y;
  double  cell;
  int     columns;
  int     rows;
  GArray *heads;        /* of guint, into entries */
  GArray *entries;      /* of Entry */
  guint   stamp;
};

/**
 * bri_label_placer_new:
 * @padding: the smallest gap kept between two labels, and between a label
 *   and an obstacle, in the unit of the rectangles
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
  self->choices = g_array_new (FALSE, FALSE, sizeof (BriLabelRect));
  self->shapes = g_array_new (FALSE, FALSE, sizeof (Shape));
  self->placed = g_array_new (FALSE, FALSE, sizeof (guint));
  self->placed_rects = g_array_new (FALSE, FALSE, sizeof (BriLabelRect));
  self->heads = g_array_new (FALSE, FALSE, sizeof (guint));
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  return self;
}

void
bri_label_placer_free (BriLabelPlacer *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->candidates);
  g_array_unref (self->choices);
  g_array_unref (self->shapes);
  g_array_unref (self->placed);
  g_array_unref (self->placed_rects);
  g_array_unref (self->heads);
  g_array_unref (self->entries);
  g_free (self);
}

double
bri_label_placer_get_padding (BriLabelPlacer *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->padding;
}

/* Forgets the candidates, the obstacles and the result of the last round. */
void
bri_label_placer_clear (BriLabelPlacer *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->candidates, 0);
  g_array_set_size (self->choices, 0);
  g_array_set_size (self->shapes, 0);
  self->n_obstacles = 0;
  g_array_set_size (self->placed, 0);
  g_array_set_size (self->placed_rects, 0);
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
  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);

  bri_label_placer_add_choices (self, id, priority, rect, 1, container);
}

/**
 * bri_label_placer_add_choices:
 * @id: the caller's name for the label
 * @priority: higher goes first; equal priorities go in the order added
 * @rects: (array length=n_rects): the spots the label may take, the
 *   preferred first (right of a marker, then left, …)
 * @container: (nullable): the area every spot must stay inside, or %NULL
 *
 * Like bri_label_placer_add(), with a choice of spots: the label takes the
 * first that is free when its turn comes. Spots that are not finite are
 * ignored; a candidate left with none is not added.
 */
void
bri_label_placer_add_choices (BriLabelPlacer     *self,
                              guint               id,
                              double              priority,
                              const BriLabelRect *rects,
                              guint               n_rects,
                              const BriLabelRect *container)
{
  Candidate c = { 0, };

  g_return_if_fail (self != NULL);
  g_return_if_fail (rects != NULL || n_rects == 0);

  if (container != NULL && !rect_is_valid (container))
    return;

  c.first_choice = self->choices->len;
  for (guint i = 0; i < n_rects; i++)
    if (rect_is_valid (&rects[i]))
      {
        g_array_append_val (self->choices, rects[i]);
        c.n_choices++;
      }
  if (c.n_choices == 0)
    return;

  c.id = id;
  c.order = self->candidates->len;
  c.priority = isfinite (priority) ? priority : -G_MAXDOUBLE;
  if (container != NULL)
    {
      c.container = *container;
      c.has_container = TRUE;
    }
  g_array_append_val (self->candidates, c);
}

/* Obstacles go before the labels of the last round, which the next round
 * places anew. */
static void
add_obstacle_shape (BriLabelPlacer *self,
                    const Shape    *shape)
{
  g_array_set_size (self->shapes, self->n_obstacles);
  g_array_append_val (self->shapes, *shape);
  self->n_obstacles++;
}

/**
 * bri_label_placer_add_obstacle:
 * @rect: an area no label may come nearer than the padding to: a marker
 *
 * Obstacles stay until bri_label_placer_clear(); one that is not finite
 * is ignored.
 */
void
bri_label_placer_add_obstacle (BriLabelPlacer     *self,
                               const BriLabelRect *rect)
{
  Shape shape = { { 0, }, };

  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);

  if (!rect_is_valid (rect))
    return;

  shape.box = *rect;
  add_obstacle_shape (self, &shape);
}

/**
 * bri_label_placer_add_obstacle_segment:
 * @half_width: how far the obstacle reaches on either side of the segment
 *   (and past its ends: the band's ends are square)
 *
 * A stretch of a line that labels must keep off, such as a highlighted
 * route; judged against the segment itself, not its bounding box, so a
 * diagonal line leaves the corners beside it free.
 */
void
bri_label_placer_add_obstacle_segment (BriLabelPlacer *self,
                                       double          x1,
                                       double          y1,
                                       double          x2,
                                       double          y2,
                                       double          half_width)
{
  Shape shape = { { 0, }, };

  g_return_if_fail (self != NULL);

  if (!isfinite (x1) || !isfinite (y1) || !isfinite (x2) || !isfinite (y2) ||
      !isfinite (half_width) || half_width < 0.0)
    return;

  shape.is_segment = TRUE;
  shape.x1 = x1;
  shape.y1 = y1;
  shape.x2 = x2;
  shape.y2 = y2;
  shape.half_width = half_width;
  shape.box = (BriLabelRect) {
    MIN (x1, x2) - half_width, MIN (y1, y2) - half_width,
    fabs (x2 - x1) + 2 * half_width, fabs (y2 - y1) + 2 * half_width,
  };
  add_obstacle_shape (self, &shape);
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

/* Whether the segment passes through the inside of the box (x1, y1) –
 * (x2, y2), by separating axes: the box's two, then the segment's normal,
 * with all four corners on one side of the line meaning clear. */
static gboolean
segment_enters_box (const Shape *s,
                    double       x1,
                    double       y1,
                    double       x2,
                    double       y2)
{
  const double corners[4][2] = { { x1, y1 }, { x2, y1 }, { x1, y2 }, { x2, y2 } };
  double nx = s->y1 - s->y2, ny = s->x2 - s->x1;
  gboolean any_above = FALSE, any_below = FALSE;

  if (MAX (s->x1, s->x2) <= x1 || MIN (s->x1, s->x2) >= x2 ||
      MAX (s->y1, s->y2) <= y1 || MIN (s->y1, s->y2) >= y2)
    return FALSE;

  /* A segment of no length is a point, inside by the test above. */
  if (nx == 0.0 && ny == 0.0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      double side = nx * (corners[i][0] - s->x1) + ny * (corners[i][1] - s->y1);

      any_above |= side > 0.0;
      any_below |= side < 0.0;
    }
  return any_above && any_below;
}

static gboolean
shape_blocks (const Shape        *shape,
              const BriLabelRect *rect,
              double              padding)
{
  double grow;

  if (!shape->is_segment)
    return bri_label_rect_overlaps (&shape->box, rect, padding);

  grow = shape->half_width + padding;
  return segment_enters_box (shape, rect->x - grow, rect->y - grow,
                             rect->x + rect->width + grow, rect->y + rect->height + grow);
}

/* The cells a box touches; FALSE when it lies off the grid. */
static gboolean
grid_span (BriLabelPlacer     *self,
           const BriLabelRect *box,
           double              grow,
           int                *c1,
           int                *r1,
           int                *c2,
           int                *r2)
{
  /* In doubles first: a far box's cell number would overflow an int. */
  double fc1 = floor ((box->x - grow - self->grid_x) / self->cell);
  double fr1 = floor ((box->y - grow - self->grid_y) / self->cell);
  double fc2 = floor ((box->x + box->width + grow - self->grid_x) / self->cell);
  double fr2 = floor ((box->y + box->height + grow - self->grid_y) / self->cell);

  if (fc2 < 0 || fr2 < 0 || fc1 >= self->columns || fr1 >= self->rows)
    return FALSE;

  *c1 = (int) MAX (fc1, 0);
  *r1 = (int) MAX (fr1, 0);
  *c2 = (int) MIN (fc2, self->columns - 1);
  *r2 = (int) MIN (fr2, self->rows - 1);
  return TRUE;
}

static void
grid_insert (BriLabelPlacer *self,
             guint           shape_index)
{
  const Shape *shape = &g_array_index (self->shapes, Shape, shape_index);
  int c1, r1, c2, r2;

  if (!grid_span (self, &shape->box, 0.0, &c1, &r1, &c2, &r2))
    return;

  for (int r = r1; r <= r2; r++)
    for (int c = c1; c <= c2; c++)
      {
        guint *head = &g_array_index (self->heads, guint, r * self->columns + c);
        Entry entry = { shape_index, *head };

        *head = self->entries->len;
        g_array_append_val (self->entries, entry);
      }
}

/* A grid over every spot of every candidate, grown by the padding: what
 * lies outside cannot block any of them. */
static void
grid_build (BriLabelPlacer *self)
{
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  double width, height;

  for (guint i = 0; i < self->choices->len; i++)
    {
      const BriLabelRect *r = &g_array_index (self->choices, BriLabelRect, i);

      min_x = MIN (min_x, r->x);
      min_y = MIN (min_y, r->y);
      max_x = MAX (max_x, r->x + r->width);
      max_y = MAX (max_y, r->y + r->height);
    }

  self->grid_x = min_x - self->padding;
  self->grid_y = min_y - self->padding;
  width = max_x - min_x + 2 * self->padding;
  height = max_y - min_y + 2 * self->padding;
  self->cell = MAX (width, height) / GRID_MAX_CELLS;
  if (!(self->cell > 0.0))
    self->cell = 1.0;
  /* One more for rounding: the grid must cover the whole area. */
  self->columns = CLAMP ((int) ceil (width / self->cell), 1, GRID_MAX_CELLS) + 1;
  self->rows = CLAMP ((int) ceil (height / self->cell), 1, GRID_MAX_CELLS) + 1;

  g_array_set_size (self->heads, (guint) (self->columns * self->rows));
  for (guint i = 0; i < self->heads->len; i++)
    g_array_index (self->heads, guint, i) = NO_ENTRY;
  g_array_set_size (self->entries, 0);

  for (guint i = 0; i < self->n_obstacles; i++)
    grid_insert (self, i);
}

static gboolean
spot_is_free (BriLabelPlacer     *self,
              const BriLabelRect *rect)
{
  int c1, r1, c2, r2;

  if (!grid_span (self, rect, self->padding, &c1, &r1, &c2, &r2))
    return TRUE;

  /* A shape in several cells is tested once. */
  self->stamp++;
  for (int r = r1; r <= r2; r++)
    for (int c = c1; c <= c2; c++)
      for (guint e = g_array_index (self->heads, guint, r * self->columns + c);
           e != NO_ENTRY;
           e = g_array_index (self->entries, Entry, e).next)
        {
          Shape *shape = &g_array_index (self->shapes, Shape, g_array_index (self->entries, Entry, e).shape);

          if (shape->stamp == self->stamp)
            continue;
          shape->stamp = self->stamp;
          if (shape_blocks (shape, rect, self->padding))
            return FALSE;
        }

  return TRUE;
}

/**
 * bri_label_placer_place:
 *
 * Runs one round over the candidates added since the last
 * bri_label_placer_clear(): by priority, a label is placed at the first of
 * its spots that fits in its container and keeps the padding from every
 * obstacle and every label placed before it.
 *
 * Returns: the number of labels placed
 */
guint
bri_label_placer_place (BriLabelPlacer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  g_array_set_size (self->shapes, self->n_obstacles);
  g_array_set_size (self->placed, 0);
  g_array_set_size (self->placed_rects, 0);
  if (self->candidates->len == 0)
    return 0;

  /* Sorting in place is fine: the round's result is all that is kept. */
  g_array_sort (self->candidates, compare_candidates);
  grid_build (self);

  for (guint i = 0; i < self->candidates->len; i++)
    {
      const Candidate *c = &g_array_index (self->candidates, Candidate, i);

      for (guint k = 0; k < c->n_choices; k++)
        {
          const BriLabelRect *rect = &g_array_index (self->choices, BriLabelRect, c->first_choice + k);
          Shape taken = { { 0, }, };

          if ((c->has_container && !bri_label_rect_contains (&c->container, rect)) ||
              !spot_is_free (self, rect))
            continue;

          taken.box = *rect;
          g_array_append_val (self->shapes, taken);
          grid_insert (self, self->shapes->len - 1);
          g_array_append_val (self->placed, c->id);
          g_array_append_val (self->placed_rects, *rect);
          break;
        }
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

/**
 * bri_label_placer_get_placed_rects:
 * @n_placed: (out): the length of the returned array
 *
 * Returns: (array length=n_placed) (transfer none): the spot each label
 *   of bri_label_placer_get_placed() took, in the same order; valid until
 *   the placer changes
 */
const BriLabelRect *
bri_label_placer_get_placed_rects (BriLabelPlacer *self,
                                   guint          *n_placed)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_placed != NULL, NULL);

  *n_placed = self->placed_rects->len;
  return (const BriLabelRect *) self->placed_rects->data;
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
