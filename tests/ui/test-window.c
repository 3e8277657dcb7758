/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window with the real atlas: every kind of location opened
 * through win.open lands on its page (and the map, for a view); a
 * malformed or unknown one changes nothing; Back and Forward step through
 * exactly what was opened; "All …" leads to the right list however often
 * it is used; a location opened while the atlas loads is shown once it
 * has. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bri-country-page.h"
#include "bri-feature-card.h"
#include "bri-feature-layer.h"
#include "bri-map-view.h"
#include "bri-reader-private.h"
#include "bri-search-row.h"
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
  gtk_window_present (GTK_WINDOW (f->window));
  wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->side_stack), ==, "browse");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}

/* What a panel, a link or the command line does: win.open. */
static void
open_location (Fixture    *f,
               const char *location)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open", "s", location));
  wait_frames (GTK_WIDGET (f->window), 2);
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  wait_frames (GTK_WIDGET (f->window), 2);
}

static const char *
side_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (f->window->side_stack);
}

/* Runs the main loop until the side panel shows @page, 10 s at most. */
static void
wait_for_side_page (Fixture    *f,
                    const char *page)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_strcmp0 (side_page (f), page) != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      wait_frames (GTK_WIDGET (f->window), 1);
    }
}

static gboolean
is_mapped_label_with (GtkWidget     *widget,
                      gconstpointer  needle)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL;
}

/* Whether the user sees @needle in a label under @root. */
static gboolean
shows_text (GtkWidget  *root,
            const char *needle)
{
  return find_widget (root, is_mapped_label_with, needle) != NULL;
}

/* The first paragraph of the white paper that names @words. */
static guint
white_paper_passage (const char *words)
{
  BriDocument *document = bri_atlas_lookup_document (atlas, "white-paper-2023");

  for (guint i = 0; i < bri_document_get_n_passages (document); i++)
    {
      BriPassage *passage = bri_document_get_passage (document, i);

      if (bri_passage_get_kind (passage) == BRI_PASSAGE_PARAGRAPH &&
          strstr (bri_passage_get_text (passage), words) != NULL)
        return i;
    }

  g_assert_not_reached ();
  return 0;
}

static void
assert_showing_feature (Fixture    *f,
                        const char *id)
{
  BriFeature *feature = bri_feature_card_get_feature (BRI_FEATURE_CARD (f->window->feature_card));

  g_assert_cmpstr (side_page (f), ==, "feature");
  g_assert_nonnull (feature);
  g_assert_cmpstr (bri_feature_get_id (feature), ==, id);
}

static void
assert_showing_country (Fixture    *f,
                        const char *code)
{
  BriCountry *country = bri_country_page_get_country (BRI_COUNTRY_PAGE (f->window->country_page));

  g_assert_cmpstr (side_page (f), ==, "country");
  g_assert_nonnull (country);
  g_assert_cmpstr (bri_country_get_code (country), ==, code);
}

static void
assert_showing_passage (Fixture    *f,
                        const char *document_id,
                        guint       ordinal)
{
  BriReader *reader = BRI_READER (f->window->reader);

  g_assert_cmpstr (side_page (f), ==, "reader");
  g_assert_cmpstr (bri_document_get_id (bri_reader_get_document (reader)), ==, document_id);
  g_assert_cmpuint (bri_reader_get_ordinal (reader), ==, ordinal);
}

static void
test_open_feature (Fixture       *f,
                   gconstpointer  data)
{
  open_location (f, "feature:gwadar-port");
  assert_showing_feature (f, "gwadar-port");
  g_assert_true (shows_text (f->window->feature_card, "Gwadar"));
}

static void
test_open_country (Fixture       *f,
                   gconstpointer  data)
{
  open_location (f, "country:KE");
  assert_showing_country (f, "KE");
  g_assert_true (shows_text (f->window->country_page, "Kenya"));
}

