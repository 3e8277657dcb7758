/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureCard: the side panel's page about one feature of the map. */
#pragma once

#include "bri-panel.h"

G_BEGIN_DECLS

#define BRI_TYPE_FEATURE_CARD (bri_feature_card_get_type ())

G_DECLARE_FINAL_TYPE (BriFeatureCard, bri_feature_card, BRI, FEATURE_CARD, BriPanel)

GtkWidget  *bri_feature_card_new         (void);
void        bri_feature_card_set_feature (BriFeatureCard *self,
                                          BriFeature     *feature);
BriFeature *bri_feature_card_get_feature (BriFeatureCard *self);

G_END_DECLS
