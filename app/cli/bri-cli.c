/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command-line face of the atlas (filled in with the atlas model). */

#define G_LOG_DOMAIN "bri-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bri-cli.h"

static const char * const query_options[] = {
  "--search", "--country", "--feature", "--list-features", "--list-documents",
};

gboolean
bri_cli_handles (int    argc,
                 char **argv)
{
  for (int i = 1; i < argc; i++)
    for (guint j = 0; j < G_N_ELEMENTS (query_options); j++)
      {
        gsize n = strlen (query_options[j]);

        if (strncmp (argv[i], query_options[j], n) == 0 &&
            (argv[i][n] == '\0' || argv[i][n] == '='))
          return TRUE;
      }

  return FALSE;
}

int
bri_cli_run (int    argc,
             char **argv)
{
  g_printerr (_("The command line is not ready yet.\n"));
  return 1;
}
