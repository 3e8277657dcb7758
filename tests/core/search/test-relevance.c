/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The judged relevance set (tests/data/relevance.json) run through the
 * search the window and the command line share: recall@5 and MRR per
 * class of query, the places each query must bring, the queries that must
 * find nothing, and no query finding fewer passages than it did before
 * the search rework (tests/data/relevance-baseline.json).
 *
 * With BRI_RELEVANCE_REPORT_ONLY=1 the scores are printed (run with
 * --verbose or --tap to see them) and only a broken judgement file fails. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "bri-atlas.h"
#include "../test-atlas-util.h"
#include "report-only.h"

/* Targets from issue 10. */
#define MIN_RECALL_AT_5        0.95
/* Share of the expected places that must be among the place results. */
#define MIN_PLACES_FOUND       0.95
/* What the window and the command line ask bri_atlas_search () for. */
#define MAX_PLACES             10u
#define MAX_PASSAGES           5u
/* What the judgement file must hold (issue 10 and its brief). */
#define MIN_QUERIES            90
#define MIN_QUERIES_PER_CLASS  8

static const char * const classes[] = {
  "exact", "loose", "typo", "synonym", "region", "place-passages", "field", "none", NULL,
};

typedef struct
{
  const char *query;
  const char *klass;
  JsonArray  *relevant;        /* of { document, ordinal } */
  JsonArray  *expect_places;   /* of feature ids and country codes; nullable */
  gboolean    expect_empty;
  gint64      baseline;        /* passages before the rework; -1 if unknown */

  /* What the search gave */
  char       *error;
  GPtrArray  *passages;        /* "document/ordinal", best first */
  GPtrArray  *places;          /* feature ids and country codes */
  guint       n_found;         /* relevant passages in the top MAX_PASSAGES */
  guint       first_rank;      /* of a relevant passage, 1-based; 0 if none */
  guint       n_places_found;
} Judged;

typedef struct
{
  guint  n_queries;
  guint  n_judged;             /* queries with relevant passages */
  double recall_sum;
  double rr_sum;
  guint  n_places;
  guint  n_places_found;
  guint  n_not_empty;          /* "expect_empty" queries that found passages */
  guint  n_regressed;          /* fewer passages than the baseline */
  guint  n_errors;
} ClassScore;

static BriAtlas  *atlas;        /* test-atlas-util.h's */
static JsonNode  *judgements;
static JsonNode  *baseline;
static GPtrArray *judged;       /* of Judged */
static gboolean   report_only;

static void
judged_free (Judged *j)
{
  g_free (j->error);
  g_clear_pointer (&j->passages, g_ptr_array_unref);
  g_clear_pointer (&j->places, g_ptr_array_unref);
  g_free (j);
}

static char *
passage_key (const char *document,
             gint64      ordinal)
{
  return g_strdup_printf ("%s/%" G_GINT64_FORMAT, document, ordinal);
}

static char *
relevant_key (JsonArray *relevant,
              guint      i)
{
  JsonObject *r = json_array_get_object_element (relevant, i);

  return passage_key (json_object_get_string_member (r, "document"),
                      json_object_get_int_member (r, "ordinal"));
}

static gboolean
is_regression (const Judged *j)
{
  /* A query that must find nothing may well go down to nothing: today's
   * search answers "the of and" with every passage. */
  return !j->expect_empty && j->baseline >= 0 &&
         j->passages->len < MIN ((guint) j->baseline, MAX_PASSAGES);
}

static JsonNode *
load_json (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("%s: %s", path, error->message);

  return json_node_copy (json_parser_get_root (parser));
}

