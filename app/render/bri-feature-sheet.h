/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureSheet: a place's card on paper — its map, its facts and
 * every passage about it with its citation.  Made on the main thread from
 * the atlas; written as PDF from any thread. */
#pragma once

#include "bri-atlas.h"
#include "bri-export.h"
#include "bri-pages.h"

G_BEGIN_DECLS

#define BRI_TYPE_FEATURE_SHEET (bri_feature_sheet_get_type ())

G_DECLARE_FINAL_TYPE (BriFeatureSheet, bri_feature_sheet, BRI, FEATURE_SHEET, GObject)

BriFeatureSheet *bri_feature_sheet_new       (BriAtlas        *atlas,
                                              BriFeature      *feature);
void             bri_feature_sheet_set_paper (BriFeatureSheet *self,
                                              BriPaper         paper);
GBytes          *bri_feature_sheet_to_pdf    (BriFeatureSheet *self,
                                              GCancellable    *cancellable,
                                              GError         **error);

G_END_DECLS
