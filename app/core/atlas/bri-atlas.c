/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriAtlas: owns every model of the application.
 *
 * Loading reads the documents, the gazetteer and the countries, links
 * every passage to the places it names and builds the search index, all
 * in a worker thread on objects nobody else sees yet; the finished state
 * is handed to the main thread in one piece.  After that the atlas is
 * read-only. */

#define G_LOG_DOMAIN "bri-atlas"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bri-atlas.h"
#include "bri-lexicon.h"
#include "bri-linker.h"
#include "bri-text-fold.h"

GResource *bri_data_get_resource (void);

#define RESOURCE_DATA_URI "resource:///org/example/BriAtlas/data"

typedef struct
{
  GPtrArray       *documents;         /* of BriDocument */
  GPtrArray       *features;          /* of BriFeature */
  GPtrArray       *countries;         /* of BriCountry, by name */
  GPtrArray       *passages;          /* of BriPassage, every document in order */
  GHashTable      *feature_by_id;
  GHashTable      *country_by_code;
  GHashTable      *document_by_id;
  GHashTable      *feature_passages;  /* BriFeature → GListStore of BriPassage */
  GHashTable      *country_passages;  /* BriCountry → GListStore of BriPassage, ranked */
  GHashTable      *country_features;  /* BriCountry → GListStore of BriFeature */
  BriLinker       *linker;
  BriSearch       *search;
  BriAtlasTimings  timings;
} State;

struct _BriAtlas
{
  GObject     parent_instance;

  GFile      *data_dir;
  State      *state;
  GListStore *features;
  GListStore *countries;
  GListStore *documents;
};

