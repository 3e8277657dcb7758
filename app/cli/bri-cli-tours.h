/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line's tour options: list, show, export and import tours. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean bri_cli_tours_handles (int    argc,
                                char **argv);
int      bri_cli_tours_run     (int    argc,
                                char **argv);

GOptionEntry *bri_cli_tours_entries (void);

G_END_DECLS
