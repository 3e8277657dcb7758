/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriMention: one place where a passage names a feature or a country. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BRI_MENTION_FEATURE,
  BRI_MENTION_COUNTRY,
} BriMentionTarget;

#define BRI_TYPE_MENTION (bri_mention_get_type ())

G_DECLARE_FINAL_TYPE (BriMention, bri_mention, BRI, MENTION, GObject)

BriMention       *bri_mention_new             (BriMentionTarget  target,
                                               GObject          *object,
                                               const char       *target_id,
                                               gssize            start,
                                               gssize            end,
                                               glong             start_char,
                                               glong             end_char,
                                               gboolean          context);
BriMentionTarget  bri_mention_get_target      (BriMention *self);
GObject          *bri_mention_get_object      (BriMention *self);
const char       *bri_mention_get_target_id   (BriMention *self);
gssize            bri_mention_get_start       (BriMention *self);
gssize            bri_mention_get_end         (BriMention *self);
glong             bri_mention_get_start_char  (BriMention *self);
glong             bri_mention_get_end_char    (BriMention *self);
gboolean          bri_mention_is_context      (BriMention *self);

G_END_DECLS
