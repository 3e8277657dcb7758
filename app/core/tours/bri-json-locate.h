/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Line and column of a member in JSON text, for error messages:
 * json-glib 1.6 keeps no positions in its nodes. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     bri_json_locate          (const char *text,
                                   gsize       length,
                                   const char *path,
                                   guint      *line,
                                   guint      *column);
gboolean bri_json_check_depth     (const char *text,
                                   gsize       length,
                                   guint       max_depth,
                                   guint      *line,
                                   guint      *column);
void     bri_json_offset_position (const char *text,
                                   gsize       offset,
                                   guint      *line,
                                   guint      *column);

G_END_DECLS
