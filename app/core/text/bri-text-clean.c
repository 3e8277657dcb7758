/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Turning a raw document into readable blocks.  Web captures bring page
 * chrome ("Skip to main content", "Hits:10349", "1 2 3 … 12"), PDF
 * extractions bring hard-wrapped lines, ligature gaps ("fi nancial") and
 * letter-spaced display type ("C h i n a").  Every rule here looks at the
 * shape of the text, never at a particular document, because users import
 * documents with the same defects. */

#define G_LOG_DOMAIN "bri-text-clean"

#include "config.h"

#include <string.h>

#include "bri-lexicon-private.h"
#include "bri-text-clean.h"
#include "bri-text-fold.h"

/* ------------------------------------------------------------------------ */
/* Blocks */

BriTextBlock *
bri_text_block_new (BriTextBlockKind  kind,
                    guint             level,
                    const char       *text)
{
  BriTextBlock *block;

  g_return_val_if_fail (text != NULL, NULL);

  block = g_new0 (BriTextBlock, 1);
  block->kind = kind;
  block->level = kind == BRI_TEXT_BLOCK_HEADING ? MAX (level, 1) : 0;
  block->depth = kind == BRI_TEXT_BLOCK_HEADING ? block->level - 1 : 0;
  block->text = g_strdup (text);

  return block;
}

void
bri_text_block_free (BriTextBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->text);
  g_free (block);
}

const char *
bri_text_block_kind_to_string (BriTextBlockKind kind)
{
  switch (kind)
    {
    case BRI_TEXT_BLOCK_HEADING:
      return "heading";
    case BRI_TEXT_BLOCK_PARAGRAPH:
      return "paragraph";
    case BRI_TEXT_BLOCK_LIST_ITEM:
      return "list-item";
    case BRI_TEXT_BLOCK_CAPTION:
      return "caption";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ------------------------------------------------------------------------ */
/* Patterns, compiled once and shared by all threads (GRegex is immutable). */

#define MONTH "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?"
#define DATE "(?:\\d{4}-\\d{1,2}(?:-\\d{1,2})?|\\d{4}/\\d{1,2}/\\d{1,2}" \
             "|\\d{1,2}(?:st|nd|rd|th)?\\s+" MONTH ",?\\s+\\d{4}" \
             "|" MONTH "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}" \
             "|" MONTH ",?\\s+\\d{4})(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?"
#define META_LABEL "(?:Source|From|Updated|Date|Published|Posted|Release time|Time|Hits|Views|Clicks|Visits|Author|Editor|Reporter|Writer)"

typedef struct
{
  GRegex *date_only;
  GRegex *label_date;
  GRegex *label_value;
  GRegex *byline;
  GRegex *byline_pairs;
  GRegex *by_name;
  GRegex *trailer;
  GRegex *roman;
  GRegex *arabic_dot;
  GRegex *arabic_paren;
  GRegex *paren_arabic;
  GRegex *letter_paren;
  GRegex *division;
  GRegex *panel;
  GRegex *figure;
  GRegex *credit;
  GRegex *sentence_break;
  GRegex *broken_hyphen;
} Patterns;

static GRegex *
compile (const char *pattern)
{
  g_autoptr(GError) error = NULL;
  GRegex *regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);

  if (regex == NULL)
    g_error ("Bad pattern %s: %s", pattern, error->message);

  return regex;
}

static const Patterns *
patterns (void)
{
  static Patterns p;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      p.date_only = compile ("^(?i:" DATE ")$");
      p.label_date = compile ("^([A-Z][A-Za-z][A-Za-z ]{0,38}?)\\s*:\\s*(" DATE ")$");
      p.label_value = compile ("^(" META_LABEL ")\\s*[:：]\\s*(\\S.{0,70})$");
      p.byline = compile ("^By\\s+(.{2,80}?)\\s+(" META_LABEL "\\s*:.*)$");
      p.byline_pairs = compile ("(" META_LABEL ")\\s*:\\s*(.*?)(?=\\s+" META_LABEL "\\s*:|$)");
      p.by_name = compile ("^By\\s+((?:[A-Z][\\w’'.-]*\\s*){1,5})$");
      p.trailer = compile ("^(?:(Editor|Editors|Responsible editor|Chief editor|Executive editor|Copy editor"
                           "|Reporter|Writer|Translator|Proofreader|Editor in charge)\\s*[:：]\\s*(.{0,60})"
                           "|(Edited|Translated|Proofread|Compiled|Written) by\\s+(.{1,60}))$");
      p.roman = compile ("^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\\.\\s+\\S");
      p.arabic_dot = compile ("^\\d{1,2}\\.\\s+\\S");
      p.arabic_paren = compile ("^\\d{1,2}\\)\\s+\\S");
      p.paren_arabic = compile ("^\\(\\d{1,2}\\)\\s+\\S");
      p.letter_paren = compile ("^(?:\\([a-z]\\)|[a-z]\\))\\s+\\S");
      p.division = compile ("^(Part|Chapter|Section)\\s+(?:\\d{1,3}|[IVXLC]+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\\b");
      /* Group 1 is the box's title without its label. */
      p.panel = compile ("^(?:Panel|Box|Case(?:\\s+[Ss]tudy)?|Sidebar|Spotlight|Exhibit)\\s+(?:\\d{1,3}|[IVX]+)\\b[.:]?\\s*(\\S.*)$");
      p.figure = compile ("^(?:Figure|Fig\\.|Photo|Picture|Image|Chart|Map|Table)\\s+\\d{1,3}\\b");
      /* A photo credit ending the text: "XINHUA / PHOTO BY JIANG XIAODONG",
       * "… 2017. [Source: Xinhua]", "… (Xinhua/Li Ming)". */
      p.credit = compile ("(?:\\b(?:PHOTO|Photo|PHOTOGRAPH|Photograph)\\s*(?:BY|by|By|:|/)\\s*[A-Z][\\w'’/ -]{1,60}"
                          "|\\S\\s*[\\[(](?:Source|Photo|Photo credit|Image|Credit)\\s*:\\s*[^\\])]{1,80}[\\])]"
                          "|\\S\\s*\\([A-Z][\\w ]{1,20}/[\\w .'’-]{2,40}\\))\\s*$");
      p.sentence_break = compile ("[.!?…][”\"’)]*\\s+[“\"‘(]*[A-Z]");
      p.broken_hyphen = compile ("(?<=\\p{L}\\p{L})- (?=\\p{L})(?!(?:and|or|nor|to|but|as|versus|vs)\\b)");

      g_once_init_leave (&initialized, 1);
    }

  return &p;
}

/* ------------------------------------------------------------------------ */
/* Character helpers */

static gboolean
is_space (gunichar c)
{
  /* g_unichar_isspace() covers no-break and other Unicode spaces (Zs). */
  return g_unichar_isspace (c) || c == 0xFEFF;
}

static gboolean
is_closing (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB;
}

static gunichar
last_char_skipping_closers (const char *text)
{
  const char *p = text + strlen (text);

  while (p > text)
    {
      gunichar c;

      p = g_utf8_prev_char (p);
      c = g_utf8_get_char (p);
      if (!is_closing (c))
        return c;
    }

  return 0;
}

/* Whether a line or block ends a sentence (or introduces what follows, like
 * "such as:"), so the next line cannot continue it. */
static gboolean
ends_with_terminal (const char *text)
{
  gunichar c = last_char_skipping_closers (text);

  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';';
}

static gboolean
ends_with_hyphen_wrap (const char *text)
{
  gsize len = strlen (text);
  gunichar before;

  if (len < 2 || text[len - 1] != '-')
    return FALSE;

  before = g_utf8_get_char (g_utf8_prev_char (text + len - 1));
  return g_unichar_isalpha (before);
}

static gboolean
starts_lower (const char *text)
{
  return g_unichar_islower (g_utf8_get_char (text));
}

static gboolean
starts_upper (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  return g_unichar_isupper (c) || g_unichar_istitle (c);
}

