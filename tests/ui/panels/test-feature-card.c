/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The feature card and its passage rows, with the real atlas in a real
 * window: the rows match the atlas, the place is highlighted from the
 * linker's offsets, buttons ask the window to act, text stays text. */

#include "config.h"

#include <string.h>

#include "bri-feature-card.h"
#include "bri-passage-row.h"
#include "panel-test-util.h"

static GtkListBox *
card_passages_list (BriFeatureCard *card)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (card), GTK_TYPE_LIST_BOX, lists);
  g_assert_cmpuint (lists->len, ==, 1);

  return g_ptr_array_index (lists, 0);
}

static GPtrArray *
card_passage_rows (BriFeatureCard *card)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (card_passages_list (card)), BRI_TYPE_PASSAGE_ROW, rows);
  return rows;
}

/* Every passage of the feature is a row in the list, in the atlas's
 * order, showing the passage's own text. */
static void
assert_rows_match_atlas (BriFeatureCard *card,
                         BriFeature     *feature)
{
  g_autoptr(GListModel) passages = bri_atlas_get_feature_passages (atlas, feature);
  g_autoptr(GPtrArray) rows = card_passage_rows (card);
  guint n = g_list_model_get_n_items (passages);

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (rows->len, ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriPassage) passage = g_list_model_get_item (passages, i);
      BriPassageRow *row = g_ptr_array_index (rows, i);
      GtkLabel *label = passage_row_text_label (GTK_WIDGET (row));

      g_assert_true (bri_passage_row_get_passage (row) == passage);
      g_assert_cmpstr (bri_passage_row_get_highlight_id (row), ==, bri_feature_get_id (feature));
      g_assert_nonnull (strstr (gtk_label_get_text (label), bri_passage_get_text (passage)));
    }
}

/* The first row whose text contains @needle has it on the strong
 * background; returns that row. */
static BriPassageRow *
assert_highlighted (BriFeatureCard *card,
                    const char     *needle)
{
  g_autoptr(GPtrArray) rows = card_passage_rows (card);

  for (guint i = 0; i < rows->len; i++)
    {
      BriPassageRow *row = g_ptr_array_index (rows, i);
      GtkLabel *label = passage_row_text_label (GTK_WIDGET (row));
      const char *text = gtk_label_get_text (label);
      const char *found = strstr (text, needle);

      if (found == NULL)
        continue;

      g_assert_true (label_has_background_over (label, found - text, found - text + strlen (needle)));
      return row;
    }

  g_assert_not_reached ();
  return NULL;
}

static void
test_sgr (PanelFixture  *f,
          gconstpointer  data)
{
  BriFeature *sgr = find_feature_by_alias (atlas, "SGR", BRI_FEATURE_KIND_RAILWAY);

  g_assert_nonnull (sgr);
  bri_feature_card_set_feature (f->panel, sgr);
  g_assert_true (bri_feature_card_get_feature (f->panel) == sgr);
  panel_window_wait_frames (f->pw, 2);

  assert_rows_match_atlas (f->panel, sgr);
  assert_highlighted (f->panel, "Mombasa-Nairobi");
}

static void
test_piraeus (PanelFixture  *f,
              gconstpointer  data)
{
  BriFeature *sgr = find_feature_by_alias (atlas, "SGR", BRI_FEATURE_KIND_RAILWAY);
  BriFeature *piraeus = find_feature_by_alias (atlas, "Piraeus", BRI_FEATURE_KIND_PORT);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_nonnull (piraeus);

  /* Switching features replaces the rows, it does not add to them. */
  bri_feature_card_set_feature (f->panel, sgr);
  bri_feature_card_set_feature (f->panel, piraeus);
  panel_window_wait_frames (f->pw, 2);

  assert_rows_match_atlas (f->panel, piraeus);
  assert_highlighted (f->panel, "Piraeus");

  /* The Greek port is in Greece, and the card says so with a button. */
  g_assert_nonnull (find_widget (GTK_WIDGET (f->panel), is_button_labelled,
                                 bri_country_get_display_name (bri_atlas_lookup_country (atlas, "GR"))));
}

