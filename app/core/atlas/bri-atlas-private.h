/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The atlas's jobs, each in its own file: linking (bri-atlas-linking.c),
 * indexing (bri-atlas-index.c) and the models (bri-atlas.c).  Linking
 * and indexing run in worker threads on records nobody changes while
 * they run; only the models are touched on the main thread. */
#pragma once

#include "bri-atlas.h"
#include "bri-linker.h"
#include "bri-search.h"

G_BEGIN_DECLS

/* What one passage says of the places and countries, as the models need
 * it: the features it names, and how much it speaks of each country. */
typedef struct
{
  GHashTable *features;   /* set of BriFeature */
  GHashTable *scores;     /* BriCountry → double* */
} BriPassageLinks;

/* A passage and the mentions it is to have. */
typedef struct
{
  BriPassage      *passage;
  GPtrArray       *mentions;
  BriPassageLinks *links;      /* NULL for headings, which no list shows */
  gboolean         indexed;    /* already in the search index: update its links */
} BriRelink;

/* bri-atlas-linking.c */
BriLinker       *_bri_atlas_linker_new          (GPtrArray        *features,
                                                 GPtrArray        *countries);
GPtrArray       *_bri_atlas_link_passage        (BriLinker        *linker,
                                                 GHashTable       *heading_cache,
                                                 BriPassage       *passage);
gboolean         _bri_atlas_passage_may_change  (BriLinker        *added,
                                                 GHashTable       *removed,
                                                 GHashTable       *heading_cache,
                                                 BriPassage       *passage);
BriPassageLinks *_bri_passage_links_new         (GPtrArray        *mentions,
                                                 GHashTable       *country_by_code);
void             _bri_passage_links_free        (BriPassageLinks  *links);
double           _bri_passage_links_get_score   (BriPassageLinks  *links,
                                                 BriCountry       *country);
void             _bri_relink_free               (BriRelink        *relink);

/* bri-atlas-index.c: what goes into the search index, for one change */
typedef struct
{
  BriSearch  *search;
  BriLinker  *linker;
  GHashTable *country_by_code;   /* alpha-2 → BriCountry */
  GHashTable *regions_of;        /* alpha-2 → GPtrArray of region names */
} BriIndexer;

void             _bri_indexer_init              (BriIndexer       *indexer,
                                                 BriSearch        *search,
                                                 BriLinker        *linker,
                                                 GHashTable       *country_by_code);
void             _bri_indexer_clear             (BriIndexer       *indexer);
gboolean         _bri_indexer_add_places        (BriIndexer       *indexer,
                                                 GPtrArray        *features,
                                                 GPtrArray        *countries,
                                                 GError          **error);
gboolean         _bri_indexer_remove_features   (BriIndexer       *indexer,
                                                 GPtrArray        *features,
                                                 GError          **error);
gboolean         _bri_indexer_add_document      (BriIndexer       *indexer,
                                                 BriDocument      *document,
                                                 GHashTable       *relinks,
                                                 GError          **error);
gboolean         _bri_indexer_update_links      (BriIndexer       *indexer,
                                                 GPtrArray        *relinks,
                                                 GError          **error);

/* bri-atlas-search.c */
BriSearch       *_bri_atlas_get_search          (BriAtlas         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriPassageLinks, _bri_passage_links_free)

G_END_DECLS
