/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for BriLabelPlacer: greedy, priority-ordered, overlap-free label
 * placement, with a choice of spots and obstacles to keep clear of. */

#include "config.h"

#include <math.h>

#include "bri-label-placer.h"

#define RECT(x, y, w, h) (&(BriLabelRect) { (x), (y), (w), (h) })

static void
assert_placed (BriLabelPlacer *placer,
               const guint    *expected,
               guint           n_expected)
{
  guint n_placed;
  const guint *placed = bri_label_placer_get_placed (placer, &n_placed);

  g_assert_cmpuint (n_placed, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpuint (placed[i], ==, expected[i]);
}

static void
test_rects (void)
{
  /* Edge to edge is not an overlap; padding turns it into one. */
  g_assert_false (bri_label_rect_overlaps (RECT (0, 0, 10, 10), RECT (10, 0, 10, 10), 0));
  g_assert_true (bri_label_rect_overlaps (RECT (0, 0, 10, 10), RECT (10, 0, 10, 10), 1));
  g_assert_true (bri_label_rect_overlaps (RECT (0, 0, 10, 10), RECT (9.5, 9.5, 1, 1), 0));
  g_assert_false (bri_label_rect_overlaps (RECT (0, 0, 10, 10), RECT (0, 12, 10, 10), 1.5));
  g_assert_true (bri_label_rect_overlaps (RECT (0, 0, 10, 10), RECT (0, 12, 10, 10), 2.5));
  /* One inside the other overlaps both ways round. */
  g_assert_true (bri_label_rect_overlaps (RECT (0, 0, 10, 10), RECT (2, 2, 1, 1), 0));
  g_assert_true (bri_label_rect_overlaps (RECT (2, 2, 1, 1), RECT (0, 0, 10, 10), 0));

  g_assert_true (bri_label_rect_contains (RECT (0, 0, 10, 10), RECT (0, 0, 10, 10)));
  g_assert_true (bri_label_rect_contains (RECT (0, 0, 10, 10), RECT (2, 3, 4, 5)));
  g_assert_false (bri_label_rect_contains (RECT (0, 0, 10, 10), RECT (8, 3, 4, 5)));
  g_assert_false (bri_label_rect_contains (RECT (0, 0, 10, 10), RECT (-1, 3, 4, 5)));
  g_assert_false (bri_label_rect_contains (RECT (2, 3, 4, 5), RECT (0, 0, 10, 10)));
}

static void
test_priority_wins (void)
{
  g_autoptr(BriLabelPlacer) placer = bri_label_placer_new (0);
  static const guint expected[] = { 2, 1 };

  /* 3 collides with 2, the most important, and loses although it comes
   * before 1; 1 is clear of 2 and stays. */
  bri_label_placer_add (placer, 1, 10.0, RECT (0, 0, 20, 10), NULL);
  bri_label_placer_add (placer, 2, 50.0, RECT (25, 0, 20, 10), NULL);
  bri_label_placer_add (placer, 3, 30.0, RECT (40, 5, 20, 10), NULL);

  g_assert_cmpuint (bri_label_placer_place (placer), ==, 2);
  assert_placed (placer, expected, G_N_ELEMENTS (expected));
  g_assert_true (bri_label_placer_is_placed (placer, 1));
  g_assert_true (bri_label_placer_is_placed (placer, 2));
  g_assert_false (bri_label_placer_is_placed (placer, 3));
}

static void
test_chain (void)
{
  g_autoptr(BriLabelPlacer) placer = bri_label_placer_new (0);
  static const guint expected[] = { 10, 12, 14 };

  /* A row of labels each overlapping its neighbours: greedy keeps every
   * other one, starting from the most important. */
  for (guint i = 0; i < 5; i++)
    bri_label_placer_add (placer, 10 + i, 100.0 - i, RECT (i * 15.0, 0, 20, 10), NULL);

  g_assert_cmpuint (bri_label_placer_place (placer), ==, 3);
  assert_placed (placer, expected, G_N_ELEMENTS (expected));
}

static void
test_ties_keep_order (void)
{
  g_autoptr(BriLabelPlacer) placer = bri_label_placer_new (0);
  static const guint first[] = { 7 };
  static const guint second[] = { 5 };

  bri_label_placer_add (placer, 7, 1.0, RECT (0, 0, 10, 10), NULL);
  bri_label_placer_add (placer, 5, 1.0, RECT (5, 5, 10, 10), NULL);
  bri_label_placer_place (placer);
  assert_placed (placer, first, 1);

  /* Reusing the placer: clear forgets the previous round entirely. */
  bri_label_placer_clear (placer);
  g_assert_cmpuint (bri_label_placer_get_n_candidates (placer), ==, 0);
  bri_label_placer_add (placer, 5, 1.0, RECT (5, 5, 10, 10), NULL);
  bri_label_placer_add (placer, 7, 1.0, RECT (0, 0, 10, 10), NULL);
  bri_label_placer_place (placer);
  assert_placed (placer, second, 1);
}

static void
test_padding (void)
{
  g_autoptr(BriLabelPlacer) tight = bri_label_placer_new (0);
  g_autoptr(BriLabelPlacer) loose = bri_label_placer_new (4);

  g_assert_cmpfloat (bri_label_placer_get_padding (loose), ==, 4.0);
  for (guint i = 0; i < 4; i++)
    {
      bri_label_placer_add (tight, i, 1.0, RECT (i * 12.0, 0, 10, 10), NULL);
      bri_label_placer_add (loose, i, 1.0, RECT (i * 12.0, 0, 10, 10), NULL);
    }

  /* 2 units apart: fine without padding, too close with 4. */
  g_assert_cmpuint (bri_label_placer_place (tight), ==, 4);
  g_assert_cmpuint (bri_label_placer_place (loose), ==, 2);
  g_assert_true (bri_label_placer_is_placed (loose, 0));
  g_assert_false (bri_label_placer_is_placed (loose, 1));
  g_assert_true (bri_label_placer_is_placed (loose, 2));
}

static void
test_container (void)
{
  g_autoptr(BriLabelPlacer) placer = bri_label_placer_new (2);
  static const guint expected[] = { 2, 3 };

  /* A label wider than its country is dropped even when it is the most
   * important, and then blocks nothing: 3 overlaps where 1 would have been. */
  bri_label_placer_add (placer, 1, 90.0, RECT (0, 0, 40, 10), RECT (5, -5, 30, 20));
  bri_label_placer_add (placer, 2, 50.0, RECT (100, 0, 40, 10), RECT (90, -10, 60, 30));
  bri_label_placer_add (placer, 3, 10.0, RECT (10, 0, 20, 10), RECT (0, -10, 40, 30));

  g_assert_cmpuint (bri_label_placer_place (placer), ==, 2);
  assert_placed (placer, expected, G_N_ELEMENTS (expected));
}

static void
test_invalid_ignored (void)
{
  g_autoptr(BriLabelPlacer) placer = bri_label_placer_new (0);
  static const guint expected[] = { 3, 4 };

  bri_label_placer_add (placer, 1, 5.0, RECT (NAN, 0, 10, 10), NULL);
  bri_label_placer_add (placer, 2, 5.0, RECT (0, 0, INFINITY, 10), NULL);
  bri_label_placer_add (placer, 5, 5.0, RECT (0, 0, 10, 10), RECT (0, 0, NAN, 10));
  bri_label_placer_add (placer, 6, 5.0, RECT (0, 0, -1, 10), NULL);
  g_assert_cmpuint (bri_label_placer_get_n_candidates (placer), ==, 0);

  /* A NaN priority sorts last instead of scrambling the order. */
  bri_label_placer_add (placer, 4, NAN, RECT (0, 0, 10, 10), NULL);
  bri_label_placer_add (placer, 3, 1.0, RECT (20, 0, 10, 10), NULL);
  g_assert_cmpuint (bri_label_placer_place (placer), ==, 2);
  assert_placed (placer, expected, G_N_ELEMENTS (expected));
}

static void
test_empty (void)
{
  g_autoptr(BriLabelPlacer) placer = bri_label_placer_new (3);
  guint n_placed = 99;

  g_assert_cmpuint (bri_label_placer_place (placer), ==, 0);
  bri_label_placer_get_placed (placer, &n_placed);
  g_assert_cmpuint (n_placed, ==, 0);
  g_assert_false (bri_label_placer_is_placed (placer, 0));
}

static void
test_many_no_overlap (void)
{
  g_autoptr(BriLabelPlacer) placer = bri_label_placer_new (3);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  BriLabelRect rects[400];
  double priorities[400];
  const guint *placed;
  guint n_placed;

  for (guint i = 0; i < G_N_ELEMENTS (rects); i++)
    {
      rects[i] = (BriLabelRect) {
        g_rand_double_range (rand, 0, 1200), g_rand_double_range (rand, 0, 800),
        g_rand_double_range (rand, 20, 120), g_rand_double_range (rand, 12, 30),
      };
      priorities[i] = g_rand_double (rand);
      bri_label_placer_add (placer, i, priorities[i], &rects[i], NULL);
    }

  g_assert_cmpuint (bri_label_placer_place (placer), >, 10);
  placed = bri_label_placer_get_placed (placer, &n_placed);

  /* No two placed labels come closer than the padding, they come out by
   * falling priority, and every label left out collides with a placed one
   * at least as important (otherwise greedy would have taken it). */
  for (guint i = 0; i < n_placed; i++)
    {
      if (i > 0)
        g_assert_cmpfloat (priorities[placed[i - 1]], >=, priorities[placed[i]]);
      for (guint j = i + 1; j < n_placed; j++)
        g_assert_false (bri_label_rect_overlaps (&rects[placed[i]], &rects[placed[j]], 3));
    }

  for (guint k = 0; k < G_N_ELEMENTS (rects); k++)
    {
      gboolean blocked = FALSE;

      if (bri_label_placer_is_placed (placer, k))
        continue;
      for (guint i = 0; i < n_placed && !blocked; i++)
        blocked = priorities[placed[i]] >= priorities[k] &&
                  bri_label_rect_overlaps (&rects[placed[i]], &rects[k], 3);
      g_assert_true (blocked);
    }
}

static void
assert_rect (const BriLabelRect *rect,
             double              x,
             double              y,
             double              width,
             double              height)
{
  g_assert_cmpfloat (rect->x, ==, x);
  g_assert_cmpfloat (rect->y, ==, y);
  g_assert_cmpfloat (rect->width, ==, width);
  g_assert_cmpfloat (rect->height, ==, height);
}

static void
test_choices (void)
{
  g_autoptr(BriLabelPlacer) placer = bri_label_placer_new (0);
  static const guint expected[] = { 1, 2, 4 };
  const BriLabelRect right_then_left[] = { { 20, 0, 30, 10 }, { -40, 0, 30, 10 } };
  const BriLabelRect blocked_both[] = { { 25, 5, 10, 10 }, { -30, 5, 10, 10 } };
  const BriLabelRect outside_then_below[] = { { 200, 0, 30, 10 }, { NAN, 0, 1, 1 }, { 60, 20, 30, 10 } };
  const BriLabelRect *rects;
  guint n;

  /* 1 takes the right; 2 finds its first spot taken and goes left; 3 has
   * both of its spots taken; 4's first spot is outside the container and
   * its NaN spot is skipped. */
  bri_label_placer_add (placer, 1, 90.0, RECT (20, 0, 30, 10), NULL);
  bri_label_placer_add_choices (placer, 2, 50.0, right_then_left, G_N_ELEMENTS (right_then_left), NULL);
  bri_label_placer_add_choices (placer, 3, 40.0, blocked_both, G_N_ELEMENTS (blocked_both), NULL);
  bri_label_placer_add_choices (placer, 4, 30.0, outside_then_below, G_N_ELEMENTS (outside_then_below),
                                RECT (0, 0, 100, 100));
  /* With no finite spot there is no candidate. */
  bri_label_placer_add_choices (placer, 5, 99.0, RECT (NAN, 0, 1, 1), 1, NULL);
  bri_label_placer_add_choices (placer, 6, 99.0, NULL, 0, NULL);
  g_assert_cmpuint (bri_label_placer_get_n_candidates (placer), ==, 4);

  g_assert_cmpuint (bri_label_placer_place (placer), ==, 3);
  assert_placed (placer, expected, G_N_ELEMENTS (expected));
  rects = bri_label_placer_get_placed_rects (placer, &n);
  g_assert_cmpuint (n, ==, 3);
  assert_rect (&rects[0], 20, 0, 30, 10);
  assert_rect (&rects[1], -40, 0, 30, 10);
  assert_rect (&rects[2], 60, 20, 30, 10);
}

static void
test_obstacles (void)
{
  g_autoptr(BriLabelPlacer) placer = bri_label_placer_new (2);
  const BriLabelRect beside_marker[] = { { 11, 0, 20, 10 }, { 13, 0, 20, 10 } };
  static const guint first[] = { 2 };
  static const guint second[] = { 1, 2 };
  const BriLabelRect *rects;
  guint n;

  /* A marker at 0–10: a label 1 unit off is inside the padding, one 3
   * units off is clear; a label over the marker goes nowhere. */
  bri_label_placer_add_obstacle (placer, RECT (0, 0, 10, 10));
  bri_label_placer_add_obstacle (placer, RECT (NAN, 0, 10, 10));
  bri_label_placer_add (placer, 1, 9.0, RECT (2, 2, 5, 5), NULL);
  bri_label_placer_add_choices (placer, 2, 5.0, beside_marker, G_N_ELEMENTS (beside_marker), NULL);
  g_assert_cmpuint (bri_label_placer_place (placer), ==, 1);
  assert_placed (placer, first, G_N_ELEMENTS (first));
  rects = bri_label_placer_get_placed_rects (placer, &n);
  assert_rect (&rects[0], 13, 0, 20, 10);

  /* Obstacles stay from round to round, and more may come; the labels
   * of the last round are no obstacles to the next. */
  bri_label_placer_add_obstacle (placer, RECT (-100, -100, 1, 1));
  g_assert_cmpuint (bri_label_placer_place (placer), ==, 1);
  assert_placed (placer, first, G_N_ELEMENTS (first));

  /* Until cleared: then the nearer spot is free. */
  bri_label_placer_clear (placer);
  bri_label_placer_add (placer, 1, 9.0, RECT (2, 2, 5, 5), NULL);
  bri_label_placer_add_choices (placer, 2, 5.0, beside_marker, G_N_ELEMENTS (beside_marker), NULL);
  g_assert_cmpuint (bri_label_placer_place (placer), ==, 2);
  assert_placed (placer, second, G_N_ELEMENTS (second));
  rects = bri_label_placer_get_placed_rects (placer, &n);
  assert_rect (&rects[1], 11, 0, 20, 10);
}

static void
test_segment_obstacle (void)
{
  g_autoptr(BriLabelPlacer) placer = bri_label_placer_new (1);

  /* The diagonal from (0, 0) to (100, 100), 2 units either side, plus 1
   * of padding: a label must stay 3 units from the line. */
  bri_label_placer_add_obstacle_segment (placer, 0, 0, 100, 100, 2);
  bri_label_placer_add_obstacle_segment (placer, 0, NAN, 100, 100, 2);
  bri_label_placer_add_obstacle_segment (placer, 0, 0, 100, 100, -1);

  /* Inside the line's bounding box but well off the line: free. */
  bri_label_placer_add (placer, 1, 1.0, RECT (60, 10, 20, 10), NULL);
  /* Across the line. */
  bri_label_placer_add (placer, 2, 1.0, RECT (45, 45, 10, 10), NULL);
  /* Its corner (31, 29) is 1.4 units from the line. */
  bri_label_placer_add (placer, 3, 1.0, RECT (31, 19, 10, 10), NULL);
  /* Its corner (25, 19) is 4.2 units away. */
  bri_label_placer_add (placer, 4, 1.0, RECT (25, 9, 10, 10), NULL);
  /* Past the end: the band reaches 3 units beyond (100, 100). */
  bri_label_placer_add (placer, 5, 1.0, RECT (102, 102, 5, 5), NULL);
  bri_label_placer_add (placer, 6, 1.0, RECT (104, 104, 5, 5), NULL);

  bri_label_placer_place (placer);
  g_assert_true (bri_label_placer_is_placed (placer, 1));
  g_assert_false (bri_label_placer_is_placed (placer, 2));
  g_assert_false (bri_label_placer_is_placed (placer, 3));
  g_assert_true (bri_label_placer_is_placed (placer, 4));
  g_assert_false (bri_label_placer_is_placed (placer, 5));
  g_assert_true (bri_label_placer_is_placed (placer, 6));

  /* A segment of no length is a point with a square around it. */
  bri_label_placer_clear (placer);
  bri_label_placer_add_obstacle_segment (placer, 50, 50, 50, 50, 4);
  bri_label_placer_add (placer, 1, 1.0, RECT (52, 40, 10, 20), NULL);
  bri_label_placer_add (placer, 2, 1.0, RECT (56, 40, 10, 20), NULL);
  bri_label_placer_place (placer);
  g_assert_false (bri_label_placer_is_placed (placer, 1));
  g_assert_true (bri_label_placer_is_placed (placer, 2));
}

/* What the placer must do, the slow and plain way: every spot against
 * every obstacle and every label placed so far. */
typedef struct
{
  double       priority;
  BriLabelRect spots[4];
} Spec;

static void
place_by_scan (const Spec         *specs,
               guint               n_specs,
               const BriLabelRect *obstacles,
               guint               n_obstacles,
               const BriLabelRect *container,
               double              padding,
               GArray             *placed,
               GArray             *placed_rects)
{
  g_autofree guint *order = g_new (guint, n_specs);

  for (guint i = 0; i < n_specs; i++)
    order[i] = i;
  /* Insertion sort, stable: equal priorities keep their order. */
  for (guint i = 1; i < n_specs; i++)
    for (guint j = i; j > 0 && specs[order[j - 1]].priority < specs[order[j]].priority; j--)
      {
        guint t = order[j];

        order[j] = order[j - 1];
        order[j - 1] = t;
      }

  for (guint i = 0; i < n_specs; i++)
    for (guint s = 0; s < G_N_ELEMENTS (specs[order[i]].spots); s++)
      {
        const BriLabelRect *spot = &specs[order[i]].spots[s];
        gboolean free_spot = bri_label_rect_contains (container, spot);

        for (guint k = 0; k < n_obstacles && free_spot; k++)
          free_spot = !bri_label_rect_overlaps (&obstacles[k], spot, padding);
        for (guint k = 0; k < placed_rects->len && free_spot; k++)
          free_spot = !bri_label_rect_overlaps (&g_array_index (placed_rects, BriLabelRect, k), spot, padding);
        if (free_spot)
          {
            g_array_append_val (placed, order[i]);
            g_array_append_val (placed_rects, *spot);
            break;
          }
      }
}

/* The grid that speeds rounds up changes nothing: thousands of markers,
 * hundreds of names with four spots each, far obstacles and big ones,
 * checked against the plain scan. */
static void
test_same_as_scan (void)
{
  g_autoptr(BriLabelPlacer) placer = bri_label_placer_new (2);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) placed_rects = g_array_new (FALSE, FALSE, sizeof (BriLabelRect));
  g_autofree BriLabelRect *obstacles = g_new (BriLabelRect, 3000);
  g_autofree Spec *specs = g_new (Spec, 400);
  const BriLabelRect container = { 0, 0, 1280, 800 };
  const guint *ids;
  const BriLabelRect *rects;
  guint n;

  for (guint i = 0; i < 3000; i++)
    {
      double x = g_rand_double_range (rand, -200, 1500), y = g_rand_double_range (rand, -200, 1000);

      obstacles[i] = i % 500 == 0 ? (BriLabelRect) { x * 1000, y, 10, 10 }   /* far off */
                   : i % 700 == 1 ? (BriLabelRect) { x - 300, y - 100, 600, 40 }
                   : (BriLabelRect) { x, y, 6, 6 };
      bri_label_placer_add_obstacle (placer, &obstacles[i]);
    }

  for (guint i = 0; i < 400; i++)
    {
      double x = g_rand_double_range (rand, 0, 1280), y = g_rand_double_range (rand, 0, 800);
      double w = g_rand_double_range (rand, 20, 90), h = 14;

      specs[i].priority = g_rand_int_range (rand, 0, 6);
      specs[i].spots[0] = (BriLabelRect) { x + 8, y - h / 2, w, h };
      specs[i].spots[1] = (BriLabelRect) { x - 8 - w, y - h / 2, w, h };
      specs[i].spots[2] = (BriLabelRect) { x - w / 2, y + 8, w, h };
      specs[i].spots[3] = (BriLabelRect) { x - w / 2, y - 8 - h, w, h };
      bri_label_placer_add_choices (placer, i, specs[i].priority, specs[i].spots, 4, &container);
    }

  place_by_scan (specs, 400, obstacles, 3000, &container, 2, placed, placed_rects);
  g_assert_cmpuint (placed->len, >, 20);

  g_assert_cmpuint (bri_label_placer_place (placer), ==, placed->len);
  ids = bri_label_placer_get_placed (placer, &n);
  rects = bri_label_placer_get_placed_rects (placer, &n);
  for (guint i = 0; i < n; i++)
    {
      const BriLabelRect *expected = &g_array_index (placed_rects, BriLabelRect, i);

      g_assert_cmpuint (ids[i], ==, g_array_index (placed, guint, i));
      assert_rect (&rects[i], expected->x, expected->y, expected->width, expected->height);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/label-placer/rects", test_rects);
  g_test_add_func ("/bri/label-placer/priority-wins", test_priority_wins);
  g_test_add_func ("/bri/label-placer/chain", test_chain);
  g_test_add_func ("/bri/label-placer/ties-keep-order", test_ties_keep_order);
  g_test_add_func ("/bri/label-placer/padding", test_padding);
  g_test_add_func ("/bri/label-placer/container", test_container);
  g_test_add_func ("/bri/label-placer/invalid-ignored", test_invalid_ignored);
  g_test_add_func ("/bri/label-placer/empty", test_empty);
  g_test_add_func ("/bri/label-placer/many-no-overlap", test_many_no_overlap);
  g_test_add_func ("/bri/label-placer/choices", test_choices);
  g_test_add_func ("/bri/label-placer/obstacles", test_obstacles);
  g_test_add_func ("/bri/label-placer/segment-obstacle", test_segment_obstacle);
  g_test_add_func ("/bri/label-placer/same-as-scan", test_same_as_scan);

  return g_test_run ();
}
