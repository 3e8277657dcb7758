/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSearchVocab: every word search can find, how many passages hold it,
 * and the nearest known word to a misspelt one. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BriSearchVocab BriSearchVocab;

BriSearchVocab *bri_search_vocab_new          (void);
void            bri_search_vocab_free         (BriSearchVocab *self);
void            bri_search_vocab_add_text     (BriSearchVocab *self,
                                               const char     *text,
                                               int             delta);
void            bri_search_vocab_add_name     (BriSearchVocab *self,
                                               const char     *name,
                                               int             delta);
guint           bri_search_vocab_count        (BriSearchVocab *self,
                                               const char     *folded_word);
gboolean        bri_search_vocab_knows        (BriSearchVocab *self,
                                               const char     *folded_word);
gboolean        bri_search_vocab_has_prefix   (BriSearchVocab *self,
                                               const char     *folded_prefix);
guint           bri_search_vocab_get_n_texts  (BriSearchVocab *self);
char           *bri_search_vocab_correct      (BriSearchVocab *self,
                                               const char     *folded_word);
double          bri_search_vocab_distance     (const char     *a,
                                               const char     *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriSearchVocab, bri_search_vocab_free)

G_END_DECLS
