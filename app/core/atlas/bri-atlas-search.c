/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Searching the atlas: one call for the window and the command line.
 *
 * The index (bri-search.c) understands the words and ranks what it
 * finds; here the answers become the atlas's records, the regions the
 * query names come first, and field filters ("country:KE", "kind:port",
 * "status:planned", "doc:white-paper-2023", "year:2015..2020") narrow
 * the places and passages.  A filter names something the atlas has, or
 * the results say what was wrong and what would have worked; it never
 * becomes a query error. */

#define G_LOG_DOMAIN "bri-atlas"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bri-atlas-private.h"
#include "bri-text-fold.h"

/* Passages of the whole corpus are few: the filters may look at many
 * candidates before enough pass. */
#define FILTERED_CANDIDATES 2000

typedef struct
{
  gboolean     any;
  BriCountry  *country;
  int          kind;        /* -1: any */
  const char  *status;
  BriDocument *document;
  int          year_from;   /* 0: open */
  int          year_to;
} Filter;

/* Field values */

static gboolean
folded_equal (const char *a,
              const char *b)
{
  g_autofree char *fa = bri_text_fold (a, -1);
  g_autofree char *fb = bri_text_fold (b, -1);

  return g_str_equal (g_strstrip (fa), g_strstrip (fb));
}

static int
parse_kind (BriAtlas   *self,
            const char *value)
{
  BriFeatureKind kind;
  int named = -1;
  g_autofree char *folded = bri_text_fold (value, -1);

  if (bri_feature_kind_from_string (value, &kind))
    return kind;

  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    if (folded_equal (value, bri_feature_kind_to_string (k)) ||
        folded_equal (value, bri_feature_kind_get_label (k)) ||
        folded_equal (value, bri_feature_kind_get_plural_label (k)))
      return k;

  /* "kind:harbour" is a port. */
  g_strdelimit (folded, "-_", ' ');
  if (bri_search_tables_get_synonyms (bri_search_get_tables (_bri_atlas_get_search (self)), folded, &named) != NULL)
    return named;

  return -1;
}

static const char *
parse_status (const char *value)
{
  const char * const *all = bri_feature_status_get_all ();
  g_autofree char *dashed = g_strdelimit (g_ascii_strdown (value, -1), " _", '-');

  for (guint i = 0; all[i] != NULL; i++)
    if (g_str_equal (dashed, all[i]) || folded_equal (value, bri_feature_status_get_label (all[i])))
      return all[i];

  return NULL;
}

static BriDocument *
parse_document (BriAtlas   *self,
                const char *value)
{
  GListModel *documents = bri_atlas_get_documents (self);
  g_autofree char *folded = bri_text_fold (value, -1);
  BriDocument *found = NULL;
  guint n_found = 0;

  if (bri_atlas_lookup_document (self, value) != NULL)
    return bri_atlas_lookup_document (self, value);

  /* A part of an id or a title, if it names one document only. */
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(BriDocument) document = g_list_model_get_item (documents, i);
      g_autofree char *id = bri_text_fold (bri_document_get_id (document), -1);
      g_autofree char *title = bri_text_fold (bri_document_get_title (document), -1);

      if (strstr (id, folded) != NULL || strstr (title, folded) != NULL)
        {
          found = document;
          n_found++;
        }
    }

  return n_found == 1 ? found : NULL;
}

static gboolean
parse_year (const char *text,
            int        *year)
{
  guint64 value;

  if (text[0] == '\0')
    {
      *year = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 1, 9999, &value, NULL))
    return FALSE;

  *year = (int) value;
  return TRUE;
}

static gboolean
parse_years (const char *value,
             Filter     *filter)
{
  const char *dots = strstr (value, "..");

  if (dots == NULL)
    {
      if (!parse_year (value, &filter->year_from) || filter->year_from == 0)
        return FALSE;
      filter->year_to = filter->year_from;
      return TRUE;
    }

  {
    g_autofree char *from = g_strndup (value, dots - value);

    if (!parse_year (from, &filter->year_from) || !parse_year (dots + 2, &filter->year_to))
      return FALSE;
  }

  return (filter->year_from != 0 || filter->year_to != 0) &&
         (filter->year_to == 0 || filter->year_from <= filter->year_to);
}

