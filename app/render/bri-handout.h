/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriHandout: a tour on paper — a title page with a map of every stop,
 * a page per stop (its map, caption, quoted passage and full citation,
 * the teacher's notes if wanted), and a bibliography of every document
 * quoted; an outline entry per stop, links from citations to the
 * bibliography, page numbers; A4 or US Letter.  Made on the main thread
 * from the tour and the atlas; written as PDF from any thread. */
#pragma once

#include "bri-atlas.h"
#include "bri-export.h"
#include "bri-map-renderer.h"
#include "bri-pages.h"
#include "bri-tour.h"

G_BEGIN_DECLS

#define BRI_TYPE_HANDOUT (bri_handout_get_type ())

G_DECLARE_FINAL_TYPE (BriHandout, bri_handout, BRI, HANDOUT, GObject)

BriHandout *bri_handout_new         (BriTour         *tour,
                                     BriAtlas        *atlas);
void        bri_handout_set_paper   (BriHandout      *self,
                                     BriPaper         paper);
void        bri_handout_set_notes   (BriHandout      *self,
                                     gboolean         notes);
guint       bri_handout_get_n_stops (BriHandout      *self);
GBytes     *bri_handout_to_pdf      (BriHandout      *self,
                                     GCancellable    *cancellable,
                                     BriProgressFunc  progress,
                                     gpointer         user_data,
                                     GError         **error);

G_END_DECLS
