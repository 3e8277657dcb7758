/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The documents, read back with poppler-utils as a reader would: every
 * built-in tour's handout holds each stop's quote and citation, one
 * outline entry per stop, links to its bibliography and maps that are not
 * blank, on A4 and on US Letter; a stop whose passage the atlas lacks
 * says so; document text is never markup.  The country dossier as PDF
 * and Markdown, and a place's card. */

#include "config.h"

#include "bri-citation.h"
#include "bri-country-dossier.h"
#include "bri-feature-sheet.h"
#include "bri-handout.h"
#include "bri-resolved-stop.h"
#include "bri-tour-library.h"
#include "pdf-test-util.h"
#include "../core/test-atlas-util.h"

static BriTour *
builtin_tour (const char *id)
{
  g_autoptr(BriTourLibrary) library = bri_tour_library_new (NULL);
  g_autoptr(GError) error = NULL;
  BriTour *tour;

  bri_tour_library_load (library, NULL, &error);
  g_assert_no_error (error);
  tour = bri_tour_library_lookup (library, id);
  g_assert_nonnull (tour);
  return g_object_ref (tour);
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

/* Everything a handout of @tour must hold, checked in @path's text,
 * outline and destinations. */
static void
check_handout (BriTour    *tour,
               const char *path)
{
  g_autofree char *text = pdf_test_text (path);
  g_autoptr(GPtrArray) outline = pdf_test_outline (path);
  g_autofree char *pages = pdf_test_info (path, "Pages");
  const char *argv[] = { "pdfinfo", "-dests", path, NULL };
  g_autofree char *dests = pdf_test_tool (argv);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (tour));
  g_autoptr(GArray) ink = pdf_test_ink (path);
  double stop_ink = 1.0, last_ink;

  g_assert_true (pdf_test_text_contains (text, bri_tour_get_title (tour)));
  g_assert_cmpint (atoi (pages), >=, n + 2);

  /* The title page's entry, one per stop, the bibliography's. */
  g_assert_cmpuint (outline->len, ==, n + 2);
  g_assert_cmpstr (g_ptr_array_index (outline, 0), ==, bri_tour_get_title (tour));
  g_assert_cmpstr (g_ptr_array_index (outline, n + 1), ==, "Sources");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriTourStop) stop = g_list_model_get_item (G_LIST_MODEL (tour), i);
      g_autoptr(BriResolvedStop) resolved = bri_resolved_stop_new (stop, test_atlas ());
      g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1, bri_tour_stop_get_title (stop));
      g_autofree char *dest = g_strdup_printf ("\"stop-%u\"", i + 1);

      g_assert_true (bri_resolved_stop_is_complete (resolved));
      g_assert_cmpstr (g_ptr_array_index (outline, i + 1), ==, heading);
      g_assert_true (pdf_test_text_contains (text, heading));
      if (!pdf_test_text_contains (text, bri_resolved_stop_get_quote_text (resolved)))
        g_error ("stop %u's quote is not in the handout: %s", i + 1, bri_resolved_stop_get_quote_text (resolved));
      if (!pdf_test_text_contains (text, bri_resolved_stop_get_citation (resolved)))
        g_error ("stop %u's citation is not in the handout: %s", i + 1, bri_resolved_stop_get_citation (resolved));
      if (!pdf_test_text_contains (text, bri_tour_stop_get_caption (stop)))
        g_error ("stop %u's caption is not in the handout: %s", i + 1, bri_tour_stop_get_caption (stop));
      g_assert_nonnull (strstr (dests, dest));

      /* The stop's page carries its map: far more ink than text alone. */
      stop_ink = MIN (stop_ink, g_array_index (ink, double, i + 1));
    }

  g_assert_cmpuint (ink->len, ==, atoi (pages));
  last_ink = g_array_index (ink, double, ink->len - 1);
  g_test_message ("least ink on a stop's page: %.3f; on the bibliography's: %.3f", stop_ink, last_ink);
  g_assert_cmpfloat (stop_ink, >, 0.05);
  g_assert_cmpfloat (stop_ink, >, 2 * last_ink);
  /* The title page's map of every stop. */
  g_assert_cmpfloat (g_array_index (ink, double, 0), >, 0.05);

  /* Each citation links to its source in the bibliography. */
  g_assert_nonnull (strstr (dests, "\"source-1\""));
  g_assert_true (pdf_test_text_contains (text, "[1]"));
}

