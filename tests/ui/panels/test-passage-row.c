/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A passage row's Copy Citation: the button is there, named for screen
 * readers, and puts the passage's citation — the atlas's one style — on
 * the clipboard as plain text, a "&" or a quote mark included. */

#include "config.h"

#include <string.h>

#include "bri-citation.h"
#include "bri-passage-row.h"
#include "panel-test-util.h"

static gboolean
is_copy_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "row.copy-citation") == 0;
}

static void
on_text_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static char *
clipboard_text (GtkWidget *widget)
{
  char *text = NULL;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_text_read_cb, &text);
  while (text == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  return text;
}

static void
check_copy (const char *document,
            guint       ordinal)
{
  BriPassage *passage = bri_atlas_lookup_passage (atlas, document, ordinal);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row;
  PanelWindow *pw;
  GtkWidget *button;
  g_autofree char *expected = NULL;
  g_autofree char *copied = NULL;

  g_assert_nonnull (passage);
  row = bri_passage_row_new (passage, NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  pw = panel_window_new (list, 380, 400);

  button = find_widget (row, is_copy_button, NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "edit-copy-symbolic");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (row), "before");
  g_signal_emit_by_name (button, "clicked");
  panel_window_wait_frames (pw, 2);

  expected = bri_citation_format (passage);
  copied = clipboard_text (row);
  g_assert_cmpstr (copied, ==, expected);
  /* The button says it is done. */
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "emblem-ok-symbolic");

  panel_window_free (pw);
}

static void
test_copy_citation (void)
{
  /* The white paper's, and an article with an author. */
  check_copy ("white-paper-2023", 89);
  check_copy ("qiushi-2024", 55);
}

static gboolean
is_label_text (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* Issue 8 §6: in a narrow panel the title is cut short, so the whole of
 * it is a tooltip away; and the row says which paragraph it is, numbered
 * as its citation numbers it. */
static void
test_title_and_paragraph (void)
{
  BriPassage *passage = bri_atlas_lookup_passage (atlas, "white-paper-2023", 89);
  const char *title = bri_document_get_title (bri_passage_get_document (passage));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = bri_passage_row_new (passage, NULL);
  g_autofree char *citation = bri_citation_format (passage);
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *title_label;
  GtkWidget *paragraph;
  PanelWindow *pw;

  gtk_list_box_append (GTK_LIST_BOX (list), row);
  pw = panel_window_new (list, 340, 300);

  title_label = find_widget (row, is_label_text, title);
  g_assert_nonnull (title_label);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (title_label), ==, title);
  /* Cut short at this width: what the tooltip is for. */
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title_label))));

  paragraph = find_widget (row, is_label_text, "¶ 89");
  g_assert_nonnull (paragraph);
  g_assert_true (gtk_widget_get_mapped (paragraph));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (paragraph), ==, "Paragraph 89");
  g_assert_nonnull (strstr (citation, "¶ 89"));

  texture = save_png (pw->window, "passage-row-paragraph.png");
  panel_window_free (pw);
}

int
main (int   argc,
      char *argv[])
{
  if (!panel_test_init (&argc, &argv))
    return 1;

  g_test_add_func ("/bri/passage-row/copy-citation", test_copy_citation);
  g_test_add_func ("/bri/passage-row/title-and-paragraph", test_title_and_paragraph);

  return panel_test_run ();
}