static void
test_open_passage (Fixture       *f,
                   gconstpointer  data)
{
  guint ordinal = white_paper_passage ("Gwadar Port");
  g_autofree char *location = g_strdup_printf ("passage:white-paper-2023/%u", ordinal);
  BriReader *reader = BRI_READER (f->window->reader);
  GtkTextView *view = bri_reader_get_text_view (reader);
  GtkTextIter start, end;
  GdkRectangle visible, first;

  open_location (f, location);
  assert_showing_passage (f, "white-paper-2023", ordinal);

  /* ...scrolled to the passage, far down the document. */
  wait_frames (GTK_WIDGET (f->window), 10);
  g_assert_true (bri_reader_get_passage_bounds (reader, ordinal, &start, &end));
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &start, &first);
  g_assert_cmpint (visible.y, >, 0);
  g_assert_cmpint (first.y, >=, visible.y);
  g_assert_cmpint (first.y + first.height, <=, visible.y + visible.height);
}

static void
test_open_view (Fixture       *f,
                gconstpointer  data)
{
  ShumateViewport *viewport = bri_map_view_get_viewport (BRI_MAP_VIEW (f->window->map_view));
  guint history = bri_history_get_length (f->window->history);

  open_location (f, "view:25.12,62.33,7.5");
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), 25.12, 0.001);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), 62.33, 0.001);
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), 7.5, 0.001);

  /* A view moves the map only. */
  g_assert_cmpstr (side_page (f), ==, "browse");
  g_assert_cmpuint (bri_history_get_length (f->window->history), ==, history);
}

static gboolean
on_run_for_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_run_for_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GPtrArray *
search_rows (Fixture *f)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_widgets (f->window->search_panel, BRI_TYPE_SEARCH_ROW, rows);
  return rows;
}

static gboolean
is_list_box (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget);
}

/* Sends a key press to @widget's own key handler (GTK 4.8 has no public
 * way to synthesise a key event); returns whether it was handled. */
static gboolean
send_key (GtkWidget       *widget,
          guint            keyval,
          GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }

  return handled;
}

/* Sends Down to the search entry's own key handler. */
static gboolean
press_down_in_search (Fixture *f)
{
  return send_key (GTK_WIDGET (f->window->search_entry), GDK_KEY_Down, 0);
}

static void
test_open_search (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  GtkListBox *results;
  BriSearchRow *first;

  open_location (f, "search:Piraeus");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->window->search_entry)), ==, "Piraeus");

  /* The entry searches a moment after the text changes. */
  wait_for_side_page (f, "search");
  rows = search_rows (f);
  g_assert_cmpuint (rows->len, >, 1);
  first = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (bri_location_to_string (bri_search_row_get_location (first)), ==, "feature:piraeus-port");
  g_assert_true (shows_text (f->window->search_panel, "Piraeus"));
  {
    g_autoptr(GdkTexture) texture = save_png (GTK_WIDGET (f->window), "window-search.png");
    g_autoptr(Picture) picture = picture_new (texture);
    GdkRectangle panel = widget_area_in_window (f->window->search_panel);
    guchar background[3];

    assert_picture_not_blank (picture, &panel, 0.03, background);
    assert_picture_dark_on_light (picture, &panel);
  }

  /* Down goes into the results, Enter opens the one chosen. */
  results = GTK_LIST_BOX (find_widget (f->window->search_panel, is_list_box, NULL));
  g_assert_true (press_down_in_search (f));
  g_assert_true (gtk_list_box_get_selected_row (results) == GTK_LIST_BOX_ROW (first));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (first));
  g_signal_emit_by_name (f->window->search_entry, "activate");
  wait_frames (GTK_WIDGET (f->window), 2);
  assert_showing_feature (f, "piraeus-port");

  /* ...and stays there when the entry reports its text, late. */
  run_for (300);
  assert_showing_feature (f, "piraeus-port");
}

static void
test_open_nothing (Fixture       *f,
                   gconstpointer  data)
{
  guint history;

  open_location (f, "country:KE");
  history = bri_history_get_length (f->window->history);

  /* Not a location at all: a panel's mistake, said in the log. */
  g_test_expect_message ("bri-window", G_LOG_LEVEL_WARNING, "*country:Kenya*");
  open_location (f, "country:Kenya");
  g_test_assert_expected_messages ();
  assert_showing_country (f, "KE");

  /* A location of something the atlas does not have: the user is told. */
  open_location (f, "feature:atlantis");
  assert_showing_country (f, "KE");
  g_assert_true (shows_text (GTK_WIDGET (f->window->toast_overlay), "That place is not in the atlas"));
  open_location (f, "passage:white-paper-2023/100000");
  assert_showing_country (f, "KE");

  g_assert_cmpuint (bri_history_get_length (f->window->history), ==, history);
}

