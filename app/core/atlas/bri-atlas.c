/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriAtlas: owns every model of the application.
 *
 * The atlas is built from an ordered list of sources (bri-source.c): the
 * built-in corpus, then what users add.  Sources come and go while the
 * app runs, one change at a time.  A change loads its sources, links the
 * passages whose mentions it can alter (bri-atlas-linking.c) and updates
 * the search index (bri-atlas-index.c) in a worker thread, on records
 * nobody else changes meanwhile; then, on the main thread, the models
 * take exactly what changed, with exact items-changed signals.  A passage
 * or place the change does not touch is never rebuilt.
 *
 * Records are known by their ids (feature id, country code, document id
 * and ordinal), never by a position. */

#define G_LOG_DOMAIN "bri-atlas"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bri-atlas-private.h"
#include "bri-source-private.h"

GResource *bri_data_get_resource (void);

#define RESOURCE_DATA_URI "resource:///org/example/BriAtlas/data"

struct _BriAtlas
{
  GObject          parent_instance;

  GFile           *data_dir;
  gboolean         loaded;

  /* The models, in order: sources, then what they hold. */
  GListStore      *sources;
  GListStore      *documents;
  GListStore      *features;
  GListStore      *countries;   /* by English name */
  GListStore      *regions;

  GHashTable      *document_by_id;
  GHashTable      *feature_by_id;
  GHashTable      *country_by_code;
  GHashTable      *country_by_numeric;
  GHashTable      *document_order;     /* BriDocument → its position + 1 */
  GPtrArray       *passages;           /* every document's, in order */

  GHashTable      *passage_links;      /* BriPassage → BriPassageLinks */
  GHashTable      *feature_passages;   /* BriFeature → GListStore of BriPassage, in order */
  GHashTable      *country_passages;   /* BriCountry → GListStore of BriPassage, ranked */
  GHashTable      *country_features;   /* BriCountry → GListStore of BriFeature */

  BriLinker       *linker;
  BriSearch       *search;
  GPtrArray       *problems;           /* of GError */
  BriAtlasTimings  timings;

  GQueue           pending;            /* of GTask: changes waiting their turn */
  gboolean         changing;
};

G_DEFINE_FINAL_TYPE (BriAtlas, bri_atlas, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATA_DIR,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A change: what to add and remove, the atlas as it was when the change
 * began (the worker reads only this), and what the worker made of it. */
typedef struct
{
  GPtrArray       *add_sources;
  GPtrArray       *remove_sources;

  GPtrArray       *documents;
  GPtrArray       *features;
  GPtrArray       *countries;
  GHashTable      *country_by_code;
  BriLinker       *old_linker;
  BriSearch       *search;
  gboolean         initial;   /* the first load: the index is optimized after it */

  GPtrArray       *added_documents;
  GPtrArray       *added_features;
  GPtrArray       *added_countries;
  GPtrArray       *removed_documents;
  GPtrArray       *removed_features;
  BriLinker       *linker;
  GPtrArray       *relinks;            /* of BriRelink */
  BriLexicon      *lexicon;            /* the dictionary, from the first source that has one */
  BriAtlasTimings  timings;
} Change;

static void
change_free (Change *change)
{
  g_clear_pointer (&change->add_sources, g_ptr_array_unref);
  g_clear_pointer (&change->remove_sources, g_ptr_array_unref);
  g_clear_pointer (&change->documents, g_ptr_array_unref);
  g_clear_pointer (&change->features, g_ptr_array_unref);
  g_clear_pointer (&change->countries, g_ptr_array_unref);
  g_clear_pointer (&change->country_by_code, g_hash_table_unref);
  g_clear_pointer (&change->old_linker, bri_linker_unref);
  g_clear_pointer (&change->added_documents, g_ptr_array_unref);
  g_clear_pointer (&change->added_features, g_ptr_array_unref);
  g_clear_pointer (&change->added_countries, g_ptr_array_unref);
  g_clear_pointer (&change->removed_documents, g_ptr_array_unref);
  g_clear_pointer (&change->removed_features, g_ptr_array_unref);
  g_clear_pointer (&change->linker, bri_linker_unref);
  g_clear_pointer (&change->relinks, g_ptr_array_unref);
  g_clear_object (&change->lexicon);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Change, change_free)

static GPtrArray *
object_array (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static gpointer
copy_object (gconstpointer object,
             gpointer      user_data)
{
  return g_object_ref ((gpointer) object);
}

static GPtrArray *
model_to_array (GListModel *model)
{
  GPtrArray *array = object_array ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));

  return array;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static Change *
change_new (GPtrArray *add_sources,
            GPtrArray *remove_sources)
{
  Change *change = g_new0 (Change, 1);

  change->add_sources = add_sources ? g_ptr_array_ref (add_sources) : object_array ();
  change->remove_sources = remove_sources ? g_ptr_array_ref (remove_sources) : object_array ();

  return change;
}

/* Called on the main thread when the change's turn comes. */
static void
change_take_snapshot (Change   *change,
                      BriAtlas *self)
{
  change->documents = model_to_array (G_LIST_MODEL (self->documents));
  change->features = model_to_array (G_LIST_MODEL (self->features));
  change->countries = model_to_array (G_LIST_MODEL (self->countries));
  change->country_by_code = g_hash_table_ref (self->country_by_code);
  change->old_linker = self->linker ? bri_linker_ref (self->linker) : NULL;
  change->search = self->search;
  change->initial = !self->loaded;
}

/* The worker's part */

static void
add_all (GPtrArray *into,
         GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (into, g_object_ref (g_ptr_array_index (from, i)));
}

static gboolean
check_ids (const char  *source_id,
           GPtrArray   *existing,
           GPtrArray   *removed,
           GPtrArray   *added,
           const char *(*get_id) (gpointer),
           const char  *what,
           GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) leaving = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < removed->len; i++)
    g_hash_table_add (leaving, g_ptr_array_index (removed, i));
  for (guint i = 0; i < existing->len; i++)
    if (!g_hash_table_contains (leaving, g_ptr_array_index (existing, i)))
      g_hash_table_add (ids, (gpointer) get_id (g_ptr_array_index (existing, i)));

  for (guint i = 0; i < added->len; i++)
    {
      const char *id = get_id (g_ptr_array_index (added, i));

      if (!g_hash_table_add (ids, (gpointer) id))
        {
          /* TRANSLATORS: the second %s is "document" or "place" */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("%s: the %s id “%s” is already in the atlas"), source_id, what, id);
          return FALSE;
        }
    }

  return TRUE;
}