static char *
list_documents (BriAtlas *self)
{
  GListModel *documents = bri_atlas_get_documents (self);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(BriDocument) document = g_list_model_get_item (documents, i);

      g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", bri_document_get_id (document));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
list_kinds (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    g_string_append_printf (out, "%s%s", k > 0 ? ", " : "", bri_feature_kind_to_string (k));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Reads the plan's field filters; what cannot be read becomes a note in
 * @results and is left out. */
static void
read_fields (BriAtlas         *self,
             BriSearchPlan    *plan,
             BriSearchResults *results,
             Filter           *filter)
{
  filter->kind = -1;

  for (guint i = 0; i < plan->fields->len; i++)
    {
      BriSearchField *field = g_ptr_array_index (plan->fields, i);
      g_autofree char *message = NULL;

      if (!bri_search_field_is_known (field->name))
        message = g_strdup_printf (_("“%s” is not a search field: use country:, kind:, status:, doc: or year:"),
                                   field->as_typed);
      else if (g_str_equal (field->name, "country"))
        {
          filter->country = bri_atlas_find_country (self, field->value);
          if (filter->country == NULL)
            {
              g_auto(GStrv) suggestions = bri_atlas_suggest_countries (self, field->value);
              g_autofree char *joined = g_strjoinv (", ", suggestions);

              message = suggestions[0] != NULL
                ? g_strdup_printf (_("No country “%s”: did you mean %s?"), field->value, joined)
                : g_strdup_printf (_("No country “%s”: give a name or an ISO code such as KE"), field->value);
            }
        }
      else if (g_str_equal (field->name, "kind"))
        {
          filter->kind = parse_kind (self, field->value);
          if (filter->kind < 0)
            {
              g_autofree char *kinds = list_kinds ();

              message = g_strdup_printf (_("No kind “%s”: use one of %s"), field->value, kinds);
            }
        }
      else if (g_str_equal (field->name, "status"))
        {
          filter->status = parse_status (field->value);
          if (filter->status == NULL)
            {
              g_autofree char *all = g_strjoinv (", ", (char **) bri_feature_status_get_all ());

              message = g_strdup_printf (_("No status “%s”: use one of %s"), field->value, all);
            }
        }
      else if (g_str_equal (field->name, "doc") || g_str_equal (field->name, "document"))
        {
          filter->document = parse_document (self, field->value);
          if (filter->document == NULL)
            {
              g_autofree char *documents = list_documents (self);

              message = g_strdup_printf (_("No single document is “%s”: use one of %s"), field->value, documents);
            }
        }
      else if (g_str_equal (field->name, "year"))
        {
          if (!parse_years (field->value, filter))
            {
              filter->year_from = filter->year_to = 0;
              message = g_strdup_printf (_("“%s” is not a year: write 2019, 2015..2020, ..2016 or 2020.."),
                                         field->value);
            }
        }

      if (message != NULL)
        bri_search_results_add_message (results, message);
    }

  filter->any = filter->country != NULL || filter->kind >= 0 || filter->status != NULL ||
                filter->document != NULL || filter->year_from != 0 || filter->year_to != 0;
}

static gboolean
year_in (const Filter *filter,
         int           year)
{
  if (filter->year_from == 0 && filter->year_to == 0)
    return TRUE;
  if (year == 0)
    return FALSE;

  return (filter->year_from == 0 || year >= filter->year_from) &&
         (filter->year_to == 0 || year <= filter->year_to);
}

static gboolean
feature_passes (BriAtlas     *self,
                const Filter *filter,
                BriFeature   *feature)
{
  if (filter->country != NULL && !bri_feature_has_country (feature, bri_country_get_code (filter->country)))
    return FALSE;
  if (filter->kind >= 0 && (int) bri_feature_get_kind (feature) != filter->kind)
    return FALSE;
  if (filter->status != NULL && g_strcmp0 (bri_feature_get_status (feature), filter->status) != 0)
    return FALSE;
  if (!year_in (filter, bri_feature_get_year (feature)))
    return FALSE;
  if (filter->document != NULL)
    {
      g_autoptr(GListModel) passages = bri_atlas_get_feature_passages (self, feature);

      for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
        {
          g_autoptr(BriPassage) passage = g_list_model_get_item (passages, i);

          if (bri_passage_get_document (passage) == filter->document)
            return TRUE;
        }
      return FALSE;
    }

  return TRUE;
}

/* A passage passes when it is in the document and year asked for, names
 * the country, and names a place of the kind and status asked for. */
static gboolean
passage_passes (BriAtlas     *self,
                const Filter *filter,
                BriPassage   *passage)
{
  GPtrArray *mentions;
  gboolean place_ok;

  if (filter->document != NULL && bri_passage_get_document (passage) != filter->document)
    return FALSE;
  if (!year_in (filter, bri_document_get_year (bri_passage_get_document (passage))))
    return FALSE;
  if (filter->country != NULL && bri_atlas_get_passage_country_score (self, passage, filter->country) <= 0)
    return FALSE;

  if (filter->kind < 0 && filter->status == NULL)
    return TRUE;

  mentions = bri_passage_get_mentions (passage);
  place_ok = FALSE;
  for (guint i = 0; i < mentions->len && !place_ok; i++)
    {
      BriMention *m = g_ptr_array_index (mentions, i);
      BriFeature *feature;

      if (bri_mention_get_target (m) != BRI_MENTION_FEATURE)
        continue;
      feature = BRI_FEATURE (bri_mention_get_object (m));
      place_ok = (filter->kind < 0 || (int) bri_feature_get_kind (feature) == filter->kind) &&
                 (filter->status == NULL || g_strcmp0 (bri_feature_get_status (feature), filter->status) == 0) &&
                 (filter->country == NULL ||
                  bri_feature_has_country (feature, bri_country_get_code (filter->country)));
    }

  return place_ok;
}

static gboolean
country_in_document (BriAtlas    *self,
                     BriCountry  *country,
                     BriDocument *document)
{
  g_autoptr(GListModel) passages = bri_atlas_get_country_passages (self, country);

  for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
    {
      g_autoptr(BriPassage) passage = g_list_model_get_item (passages, i);

      if (bri_passage_get_document (passage) == document)
        return TRUE;
    }

  return FALSE;
}

/* The record a hit names, if it is (still, or already) in the atlas. */
static GObject *
object_for_hit (BriAtlas            *self,
                const BriSearchHit  *hit,
                BriSearchResultKind *kind)
{
  if (hit->id == NULL)
    return NULL;

  if (hit->kind == BRI_SEARCH_HIT_PASSAGE)
    {
      *kind = BRI_SEARCH_RESULT_PASSAGE;
      return (GObject *) bri_atlas_lookup_passage (self, hit->id, hit->ordinal);
    }

  if (hit->place_type == BRI_SEARCH_PLACE_COUNTRY)
    {
      *kind = BRI_SEARCH_RESULT_COUNTRY;
      return (GObject *) bri_atlas_lookup_country (self, hit->id);
    }

  *kind = BRI_SEARCH_RESULT_FEATURE;
  return (GObject *) bri_atlas_lookup_feature (self, hit->id);
}

static gboolean
hit_passes (BriAtlas            *self,
            const Filter        *filter,
            GObject             *object,
            BriSearchResultKind  kind)
{
  if (!filter->any)
    return TRUE;

  switch (kind)
    {
    case BRI_SEARCH_RESULT_PASSAGE:
      return passage_passes (self, filter, BRI_PASSAGE (object));
    case BRI_SEARCH_RESULT_FEATURE:
      return feature_passes (self, filter, BRI_FEATURE (object));
    case BRI_SEARCH_RESULT_COUNTRY:
      /* A country answers a country filter and a document that speaks
       * of it, and no filter on places. */
      return filter->kind < 0 && filter->status == NULL && filter->year_from == 0 && filter->year_to == 0 &&
             (filter->country == NULL || BRI_COUNTRY (object) == filter->country) &&
             (filter->document == NULL || country_in_document (self, BRI_COUNTRY (object), filter->document));
    case BRI_SEARCH_RESULT_REGION:
    default:
      return TRUE;
    }
}

static gboolean
append_hits (BriAtlas          *self,
             BriSearchResults  *results,
             BriSearchPlan     *plan,
             const Filter      *filter,
             BriSearchHitKind   kind,
             guint              limit,
             GError           **error)
{
  guint asked = filter->any ? MAX (FILTERED_CANDIDATES, limit) : limit;
  g_autoptr(GArray) hits = bri_search_query (_bri_atlas_get_search (self), kind, plan,
                                             limit == G_MAXUINT ? 0 : asked, error);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (BriSearchResultKind));

  if (hits == NULL)
    return FALSE;

  for (guint i = 0; i < hits->len && kept->len < limit; i++)
    {
      BriSearchHit *hit = &g_array_index (hits, BriSearchHit, i);
      BriSearchResultKind result_kind;
      GObject *object = object_for_hit (self, hit, &result_kind);

      if (object == NULL || !hit_passes (self, filter, object, result_kind))
        continue;

      g_ptr_array_add (kept, hit);
      g_ptr_array_add (objects, object);
      g_array_append_val (kinds, result_kind);
    }

  /* Snippets for what is shown only, all at once. */
  if (kind == BRI_SEARCH_HIT_PASSAGE)
    bri_search_add_snippets (_bri_atlas_get_search (self), plan, (BriSearchHit **) kept->pdata, kept->len);

  for (guint i = 0; i < kept->len; i++)
    {
      BriSearchHit *hit = g_ptr_array_index (kept, i);
      g_autoptr(BriSearchResult) result =
        bri_search_result_new (g_array_index (kinds, BriSearchResultKind, i), g_ptr_array_index (objects, i),
                               hit->score, hit->snippet, hit->ranges);

      bri_search_results_append (results, result);
    }

  return TRUE;
}

typedef struct
{
  BriFeature *feature;
  guint       count;
  guint       first;
} Named;

static int
compare_named (gconstpointer a,
               gconstpointer b)
{
  const Named *na = a, *nb = b;

  if (na->count != nb->count)
    return na->count > nb->count ? -1 : 1;
  return na->first < nb->first ? -1 : na->first > nb->first;
}

/* With filters, the places the words do not name may still be what the
 * user wants: those that pass the filters, most named by the passages
 * found first ("kind:port status:operational throughput"). */
static void
append_places_of_passages (BriAtlas         *self,
                           BriSearchResults *results,
                           const Filter     *filter,
                           guint             n_places,
                           guint             max_places)
{
  GListModel *model = G_LIST_MODEL (results);
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (Named));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BriSearchResult) result = g_list_model_get_item (model, i);
      GObject *object = bri_search_result_get_object (result);

      if (bri_search_result_get_kind (result) == BRI_SEARCH_RESULT_FEATURE)
        g_hash_table_insert (index, object, GUINT_TO_POINTER (G_MAXUINT));
      if (bri_search_result_get_kind (result) != BRI_SEARCH_RESULT_PASSAGE)
        continue;

      for (guint m = 0; m < bri_passage_get_mentions (BRI_PASSAGE (object))->len; m++)
        {
          BriMention *mention = g_ptr_array_index (bri_passage_get_mentions (BRI_PASSAGE (object)), m);
          BriFeature *feature;
          guint at;

          if (bri_mention_get_target (mention) != BRI_MENTION_FEATURE)
            continue;
          feature = BRI_FEATURE (bri_mention_get_object (mention));
          at = GPOINTER_TO_UINT (g_hash_table_lookup (index, feature));
          if (at == G_MAXUINT || !feature_passes (self, filter, feature))
            continue;
          if (at == 0)
            {
              Named n = { feature, 0, i };

              g_array_append_val (named, n);
              at = named->len;
              g_hash_table_insert (index, feature, GUINT_TO_POINTER (at));
            }
          g_array_index (named, Named, at - 1).count++;
        }
    }

  g_array_sort (named, compare_named);
  for (guint i = 0; i < named->len && n_places + i < max_places; i++)
    {
      g_autoptr(BriSearchResult) result =
        bri_search_result_new (BRI_SEARCH_RESULT_FEATURE, G_OBJECT (g_array_index (named, Named, i).feature),
                               0, NULL, NULL);

      bri_search_results_insert_before_passages (results, result);
    }
}

