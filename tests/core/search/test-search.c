/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bri-search.h"

typedef struct
{
  BriSearchTables *tables;
  BriLinker *linker;
  BriSearch *search;
  GObject   *karot;
  GObject   *kenya;
  GObject   *cpec;
} Fixture;

static const struct {
  const char *text;
  const char *heading;
  const char *context;
} passages[] = {
  /* 0 */ { "The Kalot Hydropower Station in Pakistan supplies clean electricity.", "Energy", "Kalot Hydropower Station ; power station ; Pakistan ; South Asia" },
  /* 1 */ { "Along the China-Pakistan Economic Corridor, roads and ports were built.", "Corridors", "China-Pakistan Economic Corridor ; Pakistan ; South Asia" },
  /* 2 */ { "The railway created jobs for local people in Kenya.", "Panel 1 Mombasa-Nairobi Railway", "Mombasa-Nairobi Railway ; railway ; Kenya ; East Africa" },
  /* 3 */ { "Financial integration deepened among participating countries.", "Finance", "" },
  /* 4 */ { "The port of Piraeus became a hub of the Mediterranean.", "Ports", "Port of Piraeus ; port ; Greece ; Southern Europe" },
  /* 5 */ { "Cooperation on AND, OR and NOT: \"quoted\" (brackets) * star - minus.", "Odd", "" },
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *aliases[] = { "Karot", "Karot Hydropower Project", NULL };

  f->linker = bri_linker_new ();
  f->karot = g_object_new (G_TYPE_OBJECT, NULL);
  f->kenya = g_object_new (G_TYPE_OBJECT, NULL);
  f->cpec = g_object_new (G_TYPE_OBJECT, NULL);
  bri_linker_add_term (f->linker, "Kalot Hydropower Station", BRI_MENTION_FEATURE, f->karot, "karot");
  bri_linker_add_term (f->linker, "Kalot", BRI_MENTION_FEATURE, f->karot, "karot");
  bri_linker_add_term (f->linker, "Karot", BRI_MENTION_FEATURE, f->karot, "karot");
  bri_linker_add_term (f->linker, "Kenya", BRI_MENTION_COUNTRY, f->kenya, "KE");
  bri_linker_add_term (f->linker, "Kenyan", BRI_MENTION_COUNTRY, f->kenya, "KE");
  bri_linker_add_term (f->linker, "China-Pakistan Economic Corridor", BRI_MENTION_FEATURE, f->cpec, "cpec");
  bri_linker_add_term (f->linker, "CPEC", BRI_MENTION_FEATURE, f->cpec, "cpec");

  {
    g_autoptr(GFile) dir = g_file_new_build_filename (g_getenv ("BRI_ATLAS_SOURCE_DATA_DIR"), "search", NULL);

    f->tables = bri_search_tables_new_from_dir (dir, &error);
    g_assert_no_error (error);
  }
  f->search = bri_search_new (f->tables, &error);
  g_assert_no_error (error);
  g_assert_true (bri_search_begin (f->search, &error));
  bri_linker_seal (f->linker);
  bri_search_set_linker (f->search, f->linker);

  for (guint i = 0; i < G_N_ELEMENTS (passages); i++)
    {
      bri_search_add_passage (f->search, "doc", i, passages[i].text, passages[i].heading,
                              "A document", passages[i].context, &error);
      g_assert_no_error (error);
    }

  bri_search_add_place (f->search, BRI_SEARCH_PLACE_FEATURE, "karot", "Kalot Hydropower Station",
                        aliases, "power-station", "Pakistan ; South Asia", &error);
  g_assert_no_error (error);
  bri_search_commit (f->search, TRUE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  bri_search_free (f->search);
  bri_search_tables_unref (f->tables);
  bri_linker_unref (f->linker);
  g_object_unref (f->karot);
  g_object_unref (f->kenya);
  g_object_unref (f->cpec);
}

static GArray *
query (Fixture        *f,
       const char     *q,
       BriSearchFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BriSearchPlan) plan = bri_search_plan (f->search, q, flags);
  GArray *hits = bri_search_query (f->search, BRI_SEARCH_HIT_PASSAGE, plan, 10, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  {
    g_autofree BriSearchHit **all = g_new (BriSearchHit *, hits->len + 1);

    for (guint i = 0; i < hits->len; i++)
      all[i] = &g_array_index (hits, BriSearchHit, i);
    bri_search_add_snippets (f->search, plan, all, hits->len);
  }

  return hits;
}

static void
assert_first (Fixture    *f,
              const char *q,
              guint       expected)
{
  g_autoptr(GArray) hits = query (f, q, BRI_SEARCH_FLAGS_NONE);

  if (hits->len == 0)
    g_error ("“%s” found nothing", q);
  g_assert_cmpstr (g_array_index (hits, BriSearchHit, 0).id, ==, "doc");
  g_assert_cmpuint (g_array_index (hits, BriSearchHit, 0).ordinal, ==, expected);
}

static void
test_alias_expansion (Fixture       *f,
                      gconstpointer  data)
{
  assert_first (f, "Karot", 0);
  assert_first (f, "karot hydropower", 0);
  assert_first (f, "CPEC", 1);
  assert_first (f, "Kenyan railway", 2);
}

static void
test_stemming_and_diacritics (Fixture       *f,
                              gconstpointer  data)
{
  assert_first (f, "financial integration", 3);
  assert_first (f, "ports", 4);
  assert_first (f, "PIRÆUS", 4);
  assert_first (f, "Piráeus", 4);
}

static void
test_prefix (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GArray) none = query (f, "Pira", BRI_SEARCH_FLAGS_NONE);
  g_autoptr(GArray) some = query (f, "Pira", BRI_SEARCH_FLAGS_PREFIX);
  g_autoptr(GArray) trailing = query (f, "Pira ", BRI_SEARCH_FLAGS_PREFIX);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (some->len, ==, 1);
  g_assert_cmpuint (g_array_index (some, BriSearchHit, 0).ordinal, ==, 4);
  /* A finished word is not a prefix. */
  g_assert_cmpuint (trailing->len, ==, 0);
}

