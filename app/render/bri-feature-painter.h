/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeaturePainter: draws every feature of a model onto a cairo context
 * for one view of the map: the lines by kind, the markers (clustered at
 * low zoom levels) and the names that fit, with the selected and hovered
 * feature on top.  The map's feature layer paints through it frame by
 * frame; exports and printing draw with it to PDF, SVG and PNG. */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "bri-feature.h"
#include "bri-feature-style.h"
#include "bri-label-placer.h"
#include "bri-map-transform.h"
#include "bri-tile-renderer.h"

G_BEGIN_DECLS

/* What is under a point of the drawing. */
typedef struct
{
  BriFeature *feature;     /* NULL for a bubble of several */
  guint       count;       /* features behind it */
  double      x;           /* where the bubble is, normalized Web Mercator */
  double      y;
  double      zoom_apart;  /* for a bubble: the zoom level from which its
                            * places are drawn apart (or fanned out) */
} BriFeatureHit;

/* A feature in view, where a reader of the map finds it. */
typedef struct
{
  BriFeature *feature;   /* owned by the model */
  double      x;         /* its marker, or a point of its line in view, */
  double      y;         /* in the drawing's pixels */
} BriFeatureInView;

/* What a view shows, for its legend. */
typedef struct
{
  gboolean kinds[BRI_FEATURE_N_KINDS];
  gboolean exact;       /* an exact site */
  gboolean town;        /* a place known to its town only */
  gboolean schematic;   /* a line nobody surveyed */
  gboolean clusters;    /* a bubble of places too close to draw apart */
} BriFeaturesShown;

typedef struct _BriFeaturePainter BriFeaturePainter;

BriFeaturePainter *bri_feature_painter_new                 (void);
void               bri_feature_painter_free                (BriFeaturePainter     *self);
void               bri_feature_painter_set_model           (BriFeaturePainter     *self,
                                                            GListModel            *features);
void               bri_feature_painter_invalidate          (BriFeaturePainter     *self);
void               bri_feature_painter_set_selected        (BriFeaturePainter     *self,
                                                            BriFeature            *feature);
void               bri_feature_painter_set_hovered         (BriFeaturePainter     *self,
                                                            BriFeature            *feature);
void               bri_feature_painter_set_focused         (BriFeaturePainter     *self,
                                                            BriFeature            *feature);
void               bri_feature_painter_set_style           (BriFeaturePainter     *self,
                                                            PangoContext          *context,
                                                            const BriRgba         *text_color,
                                                            int                    scale,
                                                            gboolean               vector);
void               bri_feature_painter_set_tile_style      (BriFeaturePainter     *self,
                                                            BriTileStyle           style);
void               bri_feature_painter_forget              (BriFeaturePainter     *self);
gboolean           bri_feature_painter_is_empty            (BriFeaturePainter     *self);
guint              bri_feature_painter_draw                (BriFeaturePainter     *self,
                                                            cairo_t               *cr,
                                                            const BriMapTransform *t);
gboolean           bri_feature_painter_pick                (BriFeaturePainter     *self,
                                                            const BriMapTransform *t,
                                                            double                 x,
                                                            double                 y,
                                                            BriFeatureHit         *hit);
gboolean           bri_feature_painter_get_label_area      (BriFeaturePainter     *self,
                                                            BriFeature            *feature,
                                                            BriLabelRect          *area);
void               bri_feature_painter_set_show_points     (BriFeaturePainter     *self,
                                                            gboolean               show);
gboolean           bri_feature_painter_set_label_obstacles (BriFeaturePainter     *self,
                                                            const BriLabelRect    *rects,
                                                            guint                  n_rects);
void               bri_feature_painter_get_shown           (BriFeaturePainter     *self,
                                                            const BriMapTransform *t,
                                                            BriFeaturesShown      *shown);
GArray            *bri_feature_painter_list_in_view        (BriFeaturePainter     *self,
                                                            const BriMapTransform *t,
                                                            guint                  max_features);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriFeaturePainter, bri_feature_painter_free)

G_END_DECLS
