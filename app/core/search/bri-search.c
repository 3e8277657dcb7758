/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSearch: the offline full-text index.
 *
 * An in-memory SQLite FTS5 database with two tables: passages (text,
 * heading path, document title, and "context": the names, kinds,
 * countries and regions of the places the passage is linked to) and
 * places (name, aliases, kind, and the countries and regions it lies
 * in).  The context columns are how places bring their passages: "Sri
 * Lanka port" finds the Hambantota passages even where they never say
 * "Sri Lanka", and "ports in Africa" the ports of African countries.
 *
 * A query is first understood (bri-search-plan.c) as groups, each one
 * thing asked for with every way of writing it; the index is asked for
 * any group, and our ranking function (registered with FTS5) scores a
 * row by how much of the query it answers — the share of the groups it
 * matches, rarer ones weighing more, in its text more than in its
 * context — then by how close together the matches are, then by bm25.
 * So a query never comes back empty when some of its words match, and
 * the passages that answer all of it come first. */

#define G_LOG_DOMAIN "bri-search"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bri-search-private.h"
#include "bri-text-fold.h"

enum {
  INSERT_PASSAGE_ID,
  INSERT_PASSAGE,
  FIND_PASSAGE,
  GET_PASSAGE,
  DELETE_PASSAGE,
  DOCUMENT_PASSAGES,
  DELETE_DOCUMENT_IDS,
  INSERT_PLACE_ID,
  INSERT_PLACE,
  FIND_PLACE,
  GET_PLACE,
  DELETE_PLACE,
  DELETE_PLACE_ID,
  QUERY_PASSAGES,
  QUERY_PLACES,
  COUNT_PASSAGES,
  COUNT_PLACES,
  N_STATEMENTS
};

/* Rows are numbered by SQLite as they come; the id tables map those
 * numbers to the records' own ids, so records come and go without
 * renumbering anything. */
static const char * const statements[N_STATEMENTS] = {
  [INSERT_PASSAGE_ID] = "INSERT INTO passage_ids (document, ordinal) VALUES (?1, ?2)",
  [INSERT_PASSAGE] = "INSERT INTO passages (rowid, text, heading, title, context) VALUES (?1, ?2, ?3, ?4, ?5)",
  [FIND_PASSAGE] = "SELECT rowid FROM passage_ids WHERE document = ?1 AND ordinal = ?2",
  [GET_PASSAGE] = "SELECT text, heading, title FROM passages WHERE rowid = ?1",
  [DELETE_PASSAGE] = "DELETE FROM passages WHERE rowid = ?1",
  [DOCUMENT_PASSAGES] = "SELECT rowid FROM passage_ids WHERE document = ?1",
  [DELETE_DOCUMENT_IDS] = "DELETE FROM passage_ids WHERE document = ?1",
  [INSERT_PLACE_ID] = "INSERT INTO place_ids (type, target) VALUES (?1, ?2)",
  [INSERT_PLACE] = "INSERT INTO places (rowid, name, aliases, kind, context) VALUES (?1, ?2, ?3, ?4, ?5)",
  [FIND_PLACE] = "SELECT place FROM place_ids WHERE type = ?1 AND target = ?2",
  [GET_PLACE] = "SELECT name, aliases FROM places WHERE rowid = ?1",
  [DELETE_PLACE] = "DELETE FROM places WHERE rowid = ?1",
  [DELETE_PLACE_ID] = "DELETE FROM place_ids WHERE place = ?1",
  /* ?2 and ?3 describe the query's groups to bri_rank(); ?5 are the ids
   * of the places the query names, whose own rows come first. */
  /* Ranking first, on every match; snippets after, for the few kept. */
  [QUERY_PASSAGES] =
    "SELECT q.rowid, q.r, NULL, i.document, i.ordinal FROM"
    "  (SELECT rowid,"
    "          bri_rank(passages, ?2, ?3, ?6, bm25(passages, 1.0, 1.5, 0.3, 0.5)) AS r"
    "     FROM passages WHERE passages MATCH ?1"
    "    ORDER BY r DESC, rowid LIMIT ?4) AS q"
    "  JOIN passage_ids AS i ON i.rowid = q.rowid"
    "  ORDER BY q.r DESC, q.rowid",
  [QUERY_PLACES] =
    "SELECT rowid,"
    "       bri_rank(places, ?2, ?3, ?6, bm25(places, 6.0, 3.0, 1.0, 0.5))"
    "         + 20.0 * (SELECT count(*) FROM place_ids"
    "                   WHERE place_ids.place = places.rowid"
    "                     AND place_ids.target IN (SELECT value FROM json_each(?5))) AS r,"
    "       highlight(places, 0, char(2), char(3)),"
    "       (SELECT target FROM place_ids WHERE place_ids.place = places.rowid),"
    "       (SELECT type FROM place_ids WHERE place_ids.place = places.rowid)"
    "  FROM places WHERE places MATCH ?1"
    "  ORDER BY r DESC, rowid LIMIT ?4",
  [COUNT_PASSAGES] = "SELECT count(*) FROM passage_ids",
  [COUNT_PLACES] = "SELECT count(*) FROM place_ids",
};

