/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureTable: the features shown (after the filters) as data other
 * programs read — GeoJSON (RFC 7946, coloured with simplestyle's
 * properties as the map colours them), KML (Placemarks with a style per
 * kind) and CSV.  Made on the main thread from the atlas; written from
 * any thread. */
#pragma once

#include "bri-atlas.h"
#include "bri-export.h"

G_BEGIN_DECLS

#define BRI_TYPE_FEATURE_TABLE (bri_feature_table_get_type ())

G_DECLARE_FINAL_TYPE (BriFeatureTable, bri_feature_table, BRI, FEATURE_TABLE, GObject)

BriFeatureTable *bri_feature_table_new      (BriAtlas        *atlas,
                                             GListModel      *features);
guint            bri_feature_table_get_n_rows (BriFeatureTable *self);
GBytes          *bri_feature_table_to_bytes (BriFeatureTable *self,
                                             BriExportFormat  format,
                                             GError         **error);

G_END_DECLS
