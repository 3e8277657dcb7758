/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriPresentation: a tour presented over the map — the caption card, the
 * progress, blank screens and the keys of a presenter's remote. */
#pragma once

#include <gtk/gtk.h>

#include "bri-atlas.h"
#include "bri-map-view.h"
#include "bri-tour-player.h"

G_BEGIN_DECLS

/* How long the map flies from one stop to the next. */
#define BRI_PRESENTATION_FLIGHT_MS 1500

#define BRI_TYPE_PRESENTATION (bri_presentation_get_type ())

G_DECLARE_FINAL_TYPE (BriPresentation, bri_presentation, BRI, PRESENTATION, GtkWidget)

GtkWidget     *bri_presentation_new               (void);
void           bri_presentation_set_atlas         (BriPresentation *self,
                                                   BriAtlas        *atlas);
BriAtlas      *bri_presentation_get_atlas         (BriPresentation *self);
void           bri_presentation_set_map_view      (BriPresentation *self,
                                                   BriMapView      *map_view);
gboolean       bri_presentation_start             (BriPresentation *self,
                                                   BriTour         *tour,
                                                   guint            position,
                                                   gboolean         unattended);
void           bri_presentation_stop              (BriPresentation *self);
gboolean       bri_presentation_get_presenting    (BriPresentation *self);
gboolean       bri_presentation_get_settled       (BriPresentation *self);
gboolean       bri_presentation_get_unattended    (BriPresentation *self);
void           bri_presentation_set_unattended    (BriPresentation *self,
                                                   gboolean         unattended);
BriTourPlayer *bri_presentation_get_player        (BriPresentation *self);
gint64         bri_presentation_get_start_time    (BriPresentation *self);
gboolean       bri_presentation_handle_key        (BriPresentation *self,
                                                   guint            keyval,
                                                   GdkModifierType  state);
GtkWidget     *bri_presentation_show_presenter_view (BriPresentation *self);

G_END_DECLS
