/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tour model: stops as a list, every edit undone and redone, the
 * signals a view binds to. */

#include "config.h"

#include "bri-tour.h"
#include "tour-test-util.h"

#define loc tour_test_location

static BriTourStop *
stop_new (const char *title)
{
  g_autoptr(BriLocation) view = loc ("view:25.12,62.33,7");

  return bri_tour_stop_new (title, view);
}

/* The stops' titles joined with spaces, to compare orders at a glance. */
static char *
titles (BriTour *tour)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tour)); i++)
    {
      g_autoptr(BriTourStop) stop = g_list_model_get_item (G_LIST_MODEL (tour), i);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, bri_tour_stop_get_title (stop));
    }

  return g_string_free (out, FALSE);
}

#define assert_titles(tour, expected) \
  G_STMT_START { \
    g_autofree char *_t = titles (tour); \
    g_assert_cmpstr (_t, ==, expected); \
  } G_STMT_END

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_calls;
} ItemsChanged;

static void
on_items_changed_cb (GListModel   *model,
                     guint         position,
                     guint         removed,
                     guint         added,
                     ItemsChanged *record)
{
  record->position = position;
  record->removed = removed;
  record->added = added;
  record->n_calls++;
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
on_changed_cb (BriTour *tour,
               guint   *count)
{
  (*count)++;
}

static void
test_new (void)
{
  g_autoptr(BriTour) tour = bri_tour_new ("my-tour", "My tour");

  g_assert_cmpstr (bri_tour_get_id (tour), ==, "my-tour");
  g_assert_cmpstr (bri_tour_get_title (tour), ==, "My tour");
  g_assert_cmpstr (bri_tour_get_author (tour), ==, "");
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (tour)) == BRI_TYPE_TOUR_STOP);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tour)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (tour), 0));
  g_assert_false (bri_tour_can_undo (tour));
  g_assert_false (bri_tour_can_redo (tour));
  g_assert_false (bri_tour_undo (tour));
  g_assert_false (bri_tour_redo (tour));
  g_assert_cmpint (bri_tour_get_source (tour), ==, BRI_TOUR_SOURCE_FILE);
  g_assert_null (bri_tour_get_file (tour));
  g_assert_nonnull (bri_tour_get_created (tour));
  g_assert_true (g_date_time_equal (bri_tour_get_created (tour), bri_tour_get_modified (tour)));
}

