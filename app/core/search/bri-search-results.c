/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSearchResults: a GListModel of BriSearchResult — places, regions
 * and countries first, then passages — with the query as it was read:
 * the correction made to it ("Showing results for Gwadar") and notes
 * about what could not be used ("No field “colour”"). */

#define G_LOG_DOMAIN "bri-search"

#include "config.h"

#include "bri-search-results.h"

struct _BriSearchResults
{
  GObject       parent_instance;

  char         *query;
  char         *corrected;
  GPtrArray    *results;
  GPtrArray    *messages;   /* of char*, NULL-terminated */
};

static GType
bri_search_results_get_item_type (GListModel *model)
{
  return BRI_TYPE_SEARCH_RESULT;
}

static guint
bri_search_results_get_n_items (GListModel *model)
{
  return BRI_SEARCH_RESULTS (model)->results->len;
}

static gpointer
bri_search_results_get_item (GListModel *model,
                             guint       position)
{
  BriSearchResults *self = BRI_SEARCH_RESULTS (model);

  if (position >= self->results->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->results, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bri_search_results_get_item_type;
  iface->get_n_items = bri_search_results_get_n_items;
  iface->get_item = bri_search_results_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (BriSearchResults, bri_search_results, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
bri_search_results_finalize (GObject *object)
{
  BriSearchResults *self = (BriSearchResults *)object;

  g_free (self->query);
  g_free (self->corrected);
  g_ptr_array_unref (self->results);
  g_ptr_array_unref (self->messages);

  G_OBJECT_CLASS (bri_search_results_parent_class)->finalize (object);
}

static void
bri_search_results_class_init (BriSearchResultsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bri_search_results_finalize;
}

static void
bri_search_results_init (BriSearchResults *self)
{
  self->results = g_ptr_array_new_with_free_func (g_object_unref);
  self->messages = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->messages, NULL);
}

BriSearchResults *
bri_search_results_new (const char *query)
{
  BriSearchResults *self = g_object_new (BRI_TYPE_SEARCH_RESULTS, NULL);

  self->query = g_strdup (query);
  return self;
}

/* While the results are being made; nobody is listening yet. */
void
bri_search_results_append (BriSearchResults *self,
                           BriSearchResult  *result)
{
  g_return_if_fail (BRI_IS_SEARCH_RESULTS (self));
  g_return_if_fail (BRI_IS_SEARCH_RESULT (result));

  g_ptr_array_add (self->results, g_object_ref (result));
}

/* Puts a place after the other places, before the first passage. */
void
bri_search_results_insert_before_passages (BriSearchResults *self,
                                           BriSearchResult  *result)
{
  guint at = 0;

  g_return_if_fail (BRI_IS_SEARCH_RESULTS (self));
  g_return_if_fail (BRI_IS_SEARCH_RESULT (result));

  while (at < self->results->len &&
         bri_search_result_get_kind (g_ptr_array_index (self->results, at)) != BRI_SEARCH_RESULT_PASSAGE)
    at++;
  g_ptr_array_insert (self->results, at, g_object_ref (result));
}

const char *
bri_search_results_get_query (BriSearchResults *self)
{
  g_return_val_if_fail (BRI_IS_SEARCH_RESULTS (self), NULL);
  return self->query;
}

/* Returns: (nullable): the query with its misspellings corrected, when
 *   the results are for that instead of what was typed */
const char *
bri_search_results_get_corrected (BriSearchResults *self)
{
  g_return_val_if_fail (BRI_IS_SEARCH_RESULTS (self), NULL);
  return self->corrected;
}

void
bri_search_results_set_corrected (BriSearchResults *self,
                                  const char       *corrected)
{
  g_return_if_fail (BRI_IS_SEARCH_RESULTS (self));

  g_free (self->corrected);
  self->corrected = g_strdup (corrected);
}

/* Returns: (transfer none): notes for the user, in their language */
const char * const *
bri_search_results_get_messages (BriSearchResults *self)
{
  g_return_val_if_fail (BRI_IS_SEARCH_RESULTS (self), NULL);
  return (const char * const *) self->messages->pdata;
}

void
bri_search_results_add_message (BriSearchResults *self,
                                const char       *message)
{
  g_return_if_fail (BRI_IS_SEARCH_RESULTS (self));

  g_ptr_array_insert (self->messages, self->messages->len - 1, g_strdup (message));
}

guint
bri_search_results_count (BriSearchResults    *self,
                          BriSearchResultKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (BRI_IS_SEARCH_RESULTS (self), 0);

  for (guint i = 0; i < self->results->len; i++)
    n += bri_search_result_get_kind (g_ptr_array_index (self->results, i)) == kind;

  return n;
}
