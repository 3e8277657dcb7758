/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's tours: the Tours list and the tour editor in the side
 * panel, the actions on tours (new, open, duplicate, rename, delete with
 * an undo toast, save as), "Add Stop Here" and "Quote in Tour", saving
 * the user's tours as they change, and presenting — full screen, the map
 * alone under the presentation, the keys of a presenter's remote.
 *
 * One tour is "open": the one the editor shows, which Add Stop Here and
 * Quote in Tour change and F5 presents.  "What is open" for a new stop is
 * the place, country or passage last shown (a view or a search keeps it,
 * a list drops it).  While presenting, a key controller on the window
 * sees every key before any widget does and gives it to the
 * presentation. */

#define G_LOG_DOMAIN "bri-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-map-view.h"
#include "bri-presentation.h"
#include "bri-resolved-stop.h"
#include "bri-tour-editor.h"
#include "bri-tour-kml.h"
#include "bri-tour-list.h"
#include "bri-window-private.h"

/* Typing in a caption saves once it pauses, not at every letter. */
#define SAVE_DELAY_MS 400

/* libadwaita 1.2 reads a toast's title as markup; ours name tours and
 * files, which may hold an ampersand. */
static AdwToast *
toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

static void
toast (BriWindow  *self,
       const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast_new (text));
}

static gboolean
is_mine (BriTour *tour)
{
  return tour != NULL && bri_tour_get_source (tour) == BRI_TOUR_SOURCE_USER;
}

static gboolean
atlas_ready (BriWindow *self)
{
  return self->filter != NULL;
}

static BriTourEditor *
editor (BriWindow *self)
{
  return BRI_TOUR_EDITOR (self->tour_editor);
}

static BriPresentation *
presentation (BriWindow *self)
{
  return BRI_PRESENTATION (self->presentation);
}

/* Saving the open tour */

static void
save_now (BriWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!is_mine (self->tour))
    return;

  if (!bri_tour_library_save (self->tours, self->tour, &error))
    {
      /* Translators: %s says why a tour could not be saved */
      g_autofree char *text = g_strdup_printf (_("The tour could not be saved: %s"), error->message);

      toast (self, text);
    }
}

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  BriWindow *self = user_data;

  self->save_timeout_id = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_tour_changed_cb (BriWindow *self)
{
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  self->save_timeout_id = g_timeout_add (SAVE_DELAY_MS, on_save_timeout_cb, self);
}

static void
flush_save (BriWindow *self)
{
  if (self->save_timeout_id == 0)
    return;

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  save_now (self);
}

/* The open tour */

static void
update_tour_actions (BriWindow *self)
{
  gboolean mine = atlas_ready (self) && is_mine (self->tour);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-stop", mine);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.quote-in-tour", mine);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.set-stop-view", mine);
}

static void
update_tour_bar (BriWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->side_stack);
  gboolean show = is_mine (self->tour) && g_strcmp0 (page, "tour") != 0 && g_strcmp0 (page, "loading") != 0;

  if (self->tour != NULL)
    {
      /* Translators: the bar under the side panel while one of the user's tours is open */
      g_autofree char *text = g_strdup_printf (_("Tour: %s"), bri_tour_get_title (self->tour));

      gtk_label_set_text (self->tour_bar_label, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self->tour_bar_label))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
  gtk_revealer_set_reveal_child (self->tour_bar, show);
}

