/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriTourStop: the fields of one stop, each a property that notifies, so
 * that a row or a caption card bound to it follows every edit, undo and
 * redo.  The quote is only a reference (document, ordinal, range): its
 * text and citation come from the atlas when shown (BriResolvedStop), so
 * a quote cannot drift from its source. */

#define G_LOG_DOMAIN "bri-tour-stop"

#include "config.h"

#include <math.h>

#include "bri-tour-stop.h"

struct _BriTourStop
{
  GObject      parent_instance;

  char        *title;
  BriLocation *view;
  BriLocation *subject;
  char        *caption;
  BriLocation *quote;
  char        *notes;
  char       **reveal;
  double       duration;
};

G_DEFINE_FINAL_TYPE (BriTourStop, bri_tour_stop, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_VIEW,
  PROP_SUBJECT,
  PROP_CAPTION,
  PROP_QUOTE,
  PROP_NOTES,
  PROP_REVEAL,
  PROP_DURATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bri_tour_stop_finalize (GObject *object)
{
  BriTourStop *self = (BriTourStop *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->view);
  g_clear_object (&self->subject);
  g_clear_pointer (&self->caption, g_free);
  g_clear_object (&self->quote);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->reveal, g_strfreev);

  G_OBJECT_CLASS (bri_tour_stop_parent_class)->finalize (object);
}

static void
bri_tour_stop_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BriTourStop *self = BRI_TOUR_STOP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;
    case PROP_SUBJECT:
      g_value_set_object (value, self->subject);
      break;
    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;
    case PROP_QUOTE:
      g_value_set_object (value, self->quote);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_REVEAL:
      g_value_set_boxed (value, self->reveal);
      break;
    case PROP_DURATION:
      g_value_set_double (value, self->duration);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_tour_stop_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BriTourStop *self = BRI_TOUR_STOP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      bri_tour_stop_set_title (self, g_value_get_string (value));
      break;
    case PROP_VIEW:
      bri_tour_stop_set_view (self, g_value_get_object (value));
      break;
    case PROP_SUBJECT:
      bri_tour_stop_set_subject (self, g_value_get_object (value));
      break;
    case PROP_CAPTION:
      bri_tour_stop_set_caption (self, g_value_get_string (value));
      break;
    case PROP_QUOTE:
      bri_tour_stop_set_quote (self, g_value_get_object (value));
      break;
    case PROP_NOTES:
      bri_tour_stop_set_notes (self, g_value_get_string (value));
      break;
    case PROP_REVEAL:
      bri_tour_stop_set_reveal (self, g_value_get_boxed (value));
      break;
    case PROP_DURATION:
      bri_tour_stop_set_duration (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_tour_stop_class_init (BriTourStopClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bri_tour_stop_finalize;
  object_class->get_property = bri_tour_stop_get_property;
  object_class->set_property = bri_tour_stop_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);

  /* Where the map goes: a view location (centre and zoom). */
  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, BRI_TYPE_LOCATION, flags);

  /* What the stop is about: a feature, a country or a passage; or NULL. */
  properties[PROP_SUBJECT] =
    g_param_spec_object ("subject", NULL, NULL, BRI_TYPE_LOCATION, flags);

  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, "", flags);

  /* The quoted passage, as a passage location, with a character range
   * when only part of the passage is quoted; or NULL. */
  properties[PROP_QUOTE] =
    g_param_spec_object ("quote", NULL, NULL, BRI_TYPE_LOCATION, flags);

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "", flags);

  /* Feature ids revealed one per key press, in order. */
  properties[PROP_REVEAL] =
    g_param_spec_boxed ("reveal", NULL, NULL, G_TYPE_STRV, flags);

  /* Seconds to stay in unattended play; 0 for the player's default. */
  properties[PROP_DURATION] =
    g_param_spec_double ("duration", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bri_tour_stop_init (BriTourStop *self)
{
  self->title = g_strdup ("");
  self->caption = g_strdup ("");
  self->notes = g_strdup ("");
  self->reveal = g_new0 (char *, 1);
  self->view = bri_location_new_view (0, 0, 1);
}

/**
 * bri_tour_stop_new:
 * @title: the stop's title
 * @view: (nullable): a view location; %NULL for the whole world
 *
 * Returns: (transfer full): a stop with only a title and a view
 */
BriTourStop *
bri_tour_stop_new (const char  *title,
                   BriLocation *view)
{
  BriTourStop *self;

  g_return_val_if_fail (view == NULL || bri_location_get_kind (view) == BRI_LOCATION_VIEW, NULL);

  self = g_object_new (BRI_TYPE_TOUR_STOP, NULL);
  bri_tour_stop_set_title (self, title);
  if (view != NULL)
    bri_tour_stop_set_view (self, view);

  return self;
}

/**
 * bri_tour_stop_copy:
 *
 * Returns: (transfer full): a new stop with the same fields
 */
BriTourStop *
bri_tour_stop_copy (BriTourStop *self)
{
  BriTourStop *copy;

  g_return_val_if_fail (BRI_IS_TOUR_STOP (self), NULL);

  copy = bri_tour_stop_new (self->title, self->view);
  bri_tour_stop_set_subject (copy, self->subject);
  bri_tour_stop_set_caption (copy, self->caption);
  bri_tour_stop_set_quote (copy, self->quote);
  bri_tour_stop_set_notes (copy, self->notes);
  bri_tour_stop_set_reveal (copy, (const char * const *) self->reveal);
  bri_tour_stop_set_duration (copy, self->duration);

  return copy;
}

static gboolean
location_equal (BriLocation *a,
                BriLocation *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return bri_location_equal (a, b);
}

/* Every field the same. */
gboolean
bri_tour_stop_equal (BriTourStop *a,
                     BriTourStop *b)
{
  g_return_val_if_fail (BRI_IS_TOUR_STOP (a), FALSE);
  g_return_val_if_fail (BRI_IS_TOUR_STOP (b), FALSE);

  return g_str_equal (a->title, b->title) &&
         location_equal (a->view, b->view) &&
         location_equal (a->subject, b->subject) &&
         g_str_equal (a->caption, b->caption) &&
         location_equal (a->quote, b->quote) &&
         g_str_equal (a->notes, b->notes) &&
         g_strv_equal ((const char * const *) a->reveal, (const char * const *) b->reveal) &&
         a->duration == b->duration;
}

const char *
bri_tour_stop_get_title (BriTourStop *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_STOP (self), NULL);

  return self->title;
}

