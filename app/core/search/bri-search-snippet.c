/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Snippets: the stretch of a passage that best shows why it was found,
 * with the matches marked.
 *
 * FTS5's own snippet() has to run the whole query again for each row it
 * is asked about, which on a large index costs more than the search; so
 * the few passages shown are cut here instead, with FTS5's own tokenizer
 * (porter over unicode61, as the index uses), so that "ports" marks
 * "port" exactly as the index matched it. */

#define G_LOG_DOMAIN "bri-search"

#include "config.h"

#include <string.h>

#include "bri-search-private.h"

#define SNIPPET_TOKENS 28

typedef struct
{
  char *token;
  int   start;   /* bytes */
  int   end;
} Token;

typedef struct
{
  GPtrArray *tokens;   /* of char*: the phrase's tokens */
  gboolean   prefix;   /* the last one may be the start of a word */
  guint      group;
} Phrase;

typedef struct
{
  guint first;   /* tokens */
  guint last;
  guint group;
} Match;

static void
token_clear (Token *token)
{
  g_free (token->token);
}

static void
phrase_clear (Phrase *phrase)
{
  g_clear_pointer (&phrase->tokens, g_ptr_array_unref);
}

static int
on_token (void       *user_data,
          int         flags,
          const char *token,
          int         n_token,
          int         start,
          int         end)
{
  GArray *tokens = user_data;
  Token t = { g_strndup (token, n_token), start, end };

  /* Colocated synonyms are not used: every token comes once. */
  if (flags & FTS5_TOKEN_COLOCATED)
    {
      g_free (t.token);
      return SQLITE_OK;
    }

  g_array_append_val (tokens, t);
  return SQLITE_OK;
}

static GArray *
tokenize (BriSearch  *self,
          const char *text,
          int         flags)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));

  g_array_set_clear_func (tokens, (GDestroyNotify) token_clear);
  if (self->tokenizer_instance != NULL)
    self->tokenizer.xTokenize (self->tokenizer_instance, tokens, flags, text, strlen (text), on_token);

  return tokens;
}

/**
 * _bri_search_setup_tokenizer:
 *
 * The index's own tokenizer, for cutting snippets.
 */
gboolean
_bri_search_setup_tokenizer (BriSearch *self,
                             fts5_api  *api)
{
  const char *args[] = { "unicode61", "remove_diacritics", "2" };
  void *context = NULL;

  if (api->xFindTokenizer (api, "porter", &context, &self->tokenizer) != SQLITE_OK)
    return FALSE;

  return self->tokenizer.xCreate (context, args, G_N_ELEMENTS (args), &self->tokenizer_instance) == SQLITE_OK;
}

void
_bri_search_clear_tokenizer (BriSearch *self)
{
  if (self->tokenizer_instance != NULL)
    self->tokenizer.xDelete (self->tokenizer_instance);
  self->tokenizer_instance = NULL;
}

static GArray *
plan_phrases (BriSearch     *self,
              BriSearchPlan *plan)
{
  GArray *phrases = g_array_new (FALSE, FALSE, sizeof (Phrase));

  g_array_set_clear_func (phrases, (GDestroyNotify) phrase_clear);
  for (guint g = 0; g < plan->groups->len; g++)
    {
      BriSearchGroup *group = g_ptr_array_index (plan->groups, g);

      for (guint p = 0; p < group->phrases->len; p++)
        {
          g_autoptr(GArray) tokens = tokenize (self, g_ptr_array_index (group->phrases, p), FTS5_TOKENIZE_QUERY);
          Phrase phrase = { g_ptr_array_new_with_free_func (g_free), group->prefix, g };

          for (guint t = 0; t < tokens->len; t++)
            g_ptr_array_add (phrase.tokens, g_steal_pointer (&g_array_index (tokens, Token, t).token));
          if (phrase.tokens->len > 0)
            g_array_append_val (phrases, phrase);
          else
            phrase_clear (&phrase);
        }
    }

  return phrases;
}

static gboolean
phrase_at (const Phrase *phrase,
           GArray       *tokens,
           guint         at)
{
  if (at + phrase->tokens->len > tokens->len)
    return FALSE;

  for (guint i = 0; i < phrase->tokens->len; i++)
    {
      const char *want = g_ptr_array_index (phrase->tokens, i);
      const char *have = g_array_index (tokens, Token, at + i).token;
      gboolean last = i + 1 == phrase->tokens->len;

      if (last && phrase->prefix ? !g_str_has_prefix (have, want) : !g_str_equal (have, want))
        return FALSE;
    }

  return TRUE;
}

