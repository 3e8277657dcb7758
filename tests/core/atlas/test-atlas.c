/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The atlas on the real data: documents, gazetteer, countries, links and
 * search, as users get them. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bri-atlas.h"
#include "bri-basemap.h"
#include "bri-text-fold.h"

static BriAtlas *atlas;

static BriFeature *
feature_named (const char *name)
{
  g_autofree char *folded = bri_text_fold (name, -1);
  GListModel *features = bri_atlas_get_features (atlas);

  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(BriFeature) f = g_list_model_get_item (features, i);
      g_autofree char *n = bri_text_fold (bri_feature_get_name (f), -1);
      const char * const *aliases = bri_feature_get_aliases (f);

      if (g_str_equal (n, folded))
        return f;
      for (guint a = 0; aliases[a]; a++)
        {
          g_autofree char *alias = bri_text_fold (aliases[a], -1);

          if (g_str_equal (alias, folded))
            return f;
        }
    }

  g_error ("no feature is called “%s”", name);
  return NULL;
}

static gboolean
passage_links (BriPassage *passage,
               GObject    *object)
{
  GPtrArray *mentions = bri_passage_get_mentions (passage);

  for (guint i = 0; i < mentions->len; i++)
    if (bri_mention_get_object (g_ptr_array_index (mentions, i)) == object)
      return TRUE;

  return FALSE;
}

static gboolean
model_contains (GListModel *model,
                gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) o = g_list_model_get_item (model, i);

      if (o == item)
        return TRUE;
    }

  return FALSE;
}

static BriPassage *
passage_with (const char *document_id,
              const char *quote)
{
  BriDocument *document = bri_atlas_lookup_document (atlas, document_id);
  GListModel *passages;

  g_assert_nonnull (document);
  passages = bri_document_get_passages (document);
  for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
    {
      g_autoptr(BriPassage) p = g_list_model_get_item (passages, i);

      if (strstr (bri_passage_get_text (p), quote) != NULL)
        return p;
    }

  return NULL;
}

static void
test_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (g_getenv ("BRI_ATLAS_SOURCE_DATA_DIR"));
  g_autoptr(BriAtlas) from_dir = bri_atlas_new (dir);

  g_assert_cmpuint (g_list_model_get_n_items (bri_atlas_get_documents (atlas)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (bri_atlas_get_features (atlas)), >, 80);
  g_assert_cmpuint (g_list_model_get_n_items (bri_atlas_get_countries (atlas)), >, 200);
  g_assert_cmpuint (bri_atlas_get_n_passages (atlas), >, 150);

  /* The source tree and the built-in resource hold the same data. */
  g_assert_true (bri_atlas_load (from_dir, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bri_atlas_get_n_passages (from_dir), ==, bri_atlas_get_n_passages (atlas));
  g_assert_cmpuint (g_list_model_get_n_items (bri_atlas_get_features (from_dir)), ==,
                    g_list_model_get_n_items (bri_atlas_get_features (atlas)));
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  bri_atlas_load_finish (BRI_ATLAS (object), result, error);
}

static void
test_load_async (void)
{
  g_autoptr(BriAtlas) other = bri_atlas_new (NULL);
  GError *error = NULL;

  g_assert_false (bri_atlas_is_loaded (other));
  bri_atlas_load_async (other, NULL, on_loaded, &error);
  while (!bri_atlas_is_loaded (other) && error == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (error);
  g_assert_cmpuint (bri_atlas_get_n_passages (other), ==, bri_atlas_get_n_passages (atlas));
}

static void
test_bad_gazetteer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("bri-atlas-XXXXXX", &error);
  g_autofree char *src = g_strdup (g_getenv ("BRI_ATLAS_SOURCE_DATA_DIR"));
  g_autofree char *gaz_dir = g_build_filename (tmp, "gazetteer", NULL);
  g_autofree char *gaz = g_build_filename (gaz_dir, "features.geojson", NULL);
  g_autofree char *docs = g_build_filename (src, "documents", NULL);
  g_autofree char *docs_link = g_build_filename (tmp, "documents", NULL);
  g_autofree char *countries = g_build_filename (src, "countries", NULL);
  g_autofree char *countries_link = g_build_filename (tmp, "countries", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_autoptr(BriAtlas) bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (gaz_dir, 0700), ==, 0);
  g_assert_cmpint (symlink (docs, docs_link), ==, 0);
  g_assert_cmpint (symlink (countries, countries_link), ==, 0);

  /* An unknown kind names the file, the feature and the value. */
  g_file_set_contents (gaz,
                       "{\"type\":\"FeatureCollection\",\"features\":[\n"
                       "{\"type\":\"Feature\",\"properties\":{\"id\":\"a\",\"name\":\"A\",\"kind\":\"port\",\"precision\":\"town\",\"status\":\"operational\",\"countries\":[\"KE\"]},\"geometry\":{\"type\":\"Point\",\"coordinates\":[39.6,-4.0]}},\n"
                       "{\"type\":\"Feature\",\"properties\":{\"id\":\"b\",\"name\":\"B\",\"kind\":\"harbour\",\"precision\":\"town\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}]}",
                       -1, &error);
  g_assert_no_error (error);
  bad = bri_atlas_new (dir);
  g_assert_false (bri_atlas_load (bad, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "features.geojson"));
  g_assert_nonnull (strstr (error->message, "feature 1"));
  g_assert_nonnull (strstr (error->message, "harbour"));
  g_clear_error (&error);
  g_clear_object (&bad);

  /* A syntax error gives the line. */
  g_file_set_contents (gaz, "{\"type\":\"FeatureCollection\",\n\"features\":[\n{,]}", -1, &error);
  g_assert_no_error (error);
  bad = bri_atlas_new (dir);
  g_assert_false (bri_atlas_load (bad, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "features.geojson"));
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);

  g_unlink (gaz);
  g_unlink (docs_link);
  g_unlink (countries_link);
  g_rmdir (gaz_dir);
  g_rmdir (tmp);
}

