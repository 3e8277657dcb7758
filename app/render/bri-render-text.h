/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Words on the map, drawn so that every output keeps them as words: on
 * screen and in PDF, Pango's glyphs (a PDF's text can be searched and
 * copied); in SVG, whose cairo surface writes glyphs as shapes, a
 * BriTextRecorder catches each line and the export writes it as an SVG
 * <text> element instead. */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "bri-feature-style.h"

G_BEGIN_DECLS

PangoLayout *bri_render_layout_new (PangoContext *context,
                                   const char   *text);

void bri_render_show_layout (cairo_t       *cr,
                             PangoLayout   *layout,
                             const BriRgba *halo,
                             double         halo_width);

typedef struct _BriTextRecorder BriTextRecorder;

BriTextRecorder *bri_text_recorder_new       (void);
void             bri_text_recorder_free      (BriTextRecorder *self);
void             bri_text_recorder_attach    (BriTextRecorder *self,
                                              cairo_t         *cr);
gboolean         bri_text_recorder_is_attached (cairo_t       *cr);
guint            bri_text_recorder_get_n_lines (BriTextRecorder *self);
char            *bri_text_recorder_to_svg    (BriTextRecorder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriTextRecorder, bri_text_recorder_free)

G_END_DECLS
