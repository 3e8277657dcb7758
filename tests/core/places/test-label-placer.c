/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for BriLabelPlacer: greedy, priority-ordered, overlap-free label
 * placement. */

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

  return g_test_run ();
}
