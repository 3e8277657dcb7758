/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line's exports: maps, handouts, dossiers, cards and data. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean bri_cli_export_handles (int    argc,
                                 char **argv);
int      bri_cli_export_run     (int    argc,
                                 char **argv);

GOptionEntry *bri_cli_export_entries (void);

G_END_DECLS