/* How much a match counts in each column: in the text most, in what the
 * record is linked to less. */
static const double passage_columns[] = { 1.0, 0.85, 0.3, 0.6 };
static const double place_columns[] = { 1.0, 0.95, 0.7, 0.6 };

static gboolean
fail_sqlite (BriSearch   *self,
             int          rc,
             const char  *what,
             GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Search index: %s: %s (%d)"), what,
               self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc), rc);
  return FALSE;
}

/* The ranking function */

/* bri_rank(table, phrase_groups, group_weights, column_weights, bm25):
 * phrase_groups is a blob of one byte a phrase, the group it belongs
 * to; group_weights and column_weights blobs of doubles. */
static void
rank_function (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               sqlite3_context         *ctx,
               int                      n_args,
               sqlite3_value          **args)
{
  const guint8 *phrase_group;
  const double *group_weight;
  const double *column_weight;
  int n_phrases, n_groups, n_columns, n_inst;
  double best[BRI_SEARCH_MAX_GROUPS] = { 0 };
  gboolean in_text[BRI_SEARCH_MAX_GROUPS] = { 0 };
  double total = 0, matched = 0, text = 0, bm25, proximity = 0;
  int n_matched = 0, n_text = 0;
  /* (offset, group) pairs in the text column: on the stack for a usual
   * passage, on the heap for a long one. */
  int stack_hits[2 * 256];
  g_autofree int *heap_hits = NULL;
  int *hits;
  guint n_hits = 0;

  if (n_args != 4)
    {
      sqlite3_result_error (ctx, "bri_rank: wrong number of arguments", -1);
      return;
    }

  phrase_group = sqlite3_value_blob (args[0]);
  n_phrases = sqlite3_value_bytes (args[0]);
  group_weight = sqlite3_value_blob (args[1]);
  n_groups = sqlite3_value_bytes (args[1]) / sizeof (double);
  column_weight = sqlite3_value_blob (args[2]);
  n_columns = sqlite3_value_bytes (args[2]) / sizeof (double);
  bm25 = sqlite3_value_double (args[3]);

  if (api->xInstCount (fts, &n_inst) != SQLITE_OK)
    {
      sqlite3_result_error (ctx, "bri_rank: no instances", -1);
      return;
    }

  hits = n_inst <= 256 ? stack_hits : (heap_hits = g_new (int, 2 * n_inst));
  for (int i = 0; i < n_inst; i++)
    {
      int phrase, column, offset, g;
      double weight;

      if (api->xInst (fts, i, &phrase, &column, &offset) != SQLITE_OK ||
          phrase >= n_phrases || (g = phrase_group[phrase]) >= n_groups ||
          g >= BRI_SEARCH_MAX_GROUPS)
        continue;

      weight = column < n_columns ? column_weight[column] : 0.5;
      best[g] = MAX (best[g], weight);
      if (column == 0)
        {
          in_text[g] = TRUE;
          hits[2 * n_hits] = offset;
          hits[2 * n_hits + 1] = g;
          n_hits++;
        }
    }

  for (int g = 0; g < n_groups && g < BRI_SEARCH_MAX_GROUPS; g++)
    {
      total += group_weight[g];
      matched += group_weight[g] * best[g];
      n_matched += best[g] > 0;
      if (in_text[g])
        {
          text += group_weight[g];
          n_text++;
        }
    }

  /* The smallest stretch of text holding one match of each group the
   * text matches: 1 when they stand side by side. */
  if (n_text > 1)
    {
      int counts[BRI_SEARCH_MAX_GROUPS] = { 0 };
      int covered = 0, left = 0, smallest = G_MAXINT;

      /* Instances come in phrase order; the window needs text order. */
      for (guint i = 1; i < n_hits; i++)
        for (guint j = i; j > 0 && hits[2 * (j - 1)] > hits[2 * j]; j--)
          {
            int *a = hits + 2 * (j - 1);
            int tmp0 = a[0], tmp1 = a[1];

            a[0] = a[2], a[1] = a[3];
            a[2] = tmp0, a[3] = tmp1;
          }

      for (guint right = 0; right < n_hits; right++)
        {
          int *r = hits + 2 * right;

          if (counts[r[1]]++ == 0)
            covered++;
          while (covered == n_text)
            {
              int *l = hits + 2 * left;

              smallest = MIN (smallest, r[0] - l[0]);
              if (--counts[l[1]] == 0)
                covered--;
              left++;
            }
        }

      if (smallest < G_MAXINT)
        proximity = (double) (n_text - 1) / MAX (n_text - 1, smallest);
    }

  /* bm25 is negative, lower is better: squeeze it into (0, 1). */
  bm25 = -bm25;
  sqlite3_result_double (ctx,
                         10.0 * (total > 0 ? matched / total : 0)
                         + 3.0 * (n_matched == n_groups)
                         + 2.0 * (total > 0 ? text / total : 0)
                         + 1.5 * proximity
                         + bm25 / (1.0 + bm25));
}

