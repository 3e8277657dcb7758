/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSearchTables: the data files search reads (data/search/):
 *
 * - synonyms.txt: one group of equivalent words or phrases a line,
 *   "railway | rail | railroad | train"; a group holding a feature kind's
 *   name or plural also stands for that kind;
 * - stopwords.txt: words too common to look for alone;
 * - regions.json: regions (UN M49 and common names) and their countries.
 *
 * Everything is folded (bri_text_fold) once, here, so lookups compare
 * folded text.  Immutable once read: any thread may read it. */

#define G_LOG_DOMAIN "bri-search"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bri-json-record.h"
#include "bri-search-private.h"
#include "bri-search-tables.h"
#include "bri-text-fold.h"

typedef struct
{
  char **members;   /* as written */
  int    kind;      /* a BriFeatureKind, or -1 */
} Group;

struct _BriSearchTables
{
  gatomicrefcount  ref_count;
  GHashTable      *stop_words;      /* folded word set */
  GPtrArray       *groups;          /* of Group */
  GHashTable      *group_of;        /* folded member → Group */
  guint            longest_synonym; /* in words */
  GArray          *regions;         /* of BriSearchRegion */
  GHashTable      *region_of;       /* folded name or alias → index + 1 */
  guint            longest_region;  /* in words */
};

static void
group_free (Group *group)
{
  g_strfreev (group->members);
  g_free (group);
}

static void
region_clear (BriSearchRegion *region)
{
  g_free (region->id);
  g_free (region->name);
  g_strfreev (region->aliases);
  g_strfreev (region->countries);
}

static guint
count_words (const char *folded)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gboolean word = bri_text_fold_is_word_char (g_utf8_get_char (p));

      if (word && !in_word)
        n++;
      in_word = word;
    }

  return n;
}

static GBytes *
load (GFile       *dir,
      const char  *name,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_get_child (dir, name);
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, error);

  if (bytes != NULL && !g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: not UTF-8 text"), name);
      g_clear_pointer (&bytes, g_bytes_unref);
    }

  return bytes;
}

/* Lines without comments and blank ones. */
static char **
read_lines (GBytes *bytes)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  char **lines = g_strsplit (text, "\n", -1);
  guint kept = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *hash = strchr (lines[i], '#');

      if (hash != NULL)
        *hash = '\0';
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        g_free (lines[i]);
      else
        lines[kept++] = lines[i];
    }
  lines[kept] = NULL;

  return lines;
}

static int
kind_named (const char *folded)
{
  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    {
      g_autofree char *id = _bri_search_fold_phrase (bri_feature_kind_to_string (k));
      g_autofree char *label = _bri_search_fold_phrase (bri_feature_kind_get_label (k));
      g_autofree char *plural = _bri_search_fold_phrase (bri_feature_kind_get_plural_label (k));

      if (g_str_equal (folded, id) || g_str_equal (folded, label) || g_str_equal (folded, plural))
        return k;
    }

  return -1;
}

static gboolean
read_synonyms (BriSearchTables  *self,
               GBytes           *bytes,
               GError          **error)
{
  g_auto(GStrv) lines = read_lines (bytes);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      Group *group = g_new0 (Group, 1);
      g_auto(GStrv) members = g_strsplit (lines[i], "|", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();

      group->kind = -1;
      g_ptr_array_add (self->groups, group);
      for (guint m = 0; members[m] != NULL; m++)
        {
          char *member = g_strstrip (members[m]);
          g_autofree char *folded = _bri_search_fold_phrase (member);

          if (folded[0] == '\0')
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("synonyms.txt: an empty member in “%s”"), lines[i]);
              return FALSE;
            }
          g_strv_builder_add (kept, member);
          if (group->kind < 0)
            group->kind = kind_named (folded);
          self->longest_synonym = MAX (self->longest_synonym, count_words (folded));
          /* A word in two groups belongs to the first; later lines add
           * spellings, not meanings. */
          if (!g_hash_table_contains (self->group_of, folded))
            g_hash_table_insert (self->group_of, g_steal_pointer (&folded), group);
        }
      group->members = g_strv_builder_end (kept);
    }

  return TRUE;
}

