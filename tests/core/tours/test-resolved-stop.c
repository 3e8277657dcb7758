/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A stop read against the real atlas: the quoted characters and their
 * citation, and a stop whose references the atlas lacks still loads,
 * keeps the rest and says what is missing. */

#include "config.h"

#include <string.h>

#include "bri-citation.h"
#include "bri-resolved-stop.h"
#include "bri-tour.h"
#include "../test-atlas-util.h"


static BriResolvedStop *
resolve (const char *subject,
         const char *quote,
         const char *first_reveal)
{
  g_autoptr(BriLocation) view = bri_location_new_view (25.1, 62.3, 7);
  g_autoptr(BriTourStop) stop = bri_tour_stop_new ("A stop", view);
  const char *reveal[] = { first_reveal, NULL };

  if (subject != NULL)
    {
      g_autoptr(BriLocation) location = bri_location_parse (subject, NULL);
      bri_tour_stop_set_subject (stop, location);
    }
  if (quote != NULL)
    {
      g_autoptr(BriLocation) location = bri_location_parse (quote, NULL);
      bri_tour_stop_set_quote (stop, location);
    }
  bri_tour_stop_set_reveal (stop, reveal);
  bri_tour_stop_set_caption (stop, "Kept.");

  return bri_resolved_stop_new (stop, test_atlas ());
}

static void
test_range (void)
{
  g_autoptr(BriResolvedStop) r = resolve ("feature:gwadar-port", "passage:white-paper-2023/89@4-15", "gwadar-port");
  BriPassage *passage = bri_atlas_lookup_passage (test_atlas (), "white-paper-2023", 89);
  g_autofree char *citation = bri_citation_format (passage);

  g_assert_true (bri_resolved_stop_is_complete (r));
  g_assert_null (bri_resolved_stop_get_missing (r)[0]);
  g_assert_true (bri_resolved_stop_get_passage (r) == passage);
  g_assert_cmpstr (bri_resolved_stop_get_quote_text (r), ==, "Gwadar Port");
  g_assert_cmpstr (bri_resolved_stop_get_citation (r), ==, citation);
  g_assert_cmpstr (bri_resolved_stop_get_subject_name (r), ==, "Gwadar Port");
}

static void
test_whole (void)
{
  g_autoptr(BriResolvedStop) r = resolve ("country:KE", "passage:white-paper-2023/89", NULL);

  g_assert_true (bri_resolved_stop_is_complete (r));
  g_assert_cmpstr (bri_resolved_stop_get_quote_text (r), ==,
                   bri_passage_get_text (bri_atlas_lookup_passage (test_atlas (), "white-paper-2023", 89)));
  g_assert_cmpstr (bri_resolved_stop_get_subject_name (r), ==, "Kenya");
}

/* Ranges count characters, not bytes: "’" is three bytes in UTF-8. */
static void
test_characters (void)
{
  const char *text = bri_passage_get_text (bri_atlas_lookup_passage (test_atlas (), "white-paper-2023", 120));
  const char *china = strstr (text, "China’s Hualong One");
  glong start = g_utf8_pointer_to_offset (text, china);
  g_autofree char *quote = g_strdup_printf ("passage:white-paper-2023/120@%ld-%ld", start, start + 19);
  g_autoptr(BriResolvedStop) r = NULL;

  g_assert_nonnull (china);
  g_assert_cmpuint (strlen ("China’s Hualong One"), ==, 21);
  r = resolve ("passage:white-paper-2023/120", quote, NULL);
  g_assert_cmpstr (bri_resolved_stop_get_quote_text (r), ==, "China’s Hualong One");
  /* A passage as the subject is named by its citation. */
  g_assert_cmpstr (bri_resolved_stop_get_subject_name (r), ==, bri_resolved_stop_get_citation (r));
}

