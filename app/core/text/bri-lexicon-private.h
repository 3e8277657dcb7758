/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared between the lexicon and the text cleaner: what a ligature gap
 * looks like, so that both agree on which word pairs are suspect. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gsize bri_lexicon_ligature_suffix_len (const char *word,
                                       gsize       len);

G_END_DECLS
