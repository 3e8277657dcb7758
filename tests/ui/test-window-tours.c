/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tours in the real window, with the real atlas and the real widgets:
 * the Tours list (built-in tours first, Present on each row), making a
 * tour (New, its title, Add Stop Here from a place, a country and a
 * passage, Quote in Tour from a passage row), editing it in place with
 * one undo history (caption typing, Alt+Up and Alt+Down, a drop, a
 * removed stop), saving it as it changes, Duplicate, Rename, Delete with
 * the toast's Undo, Open… a KML tour and Save As… through the file
 * chooser, and presenting: full screen with nothing but the map, F5 and
 * Escape harmless in the wrong state, Shift+F5 resuming where it ended. */

#include "config.h"

#include <string.h>

#include "bri-map-view.h"
#include "bri-passage-row.h"
#include "bri-presentation.h"
#include "bri-presenter-window.h"
#include "bri-tour-editor.h"
#include "bri-tour-list.h"
#include "bri-window-private.h"
#include "panels/panel-test-util.h"
#include "test-data-home.h"

typedef struct
{
  BriWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  test_data_home_clear ();
  f->window = bri_window_new (NULL, atlas);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_frames (GTK_WIDGET (f->window), 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
activate (Fixture    *f,
          const char *action,
          const char *target)
{
  if (target != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, "s", target));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  wait_frames (GTK_WIDGET (f->window), 2);
}

static const char *
side_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (f->window->side_stack);
}

static BriTourEditor *
editor (Fixture *f)
{
  return BRI_TOUR_EDITOR (f->window->tour_editor);
}

static BriTour *
open_tour (Fixture *f)
{
  return bri_tour_editor_get_tour (editor (f));
}

static char *
user_file (const char *id)
{
  g_autofree char *dir = test_data_home_tours_dir ();
  g_autofree char *name = g_strconcat (id, ".briatour", NULL);

  return g_build_filename (dir, name, NULL);
}

/* Runs the main loop until the tour's file holds @needle (the window
 * saves a moment after a change), 5 s at most. */
static void
wait_saved (BriTour    *tour,
            const char *needle)
{
  g_autofree char *path = user_file (bri_tour_get_id (tour));
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, needle) != NULL)
        return;
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

