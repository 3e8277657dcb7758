/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriTourList: the side panel's list of tours, built-in and the user's,
 * to open, present, make and manage. */
#pragma once

#include "bri-panel.h"
#include "bri-tour-library.h"

G_BEGIN_DECLS

#define BRI_TYPE_TOUR_LIST (bri_tour_list_get_type ())

G_DECLARE_FINAL_TYPE (BriTourList, bri_tour_list, BRI, TOUR_LIST, BriPanel)

void     bri_tour_list_set_library  (BriTourList    *self,
                                     BriTourLibrary *library);
BriTour *bri_tour_list_get_selected (BriTourList    *self);
void     bri_tour_list_select       (BriTourList    *self,
                                     BriTour        *tour);
gboolean bri_tour_list_focus_list   (BriTourList    *self);

G_END_DECLS