static GPtrArray *
without (GPtrArray *all,
         GPtrArray *removed)
{
  g_autoptr(GHashTable) leaving = g_hash_table_new (NULL, NULL);
  GPtrArray *rest = object_array ();

  for (guint i = 0; i < removed->len; i++)
    g_hash_table_add (leaving, g_ptr_array_index (removed, i));
  for (guint i = 0; i < all->len; i++)
    if (!g_hash_table_contains (leaving, g_ptr_array_index (all, i)))
      g_ptr_array_add (rest, g_object_ref (g_ptr_array_index (all, i)));

  return rest;
}

static BriRelink *
relink_new (BriLinker  *linker,
            GHashTable *heading_cache,
            GHashTable *country_by_code,
            BriPassage *passage,
            gboolean    indexed)
{
  BriRelink *relink = g_new0 (BriRelink, 1);

  relink->passage = g_object_ref (passage);
  relink->mentions = _bri_atlas_link_passage (linker, heading_cache, passage);
  relink->indexed = indexed;
  /* Headings are shown as the path of the passages under them. */
  if (bri_passage_get_kind (passage) != BRI_PASSAGE_HEADING)
    relink->links = _bri_passage_links_new (relink->mentions, country_by_code);

  return relink;
}

static GHashTable *
new_heading_cache (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

static void
link_change (Change *change)
{
  g_autoptr(GHashTable) heading_cache = new_heading_cache ();
  gboolean places_changed = change->added_features->len > 0 || change->removed_features->len > 0 ||
                            change->added_countries->len > 0;

  if (places_changed || change->old_linker == NULL)
    {
      g_autoptr(GPtrArray) kept = without (change->features, change->removed_features);
      g_autoptr(GPtrArray) countries = object_array ();

      add_all (kept, change->added_features);
      add_all (countries, change->countries);
      add_all (countries, change->added_countries);
      change->linker = _bri_atlas_linker_new (kept, countries);
    }
  else
    {
      change->linker = bri_linker_ref (change->old_linker);
    }

  for (guint d = 0; d < change->added_documents->len; d++)
    {
      GListModel *passages = bri_document_get_passages (g_ptr_array_index (change->added_documents, d));

      for (guint p = 0; p < g_list_model_get_n_items (passages); p++)
        {
          g_autoptr(BriPassage) passage = g_list_model_get_item (passages, p);

          g_ptr_array_add (change->relinks, relink_new (change->linker, heading_cache,
                                                        change->country_by_code, passage, FALSE));
        }
    }

  /* Passages already in the atlas are linked again only when they may
   * name an added place or do name a removed one. */
  if (places_changed)
    {
      g_autoptr(BriLinker) added = NULL;
      g_autoptr(GHashTable) removed = NULL;
      g_autoptr(GHashTable) added_cache = new_heading_cache ();
      g_autoptr(GPtrArray) staying = without (change->documents, change->removed_documents);

      if (change->added_features->len > 0 || change->added_countries->len > 0)
        added = _bri_atlas_linker_new (change->added_features, change->added_countries);
      if (change->removed_features->len > 0)
        {
          removed = g_hash_table_new (NULL, NULL);
          for (guint i = 0; i < change->removed_features->len; i++)
            g_hash_table_add (removed, g_ptr_array_index (change->removed_features, i));
        }

      for (guint d = 0; d < staying->len; d++)
        {
          GListModel *passages = bri_document_get_passages (g_ptr_array_index (staying, d));

          for (guint p = 0; p < g_list_model_get_n_items (passages); p++)
            {
              g_autoptr(BriPassage) passage = g_list_model_get_item (passages, p);

              if (_bri_atlas_passage_may_change (added, removed, added_cache, passage))
                g_ptr_array_add (change->relinks, relink_new (change->linker, heading_cache,
                                                              change->country_by_code, passage, TRUE));
            }
        }
    }
}

/* Every batch holds the index for a short while only, so a search typed
 * meanwhile waits at most about a document's worth of rows. */
static gboolean
index_change (Change  *change,
              GError **error)
{
  g_autoptr(GHashTable) relinks = g_hash_table_new (NULL, NULL);
  BriSearch *search = change->search;
  BriIndexer indexer;
  gboolean ok = FALSE;

  for (guint i = 0; i < change->relinks->len; i++)
    {
      BriRelink *relink = g_ptr_array_index (change->relinks, i);

      g_hash_table_insert (relinks, relink->passage, relink);
    }

  _bri_indexer_init (&indexer, search, change->linker, change->country_by_code);

  if (!bri_search_begin (search, error))
    goto out;
  for (guint d = 0; d < change->removed_documents->len; d++)
    if (!bri_search_remove_document (search,
                                     bri_document_get_id (g_ptr_array_index (change->removed_documents, d)),
                                     error))
      goto rollback;
  if (!_bri_indexer_remove_features (&indexer, change->removed_features, error) ||
      !_bri_indexer_add_places (&indexer, change->added_features, change->added_countries, error) ||
      !_bri_indexer_update_links (&indexer, change->relinks, error))
    goto rollback;
  bri_search_set_linker (search, change->linker);
  if (change->lexicon != NULL)
    bri_search_set_lexicon (search, change->lexicon);
  if (!bri_search_commit (search, FALSE, error))
    goto out;

  for (guint d = 0; d < change->added_documents->len; d++)
    {
      if (!bri_search_begin (search, error))
        goto out;
      if (!_bri_indexer_add_document (&indexer, g_ptr_array_index (change->added_documents, d), relinks, error))
        goto rollback;
      if (!bri_search_commit (search, change->initial && d + 1 == change->added_documents->len, error))
        goto out;
    }

  ok = TRUE;
  goto out;

rollback:
  bri_search_rollback (search);
out:
  _bri_indexer_clear (&indexer);
  return ok;
}

static gboolean
run_change (Change        *change,
            GCancellable  *cancellable,
            GError       **error)
{
  gint64 total = g_get_monotonic_time ();
  gint64 start;

  change->added_documents = object_array ();
  change->added_features = object_array ();
  change->added_countries = object_array ();
  change->removed_documents = object_array ();
  change->removed_features = object_array ();
  change->relinks = g_ptr_array_new_with_free_func ((GDestroyNotify) _bri_relink_free);

  for (guint i = 0; i < change->add_sources->len; i++)
    {
      BriSource *source = g_ptr_array_index (change->add_sources, i);
      const BriSourceTimings *t;

      if (!bri_source_load (source, cancellable, error))
        return FALSE;

      t = _bri_source_get_timings (source);
      change->timings.documents_ms += t->documents_ms;
      change->timings.gazetteer_ms += t->gazetteer_ms;
      change->timings.countries_ms += t->countries_ms;
      add_all (change->added_documents, bri_source_get_documents (source));
      add_all (change->added_features, bri_source_get_features (source));
      /* Only the first source with countries gives them: the map has
       * one set of countries. */
      if (change->countries->len == 0 && change->added_countries->len == 0)
        add_all (change->added_countries, bri_source_get_countries (source));
      if (change->lexicon == NULL && _bri_source_get_lexicon (source) != NULL)
        change->lexicon = g_object_ref (_bri_source_get_lexicon (source));
    }

  for (guint i = 0; i < change->remove_sources->len; i++)
    {
      BriSource *source = g_ptr_array_index (change->remove_sources, i);

      add_all (change->removed_documents, bri_source_get_documents (source));
      add_all (change->removed_features, bri_source_get_features (source));
    }

  for (guint i = 0; i < change->add_sources->len; i++)
    {
      const char *id = bri_source_get_id (g_ptr_array_index (change->add_sources, i));

      if (!check_ids (id, change->documents, change->removed_documents, change->added_documents,
                      (const char *(*) (gpointer)) bri_document_get_id, _("document"), error) ||
          !check_ids (id, change->features, change->removed_features, change->added_features,
                      (const char *(*) (gpointer)) bri_feature_get_id, _("place"), error))
        return FALSE;
    }

  if (change->added_countries->len > 0)
    {
      g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < change->added_countries->len; i++)
        {
          BriCountry *country = g_ptr_array_index (change->added_countries, i);

          g_hash_table_insert (by_code, (gpointer) bri_country_get_code (country), country);
        }
      g_hash_table_unref (change->country_by_code);
      change->country_by_code = g_steal_pointer (&by_code);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  start = g_get_monotonic_time ();
  link_change (change);
  change->timings.link_ms = ms_since (start);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  start = g_get_monotonic_time ();
  if (!index_change (change, error))
    return FALSE;
  change->timings.index_ms = ms_since (start);
  change->timings.total_ms = ms_since (total);

  return TRUE;
}

/* The main thread's part */

typedef struct
{
  BriAtlas   *self;
  BriCountry *country;
} RankContext;

static int
compare_in_order (BriAtlas   *self,
                  BriPassage *a,
                  BriPassage *b)
{
  guint da = GPOINTER_TO_UINT (g_hash_table_lookup (self->document_order, bri_passage_get_document (a)));
  guint db = GPOINTER_TO_UINT (g_hash_table_lookup (self->document_order, bri_passage_get_document (b)));

  if (da != db)
    return da < db ? -1 : 1;

  return bri_passage_get_ordinal (a) < bri_passage_get_ordinal (b) ? -1 :
         bri_passage_get_ordinal (a) > bri_passage_get_ordinal (b);
}

static int
compare_passages_in_order (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  return compare_in_order (user_data, (BriPassage *) a, (BriPassage *) b);
}

/* Best first, then in document order. */
static int
compare_passages_ranked (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  RankContext *ctx = user_data;
  double sa = _bri_passage_links_get_score (g_hash_table_lookup (ctx->self->passage_links, a), ctx->country);
  double sb = _bri_passage_links_get_score (g_hash_table_lookup (ctx->self->passage_links, b), ctx->country);

  if (sa != sb)
    return sa > sb ? -1 : 1;

  return compare_in_order (ctx->self, (BriPassage *) a, (BriPassage *) b);
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

static void
store_remove (GListStore *store,
              gpointer    item)
{
  guint position;

  if (store != NULL && g_list_store_find (store, item, &position))
    g_list_store_remove (store, position);
}

/* Moves @passage between the lists of the places and countries it spoke
 * of (@old) and those it speaks of now (what passage_links says, already
 * updated); the countries whose lists change go into @touched. */
static void
update_lists (BriAtlas        *self,
              BriPassage      *passage,
              BriPassageLinks *old,
              GHashTable      *touched)
{
  BriPassageLinks *now = g_hash_table_lookup (self->passage_links, passage);
  GHashTableIter iter;
  gpointer key;

  if (old != NULL)
    {
      g_hash_table_iter_init (&iter, old->features);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (now == NULL || !g_hash_table_contains (now->features, key))
          store_remove (g_hash_table_lookup (self->feature_passages, key), passage);

      g_hash_table_iter_init (&iter, old->scores);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (_bri_passage_links_get_score (now, key) != _bri_passage_links_get_score (old, key))
          {
            store_remove (g_hash_table_lookup (self->country_passages, key), passage);
            g_hash_table_add (touched, key);
          }
    }

  if (now != NULL)
    {
      g_hash_table_iter_init (&iter, now->features);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (old == NULL || !g_hash_table_contains (old->features, key))
          g_list_store_insert_sorted (store_for (self->feature_passages, key, BRI_TYPE_PASSAGE),
                                      passage, compare_passages_in_order, self);

      g_hash_table_iter_init (&iter, now->scores);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (_bri_passage_links_get_score (now, key) != _bri_passage_links_get_score (old, key))
          {
            RankContext ctx = { self, key };

            g_list_store_insert_sorted (store_for (self->country_passages, key, BRI_TYPE_PASSAGE),
                                        passage, compare_passages_ranked, &ctx);
            g_hash_table_add (touched, key);
          }
    }
}

/* Gives @passage its new mentions and moves it between the lists;
 * @links NULL takes it out of every list. */
static void
set_passage_links (BriAtlas        *self,
                   BriPassage      *passage,
                   GPtrArray       *mentions,
                   BriPassageLinks *links,
                   GHashTable      *touched)
{
  g_autoptr(BriPassageLinks) old = NULL;

  g_hash_table_steal_extended (self->passage_links, passage, NULL, (gpointer *) &old);
  if (links != NULL)
    g_hash_table_insert (self->passage_links, passage, links);
  update_lists (self, passage, old, touched);
  if (mentions != NULL)
    bri_passage_set_mentions (passage, mentions);
}

static void
remove_from_model (GListStore *store,
                   gpointer    item)
{
  store_remove (store, item);
}

static void
remove_documents (BriAtlas   *self,
                  GPtrArray  *documents,
                  GHashTable *touched)
{
  for (guint d = 0; d < documents->len; d++)
    {
      BriDocument *document = g_ptr_array_index (documents, d);
      GListModel *passages = bri_document_get_passages (document);

      for (guint p = 0; p < g_list_model_get_n_items (passages); p++)
        {
          g_autoptr(BriPassage) passage = g_list_model_get_item (passages, p);

          set_passage_links (self, passage, NULL, NULL, touched);
        }

      g_hash_table_remove (self->document_by_id, bri_document_get_id (document));
      remove_from_model (self->documents, document);
    }
}

static void
remove_features (BriAtlas   *self,
                 GPtrArray  *features,
                 GHashTable *touched)
{
  for (guint f = 0; f < features->len; f++)
    {
      BriFeature *feature = g_ptr_array_index (features, f);
      GListStore *passages = g_hash_table_lookup (self->feature_passages, feature);

      /* Whoever shows the list sees it empty before it goes. */
      if (passages != NULL)
        g_list_store_remove_all (passages);
      g_hash_table_remove (self->feature_passages, feature);

      for (const char * const *c = bri_feature_get_countries (feature); *c; c++)
        {
          BriCountry *country = g_hash_table_lookup (self->country_by_code, *c);

          if (country != NULL)
            {
              store_remove (g_hash_table_lookup (self->country_features, country), feature);
              g_hash_table_add (touched, country);
            }
        }

      g_hash_table_remove (self->feature_by_id, bri_feature_get_id (feature));
      remove_from_model (self->features, feature);
    }
}

static int
compare_countries_by_name (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  return g_utf8_collate (bri_country_get_name ((BriCountry *) a), bri_country_get_name ((BriCountry *) b));
}

static int
compare_country_pointers (gconstpointer a,
                          gconstpointer b)
{
  return compare_countries_by_name (*(BriCountry **) a, *(BriCountry **) b, NULL);
}

static void
add_countries (BriAtlas  *self,
               GPtrArray *countries)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (countries, copy_object, NULL);

  g_ptr_array_sort (sorted, compare_country_pointers);
  for (guint i = 0; i < sorted->len; i++)
    {
      BriCountry *country = g_ptr_array_index (sorted, i);

      g_hash_table_insert (self->country_by_code, (gpointer) bri_country_get_code (country), country);
      g_hash_table_insert (self->country_by_numeric, GINT_TO_POINTER (bri_country_get_numeric (country)),
                           country);
    }

  if (sorted->len == 0)
    return;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->countries)) == 0)
    g_list_store_splice (self->countries, 0, 0, sorted->pdata, sorted->len);
  else
    for (guint i = 0; i < sorted->len; i++)
      g_list_store_insert_sorted (self->countries, g_ptr_array_index (sorted, i),
                                  compare_countries_by_name, NULL);
}