/**
 * bri_tour_stop_get_view:
 *
 * Returns: (transfer none): the view location the map goes to
 */
BriLocation *
bri_tour_stop_get_view (BriTourStop *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_STOP (self), NULL);

  return self->view;
}

/**
 * bri_tour_stop_get_subject:
 *
 * Returns: (transfer none) (nullable): the feature, country or passage
 *   the stop is about
 */
BriLocation *
bri_tour_stop_get_subject (BriTourStop *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_STOP (self), NULL);

  return self->subject;
}

const char *
bri_tour_stop_get_caption (BriTourStop *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_STOP (self), NULL);

  return self->caption;
}

/**
 * bri_tour_stop_get_quote:
 *
 * Returns: (transfer none) (nullable): the quoted passage
 */
BriLocation *
bri_tour_stop_get_quote (BriTourStop *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_STOP (self), NULL);

  return self->quote;
}

const char *
bri_tour_stop_get_notes (BriTourStop *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_STOP (self), NULL);

  return self->notes;
}

/**
 * bri_tour_stop_get_reveal:
 *
 * Returns: (transfer none): the ids of the features revealed at this
 *   stop, one per key press; empty for most stops
 */
const char * const *
bri_tour_stop_get_reveal (BriTourStop *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_STOP (self), NULL);

  return (const char * const *) self->reveal;
}

