/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's actions and their shortcuts.  Panels never call each
 * other: they activate these with a location ("win.open::feature:ID"). */

#define G_LOG_DOMAIN "bri-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-in-view-list.h"
#include "bri-map-view.h"
#include "bri-window-export.h"
#include "bri-window-private.h"

/* win.open::LOCATION — what every panel, link and row activates. */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!bri_window_open_string (self, g_variant_get_string (param, NULL), &error))
    g_warning ("%s", error->message);
}

/* win.show-on-map::feature:ID — from a link in the reader: the map goes
 * there, the reader stays. */
static void
show_on_map_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  g_autoptr(BriLocation) location = NULL;
  g_autoptr(GError) error = NULL;
  BriFeature *feature;

  if (self->atlas == NULL || !bri_atlas_is_loaded (self->atlas))
    return;

  location = bri_location_parse (g_variant_get_string (param, NULL), &error);
  if (location == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  if (bri_location_get_kind (location) != BRI_LOCATION_FEATURE)
    {
      _bri_window_open (self, location, TRUE);
      return;
    }

  feature = bri_atlas_lookup_feature (self->atlas, bri_location_get_id (location));
  if (feature == NULL)
    return;

  bri_map_view_select_feature (BRI_MAP_VIEW (self->map_view), feature);
  bri_map_view_fly_to_feature (BRI_MAP_VIEW (self->map_view), feature);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  BriLocation *location = bri_history_go_back (self->history);

  if (location != NULL)
    _bri_window_open (self, location, FALSE);
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  BriLocation *location = bri_history_go_forward (self->history);

  if (location != NULL)
    _bri_window_open (self, location, FALSE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _bri_window_focus_search (BRI_WINDOW (widget));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  bri_map_view_zoom_in (BRI_MAP_VIEW (BRI_WINDOW (widget)->map_view));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  bri_map_view_zoom_out (BRI_MAP_VIEW (BRI_WINDOW (widget)->map_view));
}

/* The whole of the Belt and Road, from West Africa to the Pacific. */
static void
overview_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  BriGeoBounds bri = { -20.0, -40.0, 150.0, 62.0 };

  bri_map_view_fit_bounds (BRI_MAP_VIEW (BRI_WINDOW (widget)->map_view), &bri, TRUE);
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
open_list (BriWindow       *self,
           BriLocationList  list)
{
  g_autoptr(BriLocation) location = bri_location_new_list (list);

  _bri_window_open (self, location, TRUE);
}

static void
show_places_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  open_list (BRI_WINDOW (widget), BRI_LOCATION_LIST_PLACES);
}

static void
show_countries_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  open_list (BRI_WINDOW (widget), BRI_LOCATION_LIST_COUNTRIES);
}

/* The places the map shows, for a keyboard: Alt+4 from the map. */
static void
show_in_view_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_stack_set_visible_child_name (self->side_stack, "browse");
  adw_view_stack_set_visible_child_name (self->browse_stack, "in-view");
  bri_in_view_list_focus_list (BRI_IN_VIEW_LIST (self->in_view_list));
}

/* The list the current detail page came from. */
static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);

  open_list (self, self->list_page);
}

void
_bri_window_update_actions (BriWindow *self)
{
  gboolean loaded = self->atlas != NULL && bri_atlas_is_loaded (self->atlas);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 loaded && bri_history_can_go_back (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.forward",
                                 loaded && bri_history_can_go_forward (self->history));
}

void
_bri_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "win.show-on-map", "s", show_on_map_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.forward", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.overview", NULL, overview_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_install_action (widget_class, "win.show-places", NULL, show_places_action);
  gtk_widget_class_install_action (widget_class, "win.show-countries", NULL, show_countries_action);
  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "win.show-in-view", NULL, show_in_view_action);
  _bri_window_class_install_export_actions (widget_class);
  _bri_window_tours_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0, "win.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.overview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-places", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-countries", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-in-view", NULL);
}