/* A query of filters alone: what the filters let through, places in
 * atlas order, passages best first for a country, else in order. */
static void
append_filtered (BriAtlas         *self,
                 BriSearchResults *results,
                 const Filter     *filter,
                 guint             max_places,
                 guint             max_passages)
{
  GListModel *features = bri_atlas_get_features (self);
  g_autoptr(GListModel) country_passages = NULL;
  guint added = 0;

  for (guint i = 0; i < g_list_model_get_n_items (features) && added < max_places; i++)
    {
      g_autoptr(BriFeature) feature = g_list_model_get_item (features, i);
      g_autoptr(BriSearchResult) result = NULL;

      if (!feature_passes (self, filter, feature))
        continue;
      result = bri_search_result_new (BRI_SEARCH_RESULT_FEATURE, G_OBJECT (feature), 0, NULL, NULL);
      bri_search_results_append (results, result);
      added++;
    }

  added = 0;
  if (filter->country != NULL)
    country_passages = bri_atlas_get_country_passages (self, filter->country);
  for (guint i = 0;
       added < max_passages &&
       i < (country_passages ? g_list_model_get_n_items (country_passages) : bri_atlas_get_n_passages (self));
       i++)
    {
      g_autoptr(BriPassage) passage = country_passages ? g_list_model_get_item (country_passages, i)
                                                       : g_object_ref (bri_atlas_get_passage (self, i));
      g_autoptr(BriSearchResult) result = NULL;

      if (bri_passage_get_kind (passage) == BRI_PASSAGE_HEADING || !passage_passes (self, filter, passage))
        continue;
      result = bri_search_result_new (BRI_SEARCH_RESULT_PASSAGE, G_OBJECT (passage), 0,
                                      bri_passage_get_text (passage), NULL);
      bri_search_results_append (results, result);
      added++;
    }
}

