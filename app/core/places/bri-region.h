/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriRegion: a part of the world search knows by name — a UN M49 region
 * ("East Africa") or one people name ("the Balkans") — and its countries. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BRI_TYPE_REGION (bri_region_get_type ())
G_DECLARE_FINAL_TYPE (BriRegion, bri_region, BRI, REGION, GObject)

BriRegion          *bri_region_new           (const char         *id,
                                              const char         *name,
                                              const char * const *countries);
const char         *bri_region_get_id        (BriRegion          *self);
const char         *bri_region_get_name      (BriRegion          *self);
const char * const *bri_region_get_countries (BriRegion          *self);
gboolean            bri_region_has_country   (BriRegion          *self,
                                              const char         *alpha2);

G_END_DECLS