/* Cuts @text round its best stretch: the one with the most groups of the
 * query, then the most matches, the earliest of those. */
static void
cut (const char   *text,
     GArray       *tokens,
     GArray       *matches,
     BriSearchHit *hit)
{
  guint best = 0, best_groups = 0, best_matches = 0;
  guint first, last;
  GString *snippet = g_string_new (NULL);
  glong base;

  hit->ranges = g_array_new (FALSE, FALSE, sizeof (BriSearchRange));

  if (tokens->len == 0)
    {
      hit->snippet = g_string_free (snippet, FALSE);
      return;
    }

  for (guint m = 0; m < matches->len; m++)
    {
      guint start = g_array_index (matches, Match, m).first;
      guint64 groups = 0;
      guint n = 0, n_groups = 0;

      /* Open the stretch a few words before the match. */
      start = start > 3 ? start - 3 : 0;
      for (guint k = 0; k < matches->len; k++)
        {
          Match *other = &g_array_index (matches, Match, k);

          if (other->first >= start && other->last < start + SNIPPET_TOKENS)
            {
              n++;
              if (!(groups & (G_GUINT64_CONSTANT (1) << other->group)))
                n_groups++;
              groups |= G_GUINT64_CONSTANT (1) << other->group;
            }
        }
      if (n_groups > best_groups || (n_groups == best_groups && n > best_matches))
        {
          best = start;
          best_groups = n_groups;
          best_matches = n;
        }
    }

  first = best;
  last = MIN (tokens->len, first + SNIPPET_TOKENS) - 1;
  if (first > 0)
    g_string_append (snippet, "…");
  base = g_utf8_strlen (snippet->str, -1);
  g_string_append_len (snippet, text + g_array_index (tokens, Token, first).start,
                       g_array_index (tokens, Token, last).end - g_array_index (tokens, Token, first).start);
  if (last + 1 < tokens->len)
    g_string_append (snippet, "…");

  for (guint m = 0; m < matches->len; m++)
    {
      Match *match = &g_array_index (matches, Match, m);
      const char *from = text + g_array_index (tokens, Token, first).start;
      BriSearchRange range;

      if (match->first < first || match->last > last)
        continue;
      range.start = base + g_utf8_strlen (from, text + g_array_index (tokens, Token, match->first).start - from);
      range.end = base + g_utf8_strlen (from, text + g_array_index (tokens, Token, match->last).end - from);
      /* Overlapping matches (a name and a word in it) mark once. */
      if (hit->ranges->len > 0 && g_array_index (hit->ranges, BriSearchRange, hit->ranges->len - 1).end > range.start)
        {
          BriSearchRange *previous = &g_array_index (hit->ranges, BriSearchRange, hit->ranges->len - 1);

          previous->end = MAX (previous->end, range.end);
          continue;
        }
      g_array_append_val (hit->ranges, range);
    }

  hit->snippet = g_string_free (snippet, FALSE);
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a, *mb = b;

  if (ma->first != mb->first)
    return ma->first < mb->first ? -1 : 1;
  return ma->last > mb->last ? -1 : ma->last < mb->last;
}

static void
make_snippet (BriSearch    *self,
              GArray       *phrases,
              const char   *text,
              BriSearchHit *hit)
{
  g_autoptr(GArray) tokens = tokenize (self, text, FTS5_TOKENIZE_DOCUMENT);
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));

  for (guint t = 0; t < tokens->len; t++)
    for (guint p = 0; p < phrases->len; p++)
      {
        Phrase *phrase = &g_array_index (phrases, Phrase, p);

        if (phrase_at (phrase, tokens, t))
          {
            Match match = { t, t + phrase->tokens->len - 1, phrase->group };

            g_array_append_val (matches, match);
          }
      }

  g_array_sort (matches, compare_matches);
  cut (text, tokens, matches, hit);
}

/**
 * _bri_search_make_snippets:
 * @texts: the passages' texts, one for each hit
 *
 * Called with the index locked (it owns the tokenizer).
 */
void
_bri_search_make_snippets (BriSearch      *self,
                           BriSearchPlan  *plan,
                           const char    **texts,
                           BriSearchHit  **hits,
                           guint           n_hits)
{
  g_autoptr(GArray) phrases = plan_phrases (self, plan);

  for (guint i = 0; i < n_hits; i++)
    make_snippet (self, phrases, texts[i] ? texts[i] : "", hits[i]);
}