static gboolean
is_label_reading (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* An air route's card says it is a flight path between two cities, drawn
 * as a great circle, not a town-level location. */
static void
test_air_route_precision (PanelFixture  *f,
                          gconstpointer  data)
{
  BriFeature *air = bri_atlas_lookup_feature (atlas, "zhengzhou-luxembourg-air-silk-road");
  BriFeature *piraeus = find_feature_by_alias (atlas, "Piraeus", BRI_FEATURE_KIND_PORT);
  const char *flight = bri_precision_get_label (BRI_PRECISION_FLIGHT_PATH);

  g_assert_nonnull (air);
  bri_feature_card_set_feature (f->panel, air);
  panel_window_wait_frames (f->pw, 2);

  g_assert_nonnull (find_widget (GTK_WIDGET (f->panel), is_label_reading, flight));
  g_assert_null (find_widget (GTK_WIDGET (f->panel), is_label_reading,
                              bri_precision_get_label (BRI_PRECISION_TOWN)));

  /* The label follows the feature: a port known to its town is not a
   * flight path. */
  bri_feature_card_set_feature (f->panel, piraeus);
  panel_window_wait_frames (f->pw, 2);
  g_assert_null (find_widget (GTK_WIDGET (f->panel), is_label_reading, flight));
}

static void
test_country_button (PanelFixture  *f,
                     gconstpointer  data)
{
  BriFeature *sgr = find_feature_by_alias (atlas, "SGR", BRI_FEATURE_KIND_RAILWAY);
  BriCountry *kenya = bri_atlas_lookup_country (atlas, "KE");
  GtkWidget *button;

  bri_feature_card_set_feature (f->panel, sgr);
  panel_window_wait_frames (f->pw, 1);

  button = find_widget (GTK_WIDGET (f->panel), is_button_labelled, bri_country_get_display_name (kenya));
  g_assert_nonnull (button);
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));

  g_signal_emit_by_name (button, "clicked");
  panel_window_assert_activated (f->pw, "open", "country:KE");
}

static void
test_open_passage (PanelFixture  *f,
                   gconstpointer  data)
{
  BriFeature *sgr = find_feature_by_alias (atlas, "SGR", BRI_FEATURE_KIND_RAILWAY);
  g_autoptr(GPtrArray) rows = NULL;
  BriPassageRow *row = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *button;

  bri_feature_card_set_feature (f->panel, sgr);
  panel_window_wait_frames (f->pw, 1);

  rows = card_passage_rows (f->panel);
  for (guint i = 0; i < rows->len && row == NULL; i++)
    {
      BriPassage *passage = bri_passage_row_get_passage (g_ptr_array_index (rows, i));

      if (g_str_equal (bri_passage_get_document_id (passage), "white-paper-2023"))
        row = g_ptr_array_index (rows, i);
    }
  g_assert_nonnull (row);

  expected = g_strdup_printf ("passage:white-paper-2023/%u",
                              bri_passage_get_ordinal (bri_passage_row_get_passage (row)));
  button = passage_row_open_button (GTK_WIDGET (row));
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  g_assert_true (gtk_widget_get_sensitive (button));

  g_signal_emit_by_name (button, "clicked");
  panel_window_assert_activated (f->pw, "open", expected);
}

/* A passage is text, never markup; its mentions are highlighted by byte
 * offsets even after multi-byte characters. */