G_DEFINE_FINAL_TYPE (BriAtlas, bri_atlas, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATA_DIR,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
state_free (State *state)
{
  if (state == NULL)
    return;

  g_clear_pointer (&state->search, bri_search_free);
  g_clear_pointer (&state->linker, bri_linker_unref);
  g_clear_pointer (&state->feature_passages, g_hash_table_unref);
  g_clear_pointer (&state->country_passages, g_hash_table_unref);
  g_clear_pointer (&state->country_features, g_hash_table_unref);
  g_clear_pointer (&state->feature_by_id, g_hash_table_unref);
  g_clear_pointer (&state->country_by_code, g_hash_table_unref);
  g_clear_pointer (&state->document_by_id, g_hash_table_unref);
  g_clear_pointer (&state->passages, g_ptr_array_unref);
  g_clear_pointer (&state->features, g_ptr_array_unref);
  g_clear_pointer (&state->countries, g_ptr_array_unref);
  g_clear_pointer (&state->documents, g_ptr_array_unref);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (State, state_free)

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_countries_by_name (gconstpointer a,
                           gconstpointer b)
{
  BriCountry *ca = *(BriCountry **) a;
  BriCountry *cb = *(BriCountry **) b;

  return g_utf8_collate (bri_country_get_name (ca), bri_country_get_name (cb));
}

static void
add_country_terms (BriLinker  *linker,
                   BriCountry *country)
{
  const char *code = bri_country_get_code (country);
  const char * const *lists[] = {
    bri_country_get_demonyms (country),
    bri_country_get_alt_names (country),
  };

  bri_linker_add_term (linker, bri_country_get_name (country),
                       BRI_MENTION_COUNTRY, G_OBJECT (country), code);
  if (bri_country_get_iso_name (country) != NULL)
    bri_linker_add_term (linker, bri_country_get_iso_name (country),
                         BRI_MENTION_COUNTRY, G_OBJECT (country), code);
  if (bri_country_get_official_name (country) != NULL)
    bri_linker_add_term (linker, bri_country_get_official_name (country),
                         BRI_MENTION_COUNTRY, G_OBJECT (country), code);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && lists[l][i] != NULL; i++)
      bri_linker_add_term (linker, lists[l][i], BRI_MENTION_COUNTRY, G_OBJECT (country), code);
}

static void
add_feature_terms (BriLinker  *linker,
                   BriFeature *feature)
{
  const char *id = bri_feature_get_id (feature);
  const char * const *aliases = bri_feature_get_aliases (feature);

  bri_linker_add_term (linker, bri_feature_get_name (feature),
                       BRI_MENTION_FEATURE, G_OBJECT (feature), id);
  for (guint i = 0; aliases[i] != NULL; i++)
    bri_linker_add_term (linker, aliases[i], BRI_MENTION_FEATURE, G_OBJECT (feature), id);
}

/* Phrases that contain a country's name or demonym but do not speak of
 * that country. */
static const char * const stop_phrases[] = {
  "Indian Ocean", "Latin America", "Latin American", "Latin Americans",
  "South China Sea", "East China Sea", "Arabian Sea", "Arabian Peninsula",
  "Persian Gulf", "Gulf of Guinea", "Turkish Straits",
};

static gboolean
has_target (GPtrArray *mentions,
            GObject   *object)
{
  for (guint i = 0; i < mentions->len; i++)
    if (bri_mention_get_object (g_ptr_array_index (mentions, i)) == object)
      return TRUE;

  return FALSE;
}

/* The passage's own mentions, then what its headings name and the
 * passage does not: "Panel 1 Mombasa-Nairobi Railway …" makes every
 * paragraph of the panel speak of the railway. */
static GPtrArray *
link_passage (BriLinker  *linker,
              GHashTable *heading_cache,
              BriPassage *passage)
{
  g_autoptr(GPtrArray) mentions = bri_linker_find (linker, bri_passage_get_text (passage), -1, FALSE);
  const char * const *path = bri_passage_get_heading_path (passage);

  for (guint h = 0; path != NULL && path[h] != NULL; h++)
    {
      GPtrArray *context = g_hash_table_lookup (heading_cache, path[h]);

      if (context == NULL)
        {
          context = bri_linker_find (linker, path[h], -1, TRUE);
          g_hash_table_insert (heading_cache, g_strdup (path[h]), context);
        }

      for (guint i = 0; i < context->len; i++)
        {
          BriMention *m = g_ptr_array_index (context, i);

          if (!has_target (mentions, bri_mention_get_object (m)))
            g_ptr_array_add (mentions, g_object_ref (m));
        }
    }

  return g_steal_pointer (&mentions);
}

typedef struct
{
  BriPassage *passage;
  guint       index;
  double      score;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a, *rb = b;

  if (ra->score != rb->score)
    return ra->score > rb->score ? -1 : 1;

  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

static GListStore *
store_for (GHashTable *table,
           gpointer    key,
           GType       type)
{
  GListStore *store = g_hash_table_lookup (table, key);

  if (store == NULL)
    {
      store = g_list_store_new (type);
      g_hash_table_insert (table, key, store);
    }

  return store;
}

/* Weighs what a passage says of each country: naming one of its places
 * counts more than naming the country, a direct mention more than one
 * inherited from a heading. */
static void
score_countries (State      *state,
                 GPtrArray  *mentions,
                 GHashTable *scores)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < mentions->len; i++)
    {
      BriMention *m = g_ptr_array_index (mentions, i);
      gboolean context = bri_mention_is_context (m);
      GObject *object = bri_mention_get_object (m);
      double *score;

      if (bri_mention_get_target (m) == BRI_MENTION_COUNTRY)
        {
          score = g_hash_table_lookup (scores, object);
          if (score == NULL)
            {
              score = g_new0 (double, 1);
              g_hash_table_insert (scores, object, score);
            }
          if (*score < 3.0)
            *score += context ? 0.5 : 1.0;
          continue;
        }

      if (!g_hash_table_add (seen, object))
        continue;

      for (const char * const *c = bri_feature_get_countries (BRI_FEATURE (object)); *c; c++)
        {
          BriCountry *country = g_hash_table_lookup (state->country_by_code, *c);

          if (country == NULL)
            continue;

          score = g_hash_table_lookup (scores, country);
          if (score == NULL)
            {
              score = g_new0 (double, 1);
              g_hash_table_insert (scores, country, score);
            }
          *score += context ? 1.0 : 3.0;
        }
    }
}

