/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriLinker: finds the names of features and countries in text. */
#pragma once

#include "bri-mention.h"

G_BEGIN_DECLS

typedef struct _BriLinker BriLinker;

BriLinker *bri_linker_new       (void);
BriLinker *bri_linker_ref       (BriLinker        *self);
void       bri_linker_unref     (BriLinker        *self);
void       bri_linker_add_term  (BriLinker        *self,
                                 const char       *term,
                                 BriMentionTarget  target,
                                 GObject          *object,
                                 const char       *target_id);
void       bri_linker_add_stop_phrase (BriLinker  *self,
                                       const char *phrase);
void       bri_linker_seal      (BriLinker        *self);
GPtrArray *bri_linker_get_terms_for (BriLinker    *self,
                                     GObject      *object);
GPtrArray *bri_linker_find      (BriLinker        *self,
                                 const char       *text,
                                 gssize            len,
                                 gboolean          context);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriLinker, bri_linker_unref)

G_END_DECLS
