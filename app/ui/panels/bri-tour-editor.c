/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriTourEditor: a tour's stops as a list, and the chosen stop's fields
 * below it.  Every change goes through BriTour, so Ctrl+Z and Shift+Ctrl+Z
 * undo and redo it whichever field it was in (the text fields' own undo
 * is off: one history, the tour's), and the fields follow the model back
 * when an undo changes them.  Stops move by drag and drop or Alt+Up and
 * Alt+Down.  A built-in tour is shown read-only, with a way to duplicate
 * it.  Saving is the window's: it writes the user's tours on every change.
 *
 * What needs the window — adding a stop from the map, presenting,
 * duplicating — goes through its actions (win.add-stop, win.present,
 * win.duplicate-tour::ID…). */

#define G_LOG_DOMAIN "bri-tour-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-panel-util.h"
#include "bri-resolved-stop.h"
#include "bri-tour-editor.h"

struct _BriTourEditor
{
  BriPanel       parent_instance;

  /* Template widgets */
  GtkMenuButton *menu_button;
  GtkEntry      *title_entry;
  GtkWidget     *add_button;
  GtkWidget     *read_only_box;
  GtkWidget     *duplicate_button;
  GtkWidget     *scroller;
  GtkListBox    *stops_list;
  GtkWidget     *empty_label;
  GtkWidget     *stop_box;
  GtkLabel      *stop_heading;
  GtkEntry      *stop_title_entry;
  GtkTextView   *caption_view;
  GtkTextView   *notes_view;
  GtkLabel      *quote_label;
  GtkLabel      *citation_label;
  GtkLabel      *subject_label;
  GtkLabel      *missing_label;
  GtkSpinButton *duration_spin;
  GtkWidget     *remove_quote_button;
  GtkWidget     *set_view_button;
  GtkWidget     *remove_button;

  BriTour       *tour;
  BriTourStop   *current;    /* the chosen stop, kept across edits that rebuild rows */
  guint          updating;   /* filling fields from the model: their changes are not edits */
};

G_DEFINE_FINAL_TYPE (BriTourEditor, bri_tour_editor, BRI_TYPE_PANEL)

static guint
position_of (BriTourEditor *self,
             BriTourStop   *stop)
{
  guint n = self->tour != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->tour)) : 0;

  for (guint i = 0; stop != NULL && i < n; i++)
    if (bri_tour_get_stop (self->tour, i) == stop)
      return i;

  return BRI_TOUR_EDITOR_NO_STOP;
}

static BriTourStop *
row_stop (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "bri-stop") : NULL;
}

gboolean
bri_tour_editor_get_editable (BriTourEditor *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_EDITOR (self), FALSE);

  /* Only the user's own are saved as they change: a built-in tour, or
   * one opened from a file to present, is duplicated to be changed. */
  return self->tour != NULL && bri_tour_get_source (self->tour) == BRI_TOUR_SOURCE_USER;
}

/* Rows */

static char *
stop_subtitle (BriTourEditor *self,
               BriTourStop   *stop)
{
  BriAtlas *atlas = bri_panel_get_atlas (BRI_PANEL (self));
  g_autoptr(BriResolvedStop) resolved = atlas != NULL ? bri_resolved_stop_new (stop, atlas) : NULL;
  const char *subject = resolved != NULL ? bri_resolved_stop_get_subject_name (resolved) : NULL;

  if (subject == NULL)
    subject = _("A view of the map");

  if (bri_tour_stop_get_quote (stop) != NULL)
    /* Translators: under a stop's title: what it is about, and that it quotes a passage */
    return g_strdup_printf (_("%s · quotes a passage"), subject);

  return g_strdup (subject);
}

