/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriPassage: one block of a cleaned document — a heading, a paragraph, a
 * list item or a caption — with the headings it sits under and the places
 * the linker found in it. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _BriDocument BriDocument;

typedef enum
{
  BRI_PASSAGE_HEADING,
  BRI_PASSAGE_PARAGRAPH,
  BRI_PASSAGE_LIST_ITEM,
  BRI_PASSAGE_CAPTION,
} BriPassageKind;

#define BRI_PASSAGE_HEADING_SEPARATOR " › "

#define BRI_TYPE_PASSAGE_KIND (bri_passage_kind_get_type ())
GType bri_passage_kind_get_type (void) G_GNUC_CONST;

#define BRI_TYPE_PASSAGE (bri_passage_get_type ())
G_DECLARE_FINAL_TYPE (BriPassage, bri_passage, BRI, PASSAGE, GObject)

const char         *bri_passage_kind_to_string    (BriPassageKind      kind);

BriPassage         *bri_passage_new               (BriDocument        *document,
                                                   const char         *document_id,
                                                   guint               ordinal,
                                                   BriPassageKind      kind,
                                                   const char * const *heading_path,
                                                   const char         *text);
BriDocument        *bri_passage_get_document      (BriPassage         *self);
const char         *bri_passage_get_document_id   (BriPassage         *self);
guint               bri_passage_get_ordinal       (BriPassage         *self);
BriPassageKind      bri_passage_get_kind          (BriPassage         *self);
const char         *bri_passage_get_heading       (BriPassage         *self);
const char * const *bri_passage_get_heading_path  (BriPassage         *self);
const char         *bri_passage_get_text          (BriPassage         *self);
GPtrArray          *bri_passage_get_mentions      (BriPassage         *self);
void                bri_passage_set_mentions      (BriPassage         *self,
                                                   GPtrArray          *mentions);

G_END_DECLS
