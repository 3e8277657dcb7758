/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureLabels: the names the feature painter writes beside its
 * markers.  It is told, frame by frame, where the markers and highlighted
 * lines are and which points would like a name; BriLabelPlacer picks the
 * names and their spots.  On screen each name is painted from an image
 * drawn once; in a vector export it is drawn as text. */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "bri-feature.h"
#include "bri-feature-style.h"
#include "bri-label-placer.h"

G_BEGIN_DECLS

typedef struct _BriFeatureLabels BriFeatureLabels;

BriFeatureLabels *bri_feature_labels_new           (void);
void              bri_feature_labels_free          (BriFeatureLabels   *self);
void              bri_feature_labels_forget        (BriFeatureLabels   *self);
void              bri_feature_labels_set_style     (BriFeatureLabels   *self,
                                                    PangoContext       *context,
                                                    const BriRgba      *color,
                                                    int                 scale,
                                                    gboolean            vector);
void              bri_feature_labels_begin         (BriFeatureLabels   *self,
                                                    double              width,
                                                    double              height);
void              bri_feature_labels_add_marker    (BriFeatureLabels   *self,
                                                    double              x,
                                                    double              y,
                                                    double              radius);
void              bri_feature_labels_add_obstacle  (BriFeatureLabels   *self,
                                                    const BriLabelRect *rect);
void              bri_feature_labels_add_line      (BriFeatureLabels   *self,
                                                    double              x1,
                                                    double              y1,
                                                    double              x2,
                                                    double              y2);
void              bri_feature_labels_add_candidate (BriFeatureLabels   *self,
                                                    BriFeature         *feature,
                                                    int                 importance,
                                                    guint               order,
                                                    double              x,
                                                    double              y,
                                                    double              clearance);
guint             bri_feature_labels_draw          (BriFeatureLabels   *self,
                                                    cairo_t            *cr);
gboolean          bri_feature_labels_get_area      (BriFeatureLabels   *self,
                                                    BriFeature         *feature,
                                                    BriLabelRect       *area);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriFeatureLabels, bri_feature_labels_free)

G_END_DECLS
