/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureList: the side panel's list of places, with its filters. */
#pragma once

#include "bri-feature-filter.h"
#include "bri-panel.h"

G_BEGIN_DECLS

#define BRI_TYPE_FEATURE_LIST (bri_feature_list_get_type ())

G_DECLARE_FINAL_TYPE (BriFeatureList, bri_feature_list, BRI, FEATURE_LIST, BriPanel)

void       bri_feature_list_set_model (BriFeatureList   *self,
                                       GListModel       *filtered,
                                       BriFeatureFilter *filter);
gboolean   bri_feature_list_focus_list (BriFeatureList  *self);

G_END_DECLS
