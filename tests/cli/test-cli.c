/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line, run as users run it: the real executable, no display. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "../test-data-home.h"
#include "cli-test-util.h"

static const char *
str (JsonObject *o,
     const char *member)
{
  g_assert_true (json_object_has_member (o, member));
  return json_object_get_string_member (o, member);
}

static void
check_passage_keys (JsonObject *o)
{
  const char *keys[] = { "document", "source_file", "title", "date", "ordinal", "heading",
                         "text", "snippet", "score", "mentions" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!json_object_has_member (o, keys[i]))
      g_error ("passage without “%s”", keys[i]);
}

static void
test_search_piraeus (void)
{
  g_autoptr(Run) run = run_cli ("--search", "Piraeus", "--json", NULL);
  guint n_passages = 0;

  g_assert_cmpint (run->status, ==, 0);
  for (guint i = 0; i < run->objects->len; i++)
    {
      JsonObject *o = g_ptr_array_index (run->objects, i);

      if (!g_str_equal (str (o, "type"), "passage"))
        continue;
      check_passage_keys (o);
      n_passages++;
      g_assert_nonnull (strstr (str (o, "text"), "Piraeus"));
      g_assert_nonnull (strstr (str (o, "snippet"), "Piraeus"));
      g_assert_cmpfloat (json_object_get_double_member (o, "score"), >, 0);
    }
  g_assert_cmpuint (n_passages, >, 0);
}

static void
test_search_plain (void)
{
  g_autoptr(Run) run = run_cli ("--search", "Piraeus", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "Piraeus"));
  g_assert_nonnull (strstr (run->out, "white-paper-2023"));
}

static void
test_country_kenya (void)
{
  g_autoptr(Run) run = run_cli ("--country", "KE", "--json", NULL);
  JsonObject *first;
  gboolean railway = FALSE;
  guint n_passages = 0;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpuint (run->objects->len, >, 2);
  first = g_ptr_array_index (run->objects, 0);
  g_assert_cmpstr (str (first, "type"), ==, "country");
  g_assert_cmpstr (str (first, "code"), ==, "KE");
  g_assert_cmpstr (str (first, "name"), ==, "Kenya");

  for (guint i = 1; i < run->objects->len; i++)
    {
      JsonObject *o = g_ptr_array_index (run->objects, i);

      if (g_str_equal (str (o, "type"), "feature"))
        {
          JsonObject *geometry = json_object_get_object_member (o, "geometry");

          g_assert_nonnull (geometry);
          g_assert_true (json_object_has_member (geometry, "coordinates"));
          if (strstr (str (o, "name"), "Mombasa") && strstr (str (o, "name"), "Nairobi"))
            {
              railway = TRUE;
              g_assert_cmpstr (str (o, "kind"), ==, "railway");
              g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "passages")), >, 0);
            }
        }
      else
        {
          g_assert_cmpstr (str (o, "type"), ==, "passage");
          check_passage_keys (o);
          n_passages++;
        }
    }

  g_assert_true (railway);
  g_assert_cmpuint (n_passages, >, 0);
}

