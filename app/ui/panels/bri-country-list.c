/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountryList: the countries the atlas maps a place in or has a
 * passage on, by name in the user's language, each with how much there
 * is.  Choosing one activates win.open with its dossier.
 *
 * The list, its model and its factory are in the .ui; the factory is a
 * signal one because a row's counts come from the atlas, which a
 * GtkBuilderListItemFactory's expressions cannot reach. */

#define G_LOG_DOMAIN "bri-country-list"

#include "config.h"

#include "bri-country-list.h"
#include "bri-panel-util.h"

struct _BriCountryList
{
  BriPanel            parent_instance;

  GtkListView        *list_view;
  GtkFilterListModel *in_atlas;
  GtkCustomFilter    *in_atlas_filter;
};

G_DEFINE_FINAL_TYPE (BriCountryList, bri_country_list, BRI_TYPE_PANEL)

static gboolean
country_in_atlas (gpointer item,
                  gpointer user_data)
{
  BriAtlas *atlas = bri_panel_get_atlas (user_data);
  g_autoptr(GListModel) features = bri_atlas_get_country_features (atlas, item);
  g_autoptr(GListModel) passages = NULL;

  if (g_list_model_get_n_items (features) > 0)
    return TRUE;
  passages = bri_atlas_get_country_passages (atlas, item);
  return g_list_model_get_n_items (passages) > 0;
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 BriCountryList           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                BriCountryList           *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  BriCountry *country = gtk_list_item_get_item (item);
  BriAtlas *atlas = bri_panel_get_atlas (BRI_PANEL (self));
  g_autoptr(GListModel) features = bri_atlas_get_country_features (atlas, country);
  g_autoptr(GListModel) passages = bri_atlas_get_country_passages (atlas, country);
  g_autofree char *counts = bri_panel_format_counts (g_list_model_get_n_items (features),
                                                     g_list_model_get_n_items (passages));

  gtk_label_set_text (GTK_LABEL (title), bri_country_get_display_name (country));
  gtk_label_set_text (GTK_LABEL (subtitle), counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bri_country_get_display_name (country),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, counts,
                                  -1);
}

static void
on_list_view_activate_cb (GtkListView    *view,
                          guint           position,
                          BriCountryList *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(BriCountry) country = g_list_model_get_item (model, position);
  g_autoptr(BriLocation) location = NULL;

  if (country == NULL)
    return;

  location = bri_location_new_country (bri_country_get_code (country));
  bri_panel_open (GTK_WIDGET (self), "win.open", location);
}

static void
bri_country_list_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BRI_TYPE_COUNTRY_LIST);

  G_OBJECT_CLASS (bri_country_list_parent_class)->dispose (object);
}

static void
bri_country_list_atlas_changed (BriPanel *panel)
{
  BriCountryList *self = BRI_COUNTRY_LIST (panel);
  BriAtlas *atlas = bri_panel_get_atlas (panel);

  gtk_filter_list_model_set_model (self->in_atlas, atlas != NULL ? bri_atlas_get_countries (atlas) : NULL);
}

static void
bri_country_list_class_init (BriCountryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BriPanelClass *panel_class = BRI_PANEL_CLASS (klass);

  object_class->dispose = bri_country_list_dispose;
  panel_class->atlas_changed = bri_country_list_atlas_changed;

  gtk_widget_class_set_css_name (widget_class, "bri-country-list");

  /* The sorter's expression names the type. */
  g_type_ensure (BRI_TYPE_COUNTRY);

  bri_panel_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BriAtlas/ui/bri-country-list.ui");
  gtk_widget_class_bind_template_child (widget_class, BriCountryList, list_view);
  gtk_widget_class_bind_template_child (widget_class, BriCountryList, in_atlas);
  gtk_widget_class_bind_template_child (widget_class, BriCountryList, in_atlas_filter);
  gtk_widget_class_bind_template_callback (widget_class, on_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
}

static void
bri_country_list_init (BriCountryList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_custom_filter_set_filter_func (self->in_atlas_filter, country_in_atlas, self, NULL);
}
