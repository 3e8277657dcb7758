/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reader with the real white paper: the whole cleaned text in order,
 * the asked-for passage highlighted and scrolled into view, and place
 * names that ask the window to act. */

#include "config.h"

#include <string.h>

#include "bri-reader-private.h"
#include "panel-test-util.h"

/* The reader in its window, at the Mombasa passage of the white paper. */
typedef struct
{
  PanelFixture  base;
  BriDocument  *document;
  guint         ordinal;
} Fixture;

/* The first paragraph of the white paper's panel on the Mombasa–Nairobi
 * railway. */
static guint
find_mombasa_panel_paragraph (BriDocument *document)
{
  guint n = bri_document_get_n_passages (document);

  for (guint i = 0; i + 1 < n; i++)
    {
      BriPassage *passage = bri_document_get_passage (document, i);
      const char *text = bri_passage_get_text (passage);

      if (bri_passage_get_kind (passage) == BRI_PASSAGE_HEADING &&
          g_str_has_prefix (text, "Panel") && strstr (text, "Mombasa") != NULL)
        {
          for (guint j = i + 1; j < n; j++)
            if (bri_passage_get_kind (bri_document_get_passage (document, j)) == BRI_PASSAGE_PARAGRAPH)
              return j;
        }
    }

  g_assert_not_reached ();
  return 0;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = bri_atlas_lookup_document (atlas, "white-paper-2023");
  g_assert_nonnull (f->document);
  f->ordinal = find_mombasa_panel_paragraph (f->document);

  panel_fixture_set_up_sized (&f->base, BRI_TYPE_READER, 400, 720);
  bri_reader_show (f->base.panel, f->document, f->ordinal);
  /* Long enough for the view to validate its lines and scroll. */
  panel_window_wait_frames (f->base.pw, 10);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  panel_fixture_tear_down (&f->base, data);
}

static char *
buffer_text (BriReader *reader)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (bri_reader_get_text_view (reader));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
test_whole_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *text = buffer_text (f->base.panel);
  const char *cursor = text;
  guint n = bri_document_get_n_passages (f->document);

  g_assert_true (bri_reader_get_document (f->base.panel) == f->document);
  g_assert_cmpuint (bri_reader_get_ordinal (f->base.panel), ==, f->ordinal);
  g_assert_true (g_str_has_prefix (text, bri_document_get_title (f->document)));
  g_assert_nonnull (strstr (text, bri_document_get_publisher (f->document)));

  /* Every passage, in order, each where the reader says it is. */
  for (guint i = 0; i < n; i++)
    {
      BriPassage *passage = bri_document_get_passage (f->document, i);
      const char *passage_text = bri_passage_get_text (passage);
      GtkTextIter start, end;
      g_autofree char *slice = NULL;

      cursor = strstr (cursor, passage_text);
      g_assert_nonnull (cursor);
      cursor += strlen (passage_text);

      g_assert_true (bri_reader_get_passage_bounds (f->base.panel, i, &start, &end));
      slice = gtk_text_iter_get_text (&start, &end);
      g_assert_cmpstr (slice, ==, passage_text);
    }

  g_assert_false (bri_reader_get_passage_bounds (f->base.panel, n, &(GtkTextIter) { 0 }, &(GtkTextIter) { 0 }));
}

static void
test_target (Fixture       *f,
             gconstpointer  data)
{
  GtkTextView *view = bri_reader_get_text_view (f->base.panel);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *target = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "target");
  GtkTextIter start, end, before;
  GdkRectangle visible, location;

  g_assert_nonnull (target);
  g_assert_true (bri_reader_get_passage_bounds (f->base.panel, f->ordinal, &start, &end));
  g_assert_true (g_str_has_prefix (gtk_text_iter_get_text (&start, &end), "The Mombasa-Nairobi"));

  /* The passage is highlighted, the one before it is not. */
  g_assert_true (gtk_text_iter_has_tag (&start, target));
  gtk_text_iter_backward_char (&end);
  g_assert_true (gtk_text_iter_has_tag (&end, target));
  g_assert_true (bri_reader_get_passage_bounds (f->base.panel, f->ordinal - 1, &before, &end));
  g_assert_false (gtk_text_iter_has_tag (&before, target));

  /* ...and on screen, though it is far down the document. */
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &start, &location);
  g_test_message ("visible %d+%d, passage at %d", visible.y, visible.height, location.y);
  g_assert_cmpint (visible.y, >, 0);
  g_assert_cmpint (location.y, >=, visible.y);
  g_assert_cmpint (location.y + location.height, <=, visible.y + visible.height);

  /* Showing another passage of the same document moves the highlight
   * and the view. */
  bri_reader_show (f->base.panel, f->document, 0);
  panel_window_wait_frames (f->base.pw, 5);
  g_assert_true (bri_reader_get_passage_bounds (f->base.panel, f->ordinal, &start, &end));
  g_assert_false (gtk_text_iter_has_tag (&start, target));
  g_assert_true (bri_reader_get_passage_bounds (f->base.panel, 0, &start, &end));
  g_assert_true (gtk_text_iter_has_tag (&start, target));
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &start, &location);
  g_assert_cmpint (location.y, >=, visible.y);
  g_assert_cmpint (location.y + location.height, <=, visible.y + visible.height);
}

