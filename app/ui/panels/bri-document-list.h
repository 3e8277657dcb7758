/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriDocumentList: every document of the atlas, each opening at its start. */
#pragma once

#include "bri-panel.h"

G_BEGIN_DECLS

#define BRI_TYPE_DOCUMENT_LIST (bri_document_list_get_type ())

G_DECLARE_FINAL_TYPE (BriDocumentList, bri_document_list, BRI, DOCUMENT_LIST, BriPanel)

GtkWidget *bri_document_list_new       (void);
GtkWidget *bri_document_list_get_list  (BriDocumentList *self);

G_END_DECLS
