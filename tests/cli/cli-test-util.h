/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Running the real executable as a user does, with no display: its exit
 * status, what it printed, and with --json the objects, one per line.
 * Shared by the command-line tests. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

typedef struct
{
  int        status;
  char      *out;
  char      *err;
  GPtrArray *objects;  /* of JsonObject, one per line with --json */
} Run;

G_GNUC_UNUSED static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_clear_pointer (&run->objects, g_ptr_array_unref);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

G_GNUC_UNUSED static Run *
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
