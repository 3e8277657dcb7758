/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The style table covers every kind: a colour, a width, a symbol, a
 * place in the drawing order; and each symbol really draws. */

#include "config.h"

#include "bri-feature-style-private.h"

static void
test_every_kind_has_a_row (void)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  for (BriFeatureKind kind = 0; kind < BRI_FEATURE_N_KINDS; kind++)
    {
      const BriFeatureStyleRow *row = bri_feature_style_get_row (kind);
      BriRgba colour = { 0, };

      g_test_message ("kind %u: %s", kind, bri_feature_kind_to_string (kind));
      g_assert_nonnull (row);

      bri_feature_style_get_color (kind, BRI_TILE_STYLE_LIGHT, &colour);
      g_assert_cmpfloat (colour.alpha, >, 0.0);
      g_assert_cmpfloat (row->alpha, >, 0.0);
      g_assert_cmpfloat (row->alpha, <=, 1.0);
      /* Two kinds of one colour could not be told apart on the map. */
      g_assert_true (g_hash_table_add (colours, GUINT_TO_POINTER (row->rgb)));

      g_assert_cmpfloat (row->width, >, 0.0);
      g_assert_nonnull (row->symbol);
      g_assert_nonnull (row->paint_line);
      g_assert_cmpint (bri_feature_style_get_importance (kind, BRI_PRECISION_EXACT), >,
                       bri_feature_style_get_importance (kind, BRI_PRECISION_TOWN));

      /* Solid, or a real pattern; and a schematic line is always dashed. */
      g_assert_true ((row->dash.segments == NULL) == (row->dash.n_segments == 0));
      g_assert_nonnull (row->schematic_dash.segments);
      g_assert_cmpuint (row->schematic_dash.n_segments, >=, 2);
    }
}

static void
test_line_order (void)
{
  g_autoptr(GHashTable) ranks = g_hash_table_new (NULL, NULL);
  guint n_kinds = 0;
  const BriFeatureKind *order = bri_feature_style_get_line_order (&n_kinds);

  /* Two kinds of one draw rank would be stacked in an order nobody
   * chose.  (That the order is the ranks sorted, core's test checks.) */
  for (BriFeatureKind kind = 0; kind < BRI_FEATURE_N_KINDS; kind++)
    g_assert_true (g_hash_table_add (ranks, GINT_TO_POINTER (bri_feature_style_get_row (kind)->draw_rank)));

  /* The wide translucent corridor bands go under everything, the ports
   * over everything. */
  g_assert_cmpuint (n_kinds, ==, BRI_FEATURE_N_KINDS);
  g_assert_cmpint (order[0], ==, BRI_FEATURE_KIND_CORRIDOR);
  g_assert_cmpint (order[n_kinds - 1], ==, BRI_FEATURE_KIND_PORT);
}

static guint
count_painted (cairo_surface_t *surface)
{
  const guint32 *data;
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  guint painted = 0;

  cairo_surface_flush (surface);
  data = (const guint32 *) (gconstpointer) cairo_image_surface_get_data (surface);
  for (int i = 0; i < w * h; i++)
    painted += (data[i] >> 24) > 0;

  return painted;
}

/* Each kind's symbol puts ink in its box, and the symbols differ. */
static void
test_symbols_draw (void)
{
  g_autoptr(GHashTable) shapes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);

  for (BriFeatureKind kind = 0; kind < BRI_FEATURE_N_KINDS; kind++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 24, 24);
      cairo_t *cr = cairo_create (surface);
      const guint32 *data;
      char *shape;

      cairo_set_source_rgba (cr, 0, 0, 0, 1);
      bri_feature_style_draw_symbol (cr, kind, 12, 12, 10);
      g_assert_cmpuint (count_painted (surface), >, 30);

      data = (const guint32 *) (gconstpointer) cairo_image_surface_get_data (surface);
      shape = g_strnfill (24 * 24, '.');
      for (int i = 0; i < 24 * 24; i++)
        if ((data[i] >> 24) > 0x80)
          shape[i] = '#';
      if (!g_hash_table_add (shapes, shape))
        g_error ("kind %s draws the same symbol as another kind", bri_feature_kind_to_string (kind));
      g_ptr_array_add (keep, shape);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* Every kind's line painter strokes, at every precision and state. */
static void
test_lines_draw (void)
{
  for (BriFeatureKind kind = 0; kind < BRI_FEATURE_N_KINDS; kind++)
    for (BriPrecision precision = BRI_PRECISION_EXACT; precision <= BRI_PRECISION_FLIGHT_PATH; precision++)
      for (BriFeatureState state = BRI_FEATURE_STATE_NORMAL; state <= BRI_FEATURE_STATE_SELECTED; state++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 80, 30);
          cairo_t *cr = cairo_create (surface);

          cairo_move_to (cr, 5, 15);
          cairo_line_to (cr, 75, 15);
          bri_feature_style_stroke_path (cr, kind, precision, state, BRI_TILE_STYLE_LIGHT);
          g_assert_false (cairo_has_current_point (cr));
          g_assert_cmpuint (count_painted (surface), >, 40);

          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
}

int
main (int   argc,
      char *argv[])
{
  /* Only cairo: no display needed. */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/feature-style/every-kind-has-a-row", test_every_kind_has_a_row);
  g_test_add_func ("/bri/feature-style/line-order", test_line_order);
  g_test_add_func ("/bri/feature-style/symbols-draw", test_symbols_draw);
  g_test_add_func ("/bri/feature-style/lines-draw", test_lines_draw);

  return g_test_run ();
}
