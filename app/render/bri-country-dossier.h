/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountryDossier: a country on paper or in Markdown — the map fitted
 * to it, its places by kind with status and year, and the passages about
 * it, best first, each with its citation.  Made on the main thread from
 * the atlas; written from any thread. */
#pragma once

#include "bri-atlas.h"
#include "bri-export.h"
#include "bri-pages.h"

G_BEGIN_DECLS

#define BRI_TYPE_COUNTRY_DOSSIER (bri_country_dossier_get_type ())

G_DECLARE_FINAL_TYPE (BriCountryDossier, bri_country_dossier, BRI, COUNTRY_DOSSIER, GObject)

BriCountryDossier *bri_country_dossier_new         (BriAtlas          *atlas,
                                                    BriCountry        *country);
void               bri_country_dossier_set_paper   (BriCountryDossier *self,
                                                    BriPaper           paper);
GBytes            *bri_country_dossier_to_pdf      (BriCountryDossier *self,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
GBytes            *bri_country_dossier_to_markdown (BriCountryDossier *self);

G_END_DECLS
