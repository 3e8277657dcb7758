/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriPassageTable: each passage read into plain strings when the table
 * is made, so that writing it touches neither the passages nor the
 * atlas, which may be relinking meanwhile. */

#define G_LOG_DOMAIN "bri-passage-table"

#include "config.h"

#include "bri-citation.h"
#include "bri-csv.h"
#include "bri-passage-table.h"

/* The columns, in order. */
enum {
  COL_DOCUMENT_ID,
  COL_DOCUMENT,
  COL_DATE,
  COL_SECTION,
  COL_ORDINAL,
  COL_TEXT,
  COL_PLACES,
  COL_CITATION,
  N_COLUMNS
};

struct _BriPassageTable
{
  GObject    parent_instance;

  GPtrArray *rows;     /* of GStrv, N_COLUMNS each */
};

G_DEFINE_FINAL_TYPE (BriPassageTable, bri_passage_table, G_TYPE_OBJECT)

static void
bri_passage_table_finalize (GObject *object)
{
  BriPassageTable *self = BRI_PASSAGE_TABLE (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (bri_passage_table_parent_class)->finalize (object);
}

static void
bri_passage_table_class_init (BriPassageTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bri_passage_table_finalize;
}

static void
bri_passage_table_init (BriPassageTable *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* The names of the places and countries the text itself names (not its
 * headings), each once, in the order they come. */
static char *
mentioned_places (BriPassage *passage)
{
  GPtrArray *mentions = bri_passage_get_mentions (passage);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    {
      BriMention *m = g_ptr_array_index (mentions, i);
      GObject *object = bri_mention_get_object (m);
      const char *name = NULL;

      if (bri_mention_is_context (m) || object == NULL)
        continue;
      if (BRI_IS_FEATURE (object))
        name = bri_feature_get_name (BRI_FEATURE (object));
      else if (BRI_IS_COUNTRY (object))
        name = bri_country_get_display_name (BRI_COUNTRY (object));

      if (name != NULL && g_hash_table_add (seen, (gpointer) name))
        g_ptr_array_add (names, (gpointer) name);
    }

  g_ptr_array_add (names, NULL);
  return g_strjoinv ("; ", (char **) names->pdata);
}

static void
add_passage (BriPassageTable *self,
             BriPassage      *passage)
{
  BriDocument *document = bri_passage_get_document (passage);
  char **row = g_new0 (char *, N_COLUMNS + 1);

  row[COL_DOCUMENT_ID] = g_strdup (bri_passage_get_document_id (passage));
  row[COL_DOCUMENT] = g_strdup (document != NULL ? bri_document_get_title (document) : NULL);
  row[COL_DATE] = g_strdup (document != NULL ? bri_document_get_date (document) : NULL);
  row[COL_SECTION] = g_strdup (bri_passage_get_heading (passage));
  row[COL_ORDINAL] = g_strdup_printf ("%u", bri_passage_get_ordinal (passage));
  row[COL_TEXT] = g_strdup (bri_passage_get_text (passage));
  row[COL_PLACES] = mentioned_places (passage);
  row[COL_CITATION] = bri_citation_format (passage);
  /* g_strfreev stops at the first NULL: keep every column a string. */
  for (guint i = 0; i < N_COLUMNS; i++)
    if (row[i] == NULL)
      row[i] = g_strdup ("");

  g_ptr_array_add (self->rows, row);
}

/**
 * bri_passage_table_new:
 * @passages: a model of #BriPassage, in the order to write them
 */
BriPassageTable *
bri_passage_table_new (GListModel *passages)
{
  BriPassageTable *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (passages), NULL);

  self = g_object_new (BRI_TYPE_PASSAGE_TABLE, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (passages, i);

      if (BRI_IS_PASSAGE (item))
        add_passage (self, BRI_PASSAGE (item));
    }

  return self;
}

/**
 * bri_passage_table_new_search:
 * @query: what to search for, as typed in the window
 *
 * Every passage the search finds, best first.
 *
 * Returns: (transfer full): the table, or %NULL with @error set for a
 *   query the search cannot read
 */
BriPassageTable *
bri_passage_table_new_search (BriAtlas    *atlas,
                              const char  *query,
                              GError     **error)
{
  g_autoptr(BriSearchResults) results = NULL;
  BriPassageTable *self;
  guint n;

  g_return_val_if_fail (BRI_IS_ATLAS (atlas), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  results = bri_atlas_search (atlas, query, BRI_SEARCH_FLAGS_NONE, 0, G_MAXUINT, error);
  if (results == NULL)
    return NULL;

  self = g_object_new (BRI_TYPE_PASSAGE_TABLE, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (results));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriSearchResult) result = g_list_model_get_item (G_LIST_MODEL (results), i);

      if (bri_search_result_get_kind (result) == BRI_SEARCH_RESULT_PASSAGE)
        add_passage (self, BRI_PASSAGE (bri_search_result_get_object (result)));
    }

  return self;
}

guint
bri_passage_table_get_n_rows (BriPassageTable *self)
{
  g_return_val_if_fail (BRI_IS_PASSAGE_TABLE (self), 0);

  return self->rows->len;
}

const char *
bri_passage_table_get_text (BriPassageTable *self,
                            guint            row)
{
  g_return_val_if_fail (BRI_IS_PASSAGE_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return ((char **) g_ptr_array_index (self->rows, row))[COL_TEXT];
}

const char *
bri_passage_table_get_citation (BriPassageTable *self,
                                guint            row)
{
  g_return_val_if_fail (BRI_IS_PASSAGE_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return ((char **) g_ptr_array_index (self->rows, row))[COL_CITATION];
}

/**
 * bri_passage_table_to_csv:
 *
 * Returns: (transfer full): the table as CSV (RFC 4180, UTF-8), a header
 *   first
 */
GBytes *
bri_passage_table_to_csv (BriPassageTable *self)
{
  static const char * const header[] = {
    "document_id", "document", "date", "section", "ordinal", "text", "mentioned_places", "citation",
  };
  GString *out = g_string_new (NULL);

  G_STATIC_ASSERT (G_N_ELEMENTS (header) == N_COLUMNS);
  g_return_val_if_fail (BRI_IS_PASSAGE_TABLE (self), NULL);

  bri_csv_append_record (out, header, N_COLUMNS);
  for (guint i = 0; i < self->rows->len; i++)
    bri_csv_append_record (out, g_ptr_array_index (self->rows, i), N_COLUMNS);

  return g_string_free_to_bytes (out);
}