static void
add_features (BriAtlas   *self,
              GPtrArray  *features,
              GHashTable *touched)
{
  for (guint f = 0; f < features->len; f++)
    {
      BriFeature *feature = g_ptr_array_index (features, f);

      g_hash_table_insert (self->feature_by_id, (gpointer) bri_feature_get_id (feature), feature);
      for (const char * const *c = bri_feature_get_countries (feature); *c; c++)
        {
          BriCountry *country = g_hash_table_lookup (self->country_by_code, *c);

          if (country == NULL)
            {
              g_message ("Feature “%s” names an unknown country “%s”", bri_feature_get_id (feature), *c);
              continue;
            }
          g_list_store_append (store_for (self->country_features, country, BRI_TYPE_FEATURE), feature);
          g_hash_table_add (touched, country);
        }
    }

  if (features->len > 0)
    g_list_store_splice (self->features, g_list_model_get_n_items (G_LIST_MODEL (self->features)), 0,
                         features->pdata, features->len);
}

static void
add_documents (BriAtlas  *self,
               GPtrArray *documents)
{
  for (guint d = 0; d < documents->len; d++)
    {
      BriDocument *document = g_ptr_array_index (documents, d);

      g_hash_table_insert (self->document_by_id, (gpointer) bri_document_get_id (document), document);
    }

  if (documents->len > 0)
    g_list_store_splice (self->documents, g_list_model_get_n_items (G_LIST_MODEL (self->documents)), 0,
                         documents->pdata, documents->len);
}

