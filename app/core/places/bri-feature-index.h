/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureIndex: gazetteer features projected to normalized Web Mercator,
 * with a uniform grid so that the map finds what is under the pointer and
 * what is in view without looking at every feature. */
#pragma once

#include "bri-feature.h"

G_BEGIN_DECLS

/* A position in normalized Web Mercator (see bri-geo.h): x and y in [0, 1],
 * y = 0 at the north edge.  A pixel offset is a difference times world_px,
 * where world_px = tile size × 2^zoom. */
typedef struct
{
  double x;
  double y;
} BriXY;

/* A box in normalized Web Mercator.  x1 may be below 0 and x2 above 1: the
 * map repeats the world to the east and west, and a box that reaches into
 * a copy finds the features of that copy (see BriFeatureIndexFunc). */
typedef struct
{
  double x1;
  double y1;
  double x2;
  double y2;
} BriFeatureBox;

typedef enum
{
  BRI_FEATURE_PICK_POINTS = 1 << 0,
  BRI_FEATURE_PICK_LINES  = 1 << 1,
} BriFeaturePickFlags;

#define BRI_FEATURE_PICK_ALL (BRI_FEATURE_PICK_POINTS | BRI_FEATURE_PICK_LINES)

/* Points near enough to each other to be drawn as one. */
typedef struct
{
  double   x;            /* mean position of the members */
  double   y;
  guint    n_members;    /* points gathered (a MultiPoint gives several) */
  guint    item;         /* the first member, in model order */
  gboolean single_item;  /* every member belongs to that one item */
} BriFeatureCluster;

/* @world is the copy of the world the item was found in: its x
 * coordinates are to be shifted by @world before drawing. */
typedef void (*BriFeatureIndexFunc) (guint    item,
                                     int      world,
                                     gpointer user_data);

typedef struct _BriFeatureIndex BriFeatureIndex;

BriFeatureIndex         *bri_feature_index_new            (GListModel          *features);
BriFeatureIndex         *bri_feature_index_new_from_array (GPtrArray           *features);
void                     bri_feature_index_unref          (BriFeatureIndex     *self);

guint                    bri_feature_index_get_n_items    (BriFeatureIndex     *self);
BriFeature              *bri_feature_index_get_item       (BriFeatureIndex     *self,
                                                           guint                item);
gboolean                 bri_feature_index_find_item      (BriFeatureIndex     *self,
                                                           BriFeature          *feature,
                                                           guint               *item);
gboolean                 bri_feature_index_item_is_point  (BriFeatureIndex     *self,
                                                           guint                item);
void                     bri_feature_index_get_item_box   (BriFeatureIndex     *self,
                                                           guint                item,
                                                           BriFeatureBox       *box);
guint                    bri_feature_index_get_n_parts    (BriFeatureIndex     *self,
                                                           guint                item);
const BriXY             *bri_feature_index_get_part       (BriFeatureIndex     *self,
                                                           guint                item,
                                                           guint                part,
                                                           guint               *n_points);

BriFeature              *bri_feature_index_pick           (BriFeatureIndex     *self,
                                                           double               x,
                                                           double               y,
                                                           double               world_px,
                                                           double               tolerance_px);
gboolean                 bri_feature_index_pick_full      (BriFeatureIndex     *self,
                                                           double               x,
                                                           double               y,
                                                           double               world_px,
                                                           double               tolerance_px,
                                                           BriFeaturePickFlags  flags,
                                                           guint               *item,
                                                           double              *distance_px);

void                     bri_feature_index_query          (BriFeatureIndex     *self,
                                                           const BriFeatureBox *box,
                                                           BriFeatureIndexFunc  func,
                                                           gpointer             user_data);
GPtrArray               *bri_feature_index_query_features (BriFeatureIndex     *self,
                                                           const BriFeatureBox *box);

const BriFeatureCluster *bri_feature_index_get_clusters   (BriFeatureIndex     *self,
                                                           double               radius,
                                                           guint               *n_clusters);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriFeatureIndex, bri_feature_index_unref)

G_END_DECLS
