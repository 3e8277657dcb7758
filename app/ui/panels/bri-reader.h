/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriReader: a whole source document, opened at one passage. */
#pragma once

#include <gtk/gtk.h>

#include "bri-document.h"

G_BEGIN_DECLS

#define BRI_TYPE_READER (bri_reader_get_type ())

G_DECLARE_FINAL_TYPE (BriReader, bri_reader, BRI, READER, GtkWidget)

GtkWidget   *bri_reader_new          (void);
void         bri_reader_show         (BriReader   *self,
                                      BriDocument *document,
                                      guint        ordinal);
BriDocument *bri_reader_get_document (BriReader   *self);
guint        bri_reader_get_ordinal  (BriReader   *self);

G_END_DECLS
