/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountry: one country of the basemap, with its ISO 3166-1 codes and
 * the names a text may call it by. */
#pragma once

#include <gio/gio.h>

#include "bri-geo.h"

G_BEGIN_DECLS

/* The gettext domain of Debian's iso-codes, which translates country names. */
#define BRI_COUNTRY_ISO_DOMAIN "iso_3166-1"

#define BRI_TYPE_COUNTRY (bri_country_get_type ())

G_DECLARE_FINAL_TYPE (BriCountry, bri_country, BRI, COUNTRY, GObject)

const char         *bri_country_get_code          (BriCountry   *self);
const char         *bri_country_get_alpha3        (BriCountry   *self);
int                 bri_country_get_numeric       (BriCountry   *self);
const char         *bri_country_get_name          (BriCountry   *self);
const char         *bri_country_get_iso_name      (BriCountry   *self);
const char         *bri_country_get_official_name (BriCountry   *self);
const char         *bri_country_get_display_name  (BriCountry   *self);
const char * const *bri_country_get_demonyms      (BriCountry   *self);
const char * const *bri_country_get_alt_names     (BriCountry   *self);
void                bri_country_get_bounds        (BriCountry   *self,
                                                   BriGeoBounds *bounds);
void                bri_country_get_label         (BriCountry   *self,
                                                   double       *lon,
                                                   double       *lat);

GPtrArray          *bri_country_load_all          (GFile        *countries_json,
                                                   GError      **error);

G_END_DECLS