static gboolean
link_and_index (State   *state,
                GError **error)
{
  g_autoptr(GHashTable) heading_cache =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) country_ranked =
    g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer key, value;
  gint64 start = g_get_monotonic_time ();

  state->linker = bri_linker_new ();
  for (guint i = 0; i < state->features->len; i++)
    add_feature_terms (state->linker, g_ptr_array_index (state->features, i));
  for (guint i = 0; i < state->countries->len; i++)
    add_country_terms (state->linker, g_ptr_array_index (state->countries, i));
  for (guint i = 0; i < G_N_ELEMENTS (stop_phrases); i++)
    bri_linker_add_stop_phrase (state->linker, stop_phrases[i]);

  for (guint p = 0; p < state->passages->len; p++)
    {
      BriPassage *passage = g_ptr_array_index (state->passages, p);
      g_autoptr(GPtrArray) mentions = link_passage (state->linker, heading_cache, passage);
      g_autoptr(GHashTable) scores = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_autoptr(GHashTable) features_seen = g_hash_table_new (NULL, NULL);

      bri_passage_set_mentions (passage, mentions);

      /* Headings are shown as the path of the passages under them. */
      if (bri_passage_get_kind (passage) == BRI_PASSAGE_HEADING)
        continue;

      for (guint i = 0; i < mentions->len; i++)
        {
          BriMention *m = g_ptr_array_index (mentions, i);
          GObject *object = bri_mention_get_object (m);

          if (bri_mention_get_target (m) == BRI_MENTION_FEATURE &&
              g_hash_table_add (features_seen, object))
            g_list_store_append (store_for (state->feature_passages, object, BRI_TYPE_PASSAGE),
                                 passage);
        }

      score_countries (state, mentions, scores);
      g_hash_table_iter_init (&iter, scores);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          GArray *ranked = g_hash_table_lookup (country_ranked, key);
          Ranked r = { passage, p, *(double *) value };

          if (ranked == NULL)
            {
              ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
              g_hash_table_insert (country_ranked, key, ranked);
            }
          g_array_append_val (ranked, r);
        }
    }

  g_hash_table_iter_init (&iter, country_ranked);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *ranked = value;
      GListStore *store = store_for (state->country_passages, key, BRI_TYPE_PASSAGE);

      g_array_sort (ranked, compare_ranked);
      for (guint i = 0; i < ranked->len; i++)
        g_list_store_append (store, g_array_index (ranked, Ranked, i).passage);
    }

  for (guint f = 0; f < state->features->len; f++)
    {
      BriFeature *feature = g_ptr_array_index (state->features, f);

      for (const char * const *c = bri_feature_get_countries (feature); *c; c++)
        {
          BriCountry *country = g_hash_table_lookup (state->country_by_code, *c);

          if (country != NULL)
            g_list_store_append (store_for (state->country_features, country, BRI_TYPE_FEATURE),
                                 feature);
          else
            g_warning ("Feature “%s” names an unknown country “%s”",
                       bri_feature_get_id (feature), *c);
        }
    }

  state->timings.link_ms = ms_since (start);
  start = g_get_monotonic_time ();

  state->search = bri_search_new (state->linker, error);
  if (state->search == NULL)
    return FALSE;

  for (guint p = 0; p < state->passages->len; p++)
    {
      BriPassage *passage = g_ptr_array_index (state->passages, p);
      GPtrArray *mentions = bri_passage_get_mentions (passage);
      g_autoptr(GStrvBuilder) linked = g_strv_builder_new ();
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      g_auto(GStrv) linked_ids = NULL;
      BriDocument *document = bri_passage_get_document (passage);

      if (bri_passage_get_kind (passage) == BRI_PASSAGE_HEADING)
        continue;

      for (guint i = 0; i < mentions->len; i++)
        {
          const char *id = bri_mention_get_target_id (g_ptr_array_index (mentions, i));

          if (g_hash_table_add (seen, (gpointer) id))
            g_strv_builder_add (linked, id);
        }
      linked_ids = g_strv_builder_end (linked);

      if (!bri_search_add_passage (state->search, p, bri_passage_get_text (passage),
                                   bri_passage_get_heading (passage),
                                   document ? bri_document_get_title (document) : NULL,
                                   (const char * const *) linked_ids, error))
        return FALSE;
    }

  for (guint f = 0; f < state->features->len; f++)
    {
      BriFeature *feature = g_ptr_array_index (state->features, f);
      g_autofree char *kind = g_strdup_printf ("%s %s",
                                               bri_feature_kind_to_string (bri_feature_get_kind (feature)),
                                               bri_feature_kind_get_label (bri_feature_get_kind (feature)));

      if (!bri_search_add_place (state->search, f, bri_feature_get_id (feature),
                                 bri_feature_get_name (feature),
                                 bri_feature_get_aliases (feature), kind, error))
        return FALSE;
    }

  for (guint c = 0; c < state->countries->len; c++)
    {
      BriCountry *country = g_ptr_array_index (state->countries, c);
      GPtrArray *terms = bri_linker_get_terms_for (state->linker, G_OBJECT (country));
      g_autoptr(GStrvBuilder) aliases = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      for (guint i = 0; terms != NULL && i < terms->len; i++)
        g_strv_builder_add (aliases, g_ptr_array_index (terms, i));
      g_strv_builder_add (aliases, bri_country_get_display_name (country));
      g_strv_builder_add (aliases, bri_country_get_code (country));
      g_strv_builder_add (aliases, bri_country_get_alpha3 (country));
      strv = g_strv_builder_end (aliases);

      if (!bri_search_add_place (state->search, state->features->len + c,
                                 bri_country_get_code (country),
                                 bri_country_get_name (country),
                                 (const char * const *) strv, _("country"), error))
        return FALSE;
    }

  if (!bri_search_finish_index (state->search, error))
    return FALSE;

  state->timings.index_ms = ms_since (start);

  return TRUE;
}

