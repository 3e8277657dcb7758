/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeature: one located place or line of the gazetteer. */
#pragma once

#include <gio/gio.h>

#include "bri-feature-kind.h"

G_BEGIN_DECLS

typedef enum
{
  BRI_PRECISION_EXACT,
  BRI_PRECISION_TOWN,
  BRI_PRECISION_SCHEMATIC,
  /* Between two cities, drawn as the great circle: where a flight goes,
   * not the track it flies. */
  BRI_PRECISION_FLIGHT_PATH,
} BriPrecision;

/* How a part of a line was travelled, which says how its geometry was
 * made: overland or by river, straight between its waypoints; by sea,
 * along a marine route network or through waypoints in open water; by
 * air, along the great circle. */
typedef enum
{
  BRI_LEG_LAND,
  BRI_LEG_RIVER,
  BRI_LEG_SEA,
  BRI_LEG_AIR,
} BriLeg;

typedef enum
{
  BRI_GEOMETRY_POINT,
  BRI_GEOMETRY_MULTI_POINT,
  BRI_GEOMETRY_LINE_STRING,
  BRI_GEOMETRY_MULTI_LINE_STRING,
} BriGeometryType;

/* A vertex, in degrees. */
typedef struct
{
  double lon;
  double lat;
} BriLonLat;

const char     *bri_precision_to_string        (BriPrecision    precision);
const char     *bri_precision_get_label        (BriPrecision    precision);
const char     *bri_leg_to_string              (BriLeg          leg);
const char     *bri_feature_status_get_label   (const char     *status);
const char * const *bri_feature_status_get_all (void);

#define BRI_TYPE_FEATURE (bri_feature_get_type ())

G_DECLARE_FINAL_TYPE (BriFeature, bri_feature, BRI, FEATURE, GObject)

const char          *bri_feature_get_id          (BriFeature *self);
const char          *bri_feature_get_name        (BriFeature *self);
const char * const  *bri_feature_get_aliases     (BriFeature *self);
BriFeatureKind       bri_feature_get_kind        (BriFeature *self);
const char          *bri_feature_get_status      (BriFeature *self);
int                  bri_feature_get_status_year (BriFeature *self);
const char * const  *bri_feature_get_countries   (BriFeature *self);
gboolean             bri_feature_has_country     (BriFeature *self,
                                                  const char *alpha2);
int                  bri_feature_get_started     (BriFeature *self);
int                  bri_feature_get_opened      (BriFeature *self);
const char          *bri_feature_get_description (BriFeature *self);
char                *bri_feature_describe        (BriFeature *self);
BriPrecision         bri_feature_get_precision   (BriFeature *self);
BriGeometryType      bri_feature_get_geometry_type (BriFeature *self);
guint                bri_feature_get_n_parts     (BriFeature *self);
const BriLonLat     *bri_feature_get_part        (BriFeature *self,
                                                  guint       part,
                                                  guint      *n_vertices);
BriLeg               bri_feature_get_part_leg    (BriFeature *self,
                                                  guint       part);
void                 bri_feature_get_bounds      (BriFeature *self,
                                                  double     *west,
                                                  double     *south,
                                                  double     *east,
                                                  double     *north);
gboolean             bri_feature_is_line         (BriFeature *self);
int                  bri_feature_get_year        (BriFeature *self);

GPtrArray           *bri_feature_load_all        (GFile      *geojson,
                                                  GError    **error);

G_END_DECLS
