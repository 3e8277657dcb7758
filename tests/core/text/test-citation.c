/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one citation style, on passages of the built-in documents. */

#include "config.h"

#include <string.h>

#include "bri-atlas.h"
#include "bri-citation.h"
#include "../test-atlas-util.h"


static char *
cite (const char *document,
      guint       ordinal)
{
  BriPassage *passage = bri_atlas_lookup_passage (test_atlas (), document, ordinal);

  g_assert_nonnull (passage);
  return bri_citation_format (passage);
}

static void
test_publisher (void)
{
  g_autofree char *citation = cite ("white-paper-2023", 89);

  g_assert_cmpstr (citation, ==,
                   "The State Council Information Office of the People's Republic of China, "
                   "“The Belt and Road Initiative: A Key Pillar of the Global Community of Shared Future”, "
                   "2023-10, "
                   "III. Promoting All-Round Connectivity in Multiple Fields › 2. Growing connectivity of infrastructure, "
                   "¶ 89");
}

/* A document with an author cites the author, not the journal. */
static void
test_author (void)
{
  g_autofree char *citation = cite ("qiushi-2024", 55);

  g_assert_true (g_str_has_prefix (citation, "Zheng Shanjie, “Boosting High-Quality Belt and Road Cooperation"));
  g_assert_null (strstr (citation, "Qiushi Journal"));
  g_assert_nonnull (strstr (citation, ", 2024-01-05, III. Carrying out"));
  g_assert_true (g_str_has_suffix (citation, "small yet effective wellbeing projects, ¶ 55"));
}

/* No heading above the passage: no empty section between the commas. */
static void
test_no_section (void)
{
  g_autofree char *citation = cite ("progress-2019", 1);

  g_assert_cmpstr (bri_passage_get_heading (bri_atlas_lookup_passage (test_atlas (), "progress-2019", 1)), ==, "");
  g_assert_cmpstr (citation, ==,
                   "Belt and Road Portal, “The Belt and Road Initiative Progress, Contributions and Prospects”, "
                   "2019-04-22, ¶ 1");
}

/* Every passage of every document cites, with its number, and never
 * two commas in a row. */
static void
test_all (void)
{
  for (guint i = 0; i < bri_atlas_get_n_passages (test_atlas ()); i++)
    {
      BriPassage *passage = bri_atlas_get_passage (test_atlas (), i);
      g_autofree char *citation = bri_citation_format (passage);
      g_autofree char *number = g_strdup_printf (", ¶ %u", bri_passage_get_ordinal (passage));

      g_assert_true (g_str_has_suffix (citation, number));
      g_assert_null (strstr (citation, ", ,"));
      g_assert_true (g_str_has_prefix (citation,
                                       bri_document_get_author (bri_passage_get_document (passage)) != NULL
                                       ? bri_document_get_author (bri_passage_get_document (passage))
                                       : bri_document_get_publisher (bri_passage_get_document (passage))));
    }
}

/* A bibliography's entry is a passage's citation without its section
 * and paragraph. */
static void
test_document (void)
{
  BriDocument *paper = bri_atlas_lookup_document (test_atlas (), "white-paper-2023");
  BriDocument *article = bri_atlas_lookup_document (test_atlas (), "qiushi-2024");
  g_autofree char *paper_entry = bri_citation_format_document (paper);
  g_autofree char *article_entry = bri_citation_format_document (article);
  g_autofree char *passage = cite ("qiushi-2024", 55);

  g_assert_cmpstr (paper_entry, ==,
                   "The State Council Information Office of the People's Republic of China, "
                   "“The Belt and Road Initiative: A Key Pillar of the Global Community of Shared Future”, "
                   "2023-10");
  g_assert_true (g_str_has_prefix (article_entry, "Zheng Shanjie, “Boosting High-Quality"));
  g_assert_true (g_str_has_suffix (article_entry, "”, 2024-01-05"));
  g_assert_true (g_str_has_prefix (passage, article_entry));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/citation/publisher", test_publisher);
  g_test_add_func ("/bri/citation/author", test_author);
  g_test_add_func ("/bri/citation/no-section", test_no_section);
  g_test_add_func ("/bri/citation/all", test_all);
  g_test_add_func ("/bri/citation/document", test_document);

  return test_atlas_run ();
}