static gboolean
is_bullet_char (gunichar c)
{
  switch (c)
    {
    case '-': case '*':
    case 0x00B7: /* · */
    case 0x2022: /* • */
    case 0x2023: case 0x2043: case 0x2013: case 0x2014:
    case 0x25AA: case 0x25AB: case 0x25CF: case 0x25E6: case 0x25A0: case 0x25A1:
    case 0x2219: case 0x30FB: case 0x27A2: case 0x2713:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Returns the text after the bullet, or NULL if @text is no bullet item. */
static const char *
skip_bullet (const char *text)
{
  const char *p = text;
  gunichar c = g_utf8_get_char (p);

  if (!is_bullet_char (c))
    return NULL;

  p = g_utf8_next_char (p);
  if (!is_space (g_utf8_get_char (p)))
    return NULL;

  while (*p != '\0' && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return *p != '\0' ? p : NULL;
}

static char *
fold_for_compare (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_autofree char *collapsed = bri_text_normalize_space (lower);
  gsize len = strlen (collapsed);

  while (len > 0 && (collapsed[len - 1] == '.' || collapsed[len - 1] == ':'))
    collapsed[--len] = '\0';

  return g_steal_pointer (&collapsed);
}

/* Whether a short line is, case and spacing aside, one of @words. */
static gboolean
is_one_of (const char         *text,
           const char * const *words,
           gsize               n_words)
{
  g_autofree char *folded = NULL;

  if (strlen (text) > 32)
    return FALSE;

  folded = fold_for_compare (text);
  for (gsize i = 0; i < n_words; i++)
    if (strcmp (folded, words[i]) == 0)
      return TRUE;

  return FALSE;
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = is_space (g_utf8_get_char (p));

      if (!space && !in_word)
        n++;
      in_word = !space;
    }

  return n;
}

/* ------------------------------------------------------------------------ */
/* Inline repairs */

/**
 * bri_text_normalize_space:
 * @text: UTF-8 text
 *
 * Collapses every run of white space (including no-break spaces and line
 * breaks) into one space and strips both ends.  Everything else, curly
 * quotes and dashes included, is kept as it is.
 */
char *
bri_text_normalize_space (const char *text)
{
  GString *out;
  gboolean pending = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0';)
    {
      const char *next;
      gboolean space;

      /* Most text is ASCII: decode only what is not. */
      if ((guchar) *p < 0x80)
        {
          next = p + 1;
          space = g_ascii_isspace (*p);
        }
      else
        {
          next = g_utf8_next_char (p);
          space = is_space (g_utf8_get_char (p));
        }

      if (space)
        pending = out->len > 0;
      else
        {
          if (pending)
            g_string_append_c (out, ' ');
          pending = FALSE;
          if (next - p == 1)
            g_string_append_c (out, *p);
          else
            g_string_append_len (out, p, next - p);
        }

      p = next;
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *start;
  gsize       len;      /* bytes */
  guint       sep;      /* spaces after it */
} SpacedToken;

static gboolean
is_single_letter (const SpacedToken *t)
{
  gunichar c = g_utf8_get_char (t->start);

  return g_unichar_isalpha (c) && (gsize) (g_utf8_next_char (t->start) - t->start) == t->len;
}

/* Splits a run of letters into the fewest lexicon words.  Single letters
 * only count as the words "a" and "I". */
static char *
segment_letters (const char *letters,
                 BriLexicon *lexicon)
{
  glong n = g_utf8_strlen (letters, -1);
  g_autofree glong *best = g_new (glong, n + 1);
  g_autofree glong *from = g_new (glong, n + 1);
  g_autofree const char **at = g_new (const char *, n + 1);
  GString *out;
  GPtrArray *pieces;

  at[0] = letters;
  for (glong i = 1; i <= n; i++)
    at[i] = g_utf8_next_char (at[i - 1]);

  best[0] = 0;
  for (glong i = 1; i <= n; i++)
    {
      best[i] = G_MAXLONG;
      from[i] = -1;
      for (glong j = 0; j < i; j++)
        {
          g_autofree char *piece = NULL;

          if (best[j] == G_MAXLONG || best[j] + 1 >= best[i])
            continue;

          piece = g_strndup (at[j], at[i] - at[j]);
          if (i - j == 1)
            {
              if (g_ascii_strcasecmp (piece, "a") != 0 && strcmp (piece, "I") != 0)
                continue;
            }
          else if (lexicon == NULL || !bri_lexicon_contains (lexicon, piece))
            continue;

          best[i] = best[j] + 1;
          from[i] = j;
        }
    }

  if (best[n] == G_MAXLONG)
    return NULL;

  pieces = g_ptr_array_new_with_free_func (g_free);
  for (glong i = n; i > 0; i = from[i])
    g_ptr_array_insert (pieces, 0, g_strndup (at[from[i]], at[i] - at[from[i]]));

  out = g_string_new (NULL);
  for (guint k = 0; k < pieces->len; k++)
    {
      if (k > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (pieces, k));
    }
  g_ptr_array_unref (pieces);

  return g_string_free (out, FALSE);
}

static void
append_letter_group (GString    *out,
                     GString    *group,
                     guint       n_letters,
                     BriLexicon *lexicon)
{
  g_autofree char *segmented = NULL;

  if (n_letters <= 1 || (lexicon != NULL && bri_lexicon_contains (lexicon, group->str)))
    {
      g_string_append (out, group->str);
      return;
    }

  /* Single spaces everywhere ("a n d t h e"): let the lexicon find the
   * word breaks; a name it does not know stays one word. */
  segmented = segment_letters (group->str, lexicon);
  g_string_append (out, segmented != NULL ? segmented : group->str);
}

/**
 * bri_text_join_letter_spacing:
 * @text: one line of UTF-8 text, its spacing untouched
 * @lexicon: (nullable): words to resolve ambiguous spacing with
 *
 * Joins letter-spaced display type: "C h i n a" → "China",
 * "c o n s t r u c t i o n  a n d" → "construction and" (two spaces
 * separate words).  Only runs of three or more single letters with single
 * spaces between some of them are touched.
 */
char *
bri_text_join_letter_spacing (const char *text,
                              BriLexicon *lexicon)
{
  g_autoptr(GArray) tokens = NULL;
  GString *out;
  const char *p;
  guint i;

  g_return_val_if_fail (text != NULL, NULL);

  tokens = g_array_new (FALSE, FALSE, sizeof (SpacedToken));
  p = text;
  while (*p == ' ')
    p++;
  while (*p != '\0')
    {
      SpacedToken t = { p, 0, 0 };

      while (*p != '\0' && *p != ' ')
        p++;
      t.len = p - t.start;
      while (*p == ' ')
        {
          t.sep++;
          p++;
        }
      g_array_append_val (tokens, t);
    }

  out = g_string_sized_new (strlen (text));
  /* Keep leading spaces: the caller decides what white space means. */
  for (p = text; *p == ' '; p++)
    g_string_append_c (out, ' ');

  i = 0;
  while (i < tokens->len)
    {
      SpacedToken *t = &g_array_index (tokens, SpacedToken, i);
      guint run_end = i;
      gboolean single_gap = FALSE;

      while (run_end < tokens->len && is_single_letter (&g_array_index (tokens, SpacedToken, run_end)))
        {
          if (run_end + 1 < tokens->len &&
              g_array_index (tokens, SpacedToken, run_end).sep == 1 &&
              is_single_letter (&g_array_index (tokens, SpacedToken, run_end + 1)))
            single_gap = TRUE;
          run_end++;
        }

      if (run_end - i >= 3 && single_gap)
        {
          g_autoptr(GString) group = g_string_new (NULL);
          guint n_letters = 0;

          for (guint k = i; k < run_end; k++)
            {
              SpacedToken *l = &g_array_index (tokens, SpacedToken, k);

              g_string_append_len (group, l->start, l->len);
              n_letters++;
              if (k + 1 == run_end || l->sep >= 2)
                {
                  append_letter_group (out, group, n_letters, lexicon);
                  g_string_truncate (group, 0);
                  n_letters = 0;
                  if (k + 1 < run_end)
                    g_string_append_c (out, ' ');
                }
            }

          t = &g_array_index (tokens, SpacedToken, run_end - 1);
          for (guint s = 0; s < t->sep; s++)
            g_string_append_c (out, ' ');
          i = run_end;
          continue;
        }

      g_string_append_len (out, t->start, t->len);
      for (guint s = 0; s < t->sep; s++)
        g_string_append_c (out, ' ');
      i++;
    }

  return g_string_free (out, FALSE);
}

/* Known as a word, or as a regular inflection of one ("proactively",
 * "benefits"): enough to trust a repair. */
static gboolean
contains_form (BriLexicon *lexicon,
               const char *word)
{
  static const char * const suffixes[] = { "s", "es", "ly", "ed", "ing" };
  gsize len = strlen (word);

  if (bri_lexicon_contains (lexicon, word))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize n = strlen (suffixes[i]);

      if (len > n + 3 && g_ascii_strcasecmp (word + len - n, suffixes[i]) == 0)
        {
          g_autofree char *base = g_strndup (word, len - n);

          if (bri_lexicon_contains_as_written (lexicon, base))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_letter_at (const char *p)
{
  gunichar c;

  if ((guchar) *p < 0x80)
    return g_ascii_isalpha (*p);

  c = g_utf8_get_char (p);
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

static const char *
skip_letters (const char *p)
{
  while (*p != '\0' && is_letter_at (p))
    p = g_utf8_next_char (p);
  return p;
}

/**
 * bri_text_repair_ligatures:
 * @text: UTF-8 text with single spaces
 * @lexicon: the words that may result
 *
 * Closes the gaps PDF extraction leaves after a ligature ("offi cials",
 * "fi nancial", "object ives"), but only where the joined word is known to
 * @lexicon and at least one side is not a word on its own, so "of the" or
 * "staff will" stay apart.
 */
char *
bri_text_repair_ligatures (const char *text,
                           BriLexicon *lexicon)
{
  GString *out;
  const char *p;
  const char *word_start = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (lexicon == NULL)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text));
  p = text;
  while (*p != '\0')
    {
      const char *end;

      if (!is_letter_at (p))
        {
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
          p = g_utf8_next_char (p);
          continue;
        }

      /* A run of letters: the left side of a possible gap. */
      word_start = out->str + out->len;
      end = skip_letters (p);
      g_string_append_len (out, p, end - p);
      p = end;

      while (p[0] == ' ' && g_unichar_islower (g_utf8_get_char (p + 1)))
        {
          gsize left_offset = word_start - out->str;
          const char *left = out->str + left_offset;
          gsize left_len = out->len - left_offset;
          const char *right = p + 1;
          const char *right_end = skip_letters (right);
          g_autofree char *left_word = NULL;
          g_autofree char *right_word = NULL;
          g_autofree char *joined = NULL;

          if (bri_lexicon_ligature_suffix_len (left, left_len) == 0)
            break;

          left_word = g_strndup (left, left_len);
          right_word = g_strndup (right, right_end - right);
          joined = g_strconcat (left_word, right_word, NULL);

          if (!contains_form (lexicon, joined) ||
              (bri_lexicon_contains_as_written (lexicon, left_word) &&
               bri_lexicon_contains_as_written (lexicon, right_word)))
            break;

          g_string_append (out, right_word);
          p = right_end;
          word_start = out->str + left_offset;
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
broken_hyphen_cb (const GMatchInfo *info,
                  GString          *result,
                  gpointer          user_data)
{
  g_string_append_c (result, '-');
  return FALSE;
}

/* "China- Mongolia", "step- by-step": a hyphen that lost its second half to
 * a line break.  Suspended hyphens ("short- and long-term") are kept. */
static char *
repair_broken_hyphens (const char *text)
{
  return g_regex_replace_eval (patterns ()->broken_hyphen, text, -1, 0, 0,
                               broken_hyphen_cb, NULL, NULL);
}

static char *
clean_joined (const char *text,
              BriLexicon *lexicon)
{
  g_autofree char *spaced = bri_text_normalize_space (text);
  g_autofree char *ligatures = bri_text_repair_ligatures (spaced, lexicon);
  g_autofree char *hyphens = repair_broken_hyphens (ligatures);

  return bri_text_normalize_space (hyphens);
}

/**
 * bri_text_clean_inline:
 * @text: one paragraph of UTF-8 text
 * @lexicon: (nullable): the words repairs may produce
 *
 * Applies the repairs that work within a paragraph: letter spacing,
 * ligature gaps, hyphens broken by a wrap, and white space.
 */
char *
bri_text_clean_inline (const char *text,
                       BriLexicon *lexicon)
{
  g_autofree char *spaces = NULL;
  g_autofree char *letters = NULL;
  GString *s;

  g_return_val_if_fail (text != NULL, NULL);

  /* Letter spacing needs the spaces counted, so map every white space
   * character to one ASCII space first. */
  s = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        g_string_append_c (s, ' ');
      else
        g_string_append_len (s, p, g_utf8_next_char (p) - p);
    }
  spaces = g_string_free (s, FALSE);
  letters = bri_text_join_letter_spacing (spaces, lexicon);

  return clean_joined (letters, lexicon);
}

/* ------------------------------------------------------------------------ */
/* Lines: chrome, metadata, pagination */

typedef struct
{
  char     *text;
  guint     gap;      /* blank lines before it */
  gboolean  hard;     /* a removed line sat before it: never join across */
  glong     n_chars;
} Line;

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_free (line->text);
}

static void
set_metadata (GHashTable *metadata,
              const char *key,
              const char *value)
{
  g_autofree char *k = NULL;
  g_autofree char *v = NULL;

  if (metadata == NULL || key == NULL || value == NULL)
    return;

  k = g_utf8_strdown (key, -1);
  v = bri_text_normalize_space (value);
  if (*v == '\0')
    return;

  if (!g_hash_table_contains (metadata, k))
    g_hash_table_insert (metadata, g_steal_pointer (&k), g_steal_pointer (&v));
}

static void
append_metadata (GHashTable *metadata,
                 const char *key,
                 const char *value)
{
  const char *old;

  if (metadata == NULL)
    return;

  old = g_hash_table_lookup (metadata, key);
  if (old == NULL)
    set_metadata (metadata, key, value);
  else
    g_hash_table_insert (metadata, g_strdup (key), g_strconcat (old, "\n", value, NULL));
}

static gboolean
is_chrome (const char *line)
{
  static const char * const chrome[] = {
    "skip to main content", "skip to content", "skip to navigation", "skip navigation",
    "content start", "content end", "main content", "nav search", "search", "menu",
    "back to top", "top", "print", "share", "share this", "close", "next", "previous",
    "prev", "next page", "previous page", "next article", "previous article",
  };

  return is_one_of (line, chrome, G_N_ELEMENTS (chrome));
}

/* "1 2 3 4 5 6 7 8 9 10 11 12", "1 2 3 … 12 Next", "Page 2 of 5", or a lone
 * page number. */
static gboolean
is_pagination (const char *line)
{
  static const char * const nav[] = {
    "next", "previous", "prev", "first", "last", "more", "page", "of",
    "»", "«", "‹", "›", "<", ">", "<<", ">>", "…", "...", "..", "next»", "«previous",
  };
  g_auto(GStrv) tokens = NULL;
  guint n_numbers = 0;
  guint n_nav = 0;
  gint64 last = -1;
  gboolean increasing = TRUE;

  /* Page links are short and hold no letters beyond a few words. */
  if (strlen (line) > 120)
    return FALSE;

  tokens = g_strsplit (line, " ", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *t = tokens[i];
      gboolean number = *t != '\0' && strlen (t) <= 3;
      gboolean known = FALSE;

      if (*t == '\0')
        continue;

      for (const char *c = t; *c != '\0'; c++)
        if (!g_ascii_isdigit (*c))
          number = FALSE;

      if (number)
        {
          gint64 v = g_ascii_strtoll (t, NULL, 10);

          if (v <= last)
            increasing = FALSE;
          last = v;
          n_numbers++;
          continue;
        }

      for (guint k = 0; k < G_N_ELEMENTS (nav); k++)
        if (g_ascii_strcasecmp (t, nav[k]) == 0)
          known = TRUE;

      if (!known)
        return FALSE;
      n_nav++;
    }

  if (n_numbers >= 2)
    return increasing;

  return n_numbers + n_nav > 0;
}

static void
parse_field (GHashTable *metadata,
             const char *field)
{
  const Patterns *pat = patterns ();
  g_autoptr(GMatchInfo) info = NULL;

  if (g_regex_match (pat->date_only, field, 0, NULL))
    {
      set_metadata (metadata, "date", field);
      return;
    }

  if (g_regex_match (pat->label_value, field, 0, &info))
    {
      g_autofree char *label = g_match_info_fetch (info, 1);
      g_autofree char *value = g_match_info_fetch (info, 2);

      set_metadata (metadata, label, value);
      return;
    }
  g_clear_pointer (&info, g_match_info_free);

  if (g_regex_match (pat->by_name, field, 0, &info))
    {
      g_autofree char *name = g_match_info_fetch (info, 1);

      set_metadata (metadata, "author", name);
    }
}

/* "22 Apr., 2019 | Source: Belt and Road Portal | Hits:10349" */
static gboolean
is_header_line (const char *line,
                GHashTable *metadata)
{
  const Patterns *pat = patterns ();
  g_auto(GStrv) fields = NULL;
  guint n_fields = 0;
  gboolean labelled = FALSE;

  if (strchr (line, '|') == NULL)
    return FALSE;

  fields = g_strsplit (line, "|", -1);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *f = bri_text_normalize_space (fields[i]);

      if (*f == '\0')
        continue;
      if (g_utf8_strlen (f, -1) > 80)
        return FALSE;
      n_fields++;
      if (g_regex_match (pat->date_only, f, 0, NULL) ||
          g_regex_match (pat->label_value, f, 0, NULL))
        labelled = TRUE;
    }

  if (n_fields < 2 || !labelled)
    return FALSE;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *f = bri_text_normalize_space (fields[i]);

      if (*f != '\0')
        parse_field (metadata, f);
    }

  return TRUE;
}

/* "By Zheng Shanjie Source: English Edition of Qiushi Journal Updated: 2024-01-05" */
static gboolean
is_byline (const char *line,
           GHashTable *metadata)
{
  const Patterns *pat = patterns ();
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *author = NULL;
  g_autofree char *rest = NULL;

  if (g_utf8_strlen (line, -1) > 200)
    return FALSE;

  if (g_regex_match (pat->by_name, line, 0, NULL))
    {
      parse_field (metadata, line);
      return TRUE;
    }

  if (!g_regex_match (pat->byline, line, 0, &info))
    return FALSE;

  author = g_match_info_fetch (info, 1);
  rest = g_match_info_fetch (info, 2);
  set_metadata (metadata, "author", author);
  g_clear_pointer (&info, g_match_info_free);

  g_regex_match (pat->byline_pairs, rest, 0, &info);
  while (g_match_info_matches (info))
    {
      g_autofree char *label = g_match_info_fetch (info, 1);
      g_autofree char *value = g_match_info_fetch (info, 2);

      set_metadata (metadata, label, value);
      g_match_info_next (info, NULL);
    }

  return TRUE;
}

static gboolean
is_metadata_line (const char *line,
                  GHashTable *metadata)
{
  const Patterns *pat = patterns ();
  g_autoptr(GMatchInfo) info = NULL;

  if (g_utf8_strlen (line, -1) > 120)
    return FALSE;

  if (g_regex_match (pat->date_only, line, 0, NULL))
    {
      set_metadata (metadata, "date", line);
      return TRUE;
    }

  if (g_regex_match (pat->trailer, line, 0, &info))
    {
      g_autofree char *label = g_match_info_fetch (info, 1);
      g_autofree char *value = g_match_info_fetch (info, 2);

      if (label == NULL || *label == '\0')
        {
          g_free (label);
          g_free (value);
          label = g_match_info_fetch (info, 3);
          value = g_match_info_fetch (info, 4);
        }
      if (value != NULL && *value != '\0')
        set_metadata (metadata, label, value);
      return TRUE;
    }
  g_clear_pointer (&info, g_match_info_free);

  if (g_regex_match (pat->label_date, line, 0, &info))
    {
      g_autofree char *label = g_match_info_fetch (info, 1);
      g_autofree char *value = g_match_info_fetch (info, 2);

      set_metadata (metadata, label, value);
      return TRUE;
    }
  g_clear_pointer (&info, g_match_info_free);

  if (g_regex_match (pat->label_value, line, 0, NULL))
    {
      parse_field (metadata, line);
      return TRUE;
    }

  return FALSE;
}

static GArray *
split_lines (const char *text,
             BriLexicon *lexicon,
             GHashTable *metadata)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  guint blank = 0;
  gboolean hard = FALSE;
  const char *p = text;

  g_array_set_clear_func (lines, line_clear);

  while (*p != '\0')
    {
      const char *eol = p + strcspn (p, "\r\n");
      GString *mapped = g_string_sized_new (eol - p);
      g_autofree char *joined = NULL;
      g_autofree char *stripped = NULL;
      Line line = { 0, };

      for (const char *q = p; q < eol; q = g_utf8_next_char (q))
        {
          gunichar c = g_utf8_get_char (q);

          if (is_space (c))
            g_string_append_c (mapped, ' ');
          else if (c != 0x200B && c != 0x00AD)
            g_string_append_len (mapped, q, g_utf8_next_char (q) - q);
        }

      p = eol;
      if (*p == '\r' && p[1] == '\n')
        p += 2;
      else if (*p != '\0')
        p++;

      stripped = bri_text_normalize_space (mapped->str);
      if (*stripped == '\0')
        {
          g_string_free (mapped, TRUE);
          blank++;
          continue;
        }

      if (is_chrome (stripped) || is_pagination (stripped) ||
          is_header_line (stripped, metadata) || is_byline (stripped, metadata) ||
          is_metadata_line (stripped, metadata))
        {
          g_string_free (mapped, TRUE);
          hard = TRUE;
          continue;
        }

      joined = bri_text_join_letter_spacing (mapped->str, lexicon);
      g_string_free (mapped, TRUE);

      line.text = bri_text_normalize_space (joined);
      line.gap = blank;
      line.hard = hard;
      line.n_chars = g_utf8_strlen (line.text, -1);
      g_array_append_val (lines, line);

      blank = 0;
      hard = FALSE;
    }

  return lines;
}

/* ------------------------------------------------------------------------ */
/* Joining lines into blocks */

typedef struct
{
  gboolean hard_wrapped;  /* a PDF-like text whose lines are wrapped at a width */
  glong    wrap_width;
} Layout;

static int
compare_glong (gconstpointer a,
               gconstpointer b)
{
  glong x = *(const glong *) a;
  glong y = *(const glong *) b;

  return (x > y) - (x < y);
}

static Layout
measure_layout (GArray *lines)
{
  Layout layout = { FALSE, 0 };
  g_autofree glong *lengths = NULL;
  guint continued = 0;

  if (lines->len < 8)
    return layout;

  lengths = g_new (glong, lines->len);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      lengths[i] = line->n_chars;
      if (i + 1 < lines->len && !ends_with_terminal (line->text) &&
          starts_lower (g_array_index (lines, Line, i + 1).text))
        continued++;
    }

  qsort (lengths, lines->len, sizeof (glong), compare_glong);
  layout.wrap_width = lengths[(lines->len * 9) / 10];
  /* Lines that stop mid-sentence, at a width: a wrapped text.  Web
   * captures have one line per paragraph and almost never do this. */
  layout.hard_wrapped = layout.wrap_width <= 200 && continued * 10 >= lines->len;

  return layout;
}

static gboolean
ends_with_joining_word (const char *text)
{
  static const char * const words[] = {
    "a", "an", "the", "and", "or", "nor", "but", "of", "to", "for", "in", "on", "at", "by",
    "with", "from", "as", "into", "than", "that", "which", "its", "their", "our", "his",
    "her", "this", "these", "those", "such", "is", "are", "was", "were", "be", "&",
  };
  const char *last = strrchr (text, ' ');
  gunichar c = last_char_skipping_closers (text);

  if (c == ',' || c == '&' || c == 0x2013 || c == 0x2014)
    return TRUE;

  last = last != NULL ? last + 1 : text;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (last, words[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
looks_title_like (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint long_words = 0;
  guint capitalised = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (g_utf8_strlen (words[i], -1) < 4)
        continue;
      long_words++;
      if (starts_upper (words[i]))
        capitalised++;
    }

  return long_words > 0 && capitalised * 10 >= long_words * 6;
}

static gboolean
starts_numbered (const char *text)
{
  const Patterns *pat = patterns ();

  return g_regex_match (pat->roman, text, 0, NULL) ||
         g_regex_match (pat->arabic_dot, text, 0, NULL) ||
         g_regex_match (pat->arabic_paren, text, 0, NULL) ||
         g_regex_match (pat->paren_arabic, text, 0, NULL) ||
         g_regex_match (pat->panel, text, 0, NULL);
}

typedef struct
{
  GString  *text;
  guint     n_lines;
  gboolean  sentence_inside;  /* a sentence ended somewhere inside it */
  Line     *last;
} RawBlock;

/* A short title-like line that nothing continues: a heading. */
static gboolean
stands_alone_as_title (const Layout *layout,
                       const Line   *line,
                       const Line   *following)
{
  return (following == NULL || following->gap > 0 || following->hard) &&
         !ends_with_terminal (line->text) && !ends_with_joining_word (line->text) &&
         line->n_chars * 10 < layout->wrap_width * 6 && looks_title_like (line->text);
}

static gboolean
should_join (const Layout   *layout,
             const RawBlock *block,
             const Line     *line,
             const Line     *following)
{
  const char *prev = block->last->text;

  if (line->hard || skip_bullet (line->text) != NULL)
    return FALSE;

  if (ends_with_terminal (prev))
    {
      /* Within a wrapped paragraph a line may end a sentence and the next
       * start one; a blank line after a full stop ends the paragraph. */
      return line->gap == 0 && layout->hard_wrapped && !starts_numbered (line->text) &&
             !stands_alone_as_title (layout, line, following);
    }

  if (ends_with_hyphen_wrap (prev) && g_unichar_isalpha (g_utf8_get_char (line->text)))
    return TRUE;

  if (starts_lower (line->text))
    return TRUE;

  if (!layout->hard_wrapped || starts_numbered (line->text))
    return FALSE;

  if (line->gap == 0)
    {
      /* A short title-like first line followed by a capitalised one is a
       * heading over its paragraph, not the start of a wrapped line. */
      if (block->n_lines == 1 && !ends_with_joining_word (prev) &&
          block->last->n_chars * 10 < layout->wrap_width * 6 && looks_title_like (prev))
        return FALSE;
      return TRUE;
    }

  /* Three or more blank lines: a page break in a PDF extraction. */
  if (line->gap >= 3)
    return FALSE;

  if (ends_with_joining_word (prev) || block->sentence_inside)
    return TRUE;

  /* The line ran to the margin, so the wrap, not the author, broke it. */
  return block->last->n_chars * 4 >= layout->wrap_width * 3;
}

static void
append_line (RawBlock   *block,
             Line       *line,
             BriLexicon *lexicon)
{
  const Patterns *pat = patterns ();
  gsize check_from = block->text->len;

  if (block->text->len > 0 && ends_with_hyphen_wrap (block->text->str) &&
      g_unichar_isalpha (g_utf8_get_char (line->text)))
    {
      /* "win-" + "win development": keep the hyphen when the text writes
       * the compound with one elsewhere, drop it when the joined word is a
       * word ("develop-" + "ment"), keep it when in doubt. */
      const char *end = block->text->str + block->text->len - 1;
      const char *start = end;
      const char *right_end = skip_letters (line->text);
      g_autofree char *left = NULL;
      g_autofree char *right = NULL;
      g_autofree char *compound = NULL;
      g_autofree char *closed = NULL;

      while (start > block->text->str &&
             g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (start))))
        start = g_utf8_prev_char (start);

      left = g_strndup (start, end - start);
      right = g_strndup (line->text, right_end - line->text);
      compound = g_strconcat (left, "-", right, NULL);
      closed = g_strconcat (left, right, NULL);

      if (lexicon != NULL && !bri_lexicon_contains (lexicon, compound) &&
          bri_lexicon_contains_as_written (lexicon, closed))
        g_string_truncate (block->text, block->text->len - 1);
    }
  else if (block->text->len > 0)
    g_string_append_c (block->text, ' ');

  g_string_append (block->text, line->text);
  block->n_lines++;
  block->last = line;

  /* Look only at the new line and the few characters before it, so long
   * paragraphs do not cost quadratic time. */
  if (!block->sentence_inside)
    {
      const char *from = block->text->str + MIN (check_from, block->text->len);

      for (guint k = 0; k < 6 && from > block->text->str; k++)
        from = g_utf8_prev_char (from);
      block->sentence_inside = g_regex_match (pat->sentence_break, from, 0, NULL);
    }
}

/* ------------------------------------------------------------------------ */
/* Classifying blocks */

typedef enum
{
  CAND_NONE,
  CAND_NUMBERED,  /* "III.", "2.", "1)", "(1)", "Chapter 2" */
  CAND_PANEL,     /* "Panel 1 …", "Box 2 …": a box inside the current section */
  CAND_PLAIN,     /* a short unnumbered title */
  CAND_PART,      /* "Preamble", "Conclusion": always at the top level */
} Candidate;

enum
{
  RANK_PART,
  RANK_CHAPTER,
  RANK_ROMAN,
  RANK_SECTION,
  RANK_ARABIC_DOT,
  RANK_ARABIC_PAREN,
  RANK_PAREN_ARABIC,
  RANK_LETTER,
};

typedef struct
{
  char             *text;
  char             *folded;
  BriTextBlockKind  kind;
  Candidate         cand;
  int               rank;
  gboolean          dropped;
  GPtrArray        *terms;   /* its distinct terms, only while boxes are measured */
} Block;

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block->folded);
  g_clear_pointer (&block->terms, g_ptr_array_unref);
}

