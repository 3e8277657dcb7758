/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriWindow: the map, the side panel and the search. */
#pragma once

#include <adwaita.h>

#include "bri-atlas.h"
#include "bri-location.h"

G_BEGIN_DECLS

#define BRI_TYPE_WINDOW (bri_window_get_type ())

G_DECLARE_FINAL_TYPE (BriWindow, bri_window, BRI, WINDOW, AdwApplicationWindow)

BriWindow  *bri_window_new          (GtkApplication *application,
                                     BriAtlas       *atlas);
gboolean    bri_window_open_string  (BriWindow      *self,
                                     const char     *text,
                                     GError        **error);
void        bri_window_show_load_error (BriWindow   *self,
                                        const GError *error);
gboolean    bri_window_present_tour (BriWindow      *self,
                                     const char     *tour,
                                     gboolean        unattended,
                                     GError        **error);

G_END_DECLS
