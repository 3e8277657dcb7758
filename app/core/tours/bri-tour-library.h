/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriTourLibrary: the built-in tours and the user's own, as one list. */
#pragma once

#include <gio/gio.h>

#include "bri-tour.h"

G_BEGIN_DECLS

/* Where the built-in tours are compiled in. */
#define BRI_TOURS_RESOURCE_PATH "/org/example/BriAtlas/data/tours"

/* The file name extension of a tour. */
#define BRI_TOUR_FILE_SUFFIX ".briatour"

#define BRI_TYPE_TOUR_LIBRARY (bri_tour_library_get_type ())

G_DECLARE_FINAL_TYPE (BriTourLibrary, bri_tour_library, BRI, TOUR_LIBRARY, GObject)

BriTourLibrary *bri_tour_library_new          (GFile           *user_dir);
GFile          *bri_tour_library_get_user_dir (BriTourLibrary  *self);
gboolean        bri_tour_library_load         (BriTourLibrary  *self,
                                               GCancellable    *cancellable,
                                               GError         **error);
GPtrArray      *bri_tour_library_get_problems (BriTourLibrary  *self);
BriTour        *bri_tour_library_lookup       (BriTourLibrary  *self,
                                               const char      *id);
BriTour        *bri_tour_library_open         (BriTourLibrary  *self,
                                               const char      *id_or_path,
                                               GPtrArray      **warnings,
                                               GError         **error);
char           *bri_tour_library_unique_id    (BriTourLibrary  *self,
                                               const char      *wanted);

BriTour        *bri_tour_library_add          (BriTourLibrary  *self,
                                               BriTour         *tour,
                                               GError         **error);
BriTour        *bri_tour_library_create       (BriTourLibrary  *self,
                                               const char      *title,
                                               GError         **error);
BriTour        *bri_tour_library_import       (BriTourLibrary  *self,
                                               GFile           *file,
                                               GPtrArray      **warnings,
                                               GError         **error);
BriTour        *bri_tour_library_duplicate    (BriTourLibrary  *self,
                                               BriTour         *tour,
                                               GError         **error);
gboolean        bri_tour_library_rename       (BriTourLibrary  *self,
                                               BriTour         *tour,
                                               const char      *title,
                                               GError         **error);
gboolean        bri_tour_library_save         (BriTourLibrary  *self,
                                               BriTour         *tour,
                                               GError         **error);
gboolean        bri_tour_library_delete       (BriTourLibrary  *self,
                                               BriTour         *tour,
                                               GError         **error);

G_END_DECLS