static void
test_handouts (void)
{
  const char * const ids[] = { "cpec", "maritime-silk-road-ports", "china-europe-rail" };

  for (guint t = 0; t < G_N_ELEMENTS (ids); t++)
    {
      g_autoptr(BriTour) tour = builtin_tour (ids[t]);
      g_autoptr(BriHandout) handout = bri_handout_new (tour, test_atlas ());
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *path = NULL;
      g_autofree char *name = g_strdup_printf ("handout-%s.pdf", ids[t]);
      g_autofree char *size = NULL;
      double progress = 0.0;
      guint n_links = 0;

      g_test_message ("tour %s", ids[t]);
      g_assert_cmpuint (bri_handout_get_n_stops (handout), ==, g_list_model_get_n_items (G_LIST_MODEL (tour)));
      pdf = bri_handout_to_pdf (handout, NULL, on_progress_cb, &progress, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (progress, ==, 1.0);
      pdf_test_keep (pdf, name);

      path = pdf_test_save_temp (pdf, ".pdf");
      check_handout (tour, path);
      size = pdf_test_info (path, "Page size");
      g_assert_nonnull (strstr (size, "(A4)"));

      /* A link per citation and per line of the contents (the PDF has
       * binary streams: search it as bytes). */
      {
        gsize size;
        const char *data = g_bytes_get_data (pdf, &size);
        const char *end = data + size;
        const char *needle = "/Subtype /Link";

        for (const char *p = data; p + strlen (needle) <= end; p++)
          n_links += memcmp (p, needle, strlen (needle)) == 0;
      }
      g_assert_cmpuint (n_links, >=, 2 * bri_handout_get_n_stops (handout));
      g_unlink (path);
    }
}

static void
test_handout_letter_no_notes (void)
{
  g_autoptr(BriTour) tour = builtin_tour ("cpec");
  g_autoptr(BriHandout) handout = bri_handout_new (tour, test_atlas ());
  g_autoptr(BriTourStop) first = g_list_model_get_item (G_LIST_MODEL (tour), 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *size = NULL;

  bri_handout_set_paper (handout, BRI_PAPER_LETTER);
  bri_handout_set_notes (handout, FALSE);
  pdf = bri_handout_to_pdf (handout, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  path = pdf_test_save_temp (pdf, ".pdf");

  size = pdf_test_info (path, "Page size");
  g_assert_cmpstr (size, ==, "612 x 792 pts (letter)");
  text = pdf_test_text (path);
  g_assert_false (pdf_test_text_contains (text, bri_tour_stop_get_notes (first)));
  g_assert_false (pdf_test_text_contains (text, "Notes for the teacher"));
  check_handout (tour, path);
  g_unlink (path);
}

/* A stop made with a newer corpus: the handout says what is missing; and
 * a caption with markup characters prints them as they are. */
static void
test_handout_missing_and_markup (void)
{
  g_autoptr(BriTour) tour = bri_tour_new ("odd", "Odd <b>tour</b> & co");
  g_autoptr(BriLocation) view = bri_location_new_view (-4.05, 39.66, 8);
  g_autoptr(BriLocation) quote = bri_location_new_passage ("no-such-document", 3);
  g_autoptr(BriTourStop) stop = bri_tour_stop_new ("A <i>stop</i> & more", view);
  g_autoptr(BriHandout) handout = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) outline = NULL;

  bri_tour_stop_set_caption (stop, "Fish & chips <at> \"Mombasa\"");
  bri_tour_stop_set_quote (stop, quote);
  bri_tour_append_stop (tour, stop);

  handout = bri_handout_new (tour, test_atlas ());
  pdf = bri_handout_to_pdf (handout, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  path = pdf_test_save_temp (pdf, ".pdf");
  text = pdf_test_text (path);

  g_assert_true (pdf_test_text_contains (text, "Odd <b>tour</b> & co"));
  g_assert_true (pdf_test_text_contains (text, "1. A <i>stop</i> & more"));
  g_assert_true (pdf_test_text_contains (text, "Fish & chips <at> \"Mombasa\""));
  g_assert_true (pdf_test_text_contains (text, "“no-such-document” is not in the atlas"));
  /* No passage, no bibliography: the title page and the stop. */
  outline = pdf_test_outline (path);
  g_assert_cmpuint (outline->len, ==, 2);
  g_unlink (path);
}

static void
test_handout_cancelled (void)
{
  g_autoptr(BriTour) tour = builtin_tour ("cpec");
  g_autoptr(BriHandout) handout = bri_handout_new (tour, test_atlas ());
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  g_cancellable_cancel (cancellable);
  pdf = bri_handout_to_pdf (handout, cancellable, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (pdf);
}

static void
test_dossier (void)
{
  BriCountry *kenya = bri_atlas_lookup_country (test_atlas (), "KE");
  g_autoptr(BriCountryDossier) dossier = bri_country_dossier_new (test_atlas (), kenya);
  g_autoptr(GListModel) passages = bri_atlas_get_country_passages (test_atlas (), kenya);
  g_autoptr(BriPassage) first = g_list_model_get_item (passages, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) markdown = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *citation = bri_citation_format (first);
  g_autoptr(GPtrArray) outline = NULL;
  g_autoptr(GArray) ink = NULL;
  const char *md;

  pdf = bri_country_dossier_to_pdf (dossier, NULL, &error);
  g_assert_no_error (error);
  pdf_test_keep (pdf, "dossier-kenya.pdf");
  path = pdf_test_save_temp (pdf, ".pdf");
  text = pdf_test_text (path);

  g_assert_true (pdf_test_text_contains (text, "Kenya: country dossier"));
  g_assert_true (pdf_test_text_contains (text, "Port of Mombasa — Operational"));
  g_assert_true (pdf_test_text_contains (text, "Ports"));
  g_assert_true (pdf_test_text_contains (text, bri_passage_get_text (first)));
  g_assert_true (pdf_test_text_contains (text, citation));
  ink = pdf_test_ink (path);
  g_assert_cmpfloat (g_array_index (ink, double, 0), >, 0.05);
  outline = pdf_test_outline (path);
  g_assert_cmpuint (outline->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (outline, 1), ==, "Places");
  g_assert_cmpstr (g_ptr_array_index (outline, 2), ==, "Passages");
  g_unlink (path);

  markdown = bri_country_dossier_to_markdown (dossier);
  pdf_test_keep (markdown, "dossier-kenya.md");
  md = g_bytes_get_data (markdown, NULL);
  g_assert_true (g_str_has_prefix (md, "# Kenya: country dossier\n"));
  g_assert_nonnull (strstr (md, "\n## Places\n"));
  g_assert_nonnull (strstr (md, "\n### Ports\n"));
  g_assert_nonnull (strstr (md, "\n- **Port of Mombasa** — Operational"));
  g_assert_nonnull (strstr (md, "\n## Passages\n"));
  g_assert_nonnull (strstr (md, "\n> **1.** "));
  g_assert_true (g_utf8_validate (md, g_bytes_get_size (markdown), NULL));
}

static void
test_feature_sheet (void)
{
  BriFeature *sgr = bri_atlas_lookup_feature (test_atlas (), "mombasa-nairobi-sgr");
  g_autoptr(BriFeatureSheet) sheet = bri_feature_sheet_new (test_atlas (), sgr);
  g_autoptr(GListModel) passages = bri_atlas_get_feature_passages (test_atlas (), sgr);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) ink = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (passages), >, 0);
  pdf = bri_feature_sheet_to_pdf (sheet, NULL, &error);
  g_assert_no_error (error);
  pdf_test_keep (pdf, "card-mombasa-nairobi-sgr.pdf");
  path = pdf_test_save_temp (pdf, ".pdf");
  text = pdf_test_text (path);

  g_assert_true (pdf_test_text_contains (text, bri_feature_get_name (sgr)));
  g_assert_true (pdf_test_text_contains (text, "Status: Operational"));
  g_assert_true (pdf_test_text_contains (text, "Countries: Kenya"));
  g_assert_true (pdf_test_text_contains (text, bri_feature_get_description (sgr)));
  for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
    {
      g_autoptr(BriPassage) passage = g_list_model_get_item (passages, i);
      g_autofree char *citation = bri_citation_format (passage);

      g_assert_true (pdf_test_text_contains (text, bri_passage_get_text (passage)));
      g_assert_true (pdf_test_text_contains (text, citation));
    }
  ink = pdf_test_ink (path);
  g_assert_cmpfloat (g_array_index (ink, double, 0), >, 0.05);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/handout/built-in-tours", test_handouts);
  g_test_add_func ("/bri/handout/letter-no-notes", test_handout_letter_no_notes);
  g_test_add_func ("/bri/handout/missing-and-markup", test_handout_missing_and_markup);
  g_test_add_func ("/bri/handout/cancelled", test_handout_cancelled);
  g_test_add_func ("/bri/country-dossier/pdf-and-markdown", test_dossier);
  g_test_add_func ("/bri/feature-sheet/pdf", test_feature_sheet);

  return test_atlas_run ();
}
