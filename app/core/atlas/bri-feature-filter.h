/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureFilter: which features the map and the list show. */
#pragma once

#include "bri-atlas.h"

G_BEGIN_DECLS

#define BRI_TYPE_FEATURE_FILTER (bri_feature_filter_get_type ())

G_DECLARE_FINAL_TYPE (BriFeatureFilter, bri_feature_filter, BRI, FEATURE_FILTER, GObject)

/* The parts of a filter the user can lift one at a time (the chips
 * above the list of places). */
typedef enum
{
  BRI_FEATURE_FILTER_FACET_KINDS,
  BRI_FEATURE_FILTER_FACET_STATUS,
  BRI_FEATURE_FILTER_FACET_DOCUMENT,
  BRI_FEATURE_FILTER_FACET_YEARS,
  BRI_FEATURE_FILTER_FACET_REGION,
  BRI_FEATURE_FILTER_N_FACETS
} BriFeatureFilterFacet;

BriFeatureFilter *bri_feature_filter_new             (BriAtlas         *atlas);
gboolean          bri_feature_filter_matches         (BriFeatureFilter *self,
                                                      BriFeature       *feature);
gboolean          bri_feature_filter_is_active       (BriFeatureFilter *self);
void              bri_feature_filter_reset           (BriFeatureFilter *self);
char             *bri_feature_filter_describe_facet  (BriFeatureFilter *self,
                                                      BriFeatureFilterFacet facet);
void              bri_feature_filter_clear_facet     (BriFeatureFilter *self,
                                                      BriFeatureFilterFacet facet);

gboolean          bri_feature_filter_get_kind_shown  (BriFeatureFilter *self,
                                                      BriFeatureKind    kind);
void              bri_feature_filter_set_kind_shown  (BriFeatureFilter *self,
                                                      BriFeatureKind    kind,
                                                      gboolean          shown);
const char       *bri_feature_filter_get_status      (BriFeatureFilter *self);
void              bri_feature_filter_set_status      (BriFeatureFilter *self,
                                                      const char       *status);
const char       *bri_feature_filter_get_document    (BriFeatureFilter *self);
void              bri_feature_filter_set_document    (BriFeatureFilter *self,
                                                      const char       *document_id);
int               bri_feature_filter_get_min_year    (BriFeatureFilter *self);
int               bri_feature_filter_get_max_year    (BriFeatureFilter *self);
void              bri_feature_filter_set_years       (BriFeatureFilter *self,
                                                      int               min_year,
                                                      int               max_year);
const char       *bri_feature_filter_get_region      (BriFeatureFilter *self);
void              bri_feature_filter_set_region      (BriFeatureFilter *self,
                                                      const char       *region_id);

G_END_DECLS
