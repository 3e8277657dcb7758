/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriTour: the stops of a tour as a GListModel, and every edit as a step
 * that can be undone and redone.
 *
 * An edit is recorded, then applied by the same code that undoes and
 * redoes it, so the three can never disagree.  A field change is kept as
 * the property's value before and after; a stop is addressed by its
 * position, which is exact because the history is replayed strictly in
 * order. */

#define G_LOG_DOMAIN "bri-tour"

#include "config.h"

#include <math.h>
#include <string.h>

#include "bri-tour-private.h"

/* Older steps are forgotten beyond this many. */
#define MAX_UNDO 500

/* The target of a field change that is the tour itself, not a stop. */
#define TOUR_TARGET G_MAXUINT

typedef enum
{
  EDIT_INSERT,
  EDIT_REMOVE,
  EDIT_MOVE,
  EDIT_SET,
} EditKind;

typedef struct
{
  EditKind     kind;
  guint        position;  /* INSERT, REMOVE: where; MOVE: from; SET: the stop, or TOUR_TARGET */
  guint        to;        /* MOVE */
  BriTourStop *stop;      /* INSERT, REMOVE */
  GParamSpec  *pspec;     /* SET: the field */
  GValue       before;
  GValue       after;
} Edit;

struct _BriTour
{
  GObject        parent_instance;

  char          *id;
  char          *title;
  char          *author;
  char          *description;
  char          *language;
  GDateTime     *created;
  GDateTime     *modified;
  BriTourSource  source;
  GFile         *file;

  GPtrArray     *stops;
  GPtrArray     *undo;    /* of Edit, oldest first */
  GPtrArray     *redo;    /* of Edit, the next to redo last */
  gboolean       merge_open;  /* the last undo step may take the next change of its field */
};

static void bri_tour_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BriTour, bri_tour, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bri_tour_list_model_init))

G_DEFINE_QUARK (bri-tour-error-quark, bri_tour_error)

G_DEFINE_ENUM_TYPE (BriTourSource, bri_tour_source,
                    G_DEFINE_ENUM_VALUE (BRI_TOUR_SOURCE_FILE, "file"),
                    G_DEFINE_ENUM_VALUE (BRI_TOUR_SOURCE_BUILT_IN, "built-in"),
                    G_DEFINE_ENUM_VALUE (BRI_TOUR_SOURCE_USER, "user"))

enum
{
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_DESCRIPTION,
  PROP_LANGUAGE,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_SOURCE,
  PROP_FILE,
  PROP_N_ITEMS,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "file", "built-in", "user": as the command line and JSON print it. */
const char *
bri_tour_source_to_string (BriTourSource source)
{
  switch (source)
    {
    case BRI_TOUR_SOURCE_BUILT_IN:
      return "built-in";
    case BRI_TOUR_SOURCE_USER:
      return "user";
    case BRI_TOUR_SOURCE_FILE:
    default:
      return "file";
    }
}

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_clear_object (&edit->stop);
  if (G_IS_VALUE (&edit->before))
    g_value_unset (&edit->before);
  if (G_IS_VALUE (&edit->after))
    g_value_unset (&edit->after);
  g_free (edit);
}

/* GListModel */

static GType
bri_tour_get_item_type (GListModel *model)
{
  return BRI_TYPE_TOUR_STOP;
}

static guint
bri_tour_get_n_items (GListModel *model)
{
  return BRI_TOUR (model)->stops->len;
}

static gpointer
bri_tour_get_item (GListModel *model,
                   guint       position)
{
  BriTour *self = BRI_TOUR (model);

  if (position >= self->stops->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->stops, position));
}

static void
bri_tour_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bri_tour_get_item_type;
  iface->get_n_items = bri_tour_get_n_items;
  iface->get_item = bri_tour_get_item;
}

/* GObject */

