/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Looking things up by what people type: a country by any of its codes
 * and names, and "did you mean" suggestions for a feature id or a
 * country.  Reads the atlas only through its public models. */

#define G_LOG_DOMAIN "bri-atlas"

#include "config.h"

#include <string.h>

#include "bri-atlas.h"
#include "bri-text-fold.h"

/* The atlas's store keeps the country alive: the caller borrows it. */
static BriCountry *
country_at (GListModel *countries,
            guint       position)
{
  BriCountry *country = g_list_model_get_item (countries, position);

  g_object_unref (country);
  return country;
}

static gboolean
country_answers_to (BriAtlas   *self,
                    BriCountry *country,
                    const char *folded)
{
  GPtrArray *terms = bri_linker_get_terms_for (bri_atlas_get_linker (self), G_OBJECT (country));
  g_autofree char *display = bri_text_fold (bri_country_get_display_name (country), -1);

  if (g_str_equal (display, folded))
    return TRUE;

  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      g_autofree char *term = bri_text_fold (g_ptr_array_index (terms, i), -1);

      if (g_str_equal (term, folded))
        return TRUE;
    }

  return FALSE;
}

/**
 * bri_atlas_find_country:
 * @code_or_name: an alpha-2, alpha-3 or numeric code, an English or
 *   translated name, an alternative name or a demonym
 *
 * Returns: (transfer none) (nullable): the country
 */
BriCountry *
bri_atlas_find_country (BriAtlas   *self,
                        const char *code_or_name)
{
  g_autofree char *folded = NULL;
  g_autofree char *stripped = NULL;
  GListModel *countries;
  guint n;

  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (code_or_name != NULL, NULL);

  if (!bri_atlas_is_loaded (self))
    return NULL;

  stripped = g_strstrip (g_strdup (code_or_name));
  folded = bri_text_fold (stripped, -1);
  countries = bri_atlas_get_countries (self);
  n = g_list_model_get_n_items (countries);

  for (guint i = 0; i < n; i++)
    {
      BriCountry *country = country_at (countries, i);

      if (g_ascii_strcasecmp (stripped, bri_country_get_code (country)) == 0 ||
          g_ascii_strcasecmp (stripped, bri_country_get_alpha3 (country)) == 0)
        return country;
    }

  if (g_ascii_isdigit (stripped[0]))
    return bri_atlas_lookup_country_numeric (self, (int) g_ascii_strtoll (stripped, NULL, 10));

  for (guint i = 0; i < n; i++)
    {
      BriCountry *country = country_at (countries, i);

      if (country_answers_to (self, country, folded))
        return country;
    }

  return NULL;
}

/* Levenshtein distance over bytes of folded text: enough for "did you
 * mean" on ids and names. */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diag = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          diag = up;
        }
    }

  return row[lb];
}

typedef struct
{
  char  *label;
  guint  distance;
} Suggestion;

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const Suggestion *sa = a, *sb = b;

  if (sa->distance != sb->distance)
    return sa->distance < sb->distance ? -1 : 1;
  return g_strcmp0 (sa->label, sb->label);
}

static void
consider (GArray     *found,
          const char *folded_query,
          const char *candidate,
          const char *label)
{
  g_autofree char *folded = bri_text_fold (candidate, -1);
  gsize qlen = strlen (folded_query);
  guint distance = edit_distance (folded_query, folded);
  guint limit = MAX (2, qlen / 3);

  /* A query that a name starts with or contains is a good guess too. */
  if (qlen >= 3 && strstr (folded, folded_query) != NULL)
    distance = MIN (distance, 1);

  if (distance > limit)
    return;

  for (guint i = 0; i < found->len; i++)
    {
      Suggestion *s = &g_array_index (found, Suggestion, i);

      if (g_str_equal (s->label, label))
        {
          s->distance = MIN (s->distance, distance);
          return;
        }
    }

  {
    Suggestion s = { g_strdup (label), distance };
    g_array_append_val (found, s);
  }
}

static char **
best_suggestions (GArray *found)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_array_sort (found, compare_suggestions);
  for (guint i = 0; i < found->len && i < 5; i++)
    g_strv_builder_add (builder, g_array_index (found, Suggestion, i).label);
  for (guint i = 0; i < found->len; i++)
    g_free (g_array_index (found, Suggestion, i).label);

  return g_strv_builder_end (builder);
}

/**
 * bri_atlas_suggest_features:
 *
 * Returns: (transfer full): up to five feature ids close to @text
 */
char **
bri_atlas_suggest_features (BriAtlas   *self,
                            const char *text)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Suggestion));
  g_autofree char *folded = NULL;
  GListModel *features;

  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  folded = bri_text_fold (text, -1);
  features = bri_atlas_get_features (self);
  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(BriFeature) feature = g_list_model_get_item (features, i);
      const char *id = bri_feature_get_id (feature);
      const char * const *aliases = bri_feature_get_aliases (feature);
      g_autofree char *spaced = g_strdelimit (g_strdup (id), "-_", ' ');

      consider (found, folded, spaced, id);
      consider (found, folded, bri_feature_get_name (feature), id);
      for (guint a = 0; aliases[a] != NULL; a++)
        consider (found, folded, aliases[a], id);
    }

  return best_suggestions (found);
}

/**
 * bri_atlas_suggest_countries:
 *
 * Returns: (transfer full): up to five "CODE (Name)" labels close to @text
 */
char **
bri_atlas_suggest_countries (BriAtlas   *self,
                             const char *text)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Suggestion));
  g_autofree char *folded = NULL;
  GListModel *countries;

  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!bri_atlas_is_loaded (self))
    return g_new0 (char *, 1);

  folded = bri_text_fold (text, -1);
  countries = bri_atlas_get_countries (self);
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(BriCountry) country = g_list_model_get_item (countries, i);
      GPtrArray *terms = bri_linker_get_terms_for (bri_atlas_get_linker (self), G_OBJECT (country));
      g_autofree char *label = g_strdup_printf ("%s (%s)", bri_country_get_code (country),
                                                bri_country_get_display_name (country));

      consider (found, folded, bri_country_get_display_name (country), label);
      for (guint t = 0; terms != NULL && t < terms->len; t++)
        consider (found, folded, g_ptr_array_index (terms, t), label);
    }

  return best_suggestions (found);
}

