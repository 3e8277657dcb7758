/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriBasemapSource: the offline basemap as a libshumate map source. Tiles
 * are drawn on worker threads by BriTileRenderer; nothing is downloaded. */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define BRI_BASEMAP_SOURCE_ID      "bri-natural-earth"
#define BRI_BASEMAP_SOURCE_ID_DARK "bri-natural-earth-dark"

/* Texture pixels per tile pixel until the map view tells the source the
 * screen's scale: 512 px textures for 256 px tiles stay sharp on HiDPI
 * screens. */
#define BRI_BASEMAP_SOURCE_TEXTURE_SCALE 2

#define BRI_TYPE_BASEMAP_SOURCE (bri_basemap_source_get_type ())

G_DECLARE_FINAL_TYPE (BriBasemapSource, bri_basemap_source, BRI, BASEMAP_SOURCE, ShumateMapSource)

BriBasemapSource *bri_basemap_source_new               (void);
gboolean          bri_basemap_source_get_dark          (BriBasemapSource *self);
void              bri_basemap_source_set_dark          (BriBasemapSource *self,
                                                        gboolean          dark);
int               bri_basemap_source_get_scale_factor  (BriBasemapSource *self);
void              bri_basemap_source_set_scale_factor  (BriBasemapSource *self,
                                                        int               scale_factor);
guint             bri_basemap_source_get_pending_tiles (BriBasemapSource *self);

G_END_DECLS