static void
set_tour (BriWindow *self,
          BriTour   *tour)
{
  if (self->tour == tour)
    return;

  flush_save (self);
  if (self->tour != NULL)
    g_signal_handlers_disconnect_by_data (self->tour, self);
  g_set_object (&self->tour, tour);
  if (tour != NULL)
    {
      g_signal_connect_object (tour, "changed", G_CALLBACK (on_tour_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tour, "notify::title", G_CALLBACK (update_tour_bar), self, G_CONNECT_SWAPPED);
    }

  bri_tour_editor_set_tour (editor (self), tour);
  update_tour_actions (self);
  update_tour_bar (self);
}

static void
show_tour_page (BriWindow *self)
{
  gtk_stack_set_visible_child_name (self->side_stack, "tour");
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

/* Opens @tour in the editor and gives it the keyboard. */
static void
edit_tour (BriWindow *self,
           BriTour   *tour)
{
  set_tour (self, tour);
  bri_tour_list_select (BRI_TOUR_LIST (self->tour_list), tour);
  show_tour_page (self);
  bri_tour_editor_focus_stop (editor (self));
}

static BriTour *
lookup_tour (BriWindow *self,
             GVariant  *param)
{
  const char *id = g_variant_get_string (param, NULL);
  BriTour *tour = bri_tour_library_lookup (self->tours, id);

  /* A tour opened from a file is in no library. */
  if (tour == NULL && self->tour != NULL && g_str_equal (bri_tour_get_id (self->tour), id))
    tour = self->tour;
  if (tour == NULL)
    g_warning ("No tour “%s”", id);

  return tour;
}

/* Presenting */

static void
enter_presenting_layout (BriWindow *self)
{
  GtkWidget *separator = adw_flap_get_separator (self->flap);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->header_bar)))
    return;

  /* Nothing but the map, full screen; typing is not a search. */
  self->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), FALSE);
  gtk_widget_set_visible (adw_flap_get_flap (self->flap), FALSE);
  if (separator != NULL)
    gtk_widget_set_visible (separator, FALSE);
  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  gtk_window_fullscreen (GTK_WINDOW (self));
}

static void
leave_presenting_layout (BriWindow *self)
{
  GtkWidget *separator = adw_flap_get_separator (self->flap);

  if (gtk_widget_get_visible (GTK_WIDGET (self->header_bar)))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), TRUE);
  gtk_widget_set_visible (adw_flap_get_flap (self->flap), TRUE);
  if (separator != NULL)
    gtk_widget_set_visible (separator, TRUE);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  if (!self->was_fullscreen)
    gtk_window_unfullscreen (GTK_WINDOW (self));
  _bri_window_update_map_obscured (self);
}

static void
on_presenting_changed_cb (BriWindow *self)
{
  BriTourPlayer *player = bri_presentation_get_player (presentation (self));

  if (bri_presentation_get_presenting (presentation (self)))
    return;

  leave_presenting_layout (self);

  /* Shift+F5 takes up the tour where it was left. */
  if (player != NULL && bri_tour_player_get_tour (player) == self->tour)
    bri_tour_editor_set_current (editor (self), bri_tour_player_get_position (player));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "tour") == 0)
    bri_tour_editor_focus_stop (editor (self));
  else
    gtk_widget_grab_focus (self->map_view);
}

/* Presents @tour from @position; before the atlas is ready, once it is. */
static void
start_presenting (BriWindow *self,
                  BriTour   *tour,
                  guint      position,
                  gboolean   unattended)
{
  if (!atlas_ready (self))
    {
      g_set_object (&self->pending_tour, tour);
      self->pending_position = position;
      self->pending_unattended = unattended;
      enter_presenting_layout (self);
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (tour)) == 0)
    {
      /* Translators: %s is a tour's title */
      g_autofree char *text = g_strdup_printf (_("“%s” has no stops yet: move the map, open a place and choose Add Stop Here"),
                                               bri_tour_get_title (tour));

      leave_presenting_layout (self);
      toast (self, text);
      return;
    }

  bri_presentation_stop (presentation (self));
  set_tour (self, tour);
  bri_tour_list_select (BRI_TOUR_LIST (self->tour_list), tour);
  enter_presenting_layout (self);
  if (!bri_presentation_start (presentation (self), tour, position, unattended))
    leave_presenting_layout (self);
}

/* The tour F5 means: the one open, else the one chosen in the list. */
static BriTour *
tour_to_present (BriWindow *self)
{
  BriTour *tour = self->tour;

  if (tour == NULL)
    tour = bri_tour_list_get_selected (BRI_TOUR_LIST (self->tour_list));

  if (tour == NULL)
    {
      toast (self, _("Choose a tour to present"));
      adw_view_stack_set_visible_child_name (self->browse_stack, "tours");
      gtk_stack_set_visible_child_name (self->side_stack, "browse");
      adw_flap_set_reveal_flap (self->flap, TRUE);
    }

  return tour;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   BriWindow             *self)
{
  return bri_presentation_handle_key (presentation (self), keyval, state);
}

/**
 * bri_window_present_tour:
 * @tour: a tour's id (built-in or the user's) or the path of a
 *   .briatour or KML file
 * @unattended: whether to play it unattended, looping
 *
 * Presents the tour full screen from its first stop, as soon as the
 * atlas is ready.
 *
 * Returns: whether there is such a tour; if not, @error says why
 */
