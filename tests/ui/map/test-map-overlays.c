/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What lies over the map, in the real window: the legend is compact on a
 * small window and as before on a large one, the scale bar keeps clear
 * of it at the smallest window size, the legend's symbols show in the
 * dark style, and the features' names never overprint the country names.
 * Saves window-800x600.png (legend as it starts and opened) and
 * window-dark-1280x800.png to $BRI_TEST_OUTPUT_DIR. */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "bri-atlas.h"
#include "bri-country-label-layer.h"
#include "bri-feature-layer.h"
#include "bri-legend.h"
#include "map-test-util.h"

static BriAtlas *atlas;

static void
close_window (GtkWidget *window)
{
  /* Hidden, not destroyed: destroying a BriWindow warns (BriCountryList
   * is finalized with children left), which a test makes fatal. */
  gtk_widget_set_visible (window, FALSE);
  map_test_iterate (50);
}

static GtkWidget *
open_legend (GtkWidget *map)
{
  GtkWidget *legend = map_test_find_widget (map, BRI_TYPE_LEGEND);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (map_test_find_widget (legend, GTK_TYPE_TOGGLE_BUTTON)),
                                TRUE);
  map_test_iterate (300);
  return legend;
}

static double
share_of_map (GtkWidget *widget,
              GtkWidget *map)
{
  graphene_rect_t box;

  g_assert_true (gtk_widget_compute_bounds (widget, map, &box));
  return box.size.width * box.size.height / (gtk_widget_get_width (map) * (double) gtk_widget_get_height (map));
}

static void
save_window (GtkWidget  *window,
             const char *name)
{
  g_autoptr(GdkTexture) texture = map_test_render (window);

  map_test_save (texture, name);
}

static void
assert_clear_of_scale (GtkWidget *map,
                       GtkWidget *legend)
{
  GtkWidget *scale = map_test_find_widget (map, SHUMATE_TYPE_SCALE);
  graphene_rect_t legend_box, scale_box;

  g_assert_true (gtk_widget_get_mapped (scale));
  g_assert_true (gtk_widget_compute_bounds (legend, map, &legend_box));
  g_assert_true (gtk_widget_compute_bounds (scale, map, &scale_box));
  g_test_message ("legend %.0f,%.0f %.0f×%.0f; scale %.0f,%.0f %.0f×%.0f",
                  legend_box.origin.x, legend_box.origin.y, legend_box.size.width, legend_box.size.height,
                  scale_box.origin.x, scale_box.origin.y, scale_box.size.width, scale_box.size.height);
  g_assert_false (graphene_rect_intersection (&legend_box, &scale_box, NULL));
}

/* The button that activates @action, in @root's tree. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The open legend leaves the zoom buttons free to be clicked. */
static void
assert_clear_of_zoom (GtkWidget *map,
                      GtkWidget *legend)
{
  GtkWidget *zoom_in = find_action_button (map, "win.zoom-in");
  GtkWidget *zoom_box;
  graphene_rect_t legend_box, zoom_box_bounds;

  g_assert_nonnull (zoom_in);
  zoom_box = gtk_widget_get_parent (zoom_in);
  g_assert_true (gtk_widget_get_mapped (zoom_box));
  g_assert_true (gtk_widget_compute_bounds (legend, map, &legend_box));
  g_assert_true (gtk_widget_compute_bounds (zoom_box, map, &zoom_box_bounds));
  g_test_message ("legend %.0f,%.0f %.0f×%.0f; zoom buttons %.0f,%.0f %.0f×%.0f",
                  legend_box.origin.x, legend_box.origin.y, legend_box.size.width, legend_box.size.height,
                  zoom_box_bounds.origin.x, zoom_box_bounds.origin.y,
                  zoom_box_bounds.size.width, zoom_box_bounds.size.height);
  g_assert_false (graphene_rect_intersection (&legend_box, &zoom_box_bounds, NULL));
}

/* Whether the legend's rows scroll: they do only when the map is too
 * small for them. */
