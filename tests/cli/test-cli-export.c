/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line's exports, run as users run them: the real
 * executable, no display.  Each kind of file is made and read back; bad
 * formats, names and paths exit with status 2 and say why; a file that
 * cannot be written leaves nothing behind. */

#include "config.h"

#include "../render/pdf-test-util.h"
#include "../test-data-home.h"
#include "cli-test-util.h"

static char *
out_path (const char *name)
{
  g_autofree char *dir = g_build_filename (test_data_home, "exports", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
test_export_map (void)
{
  g_autofree char *png = out_path ("kenya.png");
  g_autofree char *svg = out_path ("kenya.svg");
  g_autofree char *pdf = out_path ("world.pdf");
  g_autoptr(Run) a = run_cli ("--export-map", png, "--country", "KE", "--size", "400x300", "--scale", "2", NULL);
  g_autoptr(Run) b = run_cli ("--export-map", svg, "--view", "-1.5,37.5,6", NULL);
  g_autoptr(Run) c = run_cli ("--export-map", pdf, "--title", "The Belt and Road", NULL);
  cairo_surface_t *surface;
  g_autoptr(GBytes) svg_bytes = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (a->status, ==, 0);
  g_assert_cmpint (b->status, ==, 0);
  g_assert_cmpint (c->status, ==, 0);

  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 600);
  cairo_surface_destroy (surface);

  svg_bytes = read_file (svg);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg_bytes, NULL), -1, "<svg"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg_bytes, NULL), -1, ">Kenya</text>"));

  text = pdf_test_text (pdf);
  g_assert_true (pdf_test_text_contains (text, "The Belt and Road"));
  g_assert_true (pdf_test_text_contains (text, "Natural Earth"));
}

