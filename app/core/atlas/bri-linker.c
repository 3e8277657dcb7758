/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriLinker: finds every name of every feature and country in a text.
 *
 * Matching happens on folded text (see bri-text-fold.c), so case,
 * diacritics, dashes and apostrophes do not matter; matches are whole
 * words and the longest name wins, so "China-Laos Railway" is one mention
 * of the railway rather than two of countries.  Short all-capital names
 * ("SGR", "US") must match in capitals, or "us" would be the United
 * States.  Terms are grouped by their first folded word, so a text is
 * scanned once, word by word, with a hash lookup at each word. */

#define G_LOG_DOMAIN "bri-linker"

#include "config.h"

#include <string.h>

#include "bri-linker.h"
#include "bri-text-fold.h"

typedef struct
{
  BriMentionTarget  target;
  GObject          *object;
  char             *id;
} Target;

typedef struct
{
  char      *folded;
  gsize      len;
  char      *exact;    /* non-NULL when case must match */
  GArray    *targets;  /* of Target */
} Term;

struct _BriLinker
{
  gatomicrefcount  ref_count;
  GHashTable      *terms;       /* folded term → Term */
  GHashTable      *by_first;    /* first folded word → GPtrArray of Term, longest first */
  GHashTable      *by_object;   /* GObject → GPtrArray of the terms as written */
  gboolean         sorted;
};

static void
target_clear (Target *t)
{
  g_clear_object (&t->object);
  g_clear_pointer (&t->id, g_free);
}

static void
term_free (Term *term)
{
  g_free (term->folded);
  g_free (term->exact);
  g_array_unref (term->targets);
  g_free (term);
}

BriLinker *
bri_linker_new (void)
{
  BriLinker *self = g_new0 (BriLinker, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->terms = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) term_free);
  self->by_first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->by_object = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  return self;
}

BriLinker *
bri_linker_ref (BriLinker *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bri_linker_unref (BriLinker *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_hash_table_unref (self->by_object);
      g_hash_table_unref (self->by_first);
      g_hash_table_unref (self->terms);
      g_free (self);
    }
}

static inline gboolean
word_char_at (const char *s,
              gsize       len,
              gsize       i)
{
  if (i >= len)
    return FALSE;

  return bri_text_fold_is_word_char (g_utf8_get_char (s + i));
}

static gsize
word_end (const char *s,
          gsize       len,
          gsize       i)
{
  while (i < len && word_char_at (s, len, i))
    i = g_utf8_next_char (s + i) - s;

  return i;
}

static gboolean
is_acronym (const char *term)
{
  gsize n = 0;

  for (const char *p = term; *p; p++, n++)
    if (!g_ascii_isupper (*p))
      return FALSE;

  return n > 0 && n <= 5;
}

/**
 * bri_linker_add_term:
 *
 * Makes @term name @object.  One term may name several objects (a port
 * and its city, say); every one of them gets the mention.
 */
void
bri_linker_add_term (BriLinker        *self,
                     const char       *term,
                     BriMentionTarget  target,
                     GObject          *object,
                     const char       *target_id)
{
  g_autofree char *folded = NULL;
  Term *t;
  Target tg;
  gsize first_end;

  g_return_if_fail (self != NULL);
  g_return_if_fail (term != NULL);
  g_return_if_fail (object == NULL || G_IS_OBJECT (object));

  folded = bri_text_fold (term, -1);
  /* A term must start with a word character to be found at a word start. */
  if (folded[0] == '\0' || !word_char_at (folded, strlen (folded), 0))
    return;

  t = g_hash_table_lookup (self->terms, folded);
  if (t == NULL)
    {
      g_autofree char *first = NULL;
      GPtrArray *list;

      t = g_new0 (Term, 1);
      t->folded = g_steal_pointer (&folded);
      t->len = strlen (t->folded);
      t->targets = g_array_new (FALSE, TRUE, sizeof (Target));
      g_array_set_clear_func (t->targets, (GDestroyNotify) target_clear);
      g_hash_table_insert (self->terms, t->folded, t);

      first_end = word_end (t->folded, t->len, 0);
      first = g_strndup (t->folded, first_end);
      list = g_hash_table_lookup (self->by_first, first);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (self->by_first, g_steal_pointer (&first), list);
        }
      g_ptr_array_add (list, t);
      self->sorted = FALSE;
    }

  if (is_acronym (term) && t->exact == NULL)
    t->exact = g_strdup (term);

  /* A stop phrase: matched (so it hides shorter names inside it) but
   * naming nothing. */
  if (object == NULL)
    return;

  for (guint i = 0; i < t->targets->len; i++)
    {
      Target *old = &g_array_index (t->targets, Target, i);

      if (old->object == object)
        return;
    }

  {
    GPtrArray *written = g_hash_table_lookup (self->by_object, object);

    /* The objects outlive the table: the Target below holds a reference. */
    if (written == NULL)
      {
        written = g_ptr_array_new_with_free_func (g_free);
        g_hash_table_insert (self->by_object, object, written);
      }
    g_ptr_array_add (written, g_strdup (term));
  }

  tg.target = target;
  tg.object = g_object_ref (object);
  tg.id = g_strdup (target_id);
  g_array_append_val (t->targets, tg);
}

