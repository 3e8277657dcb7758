/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fitting in the real window: opening Kenya puts the whole country, the
 * Port of Mombasa and every vertex of the Mombasa–Nairobi railway where
 * the user sees them — on the map, and not under the legend (closed or
 * open), the zoom buttons, the scale or a side panel folded over the map
 * — at the smallest window size and a common laptop one.  Saves a
 * screenshot of each to $BRI_TEST_OUTPUT_DIR. */

#include "config.h"

#include <adwaita.h>

#include "bri-atlas.h"
#include "bri-legend.h"
#include "bri-map-view.h"
#include "bri-window.h"
#include "map-test-util.h"

static BriAtlas *atlas;

typedef struct
{
  const char *name;
  int         width;
  int         height;
  gboolean    open_legend;
  int         covered;    /* pixels of the map's left a side panel covers */
} Size;

/* The window does not fold its flap at these sizes (its header bar is
 * wider than the fold threshold), so a panel over the map is played by
 * telling the map what the window would tell it. */
static const Size sizes[] = {
  { "800x600", 800, 600, FALSE, 0 },
  { "1280x800", 1280, 800, FALSE, 0 },
  { "800x600-legend", 800, 600, TRUE, 0 },
  { "1280x800-legend", 1280, 800, TRUE, 0 },
  { "1280x800-covered", 1280, 800, FALSE, 420 },
};

/* What lies over the map, in the map view's coordinates: the view's own
 * overlays (legend, zoom buttons, scale) and the side panel, when the
 * flap is folded over the map. */
static GArray *
collect_covers (GtkWidget *map,
                AdwFlap   *flap,
                int        covered)
{
  GArray *covers = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  GtkWidget *overlay = map_test_find_widget (map, GTK_TYPE_OVERLAY);
  GtkWidget *main_child = gtk_overlay_get_child (GTK_OVERLAY (overlay));
  graphene_rect_t box;

  for (GtkWidget *child = gtk_widget_get_first_child (overlay);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != main_child && gtk_widget_get_mapped (child) &&
        gtk_widget_compute_bounds (child, map, &box))
      g_array_append_val (covers, box);

  if (adw_flap_get_folded (flap) && adw_flap_get_reveal_flap (flap))
    {
      g_assert_true (gtk_widget_compute_bounds (adw_flap_get_flap (flap), map, &box));
      g_array_append_val (covers, box);
    }
  if (covered > 0)
    {
      graphene_rect_init (&box, 0, 0, covered, gtk_widget_get_height (map));
      g_array_append_val (covers, box);
    }

  return covers;
}

static void
assert_visible (GtkWidget    *map,
                GArray       *covers,
                double        lat,
                double        lon,
                const char   *what)
{
  ShumateViewport *viewport = bri_map_view_get_viewport (BRI_MAP_VIEW (map));
  double x, y;

  shumate_viewport_location_to_widget_coords (viewport, map, lat, lon, &x, &y);
  g_test_message ("%s at %.0f, %.0f", what, x, y);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <=, gtk_widget_get_width (map));
  g_assert_cmpfloat (y, <=, gtk_widget_get_height (map));
  for (guint i = 0; i < covers->len; i++)
    g_assert_false (graphene_rect_contains_point (&g_array_index (covers, graphene_rect_t, i),
                                                  &GRAPHENE_POINT_INIT (x, y)));
}