static void
test_back_forward (Fixture       *f,
                   gconstpointer  data)
{
  guint ordinal = white_paper_passage ("Mombasa");
  g_autofree char *passage = g_strdup_printf ("passage:white-paper-2023/%u", ordinal);

  /* Views and searches are not steps of their own. */
  open_location (f, "feature:gwadar-port");
  open_location (f, "view:10,20,4");
  open_location (f, "country:KE");
  open_location (f, "search:Piraeus");
  open_location (f, passage);
  g_assert_cmpuint (bri_history_get_length (f->window->history), ==, 3);
  g_assert_false (bri_history_can_go_forward (f->window->history));

  activate (f, "win.back");
  assert_showing_country (f, "KE");
  activate (f, "win.back");
  assert_showing_feature (f, "gwadar-port");
  g_assert_false (bri_history_can_go_back (f->window->history));

  activate (f, "win.forward");
  assert_showing_country (f, "KE");
  activate (f, "win.forward");
  assert_showing_passage (f, "white-paper-2023", ordinal);
  g_assert_false (bri_history_can_go_forward (f->window->history));

  /* Opening something after going back drops what was ahead. */
  activate (f, "win.back");
  open_location (f, "country:GR");
  g_assert_false (bri_history_can_go_forward (f->window->history));
  activate (f, "win.back");
  assert_showing_country (f, "KE");
}

/* Uses the detail page's "All …" button, which says where it leads. */
static void
show_list (Fixture    *f,
           const char *list)
{
  g_assert_cmpstr (gtk_label_get_text (f->window->list_button_label), ==,
                   g_str_equal (list, "countries") ? "All Countries" : "All Places");
  activate (f, "win.show-list");
  g_assert_cmpstr (side_page (f), ==, "browse");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->browse_stack), ==, list);
}

/* "All …" from a dossier leads to the countries, from a card to the
 * places, from the reader to the list last shown — over and over, with
 * the lists switched by hand in between. */
static void
test_show_list (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *passage = g_strdup_printf ("passage:white-paper-2023/%u", white_paper_passage ("Mombasa"));

  for (guint round = 0; round < 4; round++)
    {
      open_location (f, "country:KE");
      show_list (f, "countries");

      adw_view_stack_set_visible_child_name (f->window->browse_stack, "places");
      open_location (f, "country:GR");
      show_list (f, "countries");

      open_location (f, "feature:gwadar-port");
      show_list (f, "places");

      adw_view_stack_set_visible_child_name (f->window->browse_stack, "countries");
      open_location (f, "feature:piraeus-port");
      show_list (f, "places");

      open_location (f, passage);
      show_list (f, "places");
    }
}

/* A side panel's list, not a drop-down's. */
static gboolean
is_list_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar");
}

static gboolean
is_widget_of_type (GtkWidget     *widget,
                   gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The places: every one, fewer when a status is chosen in the filters,
 * and a row opens its card. */
static void
test_places (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *view = find_widget (f->window->feature_list, is_list_view, NULL);
  GtkWidget *status = find_widget (f->window->feature_list, is_widget_of_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN));
  GtkWidget *filters = find_widget (f->window->feature_list, is_widget_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
  guint all = g_list_model_get_n_items (bri_atlas_get_features (atlas));
  const char *operational = bri_feature_status_get_all ()[0];
  g_autofree char *all_text = g_strdup_printf ("%u places", all);
  g_autofree char *some_text = NULL;
  g_autoptr(BriFeature) first = NULL;
  guint n;

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all);
  g_assert_true (shows_text (f->window->feature_list, all_text));
  g_assert_false (gtk_widget_has_css_class (filters, "accent"));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 1);
  wait_frames (GTK_WIDGET (f->window), 2);
  n = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriFeature) feature = g_list_model_get_item (shown, i);

      g_assert_cmpstr (bri_feature_get_status (feature), ==, operational);
    }
  some_text = g_strdup_printf ("%u of %u places", n, all);
  g_assert_true (shows_text (f->window->feature_list, some_text));
  g_assert_true (gtk_widget_has_css_class (filters, "accent"));

  bri_feature_filter_reset (f->window->filter);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (status)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all);
  g_assert_true (shows_text (f->window->feature_list, all_text));

  first = g_list_model_get_item (shown, 0);
  g_signal_emit_by_name (view, "activate", 0);
  wait_frames (GTK_WIDGET (f->window), 2);
  assert_showing_feature (f, bri_feature_get_id (first));
}

