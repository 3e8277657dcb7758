/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriTourEditor: one tour in the side panel — its stops in order, the
 * chosen stop's caption, notes and quote — edited in place with undo. */
#pragma once

#include "bri-panel.h"
#include "bri-tour.h"

G_BEGIN_DECLS

/* No stop chosen. */
#define BRI_TOUR_EDITOR_NO_STOP G_MAXUINT

#define BRI_TYPE_TOUR_EDITOR (bri_tour_editor_get_type ())

G_DECLARE_FINAL_TYPE (BriTourEditor, bri_tour_editor, BRI, TOUR_EDITOR, BriPanel)

void     bri_tour_editor_set_tour    (BriTourEditor *self,
                                      BriTour       *tour);
BriTour *bri_tour_editor_get_tour    (BriTourEditor *self);
gboolean bri_tour_editor_get_editable (BriTourEditor *self);
guint    bri_tour_editor_get_current (BriTourEditor *self);
void     bri_tour_editor_set_current (BriTourEditor *self,
                                      guint          position);
gboolean bri_tour_editor_focus_stop  (BriTourEditor *self);

G_END_DECLS
