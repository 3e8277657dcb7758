/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared between the index (bri-search.c) and the query understanding
 * (bri-search-plan.c). */
#pragma once

#include <sqlite3.h>

#include "bri-search.h"
#include "bri-search-vocab.h"

G_BEGIN_DECLS

/* FTS5 numbers a query's phrases in one byte here, and a row's matched
 * groups fit in a 64-bit mask. */
#define BRI_SEARCH_MAX_GROUPS  64
#define BRI_SEARCH_MAX_PHRASES 255

struct _BriSearch
{
  sqlite3          *db;
  sqlite3_stmt    **stmt;
  BriLinker        *linker;
  BriLexicon       *lexicon;
  BriSearchTables  *tables;
  BriSearchVocab   *vocab;
  fts5_tokenizer    tokenizer;        /* the index's own, for snippets */
  Fts5Tokenizer    *tokenizer_instance;
  GHashTable       *learned;          /* folded phrase → GPtrArray of members: acronyms the texts define */
  guint             learned_longest;  /* in words */
  /* One connection with one statement of each kind: one reader or one
   * writer at a time.  A writer holds it from begin to commit. */
  GMutex            mutex;
  gboolean          writing;
};

gboolean _bri_search_append_phrase (GString    *out,
                                    const char *text,
                                    gboolean    prefix);
void     _bri_search_learn_acronyms (BriSearch  *self,
                                     const char *text);
char    *_bri_search_fold_phrase   (const char *text);
gboolean _bri_search_setup_tokenizer (BriSearch *self,
                                      fts5_api  *api);
void     _bri_search_clear_tokenizer (BriSearch *self);
void     _bri_search_make_snippets (BriSearch      *self,
                                    BriSearchPlan  *plan,
                                    const char    **texts,
                                    BriSearchHit  **hits,
                                    guint           n_hits);

G_END_DECLS
