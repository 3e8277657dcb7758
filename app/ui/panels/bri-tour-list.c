/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriTourList: the tours of the library — built-in first, then the
 * user's — one row each with its title, its stops and a Present button.
 * Choosing a row activates win.edit-tour with its id, ▶ win.present-tour;
 * the toolbar's New and Open… are the window's (win.new-tour,
 * win.open-tour-file), and Duplicate, Rename, Save As… and Delete act on
 * the chosen row through the window's actions with its id, so that the
 * tour editor's menu does exactly the same. */

#define G_LOG_DOMAIN "bri-tour-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bri-panel-util.h"
#include "bri-tour-list.h"

struct _BriTourList
{
  BriPanel        parent_instance;

  GtkListBox     *list_box;

  BriTourLibrary *library;
};

G_DEFINE_FINAL_TYPE (BriTourList, bri_tour_list, BRI_TYPE_PANEL)

static BriTour *
row_tour (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "bri-tour") : NULL;
}

static void
update_subtitle (GtkLabel *subtitle,
                 BriTour  *tour)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (tour));
  g_autofree char *text = NULL;

  if (bri_tour_get_source (tour) == BRI_TOUR_SOURCE_BUILT_IN)
    /* Translators: under a built-in tour's title in the list of tours */
    text = g_strdup_printf (ngettext ("%u stop · built in", "%u stops · built in", n), n);
  else
    /* Translators: under the title of a tour the user made or opened */
    text = g_strdup_printf (ngettext ("%u stop · yours", "%u stops · yours", n), n);
  gtk_label_set_text (subtitle, text);
}

static void
on_tour_changed_cb (GtkLabel   *subtitle,
                    GParamSpec *pspec,
                    BriTour    *tour)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (subtitle), GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *present = g_object_get_data (G_OBJECT (row), "bri-present-button");
  g_autofree char *present_name = NULL;

  update_subtitle (subtitle, tour);

  /* Translators: the accessible name of a tour's Present button */
  present_name = g_strdup_printf (_("Present “%s”"), bri_tour_get_title (tour));
  gtk_accessible_update_property (GTK_ACCESSIBLE (present), GTK_ACCESSIBLE_PROPERTY_LABEL, present_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  bri_tour_get_title (tour), -1);
}

static void
on_present_clicked_cb (GtkButton *button,
                       BriTour   *tour)
{
  gtk_widget_activate_action (GTK_WIDGET (button), "win.present-tour", "s", bri_tour_get_id (tour));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BriTour *tour = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *present = gtk_button_new_from_icon_name ("media-playback-start-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  g_object_bind_property (tour, "title", title, "label", G_BINDING_SYNC_CREATE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);

  /* Translators: the tooltip of a tour's ▶ button */
  gtk_widget_set_tooltip_text (present, _("Present this tour full screen"));
  gtk_widget_set_valign (present, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (present, "flat");
  gtk_widget_add_css_class (present, "circular");
  g_signal_connect_object (present, "clicked", G_CALLBACK (on_present_clicked_cb), tour, 0);

  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), present);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "bri-tour", g_object_ref (tour), g_object_unref);
  g_object_set_data (G_OBJECT (row), "bri-present-button", present);
  g_signal_connect_object (tour, "notify::n-items", G_CALLBACK (on_tour_changed_cb), subtitle, G_CONNECT_SWAPPED);
  g_signal_connect_object (tour, "notify::title", G_CALLBACK (on_tour_changed_cb), subtitle, G_CONNECT_SWAPPED);
  g_signal_connect_object (tour, "notify::source", G_CALLBACK (on_tour_changed_cb), subtitle, G_CONNECT_SWAPPED);
  on_tour_changed_cb (GTK_LABEL (subtitle), NULL, tour);

  return row;
}

static void
update_actions (BriTourList *self)
{
  BriTour *tour = bri_tour_list_get_selected (self);
  gboolean mine = tour != NULL && bri_tour_get_source (tour) == BRI_TOUR_SOURCE_USER;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour-list.duplicate", tour != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour-list.save-as", tour != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour-list.rename", mine);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour-list.delete", mine);
}

static void
on_row_selected_cb (GtkListBox    *box,
                    GtkListBoxRow *row,
                    BriTourList   *self)
{
  update_actions (self);
}

