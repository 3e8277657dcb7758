/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriDocument: one source document and its passages.  The loader reads the
 * catalogue (documents.json) and the raw texts, teaches the lexicon the
 * corpus's words, then cleans every text into passages. */

#define G_LOG_DOMAIN "bri-document"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bri-document.h"
#include "bri-json-record.h"
#include "bri-passage-private.h"
#include "bri-text-clean.h"

#define CATALOGUE_NAME "documents.json"

struct _BriDocument
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *publisher;
  char       *author;
  char       *date;
  char       *kind;
  char       *source_file;
  GHashTable *metadata;   /* what the text's page chrome said */
  GListStore *passages;
};

G_DEFINE_FINAL_TYPE (BriDocument, bri_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (bri-document-error-quark, bri_document_error)

enum
{
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_AUTHOR,
  PROP_DATE,
  PROP_KIND,
  PROP_SOURCE_FILE,
  PROP_N_PASSAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bri_document_dispose (GObject *object)
{
  BriDocument *self = (BriDocument *) object;

  /* Passages may outlive us (a search result holding one): tell them. */
  if (self->passages != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->passages));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BriPassage) passage = g_list_model_get_item (G_LIST_MODEL (self->passages), i);

          bri_passage_clear_document (passage);
        }
      g_clear_object (&self->passages);
    }

  G_OBJECT_CLASS (bri_document_parent_class)->dispose (object);
}

static void
bri_document_finalize (GObject *object)
{
  BriDocument *self = (BriDocument *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->source_file, g_free);
  g_clear_pointer (&self->metadata, g_hash_table_unref);

  G_OBJECT_CLASS (bri_document_parent_class)->finalize (object);
}

static void
bri_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BriDocument *self = BRI_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_SOURCE_FILE:
      g_value_set_string (value, self->source_file);
      break;

    case PROP_N_PASSAGES:
      g_value_set_uint (value, bri_document_get_n_passages (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BriDocument *self = BRI_DOCUMENT (object);
  char **field;

  switch (prop_id)
    {
    case PROP_ID: field = &self->id; break;
    case PROP_TITLE: field = &self->title; break;
    case PROP_PUBLISHER: field = &self->publisher; break;
    case PROP_AUTHOR: field = &self->author; break;
    case PROP_DATE: field = &self->date; break;
    case PROP_KIND: field = &self->kind; break;
    case PROP_SOURCE_FILE: field = &self->source_file; break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_free (*field);
  *field = g_value_dup_string (value);
}

static void
bri_document_class_init (BriDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bri_document_dispose;
  object_class->finalize = bri_document_finalize;
  object_class->get_property = bri_document_get_property;
  object_class->set_property = bri_document_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHER] = g_param_spec_string ("publisher", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  /* ISO 8601, as precise as known: "2017", "2023-10", "2019-04-22". */
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE_FILE] = g_param_spec_string ("source-file", NULL, NULL, NULL, flags);
  properties[PROP_N_PASSAGES] =
    g_param_spec_uint ("n-passages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bri_document_init (BriDocument *self)
{
  self->passages = g_list_store_new (BRI_TYPE_PASSAGE);
}

static BriPassageKind
passage_kind (BriTextBlockKind kind)
{
  switch (kind)
    {
    case BRI_TEXT_BLOCK_HEADING:
      return BRI_PASSAGE_HEADING;
    case BRI_TEXT_BLOCK_LIST_ITEM:
      return BRI_PASSAGE_LIST_ITEM;
    case BRI_TEXT_BLOCK_CAPTION:
      return BRI_PASSAGE_CAPTION;
    case BRI_TEXT_BLOCK_PARAGRAPH:
    default:
      return BRI_PASSAGE_PARAGRAPH;
    }
}

/* Cleans @text with a lexicon that already knows the corpus's words. */
static void
build_passages (BriDocument *self,
                const char  *text,
                BriLexicon  *lexicon)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GPtrArray) path = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) passages = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTable *metadata = NULL;

  blocks = bri_text_clean (text, lexicon, self->title, &metadata);
  self->metadata = metadata;

  for (guint i = 0; i < blocks->len; i++)
    {
      BriTextBlock *block = g_ptr_array_index (blocks, i);
      g_autoptr(GPtrArray) heading_path = NULL;

      if (block->kind == BRI_TEXT_BLOCK_HEADING)
        {
          /* A heading's own path is its parents. */
          if (path->len >= block->level)
            g_ptr_array_set_size (path, block->level - 1);
        }
      else if (path->len > block->depth)
        {
          /* Back in the main text after a box ("Panel 1 …"): the box's
           * title no longer applies. */
          g_ptr_array_set_size (path, block->depth);
        }

      heading_path = g_ptr_array_new ();
      for (guint k = 0; k < path->len; k++)
        g_ptr_array_add (heading_path, g_ptr_array_index (path, k));
      g_ptr_array_add (heading_path, NULL);

      g_ptr_array_add (passages,
                       bri_passage_new (self, self->id, passages->len,
                                        passage_kind (block->kind),
                                        (const char * const *) heading_path->pdata,
                                        block->text));

      if (block->kind == BRI_TEXT_BLOCK_HEADING)
        g_ptr_array_add (path, g_strdup (block->text));
    }

  g_list_store_splice (self->passages, 0, 0, passages->pdata, passages->len);

  if (self->author == NULL && metadata != NULL && g_hash_table_contains (metadata, "author"))
    self->author = g_strdup (g_hash_table_lookup (metadata, "author"));
}