/* Positions and the flat passage list follow the documents. */
static void
update_document_order (BriAtlas *self)
{
  GListModel *documents = G_LIST_MODEL (self->documents);

  g_hash_table_remove_all (self->document_order);
  g_ptr_array_set_size (self->passages, 0);
  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(BriDocument) document = g_list_model_get_item (documents, d);
      GListModel *passages = bri_document_get_passages (document);

      g_hash_table_insert (self->document_order, document, GUINT_TO_POINTER (d + 1));
      for (guint p = 0; p < g_list_model_get_n_items (passages); p++)
        g_ptr_array_add (self->passages, g_list_model_get_item (passages, p));
    }
}

/* Tells whoever lists countries that these ones' places or passages
 * changed: the same item, replaced in place. */
static void
countries_changed (BriAtlas   *self,
                   GHashTable *touched)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint position;

      if (g_list_store_find (self->countries, key, &position))
        g_list_store_splice (self->countries, position, 1, &key, 1);
    }
}

static void
apply_change (BriAtlas *self,
              Change   *change)
{
  g_autoptr(GHashTable) touched = g_hash_table_new (NULL, NULL);
  gint64 start = g_get_monotonic_time ();
  gboolean documents_changed = change->added_documents->len > 0 || change->removed_documents->len > 0;

  remove_documents (self, change->removed_documents, touched);
  remove_features (self, change->removed_features, touched);
  add_countries (self, change->added_countries);
  add_features (self, change->added_features, touched);
  add_documents (self, change->added_documents);
  if (documents_changed)
    update_document_order (self);

  for (guint i = 0; i < change->relinks->len; i++)
    {
      BriRelink *relink = g_ptr_array_index (change->relinks, i);

      set_passage_links (self, relink->passage, relink->mentions, g_steal_pointer (&relink->links), touched);
    }

  g_clear_pointer (&self->linker, bri_linker_unref);
  self->linker = bri_linker_ref (change->linker);

  for (guint i = 0; i < change->remove_sources->len; i++)
    remove_from_model (self->sources, g_ptr_array_index (change->remove_sources, i));
  for (guint i = 0; i < change->add_sources->len; i++)
    {
      GPtrArray *problems = bri_source_get_problems (g_ptr_array_index (change->add_sources, i));

      g_list_store_append (self->sources, g_ptr_array_index (change->add_sources, i));
      for (guint p = 0; p < problems->len; p++)
        g_ptr_array_add (self->problems, g_error_copy (g_ptr_array_index (problems, p)));
    }

  countries_changed (self, touched);
  change->timings.apply_ms = ms_since (start);

  if (!self->loaded)
    {
      self->loaded = TRUE;
      self->timings = change->timings;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
}

/* Changes, one at a time */

static void start_next_change (BriAtlas *self);

static void
change_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Change *change = task_data;
  GError *error = NULL;

  if (run_change (change, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_change_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BriAtlas *self = BRI_ATLAS (object);
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;

  self->changing = FALSE;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      apply_change (self, g_task_get_task_data (G_TASK (result)));
      g_task_return_boolean (outer, TRUE);
    }
  else
    {
      g_task_return_error (outer, error);
    }

  start_next_change (self);
}

static void
start_next_change (BriAtlas *self)
{
  GTask *outer;
  g_autoptr(GTask) inner = NULL;
  Change *change;

  if (self->changing || g_queue_is_empty (&self->pending))
    return;

  outer = g_queue_pop_head (&self->pending);
  change = g_task_get_task_data (outer);
  change_take_snapshot (change, self);
  self->changing = TRUE;

  /* The inner task runs the worker; its completion, back on this
   * thread, applies the change before the caller hears of it. */
  inner = g_task_new (self, g_task_get_cancellable (outer), on_change_done, outer);
  g_task_set_source_tag (inner, start_next_change);
  g_task_set_task_data (inner, g_task_get_task_data (outer), NULL);
  g_task_run_in_thread (inner, change_thread);
}

static void
queue_change (BriAtlas            *self,
              Change              *change,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, change, (GDestroyNotify) change_free);
  g_queue_push_tail (&self->pending, task);
  start_next_change (self);
}