gboolean
bri_window_present_tour (BriWindow   *self,
                         const char  *tour,
                         gboolean     unattended,
                         GError     **error)
{
  g_autoptr(BriTour) found = NULL;

  g_return_val_if_fail (BRI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (tour != NULL, FALSE);

  found = bri_tour_library_open (self->tours, tour, NULL, error);
  if (found == NULL)
    return FALSE;

  start_presenting (self, found, 0, unattended);
  return TRUE;
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  BriTour *tour;
  guint position = 0;

  /* A remote's start button sends F5 again and again. */
  if (bri_presentation_get_presenting (presentation (self)))
    return;

  tour = tour_to_present (self);
  if (tour == NULL)
    return;

  if (g_str_equal (action_name, "win.present-current") && tour == self->tour &&
      bri_tour_editor_get_current (editor (self)) != BRI_TOUR_EDITOR_NO_STOP)
    position = bri_tour_editor_get_current (editor (self));

  start_presenting (self, tour, position, g_str_equal (action_name, "win.play-unattended"));
}

static void
present_tour_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  BriTour *tour = lookup_tour (self, param);

  if (tour != NULL && !bri_presentation_get_presenting (presentation (self)))
    start_presenting (self, tour, 0, FALSE);
}

static void
presenter_view_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);

  if (!bri_presentation_get_presenting (presentation (self)))
    present_action (widget, "win.present-current", NULL);

  bri_presentation_show_presenter_view (presentation (self));
}

/* Making stops */

/* A stop at the map's view now, about @subject. */
static BriTourStop *
stop_here (BriWindow   *self,
           BriLocation *subject)
{
  ShumateViewport *viewport = bri_map_view_get_viewport (BRI_MAP_VIEW (self->map_view));
  g_autoptr(BriLocation) view = NULL;
  g_autofree char *title = NULL;
  BriTourStop *stop;

  view = bri_location_new_view (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                                shumate_viewport_get_zoom_level (viewport));
  stop = bri_tour_stop_new ("", view);

  if (subject != NULL && bri_location_get_kind (subject) == BRI_LOCATION_PASSAGE)
    {
      BriDocument *document = bri_atlas_lookup_document (self->atlas, bri_location_get_id (subject));

      bri_tour_stop_set_subject (stop, subject);
      bri_tour_stop_set_quote (stop, subject);
      if (document != NULL)
        title = g_strdup (bri_document_get_title (document));
    }
  else if (subject != NULL)
    {
      g_autoptr(BriResolvedStop) resolved = NULL;

      bri_tour_stop_set_subject (stop, subject);
      resolved = bri_resolved_stop_new (stop, self->atlas);
      title = g_strdup (bri_resolved_stop_get_subject_name (resolved));
    }

  if (title == NULL)
    /* Translators: the title of a new stop that is only a view of the map */
    title = g_strdup_printf (_("Stop %u"), g_list_model_get_n_items (G_LIST_MODEL (self->tour)) + 1);
  bri_tour_stop_set_title (stop, title);

  return stop;
}

/* Adds a stop after the chosen one; returns its position. */
static guint
add_stop (BriWindow   *self,
          BriLocation *subject)
{
  g_autoptr(BriTourStop) stop = stop_here (self, subject);
  guint current = bri_tour_editor_get_current (editor (self));
  guint position = current == BRI_TOUR_EDITOR_NO_STOP ? g_list_model_get_n_items (G_LIST_MODEL (self->tour))
                                                      : current + 1;

  bri_tour_seal_undo (self->tour);
  bri_tour_insert_stop (self->tour, position, stop);
  bri_tour_editor_set_current (editor (self), position);
  update_tour_actions (self);
  return position;
}

static void
add_stop_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  g_autofree char *text = NULL;
  guint position;

  if (!atlas_ready (self) || !is_mine (self->tour))
    return;

  position = add_stop (self, self->subject);
  /* Translators: a stop was added to the tour being made: its number and title */
  text = g_strdup_printf (_("Stop %u added: %s"), position + 1,
                          bri_tour_stop_get_title (bri_tour_get_stop (self->tour, position)));
  toast (self, text);
}