/* A region (a search result) narrows the places to its countries and
 * brings the map there; "All Places" lifts it. */
static void
test_open_region (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *view = find_widget (f->window->feature_list, is_list_view, NULL);
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
  BriRegion *region = bri_atlas_lookup_region (atlas, "east-africa");
  guint all = g_list_model_get_n_items (bri_atlas_get_features (atlas));
  ShumateViewport *viewport = bri_map_view_get_viewport (BRI_MAP_VIEW (f->window->map_view));
  guint n;

  open_location (f, "region:east-africa");
  wait_frames (GTK_WIDGET (f->window), 4);
  g_assert_cmpstr (side_page (f), ==, "browse");
  g_assert_cmpstr (bri_feature_filter_get_region (f->window->filter), ==, "east-africa");
  n = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriFeature) feature = g_list_model_get_item (shown, i);
      gboolean inside = FALSE;

      for (const char * const *c = bri_feature_get_countries (feature); *c; c++)
        inside |= bri_region_has_country (region, *c);
      g_assert_true (inside);
    }
  /* The map went to East Africa. */
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), >, 20.0);
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), <, 60.0);
  g_assert_cmpfloat (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), <, 20.0);

  activate (f, "win.show-places");
  g_assert_null (bri_feature_filter_get_region (f->window->filter));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all);

  /* An unknown region changes nothing. */
  open_location (f, "region:atlantis");
  g_assert_null (bri_feature_filter_get_region (f->window->filter));
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  needle)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL;
}

/* A document that cannot be read is left out, the rest load, and the
 * window says which one, its name shown as text. */
static void
test_problems (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("bri-window-XXXXXX", &error);
  g_autofree char *docs = g_build_filename (tmp, "documents", NULL);
  g_autofree char *source = g_build_filename (g_getenv ("BRI_ATLAS_SOURCE_DATA_DIR"), NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_autoptr(BriAtlas) damaged = NULL;
  BriWindow *window;
  const char *links[] = { "gazetteer", "countries" };
  const char catalogue[] =
    "[{\"id\": \"good\", \"title\": \"Good\", \"publisher\": \"P\", \"date\": \"2020\","
    "  \"kind\": \"k\", \"source_file\": \"good.txt\"},"
    " {\"id\": \"bad\", \"title\": \"Bad\", \"publisher\": \"P\", \"date\": \"2020\","
    "  \"kind\": \"k\", \"source_file\": \"<b>latin1<i>.txt\"}]";

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (docs, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autofree char *target = g_build_filename (source, links[i], NULL);
      g_autofree char *link = g_build_filename (tmp, links[i], NULL);

      g_assert_cmpint (symlink (target, link), ==, 0);
    }
  {
    g_autofree char *path = g_build_filename (docs, "documents.json", NULL);
    g_autofree char *good = g_build_filename (docs, "good.txt", NULL);
    g_autofree char *bad = g_build_filename (docs, "<b>latin1<i>.txt", NULL);

    g_assert_true (g_file_set_contents (path, catalogue, -1, &error));
    g_assert_true (g_file_set_contents (good, "Good\n\nThe Port of Piraeus in Greece.\n", -1, &error));
    g_assert_true (g_file_set_contents (bad, "Bad\n\nCaf\xe9 in Mombasa.\n", -1, &error));
  }

  damaged = bri_atlas_new (dir);
  g_assert_true (bri_atlas_load (damaged, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bri_atlas_get_documents (damaged)), ==, 1);
  g_assert_cmpuint (bri_atlas_get_problems (damaged)->len, ==, 1);

  window = bri_window_new (NULL, damaged);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (GTK_WIDGET (window), 4);
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_with, "A document was left out"));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_with, "<b>latin1<i>.txt"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The countries the atlas has something on, by name, each with its
 * counts; a row opens the dossier. */