static void
test_row_text_is_literal (void)
{
  const char *heading[] = { "Part <i>one</i> & more", NULL };
  const char *text = "<b>& “Ünïcödé” Port</b>";
  const char *port = strstr (text, "Port");
  BriFeature *piraeus = find_feature_by_alias (atlas, "Piraeus", BRI_FEATURE_KIND_PORT);
  const char *id = bri_feature_get_id (piraeus);
  g_autoptr(BriPassage) passage = NULL;
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *row;
  GtkLabel *label;
  gboolean heading_shown = FALSE;

  passage = bri_passage_new (NULL, "test-doc", 4, BRI_PASSAGE_PARAGRAPH, heading, text);
  g_ptr_array_add (mentions, bri_mention_new (BRI_MENTION_FEATURE, G_OBJECT (piraeus), id,
                                              port - text, port - text + 4,
                                              g_utf8_pointer_to_offset (text, port),
                                              g_utf8_pointer_to_offset (text, port) + 4,
                                              FALSE));
  bri_passage_set_mentions (passage, mentions);

  row = g_object_ref_sink (bri_passage_row_new (passage, id));
  label = passage_row_text_label (row);
  g_assert_cmpstr (gtk_label_get_text (label), ==, text);
  g_assert_cmpstr (gtk_label_get_label (label), ==, text);
  g_assert_false (gtk_label_get_use_markup (label));
  g_assert_true (label_has_background_over (label, port - text, port - text + 4));
  g_assert_false (label_has_background_over (label, 0, 3));

  collect_widgets (row, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), heading[0]) == 0)
      heading_shown = TRUE;
  g_assert_true (heading_shown);

  g_object_unref (row);
}

static void
test_render (PanelFixture  *f,
             gconstpointer  data)
{
  BriFeature *sgr = find_feature_by_alias (atlas, "SGR", BRI_FEATURE_KIND_RAILWAY);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(Picture) picture = NULL;
  BriPassageRow *row;
  guchar background[3];

  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));

  bri_feature_card_set_feature (f->panel, sgr);
  panel_window_wait_frames (f->pw, 3);
  texture = save_png (f->pw->window, "feature-card.png");
  picture = picture_new (texture);
  assert_picture_not_blank (picture, NULL, 0.03, background);
  assert_picture_dark_on_light (picture, NULL);

  /* Its passage shows the railway's name on the marker pen. */
  row = assert_highlighted (f->panel, "Mombasa-Nairobi");
  scroll_into_view (GTK_WIDGET (row));
  panel_window_wait_frames (f->pw, 3);
  g_clear_object (&texture);
  g_clear_pointer (&picture, picture_free);
  texture = save_png (f->pw->window, "feature-card-passage.png");
  picture = picture_new (texture);
  assert_strong_highlight (picture, GTK_WIDGET (row));

  /* The narrowest the side panel gets. */
  gtk_window_set_default_size (GTK_WINDOW (f->pw->window), 300, 900);
  panel_window_wait_frames (f->pw, 3);
  g_assert_cmpint (gtk_widget_get_width (f->pw->window), ==, 300);
  g_clear_object (&texture);
  g_clear_pointer (&picture, picture_free);
  texture = save_png (f->pw->window, "feature-card-300.png");
  picture = picture_new (texture);
  assert_picture_not_blank (picture, NULL, 0.03, background);
  assert_picture_dark_on_light (picture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!panel_test_init (&argc, &argv))
    return 1;

  panel_test_add ("/bri/feature-card/sgr", BRI_TYPE_FEATURE_CARD, test_sgr);
  panel_test_add ("/bri/feature-card/piraeus", BRI_TYPE_FEATURE_CARD, test_piraeus);
  panel_test_add ("/bri/feature-card/air-route-precision", BRI_TYPE_FEATURE_CARD, test_air_route_precision);
  panel_test_add ("/bri/feature-card/country-button", BRI_TYPE_FEATURE_CARD, test_country_button);
  panel_test_add ("/bri/feature-card/open-passage", BRI_TYPE_FEATURE_CARD, test_open_passage);
  g_test_add_func ("/bri/feature-card/row-text-is-literal", test_row_text_is_literal);
  panel_test_add ("/bri/feature-card/render", BRI_TYPE_FEATURE_CARD, test_render);

  return panel_test_run ();
}