/* For the command line and tests, which have no main loop to spare. */
static gboolean
change_sync (BriAtlas      *self,
             Change        *change,
             GCancellable  *cancellable,
             GError       **error)
{
  g_return_val_if_fail (!self->changing && g_queue_is_empty (&self->pending), FALSE);

  change_take_snapshot (change, self);
  if (!run_change (change, cancellable, error))
    return FALSE;

  apply_change (self, change);
  return TRUE;
}

static BriSource *
builtin_source (BriAtlas *self)
{
  return bri_source_new_for_directory (BRI_SOURCE_BUILTIN_ID, _("Built-in documents and gazetteer"),
                                       self->data_dir);
}

/* A change that adds @add or removes @remove (transfer full, either). */
static Change *
change_for (BriSource *add,
            BriSource *remove)
{
  g_autoptr(GPtrArray) adding = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) removing = g_ptr_array_new_with_free_func (g_object_unref);

  if (add != NULL)
    g_ptr_array_add (adding, add);
  if (remove != NULL)
    g_ptr_array_add (removing, remove);

  return change_new (adding, removing);
}

static gboolean
change_finish (BriAtlas      *self,
               GAsyncResult  *result,
               GError       **error)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * bri_atlas_load_async:
 *
 * Loads, links and indexes the built-in data in a worker thread.
 */