static void
run_query (Judged *j)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = (GListModel *) bri_atlas_search (atlas, j->query, BRI_SEARCH_FLAGS_NONE,
                                                    MAX_PLACES, MAX_PASSAGES, &error);
  guint n = results != NULL ? g_list_model_get_n_items (results) : 0;

  j->passages = g_ptr_array_new_with_free_func (g_free);
  j->places = g_ptr_array_new_with_free_func (g_free);

  /* An error is a query that found nothing, and is shown as such. */
  if (results == NULL)
    j->error = g_strdup (error != NULL ? error->message : "no results and no error");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriSearchResult) result = g_list_model_get_item (results, i);
      GObject *object = bri_search_result_get_object (result);

      switch (bri_search_result_get_kind (result))
        {
        case BRI_SEARCH_RESULT_PASSAGE:
          g_ptr_array_add (j->passages,
                           passage_key (bri_passage_get_document_id (BRI_PASSAGE (object)),
                                        bri_passage_get_ordinal (BRI_PASSAGE (object))));
          break;
        case BRI_SEARCH_RESULT_FEATURE:
          g_ptr_array_add (j->places, g_strdup (bri_feature_get_id (BRI_FEATURE (object))));
          break;
        case BRI_SEARCH_RESULT_COUNTRY:
          g_ptr_array_add (j->places, g_strdup (bri_country_get_code (BRI_COUNTRY (object))));
          break;
        default:
          /* Regions, say, are neither passages nor the places judged here. */
          break;
        }
    }

  for (guint r = 0; r < json_array_get_length (j->relevant); r++)
    {
      g_autofree char *key = relevant_key (j->relevant, r);
      guint rank;

      if (g_ptr_array_find_with_equal_func (j->passages, key, g_str_equal, &rank) &&
          rank < MAX_PASSAGES)
        {
          j->n_found++;
          if (j->first_rank == 0 || rank + 1 < j->first_rank)
            j->first_rank = rank + 1;
        }
    }

  for (guint p = 0; j->expect_places != NULL && p < json_array_get_length (j->expect_places); p++)
    if (g_ptr_array_find_with_equal_func (j->places,
                                          json_array_get_string_element (j->expect_places, p),
                                          g_str_equal, NULL))
      j->n_places_found++;
}

static void
run_all (void)
{
  JsonArray *queries = json_object_get_array_member (json_node_get_object (judgements), "queries");
  JsonObject *counts = json_object_get_object_member (json_node_get_object (baseline), "passages");

  judged = g_ptr_array_new_with_free_func ((GDestroyNotify) judged_free);

  for (guint i = 0; i < json_array_get_length (queries); i++)
    {
      JsonObject *q = json_array_get_object_element (queries, i);
      Judged *j = g_new0 (Judged, 1);

      j->query = json_object_get_string_member (q, "query");
      j->klass = json_object_get_string_member (q, "class");
      j->relevant = json_object_get_array_member (q, "relevant");
      j->expect_places = json_object_has_member (q, "expect_places") ?
                         json_object_get_array_member (q, "expect_places") : NULL;
      j->expect_empty = json_object_get_boolean_member_with_default (q, "expect_empty", FALSE);
      j->baseline = json_object_get_int_member_with_default (counts, j->query, -1);

      run_query (j);
      g_ptr_array_add (judged, j);
    }
}

static void
score_class (const char *klass,
             ClassScore *score)
{
  memset (score, 0, sizeof *score);

  for (guint i = 0; i < judged->len; i++)
    {
      const Judged *j = g_ptr_array_index (judged, i);
      guint n_relevant = json_array_get_length (j->relevant);

      if (klass != NULL && !g_str_equal (j->klass, klass))
        continue;

      score->n_queries++;
      if (n_relevant > 0)
        {
          score->n_judged++;
          score->recall_sum += (double) j->n_found / n_relevant;
          score->rr_sum += j->first_rank > 0 ? 1.0 / j->first_rank : 0.0;
        }
      if (j->expect_places != NULL)
        {
          score->n_places += json_array_get_length (j->expect_places);
          score->n_places_found += j->n_places_found;
        }
      if (j->expect_empty && j->passages->len > 0)
        score->n_not_empty++;
      if (is_regression (j))
        score->n_regressed++;
      if (j->error != NULL)
        score->n_errors++;
    }
}