static void
test_countries (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *view = find_widget (f->window->country_list, is_list_view, NULL);
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
  guint n = g_list_model_get_n_items (shown);
  guint kenya = GTK_INVALID_LIST_POSITION;

  activate (f, "win.show-countries");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->browse_stack), ==, "countries");
  g_assert_cmpuint (n, >, 20);
  g_assert_cmpuint (n, <, g_list_model_get_n_items (bri_atlas_get_countries (atlas)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriCountry) country = g_list_model_get_item (shown, i);
      g_autoptr(GListModel) features = bri_atlas_get_country_features (atlas, country);
      g_autoptr(GListModel) passages = bri_atlas_get_country_passages (atlas, country);

      g_assert_cmpuint (g_list_model_get_n_items (features) + g_list_model_get_n_items (passages), >, 0);
      if (i > 0)
        {
          g_autoptr(BriCountry) before = g_list_model_get_item (shown, i - 1);

          g_assert_cmpint (g_utf8_collate (bri_country_get_display_name (before),
                                           bri_country_get_display_name (country)), <=, 0);
        }
      if (g_str_equal (bri_country_get_code (country), "KE"))
        kenya = i;
    }
  g_assert_cmpuint (kenya, !=, GTK_INVALID_LIST_POSITION);
  g_assert_true (shows_text (f->window->country_list, "places · "));

  g_signal_emit_by_name (view, "activate", kenya);
  wait_frames (GTK_WIDGET (f->window), 2);
  assert_showing_country (f, "KE");
}

static gboolean
is_mapped_button_with_tooltip (GtkWidget     *widget,
                               gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
is_mapped_button_labelled (GtkWidget     *widget,
                           gconstpointer  label)
{
  return is_button_labelled (widget, label) && gtk_widget_get_mapped (widget);
}

/* The chips the list shows above it, one per filter that is on. */
static guint
count_chips (Fixture *f)
{
  g_autoptr(GPtrArray) chips = g_ptr_array_new ();
  guint n = 0;

  collect_widgets (f->window->feature_list, GTK_TYPE_BUTTON, chips);
  for (guint i = 0; i < chips->len; i++)
    n += gtk_widget_get_mapped (g_ptr_array_index (chips, i)) &&
         gtk_widget_has_css_class (g_ptr_array_index (chips, i), "bri-filter-chip");
  return n;
}

/* Filters that leave nothing say so, with a way back; each filter on is
 * a chip above the list that lifts it alone. */
static void
test_filters_empty (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *view = find_widget (f->window->feature_list, is_list_view, NULL);
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
  guint all = g_list_model_get_n_items (bri_atlas_get_features (atlas));
  GtkWidget *chip, *reset;

  g_assert_cmpuint (count_chips (f), ==, 0);
  g_assert_false (shows_text (f->window->feature_list, "No places match these filters"));

  /* No place has a year so long ago. */
  bri_feature_filter_set_years (f->window->filter, 1800, 1801);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_true (shows_text (f->window->feature_list, "No places match these filters"));
  g_assert_false (gtk_widget_get_mapped (view));
  g_assert_cmpuint (count_chips (f), ==, 1);
  g_assert_true (shows_text (f->window->feature_list, "Years 1800–1801"));
  {
    g_autoptr(GdkTexture) texture = save_png (GTK_WIDGET (f->window), "window-filters-empty.png");
    g_autoptr(Picture) picture = picture_new (texture);
    GdkRectangle panel = widget_area_in_window (f->window->feature_list);
    guchar background[3];

    assert_picture_not_blank (picture, &panel, 0.01, background);
  }

  reset = find_widget (f->window->feature_list, is_mapped_button_labelled, "_Reset Filters");
  g_assert_nonnull (reset);
  g_signal_emit_by_name (reset, "clicked");
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_false (bri_feature_filter_is_active (f->window->filter));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all);
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_false (shows_text (f->window->feature_list, "No places match these filters"));
  g_assert_cmpuint (count_chips (f), ==, 0);

  /* Two filters, two chips; removing one keeps the other. */
  bri_feature_filter_set_status (f->window->filter, "operational");
  bri_feature_filter_set_region (f->window->filter, "east-africa");
  bri_feature_filter_set_kind_shown (f->window->filter, BRI_FEATURE_KIND_PORT, FALSE);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpuint (count_chips (f), ==, 3);
  g_assert_true (shows_text (f->window->feature_list, "Hidden: Ports"));
  g_assert_true (shows_text (f->window->feature_list, "Status: Operational"));
  g_assert_true (shows_text (f->window->feature_list, "Region: East Africa"));

  chip = find_widget (f->window->feature_list, is_mapped_button_with_tooltip,
                      "Remove the filter “Status: Operational”");
  g_assert_nonnull (chip);
  g_signal_emit_by_name (chip, "clicked");
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_null (bri_feature_filter_get_status (f->window->filter));
  g_assert_cmpstr (bri_feature_filter_get_region (f->window->filter), ==, "east-africa");
  g_assert_false (bri_feature_filter_get_kind_shown (f->window->filter, BRI_FEATURE_KIND_PORT));
  g_assert_cmpuint (count_chips (f), ==, 2);
  g_assert_false (shows_text (f->window->feature_list, "Status: Operational"));

  chip = find_widget (f->window->feature_list, is_mapped_button_with_tooltip, "Remove the filter “Hidden: Ports”");
  g_assert_nonnull (chip);
  g_signal_emit_by_name (chip, "clicked");
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (bri_feature_filter_get_kind_shown (f->window->filter, BRI_FEATURE_KIND_PORT));
  g_assert_cmpuint (count_chips (f), ==, 1);
  /* The keyboard stays among the chips. */
  g_assert_true (gtk_widget_has_css_class (gtk_root_get_focus (GTK_ROOT (f->window)), "bri-filter-chip"));

  chip = find_widget (f->window->feature_list, is_mapped_button_with_tooltip, "Remove the filter “Region: East Africa”");
  g_signal_emit_by_name (chip, "clicked");
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_false (bri_feature_filter_is_active (f->window->filter));
  g_assert_cmpuint (count_chips (f), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all);
}