static BriDocument *
document_new (const char *id,
              const char *title,
              const char *publisher,
              const char *author,
              const char *date,
              const char *kind,
              const char *source_file)
{
  return g_object_new (BRI_TYPE_DOCUMENT,
                       "id", id,
                       "title", title,
                       "publisher", publisher,
                       "author", author,
                       "date", date,
                       "kind", kind,
                       "source-file", source_file,
                       NULL);
}

/**
 * bri_document_new_from_text:
 * @id: a unique id
 * @title: the title
 * @publisher: (nullable): who published it
 * @author: (nullable): who wrote it; else taken from a byline in @text
 * @date: (nullable): ISO 8601 date, as precise as known
 * @kind: (nullable): "article", "white paper", …
 * @source_file: (nullable): where the text came from
 * @text: the raw text; invalid UTF-8 is replaced
 * @lexicon: (nullable): the shared lexicon; it is not modified (the
 *   text's own words go into a private child lexicon)
 *
 * Cleans @text into passages, the way built-in documents are; for
 * documents a user imports.
 */
BriDocument *
bri_document_new_from_text (const char *id,
                            const char *title,
                            const char *publisher,
                            const char *author,
                            const char *date,
                            const char *kind,
                            const char *source_file,
                            const char *text,
                            BriLexicon *lexicon)
{
  g_autoptr(BriDocument) self = NULL;
  g_autoptr(BriLexicon) words = NULL;
  g_autofree char *valid = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (lexicon == NULL || BRI_IS_LEXICON (lexicon), NULL);

  valid = g_utf8_make_valid (text, -1);
  words = lexicon != NULL ? bri_lexicon_new_child (lexicon) : bri_lexicon_new ();
  bri_lexicon_add_text (words, valid);

  self = document_new (id, title, publisher, author, date, kind, source_file);
  build_passages (self, valid, words);

  return g_steal_pointer (&self);
}

const char *
bri_document_get_id (BriDocument *self)
{
  g_return_val_if_fail (BRI_IS_DOCUMENT (self), NULL);

  return self->id;
}

const char *
bri_document_get_title (BriDocument *self)
{
  g_return_val_if_fail (BRI_IS_DOCUMENT (self), NULL);

  return self->title;
}

const char *
bri_document_get_publisher (BriDocument *self)
{
  g_return_val_if_fail (BRI_IS_DOCUMENT (self), NULL);

  return self->publisher;
}

/**
 * bri_document_get_author:
 *
 * Returns: (nullable): the author, if known
 */