static gboolean
register_rank_function (BriSearch  *self,
                        GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  fts5_api *api = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT fts5(?1)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return fail_sqlite (self, rc, "fts5", error);
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (api == NULL || api->iVersion < 2)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Search index: this SQLite has no FTS5 extension API"));
      return FALSE;
    }

  rc = api->xCreateFunction (api, "bri_rank", NULL, rank_function, NULL);
  if (rc != SQLITE_OK)
    return fail_sqlite (self, rc, "bri_rank", error);

  if (!_bri_search_setup_tokenizer (self, api))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Search index: this SQLite has no porter tokenizer"));
      return FALSE;
    }

  return TRUE;
}

/* Setting up */

BriSearch *
bri_search_new (BriSearchTables  *tables,
                GError          **error)
{
  g_autoptr(BriSearch) self = g_new0 (BriSearch, 1);
  char *errmsg = NULL;
  int rc;
  static const char schema[] =
    "CREATE VIRTUAL TABLE passages USING fts5("
    "  text, heading, title, context,"
    "  tokenize = 'porter unicode61 remove_diacritics 2',"
    "  prefix = '2 3');"
    "CREATE VIRTUAL TABLE places USING fts5("
    "  name, aliases, kind, context,"
    "  tokenize = 'porter unicode61 remove_diacritics 2',"
    "  prefix = '2 3');"
    "CREATE TABLE passage_ids (rowid INTEGER PRIMARY KEY, document TEXT NOT NULL,"
    "                          ordinal INTEGER NOT NULL, UNIQUE (document, ordinal));"
    "CREATE TABLE place_ids (place INTEGER PRIMARY KEY, type INTEGER NOT NULL,"
    "                        target TEXT NOT NULL, UNIQUE (type, target));";

  g_return_val_if_fail (tables != NULL, NULL);

  g_mutex_init (&self->mutex);
  self->tables = bri_search_tables_ref (tables);
  self->vocab = bri_search_vocab_new ();
  self->learned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->stmt = g_new0 (sqlite3_stmt *, N_STATEMENTS);

  rc = sqlite3_open_v2 (":memory:", &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    return fail_sqlite (self, rc, "open", error), NULL;

  rc = sqlite3_exec (self->db, schema, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Search index: cannot create the tables: %s"), errmsg);
      sqlite3_free (errmsg);
      return NULL;
    }

  if (!register_rank_function (self, error))
    return NULL;

  for (guint i = 0; i < N_STATEMENTS; i++)
    {
      rc = sqlite3_prepare_v2 (self->db, statements[i], -1, &self->stmt[i], NULL);
      if (rc != SQLITE_OK)
        return fail_sqlite (self, rc, statements[i], error), NULL;
    }

  return g_steal_pointer (&self);
}

void
bri_search_free (BriSearch *self)
{
  if (self == NULL)
    return;

  g_return_if_fail (!self->writing);

  for (guint i = 0; self->stmt != NULL && i < N_STATEMENTS; i++)
    sqlite3_finalize (self->stmt[i]);
  g_free (self->stmt);
  _bri_search_clear_tokenizer (self);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->linker, bri_linker_unref);
  g_clear_object (&self->lexicon);
  g_clear_pointer (&self->tables, bri_search_tables_unref);
  g_clear_pointer (&self->vocab, bri_search_vocab_free);
  g_clear_pointer (&self->learned, g_hash_table_unref);
  g_mutex_clear (&self->mutex);
  g_free (self);
}

