/* SPDX-License-Identifier: GPL-3.0-or-later */
/* KML tours (gx:Tour), out to Google Earth and Marble and back in. */
#pragma once

#include "bri-atlas.h"
#include "bri-tour.h"

G_BEGIN_DECLS

/* The height, in pixels, of the view a LookAt's range stands for. */
#define BRI_TOUR_KML_REFERENCE_HEIGHT 800.0

double    bri_tour_kml_range_for_zoom (double         latitude,
                                       double         zoom);
double    bri_tour_kml_zoom_for_range (double         latitude,
                                       double         range);

char     *bri_tour_to_kml             (BriTour       *self,
                                       BriAtlas      *atlas);
gboolean  bri_tour_export_kml         (BriTour       *self,
                                       BriAtlas      *atlas,
                                       GFile         *file,
                                       GCancellable  *cancellable,
                                       GError       **error);
BriTour  *bri_tour_new_from_kml       (GBytes        *bytes,
                                       const char    *display_name,
                                       GPtrArray    **warnings,
                                       GError       **error);
BriTour  *bri_tour_new_from_kml_file  (GFile         *file,
                                       GCancellable  *cancellable,
                                       GPtrArray    **warnings,
                                       GError       **error);

G_END_DECLS