const char *
bri_document_get_author (BriDocument *self)
{
  g_return_val_if_fail (BRI_IS_DOCUMENT (self), NULL);

  return self->author;
}

const char *
bri_document_get_date (BriDocument *self)
{
  g_return_val_if_fail (BRI_IS_DOCUMENT (self), NULL);

  return self->date;
}

/**
 * bri_document_get_year:
 *
 * Returns: the year of the document's date, or 0 if it has none
 */
int
bri_document_get_year (BriDocument *self)
{
  int year = 0;

  g_return_val_if_fail (BRI_IS_DOCUMENT (self), 0);

  if (self->date == NULL)
    return 0;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (self->date[i]))
        return 0;
      year = year * 10 + (self->date[i] - '0');
    }

  return year;
}

const char *
bri_document_get_kind (BriDocument *self)
{
  g_return_val_if_fail (BRI_IS_DOCUMENT (self), NULL);

  return self->kind;
}

const char *
bri_document_get_source_file (BriDocument *self)
{
  g_return_val_if_fail (BRI_IS_DOCUMENT (self), NULL);

  return self->source_file;
}

/**
 * bri_document_get_metadata:
 * @key: "date", "source", "hits", "author", "updated", "editor",
 *   "title", "front-matter", "last revision date", …
 *
 * Returns: (nullable): what the text's page chrome said about @key
 */
const char *
bri_document_get_metadata (BriDocument *self,
                           const char  *key)
{
  g_return_val_if_fail (BRI_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (self->metadata == NULL)
    return NULL;

  return g_hash_table_lookup (self->metadata, key);
}

/**
 * bri_document_get_passages:
 *
 * Returns: (transfer none): a #GListModel of #BriPassage, in reading order
 */
GListModel *
bri_document_get_passages (BriDocument *self)
{
  g_return_val_if_fail (BRI_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->passages);
}

guint
bri_document_get_n_passages (BriDocument *self)
{
  g_return_val_if_fail (BRI_IS_DOCUMENT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->passages));
}

/**
 * bri_document_get_passage:
 * @ordinal: 0-based
 *
 * Returns: (transfer none) (nullable): the passage, or %NULL if @ordinal
 *   is out of range
 */
BriPassage *
bri_document_get_passage (BriDocument *self,
                          guint        ordinal)
{
  g_autoptr(BriPassage) passage = NULL;

  g_return_val_if_fail (BRI_IS_DOCUMENT (self), NULL);

  passage = g_list_model_get_item (G_LIST_MODEL (self->passages), ordinal);

  /* The store keeps its own reference. */
  return passage;
}

/* ------------------------------------------------------------------------ */
/* Loading the catalogue */

typedef struct
{
  char *id;
  char *title;
  char *publisher;
  char *author;
  char *date;
  char *kind;
  char *source_file;
  char *text;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->id);
  g_free (entry->title);
  g_free (entry->publisher);
  g_free (entry->author);
  g_free (entry->date);
  g_free (entry->kind);
  g_free (entry->source_file);
  g_free (entry->text);
}

/* The byte-order marks a text may start with.  UTF-32LE comes before
 * UTF-16LE: its mark begins with UTF-16LE's. */
static const struct
{
  const char   *charset;
  const guint8  mark[4];
  gsize         mark_len;
} byte_order_marks[] = {
  { "UTF-32LE", { 0xFF, 0xFE, 0x00, 0x00 }, 4 },
  { "UTF-32BE", { 0x00, 0x00, 0xFE, 0xFF }, 4 },
  { "UTF-8",    { 0xEF, 0xBB, 0xBF },       3 },
  { "UTF-16LE", { 0xFF, 0xFE },             2 },
  { "UTF-16BE", { 0xFE, 0xFF },             2 },
};

/* The contents of the file @name as UTF-8 text, without a byte-order
 * mark: as they are when they are UTF-8, converted when a mark says
 * UTF-16 or UTF-32.  Anything else (Latin-1, Windows-1252) is refused
 * with the offset of the first byte that is not UTF-8, rather than
 * guessed at: a wrong guess would garble names without a word. */