BriSearchTables *
bri_search_get_tables (BriSearch *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->tables;
}

/* Changing the index */

/**
 * bri_search_begin:
 *
 * Starts a batch of changes, in any thread: queries wait until
 * bri_search_commit(), so keep a batch to a frame's worth of rows.
 */
gboolean
bri_search_begin (BriSearch  *self,
                  GError    **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  rc = sqlite3_exec (self->db, "BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_mutex_unlock (&self->mutex);
      return fail_sqlite (self, rc, "begin", error);
    }

  self->writing = TRUE;
  return TRUE;
}

/**
 * bri_search_commit:
 * @optimize: also merge the index's segments, after a large batch
 */
gboolean
bri_search_commit (BriSearch  *self,
                   gboolean    optimize,
                   GError    **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->writing, FALSE);

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc == SQLITE_OK && optimize)
    rc = sqlite3_exec (self->db,
                       "INSERT INTO passages (passages) VALUES ('optimize');"
                       "INSERT INTO places (places) VALUES ('optimize');",
                       NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  self->writing = FALSE;
  g_mutex_unlock (&self->mutex);

  if (rc != SQLITE_OK)
    return fail_sqlite (self, rc, "commit", error);

  return TRUE;
}

/* Undoes a batch that failed half-way. */
void
bri_search_rollback (BriSearch *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->writing);

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->writing = FALSE;
  g_mutex_unlock (&self->mutex);
}

/**
 * bri_search_set_linker:
 *
 * The linker whose names expand queries ("Karot" finds "Kalot"); a new
 * one replaces the old when places come or go.  Between
 * bri_search_begin() and bri_search_commit().
 */
void
bri_search_set_linker (BriSearch *self,
                       BriLinker *linker)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->writing);

  if (linker != NULL)
    bri_linker_ref (linker);
  g_clear_pointer (&self->linker, bri_linker_unref);
  self->linker = linker;
}

/**
 * bri_search_set_lexicon:
 * @lexicon: (nullable): a dictionary: words it knows are never
 *   "corrected", even when no passage holds them
 *
 * Between bri_search_begin() and bri_search_commit().
 */
void
bri_search_set_lexicon (BriSearch  *self,
                        BriLexicon *lexicon)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->writing);

  g_set_object (&self->lexicon, lexicon);
}

static gboolean
step_done (BriSearch     *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return fail_sqlite (self, rc, sqlite3_sql (stmt), error);

  return TRUE;
}

/* The single integer a lookup finds, or -1. */
static sqlite3_int64
step_find (sqlite3_stmt *stmt)
{
  sqlite3_int64 found = -1;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    found = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return found;
}

static gboolean
insert_passage (BriSearch    *self,
                sqlite3_int64 row,
                const char   *text,
                const char   *heading,
                const char   *title,
                const char   *context,
                GError      **error)
{
  sqlite3_stmt *stmt = self->stmt[INSERT_PASSAGE];

  sqlite3_bind_int64 (stmt, 1, row);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, heading ? heading : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, title ? title : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, context ? context : "", -1, SQLITE_STATIC);

  return step_done (self, stmt, error);
}

/**
 * bri_search_add_passage:
 * @context: (nullable): the names, kinds, countries and regions of what
 *   the passage is linked to
 *
 * Between bri_search_begin() and bri_search_commit().
 */
