/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSearchRow: one search result in the search panel's list. */
#pragma once

#include <gtk/gtk.h>

#include "bri-atlas.h"
#include "bri-location.h"

G_BEGIN_DECLS

#define BRI_TYPE_SEARCH_ROW (bri_search_row_get_type ())

G_DECLARE_FINAL_TYPE (BriSearchRow, bri_search_row, BRI, SEARCH_ROW, GtkListBoxRow)

GtkWidget           *bri_search_row_new          (BriAtlas        *atlas,
                                                  BriSearchResult *result);
BriSearchResultKind  bri_search_row_get_kind     (BriSearchRow    *self);
BriLocation         *bri_search_row_get_location (BriSearchRow    *self);

G_END_DECLS
