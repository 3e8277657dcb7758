/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One country's outline over the map: the selected country on screen,
 * the country of a dossier in print.  Drawn from the same outlines as the
 * basemap under it. */
#pragma once

#include <cairo.h>

#include "bri-basemap.h"
#include "bri-map-transform.h"
#include "bri-tile-renderer.h"

G_BEGIN_DECLS

BriBasemap *bri_country_outline_load_outlines (int                    numeric,
                                               double                 zoom,
                                               int                   *index);
gboolean    bri_country_outline_draw          (cairo_t               *cr,
                                               const BriMapTransform *t,
                                               int                    numeric,
                                               const BriTilePalette  *palette,
                                               double                 fill_alpha);

G_END_DECLS