static void
test_country_by_demonym (void)
{
  g_autoptr(Run) run = run_cli ("--country", "Kenyan", "--json", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (str (g_ptr_array_index (run->objects, 0), "code"), ==, "KE");
}

static void
test_unknown (void)
{
  g_autoptr(Run) feature = run_cli ("--feature", "piraeus-prot", NULL);
  g_autoptr(Run) country = run_cli ("--country", "Kenia", NULL);

  g_assert_cmpint (feature->status, ==, 2);
  g_assert_nonnull (strstr (feature->err, "piraeus-prot"));
  g_assert_nonnull (strstr (feature->err, "Did you mean"));
  g_assert_nonnull (strstr (feature->err, "piraeus"));
  g_assert_cmpstr (feature->out, ==, "");

  g_assert_cmpint (country->status, ==, 2);
  g_assert_nonnull (strstr (country->err, "KE (Kenya)"));
}

static void
test_feature (void)
{
  g_autoptr(Run) list = run_cli ("--list-features", "--kind", "port", "--country", "GR", "--json", NULL);
  g_autoptr(Run) one = NULL;
  const char *id;

  g_assert_cmpint (list->status, ==, 0);
  g_assert_cmpuint (list->objects->len, >=, 1);
  id = str (g_ptr_array_index (list->objects, 0), "id");
  g_assert_cmpstr (str (g_ptr_array_index (list->objects, 0), "kind"), ==, "port");

  one = run_cli ("--feature", id, "--json", NULL);
  g_assert_cmpint (one->status, ==, 0);
  g_assert_cmpstr (str (g_ptr_array_index (one->objects, 0), "id"), ==, id);
  g_assert_cmpuint (one->objects->len, >, 1);
}

static void
test_list_documents (void)
{
  g_autoptr(Run) run = run_cli ("--list-documents", "--json", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpuint (run->objects->len, ==, 5);
  g_assert_cmpstr (str (g_ptr_array_index (run->objects, 0), "id"), ==, "forum-2017");
}

static void
test_hostile (void)
{
  g_autoptr(Run) a = run_cli ("--search", "\"NEAR((", "--json", NULL);
  g_autoptr(Run) b = run_cli ("--search", "", NULL);
  g_autoptr(Run) c = run_cli ("--limit", "-3", "--search", "x", NULL);
  g_autoptr(Run) d = run_cli ("--search", "x", "--feature", "y", NULL);

  g_assert_cmpint (a->status, ==, 0);
  g_assert_cmpint (b->status, ==, 0);
  g_assert_cmpint (c->status, ==, 2);
  g_assert_cmpint (d->status, ==, 2);
}

/* Tours.  The executable inherits a temporary $XDG_DATA_HOME, emptied of
 * user tours before each case (test_data_home_add). */

static JsonObject *
object_at (Run   *run,
           guint  index)
{
  g_assert_cmpuint (index, <, run->objects->len);
  return g_ptr_array_index (run->objects, index);
}

static void
test_list_tours (gpointer      fixture,
                 gconstpointer data)
{
  g_autoptr(Run) json = run_cli ("--list-tours", "--json", NULL);
  g_autoptr(Run) plain = run_cli ("--list-tours", NULL);
  gboolean cpec = FALSE;

  g_assert_cmpint (json->status, ==, 0);
  g_assert_cmpuint (json->objects->len, >=, 3);
  for (guint i = 0; i < json->objects->len; i++)
    {
      JsonObject *o = object_at (json, i);

      g_assert_cmpstr (str (o, "type"), ==, "tour");
      g_assert_cmpstr (str (o, "source"), ==, "built-in");
      g_assert_cmpint (json_object_get_int_member (o, "stops"), >=, 6);
      if (g_str_equal (str (o, "id"), "cpec"))
        {
          cpec = TRUE;
          g_assert_cmpint (json_object_get_int_member (o, "stops"), ==, 10);
          g_assert_true (g_str_has_prefix (str (o, "title"), "The China–Pakistan Economic Corridor"));
        }
    }
  g_assert_true (cpec);

  g_assert_cmpint (plain->status, ==, 0);
  g_assert_nonnull (strstr (plain->out, "cpec  The China–Pakistan Economic Corridor"));
  g_assert_nonnull (strstr (plain->out, "    10 stops · built-in\n"));
}

static void
test_tour_json (gpointer      fixture,
                gconstpointer data)
{
  g_autoptr(Run) run = run_cli ("--tour", "cpec", "--json", NULL);
  JsonObject *tour, *second, *quote;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpuint (run->objects->len, ==, 11);
  tour = object_at (run, 0);
  g_assert_cmpstr (str (tour, "type"), ==, "tour");
  g_assert_cmpstr (str (tour, "id"), ==, "cpec");
  g_assert_cmpstr (str (tour, "language"), ==, "en");

  for (guint i = 1; i < run->objects->len; i++)
    {
      JsonObject *stop = object_at (run, i);

      g_assert_cmpstr (str (stop, "type"), ==, "stop");
      g_assert_cmpint (json_object_get_int_member (stop, "index"), ==, i);
      quote = json_object_get_object_member (stop, "quote");
      g_assert_nonnull (quote);
      g_assert_cmpuint (strlen (str (quote, "text")), >, 20);
      g_assert_nonnull (strstr (str (quote, "citation"), ", ¶ "));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (stop, "missing")), ==, 0);
    }

  /* The build-up stop, and its quote as the atlas gives it. */
  second = object_at (run, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (second, "reveal")), ==, 3);
  quote = json_object_get_object_member (second, "quote");
  g_assert_cmpstr (str (quote, "document"), ==, "white-paper-2023");
  g_assert_cmpint (json_object_get_int_member (quote, "ordinal"), ==, 76);
  g_assert_true (g_str_has_prefix (str (quote, "text"), "The Peshawar-Karachi Motorway (Sukkur-Multan section)"));
  g_assert_true (g_str_has_suffix (str (quote, "text"), "are all open to traffic."));
  g_assert_true (g_str_has_prefix (str (quote, "citation"), "The State Council Information Office"));
}

