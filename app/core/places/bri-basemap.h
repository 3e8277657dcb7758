/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriBasemap: Natural Earth country outlines, pre-projected, read in place
 * from a GResource or a mapped file. Immutable: worker threads drawing
 * tiles may share one. */
#pragma once

#include <gio/gio.h>

#include "bri-geo.h"

G_BEGIN_DECLS

/*
 * File format "BRIB", version 1 (written by build-aux/basemap/make-basemap.py,
 * which documents it in full). Every field is a little-endian 32-bit word
 * and every section starts on a 4-byte boundary, so the data is used where
 * it lies, without parsing.
 *
 *   header    64 bytes: "BRIB", version, header size, file size,
 *             n_countries, n_polygons, n_rings, n_points, the byte offsets
 *             of the four tables (back to back, in this order), Natural
 *             Earth scale (110, 50, 10), 3 reserved words
 *   country   36 bytes, sorted by numeric code: i32 ISO 3166-1 numeric
 *             (900-999 assigned by us, see data/basemap/basemap.json),
 *             u32 first polygon, n_polygons, first ring, n_rings, f32 box[4]
 *   polygon   24 bytes: u32 first ring, n_rings, f32 box[4] — rings to fill
 *             together with the even-odd rule
 *   ring      24 bytes: u32 first point, n_points (>= 3, implicitly
 *             closed), f32 box[4]
 *   points    f32 (x, y) pairs
 *
 * Coordinates are normalized Web Mercator (see bri_geo_lon_to_x()): x and
 * y in [0, 1], y = 0 in the north. A box is min_x, min_y, max_x, max_y.
 * No ring crosses the antimeridian: rings that did are cut and closed along
 * x = 0 and x = 1, so no edge is longer than half the map's width.
 */

#define BRI_BASEMAP_ERROR (bri_basemap_error_quark ())

typedef enum
{
  BRI_BASEMAP_ERROR_INVALID,
  BRI_BASEMAP_ERROR_UNKNOWN_RESOLUTION,
} BriBasemapError;

typedef struct
{
  float min_x;
  float min_y;
  float max_x;
  float max_y;
} BriBasemapBox;

typedef struct
{
  const float   *points;   /* n_points (x, y) pairs, owned by the basemap */
  guint          n_points;
  BriBasemapBox  box;
} BriBasemapRing;

typedef struct _BriBasemap BriBasemap;

#define BRI_TYPE_BASEMAP (bri_basemap_get_type ())

GType        bri_basemap_get_type              (void) G_GNUC_CONST;
GQuark       bri_basemap_error_quark           (void);

BriBasemap  *bri_basemap_new_from_bytes        (GBytes         *bytes,
                                                GError        **error);
BriBasemap  *bri_basemap_load_resolution       (const char     *resolution,
                                                GError        **error);
BriBasemap  *bri_basemap_ref                   (BriBasemap     *self);
void         bri_basemap_unref                 (BriBasemap     *self);

guint        bri_basemap_get_scale             (BriBasemap     *self);
guint        bri_basemap_get_n_countries       (BriBasemap     *self);
guint        bri_basemap_get_n_polygons        (BriBasemap     *self);
guint        bri_basemap_get_n_rings           (BriBasemap     *self);
guint        bri_basemap_get_n_points          (BriBasemap     *self);

/* By index, 0 .. n_countries - 1, in the order of their numeric codes. */
int          bri_basemap_get_country_numeric   (BriBasemap     *self,
                                                guint           country);
void         bri_basemap_get_country_box       (BriBasemap     *self,
                                                guint           country,
                                                BriBasemapBox  *box);
void         bri_basemap_get_country_polygons  (BriBasemap     *self,
                                                guint           country,
                                                guint          *first_polygon,
                                                guint          *n_polygons);
void         bri_basemap_get_country_rings     (BriBasemap     *self,
                                                guint           country,
                                                guint          *first_ring,
                                                guint          *n_rings);
void         bri_basemap_get_polygon           (BriBasemap     *self,
                                                guint           polygon,
                                                guint          *first_ring,
                                                guint          *n_rings,
                                                BriBasemapBox  *box);
void         bri_basemap_get_ring              (BriBasemap     *self,
                                                guint           ring,
                                                BriBasemapRing *out);

/* By ISO 3166-1 numeric code. */
int          bri_basemap_lookup_country        (BriBasemap     *self,
                                                int             numeric);
int          bri_basemap_find_country          (BriBasemap     *self,
                                                double          lon,
                                                double          lat);
gboolean     bri_basemap_country_contains      (BriBasemap     *self,
                                                int             numeric,
                                                double          lon,
                                                double          lat);
gboolean     bri_basemap_get_country_bounds    (BriBasemap     *self,
                                                int             numeric,
                                                BriGeoBounds   *bounds);
double       bri_basemap_get_distance_inside   (BriBasemap     *self,
                                                double          lon,
                                                double          lat,
                                                int            *numeric);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriBasemap, bri_basemap_unref)

G_END_DECLS
