/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A temporary $XDG_DATA_HOME for tests of the user's own tours, set before
 * anything reads it (GLib caches it) and inherited by the processes a
 * test starts.  G_TEST_OPTION_ISOLATE_DIRS would do it per case, but
 * GLib 2.74 leaks its strings, which the AddressSanitizer build rejects. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

static char *test_data_home;

static inline char *
test_data_home_tours_dir (void)
{
  return g_build_filename (test_data_home, "bri-atlas", "tours", NULL);
}

/* Empties the user's tour folder: each case starts with no tours of
 * one's own. */
static inline void
test_data_home_clear (void)
{
  g_autofree char *tours = test_data_home_tours_dir ();
  g_autoptr(GDir) dir = g_dir_open (tours, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tours, name, NULL);
      g_assert_no_errno (g_unlink (path));
    }
}

static inline void
test_data_home_clear_fixture (gpointer      fixture,
                              gconstpointer data)
{
  test_data_home_clear ();
}

/* A case that starts with an empty user tour folder. */
#define test_data_home_add(path, func) \
  g_test_add_vtable ((path), 0, NULL, test_data_home_clear_fixture, (func), NULL)

static inline void
test_data_home_setup (void)
{
  g_autoptr(GError) error = NULL;

  test_data_home = g_dir_make_tmp ("bri-data-home-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", test_data_home, TRUE);
}

static inline void
test_data_home_teardown (void)
{
  g_autofree char *tours = test_data_home_tours_dir ();
  g_autofree char *app = g_path_get_dirname (tours);

  test_data_home_clear ();
  g_rmdir (tours);
  g_rmdir (app);
  g_assert_no_errno (g_rmdir (test_data_home));
  g_clear_pointer (&test_data_home, g_free);
}
