/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriWindow: the map, the side panel and the search. */
#pragma once

#include <adwaita.h>

#include "bri-atlas.h"

G_BEGIN_DECLS

#define BRI_TYPE_WINDOW (bri_window_get_type ())

G_DECLARE_FINAL_TYPE (BriWindow, bri_window, BRI, WINDOW, AdwApplicationWindow)

BriWindow  *bri_window_new          (GtkApplication *application,
                                     BriAtlas       *atlas);
void        bri_window_navigate     (BriWindow      *self,
                                     const char     *location);
const char *bri_window_get_location (BriWindow      *self);
void        bri_window_show_load_error (BriWindow   *self,
                                        const GError *error);

G_END_DECLS