static BriFeature *
selected_on_map (Fixture *f)
{
  return bri_map_view_get_selected_feature (BRI_MAP_VIEW (f->window->map_view));
}

/* The map forgets a place the filters hide, and a place that stays
 * shown stays selected; "All Places" forgets it too. */
static void
test_filters_selection (Fixture       *f,
                        gconstpointer  data)
{
  BriFeature *piraeus = bri_atlas_lookup_feature (atlas, "piraeus-port");

  open_location (f, "feature:piraeus-port");
  g_assert_true (selected_on_map (f) == piraeus);

  /* A filter the port passes keeps it. */
  bri_feature_filter_set_status (f->window->filter, bri_feature_get_status (piraeus));
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (selected_on_map (f) == piraeus);

  /* Hiding ports hides it. */
  bri_feature_filter_set_kind_shown (f->window->filter, BRI_FEATURE_KIND_PORT, FALSE);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_null (selected_on_map (f));
  bri_feature_filter_reset (f->window->filter);

  open_location (f, "feature:gwadar-port");
  g_assert_true (selected_on_map (f) == bri_atlas_lookup_feature (atlas, "gwadar-port"));
  show_list (f, "places");
  g_assert_null (selected_on_map (f));

  /* ...from the reader as well. */
  open_location (f, "feature:gwadar-port");
  open_location (f, "passage:white-paper-2023/0");
  g_assert_nonnull (selected_on_map (f));
  show_list (f, "places");
  g_assert_null (selected_on_map (f));
}

/* The map by keyboard */

static BriFeatureLayer *
feature_layer (Fixture *f)
{
  g_autoptr(GPtrArray) layers = g_ptr_array_new ();

  collect_widgets (f->window->map_view, BRI_TYPE_FEATURE_LAYER, layers);
  g_assert_cmpuint (layers->len, ==, 1);
  return g_ptr_array_index (layers, 0);
}

static gboolean
focus_within (Fixture   *f,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
in_model (GListModel *model,
          const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BriFeature) feature = g_list_model_get_item (model, i);

      if (g_str_equal (bri_feature_get_id (feature), id))
        return TRUE;
    }

  return FALSE;
}

/* Tab from the map until the keyboard reaches @id. */
static void
tab_to_feature (Fixture    *f,
                const char *id)
{
  BriFeatureLayer *layer = feature_layer (f);

  g_assert_true (gtk_widget_grab_focus (f->window->map_view));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (layer)));
  for (guint i = 0; i < 50; i++)
    {
      BriFeature *focused;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
      focused = bri_feature_layer_get_focused (layer);
      g_assert_nonnull (focused);
      if (g_str_equal (bri_feature_get_id (focused), id))
        return;
    }

  g_assert_not_reached ();
}

