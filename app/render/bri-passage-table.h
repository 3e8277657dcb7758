/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriPassageTable: passages — a country's, or a search's — as CSV for a
 * spreadsheet: document, date, section, paragraph number, text, the
 * places the text names, and the citation.  Made on the main thread;
 * written from any thread. */
#pragma once

#include "bri-atlas.h"
#include "bri-export.h"

G_BEGIN_DECLS

#define BRI_TYPE_PASSAGE_TABLE (bri_passage_table_get_type ())

G_DECLARE_FINAL_TYPE (BriPassageTable, bri_passage_table, BRI, PASSAGE_TABLE, GObject)

BriPassageTable *bri_passage_table_new        (GListModel      *passages);
BriPassageTable *bri_passage_table_new_search (BriAtlas        *atlas,
                                               const char      *query,
                                               GError         **error);
guint            bri_passage_table_get_n_rows (BriPassageTable *self);
const char      *bri_passage_table_get_text   (BriPassageTable *self,
                                               guint            row);
const char      *bri_passage_table_get_citation (BriPassageTable *self,
                                                 guint            row);
GBytes          *bri_passage_table_to_csv     (BriPassageTable *self);

G_END_DECLS