static char *
decode_text (const char  *name,
             const char  *data,
             gsize        len,
             GError     **error)
{
  const char *charset = "UTF-8";
  gsize skip = 0;
  const char *end = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (byte_order_marks); i++)
    if (len >= byte_order_marks[i].mark_len &&
        memcmp (data, byte_order_marks[i].mark, byte_order_marks[i].mark_len) == 0)
      {
        charset = byte_order_marks[i].charset;
        skip = byte_order_marks[i].mark_len;
        break;
      }

  if (!g_str_equal (charset, "UTF-8"))
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *text = NULL;
      gsize bytes_read = 0;
      gsize written = 0;

      text = g_convert (data + skip, len - skip, "UTF-8", charset, &bytes_read, &written, &local_error);
      if (text == NULL)
        {
          g_set_error (error, BRI_DOCUMENT_ERROR, BRI_DOCUMENT_ERROR_ENCODING,
                       /* TRANSLATORS: a file name, the encoding its byte-order
                        * mark announces, then where the text stops making
                        * sense (counted in bytes) */
                       _("%s: not %s text as its byte-order mark says (invalid sequence at byte %lu)"),
                       name, charset, (unsigned long) (skip + bytes_read));
          return NULL;
        }

      /* A NUL inside would silently cut the text short. */
      if (memchr (text, '\0', written) != NULL)
        {
          g_set_error (error, BRI_DOCUMENT_ERROR, BRI_DOCUMENT_ERROR_ENCODING,
                       /* TRANSLATORS: a file name, then an encoding */
                       _("%s: the %s text has a NUL character in it"), name, charset);
          return NULL;
        }

      return g_steal_pointer (&text);
    }

  /* g_utf8_validate_len() stops at a NUL too: it would cut the text short. */
  if (!g_utf8_validate_len (data + skip, len - skip, &end))
    {
      if (*end == '\0')
        g_set_error (error, BRI_DOCUMENT_ERROR, BRI_DOCUMENT_ERROR_ENCODING,
                     /* TRANSLATORS: a file name, then where in the file (counted in bytes) */
                     _("%s: not UTF-8 text (NUL byte at byte %lu); save it as UTF-8"),
                     name, (unsigned long) (end - data));
      else
        g_set_error (error, BRI_DOCUMENT_ERROR, BRI_DOCUMENT_ERROR_ENCODING,
                     /* TRANSLATORS: a file name, the byte's value, then where in
                      * the file it is (counted in bytes) */
                     _("%s: not UTF-8 text (invalid byte 0x%02X at byte %lu); save it as UTF-8"),
                     name, (guchar) *end, (unsigned long) (end - data));
      return NULL;
    }

  return g_strndup (data + skip, len - skip);
}

/* json-glib says "<data>:3:14: Parse error: …"; name the file and say
 * where in words. */
static void
set_syntax_error (GError      **error,
                  const GError *parse_error)
{
  const char *message = parse_error->message;
  unsigned int line = 0;
  unsigned int column = 0;
  int consumed = 0;

  if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    {
      message += consumed;
      if (g_str_has_prefix (message, "Parse error: "))
        message += strlen ("Parse error: ");

      g_set_error (error, BRI_DOCUMENT_ERROR, BRI_DOCUMENT_ERROR_SYNTAX,
                   /* TRANSLATORS: a file name, a line, a column, then what
                    * the JSON parser said */
                   _("%s: JSON syntax error at line %u, column %u: %s"),
                   CATALOGUE_NAME, line, column, message);
      return;
    }

  g_set_error (error, BRI_DOCUMENT_ERROR, BRI_DOCUMENT_ERROR_SYNTAX,
               _("%s: JSON syntax error: %s"), CATALOGUE_NAME, message);
}

