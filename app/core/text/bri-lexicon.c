/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriLexicon: the words the text cleaner may produce.  A word list alone
 * does not know "Piraeus", "Kyaukphyu" or "proactively", so the lexicon also
 * learns the words a corpus spells out whole.  It is built once (dictionary,
 * then corpus text) and then only read, from any thread. */

#define G_LOG_DOMAIN "bri-lexicon"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bri-data-resources.h"
#include "bri-lexicon.h"
#include "bri-lexicon-private.h"

typedef enum
{
  WORD_PRESENT = 1 << 0,
  WORD_LOWER   = 1 << 1, /* seen written in lower case: a common word, not only a name */
  WORD_DICT    = 1 << 2,
  WORD_CORPUS  = 1 << 3,
} WordFlags;

struct _BriLexicon
{
  GObject       parent_instance;

  BriLexicon   *parent;
  GStringChunk *chunk;
  GHashTable   *words;   /* folded word (in chunk) → WordFlags */
};

G_DEFINE_FINAL_TYPE (BriLexicon, bri_lexicon, G_TYPE_OBJECT)

static void
bri_lexicon_finalize (GObject *object)
{
  BriLexicon *self = (BriLexicon *) object;

  g_clear_object (&self->parent);
  g_clear_pointer (&self->words, g_hash_table_unref);
  g_clear_pointer (&self->chunk, g_string_chunk_free);

  G_OBJECT_CLASS (bri_lexicon_parent_class)->finalize (object);
}

static void
bri_lexicon_class_init (BriLexiconClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bri_lexicon_finalize;
}

static void
bri_lexicon_init (BriLexicon *self)
{
  self->chunk = g_string_chunk_new (64 * 1024);
  self->words = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * bri_lexicon_new:
 *
 * Creates an empty lexicon.  Fill it with bri_lexicon_add_dictionary() and
 * bri_lexicon_add_text() (dictionaries first: the corpus reader uses them to
 * recognise broken words), then share it.  Adding words is not thread-safe;
 * once no more words are added, lookups are safe from any thread.
 */
BriLexicon *
bri_lexicon_new (void)
{
  return g_object_new (BRI_TYPE_LEXICON, NULL);
}

/**
 * bri_lexicon_new_child:
 * @parent: a lexicon that is no longer being filled
 *
 * Creates a lexicon that knows every word of @parent plus those added to
 * it.  An imported document's words go into a child, so the shared
 * lexicon stays immutable while other threads read it.
 */
BriLexicon *
bri_lexicon_new_child (BriLexicon *parent)
{
  BriLexicon *self;

  g_return_val_if_fail (BRI_IS_LEXICON (parent), NULL);

  self = bri_lexicon_new ();
  self->parent = g_object_ref (parent);

  return self;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

/* The lookup key: lower case, NFC, one spelling of the apostrophe and the
 * hyphen.  Returns NULL for an empty word. */
static char *
fold_word (const char *word,
           gssize      len)
{
  g_autofree char *lower = NULL;
  GString *out;

  if (len < 0)
    len = strlen (word);
  if (len == 0)
    return NULL;

  /* Nearly every word is plain ASCII: fold it without decoding. */
  {
    gboolean ascii = TRUE;

    for (gssize i = 0; i < len && ascii; i++)
      ascii = (guchar) word[i] < 0x80;

    if (ascii)
      {
        char *key = g_strndup (word, len);

        for (gssize i = 0; i < len; i++)
          key[i] = g_ascii_tolower (key[i]);
        return key;
      }
  }

  lower = g_utf8_strdown (word, len);
  out = g_string_sized_new (len);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((guchar) *p < 0x80)
        g_string_append_c (out, *p);
      else if (is_apostrophe (c))
        g_string_append_c (out, '\'');
      else if (is_hyphen (c))
        g_string_append_c (out, '-');
      else
        g_string_append_unichar (out, c);
    }

  for (gsize i = 0; i < out->len; i++)
    {
      if ((guchar) out->str[i] >= 0x80)
        {
          char *nfc = g_utf8_normalize (out->str, out->len, G_NORMALIZE_NFC);

          if (nfc != NULL)
            {
              g_string_free (out, TRUE);
              return nfc;
            }
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
has_upper (const char *word,
           gssize      len)
{
  const char *end = word + (len < 0 ? (gssize) strlen (word) : len);

  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          if (g_ascii_isupper (*p))
            return TRUE;
          continue;
        }

      c = g_utf8_get_char (p);
      if (g_unichar_isupper (c) || g_unichar_istitle (c))
        return TRUE;
    }

  return FALSE;
}

static void
add_folded (BriLexicon *self,
            const char *word,
            gssize      len,
            WordFlags   source)
{
  g_autofree char *key = fold_word (word, len);
  gpointer orig_key = NULL;
  gpointer value = NULL;
  guint flags = WORD_PRESENT | source;

  if (key == NULL)
    return;

  if (!has_upper (word, len))
    flags |= WORD_LOWER;

  if (g_hash_table_lookup_extended (self->words, key, &orig_key, &value))
    {
      g_hash_table_insert (self->words, orig_key, GUINT_TO_POINTER (GPOINTER_TO_UINT (value) | flags));
      return;
    }

  g_hash_table_insert (self->words,
                       g_string_chunk_insert (self->chunk, key),
                       GUINT_TO_POINTER (flags));
}

/**
 * bri_lexicon_add_dictionary:
 * @self: a lexicon being filled
 * @words: a word list, UTF-8, one word per line
 *
 * Adds every word of @words.  Lines that are not valid UTF-8 are skipped.
 */
void
bri_lexicon_add_dictionary (BriLexicon *self,
                            GBytes     *words)
{
  const char *data;
  gsize size;
  const char *end;

  g_return_if_fail (BRI_IS_LEXICON (self));
  g_return_if_fail (words != NULL);

  data = g_bytes_get_data (words, &size);
  if (data == NULL)
    return;

  end = data + size;
  for (const char *line = data; line < end;)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *line_end = nl != NULL ? nl : end;
      const char *word_end = line_end;

      while (word_end > line && (word_end[-1] == '\r' || word_end[-1] == ' ' || word_end[-1] == '\t'))
        word_end--;

      if (word_end > line && g_utf8_validate (line, word_end - line, NULL))
        add_folded (self, line, word_end - line, WORD_DICT);

      line = line_end + 1;
    }
}

/* Length of the typographic ligature a word ends with ("ffi", "fl", "ct"…),
 * 0 if none.  PDF text extraction tends to put a space right after one. */
gsize
bri_lexicon_ligature_suffix_len (const char *word,
                                 gsize       len)
{
  static const char * const ligatures[] = { "ffi", "ffl", "ff", "fi", "fl", "ft", "ct", "st" };

  for (guint i = 0; i < G_N_ELEMENTS (ligatures); i++)
    {
      gsize n = strlen (ligatures[i]);

      if (len >= n && g_ascii_strncasecmp (word + len - n, ligatures[i], n) == 0)
        return n;
    }

  return 0;
}

typedef struct
{
  const char *start;
  const char *end;
} Token;

static gboolean
is_token_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || is_apostrophe (c) || is_hyphen (c);
}

