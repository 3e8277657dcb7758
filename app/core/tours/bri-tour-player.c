/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriTourPlayer: the state of a presentation, kept apart from the screen
 * so that every key's meaning is tested without one.
 *
 * A step is a stop and the number of its places revealed so far: a
 * build-up stop with three places to reveal has four steps.  Next walks
 * the steps, Previous walks them back (arriving at a stop fully built, as
 * it was left).  A blank screen swallows the next key, whatever it is, so
 * that a teacher who blanked the screen never moves on by accident; a
 * typed number waits for Return.  The map shows the stop's own: its
 * place and the places revealed up to now, nothing from earlier stops,
 * which would crowd and hide what this one reveals. */

#define G_LOG_DOMAIN "bri-tour-player"

#include "config.h"

#include <string.h>

#include "bri-tour-player.h"

/* Enough for any tour anyone presents; more digits are ignored. */
#define MAX_TYPED 4

struct _BriTourPlayer
{
  GObject       parent_instance;

  BriTour      *tour;
  guint         position;
  guint         revealed;
  BriTourBlank  blank;
  char          typed[MAX_TYPED + 1];
};

G_DEFINE_FINAL_TYPE (BriTourPlayer, bri_tour_player, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TOUR,
  PROP_POSITION,
  PROP_REVEALED,
  PROP_BLANK,
  PROP_TYPED,
  N_PROPS
};

enum
{
  STEP_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
n_stops (BriTourPlayer *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->tour));
}

static guint
n_reveal_at (BriTourPlayer *self,
             guint          position)
{
  BriTourStop *stop;

  if (position >= n_stops (self))
    return 0;

  stop = bri_tour_get_stop (self->tour, position);
  return g_strv_length ((char **) bri_tour_stop_get_reveal (stop));
}

/* Moves to a step, clamped to the tour; announces it if it changed. */
static gboolean
set_step (BriTourPlayer *self,
          guint          position,
          guint          revealed)
{
  guint previous = self->position;
  guint count = n_stops (self);

  position = count == 0 ? 0 : MIN (position, count - 1);
  revealed = MIN (revealed, n_reveal_at (self, position));

  if (position == self->position && revealed == self->revealed)
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  if (position != self->position)
    {
      self->position = position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
    }
  if (revealed != self->revealed)
    {
      self->revealed = revealed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[STEP_CHANGED], 0, previous);
  return TRUE;
}

static void
set_blank (BriTourPlayer *self,
           BriTourBlank   blank)
{
  if (self->blank == blank)
    return;

  self->blank = blank;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANK]);
}

static void
clear_typed (BriTourPlayer *self)
{
  if (self->typed[0] == '\0')
    return;

  self->typed[0] = '\0';
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPED]);
}

/* A stop removed or added while presenting: stay on a stop that exists. */
static void
on_items_changed_cb (BriTourPlayer *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *model)
{
  guint count = n_stops (self);
  guint previous = self->position;

  if (count == 0)
    return;

  if (self->position >= count || self->revealed > n_reveal_at (self, MIN (self->position, count - 1)))
    set_step (self, MIN (self->position, count - 1), self->revealed);
  else
    /* The same number may now be another stop. */
    g_signal_emit (self, signals[STEP_CHANGED], 0, previous);
}

static void
bri_tour_player_dispose (GObject *object)
{
  BriTourPlayer *self = (BriTourPlayer *) object;

  if (self->tour != NULL)
    g_signal_handlers_disconnect_by_func (self->tour, on_items_changed_cb, self);
  g_clear_object (&self->tour);

  G_OBJECT_CLASS (bri_tour_player_parent_class)->dispose (object);
}

