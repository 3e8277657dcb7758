/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search as the user feels it: every query of the judged set typed one
 * character at a time (prefix search, the window's limits), over the
 * built-in corpus and then with 50 imported documents of 50 pages each
 * added.  Prints p50, p99 and the worst keystroke, and the time to add
 * the documents. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "bri-atlas.h"
#include "bench-util.h"

#define N_DOCUMENTS  50
#define PAGE_CHARS   3000
#define N_PAGES      50

static GPtrArray *
judged_queries (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "relevance.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("%s", error->message);
  root = json_parser_get_root (parser);
  array = JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root)
                                       : json_object_get_array_member (json_node_get_object (root), "queries");
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (queries, g_strdup (json_object_get_string_member (json_array_get_object_element (array, i),
                                                                        "query")));

  return queries;
}

/* Every prefix of every query, as the entry sends them. */
static void
measure (BriAtlas   *atlas,
         GPtrArray  *queries,
         const char *label)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint q = 0; q < queries->len; q++)
    {
      const char *query = g_ptr_array_index (queries, q);

      for (const char *end = g_utf8_next_char (query); ; end = g_utf8_next_char (end))
        {
          g_autofree char *typed = g_strndup (query, end - query);
          g_autoptr(GError) error = NULL;
          g_autoptr(BriSearchResults) results = NULL;
          double start = bench_cpu_ms (), ms;

          results = bri_atlas_search (atlas, typed, BRI_SEARCH_FLAGS_PREFIX, 8, 30, &error);
          ms = bench_cpu_ms () - start;
          if (results == NULL)
            g_error ("%s: %s", typed, error->message);
          g_array_append_val (times, ms);
          if (ms > 15 && g_getenv ("BRI_BENCH_SLOW") != NULL)
            printf ("  slow: %.1f ms «%s»\n", ms, typed);
          if (*end == '\0')
            break;
        }
    }

  g_array_sort (times, bench_compare_doubles);
  printf ("%s: %u keystrokes, p50 %.2f ms, p99 %.2f ms, worst %.2f ms\n", label, times->len,
          g_array_index (times, double, times->len / 2),
          g_array_index (times, double, (guint) (times->len * 0.99)),
          g_array_index (times, double, times->len - 1));
}

/* Documents made of the corpus's own sentences, shuffled, so that
 * words, names and links are as dense as in real ones. */
static BriSource *
imported_documents (BriAtlas *atlas)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  GRand *rand = g_rand_new_with_seed (7);
  guint n = bri_atlas_get_n_passages (atlas);

  for (guint d = 0; d < N_DOCUMENTS; d++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *id = g_strdup_printf ("imported-%02u", d);
      g_autofree char *title = g_strdup_printf ("Imported report %u", d + 1);

      g_string_append_printf (text, "%s\n\n", title);
      for (guint page = 0; page < N_PAGES; page++)
        {
          gsize start = text->len;

          g_string_append_printf (text, "Section %u\n\n", page + 1);
          while (text->len - start < PAGE_CHARS)
            {
              BriPassage *passage = bri_atlas_get_passage (atlas, g_rand_int_range (rand, 0, n));

              if (bri_passage_get_kind (passage) == BRI_PASSAGE_HEADING)
                continue;
              g_string_append_printf (text, "%s\n\n", bri_passage_get_text (passage));
            }
        }

      g_ptr_array_add (documents, bri_document_new_from_text (id, title, "A publisher", NULL, "2025-06",
                                                              "report", "imported.txt", text->str, NULL));
    }

  g_rand_free (rand);
  return bri_source_new_for_records ("imported", "Imported documents", documents, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BriAtlas) atlas = bri_atlas_new (NULL);
  GPtrArray *queries = judged_queries ();
  g_autoptr(BriSource) imported = NULL;
  gint64 start;
  guint before;

  if (!bri_atlas_load (atlas, NULL, &error))
    g_error ("%s", error->message);

  measure (atlas, queries, "built-in corpus");

  before = bri_atlas_get_n_passages (atlas);
  start = g_get_monotonic_time ();
  imported = imported_documents (atlas);
  printf ("made %d documents of %d pages in %.0f ms\n", N_DOCUMENTS, N_PAGES,
          (g_get_monotonic_time () - start) / 1000.0);
  start = g_get_monotonic_time ();
  if (!bri_atlas_add_source (atlas, imported, NULL, &error))
    g_error ("%s", error->message);
  printf ("added them (linked and indexed, %u passages more) in %.0f ms\n",
          bri_atlas_get_n_passages (atlas) - before, (g_get_monotonic_time () - start) / 1000.0);

  if (g_getenv ("BRI_BENCH_ONLY") != NULL)
    {
      g_autoptr(GPtrArray) only = g_ptr_array_new ();

      g_ptr_array_add (only, (gpointer) g_getenv ("BRI_BENCH_ONLY"));
      queries = g_steal_pointer (&only);
    }
  measure (atlas, queries, "with 50 imported documents");

  return 0;
}
