/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriResolvedStop: what a stop's references give in the atlas as it is
 * now.  A tour made with a newer corpus may name a feature, a document or
 * a passage this atlas lacks, or a range past the end of a passage whose
 * text changed: the stop still resolves, keeps everything else, and
 * lists each problem in words a teacher can act on.  A snapshot: resolve
 * again after the stop or the atlas changes. */

#define G_LOG_DOMAIN "bri-resolved-stop"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-citation.h"
#include "bri-resolved-stop.h"

struct _BriResolvedStop
{
  GObject      parent_instance;

  BriTourStop *stop;
  BriPassage  *passage;
  char        *quote_text;
  char        *citation;
  char        *subject_name;
  GPtrArray   *missing;   /* of char *, NULL-terminated */
};

G_DEFINE_FINAL_TYPE (BriResolvedStop, bri_resolved_stop, G_TYPE_OBJECT)

static void
bri_resolved_stop_finalize (GObject *object)
{
  BriResolvedStop *self = (BriResolvedStop *) object;

  g_clear_object (&self->stop);
  g_clear_object (&self->passage);
  g_clear_pointer (&self->quote_text, g_free);
  g_clear_pointer (&self->citation, g_free);
  g_clear_pointer (&self->subject_name, g_free);
  g_clear_pointer (&self->missing, g_ptr_array_unref);

  G_OBJECT_CLASS (bri_resolved_stop_parent_class)->finalize (object);
}

static void
bri_resolved_stop_class_init (BriResolvedStopClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bri_resolved_stop_finalize;
}

