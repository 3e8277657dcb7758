/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriAtlas: owns every model of the application. */
#pragma once

#include <gio/gio.h>

#include "bri-country.h"
#include "bri-document.h"
#include "bri-feature.h"
#include "bri-linker.h"
#include "bri-mention.h"
#include "bri-passage.h"
#include "bri-search.h"
#include "bri-region.h"
#include "bri-search-result.h"
#include "bri-search-results.h"
#include "bri-source.h"

G_BEGIN_DECLS

/* How long each step of loading took, for benchmarks. */
typedef struct
{
  double documents_ms;
  double gazetteer_ms;
  double countries_ms;
  double link_ms;
  double index_ms;
  double total_ms;     /* in the worker thread */
  double apply_ms;     /* on the main thread, models only */
} BriAtlasTimings;

#define BRI_TYPE_ATLAS (bri_atlas_get_type ())

G_DECLARE_FINAL_TYPE (BriAtlas, bri_atlas, BRI, ATLAS, GObject)

BriAtlas    *bri_atlas_new                   (GFile               *data_dir);
void         bri_atlas_load_async            (BriAtlas            *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     bri_atlas_load_finish           (BriAtlas            *self,
                                              GAsyncResult        *result,
                                              GError             **error);
gboolean     bri_atlas_load                  (BriAtlas            *self,
                                              GCancellable        *cancellable,
                                              GError             **error);
gboolean     bri_atlas_is_loaded             (BriAtlas            *self);
const BriAtlasTimings *bri_atlas_get_timings (BriAtlas            *self);

void         bri_atlas_add_source_async      (BriAtlas            *self,
                                              BriSource           *source,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     bri_atlas_add_source_finish     (BriAtlas            *self,
                                              GAsyncResult        *result,
                                              GError             **error);
gboolean     bri_atlas_add_source            (BriAtlas            *self,
                                              BriSource           *source,
                                              GCancellable        *cancellable,
                                              GError             **error);
void         bri_atlas_remove_source_async   (BriAtlas            *self,
                                              BriSource           *source,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     bri_atlas_remove_source_finish  (BriAtlas            *self,
                                              GAsyncResult        *result,
                                              GError             **error);
gboolean     bri_atlas_remove_source         (BriAtlas            *self,
                                              BriSource           *source,
                                              GCancellable        *cancellable,
                                              GError             **error);

GListModel  *bri_atlas_get_sources           (BriAtlas            *self);
GListModel  *bri_atlas_get_features          (BriAtlas            *self);
GListModel  *bri_atlas_get_countries         (BriAtlas            *self);
GListModel  *bri_atlas_get_documents         (BriAtlas            *self);
GListModel  *bri_atlas_get_regions           (BriAtlas            *self);
BriRegion   *bri_atlas_lookup_region         (BriAtlas            *self,
                                              const char          *id);
double       bri_atlas_get_passage_country_score (BriAtlas        *self,
                                              BriPassage          *passage,
                                              BriCountry          *country);
GPtrArray   *bri_atlas_get_problems          (BriAtlas            *self);
guint        bri_atlas_get_n_passages        (BriAtlas            *self);
BriPassage  *bri_atlas_get_passage           (BriAtlas            *self,
                                              guint                index);

BriFeature  *bri_atlas_lookup_feature        (BriAtlas            *self,
                                              const char          *id);
BriCountry  *bri_atlas_lookup_country        (BriAtlas            *self,
                                              const char          *code);
BriCountry  *bri_atlas_lookup_country_numeric (BriAtlas          *self,
                                              int                  numeric);
BriDocument *bri_atlas_lookup_document       (BriAtlas            *self,
                                              const char          *id);
BriPassage  *bri_atlas_lookup_passage        (BriAtlas            *self,
                                              const char          *document_id,
                                              guint                ordinal);
BriLinker   *bri_atlas_get_linker            (BriAtlas            *self);
BriCountry  *bri_atlas_find_country          (BriAtlas            *self,
                                              const char          *code_or_name);
char       **bri_atlas_suggest_features      (BriAtlas            *self,
                                              const char          *text);
char       **bri_atlas_suggest_countries     (BriAtlas            *self,
                                              const char          *text);

GListModel  *bri_atlas_get_feature_passages  (BriAtlas            *self,
                                              BriFeature          *feature);
GListModel  *bri_atlas_get_country_passages  (BriAtlas            *self,
                                              BriCountry          *country);
GListModel  *bri_atlas_get_country_features  (BriAtlas            *self,
                                              BriCountry          *country);

BriSearchResults *bri_atlas_search           (BriAtlas            *self,
                                              const char          *query,
                                              BriSearchFlags       flags,
                                              guint                max_places,
                                              guint                max_passages,
                                              GError             **error);
guint        bri_atlas_count_indexed         (BriAtlas            *self,
                                              BriSearchHitKind     kind);

G_END_DECLS