static gboolean
token_has_digit (const Token *t)
{
  for (const char *p = t->start; p < t->end; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* The last hyphen-separated part of a token: "country-specifi" → "specifi". */
static const char *
last_segment (const Token *t)
{
  const char *seg = t->start;

  for (const char *p = t->start; p < t->end; p = g_utf8_next_char (p))
    if (is_hyphen (g_utf8_get_char (p)))
      seg = g_utf8_next_char (p);

  return seg;
}

static void
add_corpus_token (BriLexicon  *self,
                  const Token *t)
{
  const char *seg = t->start;
  glong n_chars = g_utf8_strlen (t->start, t->end - t->start);
  const char *p;

  /* Single letters say nothing (and letter-spaced words are made of them). */
  if (n_chars < 2 || token_has_digit (t))
    return;

  add_folded (self, t->start, t->end - t->start, WORD_CORPUS);

  /* Each part of "win-win" or "China-ASEAN", and the base of "China’s". */
  if (last_segment (t) != t->start)
    {
      for (p = t->start;; p = g_utf8_next_char (p))
        {
          if (p >= t->end || is_hyphen (g_utf8_get_char (p)))
            {
              if (g_utf8_strlen (seg, p - seg) >= 2)
                add_folded (self, seg, p - seg, WORD_CORPUS);
              if (p >= t->end)
                break;
              seg = g_utf8_next_char (p);
            }
        }
    }

  if (t->end - t->start > 2)
    {
      const char *last = g_utf8_prev_char (t->end);
      const char *before = g_utf8_prev_char (last);

      if ((*last == 's' || *last == 'S') && is_apostrophe (g_utf8_get_char (before)))
        add_folded (self, t->start, before - t->start, WORD_CORPUS);
    }
}

static gboolean
word_as_written (BriLexicon *self,
                 const char *start,
                 const char *end)
{
  g_autofree char *word = g_strndup (start, end - start);

  return bri_lexicon_contains_as_written (self, word);
}

/**
 * bri_lexicon_add_text:
 * @self: a lexicon being filled
 * @text: UTF-8 text
 *
 * Adds the words that occur whole in @text, so that names ("Piraeus") and
 * words missing from the dictionary ("proactively") count.  Words that sit
 * next to a possible ligature gap ("offi cials", "object ives") are not
 * evidence of anything and are left out.
 */
void
bri_lexicon_add_text (BriLexicon *self,
                      const char *text)
{
  g_autoptr(GArray) tokens = NULL;
  const char *p;

  g_return_if_fail (BRI_IS_LEXICON (self));
  g_return_if_fail (text != NULL);

  tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  p = text;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      Token t;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }

      if (!is_token_char (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      t.start = p;
      while (*p != '\0')
        {
          gunichar d = g_utf8_get_char_validated (p, -1);

          if (d == (gunichar) -1 || d == (gunichar) -2 || !is_token_char (d))
            break;
          p = g_utf8_next_char (p);
        }
      t.end = p;

      /* Trim hyphens and apostrophes at the edges: "win-" at a line end,
       * quotes around a word. */
      while (t.start < t.end && !g_unichar_isalnum (g_utf8_get_char (t.start)))
        t.start = g_utf8_next_char (t.start);
      while (t.end > t.start && !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (t.end))) &&
             !g_unichar_ismark (g_utf8_get_char (g_utf8_prev_char (t.end))))
        t.end = g_utf8_prev_char (t.end);

      if (t.end > t.start)
        g_array_append_val (tokens, t);
    }

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);
      const Token *next = i + 1 < tokens->len ? &g_array_index (tokens, Token, i + 1) : NULL;
      const char *seg = last_segment (t);

      if (next != NULL &&
          next->start == t->end + 1 && *t->end == ' ' &&
          g_unichar_islower (g_utf8_get_char (next->start)) &&
          bri_lexicon_ligature_suffix_len (seg, t->end - seg) > 0 &&
          !(word_as_written (self, seg, t->end) && word_as_written (self, next->start, next->end)))
        {
          /* Possibly one word split after a ligature: neither half counts. */
          i++;
          continue;
        }

      add_corpus_token (self, t);
    }
}

