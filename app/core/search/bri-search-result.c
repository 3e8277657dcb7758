/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSearchResult: one row of a search result list.  The snippet is
 * plain text; the matches are character ranges into it, so views mark
 * them up themselves and never parse document text as markup. */

#define G_LOG_DOMAIN "bri-search"

#include "config.h"

#include "bri-search-result.h"

struct _BriSearchResult
{
  GObject              parent_instance;

  BriSearchResultKind  kind;
  GObject             *object;
  double               score;
  char                *snippet;
  GArray              *ranges;
};

G_DEFINE_FINAL_TYPE (BriSearchResult, bri_search_result, G_TYPE_OBJECT)

static void
bri_search_result_finalize (GObject *object)
{
  BriSearchResult *self = (BriSearchResult *)object;

  g_clear_object (&self->object);
  g_free (self->snippet);
  g_clear_pointer (&self->ranges, g_array_unref);

  G_OBJECT_CLASS (bri_search_result_parent_class)->finalize (object);
}

static void
bri_search_result_class_init (BriSearchResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bri_search_result_finalize;
}

static void
bri_search_result_init (BriSearchResult *self)
{
}

/**
 * bri_search_result_new:
 * @ranges: (nullable) (transfer none): #BriSearchRange<!-- -->s in @snippet
 */
BriSearchResult *
bri_search_result_new (BriSearchResultKind  kind,
                       GObject             *object,
                       double               score,
                       const char          *snippet,
                       GArray              *ranges)
{
  BriSearchResult *self;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  self = g_object_new (BRI_TYPE_SEARCH_RESULT, NULL);
  self->kind = kind;
  self->object = g_object_ref (object);
  self->score = score;
  self->snippet = g_strdup (snippet ? snippet : "");
  self->ranges = ranges ? g_array_ref (ranges) : g_array_new (FALSE, FALSE, sizeof (BriSearchRange));

  return self;
}

BriSearchResultKind
bri_search_result_get_kind (BriSearchResult *self)
{
  g_return_val_if_fail (BRI_IS_SEARCH_RESULT (self), 0);
  return self->kind;
}

/* The BriFeature, BriCountry or BriPassage found. */
GObject *
bri_search_result_get_object (BriSearchResult *self)
{
  g_return_val_if_fail (BRI_IS_SEARCH_RESULT (self), NULL);
  return self->object;
}

double
bri_search_result_get_score (BriSearchResult *self)
{
  g_return_val_if_fail (BRI_IS_SEARCH_RESULT (self), 0.0);
  return self->score;
}

const char *
bri_search_result_get_snippet (BriSearchResult *self)
{
  g_return_val_if_fail (BRI_IS_SEARCH_RESULT (self), NULL);
  return self->snippet;
}

const BriSearchRange *
bri_search_result_get_ranges (BriSearchResult *self,
                              guint           *n_ranges)
{
  g_return_val_if_fail (BRI_IS_SEARCH_RESULT (self), NULL);

  *n_ranges = self->ranges->len;
  return (const BriSearchRange *) (gpointer) self->ranges->data;
}

/**
 * bri_search_result_mark_snippet:
 * @open: inserted before each match
 * @close: inserted after each match
 *
 * The snippet with its matches wrapped, for plain-text output; the text
 * itself is not escaped.
 */
char *
bri_search_result_mark_snippet (BriSearchResult *self,
                                const char      *open,
                                const char      *close)
{
  GString *out;
  guint chars = 0;
  guint r = 0;

  g_return_val_if_fail (BRI_IS_SEARCH_RESULT (self), NULL);

  out = g_string_new (NULL);
  for (const char *p = self->snippet; ; p = g_utf8_next_char (p), chars++)
    {
      while (r < self->ranges->len &&
             g_array_index (self->ranges, BriSearchRange, r).end == chars)
        {
          g_string_append (out, close);
          r++;
        }
      if (r < self->ranges->len &&
          g_array_index (self->ranges, BriSearchRange, r).start == chars)
        g_string_append (out, open);
      if (*p == '\0')
        break;
      g_string_append_unichar (out, g_utf8_get_char (p));
    }

  return g_string_free (out, FALSE);
}
