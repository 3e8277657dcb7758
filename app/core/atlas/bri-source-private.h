/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the atlas reads of a source beyond its public face. */
#pragma once

#include "bri-lexicon.h"
#include "bri-source.h"

G_BEGIN_DECLS

typedef struct
{
  double documents_ms;
  double gazetteer_ms;
  double countries_ms;
} BriSourceTimings;

const BriSourceTimings *_bri_source_get_timings (BriSource *self);
BriLexicon             *_bri_source_get_lexicon (BriSource *self);

G_END_DECLS