static State *
load_state (GFile         *data_dir,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(State) state = g_new0 (State, 1);
  g_autoptr(GFile) documents_dir = g_file_get_child (data_dir, "documents");
  g_autoptr(GFile) gazetteer = g_file_resolve_relative_path (data_dir, "gazetteer/features.geojson");
  g_autoptr(GFile) countries = g_file_resolve_relative_path (data_dir, "countries/countries.json");
  g_autoptr(BriLexicon) lexicon = NULL;
  gint64 total = g_get_monotonic_time ();
  gint64 start;

  start = g_get_monotonic_time ();
  lexicon = bri_lexicon_new_default (error);
  if (lexicon == NULL)
    return NULL;
  state->documents = bri_document_load_all (documents_dir, lexicon, error);
  if (state->documents == NULL)
    return NULL;
  state->timings.documents_ms = ms_since (start);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  start = g_get_monotonic_time ();
  state->features = bri_feature_load_all (gazetteer, error);
  if (state->features == NULL)
    return NULL;
  state->timings.gazetteer_ms = ms_since (start);

  start = g_get_monotonic_time ();
  state->countries = bri_country_load_all (countries, error);
  if (state->countries == NULL)
    return NULL;
  g_ptr_array_sort (state->countries, compare_countries_by_name);
  state->timings.countries_ms = ms_since (start);

  state->feature_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < state->features->len; i++)
    {
      BriFeature *feature = g_ptr_array_index (state->features, i);

      g_hash_table_insert (state->feature_by_id, (gpointer) bri_feature_get_id (feature), feature);
    }

  state->country_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < state->countries->len; i++)
    {
      BriCountry *country = g_ptr_array_index (state->countries, i);

      g_hash_table_insert (state->country_by_code, (gpointer) bri_country_get_code (country), country);
    }

  state->document_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  state->passages = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint d = 0; d < state->documents->len; d++)
    {
      BriDocument *document = g_ptr_array_index (state->documents, d);
      GListModel *passages = bri_document_get_passages (document);

      g_hash_table_insert (state->document_by_id, (gpointer) bri_document_get_id (document), document);
      for (guint p = 0; p < g_list_model_get_n_items (passages); p++)
        {
          BriPassage *passage = g_list_model_get_item (passages, p);

          g_ptr_array_add (state->passages, passage);
        }
    }

  state->feature_passages = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  state->country_passages = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  state->country_features = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!link_and_index (state, error))
    return NULL;

  state->timings.total_ms = ms_since (total);

  return g_steal_pointer (&state);
}

