/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSearchVocab: the words of every indexed passage and every place
 * name, folded, with how many passages hold each.
 *
 * Spelling correction looks for the known words within one or two edits
 * of an unknown one in a BK-tree (edits counted as in optimal string
 * alignment: insert, delete, substitute, swap two neighbours), then ranks
 * them by a finer distance in which the slips typists make cost less —
 * a key next to the right one, two letters swapped, a letter doubled or
 * undoubled — and by how common the word is.  SQLite's spellfix1 would
 * do this, but Debian does not build it. */

#define G_LOG_DOMAIN "bri-search"

#include "config.h"

#include <math.h>
#include <string.h>

#include "bri-search-vocab.h"
#include "bri-text-fold.h"

typedef struct _BkNode BkNode;

struct _BkNode
{
  const char *word;       /* the table's key */
  gunichar   *chars;
  glong       len;
  GArray     *children;   /* of BkEdge */
};

typedef struct
{
  guint   distance;
  BkNode *node;
} BkEdge;

typedef struct
{
  guint   texts;    /* passages that hold the word */
  guint   names;    /* place names that hold it */
  BkNode *node;
} Entry;

struct _BriSearchVocab
{
  GHashTable *entries;    /* folded word → Entry */
  BkNode     *root;
  guint       n_texts;
  GPtrArray  *sorted;     /* the words, sorted, for prefixes; NULL when stale */
};

static void
bk_node_free (BkNode *node)
{
  if (node == NULL)
    return;

  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    bk_node_free (g_array_index (node->children, BkEdge, i).node);
  g_clear_pointer (&node->children, g_array_unref);
  g_free (node->chars);
  g_free (node);
}

static void
entry_free (Entry *entry)
{
  g_free (entry);
}

BriSearchVocab *
bri_search_vocab_new (void)
{
  BriSearchVocab *self = g_new0 (BriSearchVocab, 1);

  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) entry_free);
  return self;
}

void
bri_search_vocab_free (BriSearchVocab *self)
{
  if (self == NULL)
    return;

  bk_node_free (self->root);
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  g_hash_table_unref (self->entries);
  g_free (self);
}

static const char * const keyboard_rows[] = { "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm" };

/* Whether two letters sit next to each other on a QWERTY keyboard. */
static gboolean
keys_adjacent (gunichar a,
               gunichar b)
{
  int ra = -1, ca = -1, rb = -1, cb = -1;

  for (int r = 0; r < (int) G_N_ELEMENTS (keyboard_rows); r++)
    for (int c = 0; keyboard_rows[r][c]; c++)
      {
        if ((gunichar) keyboard_rows[r][c] == a)
          ra = r, ca = c;
        if ((gunichar) keyboard_rows[r][c] == b)
          rb = r, cb = c;
      }

  if (ra < 0 || rb < 0)
    return FALSE;

  /* Each row sits about half a key right of the one above. */
  if (ra == rb)
    return ABS (ca - cb) == 1;
  if (ABS (ra - rb) == 1)
    {
      int upper = ra < rb ? ca : cb;
      int lower = ra < rb ? cb : ca;

      return lower == upper || lower == upper - 1;
    }

  return FALSE;
}

/* Edit distance (optimal string alignment).  Plain, every edit costs
 * one: the metric of the BK-tree.  As a typist errs, the slips of typing
 * are cheap: a neighbouring key, a letter typed twice or once where it
 * is doubled, two letters swapped; that ranks the tree's candidates. */
static double
align (const gunichar *a,
       glong           la,
       const gunichar *b,
       glong           lb,
       gboolean        typing)
{
  g_autofree double *d = g_new (double, (la + 1) * (lb + 1));

#define D(i, j) d[(i) * (lb + 1) + (j)]
  for (glong i = 0; i <= la; i++)
    D (i, 0) = i;
  for (glong j = 0; j <= lb; j++)
    D (0, j) = j;

  for (glong i = 1; i <= la; i++)
    for (glong j = 1; j <= lb; j++)
      {
        double sub = a[i - 1] == b[j - 1] ? 0.0
                   : typing && keys_adjacent (a[i - 1], b[j - 1]) ? 0.6 : 1.0;
        double del = typing && i > 1 && a[i - 1] == a[i - 2] ? 0.5 : 1.0;
        double ins = typing && j > 1 && b[j - 1] == b[j - 2] ? 0.5 : 1.0;
        double best = MIN (MIN (D (i - 1, j) + del, D (i, j - 1) + ins), D (i - 1, j - 1) + sub);

        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          best = MIN (best, D (i - 2, j - 2) + (typing ? 0.7 : 1.0));
        D (i, j) = best;
      }

  return D (la, lb);
#undef D
}