void
bri_atlas_load_async (BriAtlas            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (BRI_IS_ATLAS (self));
  g_return_if_fail (!self->loaded);

  queue_change (self, change_for (builtin_source (self), NULL), bri_atlas_load_async,
                cancellable, callback, user_data);
}

gboolean
bri_atlas_load_finish (BriAtlas      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  return change_finish (self, result, error);
}

gboolean
bri_atlas_load (BriAtlas      *self,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(Change) change = NULL;

  g_return_val_if_fail (BRI_IS_ATLAS (self), FALSE);
  g_return_val_if_fail (!self->loaded, FALSE);

  change = change_for (builtin_source (self), NULL);
  return change_sync (self, change, cancellable, error);
}

/**
 * bri_atlas_add_source_async:
 * @source: documents and features to add; loaded in a worker thread if
 *   it is not yet
 *
 * Adds @source after the sources the atlas has: its documents are
 * linked against every place, every document against its places, and
 * all of it indexed, in a worker thread; then the models change.  Fails
 * when an id of @source is already in the atlas.
 */
void
bri_atlas_add_source_async (BriAtlas            *self,
                            BriSource           *source,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (BRI_IS_ATLAS (self));
  g_return_if_fail (BRI_IS_SOURCE (source));

  queue_change (self, change_for (g_object_ref (source), NULL), bri_atlas_add_source_async,
                cancellable, callback, user_data);
}