static void
update_row (GtkListBoxRow *row)
{
  BriTourEditor *self = g_object_get_data (G_OBJECT (row), "bri-editor");
  BriTourStop *stop = row_stop (row);
  GtkLabel *number = g_object_get_data (G_OBJECT (row), "bri-number");
  GtkLabel *subtitle = g_object_get_data (G_OBJECT (row), "bri-subtitle");
  g_autofree char *number_text = g_strdup_printf ("%d", gtk_list_box_row_get_index (row) + 1);
  g_autofree char *subtitle_text = stop_subtitle (self, stop);
  g_autofree char *name = NULL;

  gtk_label_set_text (number, number_text);
  gtk_label_set_text (subtitle, subtitle_text);
  /* Translators: the accessible name of a stop in the tour editor: its number and title */
  name = g_strdup_printf (_("Stop %d: %s"), gtk_list_box_row_get_index (row) + 1, bri_tour_stop_get_title (stop));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle_text,
                                  -1);
}

static void
update_rows (BriTourEditor *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->stops_list, i)) != NULL; i++)
    update_row (row);
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    GtkListBoxRow *row)
{
  BriTourEditor *self = g_object_get_data (G_OBJECT (row), "bri-editor");

  if (!bri_tour_editor_get_editable (self))
    return NULL;

  return gdk_content_provider_new_typed (BRI_TYPE_TOUR_STOP, row_stop (row));
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  GtkListBoxRow *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (row));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

/* A stop dropped on a row takes that row's place. */
static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            GtkListBoxRow *row)
{
  BriTourEditor *self = g_object_get_data (G_OBJECT (row), "bri-editor");
  BriTourStop *stop = g_value_get_object (value);
  guint from, to;

  if (!bri_tour_editor_get_editable (self))
    return FALSE;

  from = position_of (self, stop);
  to = gtk_list_box_row_get_index (row);
  if (from == BRI_TOUR_EDITOR_NO_STOP || from == to)
    return FALSE;

  g_set_object (&self->current, stop);
  bri_tour_move_stop (self->tour, from, to);
  return TRUE;
}

static GtkWidget *
create_stop_row (gpointer item,
                 gpointer user_data)
{
  BriTourEditor *self = user_data;
  BriTourStop *stop = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (BRI_TYPE_TOUR_STOP, GDK_ACTION_MOVE);

  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_set_valign (number, GTK_ALIGN_START);
  gtk_label_set_width_chars (GTK_LABEL (number), 2);
  gtk_label_set_xalign (GTK_LABEL (number), 1.0);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  g_object_bind_property (stop, "title", title, "label", G_BINDING_SYNC_CREATE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_widget_set_valign (handle, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (handle, bri_tour_editor_get_editable (self));
  /* Translators: the tooltip of a stop's drag handle */
  gtk_widget_set_tooltip_text (handle, _("Drag to move the stop, or Alt+Up and Alt+Down"));

  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), handle);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "bri-stop", g_object_ref (stop), g_object_unref);
  g_object_set_data (G_OBJECT (row), "bri-editor", self);
  g_object_set_data (G_OBJECT (row), "bri-number", number);
  g_object_set_data (G_OBJECT (row), "bri-subtitle", subtitle);
  g_signal_connect_object (stop, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  return row;
}

/* The chosen stop's fields */

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *current = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, text != NULL ? text : "") != 0)
    gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
}

static void
set_entry_text (GtkEntry   *entry,
                const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
update_actions (BriTourEditor *self)
{
  gboolean editable = bri_tour_editor_get_editable (self);
  guint position = position_of (self, self->current);
  guint n = self->tour != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->tour)) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour-editor.undo",
                                 editable && bri_tour_can_undo (self->tour));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour-editor.redo",
                                 editable && bri_tour_can_redo (self->tour));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour-editor.move-up",
                                 editable && position != BRI_TOUR_EDITOR_NO_STOP && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour-editor.move-down",
                                 editable && position != BRI_TOUR_EDITOR_NO_STOP && position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tour-editor.remove-stop",
                                 editable && position != BRI_TOUR_EDITOR_NO_STOP);
}

