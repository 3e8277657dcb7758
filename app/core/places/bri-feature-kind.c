/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kinds of feature: one row each.  Everything that asks about a kind
 * (its id in the GeoJSON, its label, whether it is drawn as a line, where
 * the legend lists it) reads this table, and so does
 * build-aux/gazetteer/make-gazetteer.py, which takes the ids from the rows
 * between the BEGIN and END markers below. */

#define G_LOG_DOMAIN "bri-feature-kind"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-feature-kind.h"

typedef struct
{
  const char *id;            /* as written in features.geojson */
  const char *label;         /* N_(): one of them */
  const char *plural_label;  /* N_(): a heading over several */
  gboolean    linear;        /* usually a line: the legend shows a stroke */
  int         legend_rank;   /* the legend lists kinds by rank, lowest first */
} KindRow;

#define LINE  TRUE
#define POINT FALSE

/* BEGIN FEATURE KIND TABLE (make-gazetteer.py reads the ids) */
static const KindRow kind_rows[] = {
  [BRI_FEATURE_KIND_PORT]             = { "port",             N_("Port"),              N_("Ports"),              POINT,  10 },
  [BRI_FEATURE_KIND_RAILWAY]          = { "railway",          N_("Railway"),           N_("Railways"),           LINE,   80 },
  [BRI_FEATURE_KIND_HIGHWAY]          = { "highway",          N_("Highway"),           N_("Highways"),           LINE,   90 },
  [BRI_FEATURE_KIND_BRIDGE]           = { "bridge",           N_("Bridge"),            N_("Bridges"),            POINT,  40 },
  [BRI_FEATURE_KIND_PIPELINE]         = { "pipeline",         N_("Pipeline"),          N_("Pipelines"),          LINE,  100 },
  [BRI_FEATURE_KIND_POWER_STATION]    = { "power-station",    N_("Power station"),     N_("Power stations"),     POINT,  30 },
  [BRI_FEATURE_KIND_ECONOMIC_ZONE]    = { "economic-zone",    N_("Economic zone"),     N_("Economic zones"),     POINT,  20 },
  [BRI_FEATURE_KIND_CENTRE]           = { "centre",           N_("Centre"),            N_("Centres"),            POINT,  60 },
  [BRI_FEATURE_KIND_AIR_ROUTE]        = { "air-route",        N_("Air route"),         N_("Air routes"),         LINE,  120 },
  [BRI_FEATURE_KIND_CORRIDOR]         = { "corridor",         N_("Economic corridor"), N_("Economic corridors"), LINE,  130 },
  [BRI_FEATURE_KIND_ROUTE]            = { "route",            N_("Transport route"),   N_("Transport routes"),   LINE,  110 },
  [BRI_FEATURE_KIND_HISTORICAL_ROUTE] = { "historical-route", N_("Historical route"),  N_("Historical routes"),  LINE,  140 },
  [BRI_FEATURE_KIND_VENUE]            = { "venue",            N_("Venue"),             N_("Venues"),             POINT,  70 },
  [BRI_FEATURE_KIND_CITY]             = { "city",             N_("City"),              N_("Cities"),             POINT,  50 },
};
/* END FEATURE KIND TABLE */

/* A value added to the enum without a row here fails the build; a row
 * left out in the middle leaves a NULL id, which the test catches. */
G_STATIC_ASSERT (G_N_ELEMENTS (kind_rows) == BRI_FEATURE_N_KINDS);

static const KindRow *
get_row (BriFeatureKind kind)
{
  g_return_val_if_fail ((guint) kind < BRI_FEATURE_N_KINDS, NULL);

  return &kind_rows[kind];
}

/* The id written in features.geojson ("power-station"). */
const char *
bri_feature_kind_to_string (BriFeatureKind kind)
{
  const KindRow *row = get_row (kind);

  return row != NULL ? row->id : NULL;
}

gboolean
bri_feature_kind_from_string (const char     *str,
                              BriFeatureKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < BRI_FEATURE_N_KINDS; i++)
    if (g_strcmp0 (str, kind_rows[i].id) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

const char *
bri_feature_kind_get_label (BriFeatureKind kind)
{
  const KindRow *row = get_row (kind);

  return row != NULL ? _(row->label) : NULL;
}

/* "Ports", for a heading over a list of them. */
const char *
bri_feature_kind_get_plural_label (BriFeatureKind kind)
{
  const KindRow *row = get_row (kind);

  return row != NULL ? _(row->plural_label) : NULL;
}

/* Whether a feature of this kind is usually a line: the legend draws those
 * as a stretch of line, the others as a marker. */
gboolean
bri_feature_kind_is_linear (BriFeatureKind kind)
{
  const KindRow *row = get_row (kind);

  return row != NULL && row->linear;
}

int
bri_feature_kind_get_legend_rank (BriFeatureKind kind)
{
  const KindRow *row = get_row (kind);

  return row != NULL ? row->legend_rank : G_MAXINT;
}

/**
 * bri_feature_kind_sort_by_rank:
 * @ranks: (array fixed-size=BRI_FEATURE_N_KINDS): a rank for each kind,
 *   indexed by kind
 * @kinds: (out caller-allocates) (array fixed-size=BRI_FEATURE_N_KINDS):
 *   every kind, lowest rank first; kinds of equal rank in enum order
 *
 * For the orders that are a column of a kind table (the legend's here,
 * the map's drawing order in the style table).
 */
void
bri_feature_kind_sort_by_rank (const int      *ranks,
                               BriFeatureKind *kinds)
{
  g_return_if_fail (ranks != NULL);
  g_return_if_fail (kinds != NULL);

  /* Insertion sort: fourteen kinds, sorted once. */
  for (guint i = 0; i < BRI_FEATURE_N_KINDS; i++)
    {
      guint j = i;

      while (j > 0 && ranks[kinds[j - 1]] > ranks[i])
        {
          kinds[j] = kinds[j - 1];
          j--;
        }
      kinds[j] = i;
    }
}

/**
 * bri_feature_kind_get_legend_order:
 * @n_kinds: (out): the number of kinds
 *
 * Returns: (array length=n_kinds) (transfer none): every kind, in the
 *   order the legend lists them
 */
const BriFeatureKind *
bri_feature_kind_get_legend_order (guint *n_kinds)
{
  static BriFeatureKind order[BRI_FEATURE_N_KINDS];
  static gsize sorted = 0;

  g_return_val_if_fail (n_kinds != NULL, NULL);

  if (g_once_init_enter (&sorted))
    {
      int ranks[BRI_FEATURE_N_KINDS];

      for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
        ranks[k] = kind_rows[k].legend_rank;
      bri_feature_kind_sort_by_rank (ranks, order);
      g_once_init_leave (&sorted, 1);
    }

  *n_kinds = BRI_FEATURE_N_KINDS;
  return order;
}
