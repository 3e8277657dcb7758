/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountryList: the side panel's list of the countries the atlas has
 * something on. */
#pragma once

#include <gtk/gtk.h>

#include "bri-atlas.h"

G_BEGIN_DECLS

#define BRI_TYPE_COUNTRY_LIST (bri_country_list_get_type ())

G_DECLARE_FINAL_TYPE (BriCountryList, bri_country_list, BRI, COUNTRY_LIST, GtkWidget)

void       bri_country_list_set_atlas (BriCountryList *self,
                                       BriAtlas       *atlas);

G_END_DECLS
