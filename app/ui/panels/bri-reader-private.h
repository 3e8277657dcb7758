/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What tests need to see inside the reader: its view, where a passage
 * landed in the buffer, and the code path a click on a link takes. */
#pragma once

#include "bri-reader.h"

G_BEGIN_DECLS

GtkTextView *bri_reader_get_text_view         (BriReader         *self);
gboolean     bri_reader_get_passage_bounds    (BriReader         *self,
                                               guint              ordinal,
                                               GtkTextIter       *start,
                                               GtkTextIter       *end);
gboolean     bri_reader_activate_link_at_iter (BriReader         *self,
                                               const GtkTextIter *iter);

G_END_DECLS
