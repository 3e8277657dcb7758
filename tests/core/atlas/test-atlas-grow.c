/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An atlas that grows: a source added while the app runs reaches every
 * model and the search index; removing it takes every trace away; what
 * the change does not touch is not rebuilt. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bri-atlas.h"

static const char notes_text[] =
  "Field notes from the coast\n"
  "\n"
  "Zanzibarite cargo crossed the Port of Mombasa in Kenya on its way north through the "
  "Suez Canal Corridor, the traders said.\n";

static const char suez_geojson[] =
  "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
  "\"properties\":{\"id\":\"suez-canal-corridor\",\"name\":\"Suez Canal Corridor Project\","
  "\"aliases\":[\"Suez Canal Corridor\"],\"kind\":\"corridor\",\"precision\":\"schematic\","
  "\"status\":\"planned\",\"countries\":[\"EG\"]},"
  "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[32.3,31.2],[32.5,29.9]]}}]}";

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Changed;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *log)
{
  Changed c = { position, removed, added };

  g_array_append_val (log, c);
}

static GArray *
watch (GListModel *model)
{
  GArray *log = g_array_new (FALSE, FALSE, sizeof (Changed));

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), log);
  return log;
}

static void
assert_one_change (GArray *log,
                   guint   position,
                   guint   removed,
                   guint   added)
{
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpuint (g_array_index (log, Changed, 0).position, ==, position);
  g_assert_cmpuint (g_array_index (log, Changed, 0).removed, ==, removed);
  g_assert_cmpuint (g_array_index (log, Changed, 0).added, ==, added);
  g_array_set_size (log, 0);
}

static GPtrArray *
model_items (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

static void
assert_same_items (GListModel *model,
                   GPtrArray  *items)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (item == g_ptr_array_index (items, i));
    }
}

static gboolean
model_contains (GListModel *model,
                gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) o = g_list_model_get_item (model, i);

      if (o == item)
        return TRUE;
    }

  return FALSE;
}

static gboolean
mentions (BriPassage *passage,
          const char *id)
{
  GPtrArray *m = bri_passage_get_mentions (passage);

  for (guint i = 0; i < m->len; i++)
    if (g_strcmp0 (bri_mention_get_target_id (g_ptr_array_index (m, i)), id) == 0)
      return TRUE;

  return FALSE;
}

static BriPassage *
passage_with (BriDocument *document,
              const char  *quote)
{
  for (guint i = 0; i < bri_document_get_n_passages (document); i++)
    {
      BriPassage *p = bri_document_get_passage (document, i);

      if (strstr (bri_passage_get_text (p), quote) != NULL)
        return p;
    }

  g_error ("no passage says “%s”", quote);
  return NULL;
}

static guint
n_passage_hits (BriAtlas   *atlas,
                const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = G_LIST_MODEL (bri_atlas_search (atlas, query, 0, 0, G_MAXUINT, &error));

  g_assert_no_error (error);
  return g_list_model_get_n_items (results);
}