/* The iter at the first occurrence of @word at or after passage
 * @ordinal. */
static void
iter_at_word (BriReader   *reader,
              guint        ordinal,
              const char  *word,
              GtkTextIter *iter)
{
  GtkTextIter start, end, match_end;

  g_assert_true (bri_reader_get_passage_bounds (reader, ordinal, &start, &end));
  g_assert_true (gtk_text_iter_forward_search (&start, word, GTK_TEXT_SEARCH_TEXT_ONLY,
                                               iter, &match_end, NULL));
}

/* Sends Enter to the reader's own key handler on the view (GTK 4.8 has no
 * public way to synthesise a key event). */
static gboolean
press_enter (BriReader *reader)
{
  GtkWidget *view = GTK_WIDGET (bri_reader_get_text_view (reader));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  GtkEventController *ours = NULL;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "bri-reader-link-keys") == 0)
        ours = controller;
    }
  g_assert_nonnull (ours);

  g_signal_emit_by_name (ours, "key-pressed", GDK_KEY_Return, 36, 0, &handled);
  return handled;
}

static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  BriFeature *piraeus = find_feature_by_alias (atlas, "Piraeus", BRI_FEATURE_KIND_PORT);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (bri_reader_get_text_view (f->base.panel));
  GtkTextTag *feature_link = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "link-feature");
  GtkTextTag *country_link = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "link-country");
  GtkTextIter iter;
  g_autofree char *piraeus_location = NULL;

  g_assert_nonnull (piraeus);
  piraeus_location = g_strconcat ("feature:", bri_feature_get_id (piraeus), NULL);

  /* A click anywhere on "Piraeus" selects the port on the map. */
  iter_at_word (f->base.panel, f->ordinal, "Piraeus", &iter);
  g_assert_true (gtk_text_iter_has_tag (&iter, feature_link));
  g_assert_true (bri_reader_activate_link_at_iter (f->base.panel, &iter));
  panel_window_assert_activated (f->base.pw, "show-on-map", piraeus_location);
  gtk_text_iter_forward_chars (&iter, 3);
  g_assert_true (bri_reader_activate_link_at_iter (f->base.panel, &iter));
  panel_window_assert_activated (f->base.pw, "show-on-map", piraeus_location);

  /* A country opens its dossier. */
  iter_at_word (f->base.panel, f->ordinal, "Kenya", &iter);
  g_assert_true (gtk_text_iter_has_tag (&iter, country_link));
  g_assert_true (bri_reader_activate_link_at_iter (f->base.panel, &iter));
  panel_window_assert_activated (f->base.pw, "open", "country:KE");

  /* Enter with the keyboard cursor on a link does what a click does. */
  iter_at_word (f->base.panel, f->ordinal, "Piraeus", &iter);
  gtk_text_iter_forward_chars (&iter, 2);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (press_enter (f->base.panel));
  panel_window_assert_activated (f->base.pw, "show-on-map", piraeus_location);

  /* Plain words are not links. */
  iter_at_word (f->base.panel, f->ordinal, "kilometers", &iter);
  g_assert_false (gtk_text_iter_has_tag (&iter, feature_link));
  g_assert_false (bri_reader_activate_link_at_iter (f->base.panel, &iter));
  g_assert_cmpuint (f->base.pw->log->len, ==, 0);
}

/* The window shows the reader after asking it for a passage: it is in a
 * hidden stack page when bri_reader_show() runs, and must still land on
 * the passage once it appears. */
static void
test_shown_later (void)
{
  BriDocument *document = bri_atlas_lookup_document (atlas, "white-paper-2023");
  guint ordinal = find_mombasa_panel_paragraph (document);
  GtkWidget *stack = gtk_stack_new ();
  BriReader *reader = BRI_READER (bri_reader_new ());
  GtkTextView *view = bri_reader_get_text_view (reader);
  PanelWindow *pw;
  GtkTextIter start, end;
  GdkRectangle visible, location;

  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Another page"), "other");
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (reader), "reader");
  pw = panel_window_new (stack, 400, 720);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));

  bri_reader_show (reader, document, ordinal);
  panel_window_wait_frames (pw, 3);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "reader");
  panel_window_wait_frames (pw, 10);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (view)), ==, 1.0);
  g_assert_true (bri_reader_get_passage_bounds (reader, ordinal, &start, &end));
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &start, &location);
  g_assert_cmpint (visible.y, >, 0);
  g_assert_cmpint (location.y, >=, visible.y);
  g_assert_cmpint (location.y + location.height, <=, visible.y + visible.height);

  panel_window_free (pw);
}

/* Where the text between @start and @end lies in the window's picture,
 * across the whole width of the view. */
