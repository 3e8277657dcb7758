/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Indexing: what the atlas puts into the search index, and takes out.
 *
 * A passage goes in with its text and, as its context, the names, kinds,
 * countries and regions of the places it is linked to; a place with the
 * countries and regions it lies in.  That is how a query for "Sri Lanka
 * port" finds the Hambantota passages, or "railways in Central Asia"
 * the railways of Kazakhstan.
 *
 * Runs in a worker thread, between bri_search_begin() and
 * bri_search_commit(); records are named by their ids, so adding or
 * removing some never touches the rows of the others. */

#define G_LOG_DOMAIN "bri-atlas"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-atlas-private.h"

/**
 * _bri_indexer_init:
 * @country_by_code: alpha-2 code → BriCountry
 *
 * Works out which regions each country is in, once for a change.
 */
void
_bri_indexer_init (BriIndexer *indexer,
                   BriSearch  *search,
                   BriLinker  *linker,
                   GHashTable *country_by_code)
{
  BriSearchTables *tables = bri_search_get_tables (search);

  indexer->search = search;
  indexer->linker = linker;
  indexer->country_by_code = country_by_code;
  indexer->regions_of = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint r = 0; r < bri_search_tables_get_n_regions (tables); r++)
    {
      const BriSearchRegion *region = bri_search_tables_get_region (tables, r);

      for (guint c = 0; region->countries[c] != NULL; c++)
        {
          GPtrArray *names = g_hash_table_lookup (indexer->regions_of, region->countries[c]);

          if (names == NULL)
            {
              names = g_ptr_array_new ();
              g_hash_table_insert (indexer->regions_of, region->countries[c], names);
            }
          g_ptr_array_add (names, region->name);
        }
    }
}

void
_bri_indexer_clear (BriIndexer *indexer)
{
  g_clear_pointer (&indexer->regions_of, g_hash_table_unref);
}

static void
add_text (GString    *out,
          GHashTable *seen,
          const char *text)
{
  if (text == NULL || text[0] == '\0' || !g_hash_table_add (seen, (gpointer) text))
    return;

  if (out->len > 0)
    g_string_append (out, " ; ");
  g_string_append (out, text);
}

static void
add_country (BriIndexer *indexer,
             GString    *out,
             GHashTable *seen,
             const char *code)
{
  BriCountry *country = g_hash_table_lookup (indexer->country_by_code, code);
  GPtrArray *regions = g_hash_table_lookup (indexer->regions_of, code);

  if (country != NULL)
    add_text (out, seen, bri_country_get_name (country));
  for (guint r = 0; regions != NULL && r < regions->len; r++)
    add_text (out, seen, g_ptr_array_index (regions, r));
}

static void
add_kind (GString        *out,
          GHashTable     *seen,
          BriFeatureKind  kind)
{
  add_text (out, seen, bri_feature_kind_to_string (kind));
  add_text (out, seen, bri_feature_kind_get_label (kind));
  add_text (out, seen, bri_feature_kind_get_plural_label (kind));
}

/* What a passage is linked to, as words: each place's name, kind and
 * countries, each country's name, and their regions. */