gboolean
bri_search_add_passage (BriSearch   *self,
                        const char  *document_id,
                        guint        ordinal,
                        const char  *text,
                        const char  *heading,
                        const char  *title,
                        const char  *context,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->writing, FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  stmt = self->stmt[INSERT_PASSAGE_ID];
  sqlite3_bind_text (stmt, 1, document_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, ordinal);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (!insert_passage (self, sqlite3_last_insert_rowid (self->db), text, heading, title, context, error))
    return FALSE;

  bri_search_vocab_add_text (self->vocab, text, 1);
  _bri_search_learn_acronyms (self, text);
  return TRUE;
}

/* Reads a stored passage's columns into @columns (three strings). */
static gboolean
get_passage (BriSearch      *self,
             sqlite3_int64   row,
             char          **columns)
{
  sqlite3_stmt *stmt = self->stmt[GET_PASSAGE];
  gboolean found;

  sqlite3_bind_int64 (stmt, 1, row);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  for (int c = 0; c < 3; c++)
    columns[c] = found ? g_strdup ((const char *) sqlite3_column_text (stmt, c)) : NULL;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return found;
}

/**
 * bri_search_set_context:
 *
 * Replaces what an indexed passage is known to be linked to, when places
 * come or go.  Between bri_search_begin() and bri_search_commit().
 */
gboolean
bri_search_set_context (BriSearch   *self,
                        const char  *document_id,
                        guint        ordinal,
                        const char  *context,
                        GError     **error)
{
  g_auto(GStrv) columns = g_new0 (char *, 4);
  sqlite3_stmt *stmt;
  sqlite3_int64 row;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->writing, FALSE);

  stmt = self->stmt[FIND_PASSAGE];
  sqlite3_bind_text (stmt, 1, document_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, ordinal);
  row = step_find (stmt);
  if (row < 0 || !get_passage (self, row, columns))
    return TRUE;

  /* FTS5 rows are replaced whole. */
  stmt = self->stmt[DELETE_PASSAGE];
  sqlite3_bind_int64 (stmt, 1, row);
  if (!step_done (self, stmt, error))
    return FALSE;

  return insert_passage (self, row, columns[0], columns[1], columns[2], context, error);
}

/**
 * bri_search_remove_document:
 *
 * Takes every passage of the document out of the index.  Between
 * bri_search_begin() and bri_search_commit().
 */
