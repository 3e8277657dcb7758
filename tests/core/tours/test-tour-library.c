/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tour library: the built-in tours and the user's own files in a
 * temporary $XDG_DATA_HOME, emptied before each case — new, import,
 * duplicate, rename, delete, each written at once and seen by the next
 * library to load. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bri-tour-library.h"
#include "../../test-data-home.h"

static guint n_built_in;

static char *
user_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "bri-atlas", "tours", name, NULL);
}

static void
write_user_file (const char *name,
                 const char *contents)
{
  g_autofree char *path = user_path (name);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static BriTourLibrary *
load_library (void)
{
  g_autoptr(GError) error = NULL;
  BriTourLibrary *library = bri_tour_library_new (NULL);

  g_assert_true (bri_tour_library_load (library, NULL, &error));
  g_assert_no_error (error);
  return library;
}

static char *
ids (BriTourLibrary *library)
{
  GString *out = g_string_new (NULL);

  for (guint i = n_built_in; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(BriTour) tour = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, bri_tour_get_id (tour));
      g_assert_cmpint (bri_tour_get_source (tour), ==, BRI_TOUR_SOURCE_USER);
    }

  return g_string_free (out, FALSE);
}

#define assert_user_ids(library, expected) \
  G_STMT_START { \
    g_autofree char *_ids = ids (library); \
    g_assert_cmpstr (_ids, ==, expected); \
  } G_STMT_END

static const char tour_json[] =
  "{\"version\": 1, \"id\": \"%s\", \"title\": \"%s\", \"stops\": ["
  " {\"title\": \"One\", \"view\": \"view:25,62,7\", \"caption\": \"First.\"}]}";

static void
test_built_in (gpointer      fixture,
               gconstpointer data)
{
  g_autoptr(BriTourLibrary) library = load_library ();
  g_autoptr(BriTour) first = g_list_model_get_item (G_LIST_MODEL (library), 0);
  g_autofree char *expected_dir = g_build_filename (g_get_user_data_dir (), "bri-atlas", "tours", NULL);
  g_autofree char *dir = g_file_get_path (bri_tour_library_get_user_dir (library));
  g_autofree char *uri = g_file_get_uri (bri_tour_get_file (first));

  g_assert_cmpstr (dir, ==, expected_dir);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (library)) == BRI_TYPE_TOUR);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_built_in);
  g_assert_cmpuint (bri_tour_library_get_problems (library)->len, ==, 0);
  g_assert_cmpint (bri_tour_get_source (first), ==, BRI_TOUR_SOURCE_BUILT_IN);
  g_assert_true (g_str_has_prefix (uri, "resource:///org/example/BriAtlas/data/tours/"));
  g_assert_nonnull (bri_tour_library_lookup (library, "cpec"));
  g_assert_null (bri_tour_library_lookup (library, "nope"));
}

/* Every readable file is a tour, named by its file; an unreadable one is
 * a problem with its line; other files are not tours. */
static void
test_user_files (gpointer      fixture,
                 gconstpointer data)
{
  g_autofree char *ports = g_strdup_printf (tour_json, "something-else", "Ports");
  g_autofree char *clash = g_strdup_printf (tour_json, "cpec", "My CPEC");
  g_autoptr(BriTourLibrary) library = NULL;
  GPtrArray *problems;
  BriTour *tour;

  write_user_file ("ports.briatour", ports);
  write_user_file ("cpec.briatour", clash);
  write_user_file ("broken.briatour", "{\"version\": 1,\n \"id\": \"b\",\n \"title\": 3}");
  write_user_file ("notes.txt", "not a tour");

  library = load_library ();
  assert_user_ids (library, "cpec-2 ports");

  tour = bri_tour_library_lookup (library, "ports");
  g_assert_cmpstr (bri_tour_get_title (tour), ==, "Ports");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tour)), ==, 1);
  g_assert_true (g_str_has_suffix (g_file_peek_path (bri_tour_get_file (tour)), "/ports.briatour"));

  /* The user's cpec cannot hide the built-in one. */
  g_assert_cmpint (bri_tour_get_source (bri_tour_library_lookup (library, "cpec")), ==, BRI_TOUR_SOURCE_BUILT_IN);
  g_assert_cmpstr (bri_tour_get_title (bri_tour_library_lookup (library, "cpec-2")), ==, "My CPEC");

  problems = bri_tour_library_get_problems (library);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_suffix (((GError *) g_ptr_array_index (problems, 0))->message,
                                   "broken.briatour:3:11: tour: “title” must be a string, not a number"));

  /* Loading again gives the same list, not twice the tours. */
  g_assert_true (bri_tour_library_load (library, NULL, NULL));
  assert_user_ids (library, "cpec-2 ports");
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *last)
{
  last[0] = position;
  last[1] = removed;
  last[2] = added;
}