double
bri_tour_stop_get_duration (BriTourStop *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_STOP (self), 0);

  return self->duration;
}

static void
set_string (BriTourStop  *self,
            char        **field,
            const char   *value,
            guint         prop)
{
  if (value == NULL)
    value = "";

  if (g_str_equal (*field, value))
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_location (BriTourStop  *self,
              BriLocation **field,
              BriLocation  *value,
              guint         prop)
{
  if (location_equal (*field, value))
    return;

  g_set_object (field, value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
bri_tour_stop_set_title (BriTourStop *self,
                         const char  *title)
{
  g_return_if_fail (BRI_IS_TOUR_STOP (self));

  set_string (self, &self->title, title, PROP_TITLE);
}

/**
 * bri_tour_stop_set_view:
 * @view: a view location
 */
void
bri_tour_stop_set_view (BriTourStop *self,
                        BriLocation *view)
{
  g_return_if_fail (BRI_IS_TOUR_STOP (self));
  g_return_if_fail (BRI_IS_LOCATION (view));
  g_return_if_fail (bri_location_get_kind (view) == BRI_LOCATION_VIEW);

  set_location (self, &self->view, view, PROP_VIEW);
}

/* What a stop can be about: a feature, a country or a passage. */
gboolean
bri_tour_stop_is_subject (BriLocation *location)
{
  BriLocationKind kind;

  g_return_val_if_fail (BRI_IS_LOCATION (location), FALSE);

  kind = bri_location_get_kind (location);
  return kind == BRI_LOCATION_FEATURE || kind == BRI_LOCATION_COUNTRY || kind == BRI_LOCATION_PASSAGE;
}

/**
 * bri_tour_stop_set_subject:
 * @subject: (nullable): a feature, country or passage location
 */
void
bri_tour_stop_set_subject (BriTourStop *self,
                           BriLocation *subject)
{
  g_return_if_fail (BRI_IS_TOUR_STOP (self));
  g_return_if_fail (subject == NULL || bri_tour_stop_is_subject (subject));

  set_location (self, &self->subject, subject, PROP_SUBJECT);
}

void
bri_tour_stop_set_caption (BriTourStop *self,
                           const char  *caption)
{
  g_return_if_fail (BRI_IS_TOUR_STOP (self));

  set_string (self, &self->caption, caption, PROP_CAPTION);
}

/**
 * bri_tour_stop_set_quote:
 * @quote: (nullable): a passage location, with or without a range
 */
void
bri_tour_stop_set_quote (BriTourStop *self,
                         BriLocation *quote)
{
  g_return_if_fail (BRI_IS_TOUR_STOP (self));
  g_return_if_fail (quote == NULL || bri_location_get_kind (quote) == BRI_LOCATION_PASSAGE);

  set_location (self, &self->quote, quote, PROP_QUOTE);
}

void
bri_tour_stop_set_notes (BriTourStop *self,
                         const char  *notes)
{
  g_return_if_fail (BRI_IS_TOUR_STOP (self));

  set_string (self, &self->notes, notes, PROP_NOTES);
}

/**
 * bri_tour_stop_set_reveal:
 * @reveal: (nullable) (array zero-terminated=1): feature ids
 */
void
bri_tour_stop_set_reveal (BriTourStop        *self,
                          const char * const *reveal)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (BRI_IS_TOUR_STOP (self));

  if (reveal == NULL)
    reveal = none;
  if (g_strv_equal ((const char * const *) self->reveal, reveal))
    return;

  g_strfreev (self->reveal);
  self->reveal = g_strdupv ((char **) reveal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEAL]);
}

/**
 * bri_tour_stop_set_duration:
 * @duration: seconds, or 0 for none
 */
void
bri_tour_stop_set_duration (BriTourStop *self,
                            double       duration)
{
  g_return_if_fail (BRI_IS_TOUR_STOP (self));
  g_return_if_fail (isfinite (duration) && duration >= 0);

  if (self->duration == duration)
    return;

  self->duration = duration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}