gboolean
bri_search_remove_document (BriSearch   *self,
                            const char  *document_id,
                            GError     **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (sqlite3_int64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->writing, FALSE);

  stmt = self->stmt[DOCUMENT_PASSAGES];
  sqlite3_bind_text (stmt, 1, document_id, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sqlite3_int64 row = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  for (guint i = 0; i < rows->len; i++)
    {
      sqlite3_int64 row = g_array_index (rows, sqlite3_int64, i);
      g_auto(GStrv) columns = g_new0 (char *, 4);

      if (get_passage (self, row, columns))
        bri_search_vocab_add_text (self->vocab, columns[0], -1);

      stmt = self->stmt[DELETE_PASSAGE];
      sqlite3_bind_int64 (stmt, 1, row);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  stmt = self->stmt[DELETE_DOCUMENT_IDS];
  sqlite3_bind_text (stmt, 1, document_id, -1, SQLITE_STATIC);
  return step_done (self, stmt, error);
}

static void
add_names (BriSearch          *self,
           const char         *name,
           const char * const *aliases,
           int                 delta)
{
  bri_search_vocab_add_name (self->vocab, name, delta);
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    bri_search_vocab_add_name (self->vocab, aliases[i], delta);
}

/**
 * bri_search_add_place:
 * @target_id: the feature's id or the country's alpha-2 code
 * @context: (nullable): the countries and regions it lies in
 *
 * Between bri_search_begin() and bri_search_commit().
 */
gboolean
bri_search_add_place (BriSearch           *self,
                      BriSearchPlaceType   type,
                      const char          *target_id,
                      const char          *name,
                      const char * const  *aliases,
                      const char          *kind,
                      const char          *context,
                      GError             **error)
{
  g_autofree char *joined = NULL;
  sqlite3_stmt *stmt;
  sqlite3_int64 row;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->writing, FALSE);
  g_return_val_if_fail (target_id != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stmt = self->stmt[INSERT_PLACE_ID];
  sqlite3_bind_int (stmt, 1, type);
  sqlite3_bind_text (stmt, 2, target_id, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    return FALSE;
  row = sqlite3_last_insert_rowid (self->db);

  /* Aliases are separated by a character no tokenizer joins across. */
  joined = aliases ? g_strjoinv (" ; ", (char **) aliases) : g_strdup ("");

  stmt = self->stmt[INSERT_PLACE];
  sqlite3_bind_int64 (stmt, 1, row);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, joined, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, kind ? kind : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, context ? context : "", -1, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    return FALSE;

  add_names (self, name, aliases, 1);
  return TRUE;
}

gboolean
bri_search_remove_place (BriSearch           *self,
                         BriSearchPlaceType   type,
                         const char          *target_id,
                         GError             **error)
{
  sqlite3_stmt *stmt;
  sqlite3_int64 row;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->writing, FALSE);

  stmt = self->stmt[FIND_PLACE];
  sqlite3_bind_int (stmt, 1, type);
  sqlite3_bind_text (stmt, 2, target_id, -1, SQLITE_STATIC);
  row = step_find (stmt);
  if (row < 0)
    return TRUE;

  stmt = self->stmt[GET_PLACE];
  sqlite3_bind_int64 (stmt, 1, row);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_auto(GStrv) aliases = g_strsplit ((const char *) sqlite3_column_text (stmt, 1), " ; ", -1);

      add_names (self, (const char *) sqlite3_column_text (stmt, 0), (const char * const *) aliases, -1);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  sqlite3_bind_int64 (self->stmt[DELETE_PLACE], 1, row);
  if (!step_done (self, self->stmt[DELETE_PLACE], error))
    return FALSE;
  sqlite3_bind_int64 (self->stmt[DELETE_PLACE_ID], 1, row);
  return step_done (self, self->stmt[DELETE_PLACE_ID], error);
}

/* How many passages or places the index holds. */
guint
bri_search_count (BriSearch        *self,
                  BriSearchHitKind  kind)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (self != NULL, 0);

  locker = g_mutex_locker_new (&self->mutex);
  return (guint) step_find (self->stmt[kind == BRI_SEARCH_HIT_PLACE ? COUNT_PLACES : COUNT_PASSAGES]);
}

/* Asking */

/* Appends @text as one quoted FTS5 phrase of its words; words contain only
 * letters, marks and digits, so the phrase cannot carry syntax.  Returns
 * FALSE when @text has no word. */
gboolean
_bri_search_append_phrase (GString    *out,
                           const char *text,
                           gboolean    prefix)
{
  g_autofree char *folded = bri_text_fold (text, -1);
  gboolean any = FALSE;
  const char *p = folded;

  g_string_append_c (out, '"');
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);

      if (bri_text_fold_is_word_char (c))
        {
          g_string_append_unichar (out, c);
          any = TRUE;
        }
      else if (any && out->str[out->len - 1] != ' ')
        {
          g_string_append_c (out, ' ');
        }
      p = g_utf8_next_char (p);
    }

  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  if (!any)
    {
      g_string_truncate (out, out->len - 1);
      return FALSE;
    }

  g_string_append_c (out, '"');
  if (prefix)
    g_string_append_c (out, '*');

  return TRUE;
}

void
bri_search_hit_clear (BriSearchHit *hit)
{
  g_clear_pointer (&hit->id, g_free);
  g_clear_pointer (&hit->snippet, g_free);
  g_clear_pointer (&hit->ranges, g_array_unref);
}

/* Turns FTS5's marked snippet (\2 … \3) into plain text and ranges. */
static void
parse_marked (const char   *marked,
              BriSearchHit *hit)
{
  GString *plain = g_string_new (NULL);
  guint chars = 0;
  BriSearchRange range = { 0, 0 };

  hit->ranges = g_array_new (FALSE, FALSE, sizeof (BriSearchRange));

  for (const char *p = marked ? marked : ""; *p; p = g_utf8_next_char (p))
    {
      if (*p == '\2')
        range.start = chars;
      else if (*p == '\3')
        {
          range.end = chars;
          if (range.end > range.start)
            g_array_append_val (hit->ranges, range);
        }
      else
        {
          g_string_append_unichar (plain, g_utf8_get_char (p));
          chars++;
        }
    }

  hit->snippet = g_string_free (plain, FALSE);
}

