/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriMapView: the offline map with the atlas's features and countries. */
#pragma once

#include <shumate/shumate.h>

#include "bri-atlas.h"
#include "bri-feature-filter.h"
#include "bri-geo.h"

G_BEGIN_DECLS

#define BRI_TYPE_MAP_VIEW (bri_map_view_get_type ())

G_DECLARE_FINAL_TYPE (BriMapView, bri_map_view, BRI, MAP_VIEW, GtkWidget)

GtkWidget       *bri_map_view_new              (void);
ShumateViewport *bri_map_view_get_viewport     (BriMapView       *self);
void             bri_map_view_set_atlas        (BriMapView       *self,
                                                BriAtlas         *atlas,
                                                GListModel       *features,
                                                BriFeatureFilter *filter);
void             bri_map_view_select_feature   (BriMapView       *self,
                                                BriFeature       *feature);
BriFeature      *bri_map_view_get_selected_feature (BriMapView   *self);
void             bri_map_view_fly_to_feature   (BriMapView       *self,
                                                BriFeature       *feature);
void             bri_map_view_show_country     (BriMapView       *self,
                                                BriCountry       *country);
void             bri_map_view_fit_bounds       (BriMapView       *self,
                                                const BriGeoBounds *bounds,
                                                gboolean          animate);
void             bri_map_view_set_obscured     (BriMapView       *self,
                                                GtkPositionType   side,
                                                int               pixels);
int              bri_map_view_get_obscured     (BriMapView       *self,
                                                GtkPositionType   side);
void             bri_map_view_get_visible_area (BriMapView       *self,
                                                graphene_rect_t  *area);
void             bri_map_view_go_to            (BriMapView       *self,
                                                double            latitude,
                                                double            longitude,
                                                double            zoom);
void             bri_map_view_zoom_in          (BriMapView       *self);
void             bri_map_view_zoom_out         (BriMapView       *self);
void             bri_map_view_set_dark         (BriMapView       *self,
                                                gboolean          dark);
void             bri_map_view_set_features     (BriMapView       *self,
                                                GListModel       *features);
GListModel      *bri_map_view_get_features     (BriMapView       *self);
GListModel      *bri_map_view_get_features_in_view (BriMapView   *self);
void             bri_map_view_set_controls_visible (BriMapView   *self,
                                                    gboolean      visible);
void             bri_map_view_set_line_scale   (BriMapView       *self,
                                                double            scale);
double           bri_map_view_get_line_scale   (BriMapView       *self);
void             bri_map_view_show_view        (BriMapView       *self,
                                                double            latitude,
                                                double            longitude,
                                                double            zoom,
                                                guint             duration_ms,
                                                double           *target_latitude,
                                                double           *target_longitude,
                                                double           *target_zoom);
void             bri_map_view_highlight_country (BriMapView      *self,
                                                 BriCountry      *country);
gboolean         bri_map_view_get_drawn        (BriMapView       *self);
guint            bri_map_view_get_pending_tiles (BriMapView      *self);

G_END_DECLS