static void
update_fields (BriTourEditor *self)
{
  BriAtlas *atlas = bri_panel_get_atlas (BRI_PANEL (self));
  BriTourStop *stop = self->current;
  gboolean editable = bri_tour_editor_get_editable (self);
  g_autoptr(BriResolvedStop) resolved = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *missing = NULL;
  guint position = position_of (self, stop);

  gtk_widget_set_visible (self->stop_box, stop != NULL);
  update_actions (self);
  if (stop == NULL)
    return;

  self->updating++;

  /* Translators: the heading over the chosen stop's fields */
  heading = g_strdup_printf (_("Stop %u of %u"), position + 1, g_list_model_get_n_items (G_LIST_MODEL (self->tour)));
  gtk_label_set_text (self->stop_heading, heading);
  set_entry_text (self->stop_title_entry, bri_tour_stop_get_title (stop));
  set_buffer_text (self->caption_view, bri_tour_stop_get_caption (stop));
  set_buffer_text (self->notes_view, bri_tour_stop_get_notes (stop));
  gtk_spin_button_set_value (self->duration_spin, bri_tour_stop_get_duration (stop));

  if (atlas != NULL)
    resolved = bri_resolved_stop_new (stop, atlas);
  if (resolved != NULL && bri_resolved_stop_get_quote_text (resolved) != NULL)
    quote = g_strdup_printf (_("“%s”"), bri_resolved_stop_get_quote_text (resolved));
  else if (bri_tour_stop_get_quote (stop) == NULL)
    quote = g_strdup (_("No quote yet: choose “Quote in Tour” under a passage of a place, a country or a document."));
  set_label (self->quote_label, quote);
  set_label (self->citation_label, resolved != NULL ? bri_resolved_stop_get_citation (resolved) : NULL);
  if (resolved != NULL && bri_resolved_stop_get_subject_name (resolved) != NULL)
    /* Translators: what a stop is about: a place, a country or a passage */
    subject = g_strdup_printf (_("About: %s"), bri_resolved_stop_get_subject_name (resolved));
  set_label (self->subject_label, subject);
  if (resolved != NULL && !bri_resolved_stop_is_complete (resolved))
    missing = g_strjoinv ("\n", (char **) bri_resolved_stop_get_missing (resolved));
  set_label (self->missing_label, missing);

  gtk_editable_set_editable (GTK_EDITABLE (self->stop_title_entry), editable);
  gtk_text_view_set_editable (self->caption_view, editable);
  gtk_text_view_set_editable (self->notes_view, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->duration_spin), editable);
  gtk_widget_set_visible (self->remove_quote_button, editable && bri_tour_stop_get_quote (stop) != NULL);
  gtk_widget_set_visible (self->set_view_button, editable);
  gtk_widget_set_visible (self->remove_button, editable);

  self->updating--;
}

static void
on_stop_notify_cb (BriTourEditor *self)
{
  if (self->updating == 0)
    update_fields (self);
}

static void
set_current (BriTourEditor *self,
             BriTourStop   *stop)
{
  if (self->current == stop)
    {
      update_fields (self);
      return;
    }

  if (self->current != NULL)
    g_signal_handlers_disconnect_by_func (self->current, on_stop_notify_cb, self);
  g_set_object (&self->current, stop);
  if (stop != NULL)
    g_signal_connect_object (stop, "notify", G_CALLBACK (on_stop_notify_cb), self, G_CONNECT_SWAPPED);

  /* Typing into another stop is another step of undo. */
  if (self->tour != NULL)
    bri_tour_seal_undo (self->tour);
  update_fields (self);
}

static void
select_current_row (BriTourEditor *self)
{
  guint position = position_of (self, self->current);
  GtkListBoxRow *row = position != BRI_TOUR_EDITOR_NO_STOP
                       ? gtk_list_box_get_row_at_index (self->stops_list, position) : NULL;

  self->updating++;
  if (row != NULL)
    gtk_list_box_select_row (self->stops_list, row);
  else
    gtk_list_box_unselect_all (self->stops_list);
  self->updating--;
}

static void
on_row_selected_cb (GtkListBox    *box,
                    GtkListBoxRow *row,
                    BriTourEditor *self)
{
  /* A rebuild drops the selection for a moment; the stop stays chosen. */
  if (self->updating > 0 || row == NULL)
    return;

  set_current (self, row_stop (row));
}

