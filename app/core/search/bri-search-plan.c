/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Understanding a query: what the user typed becomes a plan of groups,
 * each one thing asked for with every way of writing it.
 *
 * 1. Field filters ("country:KE", "year:2015..2020") are taken out.
 * 2. Misspelt words are corrected against the words of the index and
 *    the place names ("Gwadr" → "Gwadar"), unless the dictionary knows
 *    them or they are still being typed.
 * 3. From left to right, the longest of: a place or country name the
 *    linker knows (every spelling of it, and its id), a region ("East
 *    Africa"), a group of synonyms ("harbour" → port, harbor, terminal…,
 *    and the feature kind it names), a "quoted phrase"; else one word.
 *    Words too common to look for are dropped.
 *
 * User text never reaches FTS5 as syntax: groups become quoted phrases
 * of word characters only, joined with operators we write ourselves. */

#define G_LOG_DOMAIN "bri-search"

#include "config.h"

#include <math.h>
#include <string.h>

#include "bri-search-private.h"
#include "bri-text-fold.h"

static const char * const known_fields[] = { "country", "kind", "status", "doc", "document", "year" };

typedef struct
{
  gsize start;   /* bytes */
  gsize end;
  char *folded;
} Word;

static void
word_clear (Word *word)
{
  g_free (word->folded);
}

static void
group_free (BriSearchGroup *group)
{
  g_free (group->text);
  g_ptr_array_unref (group->phrases);
  g_ptr_array_unref (group->targets);
  g_free (group->region);
  g_free (group);
}

static void
field_free (BriSearchField *field)
{
  g_free (field->name);
  g_free (field->value);
  g_free (field->as_typed);
  g_free (field);
}

void
bri_search_plan_free (BriSearchPlan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->query);
  g_free (plan->corrected);
  g_ptr_array_unref (plan->groups);
  g_ptr_array_unref (plan->fields);
  g_free (plan);
}

static BriSearchGroup *
group_new (const char *text,
           gsize       len)
{
  BriSearchGroup *group = g_new0 (BriSearchGroup, 1);

  group->text = g_strndup (text, len);
  group->phrases = g_ptr_array_new_with_free_func (g_free);
  group->targets = g_ptr_array_new_with_free_func (g_free);
  group->kind = -1;
  return group;
}

static void
add_unique (GPtrArray  *array,
            const char *text)
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), text))
      return;

  g_ptr_array_add (array, g_strdup (text));
}

static gboolean
is_field_name_char (char c)
{
  return g_ascii_isalpha (c);
}

/* Takes "name:value" and name:"a value" out of @text (blanked in place). */
static void
take_fields (char      *text,
             GPtrArray *fields)
{
  char *p = text;

  while (*p)
    {
      char *name = p;
      char *colon;
      char *value;
      char *end;

      if (p != text && !g_ascii_isspace (p[-1]))
        {
          p++;
          continue;
        }

      colon = name;
      while (is_field_name_char (*colon))
        colon++;
      if (colon == name || *colon != ':' || colon[1] == '\0' || g_ascii_isspace (colon[1]))
        {
          p++;
          continue;
        }

      value = colon + 1;
      if (*value == '"' && strchr (value + 1, '"') != NULL)
        end = strchr (value + 1, '"') + 1;
      else
        for (end = value; *end && !g_ascii_isspace (*end); end++)
          ;

      {
        BriSearchField *field = g_new0 (BriSearchField, 1);
        gboolean quoted = *value == '"' && end > value + 1 && end[-1] == '"';

        field->name = g_ascii_strdown (name, colon - name);
        field->value = quoted ? g_strndup (value + 1, end - value - 2) : g_strndup (value, end - value);
        field->as_typed = g_strndup (name, end - name);
        g_ptr_array_add (fields, field);
      }

      memset (name, ' ', end - name);
      p = end;
    }
}

/* Whether search knows the field filter @name ("country", "kind"…). */
gboolean
bri_search_field_is_known (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_fields); i++)
    if (g_str_equal (name, known_fields[i]))
      return TRUE;

  return FALSE;
}

