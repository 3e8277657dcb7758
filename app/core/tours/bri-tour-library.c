/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriTourLibrary: a GListModel of BriTour — the built-in tours (compiled
 * into the data resource, read-only) first, then the user's own, one
 * .briatour file each in $XDG_DATA_HOME/bri-atlas/tours, by id.
 *
 * Every change to a user tour is written at once, atomically (a new file
 * renamed over the old).  A user file that cannot be read is listed as a
 * problem and left alone on disk: it never stops the others loading and
 * its name is never reused. */

#define G_LOG_DOMAIN "bri-tour-library"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bri-tour-kml.h"
#include "bri-tour-library.h"
#include "bri-tour-private.h"

struct _BriTourLibrary
{
  GObject    parent_instance;

  GFile     *user_dir;
  GPtrArray *tours;     /* of BriTour: built-in ones first, then the user's by id */
  GPtrArray *problems;  /* of GError */
};

static void bri_tour_library_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BriTourLibrary, bri_tour_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bri_tour_library_list_model_init))

enum
{
  PROP_0,
  PROP_USER_DIR,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
bri_tour_library_get_item_type (GListModel *model)
{
  return BRI_TYPE_TOUR;
}

static guint
bri_tour_library_get_n_items (GListModel *model)
{
  return BRI_TOUR_LIBRARY (model)->tours->len;
}

static gpointer
bri_tour_library_get_item (GListModel *model,
                           guint       position)
{
  BriTourLibrary *self = BRI_TOUR_LIBRARY (model);

  if (position >= self->tours->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->tours, position));
}

static void
bri_tour_library_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bri_tour_library_get_item_type;
  iface->get_n_items = bri_tour_library_get_n_items;
  iface->get_item = bri_tour_library_get_item;
}

static void
bri_tour_library_finalize (GObject *object)
{
  BriTourLibrary *self = (BriTourLibrary *) object;

  g_clear_object (&self->user_dir);
  g_clear_pointer (&self->tours, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (bri_tour_library_parent_class)->finalize (object);
}

static void
bri_tour_library_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BriTourLibrary *self = BRI_TOUR_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_USER_DIR:
      g_value_set_object (value, self->user_dir);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->tours->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_tour_library_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BriTourLibrary *self = BRI_TOUR_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_USER_DIR:
      self->user_dir = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_tour_library_constructed (GObject *object)
{
  BriTourLibrary *self = (BriTourLibrary *) object;

  G_OBJECT_CLASS (bri_tour_library_parent_class)->constructed (object);

  if (self->user_dir == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "bri-atlas", "tours", NULL);
      self->user_dir = g_file_new_for_path (path);
    }
}