static void
on_items_changed_cb (BriTourEditor *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *model)
{
  guint n = g_list_model_get_n_items (model);

  /* A stop added is the one to write in; a stop removed leaves its
   * neighbour chosen. */
  if (added == 1 && removed == 0)
    set_current (self, bri_tour_get_stop (self->tour, position));
  else if (position_of (self, self->current) == BRI_TOUR_EDITOR_NO_STOP)
    set_current (self, n > 0 ? bri_tour_get_stop (self->tour, MIN (position, n - 1)) : NULL);

  update_rows (self);
  select_current_row (self);
  gtk_widget_set_visible (self->empty_label, n == 0);
  update_fields (self);
}

/* Edits from the fields */

static void
on_title_changed_cb (BriTourEditor *self)
{
  if (self->updating == 0 && bri_tour_editor_get_editable (self))
    bri_tour_set_title (self->tour, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
}

static void
on_tour_title_cb (BriTourEditor *self)
{
  self->updating++;
  set_entry_text (self->title_entry, bri_tour_get_title (self->tour));
  self->updating--;
}

/* The chosen stop, when a field's change is the user's edit of it: not
 * while the fields are filled from the model, not in a read-only tour. */
static guint
edited_stop (BriTourEditor *self)
{
  if (self->updating > 0 || !bri_tour_editor_get_editable (self))
    return BRI_TOUR_EDITOR_NO_STOP;

  return position_of (self, self->current);
}

static void
on_stop_title_changed_cb (BriTourEditor *self)
{
  guint position = edited_stop (self);

  if (position != BRI_TOUR_EDITOR_NO_STOP)
    bri_tour_set_stop_title (self->tour, position,
                             gtk_editable_get_text (GTK_EDITABLE (self->stop_title_entry)));
}

/* The caption or the notes, typed. */
static void
on_text_changed_cb (BriTourEditor *self,
                    GtkTextBuffer *buffer)
{
  guint position = edited_stop (self);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (position == BRI_TOUR_EDITOR_NO_STOP)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  /* The fields stay as typed: the model's notification is not echoed
   * back into them (the cursor would jump). */
  self->updating++;
  if (buffer == gtk_text_view_get_buffer (self->caption_view))
    bri_tour_set_stop_caption (self->tour, position, text);
  else
    bri_tour_set_stop_notes (self->tour, position, text);
  self->updating--;
}

static void
on_duration_changed_cb (BriTourEditor *self)
{
  guint position = edited_stop (self);

  if (position != BRI_TOUR_EDITOR_NO_STOP)
    bri_tour_set_stop_duration (self->tour, position, gtk_spin_button_get_value (self->duration_spin));
}

static void
on_remove_quote_clicked_cb (BriTourEditor *self)
{
  guint position = edited_stop (self);

  if (position != BRI_TOUR_EDITOR_NO_STOP)
    bri_tour_set_stop_quote (self->tour, position, NULL);
}

static void
on_duplicate_clicked_cb (BriTourEditor *self)
{
  if (self->tour != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.duplicate-tour", "s", bri_tour_get_id (self->tour));
}

/* A field left: its typing is one step of undo, finished. */
static void
on_field_left_cb (BriTourEditor *self)
{
  if (self->tour != NULL)
    bri_tour_seal_undo (self->tour);
}

/* Actions */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BriTourEditor *self = BRI_TOUR_EDITOR (widget);

  bri_tour_undo (self->tour);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BriTourEditor *self = BRI_TOUR_EDITOR (widget);

  bri_tour_redo (self->tour);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BriTourEditor *self = BRI_TOUR_EDITOR (widget);
  guint position = position_of (self, self->current);
  gboolean up = g_str_equal (action_name, "tour-editor.move-up");
  GtkListBoxRow *row;

  if (position == BRI_TOUR_EDITOR_NO_STOP || (up && position == 0) ||
      (!up && position + 1 >= g_list_model_get_n_items (G_LIST_MODEL (self->tour))))
    return;

  bri_tour_move_stop (self->tour, position, up ? position - 1 : position + 1);

  /* The rows were rebuilt: the keyboard stays on the stop it moved. */
  row = gtk_list_box_get_row_at_index (self->stops_list, position_of (self, self->current));
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
remove_stop_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BriTourEditor *self = BRI_TOUR_EDITOR (widget);
  guint position = position_of (self, self->current);

  if (position != BRI_TOUR_EDITOR_NO_STOP)
    bri_tour_remove_stop (self->tour, position);
}

static void
update_menu (BriTourEditor *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) present = g_menu_new ();
  g_autoptr(GMenu) file = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  const char *id;

  if (self->tour == NULL)
    {
      gtk_menu_button_set_menu_model (self->menu_button, NULL);
      return;
    }

  id = bri_tour_get_id (self->tour);
  g_menu_append (present, _("Present From the _Chosen Stop"), "win.present-current");
  g_menu_append (present, _("_Presenter View"), "win.presenter-view");
  g_menu_append (present, _("Play _Unattended"), "win.play-unattended");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (present));

  item = g_menu_item_new (_("_Duplicate"), NULL);
  g_menu_item_set_action_and_target (item, "win.duplicate-tour", "s", id);
  g_menu_append_item (file, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Save As…"), NULL);
  g_menu_item_set_action_and_target (item, "win.save-tour-as", "s", id);
  g_menu_append_item (file, item);
  g_clear_object (&item);
  if (bri_tour_editor_get_editable (self))
    {
      item = g_menu_item_new (_("De_lete Tour"), NULL);
      g_menu_item_set_action_and_target (item, "win.delete-tour", "s", id);
      g_menu_append_item (file, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (file));

  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

/* GObject */

static void
bri_tour_editor_atlas_changed (BriPanel *panel)
{
  BriTourEditor *self = BRI_TOUR_EDITOR (panel);

  update_rows (self);
  update_fields (self);
}

static void
bri_tour_editor_dispose (GObject *object)
{
  BriTourEditor *self = BRI_TOUR_EDITOR (object);

  bri_tour_editor_set_tour (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRI_TYPE_TOUR_EDITOR);

  G_OBJECT_CLASS (bri_tour_editor_parent_class)->dispose (object);
}

static void
bri_tour_editor_class_init (BriTourEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BriPanelClass *panel_class = BRI_PANEL_CLASS (klass);

  object_class->dispose = bri_tour_editor_dispose;
  panel_class->atlas_changed = bri_tour_editor_atlas_changed;

  gtk_widget_class_set_css_name (widget_class, "bri-tour-editor");

  bri_panel_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BriAtlas/ui/bri-tour-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, read_only_box);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, stops_list);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, empty_label);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, stop_box);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, stop_heading);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, stop_title_entry);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, caption_view);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, quote_label);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, citation_label);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, subject_label);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, missing_label);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, remove_quote_button);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, set_view_button);
  gtk_widget_class_bind_template_child (widget_class, BriTourEditor, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_quote_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_duplicate_clicked_cb);

  gtk_widget_class_install_action (widget_class, "tour-editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "tour-editor.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "tour-editor.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "tour-editor.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "tour-editor.remove-stop", NULL, remove_stop_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "tour-editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "tour-editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "tour-editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "tour-editor.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "tour-editor.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "tour-editor.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "tour-editor.move-down", NULL);
}

