/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The legend explains what the map shows: a row for each kind in the
 * atlas, the precisions, and air routes as flight paths between two
 * cities, not town-level locations. */

#include "config.h"

#include <adwaita.h>

#include "bri-atlas.h"
#include "bri-feature-filter.h"
#include "bri-legend.h"
#include "map-test-util.h"

static BriAtlas *atlas;

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

static void
test_flight_path_row (void)
{
  g_autoptr(BriFeatureFilter) filter = bri_feature_filter_new (atlas);
  g_autoptr(GListStore) without_air = g_list_store_new (BRI_TYPE_FEATURE);
  GListModel *features = bri_atlas_get_features (atlas);
  GtkWidget *legend = g_object_ref_sink (bri_legend_new ());
  const char *row = "Flight path between two cities (great circle)";

  bri_legend_set_filter (BRI_LEGEND (legend), filter, features);
  g_assert_true (has_label (legend, "Precision"));
  g_assert_true (has_label (legend, row));

  /* Without an air route in the atlas there is nothing to explain. */
  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(BriFeature) f = g_list_model_get_item (features, i);

      if (bri_feature_get_kind (f) != BRI_FEATURE_KIND_AIR_ROUTE)
        g_list_store_append (without_air, f);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (without_air)), <,
                    g_list_model_get_n_items (features));
  bri_legend_set_filter (BRI_LEGEND (legend), filter, G_LIST_MODEL (without_air));
  g_assert_true (has_label (legend, "Precision"));
  g_assert_false (has_label (legend, row));

  g_object_unref (legend);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!map_test_init (&argc, &argv, "/bri/legend/display"))
    return g_test_run ();

  adw_init ();
  atlas = bri_atlas_new (NULL);
  bri_atlas_load (atlas, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/bri/legend/flight-path-row", test_flight_path_row);

  status = g_test_run ();
  g_clear_object (&atlas);
  return status;
}