static void
bri_tour_library_class_init (BriTourLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bri_tour_library_finalize;
  object_class->constructed = bri_tour_library_constructed;
  object_class->get_property = bri_tour_library_get_property;
  object_class->set_property = bri_tour_library_set_property;

  properties[PROP_USER_DIR] =
    g_param_spec_object ("user-dir", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bri_tour_library_init (BriTourLibrary *self)
{
  self->tours = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

/**
 * bri_tour_library_new:
 * @user_dir: (nullable): where the user's tours are kept; %NULL for
 *   g_get_user_data_dir()/bri-atlas/tours
 *
 * Returns: (transfer full): an empty library: call bri_tour_library_load()
 */
BriTourLibrary *
bri_tour_library_new (GFile *user_dir)
{
  g_return_val_if_fail (user_dir == NULL || G_IS_FILE (user_dir), NULL);

  return g_object_new (BRI_TYPE_TOUR_LIBRARY, "user-dir", user_dir, NULL);
}

/**
 * bri_tour_library_get_user_dir:
 *
 * Returns: (transfer none): the folder of the user's tours
 */
GFile *
bri_tour_library_get_user_dir (BriTourLibrary *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_LIBRARY (self), NULL);

  return self->user_dir;
}

/**
 * bri_tour_library_get_problems:
 *
 * Returns: (transfer none) (element-type GError): one error per user
 *   tour file that could not be read by the last load
 */
GPtrArray *
bri_tour_library_get_problems (BriTourLibrary *self)
{
  g_return_val_if_fail (BRI_IS_TOUR_LIBRARY (self), NULL);

  return self->problems;
}

/**
 * bri_tour_library_lookup:
 *
 * Returns: (transfer none) (nullable): the tour with @id
 */
BriTour *
bri_tour_library_lookup (BriTourLibrary *self,
                         const char     *id)
{
  g_return_val_if_fail (BRI_IS_TOUR_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->tours->len; i++)
    {
      BriTour *tour = g_ptr_array_index (self->tours, i);

      if (g_str_equal (bri_tour_get_id (tour), id))
        return tour;
    }

  return NULL;
}

static GFile *
user_file (BriTourLibrary *self,
           const char     *id)
{
  g_autofree char *name = g_strconcat (id, BRI_TOUR_FILE_SUFFIX, NULL);

  return g_file_get_child (self->user_dir, name);
}

static gboolean
id_is_taken (BriTourLibrary *self,
             const char     *id)
{
  g_autoptr(GFile) file = NULL;

  if (bri_tour_library_lookup (self, id) != NULL)
    return TRUE;

  /* A file the library could not read keeps its name. */
  file = user_file (self, id);
  return g_file_query_exists (file, NULL);
}

/**
 * bri_tour_library_unique_id:
 * @wanted: an id, or any text to make one from
 *
 * Returns: (transfer full): @wanted as a valid id, with "-2", "-3"… added
 *   if a tour or a user file already has it
 */
char *
bri_tour_library_unique_id (BriTourLibrary *self,
                            const char     *wanted)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (BRI_IS_TOUR_LIBRARY (self), NULL);

  base = bri_tour_id_is_valid (wanted) ? g_strdup (wanted) : bri_tour_id_from_title (wanted);
  if (!id_is_taken (self, base))
    return g_steal_pointer (&base);

  for (guint n = 2;; n++)
    {
      g_autofree char *suffix = g_strdup_printf ("-%u", n);
      g_autofree char *stem = g_strndup (base, 64 - strlen (suffix));
      g_autofree char *id = NULL;

      /* No trailing dash left by the cut before the suffix's own. */
      while (stem[0] != '\0' && stem[strlen (stem) - 1] == '-')
        stem[strlen (stem) - 1] = '\0';
      id = g_strconcat (stem, suffix, NULL);
      if (bri_tour_id_is_valid (id) && !id_is_taken (self, id))
        return g_steal_pointer (&id);
    }
}

/* Built-in tours come first, then the user's in order of their ids. */
static void
insert_tour (BriTourLibrary *self,
             BriTour        *tour)
{
  guint position = self->tours->len;

  if (bri_tour_get_source (tour) == BRI_TOUR_SOURCE_USER)
    for (guint i = 0; i < self->tours->len; i++)
      {
        BriTour *other = g_ptr_array_index (self->tours, i);

        if (bri_tour_get_source (other) == BRI_TOUR_SOURCE_USER &&
            strcmp (bri_tour_get_id (other), bri_tour_get_id (tour)) > 0)
          {
            position = i;
            break;
          }
      }

  g_ptr_array_insert (self->tours, position, g_object_ref (tour));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
load_built_in (BriTourLibrary  *self,
               GPtrArray       *tours,
               GError         **error)
{
  g_auto(GStrv) names = g_resources_enumerate_children (BRI_TOURS_RESOURCE_PATH "/",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (names == NULL)
    return FALSE;

  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (BRI_TOURS_RESOURCE_PATH "/", names[i], NULL);
      g_autofree char *uri = g_strconcat ("resource://", path, NULL);
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autoptr(GBytes) bytes = NULL;
      BriTour *tour;

      if (!g_str_has_suffix (names[i], BRI_TOUR_FILE_SUFFIX))
        continue;

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return FALSE;

      tour = bri_tour_new_from_bytes (bytes, uri, error);
      if (tour == NULL)
        return FALSE;

      bri_tour_set_origin (tour, BRI_TOUR_SOURCE_BUILT_IN, file);
      g_ptr_array_add (tours, tour);
    }

  return TRUE;
}

static void
load_user (BriTourLibrary *self,
           GCancellable   *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (self->user_dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (children == NULL)
    {
      /* No folder yet: no tours of one's own yet. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_ptr_array_add (self->problems, g_steal_pointer (&error));
      return;
    }

  while ((info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, BRI_TOUR_FILE_SUFFIX) && name[0] != '.')
        g_ptr_array_add (names, g_strdup (name));
      g_object_unref (info);
    }
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) file = g_file_get_child (self->user_dir, name);
      g_autoptr(GError) load_error = NULL;
      g_autoptr(BriTour) tour = bri_tour_new_from_file (file, cancellable, &load_error);
      g_autofree char *stem = NULL;
      g_autofree char *id = NULL;

      if (tour == NULL)
        {
          g_ptr_array_add (self->problems, g_steal_pointer (&load_error));
          continue;
        }

      /* The file's name is the id, so that two files never share one;
       * the id written inside only matters for a file opened on its own. */
      stem = g_strndup (name, strlen (name) - strlen (BRI_TOUR_FILE_SUFFIX));
      if (bri_tour_id_is_valid (stem) && bri_tour_library_lookup (self, stem) == NULL)
        id = g_steal_pointer (&stem);
      else
        id = bri_tour_library_unique_id (self, stem);

      bri_tour_set_id_internal (tour, id);
      bri_tour_set_origin (tour, BRI_TOUR_SOURCE_USER, file);
      insert_tour (self, tour);
    }
}

/**
 * bri_tour_library_load:
 *
 * (Re)reads the built-in tours and the user's.  A user file that cannot
 * be read goes to bri_tour_library_get_problems().
 *
 * Returns: %FALSE only if the built-in tours cannot be read
 */
gboolean
bri_tour_library_load (BriTourLibrary  *self,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(GPtrArray) built_in = g_ptr_array_new_with_free_func (g_object_unref);
  guint removed;

  g_return_val_if_fail (BRI_IS_TOUR_LIBRARY (self), FALSE);

  if (!load_built_in (self, built_in, error))
    return FALSE;

  removed = self->tours->len;
  g_ptr_array_set_size (self->tours, 0);
  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_extend_and_steal (self->tours, g_steal_pointer (&built_in));
  if (removed > 0 || self->tours->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->tours->len);

  load_user (self, cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

static gboolean
is_kml (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);

  return g_str_has_suffix (lower, ".kml");
}

static BriTour *
load_file (GFile      *file,
           GPtrArray **warnings,
           GError    **error)
{
  if (is_kml (file))
    return bri_tour_new_from_kml_file (file, NULL, warnings, error);

  if (warnings != NULL)
    *warnings = g_ptr_array_new_with_free_func (g_free);
  return bri_tour_new_from_file (file, NULL, error);
}

/**
 * bri_tour_library_open:
 * @id_or_path: a tour's id, or the path of a .briatour or .kml file
 * @warnings: (out) (optional) (transfer full): what a KML import skipped
 *
 * Returns: (transfer full) (nullable): the library's tour with that id,
 *   or the tour read from the file (not added to the library)
 */
BriTour *
bri_tour_library_open (BriTourLibrary  *self,
                       const char      *id_or_path,
                       GPtrArray      **warnings,
                       GError         **error)
{
  g_autoptr(GFile) file = NULL;
  BriTour *tour;

  g_return_val_if_fail (BRI_IS_TOUR_LIBRARY (self), NULL);
  g_return_val_if_fail (id_or_path != NULL, NULL);

  tour = bri_tour_library_lookup (self, id_or_path);
  if (tour != NULL)
    {
      if (warnings != NULL)
        *warnings = g_ptr_array_new_with_free_func (g_free);
      return g_object_ref (tour);
    }

  file = g_file_new_for_commandline_arg (id_or_path);
  if (!g_file_query_exists (file, NULL))
    {
      g_set_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_NOT_FOUND,
                   _("No tour “%s”: it is neither the id of a tour nor a file"), id_or_path);
      return NULL;
    }

  return load_file (file, warnings, error);
}

/**
 * bri_tour_library_add:
 * @tour: a tour that is not in the library (the library takes a
 *   reference)
 *
 * Makes @tour one of the user's: gives it an id no other tour or file
 * has, writes it to the user's folder and lists it.
 *
 * Returns: (transfer none) (nullable): @tour, or %NULL if it could not
 *   be written
 */
BriTour *
bri_tour_library_add (BriTourLibrary  *self,
                      BriTour         *tour,
                      GError         **error)
{
  g_autofree char *id = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) dir_error = NULL;

  g_return_val_if_fail (BRI_IS_TOUR_LIBRARY (self), NULL);
  g_return_val_if_fail (BRI_IS_TOUR (tour), NULL);
  g_return_val_if_fail (!g_ptr_array_find (self->tours, tour, NULL), NULL);

  if (!g_file_make_directory_with_parents (self->user_dir, NULL, &dir_error) &&
      !g_error_matches (dir_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *name = g_file_get_parse_name (self->user_dir);

      g_propagate_prefixed_error (error, g_steal_pointer (&dir_error), "%s: ", name);
      return NULL;
    }

  id = bri_tour_library_unique_id (self, bri_tour_get_id (tour));
  file = user_file (self, id);
  bri_tour_set_id_internal (tour, id);
  bri_tour_set_origin (tour, BRI_TOUR_SOURCE_USER, file);
  if (!bri_tour_save (tour, file, NULL, error))
    {
      bri_tour_set_origin (tour, BRI_TOUR_SOURCE_FILE, NULL);
      return NULL;
    }

  insert_tour (self, tour);
  return tour;
}

/**
 * bri_tour_library_create:
 *
 * Returns: (transfer none) (nullable): a new empty tour of the user's
 */
BriTour *
bri_tour_library_create (BriTourLibrary  *self,
                         const char      *title,
                         GError         **error)
{
  g_autofree char *id = NULL;
  g_autoptr(BriTour) tour = NULL;

  g_return_val_if_fail (BRI_IS_TOUR_LIBRARY (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  id = bri_tour_id_from_title (title);
  tour = bri_tour_new (id, title);
  return bri_tour_library_add (self, tour, error);
}

/**
 * bri_tour_library_import:
 * @file: a .briatour file, or a .kml file with a tour
 * @warnings: (out) (optional) (transfer full): what a KML import skipped
 *
 * Copies the tour in @file into the user's tours, with a new id if its
 * own is taken.
 *
 * Returns: (transfer none) (nullable): the imported tour
 */
BriTour *
bri_tour_library_import (BriTourLibrary  *self,
                         GFile           *file,
                         GPtrArray      **warnings,
                         GError         **error)
{
  g_autoptr(BriTour) tour = NULL;

  g_return_val_if_fail (BRI_IS_TOUR_LIBRARY (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  tour = load_file (file, warnings, error);
  if (tour == NULL)
    return NULL;

  return bri_tour_library_add (self, tour, error);
}

/**
 * bri_tour_library_duplicate:
 *
 * Returns: (transfer none) (nullable): a copy of @tour among the user's
 *   tours, titled "… (copy)"
 */
BriTour *
bri_tour_library_duplicate (BriTourLibrary  *self,
                            BriTour         *tour,
                            GError         **error)
{
  g_autoptr(BriTour) copy = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (BRI_IS_TOUR_LIBRARY (self), NULL);
  g_return_val_if_fail (BRI_IS_TOUR (tour), NULL);

  copy = bri_tour_copy (tour, NULL);
  /* TRANSLATORS: the title of a duplicated tour */
  title = g_strdup_printf (_("%s (copy)"), bri_tour_get_title (tour));
  bri_tour_set_fields_internal (copy, title, NULL, NULL, NULL);

  return bri_tour_library_add (self, copy, error);
}

static gboolean
check_writable (BriTourLibrary  *self,
                BriTour         *tour,
                GError         **error)
{
  if (bri_tour_get_source (tour) == BRI_TOUR_SOURCE_BUILT_IN)
    {
      g_set_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_READ_ONLY,
                   _("“%s” is a built-in tour: duplicate it to change it"), bri_tour_get_title (tour));
      return FALSE;
    }

  if (!g_ptr_array_find (self->tours, tour, NULL) || bri_tour_get_file (tour) == NULL)
    {
      g_set_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_NOT_FOUND,
                   _("“%s” is not one of your tours"), bri_tour_get_title (tour));
      return FALSE;
    }

  return TRUE;
}

/**
 * bri_tour_library_save:
 *
 * Writes one of the user's tours to its file, atomically: after edits,
 * for instance on BriTour::changed.
 */
gboolean
bri_tour_library_save (BriTourLibrary  *self,
                       BriTour         *tour,
                       GError         **error)
{
  g_return_val_if_fail (BRI_IS_TOUR_LIBRARY (self), FALSE);
  g_return_val_if_fail (BRI_IS_TOUR (tour), FALSE);

  if (!check_writable (self, tour, error))
    return FALSE;

  return bri_tour_save (tour, bri_tour_get_file (tour), NULL, error);
}

/**
 * bri_tour_library_rename:
 *
 * Gives one of the user's tours a new title (an edit that can be
 * undone) and writes it.  Its id and file stay.
 */
gboolean
bri_tour_library_rename (BriTourLibrary  *self,
                         BriTour         *tour,
                         const char      *title,
                         GError         **error)
{
  g_return_val_if_fail (BRI_IS_TOUR_LIBRARY (self), FALSE);
  g_return_val_if_fail (BRI_IS_TOUR (tour), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  if (!check_writable (self, tour, error))
    return FALSE;

  bri_tour_set_title (tour, title);
  bri_tour_seal_undo (tour);
  return bri_tour_save (tour, bri_tour_get_file (tour), NULL, error);
}

/**
 * bri_tour_library_delete:
 *
 * Deletes one of the user's tours and its file.  The tour object stays
 * whole: bri_tour_library_add() brings it back (for an undo toast).
 */
gboolean
bri_tour_library_delete (BriTourLibrary  *self,
                         BriTour         *tour,
                         GError         **error)
{
  g_autoptr(GError) delete_error = NULL;
  guint position;

  g_return_val_if_fail (BRI_IS_TOUR_LIBRARY (self), FALSE);
  g_return_val_if_fail (BRI_IS_TOUR (tour), FALSE);

  if (!check_writable (self, tour, error))
    return FALSE;

  if (!g_file_delete (bri_tour_get_file (tour), NULL, &delete_error) &&
      !g_error_matches (delete_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_autofree char *name = g_file_get_parse_name (bri_tour_get_file (tour));

      g_propagate_prefixed_error (error, g_steal_pointer (&delete_error), "%s: ", name);
      return FALSE;
    }

  g_ptr_array_find (self->tours, tour, &position);
  bri_tour_set_origin (tour, BRI_TOUR_SOURCE_FILE, NULL);
  g_ptr_array_remove_index (self->tours, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}
