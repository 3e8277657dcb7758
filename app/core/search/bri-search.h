/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSearch: the offline full-text index (SQLite FTS5) and the query
 * understanding around it. */
#pragma once

#include <gio/gio.h>

#include "bri-lexicon.h"
#include "bri-linker.h"
#include "bri-search-tables.h"

G_BEGIN_DECLS

typedef enum
{
  BRI_SEARCH_HIT_PLACE,
  BRI_SEARCH_HIT_PASSAGE,
} BriSearchHitKind;

typedef struct
{
  guint start;  /* characters into the snippet */
  guint end;
} BriSearchRange;

typedef enum
{
  BRI_SEARCH_PLACE_FEATURE,
  BRI_SEARCH_PLACE_COUNTRY,
} BriSearchPlaceType;

/* A hit names its record by stable ids, never by a position. */
typedef struct
{
  BriSearchHitKind    kind;
  BriSearchPlaceType  place_type;  /* places: a feature or a country */
  char               *id;          /* feature id, country code or document id */
  guint               ordinal;     /* passages: the passage in its document */
  double              score;       /* higher is better */
  char               *snippet;     /* plain text */
  GArray             *ranges;      /* of BriSearchRange: the matches in snippet */
  gint64              row;         /* the index's own row number, for the snippet */
} BriSearchHit;

typedef enum
{
  BRI_SEARCH_FLAGS_NONE   = 0,
  BRI_SEARCH_FLAGS_PREFIX = 1 << 0,  /* the last word may be unfinished */
  BRI_SEARCH_FLAGS_EXACT  = 1 << 1,  /* take the words as typed: no spelling correction */
} BriSearchFlags;

/* One thing the query asks for: a word, a name, a phrase, a region…
 * with every way of writing it.  A record matches the group when it
 * holds one of the phrases, in its text or in what it is linked to. */
typedef struct
{
  char       *text;      /* as the user wrote it (after correction) */
  GPtrArray  *phrases;   /* of char*: the alternatives */
  GPtrArray  *targets;   /* of char*: ids of the places and countries it names */
  gboolean    prefix;    /* the last word, still being typed */
  int         kind;      /* the feature kind it names, or -1 */
  char       *region;    /* the region it names, or NULL */
  double      weight;    /* rarer words weigh more */
  gboolean    near;      /* the phrases next to each other, in any order */
} BriSearchGroup;

/* "country:KE", "year:2015..2020": a field filter as typed. */
typedef struct
{
  char *name;            /* folded */
  char *value;           /* as typed, quotes removed */
  char *as_typed;
} BriSearchField;

/* What a query asks, understood: its groups, its field filters and the
 * corrections made to it. */
typedef struct
{
  char       *query;
  char       *corrected;       /* the query with its misspellings corrected, or NULL */
  GPtrArray  *groups;          /* of BriSearchGroup */
  GPtrArray  *fields;          /* of BriSearchField */
  gboolean    only_stop_words; /* words, but all too common to look for */
} BriSearchPlan;

typedef struct _BriSearch BriSearch;

BriSearch     *bri_search_new             (BriSearchTables  *tables,
                                           GError          **error);
void           bri_search_free            (BriSearch        *self);
BriSearchTables *bri_search_get_tables    (BriSearch        *self);

/* Changing the index: between begin and commit, in any one thread. */
gboolean       bri_search_begin           (BriSearch        *self,
                                           GError          **error);
gboolean       bri_search_commit          (BriSearch        *self,
                                           gboolean          optimize,
                                           GError          **error);
void           bri_search_rollback        (BriSearch        *self);
void           bri_search_set_linker      (BriSearch        *self,
                                           BriLinker        *linker);
void           bri_search_set_lexicon     (BriSearch        *self,
                                           BriLexicon       *lexicon);
gboolean       bri_search_add_passage     (BriSearch        *self,
                                           const char       *document_id,
                                           guint             ordinal,
                                           const char       *text,
                                           const char       *heading,
                                           const char       *title,
                                           const char       *context,
                                           GError          **error);
gboolean       bri_search_set_context     (BriSearch        *self,
                                           const char       *document_id,
                                           guint             ordinal,
                                           const char       *context,
                                           GError          **error);
gboolean       bri_search_remove_document (BriSearch        *self,
                                           const char       *document_id,
                                           GError          **error);
gboolean       bri_search_add_place       (BriSearch        *self,
                                           BriSearchPlaceType type,
                                           const char       *target_id,
                                           const char       *name,
                                           const char * const *aliases,
                                           const char       *kind,
                                           const char       *context,
                                           GError          **error);
gboolean       bri_search_remove_place    (BriSearch        *self,
                                           BriSearchPlaceType type,
                                           const char       *target_id,
                                           GError          **error);
guint          bri_search_count           (BriSearch        *self,
                                           BriSearchHitKind  kind);

/* Asking. */
BriSearchPlan *bri_search_plan            (BriSearch        *self,
                                           const char       *query,
                                           BriSearchFlags    flags);
void           bri_search_plan_free       (BriSearchPlan    *plan);
char          *bri_search_plan_to_match   (BriSearchPlan    *plan,
                                           GArray           *phrase_groups);
GArray        *bri_search_query           (BriSearch        *self,
                                           BriSearchHitKind  kind,
                                           BriSearchPlan    *plan,
                                           guint             limit,
                                           GError          **error);
void           bri_search_add_snippets    (BriSearch        *self,
                                           BriSearchPlan    *plan,
                                           BriSearchHit    **hits,
                                           guint             n_hits);
void           bri_search_hit_clear       (BriSearchHit     *hit);
gboolean       bri_search_field_is_known  (const char       *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriSearch, bri_search_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriSearchPlan, bri_search_plan_free)

G_END_DECLS