static void
test_ids (void)
{
  const struct { const char *title; const char *id; } cases[] = {
    { "Ports of the Maritime Silk Road", "ports-of-the-maritime-silk-road" },
    { "  China–Pakistan: Économie! ", "china-pakistan-economie" },
    { "???", "tour" },
    { "", "tour" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = bri_tour_id_from_title (cases[i].title);

      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_true (bri_tour_id_is_valid (id));
    }

  g_assert_false (bri_tour_id_is_valid (""));
  g_assert_false (bri_tour_id_is_valid ("-a"));
  g_assert_false (bri_tour_id_is_valid ("A"));
  g_assert_false (bri_tour_id_is_valid ("a/b"));
  g_assert_false (bri_tour_id_is_valid ("../x"));
  g_assert_true (bri_tour_id_is_valid ("cpec-2"));
}

static void
append (BriTour    *tour,
        const char *title)
{
  g_autoptr(BriTourStop) stop = stop_new (title);

  bri_tour_append_stop (tour, stop);
}

static void
test_insert_remove_move (void)
{
  g_autoptr(BriTour) tour = bri_tour_new ("t", "T");
  g_autoptr(BriTourStop) x = stop_new ("x");
  ItemsChanged changed = { 0 };
  guint n_items_notified = 0;

  g_signal_connect (tour, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);
  g_signal_connect (tour, "notify::n-items", G_CALLBACK (on_notify_cb), &n_items_notified);

  append (tour, "a");
  g_assert_cmpuint (changed.n_calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_cmpuint (n_items_notified, ==, 1);
  append (tour, "b");
  append (tour, "c");
  append (tour, "d");
  assert_titles (tour, "a b c d");

  bri_tour_insert_stop (tour, 1, x);
  assert_titles (tour, "a x b c d");
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_true (bri_tour_get_stop (tour, 1) == x);

  bri_tour_remove_stop (tour, 3);
  assert_titles (tour, "a x b d");
  g_assert_cmpuint (changed.position, ==, 3);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);

  /* A move reports the span it shuffled, once. */
  changed.n_calls = 0;
  bri_tour_move_stop (tour, 0, 2);
  assert_titles (tour, "x b a d");
  g_assert_cmpuint (changed.n_calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 3);
  g_assert_cmpuint (changed.added, ==, 3);

  bri_tour_move_stop (tour, 3, 0);
  assert_titles (tour, "d x b a");
  bri_tour_move_stop (tour, 2, 2);  /* nothing: not a step either */

  /* Every step back, in order, to the empty tour, and forward again. */
  g_assert_true (bri_tour_undo (tour));
  assert_titles (tour, "x b a d");
  g_assert_true (bri_tour_undo (tour));
  assert_titles (tour, "a x b d");
  g_assert_true (bri_tour_undo (tour));
  assert_titles (tour, "a x b c d");
  g_assert_true (bri_tour_undo (tour));
  assert_titles (tour, "a b c d");
  for (guint i = 0; i < 4; i++)
    g_assert_true (bri_tour_undo (tour));
  assert_titles (tour, "");
  g_assert_false (bri_tour_can_undo (tour));
  g_assert_false (bri_tour_undo (tour));

  for (guint i = 0; i < 7; i++)
    g_assert_true (bri_tour_redo (tour));
  assert_titles (tour, "x b a d");
  g_assert_true (bri_tour_redo (tour));
  assert_titles (tour, "d x b a");
  g_assert_false (bri_tour_redo (tour));
  /* The same object came back, not a copy. */
  g_assert_true (bri_tour_get_stop (tour, 1) == x);
}

static void
test_field_edits (void)
{
  g_autoptr(BriTour) tour = bri_tour_new ("t", "T");
  g_autoptr(BriLocation) view = loc ("view:-4.04,39.68,9");
  g_autoptr(BriLocation) subject = loc ("feature:mombasa-port");
  g_autoptr(BriLocation) quote = loc ("passage:white-paper-2023/84@0-66");
  const char * const reveal[] = { "mombasa-port", "mombasa-nairobi-sgr", NULL };
  BriTourStop *stop;
  guint caption_notified = 0;
  guint changed = 0;

  append (tour, "a");
  stop = bri_tour_get_stop (tour, 0);
  g_signal_connect (stop, "notify::caption", G_CALLBACK (on_notify_cb), &caption_notified);
  g_signal_connect (tour, "changed", G_CALLBACK (on_changed_cb), &changed);

  bri_tour_set_stop_view (tour, 0, view);
  bri_tour_set_stop_subject (tour, 0, subject);
  bri_tour_set_stop_caption (tour, 0, "The port.");
  bri_tour_set_stop_quote (tour, 0, quote);
  bri_tour_set_stop_notes (tour, 0, "Ask about tonnage.");
  bri_tour_set_stop_reveal (tour, 0, reveal);
  bri_tour_set_stop_duration (tour, 0, 12.5);
  bri_tour_set_stop_title (tour, 0, "Mombasa");

  g_assert_cmpuint (caption_notified, ==, 1);
  g_assert_cmpuint (changed, ==, 8);
  g_assert_cmpstr (bri_location_to_string (bri_tour_stop_get_view (stop)), ==, "view:-4.04,39.68,9");
  g_assert_cmpstr (bri_location_to_string (bri_tour_stop_get_subject (stop)), ==, "feature:mombasa-port");
  g_assert_cmpstr (bri_tour_stop_get_caption (stop), ==, "The port.");
  g_assert_cmpstr (bri_location_to_string (bri_tour_stop_get_quote (stop)), ==, "passage:white-paper-2023/84@0-66");
  g_assert_cmpstr (bri_tour_stop_get_notes (stop), ==, "Ask about tonnage.");
  g_assert_true (g_strv_equal (bri_tour_stop_get_reveal (stop), reveal));
  g_assert_cmpfloat (bri_tour_stop_get_duration (stop), ==, 12.5);
  g_assert_cmpstr (bri_tour_stop_get_title (stop), ==, "Mombasa");

  /* Setting a field to what it holds is no edit. */
  bri_tour_set_stop_duration (tour, 0, 12.5);
  bri_tour_set_stop_subject (tour, 0, subject);
  g_assert_cmpuint (changed, ==, 8);

  /* Each field was its own step (no two in a row were the same field). */
  g_assert_true (bri_tour_undo (tour));
  g_assert_cmpstr (bri_tour_stop_get_title (stop), ==, "a");
  g_assert_true (bri_tour_undo (tour));
  g_assert_cmpfloat (bri_tour_stop_get_duration (stop), ==, 0);
  g_assert_true (bri_tour_undo (tour));
  g_assert_null (bri_tour_stop_get_reveal (stop)[0]);
  g_assert_true (bri_tour_undo (tour));
  g_assert_cmpstr (bri_tour_stop_get_notes (stop), ==, "");
  g_assert_true (bri_tour_undo (tour));
  g_assert_null (bri_tour_stop_get_quote (stop));
  g_assert_true (bri_tour_undo (tour));
  g_assert_cmpstr (bri_tour_stop_get_caption (stop), ==, "");
  g_assert_cmpuint (caption_notified, ==, 2);
  g_assert_true (bri_tour_undo (tour));
  g_assert_null (bri_tour_stop_get_subject (stop));
  g_assert_true (bri_tour_undo (tour));
  g_assert_cmpstr (bri_location_to_string (bri_tour_stop_get_view (stop)), ==, "view:25.12,62.33,7");
  g_assert_true (bri_tour_undo (tour));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tour)), ==, 0);
  g_assert_false (bri_tour_can_undo (tour));
  g_assert_cmpuint (changed, ==, 17);

  for (guint i = 0; i < 9; i++)
    g_assert_true (bri_tour_redo (tour));
  g_assert_true (bri_tour_get_stop (tour, 0) == stop);
  g_assert_cmpstr (bri_tour_stop_get_title (stop), ==, "Mombasa");
  g_assert_cmpstr (bri_tour_stop_get_caption (stop), ==, "The port.");
  g_assert_cmpfloat (bri_tour_stop_get_duration (stop), ==, 12.5);
}

