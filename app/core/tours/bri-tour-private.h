/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the file readers and the library set on a tour, outside its undo
 * history. */
#pragma once

#include "bri-tour.h"

G_BEGIN_DECLS

void bri_tour_set_id_internal       (BriTour       *self,
                                     const char    *id);
void bri_tour_set_origin            (BriTour       *self,
                                     BriTourSource  source,
                                     GFile         *file);
void bri_tour_set_dates             (BriTour       *self,
                                     GDateTime     *created,
                                     GDateTime     *modified);
void bri_tour_set_fields_internal   (BriTour       *self,
                                     const char    *title,
                                     const char    *author,
                                     const char    *description,
                                     const char    *language);
void bri_tour_add_stop_internal     (BriTour       *self,
                                     BriTourStop   *stop);

GBytes   *bri_tour_read_file        (GFile         *file,
                                     GCancellable  *cancellable,
                                     char         **name,
                                     GError       **error);
gboolean  bri_tour_write_file       (GFile         *file,
                                     const char    *contents,
                                     GCancellable  *cancellable,
                                     GError       **error);

G_END_DECLS
