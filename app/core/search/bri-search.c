/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSearch: the offline full-text index.
 *
 * An in-memory SQLite FTS5 database with two tables: passages (text,
 * heading path, document title) and places (name, aliases, kind).  User
 * text never reaches FTS5 as syntax: the query is cut into words, each
 * word or known name becomes a quoted phrase, and the phrases are joined
 * with AND/OR that we write ourselves, so quotes, stars, NEAR, brackets or
 * a stray minus in the user's text are just text.  Names found in the query
 * by the linker ("Karot", "Kenyan", "CPEC") are expanded to every spelling
 * of the same place, and acronyms to their long forms. */

#define G_LOG_DOMAIN "bri-search"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "bri-search.h"
#include "bri-text-fold.h"

enum {
  INSERT_PASSAGE_ID,
  INSERT_PASSAGE,
  INSERT_LINK,
  DELETE_LINKS,
  FIND_PASSAGE,
  DELETE_DOCUMENT_TEXT,
  DELETE_DOCUMENT_LINKS,
  DELETE_DOCUMENT_IDS,
  INSERT_PLACE_ID,
  INSERT_PLACE,
  FIND_PLACE,
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
  [INSERT_PASSAGE] = "INSERT INTO passages (rowid, text, heading, title) VALUES (?1, ?2, ?3, ?4)",
  [INSERT_LINK] = "INSERT INTO links (passage, target) VALUES (?1, ?2)",
  [DELETE_LINKS] = "DELETE FROM links WHERE passage = ?1",
  [FIND_PASSAGE] = "SELECT rowid FROM passage_ids WHERE document = ?1 AND ordinal = ?2",
  [DELETE_DOCUMENT_TEXT] = "DELETE FROM passages WHERE rowid IN (SELECT rowid FROM passage_ids WHERE document = ?1)",
  [DELETE_DOCUMENT_LINKS] = "DELETE FROM links WHERE passage IN (SELECT rowid FROM passage_ids WHERE document = ?1)",
  [DELETE_DOCUMENT_IDS] = "DELETE FROM passage_ids WHERE document = ?1",
  [INSERT_PLACE_ID] = "INSERT INTO place_ids (type, target) VALUES (?1, ?2)",
  [INSERT_PLACE] = "INSERT INTO places (rowid, name, aliases, kind) VALUES (?1, ?2, ?3, ?4)",
  [FIND_PLACE] = "SELECT place FROM place_ids WHERE type = ?1 AND target = ?2",
  [DELETE_PLACE] = "DELETE FROM places WHERE rowid = ?1",
  [DELETE_PLACE_ID] = "DELETE FROM place_ids WHERE place = ?1",
  /* bm25 is negative, lower is better.  Headings weigh more than text,
   * but a passage whose own text answers the whole query (?4, the same
   * expression limited to the text column) beats one that matches only
   * through its heading; passages and places linked to what the query
   * names come next. */
  [QUERY_PASSAGES] =
    "SELECT rowid,"
    "       bm25(passages, 1.0, 2.0, 0.5)"
    "         - 2.0 * (SELECT count(*) FROM links"
    "                  WHERE links.passage = passages.rowid"
    "                    AND links.target IN (SELECT value FROM json_each(?2)))"
    "         - 4.0 * (rowid IN (SELECT rowid FROM passages WHERE passages MATCH ?4)) AS r,"
    "       snippet(passages, 0, char(2), char(3), '…', 28),"
    "       (SELECT document FROM passage_ids WHERE passage_ids.rowid = passages.rowid),"
    "       (SELECT ordinal FROM passage_ids WHERE passage_ids.rowid = passages.rowid)"
    "  FROM passages WHERE passages MATCH ?1"
    "  ORDER BY r, rowid LIMIT ?3",
  [QUERY_PLACES] =
    "SELECT rowid,"
    "       bm25(places, 6.0, 3.0, 1.0)"
    "         - 20.0 * (SELECT count(*) FROM place_ids"
    "                   WHERE place_ids.place = places.rowid"
    "                     AND place_ids.target IN (SELECT value FROM json_each(?2))) AS r,"
    "       highlight(places, 0, char(2), char(3)),"
    "       (SELECT target FROM place_ids WHERE place_ids.place = places.rowid),"
    "       (SELECT type FROM place_ids WHERE place_ids.place = places.rowid)"
    "  FROM places WHERE places MATCH ?1"
    "  ORDER BY r, rowid LIMIT ?3",
  [COUNT_PASSAGES] = "SELECT count(*) FROM passage_ids",
  [COUNT_PLACES] = "SELECT count(*) FROM place_ids",
};