/* What the map shows at Piraeus, in the In View page: the same features
 * in the same order as Tab takes them, a row each; a row opens its card. */
static void
test_in_view (Fixture       *f,
              gconstpointer  data)
{
  GListModel *in_view = bri_map_view_get_features_in_view (BRI_MAP_VIEW (f->window->map_view));
  g_autoptr(GPtrArray) drawn = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *piraeus_row = NULL;

  open_location (f, "view:37.9,23.6,9");
  /* It follows the view once the view is still. */
  run_for (600);
  drawn = bri_feature_layer_list_in_view (feature_layer (f));
  g_assert_cmpuint (g_list_model_get_n_items (in_view), ==, drawn->len);
  for (guint i = 0; i < drawn->len; i++)
    {
      g_autoptr(BriFeature) feature = g_list_model_get_item (in_view, i);

      g_assert_true (feature == g_ptr_array_index (drawn, i));
    }
  g_assert_true (in_model (in_view, "piraeus-port"));
  g_assert_false (in_model (in_view, "gwadar-port"));

  /* Alt+4's action: the page, with the focus on its list. */
  activate (f, "win.show-in-view");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->browse_stack), ==, "in-view");
  g_assert_true (focus_within (f, f->window->in_view_list));
  g_assert_true (shows_text (f->window->in_view_list, "Port of Piraeus"));
  collect_widgets (f->window->in_view_list, GTK_TYPE_LIST_BOX_ROW, rows);
  g_assert_cmpuint (rows->len, ==, drawn->len);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (bri_feature_get_id (g_ptr_array_index (drawn, i)), "piraeus-port"))
      piraeus_row = g_ptr_array_index (rows, i);
  g_assert_nonnull (piraeus_row);

  /* Elsewhere, the list follows. */
  open_location (f, "view:25.12,62.33,9");
  run_for (600);
  g_assert_true (in_model (in_view, "gwadar-port"));
  g_assert_false (in_model (in_view, "piraeus-port"));
  g_assert_false (shows_text (f->window->in_view_list, "Port of Piraeus"));
  g_assert_true (shows_text (f->window->in_view_list, "Gwadar"));

  g_ptr_array_set_size (rows, 0);
  collect_widgets (f->window->in_view_list, GTK_TYPE_LIST_BOX_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(BriFeature) feature = g_list_model_get_item (in_view, i);

      if (g_str_equal (bri_feature_get_id (feature), "gwadar-port"))
        gtk_widget_activate (g_ptr_array_index (rows, i));
    }
  wait_for_side_page (f, "feature");
  assert_showing_feature (f, "gwadar-port");
}