/* One catalogue entry, every member type-checked. */
static gboolean
read_entry (JsonNode  *node,
            guint      index,
            Entry     *entry,
            GError   **error)
{
  const BriJsonFlags required = BRI_JSON_REQUIRED | BRI_JSON_NON_EMPTY;
  BriJsonRecord record;
  JsonObject *object;
  const char *id, *title, *publisher, *date, *kind, *source_file, *author;
  gboolean ok;

  bri_json_record_init (&record, BRI_DOCUMENT_ERROR, BRI_DOCUMENT_ERROR_INVALID);
  /* TRANSLATORS: the catalogue's file name, then the entry's number */
  bri_json_record_set_where (&record, _("%s: entry %u"), CATALOGUE_NAME, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      bri_json_record_fail (&record, error, _("a document must be an object, not %s"),
                            bri_json_node_describe (node));
      bri_json_record_clear (&record);
      return FALSE;
    }
  object = json_node_get_object (node);

  ok = bri_json_record_get_string (&record, object, "id", required, &id, error);
  if (ok)
    /* TRANSLATORS: the catalogue's file name, the entry's number, then its id */
    bri_json_record_set_where (&record, _("%s: entry %u (“%s”)"), CATALOGUE_NAME, index, id);

  ok = ok &&
       bri_json_record_get_string (&record, object, "title", required, &title, error) &&
       bri_json_record_get_string (&record, object, "publisher", required, &publisher, error) &&
       bri_json_record_get_string (&record, object, "date", required, &date, error) &&
       bri_json_record_get_string (&record, object, "kind", required, &kind, error) &&
       bri_json_record_get_string (&record, object, "source_file", required, &source_file, error) &&
       bri_json_record_get_string (&record, object, "author", BRI_JSON_NON_EMPTY, &author, error);
  bri_json_record_clear (&record);
  if (!ok)
    return FALSE;

  entry->id = g_strdup (id);
  entry->title = g_strdup (title);
  entry->publisher = g_strdup (publisher);
  entry->date = g_strdup (date);
  entry->kind = g_strdup (kind);
  entry->source_file = g_strdup (source_file);
  entry->author = g_strdup (author);

  return TRUE;
}

static gboolean
is_plain_file_name (const char *name)
{
  return strchr (name, '/') == NULL && strchr (name, '\\') == NULL &&
         strcmp (name, ".") != 0 && strcmp (name, "..") != 0;
}

static GArray *
read_catalogue (GFile      *documents_dir,
                GPtrArray  *problems,
                GError    **error)
{
  g_autoptr(GFile) catalogue = g_file_get_child (documents_dir, CATALOGUE_NAME);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  JsonNode *root;
  JsonArray *array;

  if (!g_file_load_contents (catalogue, NULL, &data, &len, NULL, &local_error))
    {
      /* TRANSLATORS: a file name, before what went wrong with it */
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), _("%s: "), CATALOGUE_NAME);
      return NULL;
    }

  text = decode_text (CATALOGUE_NAME, data, len, error);
  if (text == NULL)
    return NULL;

  if (!json_parser_load_from_data (parser, text, -1, &local_error))
    {
      set_syntax_error (error, local_error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, BRI_DOCUMENT_ERROR, BRI_DOCUMENT_ERROR_INVALID,
                   _("%s: expected an array of documents"), CATALOGUE_NAME);
      return NULL;
    }

  array = json_node_get_array (root);
  entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (entries, entry_clear);

  /* A bad entry is that document's problem, not the catalogue's. */
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) problem = NULL;
      Entry entry = { 0, };

      if (read_entry (json_array_get_element (array, i), i, &entry, &problem))
        {
          if (g_hash_table_contains (ids, entry.id))
            g_set_error (&problem, BRI_DOCUMENT_ERROR, BRI_DOCUMENT_ERROR_INVALID,
                         _("%s: entry %u repeats the id \"%s\""), CATALOGUE_NAME, i, entry.id);
          else if (!is_plain_file_name (entry.source_file))
            g_set_error (&problem, BRI_DOCUMENT_ERROR, BRI_DOCUMENT_ERROR_UNKNOWN_SOURCE,
                         _("%s: unknown source file \"%s\" in entry %u (a file name in the same directory is expected)"),
                         CATALOGUE_NAME, entry.source_file, i);
        }

      if (problem != NULL)
        {
          entry_clear (&entry);
          g_ptr_array_add (problems, g_steal_pointer (&problem));
          continue;
        }

      g_array_append_val (entries, entry);
      g_hash_table_add (ids, g_array_index (entries, Entry, entries->len - 1).id);
    }

  return g_steal_pointer (&entries);
}