static void
adopt_state (BriAtlas *self,
             State    *state)
{
  g_assert (self->state == NULL);

  self->state = state;
  for (guint i = 0; i < state->features->len; i++)
    g_list_store_append (self->features, g_ptr_array_index (state->features, i));
  for (guint i = 0; i < state->countries->len; i++)
    g_list_store_append (self->countries, g_ptr_array_index (state->countries, i));
  for (guint i = 0; i < state->documents->len; i++)
    g_list_store_append (self->documents, g_ptr_array_index (state->documents, i));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *data_dir = task_data;
  GError *error = NULL;
  State *state = load_state (data_dir, cancellable, &error);

  if (state == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, state, (GDestroyNotify) state_free);
}

/**
 * bri_atlas_load_async:
 *
 * Loads, links and indexes everything in a worker thread.
 */
void
bri_atlas_load_async (BriAtlas            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BRI_IS_ATLAS (self));
  g_return_if_fail (self->state == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bri_atlas_load_async);
  g_task_set_task_data (task, g_object_ref (self->data_dir), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

gboolean
bri_atlas_load_finish (BriAtlas      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  State *state;

  g_return_val_if_fail (BRI_IS_ATLAS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  state = g_task_propagate_pointer (G_TASK (result), error);
  if (state == NULL)
    return FALSE;

  adopt_state (self, state);

  return TRUE;
}

/* For the command line and tests, which have no main loop to spare. */
gboolean
bri_atlas_load (BriAtlas      *self,
                GCancellable  *cancellable,
                GError       **error)
{
  State *state;

  g_return_val_if_fail (BRI_IS_ATLAS (self), FALSE);
  g_return_val_if_fail (self->state == NULL, FALSE);

  state = load_state (self->data_dir, cancellable, error);
  if (state == NULL)
    return FALSE;

  adopt_state (self, state);

  return TRUE;
}

static void
bri_atlas_dispose (GObject *object)
{
  BriAtlas *self = (BriAtlas *)object;

  g_clear_object (&self->features);
  g_clear_object (&self->countries);
  g_clear_object (&self->documents);

  G_OBJECT_CLASS (bri_atlas_parent_class)->dispose (object);
}

static void
bri_atlas_finalize (GObject *object)
{
  BriAtlas *self = (BriAtlas *)object;

  g_clear_pointer (&self->state, state_free);
  g_clear_object (&self->data_dir);

  G_OBJECT_CLASS (bri_atlas_parent_class)->finalize (object);
}

static void
bri_atlas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BriAtlas *self = BRI_ATLAS (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_object (value, self->data_dir);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->state != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_atlas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BriAtlas *self = BRI_ATLAS (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_set_object (&self->data_dir, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_atlas_constructed (GObject *object)
{
  BriAtlas *self = BRI_ATLAS (object);

  G_OBJECT_CLASS (bri_atlas_parent_class)->constructed (object);

  if (self->data_dir == NULL)
    {
      const char *dir = g_getenv ("BRI_ATLAS_DATA_DIR");

      if (dir != NULL && dir[0] != '\0')
        self->data_dir = g_file_new_for_commandline_arg (dir);
      else
        self->data_dir = g_file_new_for_uri (RESOURCE_DATA_URI);
    }
}

static void
bri_atlas_class_init (BriAtlasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bri_atlas_constructed;
  object_class->dispose = bri_atlas_dispose;
  object_class->finalize = bri_atlas_finalize;
  object_class->get_property = bri_atlas_get_property;
  object_class->set_property = bri_atlas_set_property;

  properties[PROP_DATA_DIR] =
    g_param_spec_object ("data-dir", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Pulls the data resource out of the static library into the binary. */
  g_type_ensure (G_TYPE_FILE);
  (void) bri_data_get_resource ();
}

static void
bri_atlas_init (BriAtlas *self)
{
  self->features = g_list_store_new (BRI_TYPE_FEATURE);
  self->countries = g_list_store_new (BRI_TYPE_COUNTRY);
  self->documents = g_list_store_new (BRI_TYPE_DOCUMENT);
}

/**
 * bri_atlas_new:
 * @data_dir: (nullable): where documents/, gazetteer/ and countries/ are;
 *   %NULL for $BRI_ATLAS_DATA_DIR or else the built-in data
 */
BriAtlas *
bri_atlas_new (GFile *data_dir)
{
  return g_object_new (BRI_TYPE_ATLAS, "data-dir", data_dir, NULL);
}

GFile *
bri_atlas_get_data_dir (BriAtlas *self)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  return self->data_dir;
}

gboolean
bri_atlas_is_loaded (BriAtlas *self)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), FALSE);
  return self->state != NULL;
}

const BriAtlasTimings *
bri_atlas_get_timings (BriAtlas *self)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (self->state != NULL, NULL);
  return &self->state->timings;
}

GListModel *
bri_atlas_get_features (BriAtlas *self)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  return G_LIST_MODEL (self->features);
}

