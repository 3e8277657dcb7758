/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriPresenterWindow: the presenter's own screen during a presentation —
 * notes, the next stop, the time, the whole passage. */
#pragma once

#include <adwaita.h>

#include "bri-presentation.h"

G_BEGIN_DECLS

#define BRI_TYPE_PRESENTER_WINDOW (bri_presenter_window_get_type ())

G_DECLARE_FINAL_TYPE (BriPresenterWindow, bri_presenter_window, BRI, PRESENTER_WINDOW, AdwWindow)

GtkWidget *bri_presenter_window_new (BriPresentation *presentation);

G_END_DECLS