static void
test_tour_fields (void)
{
  g_autoptr(BriTour) tour = bri_tour_new ("t", "T");
  guint title_notified = 0;

  g_signal_connect (tour, "notify::title", G_CALLBACK (on_notify_cb), &title_notified);
  bri_tour_set_title (tour, "Ports");
  bri_tour_set_author (tour, "A. Teacher");
  bri_tour_set_description (tour, "Six ports.");
  bri_tour_set_language (tour, "en");
  g_assert_cmpstr (bri_tour_get_title (tour), ==, "Ports");
  g_assert_cmpstr (bri_tour_get_author (tour), ==, "A. Teacher");
  g_assert_cmpstr (bri_tour_get_description (tour), ==, "Six ports.");
  g_assert_cmpstr (bri_tour_get_language (tour), ==, "en");
  g_assert_cmpuint (title_notified, ==, 1);

  for (guint i = 0; i < 4; i++)
    g_assert_true (bri_tour_undo (tour));
  g_assert_cmpstr (bri_tour_get_title (tour), ==, "T");
  g_assert_cmpstr (bri_tour_get_author (tour), ==, "");
  g_assert_cmpstr (bri_tour_get_language (tour), ==, "");
  g_assert_cmpuint (title_notified, ==, 2);
}

/* Typing is one step; anything else in between, or a seal, ends it. */
static void
test_merge (void)
{
  g_autoptr(BriTour) tour = bri_tour_new ("t", "T");
  BriTourStop *a, *b;

  append (tour, "a");
  append (tour, "b");
  a = bri_tour_get_stop (tour, 0);
  b = bri_tour_get_stop (tour, 1);

  bri_tour_set_stop_caption (tour, 0, "G");
  bri_tour_set_stop_caption (tour, 0, "Gw");
  bri_tour_set_stop_caption (tour, 0, "Gwadar");
  g_assert_true (bri_tour_undo (tour));
  g_assert_cmpstr (bri_tour_stop_get_caption (a), ==, "");
  g_assert_true (bri_tour_redo (tour));
  g_assert_cmpstr (bri_tour_stop_get_caption (a), ==, "Gwadar");

  /* After a redo the next letter is a step of its own. */
  bri_tour_set_stop_caption (tour, 0, "Gwadar.");
  g_assert_true (bri_tour_undo (tour));
  g_assert_cmpstr (bri_tour_stop_get_caption (a), ==, "Gwadar");

  /* Another stop's caption, another field, the same field again: three
   * steps. */
  bri_tour_set_stop_caption (tour, 1, "Hambantota");
  bri_tour_set_stop_notes (tour, 1, "n");
  bri_tour_set_stop_caption (tour, 1, "Hambantota port");
  g_assert_true (bri_tour_undo (tour));
  g_assert_cmpstr (bri_tour_stop_get_caption (b), ==, "Hambantota");
  g_assert_cmpstr (bri_tour_stop_get_notes (b), ==, "n");
  g_assert_true (bri_tour_undo (tour));
  g_assert_cmpstr (bri_tour_stop_get_notes (b), ==, "");
  g_assert_true (bri_tour_undo (tour));
  g_assert_cmpstr (bri_tour_stop_get_caption (b), ==, "");

  /* Sealed: the same field again starts a new step. */
  bri_tour_set_stop_title (tour, 1, "B");
  bri_tour_seal_undo (tour);
  bri_tour_set_stop_title (tour, 1, "B2");
  g_assert_true (bri_tour_undo (tour));
  g_assert_cmpstr (bri_tour_stop_get_title (b), ==, "B");

  /* Only text merges: a view or a duration never does. */
  bri_tour_set_stop_duration (tour, 1, 5);
  bri_tour_set_stop_duration (tour, 1, 6);
  g_assert_true (bri_tour_undo (tour));
  g_assert_cmpfloat (bri_tour_stop_get_duration (b), ==, 5);

  /* A field change after a move addresses the stop where it is now. */
  bri_tour_move_stop (tour, 1, 0);
  bri_tour_set_stop_caption (tour, 0, "moved");
  g_assert_cmpstr (bri_tour_stop_get_caption (b), ==, "moved");
  g_assert_true (bri_tour_undo (tour));
  g_assert_true (bri_tour_undo (tour));
  g_assert_true (bri_tour_get_stop (tour, 1) == b);
  g_assert_cmpstr (bri_tour_stop_get_caption (b), ==, "");
}