static void
bri_tour_finalize (GObject *object)
{
  BriTour *self = (BriTour *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->stops, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (bri_tour_parent_class)->finalize (object);
}

static void
bri_tour_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BriTour *self = BRI_TOUR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;
    case PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->stops->len);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, bri_tour_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, bri_tour_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_tour_class_init (BriTourClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bri_tour_finalize;
  object_class->get_property = bri_tour_get_property;

  /* The fields are read-only properties: they change through the
   * bri_tour_set_* functions, which keep the undo history. */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, "", flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  /* A BCP 47 tag ("en", "fr-CA"), or "" when not given. */
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, "", flags);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, flags);
  /* Set to now by every edit, undo and redo. */
  properties[PROP_MODIFIED] = g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_SOURCE] = g_param_spec_enum ("source", NULL, NULL, BRI_TYPE_TOUR_SOURCE,
                                               BRI_TOUR_SOURCE_FILE, flags);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BriTour::changed:
   *
   * After every edit, undo and redo: the moment to save.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bri_tour_init (BriTour *self)
{
  self->title = g_strdup ("");
  self->author = g_strdup ("");
  self->description = g_strdup ("");
  self->language = g_strdup ("");
  self->created = g_date_time_new_now_utc ();
  self->modified = g_date_time_ref (self->created);
  self->stops = g_ptr_array_new_with_free_func (g_object_unref);
  self->undo = g_ptr_array_new_with_free_func (edit_free);
  self->redo = g_ptr_array_new_with_free_func (edit_free);
}

/* Ids */

/* An id names the tour's file: lower-case ASCII letters, digits and
 * dashes, starting with a letter or digit, at most 64 characters. */
gboolean
bri_tour_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;

  len = strlen (id);
  if (len == 0 || len > 64 || id[0] == '-')
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;

  return TRUE;
}

/**
 * bri_tour_id_from_title:
 *
 * Returns: (transfer full): a valid id made from @title ("Ports of the
 *   Maritime Silk Road" gives "ports-of-the-maritime-silk-road"), "tour"
 *   when nothing of it is left
 */
char *
bri_tour_id_from_title (const char *title)
{
  g_autofree char *ascii = g_str_to_ascii (title != NULL ? title : "", "C");
  GString *id = g_string_new (NULL);

  for (const char *p = ascii; *p && id->len < 64; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }

  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, "tour");

  return g_string_free (id, FALSE);
}

/**
 * bri_tour_new:
 * @id: a valid id (see bri_tour_id_is_valid())
 * @title: the title
 *
 * Returns: (transfer full): a tour with no stops, created now
 */
BriTour *
bri_tour_new (const char *id,
              const char *title)
{
  BriTour *self;

  g_return_val_if_fail (bri_tour_id_is_valid (id), NULL);

  self = g_object_new (BRI_TYPE_TOUR, NULL);
  self->id = g_strdup (id);
  g_free (self->title);
  self->title = g_strdup (title != NULL ? title : "");

  return self;
}

/**
 * bri_tour_copy:
 * @id: (nullable): the copy's id, or %NULL to keep this one's
 *
 * Returns: (transfer full): a new tour with copies of the stops and the
 *   same fields, created now, with no history and no file
 */
BriTour *
bri_tour_copy (BriTour    *self,
               const char *id)
{
  BriTour *copy;

  g_return_val_if_fail (BRI_IS_TOUR (self), NULL);
  g_return_val_if_fail (id == NULL || bri_tour_id_is_valid (id), NULL);

  copy = bri_tour_new (id != NULL ? id : self->id, self->title);
  bri_tour_set_fields_internal (copy, NULL, self->author, self->description, self->language);
  for (guint i = 0; i < self->stops->len; i++)
    {
      g_autoptr(BriTourStop) stop = bri_tour_stop_copy (g_ptr_array_index (self->stops, i));
      bri_tour_add_stop_internal (copy, stop);
    }

  return copy;
}

/* Getters */

const char *
bri_tour_get_id (BriTour *self)
{
  g_return_val_if_fail (BRI_IS_TOUR (self), NULL);

  return self->id;
}

const char *
bri_tour_get_title (BriTour *self)
{
  g_return_val_if_fail (BRI_IS_TOUR (self), NULL);

  return self->title;
}

const char *
bri_tour_get_author (BriTour *self)
{
  g_return_val_if_fail (BRI_IS_TOUR (self), NULL);

  return self->author;
}

const char *
bri_tour_get_description (BriTour *self)
{
  g_return_val_if_fail (BRI_IS_TOUR (self), NULL);

  return self->description;
}

const char *
bri_tour_get_language (BriTour *self)
{
  g_return_val_if_fail (BRI_IS_TOUR (self), NULL);

  return self->language;
}

/**
 * bri_tour_get_created:
 *
 * Returns: (transfer none): when the tour was made, in UTC
 */
