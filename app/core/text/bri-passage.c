/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriPassage: the unit a marker links to and a reader reads.  Its text is
 * final once built; only the mentions are set later, by the linker. */

#define G_LOG_DOMAIN "bri-passage"

#include "config.h"

#include "bri-passage-private.h"

struct _BriPassage
{
  GObject         parent_instance;

  BriDocument    *document;      /* owner; not a reference, cleared when it goes */
  char           *document_id;
  guint           ordinal;
  BriPassageKind  kind;
  char          **heading_path;
  char           *heading;
  char           *text;
  GPtrArray      *mentions;
};

G_DEFINE_FINAL_TYPE (BriPassage, bri_passage, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (BriPassageKind, bri_passage_kind,
                    G_DEFINE_ENUM_VALUE (BRI_PASSAGE_HEADING, "heading"),
                    G_DEFINE_ENUM_VALUE (BRI_PASSAGE_PARAGRAPH, "paragraph"),
                    G_DEFINE_ENUM_VALUE (BRI_PASSAGE_LIST_ITEM, "list-item"),
                    G_DEFINE_ENUM_VALUE (BRI_PASSAGE_CAPTION, "caption"))

enum
{
  PROP_0,
  PROP_DOCUMENT_ID,
  PROP_ORDINAL,
  PROP_KIND,
  PROP_HEADING,
  PROP_HEADING_PATH,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bri_passage_finalize (GObject *object)
{
  BriPassage *self = (BriPassage *) object;

  g_clear_pointer (&self->document_id, g_free);
  g_clear_pointer (&self->heading_path, g_strfreev);
  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);

  G_OBJECT_CLASS (bri_passage_parent_class)->finalize (object);
}

static void
bri_passage_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BriPassage *self = BRI_PASSAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      g_value_set_string (value, self->document_id);
      break;

    case PROP_ORDINAL:
      g_value_set_uint (value, self->ordinal);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;

    case PROP_HEADING_PATH:
      g_value_set_boxed (value, self->heading_path);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_passage_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BriPassage *self = BRI_PASSAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      g_free (self->document_id);
      self->document_id = g_value_dup_string (value);
      break;

    case PROP_ORDINAL:
      self->ordinal = g_value_get_uint (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_HEADING_PATH:
      g_strfreev (self->heading_path);
      self->heading_path = g_value_dup_boxed (value);
      break;

    case PROP_TEXT:
      g_free (self->text);
      self->text = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_passage_constructed (GObject *object)
{
  BriPassage *self = (BriPassage *) object;

  G_OBJECT_CLASS (bri_passage_parent_class)->constructed (object);

  if (self->document_id == NULL)
    self->document_id = g_strdup ("");
  if (self->text == NULL)
    self->text = g_strdup ("");
  if (self->heading_path == NULL)
    self->heading_path = g_new0 (char *, 1);

  self->heading = g_strjoinv (BRI_PASSAGE_HEADING_SEPARATOR, self->heading_path);
}

static void
bri_passage_class_init (BriPassageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bri_passage_finalize;
  object_class->constructed = bri_passage_constructed;
  object_class->get_property = bri_passage_get_property;
  object_class->set_property = bri_passage_set_property;

  properties[PROP_DOCUMENT_ID] =
    g_param_spec_string ("document-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ORDINAL] =
    g_param_spec_uint ("ordinal", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       BRI_TYPE_PASSAGE_KIND, BRI_PASSAGE_PARAGRAPH,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The path joined with " › ", for display; derived from heading-path. */
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_HEADING_PATH] =
    g_param_spec_boxed ("heading-path", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bri_passage_init (BriPassage *self)
{
  self->kind = BRI_PASSAGE_PARAGRAPH;
  self->mentions = g_ptr_array_new_with_free_func (g_object_unref);
}

const char *
bri_passage_kind_to_string (BriPassageKind kind)
{
  switch (kind)
    {
    case BRI_PASSAGE_HEADING:
      return "heading";
    case BRI_PASSAGE_PARAGRAPH:
      return "paragraph";
    case BRI_PASSAGE_LIST_ITEM:
      return "list-item";
    case BRI_PASSAGE_CAPTION:
      return "caption";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * bri_passage_new:
 * @document: (nullable): the owning document; kept as a plain pointer
 * @document_id: the document's id
 * @ordinal: 0-based position in the document
 * @kind: what the passage is
 * @heading_path: (nullable) (array zero-terminated=1): the enclosing
 *   headings, outermost first
 * @text: the cleaned text
 */
BriPassage *
bri_passage_new (BriDocument        *document,
                 const char         *document_id,
                 guint               ordinal,
                 BriPassageKind      kind,
                 const char * const *heading_path,
                 const char         *text)
{
  BriPassage *self;

  g_return_val_if_fail (document_id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (BRI_TYPE_PASSAGE,
                       "document-id", document_id,
                       "ordinal", ordinal,
                       "kind", kind,
                       "heading-path", heading_path,
                       "text", text,
                       NULL);
  self->document = document;

  return self;
}

void
bri_passage_clear_document (BriPassage *self)
{
  g_return_if_fail (BRI_IS_PASSAGE (self));

  self->document = NULL;
}

/**
 * bri_passage_get_document:
 *
 * Returns: (transfer none) (nullable): the document holding the passage,
 *   or %NULL once that document is gone
 */
BriDocument *
bri_passage_get_document (BriPassage *self)
{
  g_return_val_if_fail (BRI_IS_PASSAGE (self), NULL);

  return self->document;
}

const char *
bri_passage_get_document_id (BriPassage *self)
{
  g_return_val_if_fail (BRI_IS_PASSAGE (self), NULL);

  return self->document_id;
}

guint
bri_passage_get_ordinal (BriPassage *self)
{
  g_return_val_if_fail (BRI_IS_PASSAGE (self), 0);

  return self->ordinal;
}

BriPassageKind
bri_passage_get_kind (BriPassage *self)
{
  g_return_val_if_fail (BRI_IS_PASSAGE (self), BRI_PASSAGE_PARAGRAPH);

  return self->kind;
}

/**
 * bri_passage_get_heading:
 *
 * Returns: the enclosing headings joined by " › ", "" if none; for a
 *   heading, the headings above it
 */
const char *
bri_passage_get_heading (BriPassage *self)
{
  g_return_val_if_fail (BRI_IS_PASSAGE (self), NULL);

  return self->heading;
}

/**
 * bri_passage_get_heading_path:
 *
 * Returns: (transfer none) (array zero-terminated=1): the enclosing
 *   headings, outermost first; empty, never %NULL
 */
const char * const *
bri_passage_get_heading_path (BriPassage *self)
{
  g_return_val_if_fail (BRI_IS_PASSAGE (self), NULL);

  return (const char * const *) self->heading_path;
}

const char *
bri_passage_get_text (BriPassage *self)
{
  g_return_val_if_fail (BRI_IS_PASSAGE (self), NULL);

  return self->text;
}

/**
 * bri_passage_get_mentions:
 *
 * Returns: (transfer none) (element-type GObject): what the linker found
 *   in the passage; empty until it has run, never %NULL
 */
GPtrArray *
bri_passage_get_mentions (BriPassage *self)
{
  g_return_val_if_fail (BRI_IS_PASSAGE (self), NULL);

  return self->mentions;
}

/**
 * bri_passage_set_mentions:
 * @mentions: (element-type GObject): the mentions; a new reference is taken
 *
 * Set once, by the linker, before the passage is shared with other threads.
 */
void
bri_passage_set_mentions (BriPassage *self,
                          GPtrArray  *mentions)
{
  g_return_if_fail (BRI_IS_PASSAGE (self));
  g_return_if_fail (mentions != NULL);

  if (mentions == self->mentions)
    return;

  g_ptr_array_ref (mentions);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  self->mentions = mentions;
}