static void
test_map_keyboard (Fixture       *f,
                   gconstpointer  data)
{
  BriFeatureLayer *layer = feature_layer (f);
  ShumateViewport *viewport = bri_map_view_get_viewport (BRI_MAP_VIEW (f->window->map_view));
  gint64 end;

  open_location (f, "view:37.9,23.6,9");
  run_for (600);

  /* "+" on the map zooms; it does not start a search. */
  g_assert_true (gtk_widget_grab_focus (f->window->map_view));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (layer)));
  g_assert_true (send_key (GTK_WIDGET (layer), GDK_KEY_plus, GDK_SHIFT_MASK));
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (shumate_viewport_get_zoom_level (viewport) < 9.99)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      wait_frames (GTK_WIDGET (f->window), 1);
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->window->search_entry)), ==, "");
  g_assert_cmpstr (side_page (f), ==, "browse");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (layer)));
  g_assert_true (send_key (GTK_WIDGET (layer), GDK_KEY_minus, 0));
  run_for (600);

  /* Escape goes back to the list the side panel shows. */
  tab_to_feature (f, "piraeus-port");
  g_assert_true (send_key (GTK_WIDGET (layer), GDK_KEY_Escape, 0));
  g_assert_true (focus_within (f, f->window->feature_list));
  g_assert_null (bri_feature_layer_get_focused (layer));

  adw_view_stack_set_visible_child_name (f->window->browse_stack, "in-view");
  wait_frames (GTK_WIDGET (f->window), 2);
  tab_to_feature (f, "piraeus-port");
  g_assert_true (send_key (GTK_WIDGET (layer), GDK_KEY_Escape, 0));
  g_assert_true (focus_within (f, f->window->in_view_list));

  /* Past the last place, Tab leaves the map for the next control: the
   * zoom buttons over it. */
  g_assert_true (gtk_widget_grab_focus (f->window->map_view));
  for (guint i = 0; i < 50 && gtk_widget_is_focus (GTK_WIDGET (layer)); i++)
    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_false (gtk_widget_is_focus (GTK_WIDGET (layer)));
  g_assert_true (focus_within (f, f->window->map_view));

  /* Enter opens the card of the place reached, as a click does. */
  tab_to_feature (f, "piraeus-port");
  g_assert_true (send_key (GTK_WIDGET (layer), GDK_KEY_Return, 0));
  wait_for_side_page (f, "feature");
  assert_showing_feature (f, "piraeus-port");
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bri_atlas_load_finish (BRI_ATLAS (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* What the command line does at start-up: the location waits for the
 * atlas. */
static void
test_open_before_loaded (void)
{
  g_autoptr(BriAtlas) loading = bri_atlas_new (NULL);
  g_autoptr(GError) error = NULL;
  Fixture fixture, *f = &fixture;
  gboolean loaded = FALSE;

  f->window = bri_window_new (NULL, loading);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_true (bri_window_open_string (f->window, "country:KE", &error));
  g_assert_no_error (error);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpstr (side_page (f), ==, "loading");

  bri_atlas_load_async (loading, NULL, on_loaded, &loaded);
  wait_for_side_page (f, "country");
  g_assert_true (loaded);
  assert_showing_country (f, "KE");
  g_assert_true (bri_country_page_get_country (BRI_COUNTRY_PAGE (f->window->country_page)) ==
                 bri_atlas_lookup_country (loading, "KE"));
  g_assert_cmpuint (bri_history_get_length (f->window->history), ==, 1);

  fixture_tear_down (f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!panel_test_init (&argc, &argv))
    return 1;

  /* The map jumps instead of flying, so a view can be checked at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/bri/window/open-feature", Fixture, NULL, fixture_set_up, test_open_feature, fixture_tear_down);
  g_test_add ("/bri/window/open-country", Fixture, NULL, fixture_set_up, test_open_country, fixture_tear_down);
  g_test_add ("/bri/window/open-passage", Fixture, NULL, fixture_set_up, test_open_passage, fixture_tear_down);
  g_test_add ("/bri/window/open-view", Fixture, NULL, fixture_set_up, test_open_view, fixture_tear_down);
  g_test_add ("/bri/window/open-search", Fixture, NULL, fixture_set_up, test_open_search, fixture_tear_down);
  g_test_add ("/bri/window/open-nothing", Fixture, NULL, fixture_set_up, test_open_nothing, fixture_tear_down);
  g_test_add ("/bri/window/back-forward", Fixture, NULL, fixture_set_up, test_back_forward, fixture_tear_down);
  g_test_add ("/bri/window/open-region", Fixture, NULL, fixture_set_up, test_open_region, fixture_tear_down);
  g_test_add_func ("/bri/window/problems", test_problems);
  g_test_add ("/bri/window/show-list", Fixture, NULL, fixture_set_up, test_show_list, fixture_tear_down);
  g_test_add ("/bri/window/places", Fixture, NULL, fixture_set_up, test_places, fixture_tear_down);
  g_test_add ("/bri/window/countries", Fixture, NULL, fixture_set_up, test_countries, fixture_tear_down);
  g_test_add ("/bri/window/filters-empty", Fixture, NULL, fixture_set_up, test_filters_empty, fixture_tear_down);
  g_test_add ("/bri/window/filters-selection", Fixture, NULL, fixture_set_up, test_filters_selection, fixture_tear_down);
  g_test_add ("/bri/window/in-view", Fixture, NULL, fixture_set_up, test_in_view, fixture_tear_down);
  g_test_add ("/bri/window/map-keyboard", Fixture, NULL, fixture_set_up, test_map_keyboard, fixture_tear_down);
  g_test_add_func ("/bri/window/open-before-loaded", test_open_before_loaded);

  return panel_test_run ();
}