/* The words of @text, folded, with where they are. */
static GArray *
split_words (const char *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = text;

  g_array_set_clear_func (words, (GDestroyNotify) word_clear);
  while (*p)
    {
      const char *start;

      while (*p && !bri_text_fold_is_word_char (g_utf8_get_char (p)) && *p != '&')
        p = g_utf8_next_char (p);
      start = p;
      while (*p && (bri_text_fold_is_word_char (g_utf8_get_char (p)) || *p == '&'))
        p = g_utf8_next_char (p);

      if (p > start)
        {
          Word w = { start - text, p - text, bri_text_fold (start, p - start) };

          g_array_append_val (words, w);
        }
    }

  return words;
}

static gboolean
all_digits (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

/* The corrected word, written as the user wrote the original: "Gwadr"
 * becomes "Gwadar", "gwadr" "gwadar". */
static char *
restyle (const char *original,
         const char *folded_correction)
{
  gunichar first = g_utf8_get_char (original);

  if (g_unichar_isupper (first))
    {
      gunichar upper = g_unichar_toupper (g_utf8_get_char (folded_correction));
      char buf[8] = { 0 };

      g_unichar_to_utf8 (upper, buf);
      return g_strconcat (buf, g_utf8_next_char (folded_correction), NULL);
    }

  return g_strdup (folded_correction);
}

/* Returns: (nullable): @text with misspelt words corrected, or %NULL
 *   when nothing needed correcting */
static char *
correct (BriSearch      *self,
         const char     *text,
         BriSearchFlags  flags)
{
  g_autoptr(GArray) words = split_words (text);
  g_autoptr(GString) out = g_string_new (NULL);
  gsize copied = 0;
  gboolean changed = FALSE;
  gsize len = strlen (text);
  gboolean ends_in_word = len > 0 && bri_text_fold_is_word_char (g_utf8_get_char (g_utf8_prev_char (text + len)));

  for (guint i = 0; i < words->len; i++)
    {
      Word *w = &g_array_index (words, Word, i);
      g_autofree char *original = g_strndup (text + w->start, w->end - w->start);
      g_autofree char *fix = NULL;
      gboolean typing = (flags & BRI_SEARCH_FLAGS_PREFIX) && i + 1 == words->len && ends_in_word &&
                        w->end == len;

      if (g_utf8_strlen (w->folded, -1) < 4 || all_digits (w->folded) ||
          bri_search_tables_is_stop_word (self->tables, w->folded) ||
          bri_search_vocab_knows (self->vocab, w->folded) ||
          (self->lexicon != NULL && bri_lexicon_contains (self->lexicon, original)) ||
          (typing && bri_search_vocab_has_prefix (self->vocab, w->folded)))
        continue;

      fix = bri_search_vocab_correct (self->vocab, w->folded);
      if (fix == NULL)
        continue;

      g_string_append_len (out, text + copied, w->start - copied);
      {
        g_autofree char *styled = restyle (original, fix);

        g_string_append (out, styled);
      }
      copied = w->end;
      changed = TRUE;
    }

  if (!changed)
    return NULL;

  g_string_append (out, text + copied);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Folded words of @words[from, from + n) joined by single spaces. */
static char *
join_folded (GArray *words,
             guint   from,
             guint   n)
{
  GString *out = g_string_new (NULL);

  for (guint i = from; i < from + n; i++)
    {
      if (i > from)
        g_string_append_c (out, ' ');
      g_string_append (out, g_array_index (words, Word, i).folded);
    }

  return g_string_free (out, FALSE);
}

static guint
word_at (GArray *words,
         gsize   byte)
{
  for (guint i = 0; i < words->len; i++)
    if (g_array_index (words, Word, i).end > byte)
      return i;
  return words->len;
}

/* A group of synonyms from the tables, or an acronym a text defined. */
static const char * const *
find_synonyms (BriSearch  *self,
               const char *folded_phrase,
               int        *kind)
{
  const char * const *members = bri_search_tables_get_synonyms (self->tables, folded_phrase, kind);
  GPtrArray *learned;

  if (members != NULL)
    return members;

  learned = g_hash_table_lookup (self->learned, folded_phrase);
  if (kind != NULL)
    *kind = -1;

  /* The learned groups are NULL-terminated arrays. */
  return learned ? (const char * const *) learned->pdata : NULL;
}

/* Rarer words weigh more: the group's passages, as many as its most
 * common alternative has, against all passages. */
static double
group_weight (BriSearch      *self,
              BriSearchGroup *group)
{
  double n = MAX (1, bri_search_vocab_get_n_texts (self->vocab));
  double df = 0;

  for (guint i = 0; i < group->phrases->len; i++)
    {
      g_autoptr(GArray) words = split_words (g_ptr_array_index (group->phrases, i));
      double phrase_df = n;

      for (guint w = 0; w < words->len; w++)
        phrase_df = MIN (phrase_df, bri_search_vocab_count (self->vocab, g_array_index (words, Word, w).folded));
      if (group->prefix && words->len > 0)
        phrase_df = n / 4;
      df = MAX (df, phrase_df);
    }

  return MAX (0.3, log (1.0 + (n - df + 0.5) / (df + 0.5)));
}

static void
add_group (BriSearch      *self,
           BriSearchPlan  *plan,
           BriSearchGroup *group)
{
  if (plan->groups->len >= BRI_SEARCH_MAX_GROUPS)
    {
      group_free (group);
      return;
    }

  group->weight = group_weight (self, group);
  g_ptr_array_add (plan->groups, group);
}

/**
 * bri_search_plan:
 * @query: what the user typed
 *
 * Returns: (transfer full): the plan
 */
BriSearchPlan *
bri_search_plan (BriSearch      *self,
                 const char     *query,
                 BriSearchFlags  flags)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  BriSearchPlan *plan = g_new0 (BriSearchPlan, 1);
  g_autofree char *text = g_utf8_make_valid (query, -1);
  g_autofree char *corrected = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  gsize len;
  gboolean ends_in_word;
  g_autoptr(GPtrArray) stop_words = g_ptr_array_new ();
  guint i = 0;

  plan->query = g_strdup (query);
  plan->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  plan->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);

  take_fields (text, plan->fields);

  corrected = (flags & BRI_SEARCH_FLAGS_EXACT) ? NULL : correct (self, text, flags);
  if (corrected != NULL)
    {
      g_autoptr(GString) shown = g_string_new (corrected);

      g_strstrip (shown->str);
      for (guint f = 0; f < plan->fields->len; f++)
        g_string_append_printf (shown, " %s", ((BriSearchField *) g_ptr_array_index (plan->fields, f))->as_typed);
      plan->corrected = g_strdup (g_strstrip (shown->str));
      g_free (text);
      text = g_steal_pointer (&corrected);
    }

  len = strlen (text);
  ends_in_word = len > 0 && bri_text_fold_is_word_char (g_utf8_get_char (g_utf8_prev_char (text + len)));
  words = split_words (text);
  mentions = self->linker ? bri_linker_find (self->linker, text, len, FALSE) : g_ptr_array_new ();

  while (i < words->len)
    {
      Word *w = &g_array_index (words, Word, i);
      BriSearchGroup *group = NULL;
      guint taken = 1;

      /* "a quoted phrase", as one. */
      if (w->start > 0 && text[w->start - 1] == '"')
        {
          const char *close = strchr (text + w->end, '"');

          if (close != NULL)
            {
              guint last = word_at (words, close - text);

              if (last > i)
                {
                  gsize end = g_array_index (words, Word, last - 1).end;

                  group = group_new (text + w->start, end - w->start);
                  g_ptr_array_add (group->phrases, g_strndup (text + w->start, end - w->start));
                  taken = last - i;
                }
            }
        }

      /* A name the linker knows: every object matched there at once. */
      for (guint m = 0; group == NULL && m < mentions->len; m++)
        {
          BriMention *first = g_ptr_array_index (mentions, m);

          if ((gsize) bri_mention_get_start (first) != w->start)
            continue;

          group = group_new (text + bri_mention_get_start (first),
                             bri_mention_get_end (first) - bri_mention_get_start (first));
          g_ptr_array_add (group->phrases, g_strdup (group->text));
          for (guint n = m; n < mentions->len; n++)
            {
              BriMention *mention = g_ptr_array_index (mentions, n);
              GPtrArray *terms;

              if (bri_mention_get_start (mention) != bri_mention_get_start (first))
                break;
              terms = bri_linker_get_terms_for (self->linker, bri_mention_get_object (mention));
              for (guint t = 0; terms != NULL && t < terms->len; t++)
                add_unique (group->phrases, g_ptr_array_index (terms, t));
              add_unique (group->targets, bri_mention_get_target_id (mention));
            }
          taken = word_at (words, bri_mention_get_end (first) - 1) - i + 1;
        }

      /* A region, then synonyms: the longest that fits. */
      for (guint n = MAX (MAX (bri_search_tables_get_longest_region (self->tables),
                               bri_search_tables_get_longest_synonym (self->tables)),
                          self->learned_longest);
           group == NULL && n >= 1; n--)
        {
          g_autofree char *phrase = NULL;
          const BriSearchRegion *region;
          const char * const *synonyms;
          int kind;

          if (i + n > words->len)
            continue;

          phrase = join_folded (words, i, n);
          region = bri_search_tables_find_region (self->tables, phrase);
          if (region != NULL)
            {
              gsize end = g_array_index (words, Word, i + n - 1).end;

              group = group_new (text + w->start, end - w->start);
              group->region = g_strdup (region->id);
              add_unique (group->phrases, g_str_has_prefix (region->name, "the ") ? region->name + 4 : region->name);
              for (guint a = 0; region->aliases[a] != NULL; a++)
                add_unique (group->phrases, region->aliases[a]);
              taken = n;
              break;
            }

          synonyms = find_synonyms (self, phrase, &kind);
          if (synonyms != NULL)
            {
              gsize end = g_array_index (words, Word, i + n - 1).end;

              group = group_new (text + w->start, end - w->start);
              group->kind = kind;
              add_unique (group->phrases, group->text);
              for (guint s = 0; synonyms[s] != NULL; s++)
                add_unique (group->phrases, synonyms[s]);
              taken = n;
              break;
            }
        }

      /* One word, unless too common to look for. */
      if (group == NULL)
        {
          if (bri_search_tables_is_stop_word (self->tables, w->folded))
            {
              g_ptr_array_add (stop_words, w);
              i++;
              continue;
            }

          group = group_new (text + w->start, w->end - w->start);
          g_ptr_array_add (group->phrases, g_strdup (group->text));
        }

      /* The word being typed may be unfinished; one letter is too little
       * to guess from. */
      if ((flags & BRI_SEARCH_FLAGS_PREFIX) && i + taken == words->len && ends_in_word &&
          g_utf8_strlen (group->text, -1) > 1)
        group->prefix = TRUE;

      add_group (self, plan, group);
      i += taken;
    }

  /* Common words alone ("AND OR NOT") are looked for side by side, in
   * any order; one alone is not looked for at all. */
  plan->only_stop_words = plan->groups->len == 0 && stop_words->len > 0;
  if (plan->only_stop_words && stop_words->len > 1)
    {
      BriSearchGroup *group = group_new (text, len);

      group->near = TRUE;
      for (guint s = 0; s < stop_words->len; s++)
        {
          Word *w = g_ptr_array_index (stop_words, s);

          g_ptr_array_add (group->phrases, g_strndup (text + w->start, w->end - w->start));
        }
      add_group (self, plan, group);
    }

  return plan;
}

