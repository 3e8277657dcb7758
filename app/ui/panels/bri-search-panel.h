/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSearchPanel: the side panel's page of search results. */
#pragma once

#include "bri-panel.h"

G_BEGIN_DECLS

#define BRI_TYPE_SEARCH_PANEL (bri_search_panel_get_type ())

G_DECLARE_FINAL_TYPE (BriSearchPanel, bri_search_panel, BRI, SEARCH_PANEL, BriPanel)

guint      bri_search_panel_search        (BriSearchPanel *self,
                                           const char     *query);
void       bri_search_panel_clear         (BriSearchPanel *self);
gboolean   bri_search_panel_activate      (BriSearchPanel *self);
gboolean   bri_search_panel_focus_results (BriSearchPanel *self);

G_END_DECLS