/* A title: short, no sentence inside, no full stop at the end. */
static gboolean
has_heading_shape (const char *text)
{
  gunichar last = last_char_skipping_closers (text);
  guint words = count_words (text);

  if (words == 0 || words > 25 || g_utf8_strlen (text, -1) > 200)
    return FALSE;
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == 0x2026)
    return FALSE;
  if (g_regex_match (patterns ()->sentence_break, text, 0, NULL))
    return FALSE;

  return TRUE;
}

static gboolean
is_part_name (const char *text)
{
  static const char * const parts[] = {
    "preamble", "foreword", "preface", "introduction", "conclusion", "conclusions",
    "concluding remarks", "epilogue", "afterword", "summary", "abstract", "references",
    "bibliography", "notes", "acknowledgements", "acknowledgments", "glossary", "appendix",
  };

  return is_one_of (text, parts, G_N_ELEMENTS (parts));
}

static void
classify (Block *block)
{
  const Patterns *pat = patterns ();
  const char *text = block->text;
  const char *after_bullet = skip_bullet (text);
  g_autoptr(GMatchInfo) info = NULL;
  const char *rest = NULL;

  block->kind = BRI_TEXT_BLOCK_PARAGRAPH;
  block->cand = CAND_NONE;

  if (after_bullet != NULL)
    {
      char *item = g_strdup (after_bullet);

      g_free (block->text);
      block->text = item;
      block->kind = BRI_TEXT_BLOCK_LIST_ITEM;
      return;
    }

  if (g_regex_match (pat->credit, text, 0, NULL) || g_regex_match (pat->figure, text, 0, NULL))
    {
      block->kind = BRI_TEXT_BLOCK_CAPTION;
      return;
    }

  if (g_regex_match (pat->roman, text, 0, NULL))
    block->rank = RANK_ROMAN;
  else if (g_regex_match (pat->arabic_dot, text, 0, NULL))
    block->rank = RANK_ARABIC_DOT;
  else if (g_regex_match (pat->arabic_paren, text, 0, NULL))
    block->rank = RANK_ARABIC_PAREN;
  else if (g_regex_match (pat->paren_arabic, text, 0, NULL))
    block->rank = RANK_PAREN_ARABIC;
  else if (g_regex_match (pat->letter_paren, text, 0, NULL))
    block->rank = RANK_LETTER;
  else if (g_regex_match (pat->division, text, 0, &info))
    {
      g_autofree char *word = g_match_info_fetch (info, 1);

      block->rank = g_str_equal (word, "Part") ? RANK_PART :
                    g_str_equal (word, "Chapter") ? RANK_CHAPTER : RANK_SECTION;
    }
  else
    block->rank = -1;

  if (block->rank >= 0)
    {
      rest = strchr (text, ' ');
      /* A numbered line with a sentence in it ("2) Steady progress in …. As
       * faster growth …") is a paragraph with a lead, not a heading. */
      if (rest != NULL && has_heading_shape (rest + 1))
        block->cand = CAND_NUMBERED;
      return;
    }

  if (g_regex_match (pat->panel, text, 0, NULL))
    {
      if (has_heading_shape (text))
        block->cand = CAND_PANEL;
      return;
    }

  if (!starts_upper (text) || !has_heading_shape (text))
    return;

  block->cand = is_part_name (text) ? CAND_PART : CAND_PLAIN;
}