static gboolean
rows_scroll (GtkWidget *legend)
{
  GtkWidget *scroller = map_test_find_widget (legend, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  return gtk_adjustment_get_upper (adj) > gtk_adjustment_get_page_size (adj) + 1;
}

static void
test_small_window (void)
{
  GtkWidget *map, *legend;
  GtkWidget *window = map_test_open_window (atlas, 800, 600, &map);
  double share;

  legend = map_test_find_widget (map, BRI_TYPE_LEGEND);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (map_test_find_widget (legend,
                                                                                          GTK_TYPE_TOGGLE_BUTTON))));
  g_test_message ("closed legend: %.1f %% of a %d × %d map", 100 * share_of_map (legend, map),
                  gtk_widget_get_width (map), gtk_widget_get_height (map));
  save_window (window, "window-800x600.png");
  g_assert_cmpfloat (share_of_map (legend, map), <, 0.05);
  assert_clear_of_scale (map, legend);

  open_legend (map);
  share = share_of_map (legend, map);
  g_test_message ("open legend: %.1f %% of the map", 100 * share);
  save_window (window, "window-800x600-legend-open.png");
  g_assert_cmpfloat (share, <, 0.25);
  /* Compact, not cut: the rest of the list is a scroll away. */
  g_assert_true (rows_scroll (legend));
  /* Clear of the scale bar and the zoom buttons too. */
  assert_clear_of_scale (map, legend);
  assert_clear_of_zoom (map, legend);

  close_window (window);
}

static void
test_large_window (void)
{
  GtkWidget *map, *legend;
  GtkWidget *window = map_test_open_window (atlas, 1280, 800, &map);

  legend = open_legend (map);
  g_test_message ("open legend: %.1f %% of a %d × %d map", 100 * share_of_map (legend, map),
                  gtk_widget_get_width (map), gtk_widget_get_height (map));
  /* Every row shows at once, as before. */
  g_assert_false (rows_scroll (legend));
  assert_clear_of_scale (map, legend);

  close_window (window);
}

static void
test_scale_clear_of_legend (void)
{
  GtkWidget *map, *legend;
  GtkWidget *window = map_test_open_window (atlas, 1, 1, &map);
  int min_width, min_height;

  /* Asked for 1 × 1, the window takes its smallest size: its size
   * request (bri-window.ui), or what its header bar needs. */
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, min_width, &min_height, NULL, NULL, NULL);
  g_test_message ("window %d × %d (at least %d × %d), map %d × %d",
                  gtk_widget_get_width (window), gtk_widget_get_height (window), min_width, min_height,
                  gtk_widget_get_width (map), gtk_widget_get_height (map));
  g_assert_cmpint (gtk_widget_get_width (window), <=, min_width);
  g_assert_cmpint (gtk_widget_get_height (window), <=, min_height);

  legend = open_legend (map);
  save_window (window, "window-minimum-legend-open.png");
  assert_clear_of_scale (map, legend);
  assert_clear_of_zoom (map, legend);

  close_window (window);
}

/* The WCAG 2.1 relative luminance of a pixel. */
static double
luminance (const guchar *bgra)
{
  double l = 0;
  const double weights[] = { 0.0722, 0.7152, 0.2126 };

  for (guint i = 0; i < 3; i++)
    {
      double c = bgra[i] / 255.0;

      l += weights[i] * (c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4));
    }
  return l;
}

/* Pixels of @texture's @box that stand out 3:1 from its corner, the
 * card under the symbol. */
static guint
count_contrasting (GdkTexture            *texture,
                   const graphene_rect_t *box)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  int x0 = (int) box->origin.x, y0 = (int) box->origin.y;
  double ground;
  guint n = 0;

  gdk_texture_download (texture, data, width * 4);
  ground = luminance (data + (y0 * width + x0) * 4);
  for (int y = y0; y < MIN (y0 + (int) box->size.height, height); y++)
    for (int x = x0; x < MIN (x0 + (int) box->size.width, width); x++)
      {
        double l = luminance (data + (y * width + x) * 4);

        n += (MAX (l, ground) + 0.05) / (MIN (l, ground) + 0.05) >= 3.0;
      }
  return n;
}