/* Reads the text of entry @index into @entry. */
static gboolean
read_text (GFile   *documents_dir,
           Entry   *entry,
           guint    index,
           GError **error)
{
  g_autoptr(GFile) file = g_file_get_child (documents_dir, entry->source_file);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_load_contents (file, NULL, &data, &len, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_error_matches (local_error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND))
        g_set_error (error, BRI_DOCUMENT_ERROR, BRI_DOCUMENT_ERROR_UNKNOWN_SOURCE,
                     /* TRANSLATORS: the catalogue's file name, a file name,
                      * the entry's number, then the document's id */
                     _("%s: unknown source file \"%s\" in entry %u (\"%s\")"),
                     CATALOGUE_NAME, entry->source_file, index, entry->id);
      else
        /* TRANSLATORS: a file name, before what went wrong with it */
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), _("%s: "), entry->source_file);
      return FALSE;
    }

  entry->text = decode_text (entry->source_file, data, len, error);

  return entry->text != NULL;
}

/**
 * bri_document_load_all:
 * @documents_dir: a directory holding documents.json and the texts it
 *   names; a real directory or a resource:// one (BRI_DOCUMENTS_RESOURCE_URI)
 * @lexicon: (nullable): the lexicon to clean with; %NULL loads the
 *   built-in word list.  It gains the words of every text, so it must not
 *   be read by other threads until this returns; afterwards it is only read.
 * @problems: (out) (optional) (transfer full) (element-type GError): the
 *   documents that could not be loaded, each a #BriDocumentError naming
 *   the file and what is wrong with it: a catalogue entry that is not
 *   right, a text that is missing, unreadable or in an encoding other than
 *   UTF-8 (or UTF-16 or UTF-32 with a byte-order mark)
 * @error: return location for an error about documents.json itself: a
 *   #BriDocumentError or a #GIOError
 *
 * One bad document never stops the others: it is left out and reported in
 * @problems, the catalogue's entries first, then the texts, each in
 * catalogue order.
 *
 * Returns: (transfer full) (element-type BriDocument): the documents that
 *   loaded, in catalogue order, or %NULL if documents.json cannot be read
 */
GPtrArray *
bri_document_load_all (GFile       *documents_dir,
                       BriLexicon  *lexicon,
                       GPtrArray  **problems,
                       GError     **error)
{
  g_autoptr(BriLexicon) fallback = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  g_return_val_if_fail (G_IS_FILE (documents_dir), NULL);
  g_return_val_if_fail (lexicon == NULL || BRI_IS_LEXICON (lexicon), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  if (lexicon == NULL)
    {
      fallback = bri_lexicon_new_default (error);
      if (fallback == NULL)
        return NULL;
      lexicon = fallback;
    }

  entries = read_catalogue (documents_dir, found, error);
  if (entries == NULL)
    return NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(GError) problem = NULL;

      if (!read_text (documents_dir, &g_array_index (entries, Entry, i), i, &problem))
        g_ptr_array_add (found, g_steal_pointer (&problem));
    }

  /* Every text teaches the lexicon first, so a name or a word spelled
   * whole in one document lets the cleaner repair it in another. */
  for (guint i = 0; i < entries->len; i++)
    if (g_array_index (entries, Entry, i).text != NULL)
      bri_lexicon_add_text (lexicon, g_array_index (entries, Entry, i).text);

  documents = g_ptr_array_new_full (entries->len, g_object_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      BriDocument *document;

      if (entry->text == NULL)
        continue;

      document = document_new (entry->id, entry->title, entry->publisher, entry->author,
                               entry->date, entry->kind, entry->source_file);
      build_passages (document, entry->text, lexicon);
      g_ptr_array_add (documents, document);
    }

  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return g_steal_pointer (&documents);
}
