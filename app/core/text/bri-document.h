/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriDocument: a source document (its catalogue entry and its cleaned
 * passages), and the loader for the documents built into the atlas. */
#pragma once

#include <gio/gio.h>

#include "bri-lexicon.h"
#include "bri-passage.h"

G_BEGIN_DECLS

#define BRI_DOCUMENT_ERROR (bri_document_error_quark ())

typedef enum
{
  BRI_DOCUMENT_ERROR_SYNTAX,         /* documents.json is not JSON */
  BRI_DOCUMENT_ERROR_INVALID,        /* not the expected shape, or a field is missing or wrong */
  BRI_DOCUMENT_ERROR_UNKNOWN_SOURCE, /* a source_file that is not in the directory */
  BRI_DOCUMENT_ERROR_ENCODING,       /* a text that is not UTF-8, nor UTF-16 or UTF-32 with a byte-order mark */
} BriDocumentError;

GQuark bri_document_error_quark (void);

#define BRI_DOCUMENTS_RESOURCE_URI "resource:///org/example/BriAtlas/data/documents"

#define BRI_TYPE_DOCUMENT (bri_document_get_type ())
G_DECLARE_FINAL_TYPE (BriDocument, bri_document, BRI, DOCUMENT, GObject)

BriDocument *bri_document_new_from_text     (const char           *id,
                                             const char           *title,
                                             const char           *publisher,
                                             const char           *author,
                                             const char           *date,
                                             const char           *kind,
                                             const char           *source_file,
                                             const char           *text,
                                             BriLexicon           *lexicon);

const char  *bri_document_get_id            (BriDocument          *self);
const char  *bri_document_get_title         (BriDocument          *self);
const char  *bri_document_get_publisher     (BriDocument          *self);
const char  *bri_document_get_author        (BriDocument          *self);
const char  *bri_document_get_date          (BriDocument          *self);
int          bri_document_get_year          (BriDocument          *self);
const char  *bri_document_get_kind          (BriDocument          *self);
const char  *bri_document_get_source_file   (BriDocument          *self);
const char  *bri_document_get_metadata      (BriDocument          *self,
                                             const char           *key);
GListModel  *bri_document_get_passages      (BriDocument          *self);
guint        bri_document_get_n_passages    (BriDocument          *self);
BriPassage  *bri_document_get_passage       (BriDocument          *self,
                                             guint                 ordinal);

GPtrArray   *bri_document_load_all          (GFile                *documents_dir,
                                             BriLexicon           *lexicon,
                                             GPtrArray           **problems,
                                             GError              **error);

G_END_DECLS