static void
test_every_feature_linked (void)
{
  GListModel *features = bri_atlas_get_features (atlas);
  g_autoptr(GString) unlinked = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(BriFeature) f = g_list_model_get_item (features, i);
      g_autoptr(GListModel) passages = bri_atlas_get_feature_passages (atlas, f);

      if (g_list_model_get_n_items (passages) == 0)
        g_string_append_printf (unlinked, " %s", bri_feature_get_id (f));
    }

  g_assert_cmpstr (unlinked->str, ==, "");
}

static void
test_expected_links (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "expected-links.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  JsonArray *entries;
  guint n_links = 0;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  entries = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (entries), >=, 50);

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *e = json_array_get_object_element (entries, i);
      const char *doc = json_object_get_string_member (e, "document");
      const char *quote = json_object_get_string_member (e, "quote");
      JsonArray *expected = json_object_get_array_member (e, "features");
      BriPassage *passage = passage_with (doc, quote);

      if (passage == NULL)
        {
          g_string_append_printf (missing, "\n  %s: no passage reads “%s”", doc, quote);
          continue;
        }

      for (guint j = 0; j < json_array_get_length (expected); j++)
        {
          const char *id = json_array_get_string_element (expected, j);
          BriFeature *f = bri_atlas_lookup_feature (atlas, id);

          n_links++;
          if (f == NULL)
            g_string_append_printf (missing, "\n  no feature “%s”", id);
          else if (!passage_links (passage, G_OBJECT (f)))
            g_string_append_printf (missing, "\n  %s #%u does not link %s", doc,
                                    bri_passage_get_ordinal (passage), id);
        }
    }

  g_test_message ("%u expected links checked", n_links);
  g_assert_cmpstr (missing->str, ==, "");
}

static void
test_points_in_countries (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BriBasemap) basemap = bri_basemap_load_resolution ("10m", &error);
  GListModel *features = bri_atlas_get_features (atlas);
  g_autoptr(GString) outside = g_string_new (NULL);
  guint n_checked = 0;

  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(BriFeature) f = g_list_model_get_item (features, i);
      BriGeometryType type = bri_feature_get_geometry_type (f);
      const BriLonLat *v;
      guint n;

      if (type != BRI_GEOMETRY_POINT && type != BRI_GEOMETRY_MULTI_POINT)
        continue;

      v = bri_feature_get_part (f, 0, &n);
      for (guint k = 0; k < n; k++)
        {
          gboolean inside = FALSE;

          for (const char * const *c = bri_feature_get_countries (f); *c && !inside; c++)
            {
              BriCountry *country = bri_atlas_lookup_country (atlas, *c);

              g_assert_nonnull (country);
              inside = bri_basemap_country_contains (basemap, bri_country_get_numeric (country),
                                                     v[k].lon, v[k].lat);
            }

          n_checked++;
          if (!inside)
            g_string_append_printf (outside, " %s(%g,%g)", bri_feature_get_id (f), v[k].lon, v[k].lat);
        }
    }

  g_test_message ("%u points checked", n_checked);
  g_assert_cmpuint (n_checked, >, 30);
  g_assert_cmpstr (outside->str, ==, "");
}

