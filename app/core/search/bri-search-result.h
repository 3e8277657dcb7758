/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSearchResult: one row of a search: a place, a country or a passage. */
#pragma once

#include <glib-object.h>

#include "bri-search.h"

G_BEGIN_DECLS

typedef enum
{
  BRI_SEARCH_RESULT_FEATURE,
  BRI_SEARCH_RESULT_COUNTRY,
  BRI_SEARCH_RESULT_REGION,
  BRI_SEARCH_RESULT_PASSAGE,
} BriSearchResultKind;

#define BRI_TYPE_SEARCH_RESULT (bri_search_result_get_type ())

G_DECLARE_FINAL_TYPE (BriSearchResult, bri_search_result, BRI, SEARCH_RESULT, GObject)

BriSearchResult     *bri_search_result_new         (BriSearchResultKind  kind,
                                                    GObject             *object,
                                                    double               score,
                                                    const char          *snippet,
                                                    GArray              *ranges);
BriSearchResultKind  bri_search_result_get_kind    (BriSearchResult *self);
GObject             *bri_search_result_get_object  (BriSearchResult *self);
double               bri_search_result_get_score   (BriSearchResult *self);
const char          *bri_search_result_get_snippet (BriSearchResult *self);
const BriSearchRange *bri_search_result_get_ranges (BriSearchResult *self,
                                                    guint           *n_ranges);
char                *bri_search_result_mark_snippet (BriSearchResult *self,
                                                     const char      *open,
                                                     const char      *close);

G_END_DECLS