gboolean
bri_atlas_add_source_finish (BriAtlas      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return change_finish (self, result, error);
}

/* For the command line and tests: the same, in the calling thread. */
gboolean
bri_atlas_add_source (BriAtlas      *self,
                      BriSource     *source,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(Change) change = NULL;

  g_return_val_if_fail (BRI_IS_ATLAS (self), FALSE);
  g_return_val_if_fail (BRI_IS_SOURCE (source), FALSE);

  change = change_for (g_object_ref (source), NULL);
  return change_sync (self, change, cancellable, error);
}

/**
 * bri_atlas_remove_source_async:
 *
 * Takes @source and every trace of its records out of the atlas: its
 * documents, its places and the links other passages had to them.
 */
void
bri_atlas_remove_source_async (BriAtlas            *self,
                               BriSource           *source,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (BRI_IS_ATLAS (self));
  g_return_if_fail (BRI_IS_SOURCE (source));

  queue_change (self, change_for (NULL, g_object_ref (source)), bri_atlas_remove_source_async,
                cancellable, callback, user_data);
}

gboolean
bri_atlas_remove_source_finish (BriAtlas      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return change_finish (self, result, error);
}

gboolean
bri_atlas_remove_source (BriAtlas      *self,
                         BriSource     *source,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(Change) change = NULL;

  g_return_val_if_fail (BRI_IS_ATLAS (self), FALSE);
  g_return_val_if_fail (BRI_IS_SOURCE (source), FALSE);

  change = change_for (NULL, g_object_ref (source));
  return change_sync (self, change, cancellable, error);
}

/* GObject */

static void
bri_atlas_dispose (GObject *object)
{
  BriAtlas *self = (BriAtlas *)object;

  g_clear_object (&self->sources);
  g_clear_object (&self->documents);
  g_clear_object (&self->features);
  g_clear_object (&self->countries);
  g_clear_object (&self->regions);

  G_OBJECT_CLASS (bri_atlas_parent_class)->dispose (object);
}

static void
bri_atlas_finalize (GObject *object)
{
  BriAtlas *self = (BriAtlas *)object;

  /* A running change holds a reference: none is running now. */
  g_assert (!self->changing && g_queue_is_empty (&self->pending));

  g_clear_pointer (&self->search, bri_search_free);
  g_clear_pointer (&self->linker, bri_linker_unref);
  g_clear_pointer (&self->feature_passages, g_hash_table_unref);
  g_clear_pointer (&self->country_passages, g_hash_table_unref);
  g_clear_pointer (&self->country_features, g_hash_table_unref);
  g_clear_pointer (&self->passage_links, g_hash_table_unref);
  g_clear_pointer (&self->passages, g_ptr_array_unref);
  g_clear_pointer (&self->document_order, g_hash_table_unref);
  g_clear_pointer (&self->document_by_id, g_hash_table_unref);
  g_clear_pointer (&self->feature_by_id, g_hash_table_unref);
  g_clear_pointer (&self->country_by_code, g_hash_table_unref);
  g_clear_pointer (&self->country_by_numeric, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
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
      g_value_set_boolean (value, self->loaded);
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

/* The search tables are small and read at once: a data directory
 * without them (a test's) uses the built-in ones.  Failing to open an
 * in-memory database is running out of memory. */
static void
setup_search (BriAtlas *self)
{
  g_autoptr(GFile) dir = g_file_get_child (self->data_dir, "search");
  g_autoptr(BriSearchTables) tables = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_query_exists (dir, NULL))
    tables = bri_search_tables_new_from_dir (dir, &error);
  else
    {
      g_autoptr(GFile) builtin = g_file_new_for_uri (BRI_SEARCH_TABLES_RESOURCE_URI);

      tables = bri_search_tables_new_from_dir (builtin, &error);
    }
  if (tables == NULL)
    g_error ("The search tables cannot be read: %s", error->message);

  self->search = bri_search_new (tables, &error);
  if (self->search == NULL)
    g_error ("%s", error->message);

  for (guint i = 0; i < bri_search_tables_get_n_regions (tables); i++)
    {
      const BriSearchRegion *r = bri_search_tables_get_region (tables, i);
      g_autoptr(BriRegion) region = bri_region_new (r->id, r->name, (const char * const *) r->countries);

      g_list_store_append (self->regions, region);
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

  setup_search (self);
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
  self->sources = g_list_store_new (BRI_TYPE_SOURCE);
  self->documents = g_list_store_new (BRI_TYPE_DOCUMENT);
  self->features = g_list_store_new (BRI_TYPE_FEATURE);
  self->countries = g_list_store_new (BRI_TYPE_COUNTRY);
  self->document_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->feature_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->country_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->country_by_numeric = g_hash_table_new (NULL, NULL);
  self->document_order = g_hash_table_new (NULL, NULL);
  self->passages = object_array ();
  self->passage_links = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) _bri_passage_links_free);
  self->feature_passages = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->country_passages = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->country_features = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  self->regions = g_list_store_new (BRI_TYPE_REGION);
  g_queue_init (&self->pending);
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

/* Reading the models */

gboolean
bri_atlas_is_loaded (BriAtlas *self)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), FALSE);
  return self->loaded;
}