static void
test_missing (void)
{
  g_autoptr(BriResolvedStop) no_document = resolve ("feature:no-such-port", "passage:white-paper-2031/4", "gwadar-port");
  g_autoptr(BriResolvedStop) no_passage = resolve ("country:ZZ", "passage:white-paper-2023/99999", "no-such-line");
  const char * const *missing;

  g_assert_false (bri_resolved_stop_is_complete (no_document));
  missing = bri_resolved_stop_get_missing (no_document);
  g_assert_cmpstr (missing[0], ==, "The place “no-such-port” is not in the atlas.");
  g_assert_cmpstr (missing[1], ==, "The document “white-paper-2031” is not in the atlas.");
  g_assert_null (missing[2]);
  g_assert_null (bri_resolved_stop_get_quote_text (no_document));
  g_assert_null (bri_resolved_stop_get_citation (no_document));
  g_assert_null (bri_resolved_stop_get_passage (no_document));
  g_assert_null (bri_resolved_stop_get_subject_name (no_document));
  /* The rest of the stop is all there. */
  g_assert_cmpstr (bri_tour_stop_get_caption (bri_resolved_stop_get_stop (no_document)), ==, "Kept.");

  missing = bri_resolved_stop_get_missing (no_passage);
  g_assert_cmpstr (missing[0], ==, "The country “ZZ” is not in the atlas.");
  g_assert_cmpstr (missing[1], ==, "The document “white-paper-2023” has no passage 99999.");
  g_assert_cmpstr (missing[2], ==, "The place “no-such-line” is not in the atlas.");
  g_assert_null (missing[3]);
}

/* A range past the end (a passage that got shorter): what is there is
 * quoted, and the shortfall is reported. */
static void
test_range_beyond (void)
{
  g_autoptr(BriResolvedStop) past = resolve (NULL, "passage:white-paper-2023/89@99-400", NULL);
  g_autoptr(BriResolvedStop) after = resolve (NULL, "passage:white-paper-2023/89@300-400", NULL);
  const char *text = bri_passage_get_text (bri_atlas_lookup_passage (test_atlas (), "white-paper-2023", 89));

  g_assert_cmpint (g_utf8_strlen (text, -1), ==, 136);
  g_assert_cmpstr (bri_resolved_stop_get_quote_text (past), ==, "logistics center and industrial base.");
  g_assert_cmpstr (bri_resolved_stop_get_missing (past)[0], ==,
                   "The quoted characters 99–400 are past the end of the passage, which has 136 characters.");
  g_assert_nonnull (bri_resolved_stop_get_citation (past));

  g_assert_cmpstr (bri_resolved_stop_get_quote_text (after), ==, text);
  g_assert_false (bri_resolved_stop_is_complete (after));
}

/* A file made with a newer corpus loads; each stop says what it lacks. */
static void
test_file_with_missing (void)
{
  const char *json =
    "{\"version\": 1, \"id\": \"newer\", \"title\": \"Newer\", \"stops\": ["
    " {\"title\": \"Gone\", \"view\": \"view:1,2,3\", \"subject\": \"feature:port-of-2030\","
    "  \"quote\": \"passage:white-paper-2023/99999@0-10\", \"caption\": \"Still here.\"},"
    " {\"title\": \"Fine\", \"view\": \"view:25.1,62.3,7\", \"quote\": \"passage:white-paper-2023/89@4-15\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(BriTour) tour = bri_tour_new_from_bytes (bytes, "newer.briatour", &error);
  g_autoptr(BriResolvedStop) gone = NULL;
  g_autoptr(BriResolvedStop) fine = NULL;

  g_assert_no_error (error);
  gone = bri_resolved_stop_new (bri_tour_get_stop (tour, 0), test_atlas ());
  fine = bri_resolved_stop_new (bri_tour_get_stop (tour, 1), test_atlas ());
  g_assert_cmpuint (g_strv_length ((char **) bri_resolved_stop_get_missing (gone)), ==, 2);
  g_assert_cmpstr (bri_tour_stop_get_caption (bri_tour_get_stop (tour, 0)), ==, "Still here.");
  g_assert_true (bri_resolved_stop_is_complete (fine));
  g_assert_cmpstr (bri_resolved_stop_get_quote_text (fine), ==, "Gwadar Port");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/resolved-stop/range", test_range);
  g_test_add_func ("/bri/resolved-stop/whole", test_whole);
  g_test_add_func ("/bri/resolved-stop/characters", test_characters);
  g_test_add_func ("/bri/resolved-stop/missing", test_missing);
  g_test_add_func ("/bri/resolved-stop/range-beyond", test_range_beyond);
  g_test_add_func ("/bri/resolved-stop/file-with-missing", test_file_with_missing);

  return test_atlas_run ();
}