static void
quote_in_tour_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  g_autoptr(BriLocation) quote = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint position;

  if (!atlas_ready (self) || !is_mine (self->tour))
    return;

  quote = bri_location_parse (g_variant_get_string (param, NULL), &error);
  if (quote == NULL || bri_location_get_kind (quote) != BRI_LOCATION_PASSAGE)
    {
      g_warning ("Not a passage to quote: %s", g_variant_get_string (param, NULL));
      return;
    }

  /* A tour with no stop yet gets one, here. */
  position = bri_tour_editor_get_current (editor (self));
  if (position == BRI_TOUR_EDITOR_NO_STOP)
    position = add_stop (self, self->subject);

  bri_tour_seal_undo (self->tour);
  bri_tour_set_stop_quote (self->tour, position, quote);
  /* Translators: a passage was quoted at a stop: its number and title */
  text = g_strdup_printf (_("Quoted at stop %u, %s"), position + 1,
                          bri_tour_stop_get_title (bri_tour_get_stop (self->tour, position)));
  toast (self, text);
}

static void
set_stop_view_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  ShumateViewport *viewport = bri_map_view_get_viewport (BRI_MAP_VIEW (self->map_view));
  guint position = bri_tour_editor_get_current (editor (self));
  g_autoptr(BriLocation) view = NULL;

  if (!is_mine (self->tour) || position == BRI_TOUR_EDITOR_NO_STOP)
    return;

  view = bri_location_new_view (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                                shumate_viewport_get_zoom_level (viewport));
  bri_tour_seal_undo (self->tour);
  bri_tour_set_stop_view (self->tour, position, view);
  toast (self, _("The stop shows the map as it is now"));
}

/* The list of tours and what it asks for */

static void
show_tours_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->browse_stack, "tours");
  gtk_stack_set_visible_child_name (self->side_stack, "browse");
  adw_flap_set_reveal_flap (self->flap, TRUE);
  if (self->tour != NULL)
    bri_tour_list_select (BRI_TOUR_LIST (self->tour_list), self->tour);
  bri_tour_list_focus_list (BRI_TOUR_LIST (self->tour_list));
}

static void
show_tour_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);

  if (self->tour != NULL)
    edit_tour (self, self->tour);
}

static void
edit_tour_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  BriTour *tour = lookup_tour (self, param);

  if (tour != NULL)
    edit_tour (self, tour);
}

static void
report_error (BriWindow    *self,
              const GError *error)
{
  toast (self, error->message);
}

static void
new_tour_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  BriTour *tour;

  /* Translators: the title of a new tour, until the teacher gives one */
  tour = bri_tour_library_create (self->tours, _("Untitled Tour"), &error);
  if (tour == NULL)
    {
      report_error (self, error);
      return;
    }

  /* No stops yet: the editor gives the keyboard to the title. */
  edit_tour (self, tour);
}

static void
duplicate_tour_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  BriTour *tour = lookup_tour (self, param);
  g_autoptr(GError) error = NULL;
  BriTour *copy;

  if (tour == NULL)
    return;

  copy = bri_tour_library_duplicate (self->tours, tour, &error);
  if (copy == NULL)
    {
      report_error (self, error);
      return;
    }

  edit_tour (self, copy);
}

static void
on_rename_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       BriWindow        *self)
{
  BriTour *tour = g_object_get_data (G_OBJECT (dialog), "bri-tour");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "bri-entry");
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "rename") || title[0] == '\0')
    return;

  if (!bri_tour_library_rename (self->tours, tour, title, &error))
    report_error (self, error);
}

static void
rename_tour_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  BriTour *tour = lookup_tour (self, param);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (!is_mine (tour))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Tour"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), bri_tour_get_title (tour));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tour title"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "bri-tour", g_object_ref (tour), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "bri-entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_undo_delete_cb (AdwToast  *toast,
                   BriWindow *self)
{
  BriTour *tour = g_object_get_data (G_OBJECT (toast), "bri-tour");
  g_autoptr(GError) error = NULL;

  if (bri_tour_library_add (self->tours, tour, &error) == NULL)
    report_error (self, error);
  else
    bri_tour_list_select (BRI_TOUR_LIST (self->tour_list), tour);
}

