/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Linking: which places and countries each passage speaks of.
 *
 * Runs in a worker thread.  It reads passages, features and countries,
 * which nobody changes once loaded, and returns new mention arrays; the
 * main thread gives them to the passages (see bri-atlas.c). */

#define G_LOG_DOMAIN "bri-atlas"

#include "config.h"

#include "bri-atlas-private.h"

/* Phrases that contain a country's name or demonym but do not speak of
 * that country. */
static const char * const stop_phrases[] = {
  "Indian Ocean", "Latin America", "Latin American", "Latin Americans",
  "South China Sea", "East China Sea", "Arabian Sea", "Arabian Peninsula",
  "Persian Gulf", "Gulf of Guinea", "Turkish Straits",
};

static void
add_country_terms (BriLinker  *linker,
                   BriCountry *country)
{
  const char *code = bri_country_get_code (country);
  const char * const *lists[] = {
    bri_country_get_demonyms (country),
    bri_country_get_alt_names (country),
  };

  bri_linker_add_term (linker, bri_country_get_name (country),
                       BRI_MENTION_COUNTRY, G_OBJECT (country), code);
  if (bri_country_get_iso_name (country) != NULL)
    bri_linker_add_term (linker, bri_country_get_iso_name (country),
                         BRI_MENTION_COUNTRY, G_OBJECT (country), code);
  if (bri_country_get_official_name (country) != NULL)
    bri_linker_add_term (linker, bri_country_get_official_name (country),
                         BRI_MENTION_COUNTRY, G_OBJECT (country), code);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && lists[l][i] != NULL; i++)
      bri_linker_add_term (linker, lists[l][i], BRI_MENTION_COUNTRY, G_OBJECT (country), code);
}

static void
add_feature_terms (BriLinker  *linker,
                   BriFeature *feature)
{
  const char *id = bri_feature_get_id (feature);
  const char * const *aliases = bri_feature_get_aliases (feature);

  bri_linker_add_term (linker, bri_feature_get_name (feature),
                       BRI_MENTION_FEATURE, G_OBJECT (feature), id);
  for (guint i = 0; aliases[i] != NULL; i++)
    bri_linker_add_term (linker, aliases[i], BRI_MENTION_FEATURE, G_OBJECT (feature), id);
}

/**
 * _bri_atlas_linker_new:
 * @features: (element-type BriFeature) (nullable)
 * @countries: (element-type BriCountry) (nullable)
 *
 * Returns: (transfer full): a sealed linker for every name of @features
 *   and @countries
 */
BriLinker *
_bri_atlas_linker_new (GPtrArray *features,
                       GPtrArray *countries)
{
  BriLinker *linker = bri_linker_new ();

  for (guint i = 0; features != NULL && i < features->len; i++)
    add_feature_terms (linker, g_ptr_array_index (features, i));
  for (guint i = 0; countries != NULL && i < countries->len; i++)
    add_country_terms (linker, g_ptr_array_index (countries, i));
  for (guint i = 0; i < G_N_ELEMENTS (stop_phrases); i++)
    bri_linker_add_stop_phrase (linker, stop_phrases[i]);
  bri_linker_seal (linker);

  return linker;
}

static gboolean
has_target (GPtrArray *mentions,
            GObject   *object)
{
  for (guint i = 0; i < mentions->len; i++)
    if (bri_mention_get_object (g_ptr_array_index (mentions, i)) == object)
      return TRUE;

  return FALSE;
}

static GPtrArray *
heading_mentions (BriLinker  *linker,
                  GHashTable *heading_cache,
                  const char *heading)
{
  GPtrArray *context = g_hash_table_lookup (heading_cache, heading);

  if (context == NULL)
    {
      context = bri_linker_find (linker, heading, -1, TRUE);
      g_hash_table_insert (heading_cache, g_strdup (heading), context);
    }

  return context;
}

/**
 * _bri_atlas_link_passage:
 * @heading_cache: heading text → its mentions, for one @linker
 *
 * The passage's own mentions, then what its headings name and the
 * passage does not: "Panel 1 Mombasa-Nairobi Railway …" makes every
 * paragraph of the panel speak of the railway.
 *
 * Returns: (transfer full): the mentions
 */
GPtrArray *
_bri_atlas_link_passage (BriLinker  *linker,
                         GHashTable *heading_cache,
                         BriPassage *passage)
{
  g_autoptr(GPtrArray) mentions = bri_linker_find (linker, bri_passage_get_text (passage), -1, FALSE);
  const char * const *path = bri_passage_get_heading_path (passage);

  for (guint h = 0; path != NULL && path[h] != NULL; h++)
    {
      GPtrArray *context = heading_mentions (linker, heading_cache, path[h]);

      for (guint i = 0; i < context->len; i++)
        {
          BriMention *m = g_ptr_array_index (context, i);

          if (!has_target (mentions, bri_mention_get_object (m)))
            g_ptr_array_add (mentions, g_object_ref (m));
        }
    }

  return g_steal_pointer (&mentions);
}

/**
 * _bri_atlas_passage_may_change:
 * @added: (nullable): a linker of only the places being added
 * @removed: (nullable): the set of places being removed
 * @heading_cache: heading text → its mentions, for @added
 *
 * Whether the passage's mentions may differ once the places change: it
 * names an added place, in its text or its headings, or has a mention of
 * a removed one.  Only those passages are linked again.
 */
