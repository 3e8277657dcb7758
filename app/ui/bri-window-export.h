/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's exports: the actions of the Export menu and Print, and
 * the jobs they start, for bri-window-actions.c and the tests. */
#pragma once

#include "bri-export.h"
#include "bri-pages.h"
#include "bri-tour.h"
#include "bri-window.h"

G_BEGIN_DECLS

void     _bri_window_class_install_export_actions (GtkWidgetClass  *widget_class);

gboolean _bri_window_export_map      (BriWindow       *self,
                                      GFile           *file,
                                      BriExportFormat  format,
                                      double           scale,
                                      int              width,
                                      int              height);
gboolean _bri_window_export_handout  (BriWindow       *self,
                                      BriTour         *tour,
                                      BriPaper         paper,
                                      gboolean         notes,
                                      GFile           *file);
gboolean _bri_window_export_document (BriWindow       *self,
                                      GFile           *file);
gboolean _bri_window_export_passages (BriWindow       *self,
                                      GFile           *file);
gboolean _bri_window_export_places   (BriWindow       *self,
                                      BriExportFormat  format,
                                      GFile           *file);
gboolean _bri_window_copy_map        (BriWindow       *self);
gboolean _bri_window_print_to_file   (BriWindow       *self,
                                      GFile           *pdf,
                                      GError         **error);
gboolean _bri_window_is_exporting    (BriWindow       *self);
double   _bri_window_get_export_progress (BriWindow   *self);
void     _bri_window_cancel_export   (BriWindow       *self);

G_END_DECLS