static void
test_mention_offsets (void)
{
  guint n = bri_atlas_get_n_passages (atlas);
  guint n_mentions = 0;

  for (guint p = 0; p < n; p++)
    {
      BriPassage *passage = bri_atlas_get_passage (atlas, p);
      const char *text = bri_passage_get_text (passage);
      GPtrArray *mentions = bri_passage_get_mentions (passage);

      for (guint i = 0; i < mentions->len; i++)
        {
          BriMention *m = g_ptr_array_index (mentions, i);
          g_autofree char *by_chars = NULL;
          g_autofree char *by_bytes = NULL;

          if (bri_mention_is_context (m))
            continue;

          n_mentions++;
          by_bytes = g_strndup (text + bri_mention_get_start (m),
                                bri_mention_get_end (m) - bri_mention_get_start (m));
          by_chars = g_utf8_substring (text, bri_mention_get_start_char (m), bri_mention_get_end_char (m));
          g_assert_cmpstr (by_bytes, ==, by_chars);
          g_assert_true (g_unichar_isalnum (g_utf8_get_char (by_bytes)));
        }
    }

  g_assert_cmpuint (n_mentions, >, 500);
}

static void
test_two_countries (void)
{
  BriFeature *railway = feature_named ("China-Laos Railway");
  BriCountry *laos = bri_atlas_find_country (atlas, "LA");
  BriCountry *china = bri_atlas_find_country (atlas, "CN");
  g_autoptr(GListModel) passages = bri_atlas_get_feature_passages (atlas, railway);
  g_autoptr(GListModel) lao_passages = bri_atlas_get_country_passages (atlas, laos);
  g_autoptr(GListModel) cn_passages = bri_atlas_get_country_passages (atlas, china);

  g_assert_cmpuint (g_list_model_get_n_items (passages), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
    {
      g_autoptr(BriPassage) p = g_list_model_get_item (passages, i);

      g_assert_true (model_contains (lao_passages, p));
      g_assert_true (model_contains (cn_passages, p));
    }
}

static void
test_heading_context (void)
{
  BriFeature *sgr = feature_named ("SGR");
  BriPassage *p = passage_with ("white-paper-2023", "every year a number of young");

  g_assert_nonnull (p);
  g_assert_nonnull (strstr (bri_passage_get_heading (p), "Mombasa-Nairobi Railway"));
  g_assert_true (passage_links (p, G_OBJECT (sgr)));
}

static BriPassage *
first_passage (const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = G_LIST_MODEL (bri_atlas_search (atlas, query, 0, 0, 5, &error));
  g_autoptr(BriSearchResult) r = NULL;

  g_assert_no_error (error);
  if (g_list_model_get_n_items (results) == 0)
    g_error ("“%s” found no passage", query);
  r = g_list_model_get_item (results, 0);

  return BRI_PASSAGE (bri_search_result_get_object (r));
}

static BriPassage *
passage_found (const char *query,
               const char *document_id,
               guint       limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = G_LIST_MODEL (bri_atlas_search (atlas, query, 0, 0, limit ? limit : G_MAXUINT, &error));

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(BriSearchResult) r = g_list_model_get_item (results, i);
      BriPassage *p = BRI_PASSAGE (bri_search_result_get_object (r));

      if (g_str_equal (bri_passage_get_document_id (p), document_id))
        return p;
    }

  return NULL;
}

static void
test_search (void)
{
  BriPassage *p;

  p = first_passage ("Karot");
  g_assert_nonnull (strstr (bri_passage_get_text (p), "Kalot"));

  p = first_passage ("CPEC");
  g_assert_true (passage_links (p, G_OBJECT (feature_named ("China-Pakistan Economic Corridor"))));

  p = first_passage ("Kenyan railway");
  g_assert_nonnull (strstr (bri_passage_get_heading (p), "Mombasa-Nairobi"));

  /* The brochure's "fi nancial integration" was repaired, so it is found;
   * and passages that say it rank above those merely under such a heading. */
  p = first_passage ("financial integration");
  g_assert_nonnull (strstr (bri_passage_get_text (p), "inancial integration"));
  g_assert_nonnull (passage_found ("financial integration", "forum-2017", 10));

  p = first_passage ("Piraeus");
  g_assert_nonnull (strstr (bri_passage_get_text (p), "Piraeus"));
}