static void
test_create_rename_delete (gpointer      fixture,
                           gconstpointer data)
{
  g_autoptr(BriTourLibrary) library = load_library ();
  g_autoptr(BriTourLibrary) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = user_path ("my-tour.briatour");
  g_autofree char *contents = NULL;
  guint last[3] = { 0 };
  BriTour *tour, *second;

  g_signal_connect (library, "items-changed", G_CALLBACK (on_items_changed_cb), last);

  tour = bri_tour_library_create (library, "My tour", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bri_tour_get_id (tour), ==, "my-tour");
  g_assert_cmpint (bri_tour_get_source (tour), ==, BRI_TOUR_SOURCE_USER);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (last[0], ==, n_built_in);
  g_assert_cmpuint (last[2], ==, 1);

  /* The same title again: a new id, and sorted by id. */
  second = bri_tour_library_create (library, "My tour", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bri_tour_get_id (second), ==, "my-tour-2");
  assert_user_ids (library, "my-tour my-tour-2");

  g_assert_true (bri_tour_library_rename (library, tour, "Gwadar and beyond", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bri_tour_get_id (tour), ==, "my-tour");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"title\" : \"Gwadar and beyond\""));
  /* A rename is an edit like any other. */
  g_assert_true (bri_tour_can_undo (tour));

  /* Edits saved, then seen by the next library. */
  {
    g_autoptr(BriLocation) view = bri_location_new_view (25.1, 62.3, 8);
    g_autoptr(BriTourStop) stop = bri_tour_stop_new ("Gwadar", view);

    bri_tour_append_stop (tour, stop);
    g_assert_true (bri_tour_library_save (library, tour, &error));
    g_assert_no_error (error);
  }
  again = load_library ();
  assert_user_ids (again, "my-tour my-tour-2");
  g_assert_cmpstr (bri_tour_get_title (bri_tour_library_lookup (again, "my-tour")), ==, "Gwadar and beyond");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bri_tour_library_lookup (again, "my-tour"))), ==, 1);

  /* Delete: the file goes, the object stays whole and can come back. */
  g_object_ref (tour);
  g_assert_true (bri_tour_library_delete (library, tour, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (last[0], ==, n_built_in);
  g_assert_cmpuint (last[1], ==, 1);
  assert_user_ids (library, "my-tour-2");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tour)), ==, 1);

  g_assert_true (bri_tour_library_add (library, tour, &error) == tour);
  g_assert_no_error (error);
  g_assert_cmpstr (bri_tour_get_id (tour), ==, "my-tour");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  assert_user_ids (library, "my-tour my-tour-2");
  g_object_unref (tour);
}

static void
test_read_only (gpointer      fixture,
                gconstpointer data)
{
  g_autoptr(BriTourLibrary) library = load_library ();
  g_autoptr(BriTour) outside = bri_tour_new ("outside", "Outside");
  BriTour *cpec = bri_tour_library_lookup (library, "cpec");
  g_autoptr(GError) error = NULL;

  g_assert_false (bri_tour_library_delete (library, cpec, &error));
  g_assert_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (bri_tour_library_rename (library, cpec, "Mine", &error));
  g_assert_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (bri_tour_library_save (library, cpec, &error));
  g_assert_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpstr (bri_tour_get_title (cpec), !=, "Mine");

  g_assert_false (bri_tour_library_save (library, outside, &error));
  g_assert_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_NOT_FOUND);
}

/* A built-in tour duplicated is the user's to change. */
static void
test_duplicate (gpointer      fixture,
                gconstpointer data)
{
  g_autoptr(BriTourLibrary) library = load_library ();
  g_autoptr(GError) error = NULL;
  BriTour *cpec = bri_tour_library_lookup (library, "cpec");
  BriTour *copy = bri_tour_library_duplicate (library, cpec, &error);
  g_autofree char *title = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (bri_tour_get_id (copy), ==, "cpec-2");
  title = g_strdup_printf ("%s (copy)", bri_tour_get_title (cpec));
  g_assert_cmpstr (bri_tour_get_title (copy), ==, title);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (copy)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (cpec)));
  g_assert_true (bri_tour_stop_equal (bri_tour_get_stop (copy, 3), bri_tour_get_stop (cpec, 3)));
  g_assert_true (bri_tour_library_rename (library, copy, "My corridor", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bri_tour_get_title (cpec), ==, "The China–Pakistan Economic Corridor: Kashgar to Gwadar");
}