struct _BriSearch
{
  sqlite3       *db;
  sqlite3_stmt  *stmt[N_STATEMENTS];
  BriLinker     *linker;
  /* One connection with one statement of each kind: one reader or one
   * writer at a time.  A writer holds it from begin to commit. */
  GMutex         mutex;
  gboolean       writing;
};

/* Acronyms and short forms the documents and their readers use, with the
 * words they stand for.  Names of single places (CPEC, SGR, CR Express)
 * live in the gazetteer as aliases; these are the generic ones. */
static const struct {
  const char *acronym;
  const char *expansions[3];
} acronyms[] = {
  { "BRI", { "Belt and Road Initiative", "Belt and Road" } },
  { "B&R", { "Belt and Road" } },
  { "OBOR", { "One Belt One Road", "Belt and Road" } },
  { "BRF", { "Belt and Road Forum" } },
  { "AIIB", { "Asian Infrastructure Investment Bank" } },
  { "NDB", { "New Development Bank" } },
  { "SRF", { "Silk Road Fund" } },
  { "TEU", { "twenty-foot equivalent unit", "TEUs", "containers" } },
  { "TEUs", { "twenty-foot equivalent units", "TEU", "containers" } },
  { "SEZ", { "special economic zone", "economic zone" } },
  { "SEZs", { "special economic zones", "economic zones" } },
  { "HSR", { "high-speed railway", "high-speed rail" } },
  { "FTA", { "free trade agreement", "free trade area" } },
  { "FTZ", { "free trade zone", "pilot free trade zone" } },
  { "SDGs", { "Sustainable Development Goals", "2030 Agenda" } },
  { "SCO", { "Shanghai Cooperation Organization" } },
  { "WTO", { "World Trade Organization" } },
  { "UN", { "United Nations" } },
  { "ASEAN", { "Association of Southeast Asian Nations" } },
  { "EAEU", { "Eurasian Economic Union" } },
  { "GDI", { "Global Development Initiative" } },
  { "CR", { "China Railway" } },
  { "ICT", { "information and communications technology" } },
  { "PPP", { "public-private partnership" } },
};

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

static gboolean
prepare (BriSearch     *self,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, stmt, NULL);

  if (rc != SQLITE_OK)
    return fail_sqlite (self, rc, sql, error);

  return TRUE;
}

BriSearch *
bri_search_new (BriLinker  *linker,
                GError    **error)
{
  g_autoptr(BriSearch) self = g_new0 (BriSearch, 1);
  char *errmsg = NULL;
  int rc;
  static const char schema[] =
    "CREATE VIRTUAL TABLE passages USING fts5("
    "  text, heading, title,"
    "  tokenize = 'porter unicode61 remove_diacritics 2',"
    "  prefix = '2 3');"
    "CREATE VIRTUAL TABLE places USING fts5("
    "  name, aliases, kind,"
    "  tokenize = 'porter unicode61 remove_diacritics 2',"
    "  prefix = '2 3');"
    "CREATE TABLE passage_ids (rowid INTEGER PRIMARY KEY, document TEXT NOT NULL,"
    "                          ordinal INTEGER NOT NULL, UNIQUE (document, ordinal));"
    "CREATE TABLE links (passage INTEGER NOT NULL, target TEXT NOT NULL);"
    "CREATE INDEX links_passage ON links (passage, target);"
    "CREATE TABLE place_ids (place INTEGER PRIMARY KEY, type INTEGER NOT NULL,"
    "                        target TEXT NOT NULL, UNIQUE (type, target));";

  g_mutex_init (&self->mutex);
  self->linker = linker ? bri_linker_ref (linker) : NULL;

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

  for (guint i = 0; i < N_STATEMENTS; i++)
    if (!prepare (self, statements[i], &self->stmt[i], error))
      return NULL;

  return g_steal_pointer (&self);
}