static void
test_export_map_errors (void)
{
  g_autofree char *tiff = out_path ("map.tiff");
  g_autofree char *png = out_path ("bad.png");
  g_autoptr(Run) format = run_cli ("--export-map", tiff, NULL);
  g_autoptr(Run) nowhere = run_cli ("--export-map", "/nonexistent-folder/map.png", NULL);
  g_autoptr(Run) view = run_cli ("--export-map", png, "--view", "95,0,3", NULL);
  g_autoptr(Run) size = run_cli ("--export-map", png, "--size", "800", NULL);
  g_autoptr(Run) country = run_cli ("--export-map", png, "--country", "Atlantis", NULL);
  g_autoptr(Run) both = run_cli ("--export-map", png, "--country", "KE", "--feature", "mombasa-port", NULL);

  g_assert_cmpint (format->status, ==, 2);
  g_assert_nonnull (strstr (format->err, "map.tiff"));
  g_assert_nonnull (strstr (format->err, ".png"));
  g_assert_cmpint (nowhere->status, ==, 2);
  g_assert_nonnull (strstr (nowhere->err, "Cannot write “/nonexistent-folder/map.png”"));
  g_assert_cmpint (view->status, ==, 2);
  g_assert_nonnull (strstr (view->err, "--view"));
  g_assert_cmpint (size->status, ==, 2);
  g_assert_nonnull (strstr (size->err, "--size"));
  g_assert_cmpint (country->status, ==, 2);
  g_assert_nonnull (strstr (country->err, "Atlantis"));
  g_assert_cmpint (both->status, ==, 2);
  g_assert_false (g_file_test (tiff, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
test_tour_handout (void)
{
  g_autofree char *pdf = out_path ("cpec.pdf");
  g_autoptr(Run) run = run_cli ("--tour", "cpec", "--export-pdf", pdf, "--paper", "letter", NULL);
  g_autoptr(Run) paper = run_cli ("--tour", "cpec", "--export-pdf", pdf, "--paper", "a3", NULL);
  g_autoptr(Run) missing = run_cli ("--tour", "no-such-tour", "--export-pdf", pdf, NULL);
  g_autoptr(GPtrArray) outline = NULL;
  g_autofree char *size = NULL;

  g_assert_cmpint (run->status, ==, 0);
  size = pdf_test_info (pdf, "Page size");
  g_assert_cmpstr (size, ==, "612 x 792 pts (letter)");
  outline = pdf_test_outline (pdf);
  /* Title, ten stops, sources. */
  g_assert_cmpuint (outline->len, ==, 12);

  g_assert_cmpint (paper->status, ==, 2);
  g_assert_nonnull (strstr (paper->err, "a3"));
  g_assert_cmpint (missing->status, ==, 2);
  g_assert_nonnull (strstr (missing->err, "--list-tours"));
}

static void
test_documents (void)
{
  g_autofree char *dossier = out_path ("kenya-dossier.pdf");
  g_autofree char *markdown = out_path ("kenya-dossier.md");
  g_autofree char *card = out_path ("gwadar.pdf");
  g_autoptr(Run) a = run_cli ("--country", "KE", "--export-pdf", dossier, NULL);
  g_autoptr(Run) b = run_cli ("--country", "Kenya", "--export-markdown", markdown, NULL);
  g_autoptr(Run) c = run_cli ("--feature", "gwadar-port", "--export-pdf", card, NULL);
  g_autoptr(Run) wrong = run_cli ("--country", "KE", "--export-pdf", markdown, NULL);
  g_autoptr(GBytes) md = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (a->status, ==, 0);
  text = pdf_test_text (dossier);
  g_assert_true (pdf_test_text_contains (text, "Kenya: country dossier"));
  g_assert_cmpint (b->status, ==, 0);
  md = read_file (markdown);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (md, NULL), "# Kenya: country dossier"));
  g_assert_cmpint (c->status, ==, 0);
  g_clear_pointer (&text, g_free);
  text = pdf_test_text (card);
  g_assert_true (pdf_test_text_contains (text, "Gwadar"));
  g_assert_cmpint (wrong->status, ==, 2);
}

static void
test_list_features (void)
{
  g_autofree char *csv = out_path ("ports.csv");
  g_autoptr(Run) geojson = run_cli ("--list-features", "--kind", "port", "--format", "geojson", NULL);
  g_autoptr(Run) kml = run_cli ("--list-features", "--country", "PK", "--format", "kml", NULL);
  g_autoptr(Run) to_file = run_cli ("--list-features", "--kind", "port", "--format", "csv", "--output", csv, NULL);
  g_autoptr(Run) format = run_cli ("--list-features", "--format", "shp", NULL);
  g_autoptr(Run) status = run_cli ("--list-features", "--status", "finished", "--format", "csv", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonArray *features;

  g_assert_cmpint (geojson->status, ==, 0);
  json_parser_load_from_data (parser, geojson->out, -1, &error);
  g_assert_no_error (error);
  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "features");
  g_assert_cmpuint (json_array_get_length (features), >, 5);
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *props = json_object_get_object_member (json_array_get_object_element (features, i), "properties");

      g_assert_cmpstr (json_object_get_string_member (props, "kind"), ==, "port");
    }

  g_assert_cmpint (kml->status, ==, 0);
  g_assert_nonnull (strstr (kml->out, "<kml xmlns=\"http://www.opengis.net/kml/2.2\">"));
  g_assert_nonnull (strstr (kml->out, "Gwadar"));

  g_assert_cmpint (to_file->status, ==, 0);
  g_assert_cmpstr (to_file->out, ==, "");
  bytes = read_file (csv);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "id,name,kind,status,year,"));

  g_assert_cmpint (format->status, ==, 2);
  g_assert_nonnull (strstr (format->err, "shp"));
  g_assert_cmpint (status->status, ==, 2);
  g_assert_nonnull (strstr (status->err, "operational"));
}

static void
test_passages (void)
{
  g_autofree char *country = out_path ("kenya-passages.csv");
  g_autofree char *search = out_path ("gwadar-passages.csv");
  g_autoptr(Run) a = run_cli ("--country", "KE", "--export-passages", country, NULL);
  g_autoptr(Run) b = run_cli ("--search", "Gwadar", "--export-passages", search, NULL);
  g_autoptr(Run) c = run_cli ("--search", "Gwadar", "--export-passages", "/nonexistent-folder/p.csv", NULL);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpint (a->status, ==, 0);
  bytes = read_file (country);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL),
                                   "document_id,document,date,section,ordinal,text,mentioned_places,citation\r\n"));
  g_assert_cmpint (b->status, ==, 0);
  g_assert_true (g_file_test (search, G_FILE_TEST_EXISTS));
  g_assert_cmpint (c->status, ==, 2);
}

static void
remove_exports (void)
{
  g_autofree char *dir = g_build_filename (test_data_home, "exports", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_no_errno (g_unlink (path));
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_data_home_setup ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/cli-export/map", test_export_map);
  g_test_add_func ("/bri/cli-export/map-errors", test_export_map_errors);
  g_test_add_func ("/bri/cli-export/tour-handout", test_tour_handout);
  g_test_add_func ("/bri/cli-export/documents", test_documents);
  g_test_add_func ("/bri/cli-export/list-features", test_list_features);
  g_test_add_func ("/bri/cli-export/passages", test_passages);

  status = g_test_run ();
  remove_exports ();
  test_data_home_teardown ();
  return status;
}
