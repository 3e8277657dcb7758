/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountryPage: the side panel's dossier on one country. */
#pragma once

#include "bri-panel.h"

G_BEGIN_DECLS

#define BRI_TYPE_COUNTRY_PAGE (bri_country_page_get_type ())

G_DECLARE_FINAL_TYPE (BriCountryPage, bri_country_page, BRI, COUNTRY_PAGE, BriPanel)

/* How many passages the dossier shows before "Show all". */
#define BRI_COUNTRY_PAGE_FIRST_PASSAGES 50

GtkWidget  *bri_country_page_new               (void);
void        bri_country_page_set_country       (BriCountryPage *self,
                                                BriCountry     *country);
BriCountry *bri_country_page_get_country       (BriCountryPage *self);
void        bri_country_page_show_all_passages (BriCountryPage *self);

G_END_DECLS
