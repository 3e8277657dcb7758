/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriResolvedStop: a tour stop read against the atlas — the quoted text,
 * its citation, what the stop is about, and what is missing. */
#pragma once

#include "bri-atlas.h"
#include "bri-tour-stop.h"

G_BEGIN_DECLS

#define BRI_TYPE_RESOLVED_STOP (bri_resolved_stop_get_type ())

G_DECLARE_FINAL_TYPE (BriResolvedStop, bri_resolved_stop, BRI, RESOLVED_STOP, GObject)

BriResolvedStop    *bri_resolved_stop_new              (BriTourStop     *stop,
                                                        BriAtlas        *atlas);
BriTourStop        *bri_resolved_stop_get_stop         (BriResolvedStop *self);
BriPassage         *bri_resolved_stop_get_passage      (BriResolvedStop *self);
const char         *bri_resolved_stop_get_quote_text   (BriResolvedStop *self);
const char         *bri_resolved_stop_get_citation     (BriResolvedStop *self);
const char         *bri_resolved_stop_get_subject_name (BriResolvedStop *self);
const char * const *bri_resolved_stop_get_missing      (BriResolvedStop *self);
gboolean            bri_resolved_stop_is_complete      (BriResolvedStop *self);

G_END_DECLS