static void
bri_resolved_stop_init (BriResolvedStop *self)
{
  self->missing = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

/* Takes @sentence, one thing the atlas lacks. */
static void
add_missing (BriResolvedStop *self,
             char            *sentence)
{
  g_ptr_array_add (self->missing, sentence);
}

/* The passage a passage location names, or NULL with the reason added
 * to what is missing. */
static BriPassage *
lookup_passage (BriResolvedStop *self,
                BriAtlas        *atlas,
                BriLocation     *location)
{
  const char *document_id = bri_location_get_id (location);
  BriPassage *passage;

  if (bri_atlas_lookup_document (atlas, document_id) == NULL)
    {
      add_missing (self, g_strdup_printf (_("The document “%s” is not in the atlas."), document_id));
      return NULL;
    }

  passage = bri_atlas_lookup_passage (atlas, document_id, bri_location_get_ordinal (location));
  if (passage == NULL)
    add_missing (self, g_strdup_printf (_("The document “%s” has no passage %u."), document_id,
                                        bri_location_get_ordinal (location)));

  return passage;
}

static void
resolve_subject (BriResolvedStop *self,
                 BriAtlas        *atlas,
                 BriLocation     *subject)
{
  const char *id = bri_location_get_id (subject);

  switch (bri_location_get_kind (subject))
    {
    case BRI_LOCATION_FEATURE:
      {
        BriFeature *feature = bri_atlas_lookup_feature (atlas, id);

        if (feature != NULL)
          self->subject_name = g_strdup (bri_feature_get_name (feature));
        else
          add_missing (self, g_strdup_printf (_("The place “%s” is not in the atlas."), id));
      }
      break;

    case BRI_LOCATION_COUNTRY:
      {
        BriCountry *country = bri_atlas_lookup_country (atlas, id);

        if (country != NULL)
          self->subject_name = g_strdup (bri_country_get_display_name (country));
        else
          add_missing (self, g_strdup_printf (_("The country “%s” is not in the atlas."), id));
      }
      break;

    case BRI_LOCATION_PASSAGE:
      {
        BriPassage *passage = lookup_passage (self, atlas, subject);

        if (passage != NULL)
          self->subject_name = bri_citation_format (passage);
      }
      break;

    case BRI_LOCATION_VIEW:
    case BRI_LOCATION_SEARCH:
    case BRI_LOCATION_LIST:
    default:
      g_assert_not_reached ();
    }
}

/* The quoted characters of the passage: the range, clipped to the text
 * when the text is shorter than the range (and that noted as missing),
 * the whole passage when there is no range or it starts past the end. */
static void
resolve_quote (BriResolvedStop *self,
               BriAtlas        *atlas,
               BriLocation     *quote)
{
  const char *text;
  glong n_chars;
  guint start, end;

  self->passage = lookup_passage (self, atlas, quote);
  if (self->passage == NULL)
    return;

  g_object_ref (self->passage);
  self->citation = bri_citation_format (self->passage);
  text = bri_passage_get_text (self->passage);
  n_chars = g_utf8_strlen (text, -1);

  if (!bri_location_get_range (quote, &start, &end))
    {
      self->quote_text = g_strdup (text);
      return;
    }

  if (end > n_chars)
    {
      add_missing (self, g_strdup_printf (ngettext ("The quoted characters %u–%u are past the end of the passage, which has %ld character.",
                                                    "The quoted characters %u–%u are past the end of the passage, which has %ld characters.",
                                                    n_chars),
                                          start, end, n_chars));
      if (start >= n_chars)
        {
          self->quote_text = g_strdup (text);
          return;
        }
      end = n_chars;
    }

  {
    const char *from = g_utf8_offset_to_pointer (text, start);
    const char *to = g_utf8_offset_to_pointer (text, end);

    self->quote_text = g_strndup (from, to - from);
  }
}

/**
 * bri_resolved_stop_new:
 * @stop: a stop
 * @atlas: a loaded atlas
 *
 * Returns: (transfer full): @stop read against @atlas
 */
BriResolvedStop *
bri_resolved_stop_new (BriTourStop *stop,
                       BriAtlas    *atlas)
{
  BriResolvedStop *self;
  const char * const *reveal;

  g_return_val_if_fail (BRI_IS_TOUR_STOP (stop), NULL);
  g_return_val_if_fail (BRI_IS_ATLAS (atlas), NULL);

  self = g_object_new (BRI_TYPE_RESOLVED_STOP, NULL);
  self->stop = g_object_ref (stop);

  if (bri_tour_stop_get_subject (stop) != NULL)
    resolve_subject (self, atlas, bri_tour_stop_get_subject (stop));

  if (bri_tour_stop_get_quote (stop) != NULL)
    resolve_quote (self, atlas, bri_tour_stop_get_quote (stop));

  reveal = bri_tour_stop_get_reveal (stop);
  for (guint i = 0; reveal[i] != NULL; i++)
    if (bri_atlas_lookup_feature (atlas, reveal[i]) == NULL)
      add_missing (self, g_strdup_printf (_("The place “%s” is not in the atlas."), reveal[i]));

  return self;
}

/**
 * bri_resolved_stop_get_stop:
 *
 * Returns: (transfer none): the stop
 */
BriTourStop *
bri_resolved_stop_get_stop (BriResolvedStop *self)
{
  g_return_val_if_fail (BRI_IS_RESOLVED_STOP (self), NULL);

  return self->stop;
}

/**
 * bri_resolved_stop_get_passage:
 *
 * Returns: (transfer none) (nullable): the quoted passage, if the stop
 *   quotes one and the atlas has it
 */
BriPassage *
bri_resolved_stop_get_passage (BriResolvedStop *self)
{
  g_return_val_if_fail (BRI_IS_RESOLVED_STOP (self), NULL);

  return self->passage;
}

/**
 * bri_resolved_stop_get_quote_text:
 *
 * Returns: (nullable): the quoted text, plain (never markup)
 */
const char *
bri_resolved_stop_get_quote_text (BriResolvedStop *self)
{
  g_return_val_if_fail (BRI_IS_RESOLVED_STOP (self), NULL);

  return self->quote_text;
}

/**
 * bri_resolved_stop_get_citation:
 *
 * Returns: (nullable): the quote's citation (see bri_citation_format())
 */
const char *
bri_resolved_stop_get_citation (BriResolvedStop *self)
{
  g_return_val_if_fail (BRI_IS_RESOLVED_STOP (self), NULL);

  return self->citation;
}

/**
 * bri_resolved_stop_get_subject_name:
 *
 * Returns: (nullable): the name of what the stop is about: the place's
 *   name, the country's, or the passage's citation
 */
const char *
bri_resolved_stop_get_subject_name (BriResolvedStop *self)
{
  g_return_val_if_fail (BRI_IS_RESOLVED_STOP (self), NULL);

  return self->subject_name;
}

/**
 * bri_resolved_stop_get_missing:
 *
 * Returns: (transfer none): one sentence per reference the atlas cannot
 *   satisfy; empty when the stop is complete
 */
const char * const *
bri_resolved_stop_get_missing (BriResolvedStop *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (BRI_IS_RESOLVED_STOP (self), NULL);

  /* An empty array may have no storage at all. */
  if (self->missing->len == 0)
    return none;

  return (const char * const *) self->missing->pdata;
}

gboolean
bri_resolved_stop_is_complete (BriResolvedStop *self)
{
  g_return_val_if_fail (BRI_IS_RESOLVED_STOP (self), FALSE);

  return self->missing->len == 0;
}