static void
watch_leaving (BriTourEditor *self,
               GtkWidget     *field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_field_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (field, focus);
}

static void
bri_tour_editor_init (BriTourEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* One history, the tour's: the fields' own undo would take Ctrl+Z. */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->caption_view), FALSE);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->notes_view), FALSE);

  g_signal_connect_object (self->title_entry, "changed", G_CALLBACK (on_title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stop_title_entry, "changed", G_CALLBACK (on_stop_title_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->caption_view), "changed",
                           G_CALLBACK (on_text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->duration_spin, "value-changed", G_CALLBACK (on_duration_changed_cb),
                           self, G_CONNECT_SWAPPED);
  watch_leaving (self, GTK_WIDGET (self->title_entry));
  watch_leaving (self, GTK_WIDGET (self->stop_title_entry));
  watch_leaving (self, GTK_WIDGET (self->caption_view));
  watch_leaving (self, GTK_WIDGET (self->notes_view));

  update_fields (self);
}

/**
 * bri_tour_editor_set_tour:
 * @tour: (nullable): the tour to show; built-in ones read-only
 */
void
bri_tour_editor_set_tour (BriTourEditor *self,
                          BriTour       *tour)
{
  gboolean editable;

  g_return_if_fail (BRI_IS_TOUR_EDITOR (self));
  g_return_if_fail (tour == NULL || BRI_IS_TOUR (tour));

  if (self->tour == tour)
    return;

  if (self->tour != NULL)
    g_signal_handlers_disconnect_by_data (self->tour, self);
  set_current (self, NULL);
  g_set_object (&self->tour, tour);
  if (self->stops_list == NULL)
    return;

  gtk_list_box_bind_model (self->stops_list, G_LIST_MODEL (tour), tour != NULL ? create_stop_row : NULL,
                           self, NULL);
  update_menu (self);
  if (tour == NULL)
    return;

  editable = bri_tour_editor_get_editable (self);
  g_signal_connect_object (tour, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (tour, "notify::title", G_CALLBACK (on_tour_title_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tour, "notify::can-undo", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tour, "notify::can-redo", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tour, "notify::source", G_CALLBACK (update_menu), self, G_CONNECT_SWAPPED);

  on_tour_title_cb (self);
  gtk_editable_set_editable (GTK_EDITABLE (self->title_entry), editable);
  gtk_widget_set_visible (self->read_only_box, !editable);
  gtk_widget_set_visible (self->add_button, editable);
  gtk_widget_set_visible (self->empty_label, g_list_model_get_n_items (G_LIST_MODEL (tour)) == 0);
  update_rows (self);
  set_current (self, g_list_model_get_n_items (G_LIST_MODEL (tour)) > 0 ? bri_tour_get_stop (tour, 0) : NULL);
  select_current_row (self);
}

/**
 * bri_tour_editor_get_tour:
 *
 * Returns: (transfer none) (nullable): the tour shown
 */
BriTour *
bri_tour_editor_get_tour (BriTourEditor *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_EDITOR (self), NULL);

  return self->tour;
}

/**
 * bri_tour_editor_get_current:
 *
 * Returns: the chosen stop's position, or %BRI_TOUR_EDITOR_NO_STOP
 */
guint
bri_tour_editor_get_current (BriTourEditor *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_EDITOR (self), BRI_TOUR_EDITOR_NO_STOP);

  return position_of (self, self->current);
}

/**
 * bri_tour_editor_set_current:
 * @position: the stop to choose (clamped to the tour)
 */
void
bri_tour_editor_set_current (BriTourEditor *self,
                             guint          position)
{
  guint n;

  g_return_if_fail (BRI_IS_TOUR_EDITOR (self));

  n = self->tour != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->tour)) : 0;
  if (n == 0)
    return;

  set_current (self, bri_tour_get_stop (self->tour, MIN (position, n - 1)));
  select_current_row (self);
}

/**
 * bri_tour_editor_focus_stop:
 *
 * Moves the keyboard focus to the chosen stop's row, or to the title
 * when there is none.
 *
 * Returns: whether something took it
 */
gboolean
bri_tour_editor_focus_stop (BriTourEditor *self)
{
  guint position;
  GtkListBoxRow *row;

  g_return_val_if_fail (BRI_IS_TOUR_EDITOR (self), FALSE);

  position = position_of (self, self->current);
  row = position != BRI_TOUR_EDITOR_NO_STOP ? gtk_list_box_get_row_at_index (self->stops_list, position) : NULL;
  if (row != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (row));

  return gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}