/* How long the first load took, step by step. */
const BriAtlasTimings *
bri_atlas_get_timings (BriAtlas *self)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (self->loaded, NULL);
  return &self->timings;
}

/* Returns: (transfer none): the #BriSource<!-- -->s, in order */
GListModel *
bri_atlas_get_sources (BriAtlas *self)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  return G_LIST_MODEL (self->sources);
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

/* Returns: (transfer none): the #BriRegion<!-- -->s search knows */
GListModel *
bri_atlas_get_regions (BriAtlas *self)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  return G_LIST_MODEL (self->regions);
}

BriRegion *
bri_atlas_lookup_region (BriAtlas   *self,
                         const char *id)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->regions)); i++)
    {
      BriRegion *region = g_list_model_get_item (G_LIST_MODEL (self->regions), i);

      g_object_unref (region);
      if (g_str_equal (bri_region_get_id (region), id))
        return region;
    }

  return NULL;
}

/* Returns: the country's share in what the passage says, 0 when it says
 *   nothing of it */
double
bri_atlas_get_passage_country_score (BriAtlas   *self,
                                     BriPassage *passage,
                                     BriCountry *country)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), 0);

  return _bri_passage_links_get_score (g_hash_table_lookup (self->passage_links, passage), country);
}

GListModel *
bri_atlas_get_documents (BriAtlas *self)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  return G_LIST_MODEL (self->documents);
}

/* Returns: (element-type GError) (transfer none): every record a source
 *   could not read and left out */
GPtrArray *
bri_atlas_get_problems (BriAtlas *self)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  return self->problems;
}

guint
bri_atlas_get_n_passages (BriAtlas *self)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), 0);
  return self->passages->len;
}

/* @index: in the order of the documents, then of their passages */
BriPassage *
bri_atlas_get_passage (BriAtlas *self,
                       guint     index)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (index < self->passages->len, NULL);

  return g_ptr_array_index (self->passages, index);
}

BriFeature *
bri_atlas_lookup_feature (BriAtlas   *self,
                          const char *id)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->feature_by_id, id);
}

/* By alpha-2 code, any case. */
BriCountry *
bri_atlas_lookup_country (BriAtlas   *self,
                          const char *code)
{
  g_autofree char *upper = NULL;

  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  upper = g_ascii_strup (code, -1);
  return g_hash_table_lookup (self->country_by_code, upper);
}

BriCountry *
bri_atlas_lookup_country_numeric (BriAtlas *self,
                                  int       numeric)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);

  return g_hash_table_lookup (self->country_by_numeric, GINT_TO_POINTER (numeric));
}

BriDocument *
bri_atlas_lookup_document (BriAtlas   *self,
                           const char *id)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->document_by_id, id);
}

/* Returns: (nullable): the passage, if its document is in the atlas */
BriPassage *
bri_atlas_lookup_passage (BriAtlas   *self,
                          const char *document_id,
                          guint       ordinal)
{
  BriDocument *document;

  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (document_id != NULL, NULL);

  document = bri_atlas_lookup_document (self, document_id);
  if (document == NULL || ordinal >= bri_document_get_n_passages (document))
    return NULL;

  return bri_document_get_passage (document, ordinal);
}

/* The linker the passages were linked with: every name of every feature
 * and country.  It is replaced, never changed, when places come or go. */
BriLinker *
bri_atlas_get_linker (BriAtlas *self)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (self->linker != NULL, NULL);

  return self->linker;
}

/**
 * bri_atlas_get_feature_passages:
 *
 * Returns: (transfer full): the passages that speak of @feature, in
 *   document order; the list follows the atlas as it changes
 */
GListModel *
bri_atlas_get_feature_passages (BriAtlas   *self,
                                BriFeature *feature)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (BRI_IS_FEATURE (feature), NULL);

  return g_object_ref (G_LIST_MODEL (store_for (self->feature_passages, feature, BRI_TYPE_PASSAGE)));
}

/**
 * bri_atlas_get_country_passages:
 *
 * Returns: (transfer full): the passages that name @country or one of
 *   its features, best first; the list follows the atlas as it changes
 */
GListModel *
bri_atlas_get_country_passages (BriAtlas   *self,
                                BriCountry *country)
{
  g_return_val_if_fail (BRI_IS_ATLAS (self), NULL);
  g_return_val_if_fail (BRI_IS_COUNTRY (country), NULL);

  return g_object_ref (G_LIST_MODEL (store_for (self->country_passages, country, BRI_TYPE_PASSAGE)));
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

  return g_object_ref (G_LIST_MODEL (store_for (self->country_features, country, BRI_TYPE_FEATURE)));
}

/* For the search (bri-atlas-search.c). */
BriSearch *
_bri_atlas_get_search (BriAtlas *self)
{
  return self->search;
}
