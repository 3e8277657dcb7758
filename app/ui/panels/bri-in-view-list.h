/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriInViewList: the side panel's list of the places the map shows, in
 * the order Tab steps through them on the map. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BRI_TYPE_IN_VIEW_LIST (bri_in_view_list_get_type ())

G_DECLARE_FINAL_TYPE (BriInViewList, bri_in_view_list, BRI, IN_VIEW_LIST, GtkWidget)

void     bri_in_view_list_set_model  (BriInViewList *self,
                                      GListModel    *features);
gboolean bri_in_view_list_focus_list (BriInViewList *self);

G_END_DECLS
