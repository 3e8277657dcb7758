/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriMapLayer: what the layers drawn in the basemap's style share: they
 * redraw as the view moves, and follow the map's light or dark style. */
#pragma once

#include <shumate/shumate.h>

#include "bri-tile-renderer.h"

G_BEGIN_DECLS

#define BRI_TYPE_MAP_LAYER (bri_map_layer_get_type ())

G_DECLARE_DERIVABLE_TYPE (BriMapLayer, bri_map_layer, BRI, MAP_LAYER, ShumateLayer)

struct _BriMapLayerClass
{
  ShumateLayerClass parent_class;
};

gboolean              bri_map_layer_get_dark    (BriMapLayer  *self);
void                  bri_map_layer_set_dark    (BriMapLayer  *self,
                                                 gboolean      dark);
const BriTilePalette *bri_map_layer_get_palette (BriMapLayer  *self);

void                  bri_map_layer_redraw_on_viewport_change (ShumateLayer *layer);

G_END_DECLS