/* ------------------------------------------------------------------------ */
/* Structure: title, table of contents, running headers, levels */

typedef struct
{
  Candidate  cand;
  int        rank;
  const char *folded;
} Open;

/* How many open headings stay open when a heading of this kind starts. */
static guint
kept_depth (GArray    *stack,
            Candidate  cand,
            int        rank)
{
  guint keep = stack->len;

  if (cand == CAND_PART)
    return 0;

  while (keep > 0)
    {
      Open *top = &g_array_index (stack, Open, keep - 1);
      gboolean stays;

      switch (cand)
        {
        case CAND_NUMBERED:
          stays = top->cand == CAND_NUMBERED && top->rank < rank;
          break;
        case CAND_PANEL:
          stays = top->cand != CAND_PANEL;
          break;
        case CAND_PLAIN:
        default:
          stays = top->cand == CAND_NUMBERED;
          break;
        }

      if (stays)
        break;
      keep--;
    }

  return keep;
}

static gboolean
is_open (GArray     *stack,
         const char *folded)
{
  for (guint i = 0; i < stack->len; i++)
    if (strcmp (g_array_index (stack, Open, i).folded, folded) == 0)
      return TRUE;

  return FALSE;
}

static void
drop_table_of_contents (GArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *label = &g_array_index (blocks, Block, i);
      const char *first = NULL;
      guint j;

      if (label->dropped ||
          (strcmp (label->folded, "contents") != 0 && strcmp (label->folded, "table of contents") != 0))
        continue;

      for (j = i + 1; j < blocks->len; j++)
        {
          Block *entry = &g_array_index (blocks, Block, j);

          if (entry->dropped)
            continue;
          if (entry->cand == CAND_NONE || (first != NULL && strcmp (entry->folded, first) == 0))
            break;
          if (first == NULL)
            first = entry->folded;
        }

      if (first == NULL)
        continue;

      /* The entries repeat the headings that follow; as sections of their
       * own they would be empty. */
      for (guint k = i; k < j; k++)
        g_array_index (blocks, Block, k).dropped = TRUE;
      i = j - 1;
    }

  /* Without a label: a run of three or more titles that almost all come
   * back later is a table of contents too. */
  for (guint i = 0; i < blocks->len; i++)
    {
      guint j = i;
      guint repeated = 0;
      const char *first = NULL;

      /* The run ends at a body block, or where its first title comes back. */
      while (j < blocks->len)
        {
          Block *entry = &g_array_index (blocks, Block, j);

          if (!entry->dropped)
            {
              if (entry->cand == CAND_NONE || (first != NULL && strcmp (entry->folded, first) == 0))
                break;
              if (first == NULL)
                first = entry->folded;
            }
          j++;
        }

      if (j - i >= 3)
        {
          guint n = 0;

          for (guint k = i; k < j; k++)
            {
              Block *entry = &g_array_index (blocks, Block, k);

              if (entry->dropped)
                continue;
              n++;
              for (guint m = j; m < blocks->len; m++)
                if (strcmp (g_array_index (blocks, Block, m).folded, entry->folded) == 0)
                  {
                    repeated++;
                    break;
                  }
            }

          if (n >= 3 && repeated * 4 >= n * 3)
            for (guint k = i; k < j; k++)
              g_array_index (blocks, Block, k).dropped = TRUE;
        }

      i = j;
    }
}