static void
collect_drawing_areas (GtkWidget *root,
                       GPtrArray *areas)
{
  if (GTK_IS_DRAWING_AREA (root) && gtk_widget_get_mapped (root))
    g_ptr_array_add (areas, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_drawing_areas (child, areas);
}

/* No name of a place the map's last frame wrote overlaps a country
 * name it wrote.  Returns how many place names there were. */
static guint
assert_names_clear (GtkWidget  *map,
                    const char *what)
{
  BriFeatureLayer *features = BRI_FEATURE_LAYER (map_test_find_widget (map, BRI_TYPE_FEATURE_LAYER));
  BriCountryLabelLayer *countries = BRI_COUNTRY_LABEL_LAYER (map_test_find_widget (map, BRI_TYPE_COUNTRY_LABEL_LAYER));
  GArray *country_names = bri_country_label_layer_get_label_rects (countries);
  GListModel *model = bri_feature_layer_get_model (features);
  guint n_names = 0;

  g_assert_cmpuint (country_names->len, >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BriFeature) feature = g_list_model_get_item (model, i);
      graphene_rect_t area;
      BriLabelRect name;

      if (!bri_feature_layer_get_label_area (features, feature, &area))
        continue;
      n_names++;
      name = (BriLabelRect) { area.origin.x, area.origin.y, area.size.width, area.size.height };
      for (guint c = 0; c < country_names->len; c++)
        {
          const BriLabelRect *r = &g_array_index (country_names, BriLabelRect, c);

          if (bri_label_rect_overlaps (&name, r, 0))
            g_error ("%s: the name of %s (%.0f,%.0f %.0f×%.0f) overprints a country name (%.0f,%.0f %.0f×%.0f)",
                     what, bri_feature_get_id (feature), name.x, name.y, name.width, name.height,
                     r->x, r->y, r->width, r->height);
        }
    }
  g_test_message ("%s: %u place names, %u country names", what, n_names, country_names->len);
  return n_names;
}

static void
test_dark_window (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *map, *legend, *window;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  window = map_test_open_window (atlas, 1280, 800, &map);
  bri_map_view_go_to (BRI_MAP_VIEW (map), 30.0, 70.0, 5.0);
  map_test_wait_until_drawn (BRI_MAP_VIEW (map));
  legend = open_legend (map);

  texture = map_test_render (window);
  map_test_save (texture, "window-dark-1280x800.png");
  assert_names_clear (map, "dark");

  /* Every symbol of the legend, the schematic sample included, shows on
   * the dark card. */
  collect_drawing_areas (legend, areas);
  g_assert_cmpuint (areas->len, >=, 10);
  for (guint i = 0; i < areas->len; i++)
    {
      graphene_rect_t box;
      guint n;

      g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (areas, i), window, &box));
      n = count_contrasting (texture, &box);
      g_test_message ("legend symbol %u: %u pixels at 3:1", i, n);
      g_assert_cmpuint (n, >=, 20);
    }

  close_window (window);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  map_test_iterate (100);
}

typedef struct
{
  const char *name;
  double      lat;
  double      lon;
  double      zoom;
} View;

static const View busy_views[] = {
  { "east-africa", -1.0, 37.0, 5.0 },
  { "pakistan", 29.0, 69.0, 6.0 },
  { "greece", 38.5, 23.5, 7.0 },
};

static void
test_names_do_not_overprint (gconstpointer data)
{
  const View *view = data;
  GtkWidget *map, *window;
  g_autofree char *png = NULL;

  window = map_test_open_window (atlas, 1280, 800, &map);
  bri_map_view_go_to (BRI_MAP_VIEW (map), view->lat, view->lon, view->zoom);
  map_test_wait_until_drawn (BRI_MAP_VIEW (map));
  png = g_strdup_printf ("names-%s.png", view->name);
  save_window (window, png);
  g_assert_cmpuint (assert_names_clear (map, view->name), >, 0);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!map_test_init (&argc, &argv, "/bri/map-overlays/display"))
    return g_test_run ();

  adw_init ();
  {
    /* The app's style sheet, which AdwApplication would load: the
     * legend's card and the overlays' margins come from it. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/org/example/BriAtlas/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  atlas = bri_atlas_new (NULL);
  bri_atlas_load (atlas, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/bri/map-overlays/legend-small-window", test_small_window);
  g_test_add_func ("/bri/map-overlays/legend-large-window", test_large_window);
  g_test_add_func ("/bri/map-overlays/scale-clear-of-legend", test_scale_clear_of_legend);
  g_test_add_func ("/bri/map-overlays/dark-window", test_dark_window);
  for (guint i = 0; i < G_N_ELEMENTS (busy_views); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bri/map-overlays/names/%s", busy_views[i].name);

      g_test_add_data_func (path, &busy_views[i], test_names_do_not_overprint);
    }

  status = g_test_run ();
  g_clear_object (&atlas);
  return status;
}