static void
delete_tour_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  BriTour *tour = lookup_tour (self, param);
  g_autoptr(BriTour) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwToast *undo;

  if (!is_mine (tour))
    return;

  deleted = g_object_ref (tour);
  if (deleted == self->tour)
    {
      /* Nothing of it is written again. */
      g_clear_handle_id (&self->save_timeout_id, g_source_remove);
      set_tour (self, NULL);
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "tour") == 0)
        show_tours_action (widget, NULL, NULL);
    }

  if (!bri_tour_library_delete (self->tours, deleted, &error))
    {
      report_error (self, error);
      return;
    }

  /* Translators: a tour was deleted; the toast's button brings it back */
  text = g_strdup_printf (_("“%s” deleted"), bri_tour_get_title (deleted));
  undo = toast_new (text);
  adw_toast_set_button_label (undo, _("_Undo"));
  g_object_set_data_full (G_OBJECT (undo), "bri-tour", g_steal_pointer (&deleted), g_object_unref);
  g_signal_connect_object (undo, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, undo);
  bri_tour_list_focus_list (BRI_TOUR_LIST (self->tour_list));
}

static void
add_tour_filters (GtkFileChooser *chooser)
{
  GtkFileFilter *all = gtk_file_filter_new ();
  GtkFileFilter *briatour = gtk_file_filter_new ();
  GtkFileFilter *kml = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("Tours (.briatour, .kml)"));
  gtk_file_filter_add_suffix (all, "briatour");
  gtk_file_filter_add_suffix (all, "kml");
  gtk_file_filter_set_name (briatour, _("BriAtlas tours (.briatour)"));
  gtk_file_filter_add_suffix (briatour, "briatour");
  gtk_file_filter_set_name (kml, _("KML tours for Google Earth and Marble (.kml)"));
  gtk_file_filter_add_suffix (kml, "kml");
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_add_filter (chooser, briatour);
  gtk_file_chooser_add_filter (chooser, kml);
  g_object_unref (all);
  g_object_unref (briatour);
  g_object_unref (kml);
}

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     BriWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  BriTour *tour;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL)
    return;

  tour = bri_tour_library_import (self->tours, file, &warnings, &error);
  if (tour == NULL)
    {
      report_error (self, error);
      return;
    }

  edit_tour (self, tour);
  if (warnings != NULL && warnings->len > 0)
    {
      /* Translators: after opening a KML tour, how many of its parts BriAtlas does not play */
      g_autofree char *text = g_strdup_printf (ngettext ("Opened; %u part of the file was left out",
                                                         "Opened; %u parts of the file were left out",
                                                         warnings->len),
                                               warnings->len);

      toast (self, text);
    }
}

static void
open_tour_file_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open a Tour"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  add_tour_filters (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* The dialog holds itself until it answers. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
is_kml_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);

  return g_str_has_suffix (lower, ".kml");
}

static void
on_save_as_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        BriWindow       *self)
{
  g_autoptr(BriTour) tour = g_object_steal_data (G_OBJECT (dialog), "bri-tour");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  gboolean saved;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL)
    return;

  if (is_kml_file (file))
    saved = bri_tour_export_kml (tour, self->atlas, file, NULL, &error);
  else
    {
      /* A copy: saving the tour itself elsewhere would make that file
       * its home instead of the user's tours. */
      g_autoptr(BriTour) copy = bri_tour_copy (tour, NULL);

      saved = bri_tour_save (copy, file, NULL, &error);
    }

  if (!saved)
    {
      report_error (self, error);
      return;
    }

  name = g_file_get_basename (file);
  /* Translators: a tour was saved as a file of this name */
  text = g_strdup_printf (_("Saved as %s"), name);
  toast (self, text);
}