static void
test_tour_plain (gpointer      fixture,
                 gconstpointer data)
{
  g_autoptr(Run) run = run_cli ("--tour", "maritime-silk-road-ports", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "\n1. A road at sea\n"));
  g_assert_nonnull (strstr (run->out, "    “The annual throughput of bulk cargo at Hambantota Port in Sri Lanka has increased to 1.21 million tonnes.”\n"));
  g_assert_nonnull (strstr (run->out, "    Reveals: kyaukphyu-deep-sea-port, gwadar-port, piraeus-port\n"));
}

/* Export, import under a new id, list, show: the same stops. */
static void
test_tour_export_import (gpointer      fixture,
                         gconstpointer data)
{
  g_autofree char *kml = g_build_filename (g_get_tmp_dir (), "cpec.kml", NULL);
  g_autoptr(Run) export = run_cli ("--tour", "cpec", "--export-kml", kml, NULL);
  g_autoptr(Run) import = NULL;
  g_autoptr(Run) list = NULL;
  g_autoptr(Run) original = NULL;
  g_autoptr(Run) copy = NULL;
  g_autofree char *text = NULL;
  gboolean listed = FALSE;

  g_assert_cmpint (export->status, ==, 0);
  g_assert_true (g_file_get_contents (kml, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<gx:Tour>"));
  g_assert_nonnull (strstr (text, "<gx:balloonVisibility>1</gx:balloonVisibility>"));

  import = run_cli ("--import-tour", kml, NULL);
  g_assert_cmpstr (import->err, ==, "");
  g_assert_cmpint (import->status, ==, 0);
  g_assert_cmpstr (import->out, ==, "cpec-2\n");

  list = run_cli ("--list-tours", "--json", NULL);
  for (guint i = 0; i < list->objects->len; i++)
    if (g_str_equal (str (object_at (list, i), "id"), "cpec-2"))
      {
        listed = TRUE;
        g_assert_cmpstr (str (object_at (list, i), "source"), ==, "user");
        g_assert_true (g_str_has_suffix (str (object_at (list, i), "file"), "/bri-atlas/tours/cpec-2.briatour"));
      }
  g_assert_true (listed);

  original = run_cli ("--tour", "cpec", "--json", NULL);
  copy = run_cli ("--tour", "cpec-2", "--json", NULL);
  g_assert_cmpuint (copy->objects->len, ==, original->objects->len);
  for (guint i = 1; i < copy->objects->len; i++)
    {
      g_assert_cmpstr (str (object_at (copy, i), "title"), ==, str (object_at (original, i), "title"));
      g_assert_cmpstr (str (object_at (copy, i), "caption"), ==, str (object_at (original, i), "caption"));
      g_assert_cmpstr (str (json_object_get_object_member (object_at (copy, i), "quote"), "text"), ==,
                       str (json_object_get_object_member (object_at (original, i), "quote"), "text"));
    }

  g_assert_no_errno (g_unlink (kml));
}

/* A tour file given by its path; a KML file's skipped parts on stderr. */
static void
test_tour_file (gpointer      fixture,
                gconstpointer data)
{
  g_autofree char *marble = g_test_build_filename (G_TEST_DIST, "data", "tours", "marble-tour.kml", NULL);
  g_autoptr(Run) run = run_cli ("--tour", marble, "--json", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpuint (run->objects->len, ==, 3);
  g_assert_cmpstr (str (object_at (run, 1), "title"), ==, "Lekki Deep Sea Port");
  g_assert_true (json_object_get_null_member (object_at (run, 1), "quote"));
  g_assert_nonnull (strstr (run->err, "marble-tour.kml:38: a sound cue was skipped"));
}

static void
test_tour_errors (gpointer      fixture,
                  gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "wrong.briatour", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(Run) missing = run_cli ("--tour", "no-such-tour", NULL);
  g_autoptr(Run) wrong = NULL;
  g_autoptr(Run) import = NULL;
  g_autoptr(Run) both = run_cli ("--list-tours", "--tour", "cpec", NULL);
  g_autoptr(Run) alone = run_cli ("--export-kml", "x.kml", NULL);
  g_autoptr(Run) list = NULL;

  g_assert_cmpint (missing->status, ==, 2);
  g_assert_nonnull (strstr (missing->err, "No tour “no-such-tour”"));
  g_assert_nonnull (strstr (missing->err, "--list-tours"));

  g_assert_true (g_file_set_contents (path, "{\n  \"version\": 1,\n  \"id\": \"w\",\n  \"title\": 5\n}", -1, NULL));
  wrong = run_cli ("--tour", path, NULL);
  g_assert_cmpint (wrong->status, ==, 2);
  expected = g_strdup_printf ("%s:4:12: tour: “title” must be a string, not a number\n", path);
  g_assert_cmpstr (wrong->err, ==, expected);
  g_assert_cmpstr (wrong->out, ==, "");

  import = run_cli ("--import-tour", path, NULL);
  g_assert_cmpint (import->status, ==, 2);
  g_assert_cmpstr (import->err, ==, expected);
  list = run_cli ("--list-tours", "--json", NULL);
  for (guint i = 0; i < list->objects->len; i++)
    g_assert_cmpstr (str (object_at (list, i), "source"), ==, "built-in");

  g_assert_cmpint (both->status, ==, 2);
  g_assert_cmpint (alone->status, ==, 2);
  g_assert_no_errno (g_unlink (path));
}

/* Issue 8 §7: the command line a newcomer can discover and trust. */

/* Every option of every command, with the argument it takes. */
static const char * const all_options[] = {
  "--search=QUERY", "--country=CODE_OR_NAME", "--feature=ID", "--list-features", "--list-documents",
  "--kind=KIND", "--limit=N", "--json", "--version",
  "--list-tours", "--tour=TOUR", "--export-kml=FILE", "--import-tour=FILE",
  "--export-map=FILE", "--view=LAT,LON,ZOOM", "--size=WxH", "--scale=N", "--title=TEXT", "--dark",
  "--export-pdf=FILE", "--export-markdown=FILE", "--paper=PAPER", "--no-notes",
  "--export-passages=FILE", "--format=FORMAT", "--output=FILE", "--status=STATUS", "--document=ID",
  "--region=ID", "--from-year=YEAR", "--to-year=YEAR",
  "--present=TOUR", "--unattended",
};

/* The line of @help that lists @option, with a description after it. */
static gboolean
lists_option (const char *help,
              const char *option)
{
  g_auto(GStrv) lines = g_strsplit (help, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchug (lines[i]);
      gsize n = strlen (option);

      if (strncmp (line, option, n) == 0 && line[n] == ' ' && strlen (g_strstrip (line + n)) > 10)
        return TRUE;
    }

  return FALSE;
}

static void
test_help (void)
{
  g_autoptr(Run) help = run_cli ("--help", NULL);
  g_autoptr(Run) all = run_cli ("--help-all", NULL);
  g_autoptr(Run) export = run_cli ("--help-export", NULL);
  g_autoptr(Run) mixed = run_cli ("--search", "port", "--help", NULL);

  g_assert_cmpint (help->status, ==, 0);
  g_assert_cmpint (all->status, ==, 0);
  g_assert_cmpint (export->status, ==, 0);

  /* --help: the queries, and where the other groups are. */
  for (guint i = 0; i < 9; i++)
    if (!lists_option (help->out, all_options[i]))
      g_error ("--help does not list %s:\n%s", all_options[i], help->out);
  g_assert_nonnull (strstr (help->out, "--help-all"));
  g_assert_nonnull (strstr (help->out, "--help-export"));
  g_assert_nonnull (strstr (help->out, "--help-tours"));
  g_assert_nonnull (strstr (help->out, "--help-window"));
  g_assert_null (strstr (help->out, "--export-map"));

  /* --help-all: every option, each once. */
  for (guint i = 0; i < G_N_ELEMENTS (all_options); i++)
    {
      g_autofree char *twice = NULL;
      const char *first = strstr (all->out, all_options[i]);

      if (!lists_option (all->out, all_options[i]))
        g_error ("--help-all does not list %s:\n%s", all_options[i], all->out);
      twice = g_strconcat ("  ", all_options[i], " ", NULL);
      g_assert_null (strstr (strstr (all->out, twice) + 1, twice));
      g_assert_nonnull (first);
    }
  g_assert_true (lists_option (export->out, "--export-map=FILE"));
  g_assert_false (lists_option (export->out, "--search=QUERY"));

  /* --help wins over any other option. */
  g_assert_cmpint (mixed->status, ==, 0);
  g_assert_cmpstr (mixed->out, ==, help->out);
}

static void
test_version (void)
{
  g_autoptr(Run) run = run_cli ("--version", NULL);
  g_autoptr(Run) mixed = run_cli ("--list-documents", "--version", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "bri-atlas " PACKAGE_VERSION "\n");
  g_assert_cmpint (mixed->status, ==, 0);
  g_assert_cmpstr (mixed->out, ==, run->out);
}

static char *
ids_of (Run *run)
{
  GString *ids = g_string_new (NULL);

  g_assert_cmpint (run->status, ==, 0);
  for (guint i = 0; i < run->objects->len; i++)
    g_string_append_printf (ids, "%s ", str (g_ptr_array_index (run->objects, i), "id"));
  return g_string_free (ids, FALSE);
}

static void
test_kind_as_printed (void)
{
  g_autoptr(Run) id = run_cli ("--list-features", "--kind", "power-station", "--json", NULL);
  g_autoptr(Run) label = run_cli ("--list-features", "--kind", "Power station", "--json", NULL);
  g_autoptr(Run) shout = run_cli ("--list-features", "--kind", "POWER STATION", "--json", NULL);
  g_autoptr(Run) port = run_cli ("--list-features", "--kind", "Port", "--json", NULL);
  g_autoptr(Run) geojson = run_cli ("--list-features", "--kind", "Port", "--format", "geojson", NULL);
  g_autoptr(Run) unknown = run_cli ("--list-features", "--kind", "harbor", NULL);
  g_autoptr(Run) unknown_export = run_cli ("--list-features", "--kind", "harbor", "--format", "csv", NULL);
  g_autofree char *ids = ids_of (id);
  g_autofree char *label_ids = ids_of (label);
  g_autofree char *shout_ids = ids_of (shout);

  g_assert_cmpuint (id->objects->len, >, 0);
  g_assert_cmpstr (label_ids, ==, ids);
  g_assert_cmpstr (shout_ids, ==, ids);
  g_assert_cmpuint (port->objects->len, >, 0);
  for (guint i = 0; i < port->objects->len; i++)
    g_assert_cmpstr (str (g_ptr_array_index (port->objects, i), "kind"), ==, "port");
  g_assert_cmpint (geojson->status, ==, 0);
  g_assert_nonnull (strstr (geojson->out, "\"kind\": \"port\""));

  /* An unknown kind: the kinds there are, as printed and by id. */
  g_assert_cmpint (unknown->status, ==, 2);
  g_assert_nonnull (strstr (unknown->err, "harbor"));
  g_assert_nonnull (strstr (unknown->err, "Power station (power-station)"));
  g_assert_cmpint (unknown_export->status, ==, 2);
  g_assert_nonnull (strstr (unknown_export->err, "Port (port)"));
}

static void
test_plurals (void)
{
  g_autoptr(Run) documents = run_cli ("--list-documents", NULL);
  g_autoptr(Run) features = run_cli ("--list-features", NULL);
  g_autoptr(Run) kenya = run_cli ("--country", "KE", NULL);
  g_autoptr(GRegex) wrong = g_regex_new ("\\b1 (passages|places)\\b", 0, 0, NULL);

  g_assert_cmpint (features->status, ==, 0);
  g_assert_false (g_regex_match (wrong, documents->out, 0, NULL));
  g_assert_false (g_regex_match (wrong, features->out, 0, NULL));
  g_assert_false (g_regex_match (wrong, kenya->out, 0, NULL));
  /* Some feature has a single passage, and it says so. */
  g_assert_nonnull (strstr (features->out, " · 1 passage\n"));
  g_assert_nonnull (strstr (features->out, " passages\n"));
}

static void
test_limit (void)
{
  g_autoptr(Run) all = run_cli ("--list-features", "--json", NULL);
  g_autoptr(Run) zero = run_cli ("--list-features", "--limit", "0", "--json", NULL);
  g_autoptr(Run) three = run_cli ("--list-features", "--limit", "3", "--json", NULL);
  g_autoptr(Run) search = run_cli ("--search", "port", "--json", NULL);
  g_autoptr(Run) search_all = run_cli ("--search", "port", "--limit", "0", "--json", NULL);
  g_autoptr(Run) documents = run_cli ("--list-documents", "--limit", "2", "--json", NULL);
  g_autoptr(Run) negative = run_cli ("--list-features", "--limit", "-1", NULL);
  g_autoptr(Run) misplaced = run_cli ("--country", "KE", "--limit", "0", NULL);

  g_assert_cmpuint (all->objects->len, >, 100);
  g_assert_cmpuint (zero->objects->len, ==, all->objects->len);
  g_assert_cmpuint (three->objects->len, ==, 3);
  /* The search's default is 10 places and 10 passages; 0 lifts it. */
  g_assert_cmpuint (search->objects->len, <=, 21);
  g_assert_cmpuint (search_all->objects->len, >, search->objects->len);
  g_assert_cmpuint (documents->objects->len, ==, 2);
  g_assert_cmpint (negative->status, ==, 2);
  g_assert_nonnull (strstr (negative->err, "--limit"));
  g_assert_cmpint (misplaced->status, ==, 2);
  g_assert_nonnull (strstr (misplaced->err, "--limit"));
}

/* No number anywhere in @text with more than six decimals. */
static void
assert_six_decimals (const char *text)
{
  g_autoptr(GRegex) long_number = g_regex_new ("[0-9]\\.[0-9]{7,}", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (long_number, text, 0, &match))
    {
      g_autofree char *number = g_match_info_fetch (match, 0);
      g_error ("a number with more than six decimals: %s", number);
    }
}

static void
test_coordinates (void)
{
  g_autoptr(Run) features = run_cli ("--list-features", "--json", NULL);
  g_autoptr(Run) gwadar = run_cli ("--feature", "gwadar-port", "--json", NULL);
  g_autoptr(Run) geojson = run_cli ("--list-features", "--format", "geojson", NULL);
  g_autoptr(Run) csv = run_cli ("--list-features", "--format", "csv", NULL);
  g_autoptr(Run) kml = run_cli ("--list-features", "--format", "kml", NULL);
  g_autoptr(Run) tour = run_cli ("--tour", "cpec", "--json", NULL);
  JsonObject *geometry;
  JsonArray *point;

  g_assert_cmpint (features->status, ==, 0);
  g_assert_cmpint (tour->status, ==, 0);
  assert_six_decimals (features->out);
  assert_six_decimals (gwadar->out);
  assert_six_decimals (geojson->out);
  assert_six_decimals (csv->out);
  assert_six_decimals (kml->out);
  assert_six_decimals (tour->out);

  /* Rounded, not cut short: Gwadar stays where it is, to 11 cm. */
  geometry = json_object_get_object_member (g_ptr_array_index (gwadar->objects, 0), "geometry");
  point = json_object_get_array_member (geometry, "coordinates");
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (point, 0), 62.32541, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (point, 1), 25.12163, 1e-6);
}

static void
test_search_kenya_is_a_country (void)
{
  g_autoptr(Run) run = run_cli ("--search", "Kenya", NULL);
  const char *countries;
  const char *kenya;

  g_assert_cmpint (run->status, ==, 0);
  countries = strstr (run->out, "Countries\n");
  kenya = strstr (run->out, "KE  Kenya");
  g_assert_nonnull (countries);
  g_assert_nonnull (kenya);
  /* Kenya comes under "Countries", no other heading in between. */
  g_assert_true (countries < kenya);
  g_assert_null (g_strstr_len (countries + 1, kenya - countries - 1, "Places\n"));
  g_assert_null (g_strstr_len (countries + 1, kenya - countries - 1, "Passages\n"));
}

static void
test_geojson (void)
{
  g_autoptr(Run) lines = run_cli ("--list-features", "--json", NULL);
  g_autoptr(Run) geojson = run_cli ("--list-features", "--format", "geojson", NULL);
  g_autoptr(Run) both = run_cli ("--list-features", "--format", "geojson", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *collection;

  g_assert_cmpint (geojson->status, ==, 0);
  json_parser_load_from_data (parser, geojson->out, -1, &error);
  g_assert_no_error (error);
  collection = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (str (collection, "type"), ==, "FeatureCollection");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (collection, "features")), ==,
                    lines->objects->len);

  /* Two JSONs at once: said, not guessed. */
  g_assert_cmpint (both->status, ==, 2);
  g_assert_nonnull (strstr (both->err, "--json"));
  g_assert_nonnull (strstr (both->err, "FeatureCollection"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  test_data_home_setup ();

  g_test_add_func ("/bri/cli/search-piraeus", test_search_piraeus);
  g_test_add_func ("/bri/cli/search-plain", test_search_plain);
  g_test_add_func ("/bri/cli/country-kenya", test_country_kenya);
  g_test_add_func ("/bri/cli/country-demonym", test_country_by_demonym);
  g_test_add_func ("/bri/cli/unknown", test_unknown);
  g_test_add_func ("/bri/cli/feature", test_feature);
  g_test_add_func ("/bri/cli/list-documents", test_list_documents);
  g_test_add_func ("/bri/cli/hostile", test_hostile);
  g_test_add_func ("/bri/cli/help", test_help);
  g_test_add_func ("/bri/cli/version", test_version);
  g_test_add_func ("/bri/cli/kind-as-printed", test_kind_as_printed);
  g_test_add_func ("/bri/cli/plurals", test_plurals);
  g_test_add_func ("/bri/cli/limit", test_limit);
  g_test_add_func ("/bri/cli/coordinates", test_coordinates);
  g_test_add_func ("/bri/cli/search-kenya-is-a-country", test_search_kenya_is_a_country);
  g_test_add_func ("/bri/cli/geojson", test_geojson);
  test_data_home_add ("/bri/cli/list-tours", test_list_tours);
  test_data_home_add ("/bri/cli/tour-json", test_tour_json);
  test_data_home_add ("/bri/cli/tour-plain", test_tour_plain);
  test_data_home_add ("/bri/cli/tour-export-import", test_tour_export_import);
  test_data_home_add ("/bri/cli/tour-file", test_tour_file);
  test_data_home_add ("/bri/cli/tour-errors", test_tour_errors);

  status = g_test_run ();
  test_data_home_teardown ();
  return status;
}
