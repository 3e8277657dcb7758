/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one citation style of the atlas, for tours, handouts and exports. */
#pragma once

#include "bri-passage.h"

G_BEGIN_DECLS

char *bri_citation_format          (BriPassage  *passage);
char *bri_citation_format_document (BriDocument *document);
char *bri_citation_format_paragraph (BriPassage *passage);

G_END_DECLS
