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
  [BRI_FEATURE_KIND_INDUSTRIAL_PLANT] = { "industrial-plant", N_("Industrial plant"),  N_("Industrial plants"),  POINT,  35 },
  [BRI_FEATURE_KIND_POWER_LINE]       = { "power-line",       N_("Power line"),        N_("Power lines"),        LINE,  105 },
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

/* "Power station", "power station", "POWER-STATION", "power_station":
 * folded alike, so that a kind is found as it is printed. */
static char *
fold_kind (const char *str)
{
  char *folded = g_utf8_casefold (str, -1);

  /* g_strstrip moves the text within @folded, which stays the block to free. */
  return g_strstrip (g_strdelimit (folded, "-_", ' '));
}

static gboolean
folds_to (const char *folded,
          const char *name)
{
  g_autofree char *other = fold_kind (name);

  return g_str_equal (folded, other);
}

/**
 * bri_feature_kind_parse:
 * @str: a kind as a person types it: its id ("power-station") or its
 *   label ("Power station", in English or translated), in any case
 *
 * Returns: whether @str names a kind, stored in @kind
 */
gboolean
bri_feature_kind_parse (const char     *str,
                        BriFeatureKind *kind)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  folded = fold_kind (str);
  for (guint i = 0; i < BRI_FEATURE_N_KINDS; i++)
    if (folds_to (folded, kind_rows[i].id) || folds_to (folded, kind_rows[i].label) ||
        folds_to (folded, _(kind_rows[i].label)))
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
 * bri_feature_kind_order_get:
 * @order: where the sorted kinds are kept; zero-initialized (a static)
 * @rank: a rank for each kind
 *
 * Returns: (array fixed-size=BRI_FEATURE_N_KINDS) (transfer none): every
 *   kind, lowest rank first; kinds of equal rank in enum order
 */
const BriFeatureKind *
bri_feature_kind_order_get (BriFeatureKindOrder    *order,
                            BriFeatureKindRankFunc  rank)
{
  g_return_val_if_fail (order != NULL, NULL);
  g_return_val_if_fail (rank != NULL, NULL);

  if (g_once_init_enter (&order->sorted))
    {
      /* Insertion sort: a dozen kinds, sorted once. */
      for (guint i = 0; i < BRI_FEATURE_N_KINDS; i++)
        {
          guint j = i;

          while (j > 0 && rank (order->kinds[j - 1]) > rank (i))
            {
              order->kinds[j] = order->kinds[j - 1];
              j--;
            }
          order->kinds[j] = i;
        }
      g_once_init_leave (&order->sorted, 1);
    }

  return order->kinds;
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
  static BriFeatureKindOrder legend_order;

  g_return_val_if_fail (n_kinds != NULL, NULL);

  *n_kinds = BRI_FEATURE_N_KINDS;
  return bri_feature_kind_order_get (&legend_order, bri_feature_kind_get_legend_rank);
}