gboolean
_bri_atlas_passage_may_change (BriLinker  *added,
                               GHashTable *removed,
                               GHashTable *heading_cache,
                               BriPassage *passage)
{
  GPtrArray *mentions = bri_passage_get_mentions (passage);

  if (removed != NULL)
    for (guint i = 0; i < mentions->len; i++)
      if (g_hash_table_contains (removed, bri_mention_get_object (g_ptr_array_index (mentions, i))))
        return TRUE;

  if (added != NULL)
    {
      g_autoptr(GPtrArray) found = bri_linker_find (added, bri_passage_get_text (passage), -1, FALSE);
      const char * const *path = bri_passage_get_heading_path (passage);

      if (found->len > 0)
        return TRUE;

      for (guint h = 0; path != NULL && path[h] != NULL; h++)
        if (heading_mentions (added, heading_cache, path[h])->len > 0)
          return TRUE;
    }

  return FALSE;
}

/* How directly a passage speaks of a country, best first: it names the
 * country or a place that lies in it alone; it names a place shared with
 * other countries, or the country only in a heading above it; it names
 * a corridor, a route or a voyage that crosses many countries. */
typedef enum
{
  TIER_CROSSING = 1,
  TIER_SHARED   = 2,
  TIER_DIRECT   = 3,
} Tier;

typedef struct
{
  Tier   tier;
  double weight;   /* within the tier: how much it says */
} CountryLink;

static gboolean
is_crossing (BriFeature *feature)
{
  switch (bri_feature_get_kind (feature))
    {
    case BRI_FEATURE_KIND_CORRIDOR:
    case BRI_FEATURE_KIND_ROUTE:
    case BRI_FEATURE_KIND_HISTORICAL_ROUTE:
    case BRI_FEATURE_KIND_AIR_ROUTE:
      return g_strv_length ((char **) bri_feature_get_countries (feature)) > 1;
    default:
      return FALSE;
    }
}

static void
add_link (GHashTable *links,
          BriCountry *country,
          Tier        tier,
          double      weight)
{
  CountryLink *link = g_hash_table_lookup (links, country);

  if (link == NULL)
    {
      link = g_new0 (CountryLink, 1);
      g_hash_table_insert (links, country, link);
    }
  if (tier > link->tier)
    {
      link->tier = tier;
      link->weight = 0;
    }
  if (tier == link->tier)
    link->weight += weight;
}

/**
 * _bri_passage_links_new:
 * @country_by_code: alpha-2 code → BriCountry
 *
 * Weighs what a passage says of each country, so that a dossier lists
 * first what speaks of the country itself: a passage that names it or
 * one of its own places ranks above one that names a place it shares or
 * names it only in a heading above, which ranks above one that only
 * mentions a corridor or route crossing it.  Within a tier, a direct mention counts more than one inherited
 * from a heading, and more mentions more (up to a point: the tiers never
 * mix).
 */
BriPassageLinks *
_bri_passage_links_new (GPtrArray  *mentions,
                        GHashTable *country_by_code)
{
  BriPassageLinks *links = g_new0 (BriPassageLinks, 1);
  g_autoptr(GHashTable) country_links = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GHashTableIter iter;
  gpointer key, value;

  links->features = g_hash_table_new (NULL, NULL);
  links->scores = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < mentions->len; i++)
    {
      BriMention *m = g_ptr_array_index (mentions, i);
      gboolean context = bri_mention_is_context (m);
      GObject *object = bri_mention_get_object (m);
      const char * const *countries;
      gboolean alone, crossing;

      if (bri_mention_get_target (m) == BRI_MENTION_COUNTRY)
        {
          add_link (country_links, BRI_COUNTRY (object), context ? TIER_SHARED : TIER_DIRECT, context ? 0.5 : 1.0);
          continue;
        }

      if (!g_hash_table_add (links->features, object))
        continue;

      countries = bri_feature_get_countries (BRI_FEATURE (object));
      alone = countries[0] != NULL && countries[1] == NULL;
      crossing = is_crossing (BRI_FEATURE (object));
      for (const char * const *c = countries; *c; c++)
        {
          BriCountry *country = g_hash_table_lookup (country_by_code, *c);

          if (country == NULL)
            continue;
          add_link (country_links, country,
                    crossing ? TIER_CROSSING : alone && !context ? TIER_DIRECT : TIER_SHARED,
                    context ? 1.0 : 2.0);
        }
    }

  g_hash_table_iter_init (&iter, country_links);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CountryLink *link = value;
      double *score = g_new (double, 1);

      *score = 10.0 * link->tier + MIN (link->weight, 9.0);
      g_hash_table_insert (links->scores, key, score);
    }

  return links;
}

void
_bri_passage_links_free (BriPassageLinks *links)
{
  if (links == NULL)
    return;

  g_hash_table_unref (links->features);
  g_hash_table_unref (links->scores);
  g_free (links);
}

/* Returns: the passage's score for @country, 0 when it does not speak of it */
double
_bri_passage_links_get_score (BriPassageLinks *links,
                              BriCountry      *country)
{
  double *score = links ? g_hash_table_lookup (links->scores, country) : NULL;

  return score ? *score : 0.0;
}

void
_bri_relink_free (BriRelink *relink)
{
  g_clear_object (&relink->passage);
  g_clear_pointer (&relink->mentions, g_ptr_array_unref);
  g_clear_pointer (&relink->links, _bri_passage_links_free);
  g_free (relink);
}