static BriSource *
notes_source (const char *document_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) features = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  int fd;

  g_ptr_array_add (documents,
                   bri_document_new_from_text (document_id, "Field notes", "A reporter", NULL, "2026-11",
                                               "notes", "notes.txt", notes_text, NULL));

  fd = g_file_open_tmp ("bri-grow-XXXXXX.geojson", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, suez_geojson, -1, &error));
  file = g_file_new_for_path (path);
  features = bri_feature_load_all (file, &error);
  g_assert_no_error (error);
  g_unlink (path);

  return bri_source_new_for_records ("field-notes", "Field notes", documents, features);
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  if (g_async_result_is_tagged (result, bri_atlas_add_source_async))
    g_assert_true (bri_atlas_add_source_finish (BRI_ATLAS (object), result, &error));
  else
    g_assert_true (bri_atlas_remove_source_finish (BRI_ATLAS (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
wait_for (gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_add_and_remove (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BriAtlas) atlas = bri_atlas_new (NULL);
  g_autoptr(BriSource) notes = NULL;
  g_autoptr(GListModel) mombasa_passages = NULL;
  g_autoptr(GListModel) kenya_passages = NULL;
  g_autoptr(GListModel) egypt_features = NULL;
  g_autoptr(GPtrArray) mombasa_before = NULL;
  g_autoptr(GPtrArray) kenya_before = NULL;
  g_autoptr(GPtrArray) egypt_before = NULL;
  g_autoptr(GArray) documents_log = NULL;
  g_autoptr(GArray) features_log = NULL;
  g_autoptr(GArray) mombasa_log = NULL;
  BriFeature *mombasa;
  BriFeature *suez;
  BriCountry *kenya;
  BriCountry *egypt;
  BriDocument *white_paper;
  BriDocument *field_notes;
  BriPassage *strategies;
  BriPassage *untouched;
  BriPassage *note;
  GPtrArray *untouched_mentions;
  GPtrArray *strategies_mentions;
  guint n_documents, n_features, n_passages, n_indexed_passages, n_indexed_places;
  gboolean done = FALSE;

  g_assert_true (bri_atlas_load (atlas, NULL, &error));
  g_assert_no_error (error);

  mombasa = bri_atlas_lookup_feature (atlas, "mombasa-port");
  kenya = bri_atlas_lookup_country (atlas, "KE");
  egypt = bri_atlas_lookup_country (atlas, "EG");
  white_paper = bri_atlas_lookup_document (atlas, "white-paper-2023");
  g_assert_nonnull (mombasa);
  g_assert_nonnull (kenya);
  g_assert_nonnull (egypt);
  g_assert_nonnull (white_paper);
  g_assert_null (bri_atlas_lookup_feature (atlas, "suez-canal-corridor"));

  strategies = passage_with (white_paper, "Suez Canal Corridor Project");
  untouched = passage_with (white_paper, "Mombasa-Nairobi Railway and the Addis Ababa-Djibouti Railway");
  strategies_mentions = bri_passage_get_mentions (strategies);
  untouched_mentions = bri_passage_get_mentions (untouched);

  /* The lists a window would be showing, held across the change. */
  mombasa_passages = bri_atlas_get_feature_passages (atlas, mombasa);
  kenya_passages = bri_atlas_get_country_passages (atlas, kenya);
  egypt_features = bri_atlas_get_country_features (atlas, egypt);
  mombasa_before = model_items (mombasa_passages);
  kenya_before = model_items (kenya_passages);
  egypt_before = model_items (egypt_features);
  n_documents = g_list_model_get_n_items (bri_atlas_get_documents (atlas));
  n_features = g_list_model_get_n_items (bri_atlas_get_features (atlas));
  n_passages = bri_atlas_get_n_passages (atlas);
  n_indexed_passages = bri_atlas_count_indexed (atlas, BRI_SEARCH_HIT_PASSAGE);
  n_indexed_places = bri_atlas_count_indexed (atlas, BRI_SEARCH_HIT_PLACE);
  g_assert_cmpuint (n_passage_hits (atlas, "zanzibarite"), ==, 0);

  documents_log = watch (bri_atlas_get_documents (atlas));
  features_log = watch (bri_atlas_get_features (atlas));
  mombasa_log = watch (mombasa_passages);

  /* Add, in a worker thread. */
  notes = notes_source ("field-notes-2026");
  bri_atlas_add_source_async (atlas, notes, NULL, on_done, &done);
  g_assert_cmpuint (g_list_model_get_n_items (bri_atlas_get_documents (atlas)), ==, n_documents);
  wait_for (&done);

  field_notes = bri_atlas_lookup_document (atlas, "field-notes-2026");
  suez = bri_atlas_lookup_feature (atlas, "suez-canal-corridor");
  g_assert_nonnull (field_notes);
  g_assert_nonnull (suez);
  note = passage_with (field_notes, "Zanzibarite");

  /* Exactly one item added to each list, at its end. */
  assert_one_change (documents_log, n_documents, 0, 1);
  assert_one_change (features_log, n_features, 0, 1);
  assert_one_change (mombasa_log, mombasa_before->len, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bri_atlas_get_sources (atlas)), ==, 2);

  /* The new text is linked against every place, in search, in its
   * feature's and its country's passages. */
  g_assert_true (mentions (note, "mombasa-port"));
  g_assert_true (mentions (note, "KE"));
  g_assert_true (mentions (note, "suez-canal-corridor"));
  g_assert_cmpuint (n_passage_hits (atlas, "zanzibarite"), ==, 1);
  g_assert_true (model_contains (mombasa_passages, note));
  g_assert_true (model_contains (kenya_passages, note));
  g_assert_cmpuint (g_list_model_get_n_items (kenya_passages), ==, kenya_before->len + 1);
  g_assert_cmpuint (bri_atlas_get_n_passages (atlas), >, n_passages);

  /* Every text is linked against the new place, and it joins its
   * country; a passage that does not name it is not linked again. */
  g_assert_true (mentions (strategies, "suez-canal-corridor"));
  g_assert_true (bri_passage_get_mentions (strategies) != strategies_mentions);
  g_assert_true (bri_passage_get_mentions (untouched) == untouched_mentions);
  {
    g_autoptr(GListModel) suez_passages = bri_atlas_get_feature_passages (atlas, suez);

    g_assert_cmpuint (g_list_model_get_n_items (suez_passages), ==, 2);
    g_assert_true (model_contains (suez_passages, strategies));
    g_assert_true (model_contains (suez_passages, note));
  }
  g_assert_true (model_contains (egypt_features, suez));
  g_assert_cmpuint (bri_atlas_count_indexed (atlas, BRI_SEARCH_HIT_PLACE), ==, n_indexed_places + 1);

  /* An id already in the atlas is refused, and nothing changes. */
  {
    g_autoptr(BriSource) clash = notes_source ("white-paper-2023");

    g_assert_false (bri_atlas_add_source (atlas, clash, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
    g_assert_nonnull (strstr (error->message, "white-paper-2023"));
    g_clear_error (&error);
    g_assert_cmpuint (g_list_model_get_n_items (bri_atlas_get_documents (atlas)), ==, n_documents + 1);
  }

  /* Remove: every trace goes. */
  done = FALSE;
  bri_atlas_remove_source_async (atlas, notes, NULL, on_done, &done);
  wait_for (&done);

  assert_one_change (documents_log, n_documents, 1, 0);
  assert_one_change (features_log, n_features, 1, 0);
  assert_one_change (mombasa_log, mombasa_before->len, 1, 0);
  g_assert_null (bri_atlas_lookup_document (atlas, "field-notes-2026"));
  g_assert_null (bri_atlas_lookup_feature (atlas, "suez-canal-corridor"));
  g_assert_cmpuint (g_list_model_get_n_items (bri_atlas_get_sources (atlas)), ==, 1);
  g_assert_cmpuint (n_passage_hits (atlas, "zanzibarite"), ==, 0);
  g_assert_cmpuint (n_passage_hits (atlas, "Suez Canal Corridor"), >, 0);
  assert_same_items (mombasa_passages, mombasa_before);
  assert_same_items (kenya_passages, kenya_before);
  assert_same_items (egypt_features, egypt_before);
  g_assert_false (mentions (strategies, "suez-canal-corridor"));
  g_assert_true (mentions (strategies, "EG"));
  g_assert_cmpuint (bri_atlas_count_indexed (atlas, BRI_SEARCH_HIT_PASSAGE), ==, n_indexed_passages);
  g_assert_cmpuint (bri_atlas_count_indexed (atlas, BRI_SEARCH_HIT_PLACE), ==, n_indexed_places);
  g_assert_cmpuint (bri_atlas_get_n_passages (atlas), ==, n_passages);
}

/* Changes queue up and run one at a time, in order. */
static void
test_changes_in_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BriAtlas) atlas = bri_atlas_new (NULL);
  g_autoptr(BriSource) notes = notes_source ("field-notes-2026");
  gboolean loaded = FALSE, added = FALSE, removed = FALSE;

  bri_atlas_load_async (atlas, NULL, (GAsyncReadyCallback) NULL, NULL);
  bri_atlas_add_source_async (atlas, notes, NULL, on_done, &added);
  bri_atlas_remove_source_async (atlas, notes, NULL, on_done, &removed);
  wait_for (&removed);

  loaded = bri_atlas_is_loaded (atlas);
  g_assert_true (loaded);
  g_assert_true (added);
  g_assert_null (bri_atlas_lookup_document (atlas, "field-notes-2026"));
  g_assert_cmpuint (g_list_model_get_n_items (bri_atlas_get_documents (atlas)), ==, 5);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/atlas-grow/add-and-remove", test_add_and_remove);
  g_test_add_func ("/bri/atlas-grow/changes-in-order", test_changes_in_order);

  return g_test_run ();
}