static double
recall_of (const ClassScore *s)
{
  return s->n_judged > 0 ? s->recall_sum / s->n_judged : 1.0;
}

static double
mrr_of (const ClassScore *s)
{
  return s->n_judged > 0 ? s->rr_sum / s->n_judged : 1.0;
}

static void
print_row (const char       *name,
           const ClassScore *s)
{
  g_test_message ("%-15s %7u %6u   %6.3f %6.3f   %3u/%-3u %8u %11u %6u",
                  name, s->n_queries, s->n_judged, recall_of (s), mrr_of (s),
                  s->n_places_found, s->n_places, s->n_not_empty, s->n_regressed, s->n_errors);
}

static void
print_misses (void)
{
  for (guint i = 0; i < judged->len; i++)
    {
      const Judged *j = g_ptr_array_index (judged, i);
      guint n_relevant = json_array_get_length (j->relevant);
      g_autoptr(GString) line = g_string_new (NULL);

      if (j->n_found < n_relevant)
        {
          g_string_append_printf (line, " missing %u/%u:", n_relevant - j->n_found, n_relevant);
          for (guint r = 0; r < n_relevant; r++)
            {
              g_autofree char *key = relevant_key (j->relevant, r);
              guint rank;

              if (!g_ptr_array_find_with_equal_func (j->passages, key, g_str_equal, &rank) ||
                  rank >= MAX_PASSAGES)
                g_string_append_printf (line, " %s", key);
            }
        }
      if (j->expect_places != NULL && j->n_places_found < json_array_get_length (j->expect_places))
        {
          g_string_append (line, " places missing:");
          for (guint p = 0; p < json_array_get_length (j->expect_places); p++)
            {
              const char *place = json_array_get_string_element (j->expect_places, p);

              if (!g_ptr_array_find_with_equal_func (j->places, place, g_str_equal, NULL))
                g_string_append_printf (line, " %s", place);
            }
        }
      if (j->expect_empty && j->passages->len > 0)
        g_string_append_printf (line, " %u passages, expected none", j->passages->len);
      if (is_regression (j))
        g_string_append_printf (line, " %u passages, %" G_GINT64_FORMAT " before",
                                j->passages->len, j->baseline);
      if (j->error != NULL)
        g_string_append_printf (line, " error: %s", j->error);

      if (line->len > 0)
        g_test_message ("  %-14s \"%s\"%s", j->klass, j->query, line->str);
    }
}

/* The judgements themselves: always checked, report-only or not. */
static void
test_judgements (void)
{
  JsonObject *root = json_node_get_object (judgements);
  JsonArray *queries = json_object_get_array_member (root, "queries");
  JsonObject *counts = json_object_get_object_member (json_node_get_object (baseline), "passages");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (json_array_get_length (queries), >=, MIN_QUERIES);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (baseline), "commit"), !=, NULL);

  for (guint c = 0; classes[c] != NULL; c++)
    {
      ClassScore score;

      score_class (classes[c], &score);
      if (score.n_queries < MIN_QUERIES_PER_CLASS)
        g_error ("class %s has %u queries", classes[c], score.n_queries);
    }

  for (guint i = 0; i < json_array_get_length (queries); i++)
    {
      JsonObject *q = json_array_get_object_element (queries, i);
      const char *query = json_object_get_string_member (q, "query");
      const char *klass = json_object_get_string_member (q, "class");
      JsonArray *relevant = json_object_get_array_member (q, "relevant");
      gboolean expect_empty = json_object_get_boolean_member_with_default (q, "expect_empty", FALSE);
      guint n_relevant = json_array_get_length (relevant);

      g_assert_nonnull (query);
      g_assert_true (g_strv_contains (classes, klass));
      g_assert_nonnull (json_object_get_string_member (q, "note"));
      /* Each query once, so that the baseline names it unambiguously. */
      g_assert_true (g_hash_table_add (seen, (gpointer) query));
      g_assert_true (json_object_has_member (counts, query));

      g_assert_cmpuint (n_relevant, <=, MAX_PASSAGES);
      if (g_str_equal (klass, "none"))
        {
          g_assert_true (expect_empty);
          g_assert_cmpuint (n_relevant, ==, 0);
        }
      else
        {
          g_assert_false (expect_empty);
          /* A query without judged passages must at least expect places. */
          g_assert_true (n_relevant > 0 || json_object_has_member (q, "expect_places"));
        }

      for (guint r = 0; r < n_relevant; r++)
        {
          JsonObject *p = json_array_get_object_element (relevant, r);
          const char *document = json_object_get_string_member (p, "document");
          gint64 ordinal = json_object_get_int_member (p, "ordinal");

          if (ordinal < 0 || bri_atlas_lookup_passage (atlas, document, ordinal) == NULL)
            g_error ("\"%s\": no passage %s/%" G_GINT64_FORMAT, query, document, ordinal);
        }

      if (json_object_has_member (q, "expect_places"))
        {
          JsonArray *places = json_object_get_array_member (q, "expect_places");

          g_assert_cmpuint (json_array_get_length (places), >, 0);
          for (guint p = 0; p < json_array_get_length (places); p++)
            {
              const char *id = json_array_get_string_element (places, p);

              if (bri_atlas_lookup_feature (atlas, id) == NULL &&
                  bri_atlas_lookup_country (atlas, id) == NULL)
                g_error ("\"%s\": no place %s", query, id);
            }
        }
    }
}

