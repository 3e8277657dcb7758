/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSource: one origin of the atlas's records.
 *
 * A directory source reads the layout the built-in data has:
 * documents/documents.json and the texts it lists, gazetteer/
 * features.geojson and countries/countries.json.  A records source holds
 * documents and features that something else made (an importer, a
 * test).  Loading happens once, in whatever thread the atlas chooses;
 * afterwards a source only answers questions. */

#define G_LOG_DOMAIN "bri-source"

#include "config.h"

#include "bri-country.h"
#include "bri-document.h"
#include "bri-feature.h"
#include "bri-source-private.h"

struct _BriSource
{
  GObject          parent_instance;

  char            *id;
  char            *title;
  GFile           *directory;
  GPtrArray       *documents;
  GPtrArray       *features;
  GPtrArray       *countries;
  GPtrArray       *problems;   /* of GError: records that could not be read */
  BriLexicon      *lexicon;    /* the dictionary the documents were cleaned with */
  gboolean         loaded;
  BriSourceTimings timings;
};

G_DEFINE_FINAL_TYPE (BriSource, bri_source, G_TYPE_OBJECT)

static void
bri_source_finalize (GObject *object)
{
  BriSource *self = (BriSource *)object;

  g_free (self->id);
  g_free (self->title);
  g_clear_object (&self->directory);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->features, g_ptr_array_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->lexicon);

  G_OBJECT_CLASS (bri_source_parent_class)->finalize (object);
}

static void
bri_source_class_init (BriSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bri_source_finalize;
}

static void
bri_source_init (BriSource *self)
{
  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  self->features = g_ptr_array_new_with_free_func (g_object_unref);
  self->countries = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

/**
 * bri_source_new_for_directory:
 * @data_dir: holds documents/, gazetteer/ and countries/ as the built-in
 *   data does; a real directory or a resource:// one
 */
BriSource *
bri_source_new_for_directory (const char *id,
                              const char *title,
                              GFile      *data_dir)
{
  BriSource *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (data_dir), NULL);

  self = g_object_new (BRI_TYPE_SOURCE, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title ? title : id);
  self->directory = g_object_ref (data_dir);

  return self;
}

/**
 * bri_source_new_for_records:
 * @documents: (element-type BriDocument) (nullable): documents, cleaned
 * @features: (element-type BriFeature) (nullable): features
 *
 * A source of records already read; it is loaded from the start.
 */
BriSource *
bri_source_new_for_records (const char *id,
                            const char *title,
                            GPtrArray  *documents,
                            GPtrArray  *features)
{
  BriSource *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (BRI_TYPE_SOURCE, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title ? title : id);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    g_ptr_array_add (self->documents, g_object_ref (g_ptr_array_index (documents, i)));
  for (guint i = 0; features != NULL && i < features->len; i++)
    g_ptr_array_add (self->features, g_object_ref (g_ptr_array_index (features, i)));
  self->loaded = TRUE;

  return self;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
take_all (GPtrArray *into,
          GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (into, g_object_ref (g_ptr_array_index (from, i)));
}

static gboolean
load_directory (BriSource     *self,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFile) documents_dir = g_file_get_child (self->directory, "documents");
  g_autoptr(GFile) gazetteer = g_file_resolve_relative_path (self->directory, "gazetteer/features.geojson");
  g_autoptr(GFile) countries = g_file_resolve_relative_path (self->directory, "countries/countries.json");
  g_autoptr(BriLexicon) lexicon = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) features = NULL;
  g_autoptr(GPtrArray) country_list = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 start;

  start = g_get_monotonic_time ();
  lexicon = bri_lexicon_new_default (error);
  if (lexicon == NULL)
    return FALSE;
  documents = bri_document_load_all (documents_dir, lexicon, &problems, error);
  if (documents == NULL)
    return FALSE;
  self->timings.documents_ms = ms_since (start);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  start = g_get_monotonic_time ();
  features = bri_feature_load_all (gazetteer, error);
  if (features == NULL)
    return FALSE;
  self->timings.gazetteer_ms = ms_since (start);

  start = g_get_monotonic_time ();
  country_list = bri_country_load_all (countries, error);
  if (country_list == NULL)
    return FALSE;
  self->timings.countries_ms = ms_since (start);

  self->lexicon = g_steal_pointer (&lexicon);
  take_all (self->documents, documents);
  take_all (self->features, features);
  take_all (self->countries, country_list);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_ptr_array_add (self->problems, g_error_copy (g_ptr_array_index (problems, i)));

  return TRUE;
}

/**
 * bri_source_load:
 *
 * Reads what the source holds.  Safe to call from a worker thread on a
 * source nobody else uses yet; does nothing the second time.
 *
 * Returns: %FALSE with @error when the source as a whole cannot be read;
 *   a single record that cannot be read is a problem, not a failure
 */
gboolean
bri_source_load (BriSource     *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_return_val_if_fail (BRI_IS_SOURCE (self), FALSE);

  if (self->loaded)
    return TRUE;

  if (!load_directory (self, cancellable, error))
    return FALSE;

  self->loaded = TRUE;
  return TRUE;
}

gboolean
bri_source_is_loaded (BriSource *self)
{
  g_return_val_if_fail (BRI_IS_SOURCE (self), FALSE);
  return self->loaded;
}

const char *
bri_source_get_id (BriSource *self)
{
  g_return_val_if_fail (BRI_IS_SOURCE (self), NULL);
  return self->id;
}

const char *
bri_source_get_title (BriSource *self)
{
  g_return_val_if_fail (BRI_IS_SOURCE (self), NULL);
  return self->title;
}

/* Returns: (nullable): the directory a directory source reads */
GFile *
bri_source_get_directory (BriSource *self)
{
  g_return_val_if_fail (BRI_IS_SOURCE (self), NULL);
  return self->directory;
}

/* Returns: (element-type BriDocument): the documents, in catalogue order */
GPtrArray *
bri_source_get_documents (BriSource *self)
{
  g_return_val_if_fail (BRI_IS_SOURCE (self), NULL);
  return self->documents;
}

/* Returns: (element-type BriFeature): the features, in file order */
GPtrArray *
bri_source_get_features (BriSource *self)
{
  g_return_val_if_fail (BRI_IS_SOURCE (self), NULL);
  return self->features;
}

/* Returns: (element-type BriCountry): the countries; only the built-in
 *   data has them */
GPtrArray *
bri_source_get_countries (BriSource *self)
{
  g_return_val_if_fail (BRI_IS_SOURCE (self), NULL);
  return self->countries;
}

/* Returns: (element-type GError): one error for each record that could
 *   not be read and was left out, naming the file and what was wrong */
GPtrArray *
bri_source_get_problems (BriSource *self)
{
  g_return_val_if_fail (BRI_IS_SOURCE (self), NULL);
  return self->problems;
}

const BriSourceTimings *
_bri_source_get_timings (BriSource *self)
{
  g_return_val_if_fail (BRI_IS_SOURCE (self), NULL);
  return &self->timings;
}

/* Returns: (nullable): the word list (and the corpus's words) the
 *   source's documents were cleaned with */
BriLexicon *
_bri_source_get_lexicon (BriSource *self)
{
  g_return_val_if_fail (BRI_IS_SOURCE (self), NULL);
  return self->lexicon;
}
