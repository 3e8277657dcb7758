/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bri-atlas: the window, or with a query option the command line. */

#define G_LOG_DOMAIN "bri-main"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bri-application.h"
#include "bri-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BriApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Queries never need a display: answer them before GTK is touched. */
  if (bri_cli_handles (argc, argv))
    return bri_cli_run (argc, argv);

  /* GTK 4.8 loads the whole GL stack on X11 to choose a visual, even when
   * the cairo renderer was asked for (about 55 MB, mostly LLVM); with
   * that renderer it is never used. */
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0 && g_getenv ("GDK_DEBUG") == NULL)
    g_setenv ("GDK_DEBUG", "gl-disable", FALSE);

  app = bri_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