static void
on_row_activated_cb (GtkListBox    *box,
                     GtkListBoxRow *row,
                     BriTourList   *self)
{
  BriTour *tour = row_tour (row);

  if (tour != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-tour", "s", bri_tour_get_id (tour));
}

/* The chosen row's tour to the window's action of the same name. */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BriTour *tour = bri_tour_list_get_selected (BRI_TOUR_LIST (widget));
  g_autofree char *window_action = NULL;

  if (tour == NULL)
    return;

  /* "tour-list.save-as" → "win.save-tour-as", and so on. */
  if (g_str_equal (action_name, "tour-list.save-as"))
    window_action = g_strdup ("win.save-tour-as");
  else
    window_action = g_strdup_printf ("win.%s-tour", action_name + strlen ("tour-list."));
  gtk_widget_activate_action (widget, window_action, "s", bri_tour_get_id (tour));
}

/* GtkListBox in GTK 4.8 activates a row with Space only. */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BriTour *tour = bri_tour_list_get_selected (BRI_TOUR_LIST (widget));

  if (tour != NULL)
    gtk_widget_activate_action (widget, "win.edit-tour", "s", bri_tour_get_id (tour));
}

static void
on_items_changed_cb (BriTourList *self)
{
  update_actions (self);
}

static void
bri_tour_list_dispose (GObject *object)
{
  BriTourList *self = BRI_TOUR_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BRI_TYPE_TOUR_LIST);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (bri_tour_list_parent_class)->dispose (object);
}

static void
bri_tour_list_class_init (BriTourListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bri_tour_list_dispose;

  gtk_widget_class_set_css_name (widget_class, "bri-tour-list");

  bri_panel_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BriAtlas/ui/bri-tour-list.ui");
  gtk_widget_class_bind_template_child (widget_class, BriTourList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "tour-list.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "tour-list.duplicate", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "tour-list.rename", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "tour-list.save-as", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "tour-list.delete", NULL, forward_action);

  /* While the list has the focus. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "tour-list.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "tour-list.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "tour-list.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-tour", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-tour-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "tour-list.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_D, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "tour-list.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "tour-list.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "tour-list.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "tour-list.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "tour-list.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "tour-list.delete", NULL);
}

static void
bri_tour_list_init (BriTourList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

/**
 * bri_tour_list_set_library:
 * @library: the tours to list
 */
void
bri_tour_list_set_library (BriTourList    *self,
                           BriTourLibrary *library)
{
  g_return_if_fail (BRI_IS_TOUR_LIST (self));
  g_return_if_fail (library == NULL || BRI_IS_TOUR_LIBRARY (library));

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, on_items_changed_cb, self);
  if (!g_set_object (&self->library, library))
    return;

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (library), create_row, self, NULL);
  if (library != NULL)
    g_signal_connect_object (library, "items-changed", G_CALLBACK (on_items_changed_cb),
                             self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  update_actions (self);
}

/**
 * bri_tour_list_get_selected:
 *
 * Returns: (transfer none) (nullable): the chosen tour
 */
BriTour *
bri_tour_list_get_selected (BriTourList *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_LIST (self), NULL);

  /* Rows go one by one while the list is disposed. */
  if (self->list_box == NULL)
    return NULL;

  return row_tour (gtk_list_box_get_selected_row (self->list_box));
}

/**
 * bri_tour_list_select:
 * @tour: (nullable): the tour to choose
 */
void
bri_tour_list_select (BriTourList *self,
                      BriTour     *tour)
{
  GtkListBoxRow *row;

  g_return_if_fail (BRI_IS_TOUR_LIST (self));

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    if (row_tour (row) == tour)
      {
        gtk_list_box_select_row (self->list_box, row);
        return;
      }

  gtk_list_box_unselect_all (self->list_box);
}

/**
 * bri_tour_list_focus_list:
 *
 * Moves the keyboard focus to the chosen row, or the first.
 *
 * Returns: whether a row took it
 */
gboolean
bri_tour_list_focus_list (BriTourList *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (BRI_IS_TOUR_LIST (self), FALSE);

  row = gtk_list_box_get_selected_row (self->list_box);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->list_box, 0);

  return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row));
}
