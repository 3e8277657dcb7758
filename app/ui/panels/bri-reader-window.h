/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriReaderWindow: a document in a window of its own, as wide as the
 * reader wants, its links opening in the atlas's window. */
#pragma once

#include <adwaita.h>

#include "bri-document.h"
#include "bri-reader.h"

G_BEGIN_DECLS

#define BRI_TYPE_READER_WINDOW (bri_reader_window_get_type ())

G_DECLARE_FINAL_TYPE (BriReaderWindow, bri_reader_window, BRI, READER_WINDOW, AdwWindow)

GtkWidget *bri_reader_window_new        (GtkWindow       *main_window,
                                         BriDocument     *document,
                                         guint            ordinal);
BriReader *bri_reader_window_get_reader (BriReaderWindow *self);

G_END_DECLS