static gboolean
read_regions (BriSearchTables  *self,
              GBytes           *bytes,
              GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonNode *list;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "regions.json: %s", local_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (list = json_object_get_member (json_node_get_object (root), "regions")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("regions.json: not an object with a “regions” array"));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (list), i);
      BriJsonRecord record;
      BriSearchRegion region = { 0 };
      const char *id = NULL, *name = NULL;
      gboolean ok;

      bri_json_record_init (&record, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      bri_json_record_set_where (&record, "regions.json: region %u", i);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        ok = bri_json_record_fail (&record, error, _("not an object"));
      else
        {
          JsonObject *object = json_node_get_object (node);

          ok = bri_json_record_get_string (&record, object, "id", BRI_JSON_REQUIRED | BRI_JSON_NON_EMPTY, &id, error) &&
               bri_json_record_get_string (&record, object, "name", BRI_JSON_REQUIRED | BRI_JSON_NON_EMPTY, &name, error) &&
               bri_json_record_get_strv (&record, object, "aliases", BRI_JSON_NON_EMPTY, &region.aliases, error) &&
               bri_json_record_get_strv (&record, object, "countries", BRI_JSON_REQUIRED | BRI_JSON_NON_EMPTY,
                                         &region.countries, error);
        }
      bri_json_record_clear (&record);
      region.id = g_strdup (id);
      region.name = g_strdup (name);
      if (!ok)
        {
          region_clear (&region);
          return FALSE;
        }
      if (region.aliases == NULL)
        region.aliases = g_new0 (char *, 1);

      g_array_append_val (self->regions, region);
      {
        const BriSearchRegion *r = &g_array_index (self->regions, BriSearchRegion, self->regions->len - 1);
        g_autofree char *folded = _bri_search_fold_phrase (r->name);

        /* "the Balkans" is also "Balkans". */
        if (g_str_has_prefix (folded, "the "))
          {
            g_hash_table_insert (self->region_of, g_strdup (folded + 4), GUINT_TO_POINTER (i + 1));
            self->longest_region = MAX (self->longest_region, count_words (folded + 4));
          }
        self->longest_region = MAX (self->longest_region, count_words (folded));
        g_hash_table_insert (self->region_of, g_steal_pointer (&folded), GUINT_TO_POINTER (i + 1));
        for (guint a = 0; r->aliases[a] != NULL; a++)
          {
            g_autofree char *alias = _bri_search_fold_phrase (r->aliases[a]);

            self->longest_region = MAX (self->longest_region, count_words (alias));
            g_hash_table_insert (self->region_of, g_steal_pointer (&alias), GUINT_TO_POINTER (i + 1));
          }
      }
    }

  return TRUE;
}

/**
 * bri_search_tables_new_from_dir:
 * @search_dir: holds synonyms.txt, stopwords.txt and regions.json; a real
 *   directory or BRI_SEARCH_TABLES_RESOURCE_URI
 */
BriSearchTables *
bri_search_tables_new_from_dir (GFile   *search_dir,
                                GError **error)
{
  BriSearchTables *self = g_new0 (BriSearchTables, 1);
  g_autoptr(BriSearchTables) owned = self;
  g_autoptr(GBytes) stop_words = NULL;
  g_autoptr(GBytes) synonyms = NULL;
  g_autoptr(GBytes) regions = NULL;

  g_atomic_ref_count_init (&self->ref_count);
  self->stop_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->group_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->regions = g_array_new (FALSE, TRUE, sizeof (BriSearchRegion));
  g_array_set_clear_func (self->regions, (GDestroyNotify) region_clear);
  self->region_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if ((stop_words = load (search_dir, "stopwords.txt", error)) == NULL ||
      (synonyms = load (search_dir, "synonyms.txt", error)) == NULL ||
      (regions = load (search_dir, "regions.json", error)) == NULL)
    return NULL;

  {
    g_auto(GStrv) lines = read_lines (stop_words);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) words = g_strsplit_set (lines[i], " \t", -1);

        for (guint w = 0; words[w] != NULL; w++)
          if (words[w][0] != '\0')
            g_hash_table_add (self->stop_words, _bri_search_fold_phrase (words[w]));
      }
  }

  if (!read_synonyms (self, synonyms, error) || !read_regions (self, regions, error))
    return NULL;

  return g_steal_pointer (&owned);
}

BriSearchTables *
bri_search_tables_ref (BriSearchTables *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bri_search_tables_unref (BriSearchTables *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->stop_words);
  g_hash_table_unref (self->group_of);
  g_ptr_array_unref (self->groups);
  g_hash_table_unref (self->region_of);
  g_array_unref (self->regions);
  g_free (self);
}

gboolean
bri_search_tables_is_stop_word (BriSearchTables *self,
                                const char      *folded_word)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_hash_table_contains (self->stop_words, folded_word);
}

/**
 * bri_search_tables_get_synonyms:
 * @folded_phrase: folded words separated by single spaces
 * @kind: (out) (optional): the feature kind the group stands for, or -1
 *
 * Returns: (nullable): every member of the phrase's group, as written
 */
const char * const *
bri_search_tables_get_synonyms (BriSearchTables *self,
                                const char      *folded_phrase,
                                int             *kind)
{
  Group *group;

  g_return_val_if_fail (self != NULL, NULL);

  group = g_hash_table_lookup (self->group_of, folded_phrase);
  if (kind != NULL)
    *kind = group ? group->kind : -1;

  return group ? (const char * const *) group->members : NULL;
}

guint
bri_search_tables_get_longest_synonym (BriSearchTables *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->longest_synonym;
}

/* @folded_phrase: folded words separated by single spaces */
const BriSearchRegion *
bri_search_tables_find_region (BriSearchTables *self,
                               const char      *folded_phrase)
{
  guint index;

  g_return_val_if_fail (self != NULL, NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->region_of, folded_phrase));
  return index > 0 ? &g_array_index (self->regions, BriSearchRegion, index - 1) : NULL;
}

const BriSearchRegion *
bri_search_tables_lookup_region (BriSearchTables *self,
                                 const char      *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->regions->len; i++)
    if (g_str_equal (g_array_index (self->regions, BriSearchRegion, i).id, id))
      return &g_array_index (self->regions, BriSearchRegion, i);

  return NULL;
}

guint
bri_search_tables_get_n_regions (BriSearchTables *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->regions->len;
}

const BriSearchRegion *
bri_search_tables_get_region (BriSearchTables *self,
                              guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->regions->len, NULL);

  return &g_array_index (self->regions, BriSearchRegion, index);
}

guint
bri_search_tables_get_longest_region (BriSearchTables *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->longest_region;
}