static void
test_search_places (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = G_LIST_MODEL (bri_atlas_search (atlas, "Gwad", BRI_SEARCH_FLAGS_PREFIX, 5, 5, &error));
  g_autoptr(BriSearchResult) first = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  first = g_list_model_get_item (results, 0);
  g_assert_cmpint (bri_search_result_get_kind (first), ==, BRI_SEARCH_RESULT_FEATURE);
  g_assert_nonnull (strstr (bri_feature_get_name (BRI_FEATURE (bri_search_result_get_object (first))), "Gwadar"));
  g_clear_object (&results);
  g_clear_object (&first);

  results = G_LIST_MODEL (bri_atlas_search (atlas, "Kenya", 0, 5, 5, &error));
  g_assert_no_error (error);
  first = g_list_model_get_item (results, 0);
  g_assert_cmpint (bri_search_result_get_kind (first), ==, BRI_SEARCH_RESULT_COUNTRY);
}

static void
test_hostile_search (void)
{
  const char *queries[] = { "\"", "NEAR(", "((", "*", "-Piraeus", "Piraeus\"", "a:b", "^", "AND OR NOT", "" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) a = G_LIST_MODEL (bri_atlas_search (atlas, queries[i], 0, 5, 5, &error));
      g_autoptr(GListModel) b = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (a);
      b = G_LIST_MODEL (bri_atlas_search (atlas, queries[i], BRI_SEARCH_FLAGS_PREFIX, 5, 5, &error));
      g_assert_no_error (error);
      g_assert_nonnull (b);
    }
}

static void
test_find_country (void)
{
  const struct { const char *q, *code; } cases[] = {
    { "KE", "KE" }, { "ke", "KE" }, { "KEN", "KE" }, { "404", "KE" }, { "Kenya", "KE" },
    { "kenyan", "KE" }, { "Lao", "LA" }, { "Laos", "LA" }, { "Türkiye", "TR" }, { "Turkey", "TR" },
    { "Luxemburg", "LU" }, { "Pakistani", "PK" }, { "Greece", "GR" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BriCountry *c = bri_atlas_find_country (atlas, cases[i].q);

      if (c == NULL)
        g_error ("“%s” finds no country", cases[i].q);
      g_assert_cmpstr (bri_country_get_code (c), ==, cases[i].code);
    }

  g_assert_null (bri_atlas_find_country (atlas, "Atlantis"));
}

static void
test_country_dossier (void)
{
  BriCountry *kenya = bri_atlas_find_country (atlas, "KE");
  BriFeature *sgr = feature_named ("SGR");
  g_autoptr(GListModel) features = bri_atlas_get_country_features (atlas, kenya);
  g_autoptr(GListModel) passages = bri_atlas_get_country_passages (atlas, kenya);
  g_autoptr(BriPassage) first = NULL;

  g_assert_true (model_contains (features, sgr));
  g_assert_cmpuint (g_list_model_get_n_items (passages), >, 3);
  /* Passages about Kenya's places rank above those merely naming it. */
  first = g_list_model_get_item (passages, 0);
  g_assert_true (passage_links (first, G_OBJECT (sgr)));
}

static void
test_suggestions (void)
{
  BriFeature *piraeus = feature_named ("Piraeus");
  g_auto(GStrv) features = bri_atlas_suggest_features (atlas, "pireaus");
  g_auto(GStrv) countries = bri_atlas_suggest_countries (atlas, "Kenia");

  g_assert_true (g_strv_contains ((const char * const *) features, bri_feature_get_id (piraeus)));
  g_assert_nonnull (countries[0]);
  g_assert_true (g_str_has_prefix (countries[0], "KE "));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  atlas = bri_atlas_new (NULL);
  if (!bri_atlas_load (atlas, NULL, &error))
    g_error ("%s", error->message);

  g_test_add_func ("/bri/atlas/counts", test_counts);
  g_test_add_func ("/bri/atlas/load-async", test_load_async);
  g_test_add_func ("/bri/atlas/bad-gazetteer", test_bad_gazetteer);
  g_test_add_func ("/bri/atlas/every-feature-linked", test_every_feature_linked);
  g_test_add_func ("/bri/atlas/expected-links", test_expected_links);
  g_test_add_func ("/bri/atlas/points-in-countries", test_points_in_countries);
  g_test_add_func ("/bri/atlas/mention-offsets", test_mention_offsets);
  g_test_add_func ("/bri/atlas/two-countries", test_two_countries);
  g_test_add_func ("/bri/atlas/heading-context", test_heading_context);
  g_test_add_func ("/bri/atlas/search", test_search);
  g_test_add_func ("/bri/atlas/search-places", test_search_places);
  g_test_add_func ("/bri/atlas/hostile-search", test_hostile_search);
  g_test_add_func ("/bri/atlas/find-country", test_find_country);
  g_test_add_func ("/bri/atlas/country-dossier", test_country_dossier);
  g_test_add_func ("/bri/atlas/suggestions", test_suggestions);

  ret = g_test_run ();
  g_clear_object (&atlas);

  return ret;
}
