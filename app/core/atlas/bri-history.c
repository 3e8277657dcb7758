/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriHistory: the places, countries and passages the user opened, as
 * BriLocations, with a cursor for Back and Forward.
 * Opening something new after going back drops the forward part, as in
 * a web browser.  The list is bounded so a long session stays small. */

#define G_LOG_DOMAIN "bri-history"

#include "config.h"

#include "bri-history.h"

#define MAX_ENTRIES 200

struct _BriHistory
{
  GObject    parent_instance;

  GPtrArray *entries;
  guint      cursor;   /* index of the current entry; meaningless when empty */
};

G_DEFINE_FINAL_TYPE (BriHistory, bri_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  PROP_CURRENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_all (BriHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

static void
bri_history_finalize (GObject *object)
{
  BriHistory *self = (BriHistory *)object;

  g_ptr_array_unref (self->entries);

  G_OBJECT_CLASS (bri_history_parent_class)->finalize (object);
}

static void
bri_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BriHistory *self = BRI_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, bri_history_can_go_back (self));
      break;
    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, bri_history_can_go_forward (self));
      break;
    case PROP_CURRENT:
      g_value_set_object (value, bri_history_get_current (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_history_class_init (BriHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bri_history_finalize;
  object_class->get_property = bri_history_get_property;

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT] =
    g_param_spec_object ("current", NULL, NULL, BRI_TYPE_LOCATION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bri_history_init (BriHistory *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

BriHistory *
bri_history_new (void)
{
  return g_object_new (BRI_TYPE_HISTORY, NULL);
}

/**
 * bri_history_push:
 *
 * Records @location as what is open now.  Opening the current location
 * again is not a step.
 */
void
bri_history_push (BriHistory  *self,
                  BriLocation *location)
{
  g_return_if_fail (BRI_IS_HISTORY (self));
  g_return_if_fail (BRI_IS_LOCATION (location));

  if (bri_location_equal (bri_history_get_current (self), location))
    return;

  if (self->entries->len > 0)
    g_ptr_array_set_size (self->entries, self->cursor + 1);

  g_ptr_array_add (self->entries, g_object_ref (location));
  if (self->entries->len > MAX_ENTRIES)
    g_ptr_array_remove_index (self->entries, 0);

  self->cursor = self->entries->len - 1;
  notify_all (self);
}

/* Returns: (transfer none) (nullable): what is open now */
BriLocation *
bri_history_get_current (BriHistory *self)
{
  g_return_val_if_fail (BRI_IS_HISTORY (self), NULL);

  if (self->entries->len == 0)
    return NULL;

  return g_ptr_array_index (self->entries, self->cursor);
}

gboolean
bri_history_can_go_back (BriHistory *self)
{
  g_return_val_if_fail (BRI_IS_HISTORY (self), FALSE);

  return self->entries->len > 0 && self->cursor > 0;
}

gboolean
bri_history_can_go_forward (BriHistory *self)
{
  g_return_val_if_fail (BRI_IS_HISTORY (self), FALSE);

  return self->entries->len > 0 && self->cursor + 1 < self->entries->len;
}

/* Returns: (transfer none) (nullable): the location now current, or
 *   %NULL at the start */
BriLocation *
bri_history_go_back (BriHistory *self)
{
  g_return_val_if_fail (BRI_IS_HISTORY (self), NULL);

  if (!bri_history_can_go_back (self))
    return NULL;

  self->cursor--;
  notify_all (self);

  return bri_history_get_current (self);
}

/* Returns: (transfer none) (nullable): the location now current, or
 *   %NULL at the end */
BriLocation *
bri_history_go_forward (BriHistory *self)
{
  g_return_val_if_fail (BRI_IS_HISTORY (self), NULL);

  if (!bri_history_can_go_forward (self))
    return NULL;

  self->cursor++;
  notify_all (self);

  return bri_history_get_current (self);
}

guint
bri_history_get_length (BriHistory *self)
{
  g_return_val_if_fail (BRI_IS_HISTORY (self), 0);

  return self->entries->len;
}