static void
bri_tour_player_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BriTourPlayer *self = BRI_TOUR_PLAYER (object);

  switch (prop_id)
    {
    case PROP_TOUR:
      g_value_set_object (value, self->tour);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_REVEALED:
      g_value_set_uint (value, self->revealed);
      break;
    case PROP_BLANK:
      g_value_set_int (value, self->blank);
      break;
    case PROP_TYPED:
      g_value_set_string (value, self->typed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_tour_player_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BriTourPlayer *self = BRI_TOUR_PLAYER (object);

  switch (prop_id)
    {
    case PROP_TOUR:
      self->tour = g_value_dup_object (value);
      g_signal_connect_object (self->tour, "items-changed", G_CALLBACK (on_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_tour_player_class_init (BriTourPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bri_tour_player_dispose;
  object_class->get_property = bri_tour_player_get_property;
  object_class->set_property = bri_tour_player_set_property;

  properties[PROP_TOUR] =
    g_param_spec_object ("tour", NULL, NULL, BRI_TYPE_TOUR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_REVEALED] = g_param_spec_uint ("revealed", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* A BriTourBlank; no enum type for one property of one class. */
  properties[PROP_BLANK] = g_param_spec_int ("blank", NULL, NULL, BRI_TOUR_BLANK_NONE,
                                             BRI_TOUR_BLANK_WHITE, BRI_TOUR_BLANK_NONE, flags);
  properties[PROP_TYPED] = g_param_spec_string ("typed", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BriTourPlayer::step-changed:
   * @previous: the stop shown before
   *
   * The stop or the number of its places revealed changed, or the stop
   * itself was replaced by an edit.
   */
  signals[STEP_CHANGED] =
    g_signal_new ("step-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
bri_tour_player_init (BriTourPlayer *self)
{
}

/**
 * bri_tour_player_new:
 * @tour: the tour to present, from its first stop
 *
 * Returns: (transfer full): a player at the first step
 */
BriTourPlayer *
bri_tour_player_new (BriTour *tour)
{
  g_return_val_if_fail (BRI_IS_TOUR (tour), NULL);

  return g_object_new (BRI_TYPE_TOUR_PLAYER, "tour", tour, NULL);
}

/**
 * bri_tour_player_get_tour:
 *
 * Returns: (transfer none): the tour
 */
BriTour *
bri_tour_player_get_tour (BriTourPlayer *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_PLAYER (self), NULL);

  return self->tour;
}

guint
bri_tour_player_get_n_stops (BriTourPlayer *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_PLAYER (self), 0);

  return n_stops (self);
}

/* Returns: the stop shown, from 0 */
guint
bri_tour_player_get_position (BriTourPlayer *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_PLAYER (self), 0);

  return self->position;
}

/* Returns: how many of the stop's places to reveal are shown */
guint
bri_tour_player_get_revealed (BriTourPlayer *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_PLAYER (self), 0);

  return self->revealed;
}

/* Returns: how many places the stop reveals one by one */
guint
bri_tour_player_get_n_reveal (BriTourPlayer *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_PLAYER (self), 0);

  return n_reveal_at (self, self->position);
}

/**
 * bri_tour_player_get_stop:
 *
 * Returns: (transfer none) (nullable): the stop shown; %NULL for a tour
 *   with no stops
 */
BriTourStop *
bri_tour_player_get_stop (BriTourPlayer *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_PLAYER (self), NULL);

  if (self->position >= n_stops (self))
    return NULL;

  return bri_tour_get_stop (self->tour, self->position);
}

BriTourBlank
bri_tour_player_get_blank (BriTourPlayer *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_PLAYER (self), BRI_TOUR_BLANK_NONE);

  return self->blank;
}

/**
 * bri_tour_player_get_typed:
 *
 * Returns: the digits of a stop number typed so far, "" for none
 */
const char *
bri_tour_player_get_typed (BriTourPlayer *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_PLAYER (self), "");

  return self->typed;
}

/**
 * bri_tour_player_go_to:
 * @position: a stop, from 0 (clamped to the tour)
 * @revealed: how many of its places to show (clamped to the stop's)
 *
 * Returns: whether the step changed
 */
gboolean
bri_tour_player_go_to (BriTourPlayer *self,
                       guint          position,
                       guint          revealed)
{
  g_return_val_if_fail (BRI_IS_TOUR_PLAYER (self), FALSE);

  clear_typed (self);
  return set_step (self, position, revealed);
}

static void
next (BriTourPlayer *self)
{
  if (self->revealed < n_reveal_at (self, self->position))
    set_step (self, self->position, self->revealed + 1);
  else if (self->position + 1 < n_stops (self))
    set_step (self, self->position + 1, 0);
}

static void
previous (BriTourPlayer *self)
{
  if (self->revealed > 0)
    set_step (self, self->position, self->revealed - 1);
  else if (self->position > 0)
    set_step (self, self->position - 1, n_reveal_at (self, self->position - 1));
}

/**
 * bri_tour_player_command:
 * @command: what a key asks for
 *
 * Does what @command means in the present state: while the screen is
 * blank any command only brings it back (the blank keys toggle it); End
 * first drops a typed number.
 *
 * Returns: %FALSE when the presentation should end
 */
gboolean
bri_tour_player_command (BriTourPlayer  *self,
                         BriTourCommand  command)
{
  g_return_val_if_fail (BRI_IS_TOUR_PLAYER (self), TRUE);

  if (command == BRI_TOUR_COMMAND_BLACK || command == BRI_TOUR_COMMAND_WHITE)
    {
      BriTourBlank blank = command == BRI_TOUR_COMMAND_BLACK ? BRI_TOUR_BLANK_BLACK : BRI_TOUR_BLANK_WHITE;

      clear_typed (self);
      set_blank (self, self->blank == blank ? BRI_TOUR_BLANK_NONE : blank);
      return TRUE;
    }

  if (self->blank != BRI_TOUR_BLANK_NONE)
    {
      set_blank (self, BRI_TOUR_BLANK_NONE);
      return TRUE;
    }

  switch (command)
    {
    case BRI_TOUR_COMMAND_END:
      if (self->typed[0] == '\0')
        return FALSE;
      clear_typed (self);
      break;

    case BRI_TOUR_COMMAND_ENTER:
      if (self->typed[0] != '\0')
        {
          guint64 number = g_ascii_strtoull (self->typed, NULL, 10);

          clear_typed (self);
          set_step (self, number > 0 ? (guint) number - 1 : 0, 0);
        }
      else
        next (self);
      break;

    case BRI_TOUR_COMMAND_NEXT:
      clear_typed (self);
      next (self);
      break;

    case BRI_TOUR_COMMAND_PREVIOUS:
      clear_typed (self);
      previous (self);
      break;

    case BRI_TOUR_COMMAND_FIRST:
      clear_typed (self);
      set_step (self, 0, 0);
      break;

    case BRI_TOUR_COMMAND_LAST:
      clear_typed (self);
      set_step (self, n_stops (self) > 0 ? n_stops (self) - 1 : 0, 0);
      break;

    case BRI_TOUR_COMMAND_OTHER:
    case BRI_TOUR_COMMAND_BLACK:
    case BRI_TOUR_COMMAND_WHITE:
    default:
      break;
    }

  return TRUE;
}

/**
 * bri_tour_player_type_digit:
 * @digit: 0 to 9
 *
 * One digit of a stop number, which Return then goes to.  On a blank
 * screen it only brings the screen back, as any key does.
 */
void
bri_tour_player_type_digit (BriTourPlayer *self,
                            guint          digit)
{
  gsize length;

  g_return_if_fail (BRI_IS_TOUR_PLAYER (self));
  g_return_if_fail (digit <= 9);

  if (self->blank != BRI_TOUR_BLANK_NONE)
    {
      set_blank (self, BRI_TOUR_BLANK_NONE);
      return;
    }

  length = strlen (self->typed);
  if (length >= MAX_TYPED)
    return;

  self->typed[length] = (char) ('0' + digit);
  self->typed[length + 1] = '\0';
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPED]);
}

