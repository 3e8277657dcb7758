/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Folding text for matching: case, diacritics, dashes and apostrophes stop
 * mattering, and every folded byte remembers where it came from. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BriFolded BriFolded;

struct _BriFolded
{
  char    *text;     /* folded, NUL-terminated */
  gsize    len;      /* bytes in text */
  guint32 *starts;   /* len + 1 entries: where each folded byte's source character starts */
  guint32 *ends;     /* len + 1 entries: where it ends */
};

BriFolded *bri_folded_new          (const char *text,
                                    gssize      len);
void       bri_folded_free         (BriFolded  *self);
void       bri_folded_source_range (const BriFolded *self,
                                    gsize            folded_start,
                                    gsize            folded_end,
                                    gsize           *source_start,
                                    gsize           *source_end);
char      *bri_text_fold           (const char *text,
                                    gssize      len);
gboolean   bri_text_fold_is_word_char (gunichar  c);
glong      bri_text_utf8_to_chars  (const char *text,
                                    gsize       byte_offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriFolded, bri_folded_free)

G_END_DECLS
