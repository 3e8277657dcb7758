/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line, run as users run it: the real executable, no display. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

typedef struct
{
  int        status;
  char      *out;
  char      *err;
  GPtrArray *objects;  /* of JsonObject, one per line with --json */
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_clear_pointer (&run->objects, g_ptr_array_unref);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static Run *
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  Run *run = g_new0 (Run, 1);
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("BRI_ATLAS_BIN"));
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* No display at all: the command line must not need one. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (proc);

  run->objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  if (g_strv_contains ((const char * const *) argv->pdata + 1, "--json"))
    {
      g_auto(GStrv) lines = g_strsplit (run->out, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autoptr(JsonParser) parser = NULL;
          JsonNode *root;

          if (lines[i][0] == '\0')
            continue;
          parser = json_parser_new ();
          json_parser_load_from_data (parser, lines[i], -1, &error);
          g_assert_no_error (error);
          root = json_parser_get_root (parser);
          g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
          g_ptr_array_add (run->objects, json_object_ref (json_node_get_object (root)));
        }
    }

  return run;
}

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/cli/search-piraeus", test_search_piraeus);
  g_test_add_func ("/bri/cli/search-plain", test_search_plain);
  g_test_add_func ("/bri/cli/country-kenya", test_country_kenya);
  g_test_add_func ("/bri/cli/country-demonym", test_country_by_demonym);
  g_test_add_func ("/bri/cli/unknown", test_unknown);
  g_test_add_func ("/bri/cli/feature", test_feature);
  g_test_add_func ("/bri/cli/list-documents", test_list_documents);
  g_test_add_func ("/bri/cli/hostile", test_hostile);

  return g_test_run ();
}