static void
push_open (GArray *stack,
           guint   keep,
           Block  *block)
{
  Open open = { block->cand, block->rank, block->folded };

  g_array_set_size (stack, keep);
  g_array_append_val (stack, open);
}

/* Whether the heading candidate at @index owns anything: a body block, or a
 * heading nested deeper.  A title with nothing under it is a caption (or,
 * before any text, front matter such as a publisher's name). */
static gboolean
has_content (GArray *blocks,
             guint   index,
             GArray *stack,
             guint   keep)
{
  Block *block = &g_array_index (blocks, Block, index);
  g_autoptr(GArray) trial = g_array_copy (stack);
  guint level;

  push_open (trial, keep, block);
  level = trial->len;

  for (guint j = index + 1; j < blocks->len; j++)
    {
      Block *next = &g_array_index (blocks, Block, j);

      if (next->dropped)
        continue;
      if (next->cand == CAND_NONE)
        return TRUE;
      if (is_open (trial, next->folded))
        continue;

      return kept_depth (trial, next->cand, next->rank) + 1 > level;
    }

  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Where a box ends
 *
 * Reports set boxes in the running text: "Panel 1 Mombasa-Nairobi Railway
 * promotes …", "Box 2 …", "Case Study 3 …".  A plain-text capture keeps the
 * box's title but loses its frame, so nothing marks where the box's text
 * stops and the main text goes on.  Left open until the next heading, a box
 * would claim the main text after it, and the app, which links every block
 * of a box to the places its title names, would file a paragraph on the
 * Port of Piraeus under the Mombasa–Nairobi railway.
 *
 * So a box keeps a block only while the block stays on the box's topic:
 *
 * - Topic is carried by salient terms: words, hyphenated compounds and
 *   multi-word names ("Port of Piraeus") used by few of the document's
 *   paragraphs: at most one in 25, or 3 in a short document.  In a
 *   document about the Belt and Road, "Belt", "Road", "China" and
 *   "cooperation" are everywhere and say nothing.  Case, accents, plural
 *   endings and possessives do not count ("Workshops", "workshop’s").
 * - The box's terms are the salient terms of its title, and those of its
 *   blocks so far that the box owns: at least half of the paragraphs using
 *   the term would be in the box.  A word the box used once and the rest of
 *   the document uses often ("water", "rail") is the document's topic, not
 *   the box's.
 * - A block that shares a term with the box stays in it.  The first block
 *   under the title always does, and so do list items after a box block
 *   ending in ":" that introduces them.
 * - A one-sentence block or a caption that shares nothing is too short to
 *   judge ("The innovative Cloud Classroom program …" between paragraphs on
 *   Silk Road e-commerce): it stays only if the block after it shares a term
 *   again.  One such block at a time; a second ends the box.
 * - Any other block that shares nothing ends the box, and so does a heading.
 *   The block that ended it and the text after it go back to the section
 *   around the box.
 *
 * What topic cannot tell: a main-text paragraph right after a box that
 * names the box's subject again ("In Africa, railways such as the
 * Mombasa-Nairobi Railway …") stays in the box; it is about the box's
 * subject too, so the links it gets from the box's title are still right. */

/* Function words: frequent anyway in a long document, but a short one has
 * too few paragraphs for frequency alone to rule them out. */
static gboolean
is_stop_word (const char *word)
{
  static const char * const words[] = {
    "about", "after", "against", "all", "also", "among", "and", "any", "are", "because",
    "been", "before", "being", "between", "both", "but", "can", "could", "did", "does",
    "during", "each", "either", "every", "for", "from", "had", "has", "have", "her", "here",
    "his", "how", "into", "its", "many", "may", "might", "more", "most", "much", "must",
    "not", "now", "off", "once", "one", "only", "other", "our", "out", "over", "own", "per",
    "same", "several", "shall", "she", "should", "since", "some", "such", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "though",
    "three", "through", "thus", "too", "two", "under", "until", "upon", "very", "via",
    "was", "were", "what", "when", "where", "whether", "which", "while", "who", "whom",
    "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your",
  };
  static GHashTable *set;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        g_hash_table_add (set, (gpointer) words[i]);
      g_once_init_leave (&initialized, 1);
    }

  return g_hash_table_contains (set, word);
}

