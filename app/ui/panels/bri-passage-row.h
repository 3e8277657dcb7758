/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriPassageRow: one passage of a source document in a list, with the
 * places it names highlighted and a way into the whole document. */
#pragma once

#include <gtk/gtk.h>

#include "bri-passage.h"

G_BEGIN_DECLS

#define BRI_TYPE_PASSAGE_ROW (bri_passage_row_get_type ())

G_DECLARE_FINAL_TYPE (BriPassageRow, bri_passage_row, BRI, PASSAGE_ROW, GtkListBoxRow)

GtkWidget  *bri_passage_row_new              (BriPassage    *passage,
                                              const char    *highlight_id);
BriPassage *bri_passage_row_get_passage      (BriPassageRow *self);
const char *bri_passage_row_get_highlight_id (BriPassageRow *self);

G_END_DECLS