/* Runs the main loop until the tour's file is the tour as it is now. */
static void
wait_synced (BriTour *tour)
{
  g_autofree char *path = user_file (bri_tour_get_id (tour));
  g_autofree char *json = bri_tour_to_json (tour);
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents (path, &contents, NULL, NULL) && g_str_equal (contents, json))
        return;
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_button_with_action (GtkWidget     *widget,
                       gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Whether the window's action is enabled, as a button using it shows. */
static gboolean
action_enabled (GtkWidget  *root,
                const char *action)
{
  GtkWidget *button = find_widget (root, has_action, action);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static GtkListBox *
first_list_box (GtkWidget *root)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();

  collect_widgets (root, GTK_TYPE_LIST_BOX, boxes);
  g_assert_cmpuint (boxes->len, >=, 1);
  return g_ptr_array_index (boxes, 0);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  GtkListBox *list = first_list_box (f->window->tour_list);
  const char *ids[] = { "china-europe-rail", "cpec", "maritime-silk-road-ports" };
  GtkListBoxRow *row;
  GtkWidget *present;
  BriTour *copy;
  g_autofree char *path = NULL;

  activate (f, "win.show-tours", NULL);
  g_assert_cmpstr (side_page (f), ==, "browse");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->browse_stack), ==, "tours");

  /* The built-in tours, each with its title and a Present button. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      BriTour *tour = bri_tour_library_lookup (f->window->tours, ids[i]);

      row = gtk_list_box_get_row_at_index (list, i);
      g_assert_nonnull (row);
      g_assert_nonnull (find_widget (GTK_WIDGET (row), is_label_with_text, bri_tour_get_title (tour)));
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, G_N_ELEMENTS (ids)));

  /* Rename and Delete are not for a built-in tour. */
  row = gtk_list_box_get_row_at_index (list, 1);
  gtk_list_box_select_row (list, row);
  g_assert_true (bri_tour_list_get_selected (BRI_TOUR_LIST (f->window->tour_list)) ==
                 bri_tour_library_lookup (f->window->tours, "cpec"));
  g_assert_false (action_enabled (f->window->tour_list, "tour-list.delete"));
  g_assert_false (action_enabled (f->window->tour_list, "tour-list.rename"));
  g_assert_true (action_enabled (f->window->tour_list, "tour-list.duplicate"));
  g_assert_true (action_enabled (f->window->tour_list, "tour-list.save-as"));

  /* Choosing the row opens the tour, read-only. */
  g_signal_emit_by_name (list, "row-activated", row);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpstr (side_page (f), ==, "tour");
  g_assert_true (open_tour (f) == bri_tour_library_lookup (f->window->tours, "cpec"));
  g_assert_false (bri_tour_editor_get_editable (editor (f)));
  g_assert_false (action_enabled (GTK_WIDGET (f->window), "win.add-stop"));

  /* Duplicate makes it one's own, opened, editable, saved. */
  activate (f, "win.show-tours", NULL);
  g_assert_true (gtk_widget_activate_action (f->window->tour_list, "tour-list.duplicate", NULL));
  wait_frames (GTK_WIDGET (f->window), 2);
  copy = open_tour (f);
  g_assert_cmpint (bri_tour_get_source (copy), ==, BRI_TOUR_SOURCE_USER);
  g_assert_cmpstr (bri_tour_get_title (copy), ==,
                   "The China–Pakistan Economic Corridor: Kashgar to Gwadar (copy)");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (copy)), ==, 10);
  g_assert_true (bri_tour_editor_get_editable (editor (f)));
  path = user_file (bri_tour_get_id (copy));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 3));

  /* ▶ on a row presents its tour. */
  row = gtk_list_box_get_row_at_index (list, 2);
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    collect_widgets (GTK_WIDGET (row), GTK_TYPE_BUTTON, buttons);
    g_assert_cmpuint (buttons->len, ==, 1);
    present = g_ptr_array_index (buttons, 0);
  }
  g_signal_emit_by_name (present, "clicked");
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (bri_presentation_get_presenting (BRI_PRESENTATION (f->window->presentation)));
  g_assert_true (bri_tour_player_get_tour (bri_presentation_get_player (BRI_PRESENTATION (f->window->presentation))) ==
                 bri_tour_library_lookup (f->window->tours, "maritime-silk-road-ports"));
  bri_presentation_stop (BRI_PRESENTATION (f->window->presentation));
}

static BriTourStop *
stop (Fixture *f,
      guint    position)
{
  return bri_tour_get_stop (open_tour (f), position);
}

static GtkListBox *
stops_list (Fixture *f)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();

  collect_widgets (f->window->tour_editor, GTK_TYPE_LIST_BOX, boxes);
  g_assert_cmpuint (boxes->len, ==, 1);
  return g_ptr_array_index (boxes, 0);
}

static char *
titles (Fixture *f)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (open_tour (f))); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", bri_tour_stop_get_title (stop (f, i)));

  return g_string_free (out, FALSE);
}

#define assert_titles(f, expected) \
  G_STMT_START { \
    g_autofree char *_t = titles (f); \
    g_assert_cmpstr (_t, ==, expected); \
  } G_STMT_END

