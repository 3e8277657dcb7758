/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriLabelPlacer: decides which map labels to draw, and where. Each
 * candidate is a rectangle, or a few in order of preference, with a
 * priority; the most important are taken first, each at its first spot
 * that overlaps no label already taken and no obstacle (a marker, a
 * highlighted line) and stays inside its own container (the country it
 * names, the widget). A candidate with no such spot is left out. Pure
 * geometry, so that it can be tested without a display. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An axis-aligned rectangle, in any unit as long as all agree. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} BriLabelRect;

typedef struct _BriLabelPlacer BriLabelPlacer;

BriLabelPlacer *bri_label_placer_new          (double               padding);
void            bri_label_placer_free         (BriLabelPlacer      *self);

double          bri_label_placer_get_padding  (BriLabelPlacer      *self);
void            bri_label_placer_clear        (BriLabelPlacer      *self);
guint           bri_label_placer_get_n_candidates (BriLabelPlacer *self);
void            bri_label_placer_add          (BriLabelPlacer      *self,
                                               guint                id,
                                               double               priority,
                                               const BriLabelRect  *rect,
                                               const BriLabelRect  *container);
void            bri_label_placer_add_choices  (BriLabelPlacer      *self,
                                               guint                id,
                                               double               priority,
                                               const BriLabelRect  *rects,
                                               guint                n_rects,
                                               const BriLabelRect  *container);
void            bri_label_placer_add_obstacle (BriLabelPlacer      *self,
                                               const BriLabelRect  *rect);
void            bri_label_placer_add_obstacle_segment (BriLabelPlacer *self,
                                                       double          x1,
                                                       double          y1,
                                                       double          x2,
                                                       double          y2,
                                                       double          half_width);
guint           bri_label_placer_place        (BriLabelPlacer      *self);
const guint    *bri_label_placer_get_placed   (BriLabelPlacer      *self,
                                               guint               *n_placed);
const BriLabelRect *bri_label_placer_get_placed_rects (BriLabelPlacer *self,
                                                       guint          *n_placed);
gboolean        bri_label_placer_is_placed    (BriLabelPlacer      *self,
                                               guint                id);

gboolean        bri_label_rect_overlaps       (const BriLabelRect  *a,
                                               const BriLabelRect  *b,
                                               double               padding);
gboolean        bri_label_rect_contains       (const BriLabelRect  *outer,
                                               const BriLabelRect  *inner);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriLabelPlacer, bri_label_placer_free)

G_END_DECLS