static void
save_tour_as_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  BriTour *tour = lookup_tour (self, param);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (tour == NULL || !atlas_ready (self))
    return;

  flush_save (self);
  chooser = gtk_file_chooser_native_new (_("Save the Tour As"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  add_tour_filters (GTK_FILE_CHOOSER (chooser));
  /* Named as the tour is now called, not as it was made. */
  {
    g_autofree char *stem = bri_tour_id_from_title (bri_tour_get_title (tour));

    name = g_strconcat (stem, BRI_TOUR_FILE_SUFFIX, NULL);
  }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "bri-tour", g_object_ref (tour), g_object_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_as_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The window's side */

void
_bri_window_tours_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-tours", NULL, show_tours_action);
  gtk_widget_class_install_action (widget_class, "win.show-tour", NULL, show_tour_action);
  gtk_widget_class_install_action (widget_class, "win.edit-tour", "s", edit_tour_action);
  gtk_widget_class_install_action (widget_class, "win.new-tour", NULL, new_tour_action);
  gtk_widget_class_install_action (widget_class, "win.open-tour-file", NULL, open_tour_file_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-tour", "s", duplicate_tour_action);
  gtk_widget_class_install_action (widget_class, "win.rename-tour", "s", rename_tour_action);
  gtk_widget_class_install_action (widget_class, "win.delete-tour", "s", delete_tour_action);
  gtk_widget_class_install_action (widget_class, "win.save-tour-as", "s", save_tour_as_action);
  gtk_widget_class_install_action (widget_class, "win.add-stop", NULL, add_stop_action);
  gtk_widget_class_install_action (widget_class, "win.quote-in-tour", "s", quote_in_tour_action);
  gtk_widget_class_install_action (widget_class, "win.set-stop-view", NULL, set_stop_view_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-current", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.play-unattended", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-tour", "s", present_tour_action);
  gtk_widget_class_install_action (widget_class, "win.presenter-view", NULL, presenter_view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, GDK_SHIFT_MASK, "win.present-current", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-tours", NULL);
  /* As a bookmark is added; not Shift+Ctrl+A, which text fields take. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.add-stop", NULL);
}

void
_bri_window_tours_init (BriWindow *self)
{
  GtkEventController *keys;
  g_autoptr(GError) error = NULL;

  self->tours = bri_tour_library_new (NULL);
  if (!bri_tour_library_load (self->tours, NULL, &error))
    g_warning ("Cannot read the built-in tours: %s", error->message);
  for (guint i = 0; i < bri_tour_library_get_problems (self->tours)->len; i++)
    g_message ("%s", ((GError *) g_ptr_array_index (bri_tour_library_get_problems (self->tours), i))->message);
  bri_tour_list_set_library (BRI_TOUR_LIST (self->tour_list), self->tours);

  bri_presentation_set_map_view (presentation (self), BRI_MAP_VIEW (self->map_view));
  g_signal_connect_object (self->presentation, "notify::presenting", G_CALLBACK (on_presenting_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* Before any widget: while presenting, every key is the
   * presentation's (bri_presentation_handle_key() lets the others by). */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  update_tour_actions (self);
}

void
_bri_window_tours_setup_atlas (BriWindow *self)
{
  bri_panel_set_atlas (BRI_PANEL (self->tour_list), self->atlas);
  bri_panel_set_atlas (BRI_PANEL (self->tour_editor), self->atlas);
  bri_presentation_set_atlas (presentation (self), self->atlas);
  update_tour_actions (self);
  update_tour_bar (self);

  if (self->pending_tour != NULL)
    {
      g_autoptr(BriTour) tour = g_steal_pointer (&self->pending_tour);

      start_presenting (self, tour, self->pending_position, self->pending_unattended);
    }
}

void
_bri_window_tours_dispose (BriWindow *self)
{
  flush_save (self);
  if (self->presentation != NULL)
    bri_presentation_stop (presentation (self));
  if (self->tour != NULL)
    g_signal_handlers_disconnect_by_data (self->tour, self);
  g_clear_object (&self->tour);
  g_clear_object (&self->tours);
  g_clear_object (&self->subject);
  g_clear_object (&self->pending_tour);
}

/* What "Add Stop Here" takes: the place, country or passage last
 * shown; a list or a region shows none. */
void
_bri_window_tours_shown (BriWindow   *self,
                         BriLocation *location)
{
  switch (bri_location_get_kind (location))
    {
    case BRI_LOCATION_FEATURE:
    case BRI_LOCATION_COUNTRY:
    case BRI_LOCATION_PASSAGE:
      g_set_object (&self->subject, location);
      break;

    case BRI_LOCATION_LIST:
    case BRI_LOCATION_REGION:
      g_clear_object (&self->subject);
      break;

    case BRI_LOCATION_VIEW:
    case BRI_LOCATION_SEARCH:
    default:
      break;
    }
}

void
_bri_window_tours_page_changed (BriWindow *self)
{
  if (self->tour_bar == NULL)
    return;

  update_tour_bar (self);
}