static guint
lookup_flags (BriLexicon *self,
              const char *key)
{
  guint flags = 0;

  for (BriLexicon *l = self; l != NULL; l = l->parent)
    flags |= GPOINTER_TO_UINT (g_hash_table_lookup (l->words, key));

  return flags;
}

/**
 * bri_lexicon_contains:
 * @self: a lexicon
 * @word: a word
 *
 * Returns: whether @word is known, ignoring case ("china" and "China" both are).
 */
gboolean
bri_lexicon_contains (BriLexicon *self,
                      const char *word)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (BRI_IS_LEXICON (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  key = fold_word (word, -1);
  if (key == NULL)
    return FALSE;

  return (lookup_flags (self, key) & WORD_PRESENT) != 0;
}

/**
 * bri_lexicon_contains_as_written:
 * @self: a lexicon
 * @word: a word
 *
 * Like bri_lexicon_contains(), but a word written all in lower case only
 * counts if the lexicon has it in lower case too: "ives" is not a word
 * even though the dictionary knows the name "Ives".
 */
gboolean
bri_lexicon_contains_as_written (BriLexicon *self,
                                 const char *word)
{
  g_autofree char *key = NULL;
  guint flags;

  g_return_val_if_fail (BRI_IS_LEXICON (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  key = fold_word (word, -1);
  if (key == NULL)
    return FALSE;

  flags = lookup_flags (self, key);
  if (!has_upper (word, -1))
    return (flags & WORD_LOWER) != 0;

  return (flags & WORD_PRESENT) != 0;
}

/**
 * bri_lexicon_get_n_words:
 *
 * Returns: the number of distinct words, counting the parent's.
 */
guint
bri_lexicon_get_n_words (BriLexicon *self)
{
  guint n = 0;

  g_return_val_if_fail (BRI_IS_LEXICON (self), 0);

  for (BriLexicon *l = self; l != NULL; l = l->parent)
    n += g_hash_table_size (l->words);

  return n;
}

/**
 * bri_lexicon_new_default:
 * @error: return location for an error
 *
 * Creates a lexicon holding the word list built into the application
 * (Debian's wamerican, from SCOWL).
 */
BriLexicon *
bri_lexicon_new_default (GError **error)
{
  g_autoptr(BriLexicon) self = NULL;
  g_autoptr(GBytes) words = NULL;

  /* Referencing the generated resource keeps it linked in (and thereby
   * registered) even when nothing else in the program uses it. */
  words = g_resource_lookup_data (bri_data_get_resource (), BRI_LEXICON_RESOURCE_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  /* GResource only names a path inside the program; say what it is. */
  if (words == NULL)
    {
      g_prefix_error (error, _("Cannot load the built-in word list: "));
      return NULL;
    }

  self = bri_lexicon_new ();
  bri_lexicon_add_dictionary (self, words);

  return g_steal_pointer (&self);
}