/**
 * bri_atlas_search:
 * @query: what the user typed, field filters included
 * @max_places: at most this many places, regions and countries; 0 for
 *   none, %G_MAXUINT for all
 * @max_passages: at most this many passages; 0 for none, %G_MAXUINT for all
 *
 * Returns: (transfer full): the regions the query names, the places and
 *   countries, then the passages, each best first; with the correction
 *   made to the query and notes about filters that could not be used
 */
BriSearchResults *
bri_atlas_search (BriAtlas        *self,
                  const char      *query,
                  BriSearchFlags   flags,
                  guint            max_places,
                  guint            max_passages,
                  GError         **error)
{
  g_autoptr(BriSearchResults) results = NULL;
  g_autoptr(BriSearchPlan) plan = NULL;
  Filter filter = { 0 };

  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (bri_atlas_is_loaded (self), NULL);

  results = bri_search_results_new (query);
  plan = bri_search_plan (_bri_atlas_get_search (self), query, flags);
  if (plan->corrected != NULL)
    bri_search_results_set_corrected (results, plan->corrected);
  read_fields (self, plan, results, &filter);

  if (plan->groups->len == 0)
    {
      if (filter.any)
        append_filtered (self, results, &filter, max_places, max_passages);
      else if (plan->only_stop_words)
        bri_search_results_add_message (results, _("These words are too common to search for on their own"));
      return g_steal_pointer (&results);
    }

  if (max_places > 0)
    {
      guint regions = 0;

      for (guint g = 0; g < plan->groups->len && regions < max_places; g++)
        {
          BriSearchGroup *group = g_ptr_array_index (plan->groups, g);
          BriRegion *region = group->region ? bri_atlas_lookup_region (self, group->region) : NULL;
          g_autoptr(BriSearchResult) result = NULL;

          if (region == NULL)
            continue;
          result = bri_search_result_new (BRI_SEARCH_RESULT_REGION, G_OBJECT (region), 0, NULL, NULL);
          bri_search_results_append (results, result);
          regions++;
        }

      if (!append_hits (self, results, plan, &filter, BRI_SEARCH_HIT_PLACE, max_places, error))
        return NULL;
    }

  if (max_passages > 0 &&
      !append_hits (self, results, plan, &filter, BRI_SEARCH_HIT_PASSAGE, max_passages, error))
    return NULL;

  if (filter.any && max_places > 0)
    {
      guint n_places = g_list_model_get_n_items (G_LIST_MODEL (results)) -
                       bri_search_results_count (results, BRI_SEARCH_RESULT_PASSAGE);

      if (n_places < max_places)
        append_places_of_passages (self, results, &filter, n_places, max_places);
    }

  return g_steal_pointer (&results);
}

/* For tests: how many passages and places the search index holds. */
guint
bri_atlas_count_indexed (BriAtlas         *self,
                         BriSearchHitKind  kind)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), 0);
  return bri_search_count (_bri_atlas_get_search (self), kind);
}