static void
test_make (Fixture       *f,
           gconstpointer  data)
{
  ShumateViewport *viewport = bri_map_view_get_viewport (BRI_MAP_VIEW (f->window->map_view));
  GtkWidget *quote_button = NULL;
  GtkTextView *caption = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  BriTour *tour;
  double lat, lon, zoom;
  guint gwadar_passage;

  /* No tour of one's own open: nothing to add to, nothing to quote in. */
  g_assert_false (action_enabled (GTK_WIDGET (f->window), "win.add-stop"));

  /* New: an empty tour, its title ready to type. */
  activate (f, "win.new-tour", NULL);
  tour = open_tour (f);
  g_assert_nonnull (tour);
  g_assert_cmpstr (bri_tour_get_title (tour), ==, "Untitled Tour");
  g_assert_cmpstr (side_page (f), ==, "tour");
  g_assert_true (GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (f->window))));
  gtk_editable_set_text (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (f->window))), "Ports & Railways");
  g_assert_cmpstr (bri_tour_get_title (tour), ==, "Ports & Railways");
  wait_saved (tour, "\"Ports & Railways\"");

  /* Add Stop Here takes the map's view and the place open. */
  activate (f, "win.open", "feature:gwadar-port");
  g_assert_cmpstr (side_page (f), ==, "feature");
  g_assert_true (gtk_revealer_get_reveal_child (f->window->tour_bar));
  activate (f, "win.add-stop", NULL);
  assert_titles (f, "Gwadar Port");
  g_assert_cmpstr (bri_location_to_string (bri_tour_stop_get_subject (stop (f, 0))), ==, "feature:gwadar-port");
  bri_location_get_view (bri_tour_stop_get_view (stop (f, 0)), &lat, &lon, &zoom);
  g_assert_cmpfloat (fabs (lat - shumate_location_get_latitude (SHUMATE_LOCATION (viewport))), <, 1e-3);
  g_assert_cmpfloat (fabs (zoom - shumate_viewport_get_zoom_level (viewport)), <, 1e-3);
  g_assert_null (bri_tour_stop_get_quote (stop (f, 0)));

  /* Quote in Tour, on a passage of the card, quotes it at that stop. */
  collect_widgets (f->window->feature_card, BRI_TYPE_PASSAGE_ROW, rows);
  g_assert_cmpuint (rows->len, >, 0);
  quote_button = find_widget (g_ptr_array_index (rows, 0), is_button_with_action, "win.quote-in-tour");
  g_assert_nonnull (quote_button);
  g_assert_true (gtk_widget_get_visible (quote_button));
  gwadar_passage = bri_passage_get_ordinal (bri_passage_row_get_passage (g_ptr_array_index (rows, 0)));
  g_signal_emit_by_name (quote_button, "clicked");
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_nonnull (bri_tour_stop_get_quote (stop (f, 0)));
  g_assert_cmpuint (bri_location_get_ordinal (bri_tour_stop_get_quote (stop (f, 0))), ==, gwadar_passage);

  /* A country, then a passage: each a stop, after the one chosen. */
  activate (f, "win.open", "country:KE");
  activate (f, "win.add-stop", NULL);
  activate (f, "win.open", "passage:white-paper-2023/88");
  activate (f, "win.add-stop", NULL);
  assert_titles (f, "Gwadar Port|Kenya|The Belt and Road Initiative: A Key Pillar of the Global Community of Shared Future");
  g_assert_cmpstr (bri_location_to_string (bri_tour_stop_get_quote (stop (f, 2))), ==, "passage:white-paper-2023/88");
  g_assert_cmpuint (bri_tour_editor_get_current (editor (f)), ==, 2);
  wait_saved (tour, "passage:white-paper-2023/88");

  /* The editor shows them; the caption is typed in place, one step of
   * undo however many letters. */
  activate (f, "win.show-tour", NULL);
  g_assert_cmpstr (side_page (f), ==, "tour");
  g_assert_nonnull (gtk_list_box_get_row_at_index (stops_list (f), 2));
  bri_tour_editor_set_current (editor (f), 0);
  collect_widgets (f->window->tour_editor, GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, ==, 2);
  caption = g_ptr_array_index (views, 0);
  g_assert_false (gtk_text_buffer_get_enable_undo (gtk_text_view_get_buffer (caption)));
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (caption), "A port ", -1);
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (caption), "on the Arabian Sea.", -1);
  g_assert_cmpstr (bri_tour_stop_get_caption (stop (f, 0)), ==, "A port on the Arabian Sea.");
  wait_saved (tour, "A port on the Arabian Sea.");
  g_assert_true (gtk_widget_activate_action (f->window->tour_editor, "tour-editor.undo", NULL));
  g_assert_cmpstr (bri_tour_stop_get_caption (stop (f, 0)), ==, "");
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (caption), &start, &end);
    text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (caption), &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "");
  }
  g_assert_true (gtk_widget_activate_action (f->window->tour_editor, "tour-editor.redo", NULL));
  g_assert_cmpstr (bri_tour_stop_get_caption (stop (f, 0)), ==, "A port on the Arabian Sea.");

  /* Alt+Down and Alt+Up move the chosen stop; undo moves it back. */
  g_assert_true (gtk_widget_activate_action (f->window->tour_editor, "tour-editor.move-down", NULL));
  assert_titles (f, "Kenya|Gwadar Port|The Belt and Road Initiative: A Key Pillar of the Global Community of Shared Future");
  g_assert_cmpuint (bri_tour_editor_get_current (editor (f)), ==, 1);
  g_assert_true (gtk_widget_activate_action (f->window->tour_editor, "tour-editor.move-down", NULL));
  g_assert_cmpuint (bri_tour_editor_get_current (editor (f)), ==, 2);
  /* The last stop goes no further. */
  gtk_widget_activate_action (f->window->tour_editor, "tour-editor.move-down", NULL);
  assert_titles (f, "Kenya|The Belt and Road Initiative: A Key Pillar of the Global Community of Shared Future|Gwadar Port");
  g_assert_cmpuint (bri_tour_editor_get_current (editor (f)), ==, 2);
  g_assert_true (gtk_widget_activate_action (f->window->tour_editor, "tour-editor.undo", NULL));
  g_assert_true (gtk_widget_activate_action (f->window->tour_editor, "tour-editor.undo", NULL));
  assert_titles (f, "Gwadar Port|Kenya|The Belt and Road Initiative: A Key Pillar of the Global Community of Shared Future");

  /* A stop dropped on a row takes its place. */
  {
    GtkListBoxRow *target_row = gtk_list_box_get_row_at_index (stops_list (f), 0);
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (target_row));
    GValue value = G_VALUE_INIT;
    gboolean dropped = FALSE;

    g_value_init (&value, BRI_TYPE_TOUR_STOP);
    g_value_set_object (&value, stop (f, 2));
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
      }
    g_value_unset (&value);
    g_assert_true (dropped);
  }
  assert_titles (f, "The Belt and Road Initiative: A Key Pillar of the Global Community of Shared Future|Gwadar Port|Kenya");

  /* Remove Stop; Ctrl+Z brings it back. */
  bri_tour_editor_set_current (editor (f), 2);
  g_assert_true (gtk_widget_activate_action (f->window->tour_editor, "tour-editor.remove-stop", NULL));
  assert_titles (f, "The Belt and Road Initiative: A Key Pillar of the Global Community of Shared Future|Gwadar Port");
  g_assert_true (gtk_widget_activate_action (f->window->tour_editor, "tour-editor.undo", NULL));
  assert_titles (f, "The Belt and Road Initiative: A Key Pillar of the Global Community of Shared Future|Gwadar Port|Kenya");

  /* Everything reached the file, atomically written, and reads back. */
  wait_synced (tour);
  {
    g_autofree char *path = user_file (bri_tour_get_id (tour));
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autoptr(BriTour) reread = bri_tour_new_from_file (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reread)), ==, 3);
    g_assert_cmpstr (bri_tour_stop_get_caption (bri_tour_get_stop (reread, 1)), ==, "A port on the Arabian Sea.");
  }
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static gboolean
is_undo_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Undo") == 0;
}

