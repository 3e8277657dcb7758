/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriInViewList: the places the map shows, as a list a keyboard and a
 * screen reader can walk: the map's drawing has no accessible parts in
 * GTK 4.8, so this is where a screen reader user reads what is on the
 * map.  The map view keeps the model (bri_map_view_get_features_in_view());
 * this shows it, a row per place named as the map says it when focused
 * ("Port of Piraeus, port, operational"), and activating a row opens the
 * place's card through win.open, as a click on the map does. */

#define G_LOG_DOMAIN "bri-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-feature.h"
#include "bri-in-view-list.h"
#include "bri-location.h"
#include "bri-panel-util.h"

#define SYMBOL_SIZE 16

struct _BriInViewList
{
  GtkWidget   parent_instance;

  GtkWidget  *content;
  GtkLabel   *count_label;
  GtkListBox *list_box;

  GListModel *features;
};

G_DEFINE_FINAL_TYPE (BriInViewList, bri_in_view_list, GTK_TYPE_WIDGET)

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  BriFeature *feature = item;
  g_autofree char *described = bri_feature_describe (feature);
  g_autofree char *status = bri_panel_format_status (feature);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (bri_feature_get_name (feature));
  /* Translators: a place's kind and status, as "Port · Operational" */
  g_autofree char *detail_text = g_strdup_printf (C_("kind and status", "%s · %s"),
                                                  bri_feature_kind_get_label (bri_feature_get_kind (feature)),
                                                  status);
  GtkWidget *detail = gtk_label_new (detail_text);

  /* Plain text: names may hold an ampersand. */
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), detail);

  gtk_box_append (GTK_BOX (box), bri_panel_kind_symbol_new (bri_feature_get_kind (feature),
                                                            bri_feature_get_precision (feature),
                                                            SYMBOL_SIZE));
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, described, -1);

  return row;
}

static void
on_row_activated_cb (GtkListBox    *list_box,
                     GtkListBoxRow *row,
                     BriInViewList *self)
{
  g_autoptr(BriFeature) feature = g_list_model_get_item (self->features, gtk_list_box_row_get_index (row));
  g_autoptr(BriLocation) location = NULL;

  if (feature == NULL)
    return;

  location = bri_location_new_feature (bri_feature_get_id (feature));
  bri_panel_open (GTK_WIDGET (self), "win.open", location);
}

static void
update_count (BriInViewList *self)
{
  guint n = self->features != NULL ? g_list_model_get_n_items (self->features) : 0;
  g_autofree char *text = g_strdup_printf (ngettext ("%u place in view", "%u places in view", n), n);

  gtk_label_set_text (self->count_label, text);
}

static void
on_items_changed_cb (BriInViewList *self)
{
  update_count (self);
}

static void
bri_in_view_list_dispose (GObject *object)
{
  BriInViewList *self = BRI_IN_VIEW_LIST (object);

  if (self->features != NULL)
    g_signal_handlers_disconnect_by_func (self->features, on_items_changed_cb, self);
  g_clear_object (&self->features);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRI_TYPE_IN_VIEW_LIST);

  G_OBJECT_CLASS (bri_in_view_list_parent_class)->dispose (object);
}

static void
bri_in_view_list_class_init (BriInViewListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bri_in_view_list_dispose;

  bri_panel_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BriAtlas/ui/bri-in-view-list.ui");
  /* Bound, so that gtk_widget_dispose_template() unparents it. */
  gtk_widget_class_bind_template_child (widget_class, BriInViewList, content);
  gtk_widget_class_bind_template_child (widget_class, BriInViewList, count_label);
  gtk_widget_class_bind_template_child (widget_class, BriInViewList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bri_in_view_list_init (BriInViewList *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8's list box takes its placeholder in code only. */
  placeholder = gtk_label_new (_("No places in view. Move or zoom the map to see some."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (placeholder), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list_box, placeholder);
  update_count (self);
}

/**
 * bri_in_view_list_set_model:
 * @features: (nullable): the features in view (the map view's)
 */
void
bri_in_view_list_set_model (BriInViewList *self,
                            GListModel    *features)
{
  g_return_if_fail (BRI_IS_IN_VIEW_LIST (self));
  g_return_if_fail (features == NULL || G_IS_LIST_MODEL (features));

  if (self->features != NULL)
    g_signal_handlers_disconnect_by_func (self->features, on_items_changed_cb, self);
  g_set_object (&self->features, features);
  if (features != NULL)
    g_signal_connect_object (features, "items-changed", G_CALLBACK (on_items_changed_cb),
                             self, G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->list_box, features, create_row_cb, NULL, NULL);
  update_count (self);
}

/**
 * bri_in_view_list_focus_list:
 *
 * Moves the keyboard focus to the first place, or to the list itself.
 *
 * Returns: whether the focus moved
 */
gboolean
bri_in_view_list_focus_list (BriInViewList *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (BRI_IS_IN_VIEW_LIST (self), FALSE);

  row = gtk_list_box_get_row_at_index (self->list_box, 0);
  if (row != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (row));

  return gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}