void
bri_search_free (BriSearch *self)
{
  if (self == NULL)
    return;

  g_return_if_fail (!self->writing);

  for (guint i = 0; i < N_STATEMENTS; i++)
    sqlite3_finalize (self->stmt[i]);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->linker, bri_linker_unref);
  g_mutex_clear (&self->mutex);
  g_free (self);
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
insert_links (BriSearch           *self,
              sqlite3_int64        row,
              const char * const  *linked,
              GError             **error)
{
  sqlite3_stmt *stmt = self->stmt[INSERT_LINK];

  for (guint i = 0; linked != NULL && linked[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, row);
      sqlite3_bind_text (stmt, 2, linked[i], -1, SQLITE_STATIC);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * bri_search_add_passage:
 * @linked: (nullable): ids of the features and countries the passage names
 *
 * Between bri_search_begin() and bri_search_commit().
 */
gboolean
bri_search_add_passage (BriSearch           *self,
                        const char          *document_id,
                        guint                ordinal,
                        const char          *text,
                        const char          *heading,
                        const char          *title,
                        const char * const  *linked,
                        GError             **error)
{
  sqlite3_stmt *stmt;
  sqlite3_int64 row;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->writing, FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  stmt = self->stmt[INSERT_PASSAGE_ID];
  sqlite3_bind_text (stmt, 1, document_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, ordinal);
  if (!step_done (self, stmt, error))
    return FALSE;
  row = sqlite3_last_insert_rowid (self->db);

  stmt = self->stmt[INSERT_PASSAGE];
  sqlite3_bind_int64 (stmt, 1, row);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, heading ? heading : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, title ? title : "", -1, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    return FALSE;

  return insert_links (self, row, linked, error);
}

/**
 * bri_search_set_links:
 *
 * Replaces what an indexed passage is known to name, when places come
 * or go.  Between bri_search_begin() and bri_search_commit().
 */
gboolean
bri_search_set_links (BriSearch           *self,
                      const char          *document_id,
                      guint                ordinal,
                      const char * const  *linked,
                      GError             **error)
{
  sqlite3_stmt *stmt;
  sqlite3_int64 row;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->writing, FALSE);

  stmt = self->stmt[FIND_PASSAGE];
  sqlite3_bind_text (stmt, 1, document_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, ordinal);
  row = step_find (stmt);
  if (row < 0)
    return TRUE;

  stmt = self->stmt[DELETE_LINKS];
  sqlite3_bind_int64 (stmt, 1, row);
  if (!step_done (self, stmt, error))
    return FALSE;

  return insert_links (self, row, linked, error);
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
  static const int steps[] = { DELETE_DOCUMENT_TEXT, DELETE_DOCUMENT_LINKS, DELETE_DOCUMENT_IDS };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->writing, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = self->stmt[steps[i]];

      sqlite3_bind_text (stmt, 1, document_id, -1, SQLITE_STATIC);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * bri_search_add_place:
 * @target_id: the feature's id or the country's alpha-2 code
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

  return step_done (self, stmt, error);
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

/* Query building */

typedef struct
{
  gsize      start;   /* bytes into the query */
  gsize      end;
  GPtrArray *alternatives;  /* of char*, as written */
} Span;

static void
span_clear (Span *span)
{
  g_clear_pointer (&span->alternatives, g_ptr_array_unref);
}

/* Appends @text as one quoted FTS5 phrase of its words; words contain only
 * letters, marks and digits, so the phrase cannot carry syntax.  Returns
 * FALSE when @text has no word. */
static gboolean
append_phrase (GString    *out,
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

static gboolean
is_query_word_char (gunichar c)
{
  return bri_text_fold_is_word_char (c) || c == '&';
}

/* Finds the acronyms of the table in @query, whole words, any case. */
static void
find_acronyms (const char *query,
               GArray     *spans)
{
  for (guint a = 0; a < G_N_ELEMENTS (acronyms); a++)
    {
      gsize n = strlen (acronyms[a].acronym);
      const char *p = query;

      while (*p)
        {
          gboolean before_ok = p == query || !is_query_word_char (g_utf8_get_char (g_utf8_prev_char (p)));

          if (before_ok && g_ascii_strncasecmp (p, acronyms[a].acronym, n) == 0 &&
              !is_query_word_char (g_utf8_get_char (p + n)))
            {
              Span span = { p - query, p - query + n, g_ptr_array_new_with_free_func (g_free) };

              g_ptr_array_add (span.alternatives, g_strdup (acronyms[a].acronym));
              for (guint e = 0; e < G_N_ELEMENTS (acronyms[a].expansions) && acronyms[a].expansions[e]; e++)
                g_ptr_array_add (span.alternatives, g_strdup (acronyms[a].expansions[e]));
              g_array_append_val (spans, span);
              p += n;
            }
          else
            {
              p = g_utf8_next_char (p);
            }
        }
    }
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *sa = a, *sb = b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  /* Longer first, so the overlap pass keeps it. */
  return (sb->end - sb->start) - (sa->end - sa->start) > 0 ? 1 : -1;
}

/**
 * bri_search_build_match:
 * @query: what the user typed
 * @linked_ids: (out) (optional): ids of the features and countries the
 *   query names
 *
 * Returns: (nullable): an FTS5 MATCH expression, or %NULL when @query has
 *   no word to look for
 */
char *
bri_search_build_match (BriSearch       *self,
                        const char      *query,
                        BriSearchFlags   flags,
                        GStrv           *linked_ids)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *valid = NULL;
  gsize qlen;
  gsize pos = 0;
  guint n_groups = 0;
  gboolean ends_in_word;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  g_array_set_clear_func (spans, (GDestroyNotify) span_clear);
  valid = g_utf8_make_valid (query, -1);
  qlen = strlen (valid);

  if (self->linker != NULL)
    {
      g_autoptr(GPtrArray) mentions = bri_linker_find (self->linker, valid, qlen, FALSE);

      for (guint i = 0; i < mentions->len; i++)
        {
          BriMention *m = g_ptr_array_index (mentions, i);
          GPtrArray *terms = bri_linker_get_terms_for (self->linker, bri_mention_get_object (m));
          Span span = {
            bri_mention_get_start (m), bri_mention_get_end (m),
            g_ptr_array_new_with_free_func (g_free)
          };

          /* Several objects may share one match: merge into one span. */
          if (spans->len > 0)
            {
              Span *last = &g_array_index (spans, Span, spans->len - 1);

              if (last->start == span.start && last->end == span.end)
                {
                  for (guint t = 0; terms && t < terms->len; t++)
                    g_ptr_array_add (last->alternatives, g_strdup (g_ptr_array_index (terms, t)));
                  g_strv_builder_add (ids, bri_mention_get_target_id (m));
                  span_clear (&span);
                  continue;
                }
            }

          g_ptr_array_add (span.alternatives, g_strndup (valid + span.start, span.end - span.start));
          for (guint t = 0; terms && t < terms->len; t++)
            g_ptr_array_add (span.alternatives, g_strdup (g_ptr_array_index (terms, t)));
          g_strv_builder_add (ids, bri_mention_get_target_id (m));
          g_array_append_val (spans, span);
        }
    }

  find_acronyms (valid, spans);
  g_array_sort (spans, compare_spans);

  ends_in_word = qlen > 0 && is_query_word_char (g_utf8_get_char (g_utf8_prev_char (valid + qlen)));

  while (pos < qlen)
    {
      gunichar c = g_utf8_get_char (valid + pos);
      Span *span = NULL;

      for (guint i = 0; i < spans->len; i++)
        {
          Span *s = &g_array_index (spans, Span, i);

          if (s->start == pos)
            {
              span = s;
              break;
            }
        }

      if (span != NULL)
        {
          GString *group = g_string_new ("(");
          guint n_alts = 0;

          for (guint a = 0; a < span->alternatives->len; a++)
            {
              gsize before = group->len;

              if (n_alts > 0)
                g_string_append (group, " OR ");
              if (append_phrase (group, g_ptr_array_index (span->alternatives, a), FALSE))
                n_alts++;
              else
                g_string_truncate (group, before);
            }
          g_string_append_c (group, ')');

          if (n_alts > 0)
            {
              if (n_groups++ > 0)
                g_string_append (out, " AND ");
              g_string_append (out, group->str);
            }
          g_string_free (group, TRUE);
          pos = span->end;
          continue;
        }

      if (bri_text_fold_is_word_char (c))
        {
          gsize end = pos;
          g_autofree char *word = NULL;
          gboolean last;

          while (end < qlen && bri_text_fold_is_word_char (g_utf8_get_char (valid + end)))
            {
              gboolean span_starts = FALSE;

              for (guint i = 0; i < spans->len && !span_starts; i++)
                span_starts = g_array_index (spans, Span, i).start == end && end != pos;
              if (span_starts)
                break;
              end = g_utf8_next_char (valid + end) - valid;
            }

          word = g_strndup (valid + pos, end - pos);
          last = end == qlen && ends_in_word;

          if (n_groups > 0)
            g_string_append (out, " AND ");
          if (append_phrase (out, word, last && (flags & BRI_SEARCH_FLAGS_PREFIX)))
            n_groups++;
          else if (n_groups > 0)
            g_string_truncate (out, out->len - strlen (" AND "));

          pos = end;
          continue;
        }

      pos = g_utf8_next_char (valid + pos) - valid;
    }

  if (linked_ids != NULL)
    *linked_ids = g_strv_builder_end (ids);

  if (n_groups == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
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
ids_to_json (const char * const *ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; ids && ids[i]; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_c (json, '"');
      /* Ids are slugs and country codes; escape anyway. */
      for (const char *p = ids[i]; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (json, '\\');
          g_string_append_c (json, *p);
        }
      g_string_append_c (json, '"');
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/**
 * bri_search_query:
 *
 * Returns: (transfer full): a #GArray of #BriSearchHit, best first; empty
 *   for a query without words.  %NULL only on an SQLite failure.
 */
GArray *
bri_search_query (BriSearch         *self,
                  BriSearchHitKind   kind,
                  const char        *query,
                  BriSearchFlags     flags,
                  guint              limit,
                  GError           **error)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, TRUE, sizeof (BriSearchHit));
  g_auto(GStrv) linked = NULL;
  g_autofree char *match = NULL;
  g_autofree char *linked_json = NULL;
  g_autofree char *text_only = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  g_array_set_clear_func (hits, (GDestroyNotify) bri_search_hit_clear);

  /* The linker may change between queries, never during one. */
  locker = g_mutex_locker_new (&self->mutex);
  match = bri_search_build_match (self, query, flags, &linked);
  if (match == NULL)
    return g_steal_pointer (&hits);

  linked_json = ids_to_json ((const char * const *) linked);
  stmt = self->stmt[kind == BRI_SEARCH_HIT_PLACE ? QUERY_PLACES : QUERY_PASSAGES];

  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, linked_json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? limit : G_MAXINT);
  if (kind == BRI_SEARCH_HIT_PASSAGE)
    {
      text_only = g_strdup_printf ("text : (%s)", match);
      sqlite3_bind_text (stmt, 4, text_only, -1, SQLITE_STATIC);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BriSearchHit hit = { 0 };

      hit.kind = kind;
      hit.score = -sqlite3_column_double (stmt, 1);
      parse_marked ((const char *) sqlite3_column_text (stmt, 2), &hit);
      hit.id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      if (kind == BRI_SEARCH_HIT_PLACE)
        hit.place_type = sqlite3_column_int (stmt, 4);
      else
        hit.ordinal = sqlite3_column_int64 (stmt, 4);
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