static gboolean
is_name_connector (const char *word)
{
  return g_str_equal (word, "of") || g_str_equal (word, "and") || g_str_equal (word, "the") ||
         g_str_equal (word, "for") || g_str_equal (word, "de") || g_str_equal (word, "la");
}

/* Folds one part of a token in place: no possessive, no plural ending, so
 * "Workshops" meets "Workshop’s". */
static void
fold_term_part (GString *part)
{
  if (part->len >= 2 && part->str[part->len - 2] == '\'' && part->str[part->len - 1] == 's')
    g_string_truncate (part, part->len - 2);
  else if (part->len >= 1 && part->str[part->len - 1] == '\'')
    g_string_truncate (part, part->len - 1);

  if (part->len >= 5 && g_str_has_suffix (part->str, "ies"))
    {
      g_string_truncate (part, part->len - 3);
      g_string_append_c (part, 'y');
    }
  else if (part->len >= 5 && part->str[part->len - 1] == 's' &&
           !g_str_has_suffix (part->str, "ss") && !g_str_has_suffix (part->str, "us") &&
           !g_str_has_suffix (part->str, "is"))
    g_string_truncate (part, part->len - 1);
}

static gboolean
is_content_word (const char *word)
{
  gboolean digits = TRUE;

  for (const char *p = word; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      digits = FALSE;

  return !digits && g_utf8_strlen (word, -1) >= 3 && !is_stop_word (word);
}

/* A capitalized word that is not an acronym: "Mombasa", not "TOP". */
static gboolean
is_name_word (const char *start,
              const char *end)
{
  gboolean lower = FALSE;

  if (!starts_upper (start))
    return FALSE;
  for (const char *p = g_utf8_next_char (start); p < end; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      lower = TRUE;

  return lower;
}

static gboolean
is_word_joiner (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == '\'' || c == 0x2019;
}

typedef struct
{
  GHashTable *seen;           /* the terms so far, owned */
  GString    *name;           /* the multi-word name being read */
  GString    *folded;         /* scratch space for one token */
  GString    *whole;
  GString    *part;
  guint       name_words;
  guint       name_capitals;
  gsize       name_len;       /* name->len without trailing connectors */
} TermReader;

static void
add_term (TermReader *reader,
          const char *term)
{
  if (!g_hash_table_contains (reader->seen, term))
    g_hash_table_add (reader->seen, g_strdup (term));
}

static void
end_name (TermReader *reader)
{
  if (reader->name_capitals >= 2)
    {
      g_string_truncate (reader->name, reader->name_len);
      add_term (reader, reader->name->str);
    }

  g_string_truncate (reader->name, 0);
  reader->name_words = reader->name_capitals = 0;
  reader->name_len = 0;
}

/* Folds a token as bri_text_fold() does; most are plain ASCII, and those
 * need none of its bookkeeping. */
static void
fold_token (GString    *out,
            const char *start,
            const char *end)
{
  g_string_truncate (out, 0);

  for (const char *p = start; p < end; p++)
    if ((guchar) *p >= 0x80)
      {
        g_autofree char *folded = bri_text_fold (start, end - start);

        g_string_append (out, folded);
        return;
      }

  for (const char *p = start; p < end; p++)
    g_string_append_c (out, *p == '-' ? ' ' : g_ascii_tolower (*p));
}

/* One token: "Mombasa-Nairobi", "e-commerce", "people’s". */
static void
read_token (TermReader *reader,
            const char *start,
            const char *end)
{
  GString *whole = reader->whole;
  GString *part = reader->part;
  const char *folded;
  guint n_parts = 0;
  guint n_content = 0;
  gboolean names = TRUE;
  const char *p = start;

  /* Parts of a pair of names ("Lancang-Mekong") are names of their own;
   * parts of a word ("land-linked") or an acronym ("C-TOP") are not. */
  while (p < end)
    {
      const char *q = p;

      while (q < end && !is_word_joiner (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      if (q > p && !is_name_word (p, q))
        names = FALSE;
      p = q < end ? g_utf8_next_char (q) : q;
    }

  fold_token (reader->folded, start, end);
  g_string_truncate (whole, 0);
  folded = reader->folded->str;
  while (*folded != '\0')
    {
      const char *space = strchr (folded, ' ');
      gsize len = space != NULL ? (gsize) (space - folded) : strlen (folded);

      g_string_truncate (part, 0);
      g_string_append_len (part, folded, len);
      folded += len;
      while (*folded == ' ')
        folded++;

      fold_term_part (part);
      if (part->len == 0)
        continue;
      if (whole->len > 0)
        g_string_append_c (whole, ' ');
      g_string_append (whole, part->str);
      n_parts++;
      if (is_content_word (part->str))
        {
          n_content++;
          if (names)
            add_term (reader, part->str);
        }
    }

  if (n_parts == 0)
    return;
  if (n_parts == 1 ? n_content == 1 : n_content > 0)
    add_term (reader, whole->str);

  /* Names: capitalized words, perhaps joined by "of", "and", …, such as
   * "Port of Piraeus" or "Silk Road E-commerce". */
  if (starts_upper (start) && !(reader->name_words == 0 && is_stop_word (whole->str)))
    {
      if (reader->name->len > 0)
        g_string_append_c (reader->name, ' ');
      g_string_append (reader->name, whole->str);
      reader->name_words++;
      reader->name_capitals++;
      reader->name_len = reader->name->len;
    }
  else if (reader->name_words > 0 && is_name_connector (whole->str))
    {
      g_string_append_c (reader->name, ' ');
      g_string_append (reader->name, whole->str);
      reader->name_words++;
    }
  else
    end_name (reader);
}

/* The distinct terms of @text: words, compounds, names; folded, without
 * plural endings. */
static GPtrArray *
collect_terms (const char *text)
{
  TermReader reader = { 0, };
  GPtrArray *terms;
  GHashTableIter iter;
  gpointer key;
  const char *p = text;

  reader.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.name = g_string_new (NULL);
  reader.folded = g_string_new (NULL);
  reader.whole = g_string_new (NULL);
  reader.part = g_string_new (NULL);

  while (*p != '\0')
    {
      const char *start;
      gboolean spaces_only = TRUE;

      while (*p != '\0' && !bri_text_fold_is_word_char (g_utf8_get_char (p)))
        {
          if (!is_space (g_utf8_get_char (p)))
            spaces_only = FALSE;
          p = g_utf8_next_char (p);
        }
      if (*p == '\0')
        break;

      /* A name does not run across punctuation. */
      if (!spaces_only)
        end_name (&reader);

      start = p;
      while (*p != '\0')
        {
          gunichar c = g_utf8_get_char (p);

          if (bri_text_fold_is_word_char (c))
            p = g_utf8_next_char (p);
          else if (is_word_joiner (c) &&
                   bri_text_fold_is_word_char (g_utf8_get_char (g_utf8_next_char (p))))
            p = g_utf8_next_char (p);
          else
            break;
        }

      read_token (&reader, start, p);
    }
  end_name (&reader);

  terms = g_ptr_array_new_full (g_hash_table_size (reader.seen), g_free);
  g_hash_table_iter_init (&iter, reader.seen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (terms, key);
    }

  g_hash_table_unref (reader.seen);
  g_string_free (reader.name, TRUE);
  g_string_free (reader.folded, TRUE);
  g_string_free (reader.whole, TRUE);
  g_string_free (reader.part, TRUE);

  return terms;
}

typedef struct
{
  GHashTable *df;        /* term → how many paragraphs use it; keys borrowed from the blocks */
  guint       rare_max;  /* a term used by at most this many is salient */
} TermStats;

static gboolean
is_box_block (const Block *block)
{
  return !block->dropped && block->cand == CAND_PANEL;
}

/* Counts the terms of the document's paragraphs, if it has any box at all. */
static gboolean
term_stats_init (TermStats *stats,
                 GArray    *blocks)
{
  guint n = 0;
  gboolean any_box = FALSE;

  for (guint i = 0; i < blocks->len && !any_box; i++)
    any_box = is_box_block (&g_array_index (blocks, Block, i));
  if (!any_box)
    return FALSE;

  stats->df = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = &g_array_index (blocks, Block, i);

      if (block->dropped)
        continue;

      block->terms = collect_terms (block->text);
      if (block->cand != CAND_NONE)
        continue;

      n++;
      for (guint k = 0; k < block->terms->len; k++)
        {
          const char *term = g_ptr_array_index (block->terms, k);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (stats->df, term));

          g_hash_table_insert (stats->df, (gpointer) term, GUINT_TO_POINTER (count + 1));
        }
    }

  stats->rare_max = MAX (3, n / 25);
  return TRUE;
}

static void
term_stats_clear (TermStats *stats)
{
  g_clear_pointer (&stats->df, g_hash_table_unref);
}

static guint
term_df (const TermStats *stats,
         const char      *term)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (stats->df, term));
}

