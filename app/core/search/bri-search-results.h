/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSearchResults: the answer to one query — its results, best first,
 * and what the user should know about how it was read. */
#pragma once

#include <gio/gio.h>

#include "bri-search-result.h"

G_BEGIN_DECLS

#define BRI_TYPE_SEARCH_RESULTS (bri_search_results_get_type ())
G_DECLARE_FINAL_TYPE (BriSearchResults, bri_search_results, BRI, SEARCH_RESULTS, GObject)

BriSearchResults   *bri_search_results_new           (const char       *query);
void                bri_search_results_append        (BriSearchResults *self,
                                                      BriSearchResult  *result);
void                bri_search_results_insert_before_passages (BriSearchResults *self,
                                                               BriSearchResult  *result);
const char         *bri_search_results_get_query     (BriSearchResults *self);
const char         *bri_search_results_get_corrected (BriSearchResults *self);
void                bri_search_results_set_corrected (BriSearchResults *self,
                                                      const char       *corrected);
const char * const *bri_search_results_get_messages  (BriSearchResults *self);
void                bri_search_results_add_message   (BriSearchResults *self,
                                                      const char       *message);
guint               bri_search_results_count         (BriSearchResults *self,
                                                      BriSearchResultKind kind);

G_END_DECLS