static void
test_recall (void)
{
  ClassScore all;

  g_test_message ("%-15s %7s %6s   %6s %6s   %7s %8s %11s %6s",
                  "class", "queries", "judged", "rec@5", "MRR", "places", "!empty",
                  "regressions", "errors");
  for (guint c = 0; classes[c] != NULL; c++)
    {
      ClassScore score;

      score_class (classes[c], &score);
      print_row (classes[c], &score);
    }
  score_class (NULL, &all);
  print_row ("all", &all);
  print_misses ();

  g_test_message ("recall@5 %.3f (target %.2f), MRR %.3f", recall_of (&all), MIN_RECALL_AT_5, mrr_of (&all));
  if (!report_only)
    g_assert_cmpfloat (recall_of (&all), >=, MIN_RECALL_AT_5);
}

static void
test_places (void)
{
  ClassScore all;
  double found;

  score_class (NULL, &all);
  found = all.n_places > 0 ? (double) all.n_places_found / all.n_places : 1.0;
  g_test_message ("places found %u/%u (target %.2f)", all.n_places_found, all.n_places, MIN_PLACES_FOUND);
  if (!report_only)
    g_assert_cmpfloat (found, >=, MIN_PLACES_FOUND);
}

/* Counts that must be zero unless only reporting. */
static void
expect_none (guint       n,
             const char *what)
{
  g_test_message ("%u %s", n, what);
  if (!report_only)
    g_assert_cmpuint (n, ==, 0);
}

static void
test_none (void)
{
  ClassScore all;

  score_class (NULL, &all);
  expect_none (all.n_not_empty, "queries that must find nothing found passages");
}

static void
test_baseline (void)
{
  ClassScore all;

  score_class (NULL, &all);
  expect_none (all.n_regressed, "queries found fewer passages than before the rework");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  report_only = test_report_only ();
  atlas = test_atlas ();
  judgements = load_json ("relevance.json");
  baseline = load_json ("relevance-baseline.json");
  run_all ();

  g_test_add_func ("/bri/relevance/judgements", test_judgements);
  g_test_add_func ("/bri/relevance/recall", test_recall);
  g_test_add_func ("/bri/relevance/places", test_places);
  g_test_add_func ("/bri/relevance/none", test_none);
  g_test_add_func ("/bri/relevance/baseline", test_baseline);

  ret = test_atlas_run ();

  g_clear_pointer (&judged, g_ptr_array_unref);
  g_clear_pointer (&judgements, json_node_unref);
  g_clear_pointer (&baseline, json_node_unref);

  return ret;
}
