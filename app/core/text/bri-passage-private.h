/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Only the owning document may cut the back-pointer, when it goes away. */
#pragma once

#include "bri-passage.h"

G_BEGIN_DECLS

void bri_passage_clear_document (BriPassage *self);

G_END_DECLS
