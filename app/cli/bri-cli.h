/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command-line face of the atlas: queries answered without a display. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "bri-atlas.h"

G_BEGIN_DECLS

gboolean bri_cli_handles (int    argc,
                          char **argv);
int      bri_cli_run     (int    argc,
                          char **argv);

gboolean bri_cli_has_option    (int                  argc,
                                char               **argv,
                                const char * const  *options);
BriAtlas *bri_cli_load_atlas   (void);
void     bri_cli_print_json    (JsonNode            *root);
gboolean bri_cli_parse_kind    (const char          *value,
                                BriFeatureKind      *kind);
gboolean bri_cli_parse_options (const char          *summary,
                                const GOptionEntry  *entries,
                                int                 *argc,
                                char              ***argv);

G_END_DECLS
