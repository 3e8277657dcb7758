/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The transform of render's bri-map-transform.h for a layer of the map,
 * from its viewport and its size, as ShumateViewport computes it
 * (rotation about the widget's centre included). */
#pragma once

#include <shumate/shumate.h>

#include "bri-map-transform.h"

G_BEGIN_DECLS

static inline void
bri_map_transform_init (BriMapTransform *t,
                        ShumateViewport *viewport,
                        GtkWidget       *widget)
{
  ShumateMapSource *reference = shumate_viewport_get_reference_map_source (viewport);

  bri_map_transform_init_view (t,
                               shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                               shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                               shumate_viewport_get_zoom_level (viewport),
                               reference != NULL ? shumate_map_source_get_tile_size (reference) : 256.0,
                               gtk_widget_get_width (widget),
                               gtk_widget_get_height (widget),
                               shumate_viewport_get_rotation (viewport));
}

G_END_DECLS
