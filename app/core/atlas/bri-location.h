/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriLocation: what is being shown — a feature, a country, a passage, a
 * map view, a search or one of the lists — as one immutable value with
 * one string form. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BRI_LOCATION_ERROR (bri_location_error_quark ())

typedef enum
{
  BRI_LOCATION_ERROR_SYNTAX,  /* not "kind:value", or a part is malformed */
  BRI_LOCATION_ERROR_KIND,    /* an unknown kind before the colon */
  BRI_LOCATION_ERROR_RANGE,   /* a number out of its range */
} BriLocationError;

GQuark bri_location_error_quark (void);

typedef enum
{
  BRI_LOCATION_FEATURE,
  BRI_LOCATION_COUNTRY,
  BRI_LOCATION_PASSAGE,
  BRI_LOCATION_VIEW,
  BRI_LOCATION_SEARCH,
  BRI_LOCATION_LIST,
  BRI_LOCATION_REGION,
} BriLocationKind;

typedef enum
{
  BRI_LOCATION_LIST_PLACES,
  BRI_LOCATION_LIST_COUNTRIES,
} BriLocationList;

/* The URI scheme the desktop file registers: "bri-atlas:country:KE". */
#define BRI_LOCATION_URI_SCHEME "bri-atlas"

#define BRI_LOCATION_MAX_ZOOM 20.0

#define BRI_TYPE_LOCATION (bri_location_get_type ())
G_DECLARE_FINAL_TYPE (BriLocation, bri_location, BRI, LOCATION, GObject)

BriLocation     *bri_location_new_feature        (const char   *feature_id);
BriLocation     *bri_location_new_country        (const char   *alpha2);
BriLocation     *bri_location_new_passage        (const char   *document_id,
                                                  guint         ordinal);
BriLocation     *bri_location_new_passage_range  (const char   *document_id,
                                                  guint         ordinal,
                                                  guint         start,
                                                  guint         end);
BriLocation     *bri_location_new_view           (double        latitude,
                                                  double        longitude,
                                                  double        zoom);
BriLocation     *bri_location_new_search         (const char   *query);
BriLocation     *bri_location_new_list           (BriLocationList list);
BriLocation     *bri_location_new_region         (const char   *region_id);
BriLocation     *bri_location_parse              (const char   *text,
                                                  GError      **error);

BriLocationKind  bri_location_get_kind           (BriLocation  *self);
const char      *bri_location_get_id             (BriLocation  *self);
const char      *bri_location_get_query          (BriLocation  *self);
guint            bri_location_get_ordinal        (BriLocation  *self);
gboolean         bri_location_get_range          (BriLocation  *self,
                                                  guint        *start,
                                                  guint        *end);
void             bri_location_get_view           (BriLocation  *self,
                                                  double       *latitude,
                                                  double       *longitude,
                                                  double       *zoom);
BriLocationList  bri_location_get_list           (BriLocation  *self);
const char      *bri_location_to_string          (BriLocation  *self);
char            *bri_location_to_uri             (BriLocation  *self);
gboolean         bri_location_equal              (BriLocation  *a,
                                                  BriLocation  *b);

G_END_DECLS