static void
test_import (gpointer      fixture,
             gconstpointer data)
{
  g_autoptr(BriTourLibrary) library = load_library ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bri-import-XXXXXX", &error);
  g_autofree char *json_path = g_build_filename (dir, "shared.briatour", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.briatour", NULL);
  g_autofree char *kml_path = g_test_build_filename (G_TEST_DIST, "data", "tours", "google-earth-tour.kml", NULL);
  g_autofree char *json = g_strdup_printf (tour_json, "cpec", "Shared by a colleague");
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GFile) kml_file = g_file_new_for_path (kml_path);
  g_autofree char *imported_path = user_path ("cpec-2.briatour");
  BriTour *tour;

  g_assert_no_error (error);
  g_file_set_contents (json_path, json, -1, &error);
  g_file_set_contents (bad_path, "{\"version\": 7}", -1, &error);
  g_assert_no_error (error);

  /* Its id is a built-in one's: it gets another. */
  tour = bri_tour_library_import (library, json_file, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bri_tour_get_id (tour), ==, "cpec-2");
  g_assert_cmpstr (bri_tour_get_title (tour), ==, "Shared by a colleague");
  g_assert_true (g_file_test (imported_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (json_path, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&warnings, g_ptr_array_unref);

  tour = bri_tour_library_import (library, kml_file, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bri_tour_get_id (tour), ==, "two-ports");
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tour)), ==, 2);
  assert_user_ids (library, "cpec-2 two-ports");

  /* A bad file adds nothing. */
  g_assert_null (bri_tour_library_import (library, bad_file, NULL, &error));
  g_assert_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_VERSION);
  assert_user_ids (library, "cpec-2 two-ports");

  g_assert_no_errno (g_unlink (json_path));
  g_assert_no_errno (g_unlink (bad_path));
  g_assert_no_errno (g_rmdir (dir));
}

/* A name a broken file has is never given to another tour. */
static void
test_broken_file_kept (gpointer      fixture,
                       gconstpointer data)
{
  g_autoptr(BriTourLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = user_path ("my-tour.briatour");
  g_autofree char *contents = NULL;
  BriTour *tour;

  write_user_file ("my-tour.briatour", "{\"version\": 1, \"id\": \"my-tour\", \"tit");
  library = load_library ();
  g_assert_cmpuint (bri_tour_library_get_problems (library)->len, ==, 1);

  tour = bri_tour_library_create (library, "My tour", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bri_tour_get_id (tour), ==, "my-tour-2");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{\"version\": 1, \"id\": \"my-tour\", \"tit");
}

static void
test_open (gpointer      fixture,
           gconstpointer data)
{
  g_autoptr(BriTourLibrary) library = load_library ();
  g_autoptr(GError) error = NULL;
  g_autofree char *kml_path = g_test_build_filename (G_TEST_DIST, "data", "tours", "marble-tour.kml", NULL);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(BriTour) by_id = bri_tour_library_open (library, "cpec", NULL, &error);
  g_autoptr(BriTour) by_path = bri_tour_library_open (library, kml_path, &warnings, &error);
  g_autoptr(BriTour) missing = NULL;

  g_assert_no_error (error);
  g_assert_true (by_id == bri_tour_library_lookup (library, "cpec"));
  g_assert_cmpstr (bri_tour_get_title (by_path), ==, "Two African ports");
  g_assert_cmpuint (warnings->len, ==, 1);
  /* Opened, not added. */
  g_assert_null (bri_tour_library_lookup (library, bri_tour_get_id (by_path)));

  missing = bri_tour_library_open (library, "no-such-tour", NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No tour “no-such-tour”: it is neither the id of a tour nor a file");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BriTourLibrary) built_in = NULL;
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent/bri-atlas/tours");

  int status;

  g_test_init (&argc, &argv, NULL);
  test_data_home_setup ();

  built_in = bri_tour_library_new (nowhere);
  g_assert_true (bri_tour_library_load (built_in, NULL, NULL));
  n_built_in = g_list_model_get_n_items (G_LIST_MODEL (built_in));
  g_assert_cmpuint (n_built_in, >=, 3);

  test_data_home_add ("/bri/tour-library/built-in", test_built_in);
  test_data_home_add ("/bri/tour-library/user-files", test_user_files);
  test_data_home_add ("/bri/tour-library/create-rename-delete", test_create_rename_delete);
  test_data_home_add ("/bri/tour-library/read-only", test_read_only);
  test_data_home_add ("/bri/tour-library/duplicate", test_duplicate);
  test_data_home_add ("/bri/tour-library/import", test_import);
  test_data_home_add ("/bri/tour-library/broken-file-kept", test_broken_file_kept);
  test_data_home_add ("/bri/tour-library/open", test_open);

  status = g_test_run ();
  test_data_home_teardown ();
  return status;
}
