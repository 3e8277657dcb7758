/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountryLayer: outlines the selected country over the basemap, and
 * tells which country lies under a point of the map. */
#pragma once

#include "bri-map-layer.h"

G_BEGIN_DECLS

#define BRI_TYPE_COUNTRY_LAYER (bri_country_layer_get_type ())

G_DECLARE_FINAL_TYPE (BriCountryLayer, bri_country_layer, BRI, COUNTRY_LAYER, BriMapLayer)

BriCountryLayer *bri_country_layer_new         (ShumateViewport *viewport);
int              bri_country_layer_get_country (BriCountryLayer *self);
void             bri_country_layer_set_country (BriCountryLayer *self,
                                                int              numeric);
int              bri_country_layer_pick        (BriCountryLayer *self,
                                                double           widget_x,
                                                double           widget_y);

G_END_DECLS