/**
 * bri_tour_player_advance:
 *
 * One step of unattended play: the next step, and after the last, the
 * first again.
 */
void
bri_tour_player_advance (BriTourPlayer *self)
{
  g_return_if_fail (BRI_IS_TOUR_PLAYER (self));

  clear_typed (self);
  set_blank (self, BRI_TOUR_BLANK_NONE);
  if (self->revealed >= n_reveal_at (self, self->position) && self->position + 1 >= n_stops (self))
    set_step (self, 0, 0);
  else
    next (self);
}

/**
 * bri_tour_player_get_step_seconds:
 *
 * Returns: how long unattended play stays on this step: the stop's
 *   duration (or %BRI_TOUR_PLAYER_DEFAULT_SECONDS) shared among its steps
 */
double
bri_tour_player_get_step_seconds (BriTourPlayer *self)
{
  BriTourStop *stop;
  double seconds;

  g_return_val_if_fail (BRI_IS_TOUR_PLAYER (self), BRI_TOUR_PLAYER_DEFAULT_SECONDS);

  stop = bri_tour_player_get_stop (self);
  seconds = stop != NULL ? bri_tour_stop_get_duration (stop) : 0.0;
  if (!(seconds > 0.0))
    seconds = BRI_TOUR_PLAYER_DEFAULT_SECONDS;

  return seconds / (n_reveal_at (self, self->position) + 1);
}

