/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountryLabelLayer: country names over the basemap, each shown only
 * where it fits inside its country and clear of bigger countries' names. */
#pragma once

#include "bri-feature-layer.h"
#include "bri-map-layer.h"

G_BEGIN_DECLS

#define BRI_TYPE_COUNTRY_LABEL_LAYER (bri_country_label_layer_get_type ())

G_DECLARE_FINAL_TYPE (BriCountryLabelLayer, bri_country_label_layer, BRI, COUNTRY_LABEL_LAYER, BriMapLayer)

BriCountryLabelLayer *bri_country_label_layer_new            (ShumateViewport      *viewport);
GListModel           *bri_country_label_layer_get_countries  (BriCountryLabelLayer *self);
void                  bri_country_label_layer_set_countries  (BriCountryLabelLayer *self,
                                                              GListModel           *countries);
gboolean              bri_country_label_layer_is_label_shown (BriCountryLabelLayer *self,
                                                              int                   numeric);
void                  bri_country_label_layer_set_feature_layer (BriCountryLabelLayer *self,
                                                                 BriFeatureLayer      *feature_layer);
GArray               *bri_country_label_layer_get_label_rects (BriCountryLabelLayer *self);

G_END_DECLS