static char *
named_targets_json (BriSearchPlan *plan)
{
  g_autoptr(GString) json = g_string_new ("[");
  guint n = 0;

  for (guint g = 0; g < plan->groups->len; g++)
    {
      BriSearchGroup *group = g_ptr_array_index (plan->groups, g);

      for (guint t = 0; t < group->targets->len; t++)
        {
          g_string_append (json, n++ > 0 ? ",\"" : "\"");
          for (const char *p = g_ptr_array_index (group->targets, t); *p; p++)
            {
              if (*p == '"' || *p == '\\')
                g_string_append_c (json, '\\');
              g_string_append_c (json, *p);
            }
          g_string_append_c (json, '"');
        }
    }
  g_string_append_c (json, ']');

  return g_string_free (g_steal_pointer (&json), FALSE);
}

/**
 * bri_search_add_snippets:
 * @hits: passage hits of bri_search_query() for @plan
 *
 * Gives the hits their snippets, the matches marked: made only for the
 * hits that are shown, after any filtering.
 */
void
bri_search_add_snippets (BriSearch      *self,
                         BriSearchPlan  *plan,
                         BriSearchHit  **hits,
                         guint           n_hits)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (self != NULL);

  locker = g_mutex_locker_new (&self->mutex);
  for (guint i = 0; i < n_hits; i++)
    {
      char *columns[3] = { NULL, NULL, NULL };

      g_return_if_fail (hits[i]->kind == BRI_SEARCH_HIT_PASSAGE);
      get_passage (self, hits[i]->row, columns);
      g_ptr_array_add (texts, columns[0]);
      g_free (columns[1]);
      g_free (columns[2]);
    }

  _bri_search_make_snippets (self, plan, (const char **) texts->pdata, hits, n_hits);
}

/**
 * bri_search_query:
 * @plan: (inout): made by bri_search_plan(); planned here when its
 *   query has not been planned yet
 * @limit: at most this many hits; 0 for no limit
 *
 * Passage hits come without their snippet: see bri_search_add_snippets().
 *
 * Returns: (transfer full): a #GArray of #BriSearchHit, best first; empty
 *   when the plan asks for nothing.  %NULL only on an SQLite failure.
 */
GArray *
bri_search_query (BriSearch         *self,
                  BriSearchHitKind   kind,
                  BriSearchPlan     *plan,
                  guint              limit,
                  GError           **error)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, TRUE, sizeof (BriSearchHit));
  g_autoptr(GArray) phrase_groups = g_array_new (FALSE, FALSE, sizeof (guint8));
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *match = NULL;
  g_autofree char *named = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  const double *columns;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  g_array_set_clear_func (hits, (GDestroyNotify) bri_search_hit_clear);

  match = bri_search_plan_to_match (plan, phrase_groups);
  if (match == NULL)
    return g_steal_pointer (&hits);

  for (guint g = 0; g < plan->groups->len; g++)
    g_array_append_val (weights, ((BriSearchGroup *) g_ptr_array_index (plan->groups, g))->weight);
  named = named_targets_json (plan);
  columns = kind == BRI_SEARCH_HIT_PLACE ? place_columns : passage_columns;

  locker = g_mutex_locker_new (&self->mutex);
  stmt = self->stmt[kind == BRI_SEARCH_HIT_PLACE ? QUERY_PLACES : QUERY_PASSAGES];
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, phrase_groups->data, phrase_groups->len, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, weights->data, weights->len * sizeof (double), SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? limit : G_MAXINT);
  if (kind == BRI_SEARCH_HIT_PLACE)
    sqlite3_bind_text (stmt, 5, named, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 6, columns, 4 * sizeof (double), SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BriSearchHit hit = { 0 };

      hit.kind = kind;
      hit.row = sqlite3_column_int64 (stmt, 0);
      hit.score = sqlite3_column_double (stmt, 1);
      if (kind == BRI_SEARCH_HIT_PLACE)
        parse_marked ((const char *) sqlite3_column_text (stmt, 2), &hit);
      hit.id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      if (kind == BRI_SEARCH_HIT_PLACE)
        hit.place_type = sqlite3_column_int (stmt, 4);
      else
        hit.ordinal = (guint) sqlite3_column_int64 (stmt, 4);
      g_array_append_val (hits, hit);
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      fail_sqlite (self, rc, match, error);
      return NULL;
    }

  return g_steal_pointer (&hits);
}
