/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Acronyms the documents define: "the Regional Comprehensive Economic
 * Partnership (RCEP)" teaches search that RCEP and its long form are one
 * thing, both ways, for the built-in documents and the user's alike. */

#define G_LOG_DOMAIN "bri-search"

#include "config.h"

#include <string.h>

#include "bri-search-private.h"
#include "bri-text-fold.h"

#define MAX_LONG_WORDS 10

/* Folded words separated by single spaces. */
char *
_bri_search_fold_phrase (const char *text)
{
  g_autofree char *folded = bri_text_fold (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (bri_text_fold_is_word_char (c))
        g_string_append_unichar (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static gboolean
is_acronym (const char *start,
            gsize       len)
{
  guint upper = 0;

  if (len < 2 || len > 9)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isupper (start[i]))
        upper++;
      else if (!(i == len - 1 && start[i] == 's'))
        return FALSE;
    }

  return upper >= 2;
}

/* Whether the acronym's letters come, in order, from the long form's
 * words, the first from the first word's first letter. */
static gboolean
letters_fit (const char *acronym,
             gsize       len,
             const char *folded_long)
{
  const char *p = folded_long;

  if (g_ascii_tolower (acronym[0]) != p[0])
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = g_ascii_tolower (acronym[i]);

      if (i == len - 1 && acronym[i] == 's')
        break;
      p = strchr (p, c);
      if (p == NULL)
        return FALSE;
      p++;
    }

  return TRUE;
}

static void
learn (BriSearch  *self,
       const char *acronym,
       const char *long_form)
{
  g_autofree char *folded_acronym = _bri_search_fold_phrase (acronym);
  g_autofree char *folded_long = _bri_search_fold_phrase (long_form);
  GPtrArray *members = g_hash_table_lookup (self->learned, folded_acronym);
  guint words = 1;

  if (members == NULL)
    members = g_hash_table_lookup (self->learned, folded_long);
  if (members == NULL)
    {
      members = g_ptr_array_new_null_terminated (4, g_free, TRUE);
      g_ptr_array_add (members, g_strdup (acronym));
    }
  else
    g_ptr_array_ref (members);

  for (guint i = 0; i < members->len; i++)
    if (g_str_equal (g_ptr_array_index (members, i), long_form))
      {
        g_ptr_array_unref (members);
        return;
      }
  g_ptr_array_add (members, g_strdup (long_form));

  g_hash_table_replace (self->learned, g_strdup (folded_acronym), g_ptr_array_ref (members));
  g_hash_table_replace (self->learned, g_strdup (folded_long), members);

  for (const char *p = folded_long; *p; p++)
    words += *p == ' ';
  self->learned_longest = MAX (self->learned_longest, words);
}

/**
 * _bri_search_learn_acronyms:
 *
 * Finds "Long Form Words (LFW)" in @text and remembers both ways of
 * writing it.  Called with the index held for writing.
 */
void
_bri_search_learn_acronyms (BriSearch  *self,
                            const char *text)
{
  const char *p = text;

  while ((p = strchr (p, '(')) != NULL)
    {
      const char *start = p + 1;
      const char *close = strchr (start, ')');
      const char *words[MAX_LONG_WORDS];
      guint n_words = 0;
      const char *q;

      p = start;
      if (close == NULL || !is_acronym (start, close - start))
        continue;

      /* The words just before the bracket, back to a punctuation mark. */
      q = start - 1;
      while (q > text && n_words < MAX_LONG_WORDS)
        {
          const char *end;

          while (q > text && g_ascii_isspace (q[-1]))
            q--;
          end = q;
          while (q > text && (g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (q))) ||
                              q[-1] == '-' || q[-1] == '\''))
            q = g_utf8_prev_char (q);
          if (q == end)
            break;
          words[n_words++] = q;
        }

      {
        g_autofree char *acronym = g_strndup (start, close - start);

        /* The shortest run of words the letters fit, of two words at least. */
        for (guint k = 2; k <= n_words; k++)
          {
            const char *from = words[k - 1];
            g_autofree char *long_form = g_strstrip (g_strndup (from, start - 1 - from));
            g_autofree char *folded = _bri_search_fold_phrase (long_form);

            if (letters_fit (acronym, strlen (acronym), folded))
              {
                learn (self, acronym, long_form);
                break;
              }
          }
      }
    }
}