GListModel *
bri_atlas_get_countries (BriAtlas *self)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  return G_LIST_MODEL (self->countries);
}

GListModel *
bri_atlas_get_documents (BriAtlas *self)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  return G_LIST_MODEL (self->documents);
}

guint
bri_atlas_get_n_passages (BriAtlas *self)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), 0);
  return self->state ? self->state->passages->len : 0;
}

BriPassage *
bri_atlas_get_passage (BriAtlas *self,
                       guint     index)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (self->state != NULL, NULL);
  g_return_val_if_fail (index < self->state->passages->len, NULL);

  return g_ptr_array_index (self->state->passages, index);
}

BriFeature *
bri_atlas_lookup_feature (BriAtlas   *self,
                          const char *id)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return self->state ? g_hash_table_lookup (self->state->feature_by_id, id) : NULL;
}

/* By alpha-2 code, any case. */
BriCountry *
bri_atlas_lookup_country (BriAtlas   *self,
                          const char *code)
{
  g_autofree char *upper = NULL;

  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if (self->state == NULL)
    return NULL;

  upper = g_ascii_strup (code, -1);
  return g_hash_table_lookup (self->state->country_by_code, upper);
}

BriDocument *
bri_atlas_lookup_document (BriAtlas   *self,
                           const char *id)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return self->state ? g_hash_table_lookup (self->state->document_by_id, id) : NULL;
}

BriCountry *
bri_atlas_lookup_country_numeric (BriAtlas *self,
                                  int       numeric)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);

  for (guint i = 0; self->state != NULL && i < self->state->countries->len; i++)
    {
      BriCountry *country = g_ptr_array_index (self->state->countries, i);

      if (bri_country_get_numeric (country) == numeric)
        return country;
    }

  return NULL;
}

/* The linker the atlas linked its passages with: every name of every
 * feature and country.  Read-only once loaded. */
BriLinker *
bri_atlas_get_linker (BriAtlas *self)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (self->state != NULL, NULL);

  return self->state->linker;
}

static gboolean
country_answers_to (BriAtlas   *self,
                    BriCountry *country,
                    const char *folded)
{
  GPtrArray *terms = bri_linker_get_terms_for (self->state->linker, G_OBJECT (country));
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
  guint n;

  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (code_or_name != NULL, NULL);

  if (self->state == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (code_or_name));
  folded = bri_text_fold (stripped, -1);
  n = self->state->countries->len;

  for (guint i = 0; i < n; i++)
    {
      BriCountry *country = g_ptr_array_index (self->state->countries, i);

      if (g_ascii_strcasecmp (stripped, bri_country_get_code (country)) == 0 ||
          g_ascii_strcasecmp (stripped, bri_country_get_alpha3 (country)) == 0)
        return country;
    }

  if (g_ascii_isdigit (stripped[0]))
    return bri_atlas_lookup_country_numeric (self, (int) g_ascii_strtoll (stripped, NULL, 10));

  for (guint i = 0; i < n; i++)
    {
      BriCountry *country = g_ptr_array_index (self->state->countries, i);

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

  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  folded = bri_text_fold (text, -1);
  for (guint i = 0; self->state != NULL && i < self->state->features->len; i++)
    {
      BriFeature *feature = g_ptr_array_index (self->state->features, i);
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

  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  folded = bri_text_fold (text, -1);
  for (guint i = 0; self->state != NULL && i < self->state->countries->len; i++)
    {
      BriCountry *country = g_ptr_array_index (self->state->countries, i);
      GPtrArray *terms = bri_linker_get_terms_for (self->state->linker, G_OBJECT (country));
      g_autofree char *label = g_strdup_printf ("%s (%s)", bri_country_get_code (country),
                                                bri_country_get_display_name (country));

      consider (found, folded, bri_country_get_display_name (country), label);
      for (guint t = 0; terms != NULL && t < terms->len; t++)
        consider (found, folded, g_ptr_array_index (terms, t), label);
    }

  return best_suggestions (found);
}

static GListModel *
empty_or (GListStore *store,
          GType       type)
{
  if (store != NULL)
    return G_LIST_MODEL (g_object_ref (store));

  return G_LIST_MODEL (g_list_store_new (type));
}

/**
 * bri_atlas_get_feature_passages:
 *
 * Returns: (transfer full): the passages that speak of @feature, in
 *   document order
 */
GListModel *
bri_atlas_get_feature_passages (BriAtlas   *self,
                                BriFeature *feature)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (BRI_IS_FEATURE (feature), NULL);

  return empty_or (self->state ? g_hash_table_lookup (self->state->feature_passages, feature) : NULL,
                   BRI_TYPE_PASSAGE);
}

/**
 * bri_atlas_get_country_passages:
 *
 * Returns: (transfer full): the passages that name @country or one of
 *   its features, best first
 */
GListModel *
bri_atlas_get_country_passages (BriAtlas   *self,
                                BriCountry *country)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (BRI_IS_COUNTRY (country), NULL);

  return empty_or (self->state ? g_hash_table_lookup (self->state->country_passages, country) : NULL,
                   BRI_TYPE_PASSAGE);
}

