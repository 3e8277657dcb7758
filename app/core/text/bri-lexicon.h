/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriLexicon: the set of words the text cleaner trusts — a dictionary plus
 * the words a corpus spells out whole — so that repairs such as closing a
 * ligature gap only happen when they produce a real word. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BRI_LEXICON_RESOURCE_PATH "/org/example/BriAtlas/data/words/american-english"

#define BRI_TYPE_LEXICON (bri_lexicon_get_type ())
G_DECLARE_FINAL_TYPE (BriLexicon, bri_lexicon, BRI, LEXICON, GObject)

BriLexicon *bri_lexicon_new                 (void);
BriLexicon *bri_lexicon_new_default         (GError     **error);
BriLexicon *bri_lexicon_new_child           (BriLexicon  *parent);
void        bri_lexicon_add_dictionary      (BriLexicon  *self,
                                             GBytes      *words);
void        bri_lexicon_add_text            (BriLexicon  *self,
                                             const char  *text);
gboolean    bri_lexicon_contains            (BriLexicon  *self,
                                             const char  *word);
gboolean    bri_lexicon_contains_as_written (BriLexicon  *self,
                                             const char  *word);
guint       bri_lexicon_get_n_words         (BriLexicon  *self);

G_END_DECLS