static void
test_snippet_ranges (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GArray) hits = query (f, "Piraeus", BRI_SEARCH_FLAGS_NONE);
  BriSearchHit *hit;
  BriSearchRange *r;
  g_autofree char *marked = NULL;

  g_assert_cmpuint (hits->len, ==, 1);
  hit = &g_array_index (hits, BriSearchHit, 0);
  g_assert_nonnull (strstr (hit->snippet, "Piraeus"));
  g_assert_null (strchr (hit->snippet, '\2'));
  g_assert_cmpuint (hit->ranges->len, ==, 1);
  r = &g_array_index (hit->ranges, BriSearchRange, 0);
  marked = g_utf8_substring (hit->snippet, r->start, r->end);
  g_assert_cmpstr (marked, ==, "Piraeus");
  g_assert_cmpfloat (hit->score, >, 0.0);
}

static void
test_hostile_queries (Fixture       *f,
                      gconstpointer  data)
{
  const char *queries[] = {
    "\"", "\"\"", "*", "-", "- -", "NEAR(", "NEAR(a b, 2)", "(((", ")", "a OR", "OR",
    "AND", "NOT", "\"unbalanced", "text:foo", "^start", "+", "col:", "a AND (b",
    "🚄", "", "   ", "'", "''", "\\", "%", "_", ";DROP TABLE passages;--", "B&R",
    "\xff\xfe broken utf8", "a\"b", "{text heading}: x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GArray) a = query (f, queries[i], BRI_SEARCH_FLAGS_NONE);
      g_autoptr(GArray) b = query (f, queries[i], BRI_SEARCH_FLAGS_PREFIX);

      (void) a;
      (void) b;
    }

  /* Operators are words when the user types them. */
  assert_first (f, "AND OR NOT", 5);
  assert_first (f, "\"quoted\" (brackets)", 5);
}

static void
test_match_expression (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BriSearchPlan) plan = bri_search_plan (f->search, "Karot NEAR(", BRI_SEARCH_FLAGS_NONE);
  g_autoptr(BriSearchPlan) none = bri_search_plan (f->search, " *() ", BRI_SEARCH_FLAGS_NONE);
  g_autoptr(GArray) phrase_groups = g_array_new (FALSE, FALSE, sizeof (guint8));
  g_autofree char *match = bri_search_plan_to_match (plan, phrase_groups);
  g_autofree char *empty = bri_search_plan_to_match (none, phrase_groups);
  BriSearchGroup *karot;

  g_assert_nonnull (strstr (match, "\"kalot\""));
  g_assert_nonnull (strstr (match, "\"near\""));
  g_assert_null (strstr (match, "NEAR("));
  karot = g_ptr_array_index (plan->groups, 0);
  g_assert_cmpstr (g_ptr_array_index (karot->targets, 0), ==, "karot");
  g_assert_null (empty);
}