static void
test_undo_properties (void)
{
  g_autoptr(BriTour) tour = bri_tour_new ("t", "T");
  g_autoptr(GDateTime) before = NULL;
  guint undo_notified = 0, redo_notified = 0, modified_notified = 0;

  g_signal_connect (tour, "notify::can-undo", G_CALLBACK (on_notify_cb), &undo_notified);
  g_signal_connect (tour, "notify::can-redo", G_CALLBACK (on_notify_cb), &redo_notified);
  g_signal_connect (tour, "notify::modified", G_CALLBACK (on_notify_cb), &modified_notified);

  before = g_date_time_ref (bri_tour_get_modified (tour));
  g_usleep (2000);
  append (tour, "a");
  g_assert_cmpuint (undo_notified, ==, 1);
  g_assert_cmpuint (redo_notified, ==, 0);
  g_assert_cmpuint (modified_notified, ==, 1);
  g_assert_cmpint (g_date_time_compare (bri_tour_get_modified (tour), before), >, 0);

  append (tour, "b");
  g_assert_cmpuint (undo_notified, ==, 1);  /* still TRUE: no notification */

  bri_tour_undo (tour);
  g_assert_cmpuint (redo_notified, ==, 1);
  g_assert_true (bri_tour_can_redo (tour));
  bri_tour_undo (tour);
  g_assert_cmpuint (undo_notified, ==, 2);
  g_assert_false (bri_tour_can_undo (tour));
  g_assert_cmpuint (modified_notified, ==, 4);

  /* A new edit drops what could be redone. */
  append (tour, "c");
  g_assert_false (bri_tour_can_redo (tour));
  g_assert_cmpuint (redo_notified, ==, 2);
  g_assert_false (bri_tour_redo (tour));
  assert_titles (tour, "c");

  bri_tour_clear_undo (tour);
  g_assert_false (bri_tour_can_undo (tour));
  g_assert_cmpuint (undo_notified, ==, 4);
  assert_titles (tour, "c");
}

