/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountryList: the side panel's list of the countries the atlas has
 * something on. */
#pragma once

#include "bri-panel.h"

G_BEGIN_DECLS

#define BRI_TYPE_COUNTRY_LIST (bri_country_list_get_type ())

G_DECLARE_FINAL_TYPE (BriCountryList, bri_country_list, BRI, COUNTRY_LIST, BriPanel)

G_END_DECLS