typedef struct
{
  gboolean      open;
  guint         depth;           /* the stack depth with the box heading on top */
  GHashTable   *title;           /* salient terms of the title, owned */
  GHashTable   *count;           /* term → blocks of the box using it; keys borrowed */
  guint         n_blocks;
  gboolean      list_open;       /* the last block introduced a list */
  BriTextBlock *pending;         /* a short block awaiting the next one's verdict */
  const Block  *pending_source;
} Box;

typedef enum
{
  BOX_KEEP,
  BOX_DEFER,
  BOX_END,
} BoxVerdict;

static void
box_clear (Box *box)
{
  g_clear_pointer (&box->title, g_hash_table_unref);
  g_clear_pointer (&box->count, g_hash_table_unref);
  box->open = FALSE;
  box->pending = NULL;
  box->pending_source = NULL;
}

static void
box_start (Box             *box,
           const TermStats *stats,
           const Block     *heading,
           guint            depth)
{
  g_autoptr(GMatchInfo) info = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autofree char *title = NULL;

  box_clear (box);
  box->open = TRUE;
  box->depth = depth;
  box->n_blocks = 0;
  box->list_open = FALSE;
  box->title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  box->count = g_hash_table_new (g_str_hash, g_str_equal);

  /* The label says nothing about the topic: "Panel" is in every box. */
  if (g_regex_match (patterns ()->panel, heading->text, 0, &info))
    title = g_match_info_fetch (info, 1);
  terms = collect_terms (title != NULL ? title : heading->text);

  for (guint i = 0; i < terms->len; i++)
    {
      const char *term = g_ptr_array_index (terms, i);

      if (term_df (stats, term) <= stats->rare_max)
        g_hash_table_add (box->title, g_strdup (term));
    }
}

