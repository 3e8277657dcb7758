/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriMention: one place where a passage names a feature or a country.
 * Offsets are kept in bytes (for Pango and GtkTextBuffer) and in
 * characters (for JSON consumers).  A context mention comes from the
 * passage's headings, so it has no offsets (-1). */

#define G_LOG_DOMAIN "bri-mention"

#include "config.h"

#include "bri-mention.h"

struct _BriMention
{
  GObject           parent_instance;

  BriMentionTarget  target;
  GObject          *object;
  char             *target_id;
  gssize            start;
  gssize            end;
  glong             start_char;
  glong             end_char;
  guint             context : 1;
};

G_DEFINE_FINAL_TYPE (BriMention, bri_mention, G_TYPE_OBJECT)

static void
bri_mention_finalize (GObject *object)
{
  BriMention *self = (BriMention *)object;

  g_clear_object (&self->object);
  g_free (self->target_id);

  G_OBJECT_CLASS (bri_mention_parent_class)->finalize (object);
}

static void
bri_mention_class_init (BriMentionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bri_mention_finalize;
}

static void
bri_mention_init (BriMention *self)
{
}

BriMention *
bri_mention_new (BriMentionTarget  target,
                 GObject          *object,
                 const char       *target_id,
                 gssize            start,
                 gssize            end,
                 glong             start_char,
                 glong             end_char,
                 gboolean          context)
{
  BriMention *self;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (target_id != NULL, NULL);

  self = g_object_new (BRI_TYPE_MENTION, NULL);
  self->target = target;
  self->object = g_object_ref (object);
  self->target_id = g_strdup (target_id);
  self->start = start;
  self->end = end;
  self->start_char = start_char;
  self->end_char = end_char;
  self->context = !!context;

  return self;
}

BriMentionTarget
bri_mention_get_target (BriMention *self)
{
  g_return_val_if_fail (BRI_IS_MENTION (self), 0);
  return self->target;
}

/* The BriFeature or BriCountry named. */
GObject *
bri_mention_get_object (BriMention *self)
{
  g_return_val_if_fail (BRI_IS_MENTION (self), NULL);
  return self->object;
}

/* The feature's id or the country's alpha-2 code. */
const char *
bri_mention_get_target_id (BriMention *self)
{
  g_return_val_if_fail (BRI_IS_MENTION (self), NULL);
  return self->target_id;
}

gssize
bri_mention_get_start (BriMention *self)
{
  g_return_val_if_fail (BRI_IS_MENTION (self), -1);
  return self->start;
}

gssize
bri_mention_get_end (BriMention *self)
{
  g_return_val_if_fail (BRI_IS_MENTION (self), -1);
  return self->end;
}

glong
bri_mention_get_start_char (BriMention *self)
{
  g_return_val_if_fail (BRI_IS_MENTION (self), -1);
  return self->start_char;
}

glong
bri_mention_get_end_char (BriMention *self)
{
  g_return_val_if_fail (BRI_IS_MENTION (self), -1);
  return self->end_char;
}

gboolean
bri_mention_is_context (BriMention *self)
{
  g_return_val_if_fail (BRI_IS_MENTION (self), FALSE);
  return self->context;
}
