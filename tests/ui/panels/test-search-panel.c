/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The search panel with the real atlas in a real window: a misspelt
 * query shows what it was read as and offers the words as typed; notes
 * about filters are shown as text; rows open what they show. */

#include "config.h"

#include <string.h>

#include "bri-search-panel.h"
#include "bri-search-row.h"
#include "panel-test-util.h"

static GtkWidget *
visible_label_with (GtkWidget  *root,
                    const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_is_visible (label) && strstr (gtk_label_get_text (GTK_LABEL (label)), text) != NULL)
        return label;
    }

  return NULL;
}

static GtkWidget *
visible_button_with (GtkWidget  *root,
                     const char *text)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_widgets (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *label = gtk_button_get_label (GTK_BUTTON (button));

      if (gtk_widget_is_visible (button) && label != NULL && strstr (label, text) != NULL)
        return button;
    }

  return NULL;
}

static BriSearchRow *
first_row (BriSearchPanel *panel)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (panel), BRI_TYPE_SEARCH_ROW, rows);
  return rows->len > 0 ? g_ptr_array_index (rows, 0) : NULL;
}

static void
test_correction (PanelFixture  *f,
                 gconstpointer  data)
{
  BriSearchPanel *panel = f->panel;
  GtkWidget *button;
  BriSearchRow *row;

  g_assert_cmpuint (bri_search_panel_search (panel, "Gwadr"), >, 0);
  panel_window_wait_frames (f->pw, 2);

  g_assert_nonnull (visible_label_with (GTK_WIDGET (panel), "Showing results for “Gwadar”"));
  button = visible_button_with (GTK_WIDGET (panel), "Search instead for “Gwadr”");
  g_assert_nonnull (button);
  row = first_row (panel);
  g_assert_nonnull (row);
  g_assert_cmpstr (bri_location_to_string (bri_search_row_get_location (row)), ==, "feature:gwadar-port");

  /* As typed: nothing is spelt "Gwadr", and no correction is offered. */
  g_signal_emit_by_name (button, "clicked");
  panel_window_wait_frames (f->pw, 2);
  g_assert_null (visible_label_with (GTK_WIDGET (panel), "Showing results for"));
  g_assert_null (first_row (panel));

  /* New words are corrected again. */
  g_assert_cmpuint (bri_search_panel_search (panel, "Pireaus"), >, 0);
  panel_window_wait_frames (f->pw, 1);
  g_assert_nonnull (visible_label_with (GTK_WIDGET (panel), "Showing results for “Piraeus”"));
}

static void
test_filter_notes (PanelFixture  *f,
                   gconstpointer  data)
{
  BriSearchPanel *panel = f->panel;

  g_assert_cmpuint (bri_search_panel_search (panel, "colour:red <b>Piraeus</b>"), >, 0);
  panel_window_wait_frames (f->pw, 2);
  /* The note quotes what was typed, as text. */
  g_assert_nonnull (visible_label_with (GTK_WIDGET (panel), "“colour:red” is not a search field"));
  g_assert_null (visible_label_with (GTK_WIDGET (panel), "Showing results for"));

  g_assert_cmpuint (bri_search_panel_search (panel, "country:KE railway"), >, 0);
  panel_window_wait_frames (f->pw, 1);
  g_assert_null (visible_label_with (GTK_WIDGET (panel), "is not a search field"));
  g_assert_cmpstr (bri_location_to_string (bri_search_row_get_location (first_row (panel))), ==,
                   "feature:mombasa-nairobi-sgr");
}

static void
test_region (PanelFixture  *f,
             gconstpointer  data)
{
  BriSearchPanel *panel = f->panel;
  BriSearchRow *row;

  g_assert_cmpuint (bri_search_panel_search (panel, "ports in East Africa"), >, 0);
  panel_window_wait_frames (f->pw, 1);
  row = first_row (panel);
  g_assert_cmpint (bri_search_row_get_kind (row), ==, BRI_SEARCH_RESULT_REGION);
  g_assert_cmpstr (bri_location_to_string (bri_search_row_get_location (row)), ==, "region:east-africa");
  g_assert_nonnull (visible_label_with (GTK_WIDGET (panel), "Regions"));
}

int
main (int   argc,
      char *argv[])
{
  if (!panel_test_init (&argc, &argv))
    return 1;

  panel_test_add ("/bri/search-panel/correction", BRI_TYPE_SEARCH_PANEL, test_correction);
  panel_test_add ("/bri/search-panel/filter-notes", BRI_TYPE_SEARCH_PANEL, test_filter_notes);
  panel_test_add ("/bri/search-panel/region", BRI_TYPE_SEARCH_PANEL, test_region);

  return panel_test_run ();
}