static void
test_copy (void)
{
  g_autoptr(BriTour) tour = bri_tour_new ("t", "T");
  g_autoptr(BriTour) copy = NULL;

  bri_tour_set_author (tour, "Me");
  append (tour, "a");
  append (tour, "b");
  bri_tour_set_stop_caption (tour, 1, "cap");

  copy = bri_tour_copy (tour, "t-2");
  g_assert_cmpstr (bri_tour_get_id (copy), ==, "t-2");
  g_assert_cmpstr (bri_tour_get_title (copy), ==, "T");
  g_assert_cmpstr (bri_tour_get_author (copy), ==, "Me");
  assert_titles (copy, "a b");
  g_assert_false (bri_tour_can_undo (copy));
  g_assert_true (bri_tour_get_stop (copy, 1) != bri_tour_get_stop (tour, 1));
  g_assert_true (bri_tour_stop_equal (bri_tour_get_stop (copy, 1), bri_tour_get_stop (tour, 1)));

  /* Independent: editing one leaves the other. */
  bri_tour_set_stop_caption (copy, 1, "other");
  g_assert_cmpstr (bri_tour_stop_get_caption (bri_tour_get_stop (tour, 1)), ==, "cap");
  g_assert_false (bri_tour_stop_equal (bri_tour_get_stop (copy, 1), bri_tour_get_stop (tour, 1)));
}

/* Older steps go; the newest ones stay. */
static void
test_bounded (void)
{
  g_autoptr(BriTour) tour = bri_tour_new ("t", "T");
  guint undone = 0;

  append (tour, "a");
  for (guint i = 0; i < 2000; i++)
    bri_tour_set_stop_duration (tour, 0, i + 1);

  while (bri_tour_undo (tour))
    undone++;
  g_assert_cmpuint (undone, <, 2001);
  g_assert_cmpuint (undone, >=, 100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tour)), ==, 1);
  g_assert_cmpfloat (bri_tour_stop_get_duration (bri_tour_get_stop (tour, 0)), ==, 2000 - undone);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/tour/new", test_new);
  g_test_add_func ("/bri/tour/ids", test_ids);
  g_test_add_func ("/bri/tour/insert-remove-move", test_insert_remove_move);
  g_test_add_func ("/bri/tour/field-edits", test_field_edits);
  g_test_add_func ("/bri/tour/tour-fields", test_tour_fields);
  g_test_add_func ("/bri/tour/merge", test_merge);
  g_test_add_func ("/bri/tour/undo-properties", test_undo_properties);
  g_test_add_func ("/bri/tour/copy", test_copy);
  g_test_add_func ("/bri/tour/bounded", test_bounded);

  return g_test_run ();
}
