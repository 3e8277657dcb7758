/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSearch: the offline full-text index (SQLite FTS5). */
#pragma once

#include <gio/gio.h>

#include "bri-linker.h"

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
} BriSearchHit;

typedef enum
{
  BRI_SEARCH_FLAGS_NONE   = 0,
  BRI_SEARCH_FLAGS_PREFIX = 1 << 0,  /* the last word may be unfinished */
} BriSearchFlags;

typedef struct _BriSearch BriSearch;

BriSearch *bri_search_new           (BriLinker        *linker,
                                     GError          **error);
void       bri_search_free          (BriSearch        *self);
void       bri_search_set_linker    (BriSearch        *self,
                                     BriLinker        *linker);
gboolean   bri_search_begin         (BriSearch        *self,
                                     GError          **error);
gboolean   bri_search_commit        (BriSearch        *self,
                                     gboolean          optimize,
                                     GError          **error);
void       bri_search_rollback      (BriSearch        *self);
gboolean   bri_search_add_passage   (BriSearch        *self,
                                     const char       *document_id,
                                     guint             ordinal,
                                     const char       *text,
                                     const char       *heading,
                                     const char       *title,
                                     const char * const *linked,
                                     GError          **error);
gboolean   bri_search_set_links     (BriSearch        *self,
                                     const char       *document_id,
                                     guint             ordinal,
                                     const char * const *linked,
                                     GError          **error);
gboolean   bri_search_remove_document (BriSearch      *self,
                                     const char       *document_id,
                                     GError          **error);
gboolean   bri_search_add_place     (BriSearch        *self,
                                     BriSearchPlaceType type,
                                     const char       *target_id,
                                     const char       *name,
                                     const char * const *aliases,
                                     const char       *kind,
                                     GError          **error);
gboolean   bri_search_remove_place  (BriSearch        *self,
                                     BriSearchPlaceType type,
                                     const char       *target_id,
                                     GError          **error);
guint      bri_search_count         (BriSearch        *self,
                                     BriSearchHitKind  kind);
char      *bri_search_build_match   (BriSearch        *self,
                                     const char       *query,
                                     BriSearchFlags    flags,
                                     GStrv            *linked_ids);
GArray    *bri_search_query         (BriSearch        *self,
                                     BriSearchHitKind  kind,
                                     const char       *query,
                                     BriSearchFlags    flags,
                                     guint             limit,
                                     GError          **error);
void       bri_search_hit_clear     (BriSearchHit     *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriSearch, bri_search_free)

G_END_DECLS