static void
add_shown (GPtrArray  *shown,
           const char *id)
{
  if (!g_ptr_array_find_with_equal_func (shown, id, g_str_equal, NULL))
    g_ptr_array_add (shown, (gpointer) id);
}

static const char *
subject_feature (BriTourStop *stop)
{
  BriLocation *subject = bri_tour_stop_get_subject (stop);

  if (subject == NULL || bri_location_get_kind (subject) != BRI_LOCATION_FEATURE)
    return NULL;

  return bri_location_get_id (subject);
}

/**
 * bri_tour_player_get_shown:
 *
 * The places on the map at this step: the stop's place and the places
 * it has revealed so far.  A build-up stop's own place waits for its
 * turn when it is one of those it reveals.
 *
 * Returns: (transfer container) (element-type utf8): feature ids, owned
 *   by the stops, each once
 */
GPtrArray *
bri_tour_player_get_shown (BriTourPlayer *self)
{
  GPtrArray *shown;
  BriTourStop *stop;
  const char * const *reveal;
  const char *subject;

  g_return_val_if_fail (BRI_IS_TOUR_PLAYER (self), NULL);

  shown = g_ptr_array_new ();
  stop = bri_tour_player_get_stop (self);
  if (stop == NULL)
    return shown;

  reveal = bri_tour_stop_get_reveal (stop);
  subject = subject_feature (stop);
  if (subject != NULL && !g_strv_contains (reveal, subject))
    add_shown (shown, subject);
  for (guint j = 0; j < self->revealed && reveal[j] != NULL; j++)
    add_shown (shown, reveal[j]);

  return shown;
}

/**
 * bri_tour_player_get_highlight:
 *
 * Returns: (nullable): the place to draw selected: the one revealed last
 *   at this stop, or the stop's own place unless it waits to be revealed
 */
const char *
bri_tour_player_get_highlight (BriTourPlayer *self)
{
  BriTourStop *stop;
  const char *subject;

  g_return_val_if_fail (BRI_IS_TOUR_PLAYER (self), NULL);

  stop = bri_tour_player_get_stop (self);
  if (stop == NULL)
    return NULL;

  if (self->revealed > 0)
    return bri_tour_stop_get_reveal (stop)[self->revealed - 1];

  subject = subject_feature (stop);
  if (subject != NULL && g_strv_contains (bri_tour_stop_get_reveal (stop), subject))
    return NULL;

  return subject;
}
