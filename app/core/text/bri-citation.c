/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one citation style of the atlas: who (the author, or the publisher
 * when the document names no author), the title, the date as the
 * document gives it, the section (its heading path) and the paragraph
 * number (the passage's ordinal):
 *
 *   The State Council Information Office of the People's Republic of
 *   China, “The Belt and Road Initiative: …”, 2023-10, III. Promoting
 *   All-Round Connectivity in Multiple Fields › 2. Growing connectivity
 *   of infrastructure, ¶ 89
 *
 * Plain text: whoever shows it escapes it for its own markup. */

#define G_LOG_DOMAIN "bri-citation"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-citation.h"
#include "bri-document.h"

static void
append_part (GString    *out,
             const char *part)
{
  if (part == NULL || part[0] == '\0')
    return;

  if (out->len > 0)
    g_string_append (out, ", ");
  g_string_append (out, part);
}

/* Who, the title and the date: the part of a citation that names the
 * document, shared by a passage's citation and a bibliography's entry. */
static void
append_document (GString     *out,
                 BriDocument *document)
{
  const char *who = bri_document_get_author (document);
  g_autofree char *title = NULL;

  if (who == NULL || who[0] == '\0')
    who = bri_document_get_publisher (document);
  append_part (out, who);

  if (bri_document_get_title (document) != NULL && bri_document_get_title (document)[0] != '\0')
    /* TRANSLATORS: a document's title in a citation */
    title = g_strdup_printf (_("“%s”"), bri_document_get_title (document));
  append_part (out, title);
  append_part (out, bri_document_get_date (document));
}

/**
 * bri_citation_format_document:
 * @document: a document of the atlas
 *
 * The document as a bibliography lists it: a passage's citation without
 * its section and paragraph.
 *
 * Returns: (transfer full): the document's citation, in plain text
 */
char *
bri_citation_format_document (BriDocument *document)
{
  GString *out;

  g_return_val_if_fail (BRI_IS_DOCUMENT (document), NULL);

  out = g_string_new (NULL);
  append_document (out, document);
  return g_string_free (out, FALSE);
}

/**
 * bri_citation_format:
 * @passage: a passage of a document
 *
 * Returns: (transfer full): the passage's citation, in plain text
 */
char *
bri_citation_format (BriPassage *passage)
{
  BriDocument *document;
  GString *out;
  g_autofree char *paragraph = NULL;

  g_return_val_if_fail (BRI_IS_PASSAGE (passage), NULL);

  out = g_string_new (NULL);
  document = bri_passage_get_document (passage);
  if (document != NULL)
    append_document (out, document);
  else
    {
      /* A passage on its own (never in the atlas): its document id is
       * all there is to say who wrote it. */
      append_part (out, bri_passage_get_document_id (passage));
    }

  append_part (out, bri_passage_get_heading (passage));

  paragraph = bri_citation_format_paragraph (passage);
  append_part (out, paragraph);

  return g_string_free (out, FALSE);
}

/**
 * bri_citation_format_paragraph:
 *
 * Returns: (transfer full): the passage's paragraph number as citations
 *   give it: "¶ 89"
 */
char *
bri_citation_format_paragraph (BriPassage *passage)
{
  g_return_val_if_fail (BRI_IS_PASSAGE (passage), NULL);

  /* TRANSLATORS: the paragraph number in a citation */
  return g_strdup_printf (_("¶ %u"), bri_passage_get_ordinal (passage));
}
