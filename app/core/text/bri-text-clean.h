/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cleaning raw document text (web captures, PDF extractions) into blocks a
 * reader can read: headings, paragraphs, list items and captions.  The rules
 * are generic, so an imported document with the same defects gets the same
 * repairs. */
#pragma once

#include <glib.h>

#include "bri-lexicon.h"

G_BEGIN_DECLS

typedef enum
{
  BRI_TEXT_BLOCK_HEADING,
  BRI_TEXT_BLOCK_PARAGRAPH,
  BRI_TEXT_BLOCK_LIST_ITEM,
  BRI_TEXT_BLOCK_CAPTION,
} BriTextBlockKind;

typedef struct _BriTextBlock BriTextBlock;

struct _BriTextBlock
{
  BriTextBlockKind  kind;
  guint             level;  /* headings: 1 for the outermost, 0 for other blocks */
  guint             depth;  /* how many headings enclose the block: level - 1 for
                             * a heading; for other blocks usually the last
                             * heading's level, less once a box ("Panel 2 …")
                             * has ended and the text is back in the section
                             * around it */
  char             *text;   /* cleaned UTF-8, never empty */
};

BriTextBlock *bri_text_block_new           (BriTextBlockKind  kind,
                                            guint             level,
                                            const char       *text);
void          bri_text_block_free          (BriTextBlock     *block);
const char   *bri_text_block_kind_to_string (BriTextBlockKind kind);

GPtrArray    *bri_text_clean               (const char       *text,
                                            BriLexicon       *lexicon,
                                            const char       *title,
                                            GHashTable      **metadata);

char         *bri_text_clean_inline        (const char       *text,
                                            BriLexicon       *lexicon);
char         *bri_text_join_letter_spacing (const char       *text,
                                            BriLexicon       *lexicon);
char         *bri_text_repair_ligatures    (const char       *text,
                                            BriLexicon       *lexicon);
char         *bri_text_normalize_space     (const char       *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriTextBlock, bri_text_block_free)

G_END_DECLS