GDateTime *
bri_tour_get_created (BriTour *self)
{
  g_return_val_if_fail (BRI_IS_TOUR (self), NULL);

  return self->created;
}

/**
 * bri_tour_get_modified:
 *
 * Returns: (transfer none): when the tour was last edited, in UTC
 */
GDateTime *
bri_tour_get_modified (BriTour *self)
{
  g_return_val_if_fail (BRI_IS_TOUR (self), NULL);

  return self->modified;
}

BriTourSource
bri_tour_get_source (BriTour *self)
{
  g_return_val_if_fail (BRI_IS_TOUR (self), BRI_TOUR_SOURCE_FILE);

  return self->source;
}

/**
 * bri_tour_get_file:
 *
 * Returns: (transfer none) (nullable): the file the tour was read from
 *   or last saved to
 */
GFile *
bri_tour_get_file (BriTour *self)
{
  g_return_val_if_fail (BRI_IS_TOUR (self), NULL);

  return self->file;
}

/**
 * bri_tour_get_stop:
 *
 * Returns: (transfer none) (nullable): the stop at @position
 */
BriTourStop *
bri_tour_get_stop (BriTour *self,
                   guint    position)
{
  g_return_val_if_fail (BRI_IS_TOUR (self), NULL);

  if (position >= self->stops->len)
    return NULL;

  return g_ptr_array_index (self->stops, position);
}

/* Outside the history */