static guint
osa_distance (const gunichar *a,
              glong           la,
              const gunichar *b,
              glong           lb)
{
  return (guint) align (a, la, b, lb, FALSE);
}

static double
typing_distance (const gunichar *a,
                 glong           la,
                 const gunichar *b,
                 glong           lb)
{
  return align (a, la, b, lb, TRUE);
}

/**
 * bri_search_vocab_distance:
 *
 * Returns: how far apart two folded words are, as a typist errs: one
 *   for an edit, less for a neighbouring key, a swap or a doubled letter
 */
double
bri_search_vocab_distance (const char *a,
                           const char *b)
{
  glong la, lb;
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, &la);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, &lb);

  return typing_distance (ua, la, ub, lb);
}

/* The tree */

static BkNode *
bk_node_new (const char *word)
{
  BkNode *node = g_new0 (BkNode, 1);

  node->word = word;
  node->chars = g_utf8_to_ucs4_fast (word, -1, &node->len);
  return node;
}

static BkNode *
bk_insert (BriSearchVocab *self,
           const char     *word)
{
  BkNode *node = bk_node_new (word);
  BkNode *at = self->root;

  if (at == NULL)
    return self->root = node;

  for (;;)
    {
      guint d = osa_distance (node->chars, node->len, at->chars, at->len);
      BkNode *next = NULL;

      if (at->children == NULL)
        at->children = g_array_new (FALSE, FALSE, sizeof (BkEdge));
      for (guint i = 0; i < at->children->len; i++)
        if (g_array_index (at->children, BkEdge, i).distance == d)
          next = g_array_index (at->children, BkEdge, i).node;

      if (next == NULL)
        {
          BkEdge edge = { d, node };

          g_array_append_val (at->children, edge);
          return node;
        }
      at = next;
    }
}

typedef struct
{
  const char *word;
  double      distance;
  guint       weight;
} Candidate;

static void
bk_search (BriSearchVocab *self,
           BkNode         *node,
           const gunichar *chars,
           glong           len,
           guint           max,
           GArray         *found)
{
  guint d = osa_distance (chars, len, node->chars, node->len);

  if (d <= max)
    {
      Entry *entry = g_hash_table_lookup (self->entries, node->word);

      if (entry->texts + entry->names > 0)
        {
          Candidate c = { node->word, typing_distance (chars, len, node->chars, node->len),
                          entry->texts + 5 * entry->names };

          g_array_append_val (found, c);
        }
    }

  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      BkEdge *edge = &g_array_index (node->children, BkEdge, i);

      if (edge->distance + max >= d && edge->distance <= d + max)
        bk_search (self, edge->node, chars, len, max, found);
    }
}

/* Counting */

static void
add_word (BriSearchVocab *self,
          const char     *word,
          gsize           len,
          int             delta,
          gboolean        name)
{
  g_autofree char *key = g_strndup (word, len);
  Entry *entry = g_hash_table_lookup (self->entries, key);

  if (entry == NULL)
    {
      char *stored;

      if (delta <= 0)
        return;

      stored = g_strdup (key);
      /* The table keeps the key for good: words are never dropped, only
       * counted down, so the tree may point at it. */
      entry = g_new0 (Entry, 1);
      g_hash_table_insert (self->entries, stored, entry);
      entry->node = bk_insert (self, stored);
      g_clear_pointer (&self->sorted, g_ptr_array_unref);
    }

  if (name)
    entry->names = (guint) MAX (0, (int) entry->names + delta);
  else
    entry->texts = (guint) MAX (0, (int) entry->texts + delta);
}