static void
test_rename_delete (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  GtkWidget *dialog, *entry, *undo;
  BriTour *tour;

  activate (f, "win.new-tour", NULL);
  tour = open_tour (f);
  id = g_strdup (bri_tour_get_id (tour));
  path = user_file (id);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Rename asks for the title in a dialog. */
  activate (f, "win.rename-tour", id);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Corridors <for> Year 9");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpstr (bri_tour_get_title (tour), ==, "Corridors <for> Year 9");
  wait_saved (tour, "Corridors <for> Year 9");

  /* Delete: the file goes, the list forgets it, the editor closes... */
  activate (f, "win.delete-tour", id);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (bri_tour_library_lookup (f->window->tours, id));
  g_assert_null (open_tour (f));
  g_assert_cmpstr (side_page (f), ==, "browse");

  /* ...and the toast's Undo brings it all back. */
  undo = find_widget (GTK_WIDGET (f->window->toast_overlay), is_undo_button, NULL);
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (bri_tour_library_lookup (f->window->tours, id) == tour);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (bri_tour_get_title (tour), ==, "Corridors <for> Year 9");
}

/* Answers the file chooser that the window opened with @path. */
static void
answer_file_chooser (Fixture    *f,
                     const char *path)
{
  GtkWidget *dialog = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while ((dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }

  if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, &error);
      g_assert_no_error (error);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  else
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), file, &error);
      g_assert_no_error (error);
    }
  /* The chooser reads the folder before it takes a file: until then it
   * refuses to answer. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (dialog != NULL && gtk_widget_get_visible (dialog))
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      g_assert_cmpint (g_get_monotonic_time (), <, end);
      if (chosen != NULL)
        gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
      wait_frames (GTK_WIDGET (f->window), 2);
    }
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  wait_frames (GTK_WIDGET (f->window), 2);
}

static void
test_open_save (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *kml = g_test_build_filename (G_TEST_DIST, "data", "tours", "marble-tour.kml", NULL);
  g_autofree char *out_dir = g_dir_make_tmp ("bri-save-as-XXXXXX", NULL);
  g_autofree char *briatour = g_build_filename (out_dir, "exported.briatour", NULL);
  g_autofree char *kml_out = g_build_filename (out_dir, "exported.kml", NULL);
  BriTour *tour;
  guint n_tours = g_list_model_get_n_items (G_LIST_MODEL (f->window->tours));

  /* Open… a KML tour: it becomes one of the user's, opened. */
  activate (f, "win.open-tour-file", NULL);
  answer_file_chooser (f, kml);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->tours)), ==, n_tours + 1);
  tour = open_tour (f);
  g_assert_nonnull (tour);
  g_assert_cmpint (bri_tour_get_source (tour), ==, BRI_TOUR_SOURCE_USER);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tour)), >, 0);

  /* Save As… a .briatour, and a .kml, by the name's ending; the tour
   * stays the user's, saved in its own place. */
  activate (f, "win.save-tour-as", bri_tour_get_id (tour));
  answer_file_chooser (f, briatour);
  activate (f, "win.save-tour-as", bri_tour_get_id (tour));
  answer_file_chooser (f, kml_out);
  {
    g_autoptr(GFile) file = g_file_new_for_path (briatour);
    g_autoptr(GError) error = NULL;
    g_autoptr(BriTour) reread = bri_tour_new_from_file (file, NULL, &error);
    g_autofree char *contents = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (bri_tour_get_title (reread), ==, bri_tour_get_title (tour));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reread)), ==,
                      g_list_model_get_n_items (G_LIST_MODEL (tour)));
    g_assert_true (g_file_get_contents (kml_out, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "<gx:Tour"));
  }
  g_assert_cmpint (bri_tour_get_source (tour), ==, BRI_TOUR_SOURCE_USER);

  g_unlink (briatour);
  g_unlink (kml_out);
  g_rmdir (out_dir);
}

