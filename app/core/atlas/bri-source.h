/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSource: one origin of the atlas's records — the built-in corpus, or
 * documents and datasets a user adds — with what it holds once loaded. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BRI_TYPE_SOURCE (bri_source_get_type ())
G_DECLARE_FINAL_TYPE (BriSource, bri_source, BRI, SOURCE, GObject)

#define BRI_SOURCE_BUILTIN_ID "builtin"

BriSource  *bri_source_new_for_directory (const char    *id,
                                          const char    *title,
                                          GFile         *data_dir);
BriSource  *bri_source_new_for_records   (const char    *id,
                                          const char    *title,
                                          GPtrArray     *documents,
                                          GPtrArray     *features);

const char *bri_source_get_id            (BriSource     *self);
const char *bri_source_get_title         (BriSource     *self);
GFile      *bri_source_get_directory     (BriSource     *self);
gboolean    bri_source_load              (BriSource     *self,
                                          GCancellable  *cancellable,
                                          GError       **error);
gboolean    bri_source_is_loaded         (BriSource     *self);
GPtrArray  *bri_source_get_documents     (BriSource     *self);
GPtrArray  *bri_source_get_features      (BriSource     *self);
GPtrArray  *bri_source_get_countries     (BriSource     *self);
GPtrArray  *bri_source_get_problems      (BriSource     *self);

G_END_DECLS