void
bri_tour_set_id_internal (BriTour    *self,
                          const char *id)
{
  g_return_if_fail (BRI_IS_TOUR (self));
  g_return_if_fail (bri_tour_id_is_valid (id));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* @file: (nullable) */
void
bri_tour_set_origin (BriTour       *self,
                     BriTourSource  source,
                     GFile         *file)
{
  g_return_if_fail (BRI_IS_TOUR (self));

  if (self->source != source)
    {
      self->source = source;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
    }

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/* @created, @modified: (nullable): NULL leaves the date as it is */
void
bri_tour_set_dates (BriTour   *self,
                    GDateTime *created,
                    GDateTime *modified)
{
  g_return_if_fail (BRI_IS_TOUR (self));

  if (created != NULL)
    {
      g_date_time_unref (self->created);
      self->created = g_date_time_to_utc (created);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
    }

  if (modified != NULL)
    {
      g_date_time_unref (self->modified);
      self->modified = g_date_time_to_utc (modified);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

static gboolean
replace_string (BriTour     *self,
                char       **field,
                const char  *value,
                guint        prop)
{
  if (value == NULL)
    value = "";
  if (g_str_equal (*field, value))
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

/* Each NULL leaves its field as it is. */
void
bri_tour_set_fields_internal (BriTour    *self,
                              const char *title,
                              const char *author,
                              const char *description,
                              const char *language)
{
  g_return_if_fail (BRI_IS_TOUR (self));

  if (title != NULL)
    replace_string (self, &self->title, title, PROP_TITLE);
  if (author != NULL)
    replace_string (self, &self->author, author, PROP_AUTHOR);
  if (description != NULL)
    replace_string (self, &self->description, description, PROP_DESCRIPTION);
  if (language != NULL)
    replace_string (self, &self->language, language, PROP_LANGUAGE);
}

void
bri_tour_add_stop_internal (BriTour     *self,
                            BriTourStop *stop)
{
  g_return_if_fail (BRI_IS_TOUR (self));
  g_return_if_fail (BRI_IS_TOUR_STOP (stop));

  g_ptr_array_add (self->stops, g_object_ref (stop));
  g_list_model_items_changed (G_LIST_MODEL (self), self->stops->len - 1, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Applying edits */

static void
set_tour_field (BriTour      *self,
                GParamSpec   *pspec,
                const GValue *value)
{
  const char *text = g_value_get_string (value);

  if (pspec == properties[PROP_TITLE])
    replace_string (self, &self->title, text, PROP_TITLE);
  else if (pspec == properties[PROP_AUTHOR])
    replace_string (self, &self->author, text, PROP_AUTHOR);
  else if (pspec == properties[PROP_DESCRIPTION])
    replace_string (self, &self->description, text, PROP_DESCRIPTION);
  else if (pspec == properties[PROP_LANGUAGE])
    replace_string (self, &self->language, text, PROP_LANGUAGE);
  else
    g_assert_not_reached ();
}

static void
insert_at (BriTour     *self,
           guint        position,
           BriTourStop *stop)
{
  g_ptr_array_insert (self->stops, position, g_object_ref (stop));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
remove_at (BriTour *self,
           guint    position)
{
  g_ptr_array_remove_index (self->stops, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
move (BriTour *self,
      guint    from,
      guint    to)
{
  BriTourStop *stop = g_ptr_array_steal_index (self->stops, from);
  guint first = MIN (from, to);

  g_ptr_array_insert (self->stops, to, stop);
  /* One change over the span that moved, so that views keep the rest. */
  g_list_model_items_changed (G_LIST_MODEL (self), first, MAX (from, to) - first + 1,
                              MAX (from, to) - first + 1);
}

static void
apply (BriTour *self,
       Edit    *edit,
       gboolean forward)
{
  switch (edit->kind)
    {
    case EDIT_INSERT:
      if (forward)
        insert_at (self, edit->position, edit->stop);
      else
        remove_at (self, edit->position);
      break;

    case EDIT_REMOVE:
      if (forward)
        remove_at (self, edit->position);
      else
        insert_at (self, edit->position, edit->stop);
      break;

    case EDIT_MOVE:
      if (forward)
        move (self, edit->position, edit->to);
      else
        move (self, edit->to, edit->position);
      break;

    case EDIT_SET:
    default:
      {
        const GValue *value = forward ? &edit->after : &edit->before;

        if (edit->position == TOUR_TARGET)
          set_tour_field (self, edit->pspec, value);
        else
          g_object_set_property (g_ptr_array_index (self->stops, edit->position),
                                 edit->pspec->name, value);
      }
      break;
    }
}

/* After every applied edit, undo or redo. */
static void
touch (BriTour  *self,
       gboolean  could_undo,
       gboolean  could_redo)
{
  GDateTime *now = g_date_time_new_now_utc ();

  g_date_time_unref (self->modified);
  self->modified = now;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);

  if (could_undo != bri_tour_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != bri_tour_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Records @edit as the newest undo step (forgetting the redo steps) and
 * applies it. */
static void
push (BriTour *self,
      Edit    *edit)
{
  gboolean could_undo = bri_tour_can_undo (self);
  gboolean could_redo = bri_tour_can_redo (self);

  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, edit);
  if (self->undo->len > MAX_UNDO)
    g_ptr_array_remove_index (self->undo, 0);

  apply (self, edit, TRUE);
  touch (self, could_undo, could_redo);
}

static Edit *
edit_new (EditKind kind,
          guint    position)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->kind = kind;
  edit->position = position;
  return edit;
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  GType type = G_VALUE_TYPE (a);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_DOUBLE)
    return g_value_get_double (a) == g_value_get_double (b);
  if (type == G_TYPE_STRV)
    return g_strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == BRI_TYPE_LOCATION)
    {
      BriLocation *la = g_value_get_object (a);
      BriLocation *lb = g_value_get_object (b);

      return la == NULL || lb == NULL ? la == lb : bri_location_equal (la, lb);
    }

  g_assert_not_reached ();
}

/* A change of one field of a stop (@position) or of the tour
 * (TOUR_TARGET) to @value. */
static void
set_field (BriTour      *self,
           guint         position,
           GParamSpec   *pspec,
           const GValue *value)
{
  Edit *last = self->undo->len > 0 ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
  GValue before = G_VALUE_INIT;
  gboolean text = G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING;
  Edit *edit;

  g_value_init (&before, G_PARAM_SPEC_VALUE_TYPE (pspec));
  if (position == TOUR_TARGET)
    g_object_get_property (G_OBJECT (self), pspec->name, &before);
  else
    g_object_get_property (g_ptr_array_index (self->stops, position), pspec->name, &before);

  if (values_equal (&before, value))
    {
      g_value_unset (&before);
      return;
    }

  /* Typing into a caption is one step, not one per letter. */
  if (text && self->merge_open && last != NULL && last->kind == EDIT_SET &&
      last->position == position && last->pspec == pspec && self->redo->len == 0)
    {
      g_value_unset (&before);
      g_value_copy (value, g_value_reset (&last->after));
      apply (self, last, TRUE);
      touch (self, TRUE, FALSE);
      return;
    }

  edit = edit_new (EDIT_SET, position);
  edit->pspec = pspec;
  edit->before = before;
  g_value_init (&edit->after, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_value_copy (value, &edit->after);
  push (self, edit);
  self->merge_open = text;
}

static void
set_tour_string (BriTour    *self,
                 guint       prop,
                 const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text != NULL ? text : "");
  set_field (self, TOUR_TARGET, properties[prop], &value);
}

void
bri_tour_set_title (BriTour    *self,
                    const char *title)
{
  g_return_if_fail (BRI_IS_TOUR (self));

  set_tour_string (self, PROP_TITLE, title);
}

void
bri_tour_set_author (BriTour    *self,
                     const char *author)
{
  g_return_if_fail (BRI_IS_TOUR (self));

  set_tour_string (self, PROP_AUTHOR, author);
}

void
bri_tour_set_description (BriTour    *self,
                          const char *description)
{
  g_return_if_fail (BRI_IS_TOUR (self));

  set_tour_string (self, PROP_DESCRIPTION, description);
}

void
bri_tour_set_language (BriTour    *self,
                       const char *language)
{
  g_return_if_fail (BRI_IS_TOUR (self));

  set_tour_string (self, PROP_LANGUAGE, language);
}

/**
 * bri_tour_insert_stop:
 * @position: where, up to the number of stops
 * @stop: a stop that is in no tour
 */
void
bri_tour_insert_stop (BriTour     *self,
                      guint        position,
                      BriTourStop *stop)
{
  Edit *edit;

  g_return_if_fail (BRI_IS_TOUR (self));
  g_return_if_fail (BRI_IS_TOUR_STOP (stop));
  g_return_if_fail (position <= self->stops->len);
  /* Field changes address a stop by its position: one object in two
   * places would take both changes. */
  g_return_if_fail (!g_ptr_array_find (self->stops, stop, NULL));

  edit = edit_new (EDIT_INSERT, position);
  edit->stop = g_object_ref (stop);
  push (self, edit);
  self->merge_open = FALSE;
}

void
bri_tour_append_stop (BriTour     *self,
                      BriTourStop *stop)
{
  g_return_if_fail (BRI_IS_TOUR (self));

  bri_tour_insert_stop (self, self->stops->len, stop);
}

void
bri_tour_remove_stop (BriTour *self,
                      guint    position)
{
  Edit *edit;

  g_return_if_fail (BRI_IS_TOUR (self));
  g_return_if_fail (position < self->stops->len);

  edit = edit_new (EDIT_REMOVE, position);
  edit->stop = g_object_ref (g_ptr_array_index (self->stops, position));
  push (self, edit);
  self->merge_open = FALSE;
}

/**
 * bri_tour_move_stop:
 * @from: the stop's position
 * @to: its position afterwards
 */
void
bri_tour_move_stop (BriTour *self,
                    guint    from,
                    guint    to)
{
  Edit *edit;

  g_return_if_fail (BRI_IS_TOUR (self));
  g_return_if_fail (from < self->stops->len);
  g_return_if_fail (to < self->stops->len);

  if (from == to)
    return;

  edit = edit_new (EDIT_MOVE, from);
  edit->to = to;
  push (self, edit);
  self->merge_open = FALSE;
}

static GParamSpec *
stop_pspec (const char *name)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (BRI_TYPE_TOUR_STOP);

  return g_object_class_find_property (G_OBJECT_CLASS (klass), name);
}

static void
set_stop_value (BriTour      *self,
                guint         position,
                const char   *name,
                const GValue *value)
{
  set_field (self, position, stop_pspec (name), value);
}

#define SET_STOP_FIELD(self, position, name, gtype, setter, field_value) \
  G_STMT_START { \
    g_auto(GValue) value = G_VALUE_INIT; \
    g_return_if_fail (BRI_IS_TOUR (self)); \
    g_return_if_fail ((position) < (self)->stops->len); \
    g_value_init (&value, gtype); \
    setter (&value, field_value); \
    set_stop_value (self, position, name, &value); \
  } G_STMT_END

void
bri_tour_set_stop_title (BriTour    *self,
                         guint       position,
                         const char *title)
{
  SET_STOP_FIELD (self, position, "title", G_TYPE_STRING, g_value_set_string, title ? title : "");
}

/* @view: a view location */
void
bri_tour_set_stop_view (BriTour     *self,
                        guint        position,
                        BriLocation *view)
{
  g_return_if_fail (BRI_IS_LOCATION (view) && bri_location_get_kind (view) == BRI_LOCATION_VIEW);

  SET_STOP_FIELD (self, position, "view", BRI_TYPE_LOCATION, g_value_set_object, view);
}

/* @subject: (nullable): a feature, country or passage location */
void
bri_tour_set_stop_subject (BriTour     *self,
                           guint        position,
                           BriLocation *subject)
{
  g_return_if_fail (subject == NULL || bri_tour_stop_is_subject (subject));

  SET_STOP_FIELD (self, position, "subject", BRI_TYPE_LOCATION, g_value_set_object, subject);
}

void
bri_tour_set_stop_caption (BriTour    *self,
                           guint       position,
                           const char *caption)
{
  SET_STOP_FIELD (self, position, "caption", G_TYPE_STRING, g_value_set_string, caption ? caption : "");
}

/* @quote: (nullable): a passage location */
void
bri_tour_set_stop_quote (BriTour     *self,
                         guint        position,
                         BriLocation *quote)
{
  g_return_if_fail (quote == NULL || bri_location_get_kind (quote) == BRI_LOCATION_PASSAGE);

  SET_STOP_FIELD (self, position, "quote", BRI_TYPE_LOCATION, g_value_set_object, quote);
}

void
bri_tour_set_stop_notes (BriTour    *self,
                         guint       position,
                         const char *notes)
{
  SET_STOP_FIELD (self, position, "notes", G_TYPE_STRING, g_value_set_string, notes ? notes : "");
}

/* @reveal: (nullable) (array zero-terminated=1): feature ids */
void
bri_tour_set_stop_reveal (BriTour            *self,
                          guint               position,
                          const char * const *reveal)
{
  static const char * const none[] = { NULL };

  SET_STOP_FIELD (self, position, "reveal", G_TYPE_STRV, g_value_set_boxed, reveal ? reveal : none);
}

/* @duration: seconds, or 0 for none */
void
bri_tour_set_stop_duration (BriTour *self,
                            guint    position,
                            double   duration)
{
  g_return_if_fail (isfinite (duration) && duration >= 0);

  SET_STOP_FIELD (self, position, "duration", G_TYPE_DOUBLE, g_value_set_double, duration);
}

/* Undo and redo */

gboolean
bri_tour_can_undo (BriTour *self)
{
  g_return_val_if_fail (BRI_IS_TOUR (self), FALSE);

  return self->undo->len > 0;
}

gboolean
bri_tour_can_redo (BriTour *self)
{
  g_return_val_if_fail (BRI_IS_TOUR (self), FALSE);

  return self->redo->len > 0;
}

/* Returns: %FALSE when there was nothing to undo */
gboolean
bri_tour_undo (BriTour *self)
{
  Edit *edit;

  g_return_val_if_fail (BRI_IS_TOUR (self), FALSE);

  if (self->undo->len == 0)
    return FALSE;

  self->merge_open = FALSE;
  edit = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  g_ptr_array_add (self->redo, edit);
  apply (self, edit, FALSE);
  touch (self, TRUE, self->redo->len > 1);
  return TRUE;
}

/* Returns: %FALSE when there was nothing to redo */
gboolean
bri_tour_redo (BriTour *self)
{
  Edit *edit;

  g_return_val_if_fail (BRI_IS_TOUR (self), FALSE);

  if (self->redo->len == 0)
    return FALSE;

  self->merge_open = FALSE;
  edit = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  g_ptr_array_add (self->undo, edit);
  apply (self, edit, TRUE);
  touch (self, self->undo->len > 1, TRUE);
  return TRUE;
}

/* The next change starts a new undo step even if it is to the same
 * field: for an editor losing focus. */
void
bri_tour_seal_undo (BriTour *self)
{
  g_return_if_fail (BRI_IS_TOUR (self));

  self->merge_open = FALSE;
}

/* Forgets every step, as after loading. */
void
bri_tour_clear_undo (BriTour *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (BRI_IS_TOUR (self));

  could_undo = bri_tour_can_undo (self);
  could_redo = bri_tour_can_redo (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->merge_open = FALSE;

  if (could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}
