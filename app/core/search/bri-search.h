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

typedef struct
{
  BriSearchHitKind  kind;
  guint             id;        /* as given to bri_search_add_* */
  double            score;     /* higher is better */
  char             *snippet;   /* plain text */
  GArray           *ranges;    /* of BriSearchRange: the matches in snippet */
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
gboolean   bri_search_add_passage   (BriSearch        *self,
                                     guint             id,
                                     const char       *text,
                                     const char       *heading,
                                     const char       *title,
                                     const char * const *linked,
                                     GError          **error);
gboolean   bri_search_add_place     (BriSearch        *self,
                                     guint             id,
                                     const char       *target_id,
                                     const char       *name,
                                     const char * const *aliases,
                                     const char       *kind,
                                     GError          **error);
gboolean   bri_search_finish_index  (BriSearch        *self,
                                     GError          **error);
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
