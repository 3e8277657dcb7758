/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How long the atlas takes to read its documents: the word list, then
 * loading and cleaning all five texts.  Prints medians over several runs
 * and the passage count of each document. */

#include "config.h"

#include <stdlib.h>

#include "bri-document.h"
#include "bri-text-clean.h"
#include "bench-util.h"

static double
median (GArray *samples)
{
  g_array_sort (samples, bench_compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) dir = g_file_new_for_uri (BRI_DOCUMENTS_RESOURCE_URI);
  g_autoptr(GArray) lexicon_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) clean_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) documents = NULL;
  guint runs = argc > 1 ? (guint) MAX (1, atoi (argv[1])) : 15;
  guint n_passages = 0;
  double total;

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BriLexicon) lexicon = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 step;
      double ms;

      lexicon = bri_lexicon_new_default (&error);
      g_assert_no_error (error);
      ms = ms_since (start);
      g_array_append_val (lexicon_ms, ms);

      step = g_get_monotonic_time ();
      g_clear_pointer (&documents, g_ptr_array_unref);
      documents = bri_document_load_all (dir, lexicon, NULL, &error);
      g_assert_no_error (error);
      ms = ms_since (step);
      g_array_append_val (load_ms, ms);

      ms = ms_since (start);
      g_array_append_val (total_ms, ms);

      /* The cleaning alone, with a lexicon that already knows the corpus. */
      step = g_get_monotonic_time ();
      for (guint d = 0; d < documents->len; d++)
        {
          BriDocument *document = g_ptr_array_index (documents, d);
          g_autofree char *uri = g_strconcat (BRI_DOCUMENTS_RESOURCE_URI "/", bri_document_get_source_file (document), NULL);
          g_autoptr(GFile) file = g_file_new_for_uri (uri);
          g_autofree char *text = NULL;
          g_autoptr(GPtrArray) blocks = NULL;

          g_file_load_contents (file, NULL, &text, NULL, NULL, &error);
          g_assert_no_error (error);
          blocks = bri_text_clean (text, lexicon, bri_document_get_title (document), NULL);
          g_assert_cmpuint (blocks->len, ==, bri_document_get_n_passages (document));
        }
      ms = ms_since (step);
      g_array_append_val (clean_ms, ms);
    }

  g_print ("runs: %u\n", runs);
  g_print ("word list (lexicon_new_default): %.1f ms\n", median (lexicon_ms));
  g_print ("load + clean 5 documents (load_all): %.1f ms\n", median (load_ms));
  g_print ("  of which cleaning (bri_text_clean): %.1f ms\n", median (clean_ms));
  total = median (total_ms);
  g_print ("total, word list included: %.1f ms (min %.1f)\n", total,
           g_array_index (total_ms, double, 0));

  for (guint d = 0; d < documents->len; d++)
    {
      BriDocument *document = g_ptr_array_index (documents, d);

      g_print ("%-18s %4u passages\n", bri_document_get_id (document), bri_document_get_n_passages (document));
      n_passages += bri_document_get_n_passages (document);
    }
  g_print ("%-18s %4u passages\n", "all", n_passages);

  return 0;
}