static void
test_places (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BriSearchPlan) plan = bri_search_plan (f->search, "Karot", 0);
  g_autoptr(GArray) hits = bri_search_query (f->search, BRI_SEARCH_HIT_PLACE, plan, 10, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (g_array_index (hits, BriSearchHit, 0).snippet, ==, "Kalot Hydropower Station");
  g_assert_cmpstr (g_array_index (hits, BriSearchHit, 0).id, ==, "karot");
  g_assert_cmpint (g_array_index (hits, BriSearchHit, 0).place_type, ==, BRI_SEARCH_PLACE_FEATURE);
}

/* Records come and go by their ids; nothing else is renumbered. */
static void
test_add_remove (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *linked = "Kalot Hydropower Station ; power station";
  g_autoptr(GArray) before = query (f, "Piraeus", BRI_SEARCH_FLAGS_NONE);
  g_autoptr(GArray) hits = NULL;
  double score;

  g_assert_cmpuint (bri_search_count (f->search, BRI_SEARCH_HIT_PASSAGE), ==, G_N_ELEMENTS (passages));
  g_assert_cmpuint (before->len, ==, 1);

  g_assert_true (bri_search_begin (f->search, &error));
  g_assert_true (bri_search_add_passage (f->search, "new", 7, "A zebra crossing near Kalot, far from Piraeus.", "", "New",
                                         NULL, &error));
  g_assert_true (bri_search_add_place (f->search, BRI_SEARCH_PLACE_COUNTRY, "KE", "Kenya", NULL, "country",
                                       "East Africa", &error));
  g_assert_true (bri_search_commit (f->search, FALSE, &error));
  g_assert_no_error (error);

  hits = query (f, "zebra Karot", BRI_SEARCH_FLAGS_NONE);
  g_assert_cmpuint (hits->len, >=, 1);
  g_assert_cmpstr (g_array_index (hits, BriSearchHit, 0).id, ==, "new");
  g_assert_cmpuint (g_array_index (hits, BriSearchHit, 0).ordinal, ==, 7);
  score = g_array_index (hits, BriSearchHit, 0).score;
  g_clear_pointer (&hits, g_array_unref);

  /* Context changes in place: once the passage is known to be linked to
   * what "Karot" names, a query naming Karot ranks it higher. */
  g_assert_true (bri_search_begin (f->search, &error));
  g_assert_true (bri_search_set_context (f->search, "new", 7, linked, &error));
  g_assert_true (bri_search_commit (f->search, FALSE, &error));
  hits = query (f, "zebra Karot", BRI_SEARCH_FLAGS_NONE);
  g_assert_cmpstr (g_array_index (hits, BriSearchHit, 0).id, ==, "new");
  g_assert_cmpfloat (g_array_index (hits, BriSearchHit, 0).score, >, score);
  g_clear_pointer (&hits, g_array_unref);

  g_assert_true (bri_search_begin (f->search, &error));
  g_assert_true (bri_search_remove_document (f->search, "new", &error));
  g_assert_true (bri_search_remove_place (f->search, BRI_SEARCH_PLACE_COUNTRY, "KE", &error));
  g_assert_true (bri_search_commit (f->search, FALSE, &error));
  g_assert_no_error (error);

  hits = query (f, "zebra", BRI_SEARCH_FLAGS_NONE);
  g_assert_cmpuint (hits->len, ==, 0);
  g_assert_cmpuint (bri_search_count (f->search, BRI_SEARCH_HIT_PASSAGE), ==, G_N_ELEMENTS (passages));
  g_assert_cmpuint (bri_search_count (f->search, BRI_SEARCH_HIT_PLACE), ==, 1);
  g_clear_pointer (&hits, g_array_unref);
  hits = query (f, "Piraeus", BRI_SEARCH_FLAGS_NONE);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (g_array_index (hits, BriSearchHit, 0).ordinal, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/bri/search/alias-expansion", test_alias_expansion);
  ADD ("/bri/search/stemming-diacritics", test_stemming_and_diacritics);
  ADD ("/bri/search/prefix", test_prefix);
  ADD ("/bri/search/snippet-ranges", test_snippet_ranges);
  ADD ("/bri/search/hostile-queries", test_hostile_queries);
  ADD ("/bri/search/match-expression", test_match_expression);
  ADD ("/bri/search/places", test_places);
  ADD ("/bri/search/add-remove", test_add_remove);
#undef ADD

  return g_test_run ();
}