static void
test_fit_kenya (gconstpointer data)
{
  const Size *size = data;
  BriFeature *port = bri_atlas_lookup_feature (atlas, "mombasa-port");
  BriFeature *railway = bri_atlas_lookup_feature (atlas, "mombasa-nairobi-sgr");
  BriCountry *kenya = bri_atlas_lookup_country (atlas, "KE");
  g_autoptr(GArray) covers = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *png = NULL;
  GtkWidget *window, *map;
  graphene_rect_t visible, kenya_box;
  BriGeoBounds bounds;
  AdwFlap *flap;
  double x1, y1, x2, y2;

  g_assert_nonnull (port);
  g_assert_nonnull (railway);
  g_assert_true (bri_feature_is_line (railway));
  g_assert_nonnull (kenya);

  window = map_test_open_window (atlas, size->width, size->height, &map);
  flap = ADW_FLAP (map_test_find_widget (window, ADW_TYPE_FLAP));
  g_test_message ("window %d × %d, map %d × %d", gtk_widget_get_width (window), gtk_widget_get_height (window),
                  gtk_widget_get_width (map), gtk_widget_get_height (map));
  /* The default size counts the frame drawn round the window. */
  g_assert_cmpint (gtk_widget_get_width (window), >=, size->width - 20);

  /* Side by side, the side panel covers nothing. */
  g_assert_false (adw_flap_get_folded (flap));
  g_assert_cmpint (bri_map_view_get_obscured (BRI_MAP_VIEW (map), GTK_POS_LEFT), ==, 0);
  g_assert_cmpint (bri_map_view_get_obscured (BRI_MAP_VIEW (map), GTK_POS_RIGHT), ==, 0);
  if (size->covered > 0)
    bri_map_view_set_obscured (BRI_MAP_VIEW (map), GTK_POS_LEFT, size->covered);

  if (size->open_legend)
    {
      GtkWidget *legend = map_test_find_widget (map, BRI_TYPE_LEGEND);
      graphene_rect_t closed, open;

      g_assert_true (gtk_widget_compute_bounds (legend, map, &closed));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (map_test_find_widget (legend, GTK_TYPE_TOGGLE_BUTTON)), TRUE);
      map_test_iterate (200);
      g_assert_true (gtk_widget_compute_bounds (legend, map, &open));
      g_assert_cmpfloat (open.size.height, >, closed.size.height + 100);
    }

  gtk_widget_activate_action (window, "win.open", "s", "country:KE");
  map_test_wait_until_drawn (BRI_MAP_VIEW (map));

  texture = map_test_render (window);
  png = g_strdup_printf ("fit-kenya-%s.png", size->name);
  map_test_save (texture, png);

  /* The view's own idea of what is visible leaves every cover out. */
  covers = collect_covers (map, flap, size->covered);
  g_assert_cmpuint (covers->len, >=, 2);
  bri_map_view_get_visible_area (BRI_MAP_VIEW (map), &visible);
  for (guint i = 0; i < covers->len; i++)
    g_assert_false (graphene_rect_intersection (&visible, &g_array_index (covers, graphene_rect_t, i), NULL));

  {
    guint n;
    const BriLonLat *at = bri_feature_get_part (port, 0, &n);

    g_assert_cmpuint (n, ==, 1);
    assert_visible (map, covers, at->lat, at->lon, "the port");
  }
  for (guint p = 0; p < bri_feature_get_n_parts (railway); p++)
    {
      guint n;
      const BriLonLat *v = bri_feature_get_part (railway, p, &n);

      for (guint i = 0; i < n; i++)
        assert_visible (map, covers, v[i].lat, v[i].lon, "a railway vertex");
    }

  /* All of Kenya's box is on the map and clear of every cover. */
  bri_country_get_bounds (kenya, &bounds);
  shumate_viewport_location_to_widget_coords (bri_map_view_get_viewport (BRI_MAP_VIEW (map)), map,
                                              bounds.max_lat, bounds.min_lon, &x1, &y1);
  shumate_viewport_location_to_widget_coords (bri_map_view_get_viewport (BRI_MAP_VIEW (map)), map,
                                              bounds.min_lat, bounds.max_lon, &x2, &y2);
  graphene_rect_init (&kenya_box, x1, y1, x2 - x1, y2 - y1);
  g_test_message ("Kenya: %.0f, %.0f – %.0f, %.0f in a map of %d × %d", x1, y1, x2, y2,
                  gtk_widget_get_width (map), gtk_widget_get_height (map));
  g_assert_true (graphene_rect_contains_rect (&GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (map),
                                                                   gtk_widget_get_height (map)),
                                              &kenya_box));
  for (guint i = 0; i < covers->len; i++)
    g_assert_false (graphene_rect_intersection (&kenya_box, &g_array_index (covers, graphene_rect_t, i), NULL));
  /* And it fills the visible area one way or the other: a fit, not a
   * view from afar. */
  g_assert_cmpfloat (MAX (kenya_box.size.width / visible.size.width,
                          kenya_box.size.height / visible.size.height), >, 0.5);

  /* Hidden, not destroyed: destroying a BriWindow warns (BriCountryList
   * is finalized with children left), which a test makes fatal. */
  gtk_widget_set_visible (window, FALSE);
  map_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!map_test_init (&argc, &argv, "/bri/map-fit/display"))
    return g_test_run ();

  adw_init ();
  /* The map jumps instead of flying: the test looks at where it lands. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  atlas = bri_atlas_new (NULL);
  bri_atlas_load (atlas, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bri/map-fit/kenya-%s", sizes[i].name);

      g_test_add_data_func (path, &sizes[i], test_fit_kenya);
    }

  status = g_test_run ();
  g_clear_object (&atlas);
  return status;
}