static GdkRectangle
text_area_in_window (GtkTextView       *view,
                     const GtkTextIter *start,
                     const GtkTextIter *end,
                     gboolean           whole_width)
{
  GdkRectangle first, last;
  GdkRectangle view_area = widget_area_in_window (GTK_WIDGET (view));
  graphene_point_t top, bottom;
  int x, y;

  gtk_text_view_get_iter_location (view, start, &first);
  gtk_text_view_get_iter_location (view, end, &last);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, first.x, first.y, &x, &y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (view))),
                                           &GRAPHENE_POINT_INIT (x, y), &top));
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, last.x, last.y + last.height, &x, &y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (view))),
                                           &GRAPHENE_POINT_INIT (x, y), &bottom));

  if (whole_width)
    return (GdkRectangle) { view_area.x, top.y, view_area.width, bottom.y - top.y };
  return (GdkRectangle) { top.x, top.y, bottom.x - top.x, bottom.y - top.y };
}

static gboolean
is_accent (const guchar rgb[3])
{
  return rgb[2] > 150 && rgb[2] - rgb[0] > 80;
}

/* How many pixels of @area are the link blue. */
static guint
count_accent (Picture            *picture,
              const GdkRectangle *area)
{
  guint n = 0;

  for (int y = MAX (area->y, 0); y < MIN (area->y + area->height, picture->height); y++)
    for (int x = MAX (area->x, 0); x < MIN (area->x + area->width, picture->width); x++)
      {
        guchar rgb[3];

        picture_get (picture, x, y, rgb);
        n += is_accent (rgb);
      }

  return n;
}

static GdkRectangle
word_area (Fixture    *f,
           const char *word)
{
  GtkTextIter start, end;

  iter_at_word (f->base.panel, f->ordinal, word, &start);
  end = start;
  gtk_text_iter_forward_chars (&end, g_utf8_strlen (word, -1) - 1);
  return text_area_in_window (bri_reader_get_text_view (f->base.panel), &start, &end, FALSE);
}

static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  GtkTextView *view = bri_reader_get_text_view (f->base.panel);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(Picture) picture = NULL;
  GtkTextIter start, end;
  GdkRectangle page, target, before, link, plain;
  const guchar marker[3] = { 246, 211, 45 };
  guchar background[3], marked[3];
  guint n;

  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));

  texture = save_png (f->base.pw->window, "reader.png");
  picture = picture_new (texture);
  page = widget_area_in_window (GTK_WIDGET (view));
  assert_picture_not_blank (picture, &page, 0.03, background);
  assert_picture_dark_on_light (picture, &page);

  /* The passage asked for lies on a yellow wash (28 % over the page); the
   * one before it does not. */
  for (guint i = 0; i < 3; i++)
    marked[i] = (guchar) (0.72 * background[i] + 0.28 * marker[i] + 0.5);
  g_assert_true (bri_reader_get_passage_bounds (f->base.panel, f->ordinal, &start, &end));
  target = text_area_in_window (view, &start, &end, TRUE);
  n = picture_count_near (picture, &target, marked, 6);
  g_test_message ("%u of %u pixels of the passage on #%02x%02x%02x",
                  n, target.width * target.height, marked[0], marked[1], marked[2]);
  g_assert_cmpuint (n, >, target.width * target.height / 2);
  g_assert_true (bri_reader_get_passage_bounds (f->base.panel, f->ordinal - 1, &start, &end));
  before = text_area_in_window (view, &start, &end, TRUE);
  g_assert_cmpint (before.height, >, 0);
  g_assert_cmpuint (picture_count_near (picture, &before, marked, 6), <, before.width * before.height / 20);

  /* A place is written in the link blue; a plain word is not. */
  iter_at_word (f->base.panel, f->ordinal, "Mombasa-Nairobi", &start);
  g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (view)),
                                                                            "link-feature")));
  link = word_area (f, "Mombasa-Nairobi");
  plain = word_area (f, "kilometers");
  g_test_message ("link blue: %u pixels on “Mombasa-Nairobi”, %u on “kilometers”",
                  count_accent (picture, &link), count_accent (picture, &plain));
  g_assert_cmpuint (count_accent (picture, &link), >, 20);
  g_assert_cmpuint (count_accent (picture, &plain), ==, 0);

  /* The top of a document: its title, publisher and date. */
  bri_reader_show (f->base.panel, bri_atlas_lookup_document (atlas, "progress-2019"), 0);
  panel_window_wait_frames (f->base.pw, 10);
  g_clear_object (&texture);
  g_clear_pointer (&picture, picture_free);
  texture = save_png (f->base.pw->window, "reader-top.png");
  picture = picture_new (texture);
  assert_picture_not_blank (picture, &page, 0.03, background);
  assert_picture_dark_on_light (picture, &page);
}

int
main (int   argc,
      char *argv[])
{
  if (!panel_test_init (&argc, &argv))
    return 1;

  g_test_add ("/bri/reader/whole-text", Fixture, NULL, fixture_set_up, test_whole_text, fixture_tear_down);
  g_test_add ("/bri/reader/target", Fixture, NULL, fixture_set_up, test_target, fixture_tear_down);
  g_test_add ("/bri/reader/links", Fixture, NULL, fixture_set_up, test_links, fixture_tear_down);
  g_test_add_func ("/bri/reader/shown-later", test_shown_later);
  g_test_add ("/bri/reader/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);

  return panel_test_run ();
}
