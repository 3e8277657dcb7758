/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the map's widget tests: starting GTK (no display is a
 * failure), running the main loop for a while, a map shown in a window
 * and what it draws, as a texture and as a PNG for a human to look at. */
#pragma once

#include <adwaita.h>
#include <gtk/gtk.h>

#include "bri-map-view.h"
#include "bri-window.h"

static void
map_test_no_display (void)
{
  g_test_fail_printf ("No display: run the UI tests under Xvfb (build-aux/test does)");
}

/* Like gtk_test_init, but without a display the one test @display_path
 * fails instead of the program aborting: returns FALSE then, and the
 * caller returns g_test_run (). */
G_GNUC_UNUSED static gboolean
map_test_init (int         *argc,
               char      ***argv,
               const char  *display_path)
{
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func (display_path, map_test_no_display);
      return FALSE;
    }

  /* The app's own icons, as GtkApplication's resource base path gives
   * them to the app (the tests that show the whole window need them). */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/org/example/BriAtlas/icons");
  return TRUE;
}

/* Runs the main loop for @ms milliseconds, whatever is pending. */
G_GNUC_UNUSED static void
map_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

/* A window of @width × @height showing @map, returned once @layer (one of
 * the map's layers) is mapped and sized; a layer fills its map, so map and
 * layer coordinates agree. */
G_GNUC_UNUSED static GtkWidget *
map_test_present (GtkWidget *map,
                  GtkWidget *layer,
                  int        width,
                  int        height)
{
  GtkWidget *window = gtk_window_new ();
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), map);
  gtk_window_present (GTK_WINDOW (window));

  while (!(gtk_widget_get_mapped (layer) && gtk_widget_get_width (layer) > 0))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_cmpint (gtk_widget_get_width (layer), ==, gtk_widget_get_width (map));
  g_assert_cmpint (gtk_widget_get_height (layer), ==, gtk_widget_get_height (map));
  return window;
}

/* The widget as drawn in the last frame: iterate the main loop after a
 * change before calling this.  A widget that draws nothing gives a
 * transparent picture. */
G_GNUC_UNUSED static GdkTexture *
map_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 ((gsize) width * height * 4),
                                                  (gsize) width * height * 4);

      return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, width * 4);
    }
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Saves @texture as $BRI_TEST_OUTPUT_DIR/@name, when that is set. */
G_GNUC_UNUSED static void
map_test_save (GdkTexture *texture,
               const char *name)
{
  const char *dir = g_getenv ("BRI_TEST_OUTPUT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* The first widget of @type in @root's tree, @root included. */
G_GNUC_UNUSED static GtkWidget *
map_test_find_widget (GtkWidget *root,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = map_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

G_GNUC_UNUSED static void
map_test_wait_until_drawn (BriMapView *map)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  /* A move clears :drawn only after the next frame's idle: let it. */
  map_test_iterate (100);
  while (!bri_map_view_get_drawn (map))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  map_test_iterate (100);
}

/* The app's window at @width × @height, once its map is drawn. */
G_GNUC_UNUSED static GtkWidget *
map_test_open_window (BriAtlas   *atlas,
                      int         width,
                      int         height,
                      GtkWidget **map)
{
  GtkWidget *window = GTK_WIDGET (bri_window_new (NULL, atlas));
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  *map = map_test_find_widget (window, BRI_TYPE_MAP_VIEW);
  g_assert_nonnull (*map);

  while (!gtk_widget_get_mapped (*map) || gtk_widget_get_width (*map) <= 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  map_test_wait_until_drawn (BRI_MAP_VIEW (*map));
  return window;
}