/**
 * bri_atlas_get_country_features:
 *
 * Returns: (transfer full): the features in @country
 */
GListModel *
bri_atlas_get_country_features (BriAtlas   *self,
                                BriCountry *country)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (BRI_IS_COUNTRY (country), NULL);

  return empty_or (self->state ? g_hash_table_lookup (self->state->country_features, country) : NULL,
                   BRI_TYPE_FEATURE);
}

static GObject *
place_for_hit (BriAtlas            *self,
               guint                id,
               BriSearchResultKind *kind)
{
  guint n_features = self->state->features->len;

  if (id < n_features)
    {
      *kind = BRI_SEARCH_RESULT_FEATURE;
      return g_ptr_array_index (self->state->features, id);
    }

  *kind = BRI_SEARCH_RESULT_COUNTRY;
  return g_ptr_array_index (self->state->countries, id - n_features);
}

static gboolean
append_hits (BriAtlas          *self,
             GListStore        *store,
             BriSearchHitKind   kind,
             const char        *query,
             BriSearchFlags     flags,
             guint              limit,
             GError           **error)
{
  g_autoptr(GArray) hits = bri_search_query (self->state->search, kind, query, flags, limit, error);

  if (hits == NULL)
    return FALSE;

  for (guint i = 0; i < hits->len; i++)
    {
      BriSearchHit *hit = &g_array_index (hits, BriSearchHit, i);
      g_autoptr(BriSearchResult) result = NULL;
      BriSearchResultKind result_kind = BRI_SEARCH_RESULT_PASSAGE;
      GObject *object;

      if (kind == BRI_SEARCH_HIT_PLACE)
        object = place_for_hit (self, hit->id, &result_kind);
      else
        object = G_OBJECT (g_ptr_array_index (self->state->passages, hit->id));

      result = bri_search_result_new (result_kind, object, hit->score, hit->snippet, hit->ranges);
      g_list_store_append (store, result);
    }

  return TRUE;
}

/**
 * bri_atlas_search:
 * @max_places: at most this many places and countries; 0 for none,
 *   %G_MAXUINT for all
 * @max_passages: at most this many passages; 0 for none, %G_MAXUINT for all
 *
 * Returns: (transfer full): #BriSearchResult<!-- -->s: the places and
 *   countries first, then the passages, each best first
 */
GListModel *
bri_atlas_search (BriAtlas        *self,
                  const char      *query,
                  BriSearchFlags   flags,
                  guint            max_places,
                  guint            max_passages,
                  GError         **error)
{
  g_autoptr(GListStore) store = g_list_store_new (BRI_TYPE_SEARCH_RESULT);

  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (self->state != NULL, NULL);

  if (max_places > 0 &&
      !append_hits (self, store, BRI_SEARCH_HIT_PLACE, query, flags, max_places, error))
    return NULL;
  if (max_passages > 0 &&
      !append_hits (self, store, BRI_SEARCH_HIT_PASSAGE, query, flags, max_passages, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}
