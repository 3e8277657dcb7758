/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureLayer: every gazetteer feature of a model, drawn on the map in
 * one snapshot, with hit-testing, hover, a click signal and the map's
 * keyboard. */
#pragma once

#include <shumate/shumate.h>

#include "bri-feature.h"
#include "bri-label-placer.h"

G_BEGIN_DECLS

#define BRI_TYPE_FEATURE_LAYER (bri_feature_layer_get_type ())

G_DECLARE_FINAL_TYPE (BriFeatureLayer, bri_feature_layer, BRI, FEATURE_LAYER, ShumateLayer)

BriFeatureLayer *bri_feature_layer_new          (ShumateViewport *viewport);
void             bri_feature_layer_set_model    (BriFeatureLayer *self,
                                                 GListModel      *features);
GListModel      *bri_feature_layer_get_model    (BriFeatureLayer *self);
void             bri_feature_layer_set_selected (BriFeatureLayer *self,
                                                 BriFeature      *feature);
BriFeature      *bri_feature_layer_get_selected (BriFeatureLayer *self);
BriFeature      *bri_feature_layer_get_hovered  (BriFeatureLayer *self);
BriFeature      *bri_feature_layer_get_focused  (BriFeatureLayer *self);
GPtrArray       *bri_feature_layer_list_in_view (BriFeatureLayer *self);
BriFeature      *bri_feature_layer_pick         (BriFeatureLayer *self,
                                                 double           widget_x,
                                                 double           widget_y);
gboolean         bri_feature_layer_get_label_area (BriFeatureLayer *self,
                                                   BriFeature      *feature,
                                                   graphene_rect_t *area);
void             bri_feature_layer_set_line_scale (BriFeatureLayer *self,
                                                   double           scale);
double           bri_feature_layer_get_line_scale (BriFeatureLayer *self);
void             bri_feature_layer_set_label_obstacles (BriFeatureLayer    *self,
                                                        const BriLabelRect *rects,
                                                        guint               n_rects);
void             bri_feature_layer_set_dark       (BriFeatureLayer *self,
                                                   gboolean         dark);

G_END_DECLS
