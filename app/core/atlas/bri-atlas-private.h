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

/* bri-atlas-index.c */
gboolean         _bri_atlas_index_places        (BriSearch        *search,
                                                 BriLinker        *linker,
                                                 GPtrArray        *features,
                                                 GPtrArray        *countries,
                                                 GError          **error);
gboolean         _bri_atlas_unindex_features    (BriSearch        *search,
                                                 GPtrArray        *features,
                                                 GError          **error);
gboolean         _bri_atlas_index_document      (BriSearch        *search,
                                                 BriDocument      *document,
                                                 GHashTable       *relinks,
                                                 GError          **error);
gboolean         _bri_atlas_index_links         (BriSearch        *search,
                                                 GPtrArray        *relinks,
                                                 GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriPassageLinks, _bri_passage_links_free)

G_END_DECLS
