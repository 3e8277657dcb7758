/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small pieces the side panel's widgets share: how a document date, a
 * feature's status and a count of places or passages read, and the kind
 * symbol drawn like the map draws it. */
#pragma once

#include <gtk/gtk.h>

#include "bri-document.h"
#include "bri-feature.h"
#include "bri-location.h"
#include "bri-tile-renderer.h"

G_BEGIN_DECLS

void       bri_panel_ensure_resources (void);
char      *bri_panel_format_date      (const char     *iso_date);
char      *bri_panel_format_n_places  (guint           n_places);
char      *bri_panel_format_n_passages (guint          n_passages);
char      *bri_panel_format_counts    (guint           n_places,
                                       guint           n_passages);
char      *bri_panel_format_status    (BriFeature     *feature);
BriTileStyle bri_panel_get_tile_style (void);
GtkWidget *bri_panel_kind_symbol_new  (BriFeatureKind  kind,
                                       BriPrecision    precision,
                                       int             size);
void       bri_panel_open             (GtkWidget      *widget,
                                       const char     *action,
                                       BriLocation    *location);
void       bri_panel_open_on          (GtkWidget      *widget,
                                       const char     *signal,
                                       BriLocation    *location);

G_END_DECLS
