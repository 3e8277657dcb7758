/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures what the README reports: loading, linking and indexing the
 * whole atlas, linking the corpus alone, search latency over a set of
 * queries (p50/p99), and peak RSS. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bri-atlas.h"
#include "bri-linker.h"
#include "bench-util.h"

static const char *queries[] = {
  "Piraeus", "Karot", "CPEC", "Kenyan railway", "financial integration",
  "China-Laos Railway", "Gwadar", "Mombasa", "pipeline", "economic corridor",
  "Khorgos", "Hambantota", "solar", "Belt and Road Forum", "CR Express",
  "Pelješac", "Kyaukpyu", "Jakarta Bandung", "power station", "TEU",
  "Pira", "Kaz", "rail", "\"NEAR((", "zone", "Zheng He", "Chang'an",
  "Budapest Belgrade", "Lianyungang", "industrial park",
};

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

int
main (int   argc,
      char *argv[])
{
  const int runs = 5;
  double load[5];
  g_autoptr(BriAtlas) atlas = NULL;
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  const BriAtlasTimings *t;
  double link_only[5];
  guint n_passages;

  for (int r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      g_clear_object (&atlas);
      atlas = bri_atlas_new (NULL);
      if (!bri_atlas_load (atlas, NULL, &error))
        g_error ("%s", error->message);
      load[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (load, runs, sizeof (double), bench_compare_doubles);
  t = bri_atlas_get_timings (atlas);

  /* Linking alone: every passage against the names the load used. */
  n_passages = bri_atlas_get_n_passages (atlas);
  for (int r = 0; r < runs; r++)
    {
      BriLinker *linker = bri_atlas_get_linker (atlas);
      gint64 start;
      guint n_mentions = 0;

      start = g_get_monotonic_time ();
      for (guint p = 0; p < n_passages; p++)
        {
          g_autoptr(GPtrArray) m = bri_linker_find (linker, bri_passage_get_text (bri_atlas_get_passage (atlas, p)), -1, FALSE);
          n_mentions += m->len;
        }
      link_only[r] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpuint (n_mentions, >, 0);
    }
  qsort (link_only, runs, sizeof (double), bench_compare_doubles);

  for (int round = 0; round < 20; round++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GListModel) results = NULL;
        gint64 start = g_get_monotonic_time ();
        double ms;

        results = G_LIST_MODEL (bri_atlas_search (atlas, queries[q], BRI_SEARCH_FLAGS_PREFIX, 20, 20, &error));
        g_assert_no_error (error);
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (latencies, ms);
      }
  g_array_sort (latencies, bench_compare_doubles);

  printf ("passages: %u, features: %u, countries: %u\n", n_passages,
          g_list_model_get_n_items (bri_atlas_get_features (atlas)),
          g_list_model_get_n_items (bri_atlas_get_countries (atlas)));
  printf ("load+link+index (median of %d): %.1f ms (min %.1f, max %.1f)\n", runs, load[runs / 2], load[0], load[runs - 1]);
  printf ("  last run: documents %.1f ms, gazetteer %.1f ms, countries %.1f ms, link %.1f ms, index %.1f ms\n",
          t->documents_ms, t->gazetteer_ms, t->countries_ms, t->link_ms, t->index_ms);
  printf ("  then on the main thread, the models take it all: %.2f ms\n", t->apply_ms);
  printf ("link whole corpus (median of %d): %.2f ms\n", runs, link_only[runs / 2]);
  printf ("search latency over %u queries: p50 %.3f ms, p99 %.3f ms, max %.3f ms\n", latencies->len,
          g_array_index (latencies, double, latencies->len / 2),
          g_array_index (latencies, double, (latencies->len * 99) / 100),
          g_array_index (latencies, double, latencies->len - 1));
  printf ("peak RSS: %.1f MB\n", peak_rss_kb () / 1024.0);

  return 0;
}