/**
 * bri_linker_get_terms_for:
 *
 * Returns: (transfer none) (nullable): every term added for @object, as
 *   written, or %NULL
 */
GPtrArray *
bri_linker_get_terms_for (BriLinker *self,
                          GObject   *object)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_hash_table_lookup (self->by_object, object);
}

/**
 * bri_linker_add_stop_phrase:
 *
 * Makes @phrase name nothing, so that the names inside it are not found
 * either: "Indian Ocean" is not India.
 */
void
bri_linker_add_stop_phrase (BriLinker  *self,
                            const char *phrase)
{
  bri_linker_add_term (self, phrase, BRI_MENTION_FEATURE, NULL, NULL);
}

static int
compare_terms_longest_first (gconstpointer a,
                             gconstpointer b)
{
  const Term *ta = *(const Term **) a;
  const Term *tb = *(const Term **) b;

  if (ta->len != tb->len)
    return ta->len > tb->len ? -1 : 1;

  return strcmp (ta->folded, tb->folded);
}

/**
 * bri_linker_seal:
 *
 * Ends the adding of terms: afterwards any number of threads may call
 * bri_linker_find() at once.
 */
void
bri_linker_seal (BriLinker *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (self != NULL);

  if (self->sorted)
    return;

  g_hash_table_iter_init (&iter, self->by_first);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (value, compare_terms_longest_first);

  self->sorted = TRUE;
}

/**
 * bri_linker_find:
 * @text: UTF-8 text
 * @len: its length, or -1
 * @context: whether the mentions are context mentions (then they carry
 *   no offsets)
 *
 * Not thread-safe while terms are being added; once the linker is
 * sealed (bri_linker_seal(), or a first call to this), any number of
 * threads may call it.
 *
 * Returns: (transfer container): the #BriMention<!-- -->s in text order
 */
GPtrArray *
bri_linker_find (BriLinker  *self,
                 const char *text,
                 gssize      len,
                 gboolean    context)
{
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BriFolded) f = NULL;
  GString *key;
  gsize i = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  bri_linker_seal (self);

  if (len < 0)
    len = strlen (text);

  f = bri_folded_new (text, len);
  key = g_string_new (NULL);

  while (i < f->len)
    {
      gsize end;
      GPtrArray *candidates;
      const Term *match = NULL;

      if (!word_char_at (f->text, f->len, i))
        {
          i = g_utf8_next_char (f->text + i) - f->text;
          continue;
        }

      end = word_end (f->text, f->len, i);
      g_string_truncate (key, 0);
      g_string_append_len (key, f->text + i, end - i);
      candidates = g_hash_table_lookup (self->by_first, key->str);

      for (guint c = 0; candidates != NULL && c < candidates->len; c++)
        {
          const Term *t = g_ptr_array_index (candidates, c);
          gsize s_start, s_end;

          if (i + t->len > f->len ||
              memcmp (f->text + i, t->folded, t->len) != 0 ||
              word_char_at (f->text, f->len, i + t->len))
            continue;

          if (t->exact != NULL)
            {
              bri_folded_source_range (f, i, i + t->len, &s_start, &s_end);
              if (s_end - s_start != strlen (t->exact) ||
                  memcmp (text + s_start, t->exact, s_end - s_start) != 0)
                continue;
            }

          match = t;
          break;
        }

      if (match == NULL)
        {
          i = end;
          continue;
        }

      {
        gsize s_start, s_end;
        glong c_start = -1, c_end = -1;

        bri_folded_source_range (f, i, i + match->len, &s_start, &s_end);
        if (!context)
          {
            c_start = g_utf8_pointer_to_offset (text, text + s_start);
            c_end = c_start + g_utf8_pointer_to_offset (text + s_start, text + s_end);
          }

        for (guint k = 0; k < match->targets->len; k++)
          {
            const Target *tg = &g_array_index (match->targets, Target, k);

            g_ptr_array_add (mentions,
                             bri_mention_new (tg->target, tg->object, tg->id,
                                              context ? -1 : (gssize) s_start,
                                              context ? -1 : (gssize) s_end,
                                              c_start, c_end, context));
          }
      }

      i += match->len;
    }

  g_string_free (key, TRUE);

  return g_steal_pointer (&mentions);
}
