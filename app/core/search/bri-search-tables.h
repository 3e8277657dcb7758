/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSearchTables: what search knows of the language, kept in data files
 * (data/search/): groups of words that mean the same, words too common
 * to look for, and the world's regions with their countries. */
#pragma once

#include <gio/gio.h>

#include "bri-feature-kind.h"

G_BEGIN_DECLS

#define BRI_SEARCH_TABLES_RESOURCE_URI "resource:///org/example/BriAtlas/data/search"

typedef struct _BriSearchTables BriSearchTables;

typedef struct
{
  char  *id;          /* "east-africa" */
  char  *name;        /* "East Africa" */
  char **aliases;
  char **countries;   /* alpha-2 */
} BriSearchRegion;

BriSearchTables       *bri_search_tables_new_from_dir   (GFile            *search_dir,
                                                         GError          **error);
BriSearchTables       *bri_search_tables_ref            (BriSearchTables  *self);
void                   bri_search_tables_unref          (BriSearchTables  *self);

gboolean               bri_search_tables_is_stop_word   (BriSearchTables  *self,
                                                         const char       *folded_word);
const char * const    *bri_search_tables_get_synonyms   (BriSearchTables  *self,
                                                         const char       *folded_phrase,
                                                         int              *kind);
guint                  bri_search_tables_get_longest_synonym (BriSearchTables *self);
const BriSearchRegion *bri_search_tables_find_region    (BriSearchTables  *self,
                                                         const char       *folded_phrase);
const BriSearchRegion *bri_search_tables_lookup_region  (BriSearchTables  *self,
                                                         const char       *id);
guint                  bri_search_tables_get_n_regions  (BriSearchTables  *self);
const BriSearchRegion *bri_search_tables_get_region     (BriSearchTables  *self,
                                                         guint             index);
guint                  bri_search_tables_get_longest_region (BriSearchTables *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriSearchTables, bri_search_tables_unref)

G_END_DECLS
