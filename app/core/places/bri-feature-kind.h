/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kinds of feature the gazetteer knows: their ids, labels and legend
 * order, all read from one table in bri-feature-kind.c. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The row index of the kind table.  A new kind is a value here, a row in
 * bri-feature-kind.c and a row in app/render/bri-feature-style.c; the
 * compiler and tests/core/places/test-feature-kind.c catch a missing row. */
typedef enum
{
  BRI_FEATURE_KIND_PORT,
  BRI_FEATURE_KIND_RAILWAY,
  BRI_FEATURE_KIND_HIGHWAY,
  BRI_FEATURE_KIND_BRIDGE,
  BRI_FEATURE_KIND_PIPELINE,
  BRI_FEATURE_KIND_POWER_STATION,
  BRI_FEATURE_KIND_ECONOMIC_ZONE,
  BRI_FEATURE_KIND_CENTRE,
  BRI_FEATURE_KIND_AIR_ROUTE,
  BRI_FEATURE_KIND_CORRIDOR,
  BRI_FEATURE_KIND_ROUTE,
  BRI_FEATURE_KIND_HISTORICAL_ROUTE,
  BRI_FEATURE_KIND_VENUE,
  BRI_FEATURE_KIND_CITY,
  BRI_FEATURE_KIND_INDUSTRIAL_PLANT,
  BRI_FEATURE_KIND_POWER_LINE,
  BRI_FEATURE_N_KINDS
} BriFeatureKind;

const char           *bri_feature_kind_to_string         (BriFeatureKind        kind);
gboolean              bri_feature_kind_from_string       (const char           *str,
                                                          BriFeatureKind       *kind);
gboolean              bri_feature_kind_parse             (const char           *str,
                                                          BriFeatureKind       *kind);
const char           *bri_feature_kind_get_label         (BriFeatureKind        kind);
const char           *bri_feature_kind_get_plural_label  (BriFeatureKind        kind);
gboolean              bri_feature_kind_is_linear         (BriFeatureKind        kind);
int                   bri_feature_kind_get_legend_rank   (BriFeatureKind        kind);
const BriFeatureKind *bri_feature_kind_get_legend_order  (guint                *n_kinds);

/* An order of the kinds that is a column of a kind table: the legend's
 * here, the map's drawing order in the style table.  Sorted once, on
 * first use, from any thread. */
typedef int (*BriFeatureKindRankFunc) (BriFeatureKind kind);

typedef struct
{
  gsize          sorted;
  BriFeatureKind kinds[BRI_FEATURE_N_KINDS];
} BriFeatureKindOrder;

const BriFeatureKind *bri_feature_kind_order_get         (BriFeatureKindOrder    *order,
                                                          BriFeatureKindRankFunc  rank);

G_END_DECLS