static BriPresentation *
presentation (Fixture *f)
{
  return BRI_PRESENTATION (f->window->presentation);
}

static void
press (Fixture *f,
       guint    keyval)
{
  g_assert_true (bri_presentation_handle_key (presentation (f), keyval, 0));
  wait_frames (GTK_WIDGET (f->window), 1);
}

static void
test_present (Fixture       *f,
              gconstpointer  data)
{
  BriTourPlayer *player;
  g_autoptr(GError) error = NULL;

  /* F5 with no tour open says what to do. */
  activate (f, "win.present", NULL);
  g_assert_false (bri_presentation_get_presenting (presentation (f)));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->browse_stack), ==, "tours");

  /* A tour by name, as the command line asks. */
  g_assert_false (bri_window_present_tour (f->window, "no-such-tour", FALSE, &error));
  g_assert_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_NOT_FOUND);
  g_assert_true (bri_window_present_tour (f->window, "cpec", FALSE, NULL));
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (bri_presentation_get_presenting (presentation (f)));
  player = bri_presentation_get_player (presentation (f));

  /* Nothing but the map; typing is no search. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->header_bar)));
  g_assert_false (gtk_widget_get_visible (adw_flap_get_flap (f->window->flap)));
  g_assert_false (bri_map_view_get_line_scale (BRI_MAP_VIEW (f->window->map_view)) == 1.0);

  /* F5 again (a remote's start button) changes nothing. */
  press (f, GDK_KEY_Page_Down);
  press (f, GDK_KEY_Page_Down);
  activate (f, "win.present", NULL);
  g_assert_true (bri_presentation_get_presenting (presentation (f)));
  g_assert_cmpuint (bri_tour_player_get_position (player), ==, 1);
  g_assert_cmpuint (bri_tour_player_get_revealed (player), ==, 1);
  for (guint i = 0; i < 3; i++)
    press (f, GDK_KEY_Page_Down);
  g_assert_cmpuint (bri_tour_player_get_position (player), ==, 2);

  /* Escape ends; the window comes back; Escape again is nobody's. */
  press (f, GDK_KEY_Escape);
  g_assert_false (bri_presentation_get_presenting (presentation (f)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->header_bar)));
  g_assert_true (gtk_widget_get_visible (adw_flap_get_flap (f->window->flap)));
  g_assert_cmpfloat (bri_map_view_get_line_scale (BRI_MAP_VIEW (f->window->map_view)), ==, 1.0);
  g_assert_false (bri_presentation_handle_key (presentation (f), GDK_KEY_Escape, 0));
  g_assert_true (open_tour (f) == bri_tour_library_lookup (f->window->tours, "cpec"));
  g_assert_cmpuint (bri_tour_editor_get_current (editor (f)), ==, 2);

  /* Shift+F5 takes it up at the third stop; F5 from the first. */
  activate (f, "win.present-current", NULL);
  player = bri_presentation_get_player (presentation (f));
  g_assert_true (bri_presentation_get_presenting (presentation (f)));
  g_assert_cmpuint (bri_tour_player_get_position (player), ==, 2);
  press (f, GDK_KEY_Escape);
  activate (f, "win.present", NULL);
  player = bri_presentation_get_player (presentation (f));
  g_assert_cmpuint (bri_tour_player_get_position (player), ==, 0);

  /* The presenter view follows and closes with the presentation. */
  activate (f, "win.presenter-view", NULL);
  g_assert_nonnull (find_toplevel (BRI_TYPE_PRESENTER_WINDOW));
  press (f, GDK_KEY_Escape);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_null (find_toplevel (BRI_TYPE_PRESENTER_WINDOW));

  /* A tour with no stops is not presented. */
  activate (f, "win.new-tour", NULL);
  activate (f, "win.present", NULL);
  g_assert_false (bri_presentation_get_presenting (presentation (f)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->header_bar)));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_data_home_setup ();
  if (!panel_test_init (&argc, &argv))
    return 1;

  /* The map jumps instead of flying. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/bri/window-tours/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/bri/window-tours/make", Fixture, NULL, fixture_set_up, test_make, fixture_tear_down);
  g_test_add ("/bri/window-tours/rename-delete", Fixture, NULL, fixture_set_up, test_rename_delete, fixture_tear_down);
  g_test_add ("/bri/window-tours/open-save", Fixture, NULL, fixture_set_up, test_open_save, fixture_tear_down);
  g_test_add ("/bri/window-tours/present", Fixture, NULL, fixture_set_up, test_present, fixture_tear_down);

  status = panel_test_run ();
  test_data_home_clear ();
  /* The file chooser's list of recent files, in the data folder too. */
  {
    g_autofree char *recent = g_build_filename (test_data_home, "recently-used.xbel", NULL);

    g_unlink (recent);
  }
  test_data_home_teardown ();
  return status;
}