/**
 * bri_search_plan_to_match:
 * @phrase_groups: (element-type guint8): filled with the group of each
 *   phrase of the expression, in order
 *
 * Returns: (nullable): the FTS5 expression matching any group, or %NULL
 *   when the plan asks for nothing
 */
char *
bri_search_plan_to_match (BriSearchPlan *plan,
                          GArray        *phrase_groups)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_array_set_size (phrase_groups, 0);
  for (guint g = 0; g < plan->groups->len; g++)
    {
      BriSearchGroup *group = g_ptr_array_index (plan->groups, g);
      gsize group_start = out->len;
      guint n = 0;

      if (out->len > 0)
        g_string_append (out, " OR ");
      g_string_append (out, group->near ? "NEAR(" : "(");
      for (guint p = 0; p < group->phrases->len && phrase_groups->len < BRI_SEARCH_MAX_PHRASES; p++)
        {
          gsize before = out->len;
          guint8 index = g;

          if (n > 0)
            g_string_append (out, group->near ? " " : " OR ");
          if (_bri_search_append_phrase (out, g_ptr_array_index (group->phrases, p), group->prefix))
            {
              g_array_append_val (phrase_groups, index);
              n++;
            }
          else
            g_string_truncate (out, before);
        }
      if (group->near)
        g_string_append_printf (out, ", %u", n > 2 ? n - 2 : 0);
      g_string_append_c (out, ')');

      if (n == 0)
        g_string_truncate (out, group_start);
    }

  if (phrase_groups->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}
