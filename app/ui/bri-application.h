/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bri-atlas.h"

G_BEGIN_DECLS

#define BRI_TYPE_APPLICATION (bri_application_get_type ())

G_DECLARE_FINAL_TYPE (BriApplication, bri_application, BRI, APPLICATION, AdwApplication)

BriApplication *bri_application_new                 (void);
GtkWidget      *bri_application_create_about_window (BriAtlas  *atlas,
                                                     GtkWindow *parent);

G_END_DECLS
