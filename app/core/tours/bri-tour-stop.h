/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriTourStop: one stop of a tour — where the map goes, what it is
 * about, what the teacher says and which passage it quotes. */
#pragma once

#include <glib-object.h>

#include "bri-location.h"

G_BEGIN_DECLS

#define BRI_TYPE_TOUR_STOP (bri_tour_stop_get_type ())

G_DECLARE_FINAL_TYPE (BriTourStop, bri_tour_stop, BRI, TOUR_STOP, GObject)

BriTourStop        *bri_tour_stop_new          (const char         *title,
                                                BriLocation        *view);
BriTourStop        *bri_tour_stop_copy         (BriTourStop        *self);
gboolean            bri_tour_stop_equal        (BriTourStop        *a,
                                                BriTourStop        *b);

const char         *bri_tour_stop_get_title    (BriTourStop        *self);
BriLocation        *bri_tour_stop_get_view     (BriTourStop        *self);
BriLocation        *bri_tour_stop_get_subject  (BriTourStop        *self);
const char         *bri_tour_stop_get_caption  (BriTourStop        *self);
BriLocation        *bri_tour_stop_get_quote    (BriTourStop        *self);
const char         *bri_tour_stop_get_notes    (BriTourStop        *self);
const char * const *bri_tour_stop_get_reveal   (BriTourStop        *self);
double              bri_tour_stop_get_duration (BriTourStop        *self);

/* For a stop that is not in a tour yet: a stop in a tour is changed
 * through the tour (bri_tour_set_stop_*), which keeps the undo history. */
void                bri_tour_stop_set_title    (BriTourStop        *self,
                                                const char         *title);
void                bri_tour_stop_set_view     (BriTourStop        *self,
                                                BriLocation        *view);
void                bri_tour_stop_set_subject  (BriTourStop        *self,
                                                BriLocation        *subject);
void                bri_tour_stop_set_caption  (BriTourStop        *self,
                                                const char         *caption);
void                bri_tour_stop_set_quote    (BriTourStop        *self,
                                                BriLocation        *quote);
void                bri_tour_stop_set_notes    (BriTourStop        *self,
                                                const char         *notes);
void                bri_tour_stop_set_reveal   (BriTourStop        *self,
                                                const char * const *reveal);
void                bri_tour_stop_set_duration (BriTourStop        *self,
                                                double              duration);

gboolean            bri_tour_stop_is_subject   (BriLocation        *location);

G_END_DECLS
