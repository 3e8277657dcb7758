/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Indexing: what the atlas puts into the search index, and takes out.
 *
 * Runs in a worker thread, between bri_search_begin() and
 * bri_search_commit(); records are named by their ids, so adding or
 * removing some never touches the rows of the others. */

#define G_LOG_DOMAIN "bri-atlas"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-atlas-private.h"

static char **
linked_ids (GPtrArray *mentions)
{
  g_autoptr(GStrvBuilder) linked = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < mentions->len; i++)
    {
      const char *id = bri_mention_get_target_id (g_ptr_array_index (mentions, i));

      if (g_hash_table_add (seen, (gpointer) id))
        g_strv_builder_add (linked, id);
    }

  return g_strv_builder_end (linked);
}

/**
 * _bri_atlas_index_places:
 * @linker: knows every name of @countries (their aliases in the index)
 */
gboolean
_bri_atlas_index_places (BriSearch  *search,
                         BriLinker  *linker,
                         GPtrArray  *features,
                         GPtrArray  *countries,
                         GError    **error)
{
  for (guint f = 0; features != NULL && f < features->len; f++)
    {
      BriFeature *feature = g_ptr_array_index (features, f);
      BriFeatureKind kind = bri_feature_get_kind (feature);
      g_autofree char *kind_words = g_strdup_printf ("%s %s", bri_feature_kind_to_string (kind),
                                                     bri_feature_kind_get_label (kind));

      if (!bri_search_add_place (search, BRI_SEARCH_PLACE_FEATURE, bri_feature_get_id (feature),
                                 bri_feature_get_name (feature),
                                 bri_feature_get_aliases (feature), kind_words, error))
        return FALSE;
    }

  for (guint c = 0; countries != NULL && c < countries->len; c++)
    {
      BriCountry *country = g_ptr_array_index (countries, c);
      GPtrArray *terms = bri_linker_get_terms_for (linker, G_OBJECT (country));
      g_autoptr(GStrvBuilder) aliases = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      for (guint i = 0; terms != NULL && i < terms->len; i++)
        g_strv_builder_add (aliases, g_ptr_array_index (terms, i));
      g_strv_builder_add (aliases, bri_country_get_display_name (country));
      g_strv_builder_add (aliases, bri_country_get_code (country));
      g_strv_builder_add (aliases, bri_country_get_alpha3 (country));
      strv = g_strv_builder_end (aliases);

      if (!bri_search_add_place (search, BRI_SEARCH_PLACE_COUNTRY, bri_country_get_code (country),
                                 bri_country_get_name (country),
                                 (const char * const *) strv, _("country"), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_bri_atlas_unindex_features (BriSearch  *search,
                             GPtrArray  *features,
                             GError    **error)
{
  for (guint f = 0; features != NULL && f < features->len; f++)
    if (!bri_search_remove_place (search, BRI_SEARCH_PLACE_FEATURE,
                                  bri_feature_get_id (g_ptr_array_index (features, f)), error))
      return FALSE;

  return TRUE;
}

/**
 * _bri_atlas_index_document:
 * @relinks: BriPassage → #BriRelink: the mentions each passage is to have
 *
 * Indexes every passage of @document but its headings, which are searched
 * as the heading path of the passages under them.
 */
gboolean
_bri_atlas_index_document (BriSearch    *search,
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
      g_auto(GStrv) linked = NULL;

      if (bri_passage_get_kind (passage) == BRI_PASSAGE_HEADING)
        continue;

      linked = linked_ids (relink->mentions);
      if (!bri_search_add_passage (search, bri_document_get_id (document),
                                   bri_passage_get_ordinal (passage),
                                   bri_passage_get_text (passage),
                                   bri_passage_get_heading (passage),
                                   bri_document_get_title (document),
                                   (const char * const *) linked, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _bri_atlas_index_links:
 * @relinks: (element-type BriRelink): passages already indexed whose
 *   mentions change
 */
gboolean
_bri_atlas_index_links (BriSearch  *search,
                        GPtrArray  *relinks,
                        GError    **error)
{
  for (guint i = 0; i < relinks->len; i++)
    {
      BriRelink *relink = g_ptr_array_index (relinks, i);
      g_auto(GStrv) linked = NULL;

      if (!relink->indexed || bri_passage_get_kind (relink->passage) == BRI_PASSAGE_HEADING)
        continue;

      linked = linked_ids (relink->mentions);
      if (!bri_search_set_links (search, bri_passage_get_document_id (relink->passage),
                                 bri_passage_get_ordinal (relink->passage),
                                 (const char * const *) linked, error))
        return FALSE;
    }

  return TRUE;
}
