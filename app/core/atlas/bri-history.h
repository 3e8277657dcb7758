/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriHistory: what the user opened, for Back and Forward. */
#pragma once

#include <glib-object.h>

#include "bri-location.h"

G_BEGIN_DECLS

#define BRI_TYPE_HISTORY (bri_history_get_type ())

G_DECLARE_FINAL_TYPE (BriHistory, bri_history, BRI, HISTORY, GObject)

BriHistory *bri_history_new              (void);
void         bri_history_push             (BriHistory  *self,
                                           BriLocation *location);
BriLocation *bri_history_get_current      (BriHistory *self);
gboolean    bri_history_can_go_back      (BriHistory *self);
gboolean    bri_history_can_go_forward   (BriHistory *self);
BriLocation *bri_history_go_back         (BriHistory *self);
BriLocation *bri_history_go_forward      (BriHistory *self);
guint       bri_history_get_length       (BriHistory *self);

G_END_DECLS