static gboolean
box_shares_term (const Box       *box,
                 const TermStats *stats,
                 const Block     *block)
{
  for (guint i = 0; i < block->terms->len; i++)
    {
      const char *term = g_ptr_array_index (block->terms, i);
      guint df = term_df (stats, term);
      guint in_box;

      if (df > stats->rare_max)
        continue;
      if (g_hash_table_contains (box->title, term))
        return TRUE;

      /* Would the box hold at least half of the term's uses? */
      in_box = GPOINTER_TO_UINT (g_hash_table_lookup (box->count, term));
      if (in_box > 0 && (in_box + 1) * 2 >= df)
        return TRUE;
    }

  return FALSE;
}

static void
box_learn (Box             *box,
           const TermStats *stats,
           const Block     *block,
           BriTextBlockKind kind)
{
  for (guint i = 0; i < block->terms->len; i++)
    {
      const char *term = g_ptr_array_index (block->terms, i);

      if (term_df (stats, term) <= stats->rare_max)
        g_hash_table_insert (box->count, (gpointer) term,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (box->count, term)) + 1));
    }

  box->n_blocks++;
  box->list_open = last_char_skipping_closers (block->text) == ':' ||
                   (box->list_open && kind == BRI_TEXT_BLOCK_LIST_ITEM);
}

static BoxVerdict
box_judge (Box             *box,
           const TermStats *stats,
           const Block     *block,
           BriTextBlockKind kind)
{
  gboolean short_block;

  if (box->n_blocks == 0 ||
      (box->list_open && kind == BRI_TEXT_BLOCK_LIST_ITEM) ||
      box_shares_term (box, stats, block))
    return BOX_KEEP;

  short_block = kind == BRI_TEXT_BLOCK_CAPTION ||
                !g_regex_match (patterns ()->sentence_break, block->text, 0, NULL);
  if (short_block && box->pending == NULL)
    return BOX_DEFER;

  return BOX_END;
}

/* Ends the box: what waited for a verdict goes back to the section around
 * it, and so does everything from here on. */
static void
box_end (Box    *box,
         GArray *stack)
{
  if (!box->open)
    return;

  if (box->pending != NULL)
    box->pending->depth = box->depth - 1;
  if (stack->len >= box->depth)
    g_array_set_size (stack, box->depth - 1);

  box_clear (box);
}

/* Places a body block: in the open box, or after it. */
static void
box_place (Box             *box,
           const TermStats *stats,
           GArray          *stack,
           const Block     *source,
           BriTextBlock    *block)
{
  if (box->open && stack->len == box->depth)
    {
      switch (box_judge (box, stats, source, block->kind))
        {
        case BOX_KEEP:
          if (box->pending != NULL)
            box_learn (box, stats, box->pending_source, box->pending->kind);
          box->pending = NULL;
          box->pending_source = NULL;
          box_learn (box, stats, source, block->kind);
          break;
        case BOX_DEFER:
          box->pending = block;
          box->pending_source = source;
          break;
        case BOX_END:
        default:
          box_end (box, stack);
          break;
        }
    }

  block->depth = stack->len;
}

static GPtrArray *
build_structure (GArray     *blocks,
                 const char *title,
                 GHashTable *metadata)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) bri_text_block_free);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Open));
  g_autofree char *folded_title = title != NULL ? fold_for_compare (title) : NULL;
  gboolean body_seen = FALSE;
  TermStats stats = { NULL, 0 };
  gboolean measure_boxes;
  Box box = { 0, };

  /* The document's own title at the top repeats what the app shows anyway. */
  if (blocks->len > 0)
    {
      Block *block = &g_array_index (blocks, Block, 0);
      g_autofree char *folded = fold_for_compare (block->text);

      if ((folded_title != NULL && strcmp (folded, folded_title) == 0) ||
          (folded_title == NULL && block->cand == CAND_PLAIN))
        {
          set_metadata (metadata, "title", block->text);
          block->dropped = TRUE;
        }
    }

  drop_table_of_contents (blocks);
  measure_boxes = term_stats_init (&stats, blocks);

  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = &g_array_index (blocks, Block, i);
      BriTextBlock *body;
      guint keep;

      if (block->dropped)
        continue;

      if (block->cand == CAND_NONE)
        {
          body = bri_text_block_new (block->kind, 0, block->text);
          if (measure_boxes)
            box_place (&box, &stats, stack, block, body);
          else
            body->depth = stack->len;
          g_ptr_array_add (out, body);
          body_seen = TRUE;
          continue;
        }

      /* A running header repeats the section it is printed in. */
      if (is_open (stack, block->folded))
        continue;

      keep = kept_depth (stack, block->cand, block->rank);
      if (has_content (blocks, i, stack, keep))
        {
          /* A heading ends an open box; boxes do not nest. */
          box_end (&box, stack);
          keep = MIN (keep, stack->len);
          push_open (stack, keep, block);
          g_ptr_array_add (out, bri_text_block_new (BRI_TEXT_BLOCK_HEADING, stack->len, block->text));
          if (measure_boxes && block->cand == CAND_PANEL)
            box_start (&box, &stats, block, stack->len);
          continue;
        }

      if (!body_seen && block->cand == CAND_PLAIN)
        append_metadata (metadata, "front-matter", block->text);
      else
        {
          BriTextBlockKind kind = block->cand == CAND_NUMBERED ? BRI_TEXT_BLOCK_LIST_ITEM :
                                  block->cand == CAND_PANEL ? BRI_TEXT_BLOCK_PARAGRAPH :
                                  BRI_TEXT_BLOCK_CAPTION;

          body = bri_text_block_new (kind, 0, block->text);
          if (measure_boxes)
            box_place (&box, &stats, stack, block, body);
          else
            body->depth = stack->len;
          g_ptr_array_add (out, body);
          body_seen = TRUE;
        }
    }

  box_end (&box, stack);
  box_clear (&box);
  term_stats_clear (&stats);

  return out;
}

/**
 * bri_text_clean:
 * @text: the raw text of a document, UTF-8
 * @lexicon: (nullable): the words repairs may produce; without one, no
 *   ligature gap is closed
 * @title: (nullable): the document's title, dropped where the text repeats
 *   it at the top; when %NULL, a title-like first line is taken as the title
 * @metadata: (out) (optional) (transfer full): string → string: what the
 *   page chrome said ("date", "source", "hits", "author", "updated",
 *   "editor", "title", "front-matter", "last revision date", …)
 *
 * Returns: (transfer full) (element-type BriTextBlock): the blocks, in order
 */
GPtrArray *
bri_text_clean (const char  *text,
                BriLexicon  *lexicon,
                const char  *title,
                GHashTable **metadata)
{
  g_autoptr(GHashTable) meta = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) blocks = NULL;
  RawBlock raw = { NULL, 0, FALSE, NULL };
  Layout layout;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (lexicon == NULL || BRI_IS_LEXICON (lexicon), NULL);

  meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = split_lines (text, lexicon, meta);
  layout = measure_layout (lines);

  blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (blocks, block_clear);

  for (guint i = 0; i <= lines->len; i++)
    {
      Line *line = i < lines->len ? &g_array_index (lines, Line, i) : NULL;

      Line *following = i + 1 < lines->len ? &g_array_index (lines, Line, i + 1) : NULL;

      if (raw.text != NULL && line != NULL && should_join (&layout, &raw, line, following))
        {
          append_line (&raw, line, lexicon);
          continue;
        }

      if (raw.text != NULL)
        {
          Block block = { 0, };

          block.text = clean_joined (raw.text->str, lexicon);
          g_string_free (raw.text, TRUE);
          raw.text = NULL;

          if (*block.text != '\0')
            {
              classify (&block);
              /* Only titles are ever compared (contents, running headers). */
              block.folded = block.cand != CAND_NONE ? fold_for_compare (block.text) : g_strdup ("");
              g_array_append_val (blocks, block);
            }
          else
            g_free (block.text);
        }

      if (line != NULL)
        {
          raw.text = g_string_new (NULL);
          raw.n_lines = 0;
          raw.sentence_inside = FALSE;
          append_line (&raw, line, lexicon);
        }
    }

  if (metadata != NULL)
    {
      GPtrArray *result = build_structure (blocks, title, meta);

      *metadata = g_steal_pointer (&meta);
      return result;
    }

  return build_structure (blocks, title, meta);
}