/* Calls @func for each different folded word of @text. */
static void
each_word (const char *text,
           void      (*func) (BriSearchVocab *, const char *, gsize, int, gboolean),
           BriSearchVocab *self,
           int             delta,
           gboolean        name)
{
  g_autofree char *folded = bri_text_fold (text, -1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p = folded;

  while (*p)
    {
      const char *start;

      while (*p && !bri_text_fold_is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && bri_text_fold_is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      if (p - start >= 2 && g_hash_table_add (seen, g_strndup (start, p - start)))
        func (self, start, p - start, delta, name);
    }
}

/**
 * bri_search_vocab_add_text:
 * @delta: 1 when a passage comes, -1 when it goes
 */
void
bri_search_vocab_add_text (BriSearchVocab *self,
                           const char     *text,
                           int             delta)
{
  g_return_if_fail (self != NULL);

  each_word (text, add_word, self, delta, FALSE);
  self->n_texts = (guint) MAX (0, (int) self->n_texts + delta);
}

/* A place's name or alias: its words are known, and preferred when
 * correcting. */
void
bri_search_vocab_add_name (BriSearchVocab *self,
                           const char     *name,
                           int             delta)
{
  g_return_if_fail (self != NULL);

  each_word (name, add_word, self, delta, TRUE);
}

/* How many passages hold @folded_word. */
guint
bri_search_vocab_count (BriSearchVocab *self,
                        const char     *folded_word)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, 0);

  entry = g_hash_table_lookup (self->entries, folded_word);
  return entry ? entry->texts : 0;
}

gboolean
bri_search_vocab_knows (BriSearchVocab *self,
                        const char     *folded_word)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, FALSE);

  entry = g_hash_table_lookup (self->entries, folded_word);
  return entry != NULL && entry->texts + entry->names > 0;
}

guint
bri_search_vocab_get_n_texts (BriSearchVocab *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_texts;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Whether a known word starts with @folded_prefix: a word still being
 * typed is not misspelt yet. */
gboolean
bri_search_vocab_has_prefix (BriSearchVocab *self,
                             const char     *folded_prefix)
{
  gsize n = strlen (folded_prefix);
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->sorted == NULL)
    {
      GHashTableIter iter;
      gpointer key;

      self->sorted = g_ptr_array_new ();
      g_hash_table_iter_init (&iter, self->entries);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (self->sorted, key);
      g_ptr_array_sort (self->sorted, compare_strings);
    }

  hi = self->sorted->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (strcmp (g_ptr_array_index (self->sorted, mid), folded_prefix) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo; i < self->sorted->len; i++)
    {
      const char *word = g_ptr_array_index (self->sorted, i);

      if (strncmp (word, folded_prefix, n) != 0)
        return FALSE;
      if (bri_search_vocab_knows (self, word))
        return TRUE;
    }

  return FALSE;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (fabs (ca->distance - cb->distance) > 1e-9)
    return ca->distance < cb->distance ? -1 : 1;
  if (ca->weight != cb->weight)
    return ca->weight > cb->weight ? -1 : 1;
  return strcmp (ca->word, cb->word);
}

/**
 * bri_search_vocab_correct:
 * @folded_word: a folded word that is not known
 *
 * Short words may be one edit off, longer ones two.
 *
 * Returns: (nullable) (transfer full): the known word it most likely
 *   stands for, or %NULL
 */
char *
bri_search_vocab_correct (BriSearchVocab *self,
                          const char     *folded_word)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree gunichar *chars = NULL;
  glong len;
  guint max;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->root == NULL || bri_search_vocab_knows (self, folded_word))
    return NULL;

  chars = g_utf8_to_ucs4_fast (folded_word, -1, &len);
  if (len < 4)
    return NULL;
  max = len <= 5 ? 1 : 2;

  bk_search (self, self->root, chars, len, max, found);
  if (found->len == 0)
    return NULL;

  g_array_sort (found, compare_candidates);
  return g_strdup (g_array_index (found, Candidate, 0).word);
}