static char *
passage_context (BriIndexer *indexer,
                 GPtrArray  *mentions)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < mentions->len; i++)
    {
      BriMention *m = g_ptr_array_index (mentions, i);
      GObject *object = bri_mention_get_object (m);

      if (bri_mention_get_target (m) == BRI_MENTION_COUNTRY)
        {
          add_country (indexer, out, seen, bri_mention_get_target_id (m));
          continue;
        }

      add_text (out, seen, bri_feature_get_name (BRI_FEATURE (object)));
      add_kind (out, seen, bri_feature_get_kind (BRI_FEATURE (object)));
      /* A corridor or route crossing many countries says little of each:
       * "railways in Southeast Asia" should not find every passage that
       * names the China-Europe Railway Express. */
      if (g_strv_length ((char **) bri_feature_get_countries (BRI_FEATURE (object))) > 3)
        continue;
      for (const char * const *c = bri_feature_get_countries (BRI_FEATURE (object)); *c; c++)
        add_country (indexer, out, seen, *c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * _bri_indexer_add_places:
 * @features: (element-type BriFeature) (nullable)
 * @countries: (element-type BriCountry) (nullable)
 */
gboolean
_bri_indexer_add_places (BriIndexer  *indexer,
                         GPtrArray   *features,
                         GPtrArray   *countries,
                         GError     **error)
{
  for (guint f = 0; features != NULL && f < features->len; f++)
    {
      BriFeature *feature = g_ptr_array_index (features, f);
      g_autoptr(GString) kind = g_string_new (NULL);
      g_autoptr(GString) context = g_string_new (NULL);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) seen_kind = g_hash_table_new (g_str_hash, g_str_equal);

      add_kind (kind, seen_kind, bri_feature_get_kind (feature));
      for (const char * const *c = bri_feature_get_countries (feature); *c; c++)
        add_country (indexer, context, seen, *c);

      if (!bri_search_add_place (indexer->search, BRI_SEARCH_PLACE_FEATURE, bri_feature_get_id (feature),
                                 bri_feature_get_name (feature), bri_feature_get_aliases (feature),
                                 kind->str, context->str, error))
        return FALSE;
    }

  for (guint c = 0; countries != NULL && c < countries->len; c++)
    {
      BriCountry *country = g_ptr_array_index (countries, c);
      GPtrArray *terms = bri_linker_get_terms_for (indexer->linker, G_OBJECT (country));
      GPtrArray *regions = g_hash_table_lookup (indexer->regions_of, bri_country_get_code (country));
      g_autoptr(GStrvBuilder) aliases = g_strv_builder_new ();
      g_autoptr(GString) context = g_string_new (NULL);
      g_auto(GStrv) strv = NULL;

      for (guint i = 0; terms != NULL && i < terms->len; i++)
        g_strv_builder_add (aliases, g_ptr_array_index (terms, i));
      g_strv_builder_add (aliases, bri_country_get_display_name (country));
      g_strv_builder_add (aliases, bri_country_get_code (country));
      g_strv_builder_add (aliases, bri_country_get_alpha3 (country));
      strv = g_strv_builder_end (aliases);
      for (guint r = 0; regions != NULL && r < regions->len; r++)
        {
          if (context->len > 0)
            g_string_append (context, " ; ");
          g_string_append (context, g_ptr_array_index (regions, r));
        }

      if (!bri_search_add_place (indexer->search, BRI_SEARCH_PLACE_COUNTRY, bri_country_get_code (country),
                                 bri_country_get_name (country), (const char * const *) strv,
                                 _("country"), context->str, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_bri_indexer_remove_features (BriIndexer  *indexer,
                              GPtrArray   *features,
                              GError     **error)
{
  for (guint f = 0; features != NULL && f < features->len; f++)
    if (!bri_search_remove_place (indexer->search, BRI_SEARCH_PLACE_FEATURE,
                                  bri_feature_get_id (g_ptr_array_index (features, f)), error))
      return FALSE;

  return TRUE;
}

/**
 * _bri_indexer_add_document:
 * @relinks: BriPassage → #BriRelink: the mentions each passage is to have
 *
 * Indexes every passage of @document but its headings, which are searched
 * as the heading path of the passages under them.
 */
gboolean
_bri_indexer_add_document (BriIndexer   *indexer,
                           BriDocument  *document,
                           GHashTable   *relinks,
                           GError      **error)
{
  GListModel *passages = bri_document_get_passages (document);
  guint n = g_list_model_get_n_items (passages);

  for (guint p = 0; p < n; p++)
    {
      g_autoptr(BriPassage) passage = g_list_model_get_item (passages, p);
      BriRelink *relink = g_hash_table_lookup (relinks, passage);
      g_autofree char *context = NULL;

      if (bri_passage_get_kind (passage) == BRI_PASSAGE_HEADING)
        continue;

      context = passage_context (indexer, relink->mentions);
      if (!bri_search_add_passage (indexer->search, bri_document_get_id (document),
                                   bri_passage_get_ordinal (passage),
                                   bri_passage_get_text (passage),
                                   bri_passage_get_heading (passage),
                                   bri_document_get_title (document),
                                   context, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _bri_indexer_update_links:
 * @relinks: (element-type BriRelink): passages whose mentions change;
 *   those already indexed get their new context
 */
gboolean
_bri_indexer_update_links (BriIndexer  *indexer,
                           GPtrArray   *relinks,
                           GError     **error)
{
  for (guint i = 0; i < relinks->len; i++)
    {
      BriRelink *relink = g_ptr_array_index (relinks, i);
      g_autofree char *context = NULL;

      if (!relink->indexed || bri_passage_get_kind (relink->passage) == BRI_PASSAGE_HEADING)
        continue;

      context = passage_context (indexer, relink->mentions);
      if (!bri_search_set_context (indexer->search, bri_passage_get_document_id (relink->passage),
                                   bri_passage_get_ordinal (relink->passage), context, error))
        return FALSE;
    }

  return TRUE;
}
