/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the side panel's widget tests: a real window with the
 * window actions the panels activate, recorded; waiting for frames;
 * walking the widget tree; saving what the user would see as a PNG. */
#pragma once

#include <adwaita.h>

#include "bri-atlas.h"

typedef struct
{
  char *action;
  char *target;
} Activation;

typedef struct
{
  GtkWidget          *window;
  GSimpleActionGroup *actions;
  GPtrArray          *log;    /* of Activation */
} PanelWindow;

static void
activation_free (gpointer data)
{
  Activation *activation = data;

  g_free (activation->action);
  g_free (activation->target);
  g_free (activation);
}

static void
on_win_action_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  PanelWindow *pw = user_data;
  Activation *activation = g_new0 (Activation, 1);

  activation->action = g_strdup (g_action_get_name (G_ACTION (action)));
  activation->target = g_variant_dup_string (parameter, NULL);
  g_ptr_array_add (pw->log, activation);
}

G_GNUC_UNUSED static void
panel_window_wait_frames (PanelWindow *pw,
                          guint        n_frames);

/* The window the lead's BriWindow stands in for: the two actions the
 * panels may activate with a location, as a "win" group. */
G_GNUC_UNUSED static PanelWindow *
panel_window_new (GtkWidget *child,
                  int        width,
                  int        height)
{
  static const char *names[] = { "open", "show-on-map" };
  PanelWindow *pw = g_new0 (PanelWindow, 1);

  pw->log = g_ptr_array_new_with_free_func (activation_free);
  pw->actions = g_simple_action_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (names[i], G_VARIANT_TYPE_STRING);

      g_signal_connect (action, "activate", G_CALLBACK (on_win_action_activated), pw);
      g_action_map_add_action (G_ACTION_MAP (pw->actions), G_ACTION (action));
    }

  pw->window = gtk_window_new ();
  /* No decorations: the PNG is the panel, not a window frame's shadow. */
  gtk_window_set_decorated (GTK_WINDOW (pw->window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (pw->window), width, height);
  gtk_widget_insert_action_group (pw->window, "win", G_ACTION_GROUP (pw->actions));
  gtk_window_set_child (GTK_WINDOW (pw->window), child);
  gtk_window_present (GTK_WINDOW (pw->window));
  panel_window_wait_frames (pw, 3);

  return pw;
}

G_GNUC_UNUSED static void
panel_window_free (PanelWindow *pw)
{
  gtk_window_destroy (GTK_WINDOW (pw->window));
  g_object_unref (pw->actions);
  g_ptr_array_unref (pw->log);
  g_free (pw);
}

/* Asserts that the last activation was @action with @target, and
 * forgets the log. */
G_GNUC_UNUSED static void
panel_window_assert_activated (PanelWindow *pw,
                               const char  *action,
                               const char  *target)
{
  Activation *last;

  g_assert_cmpuint (pw->log->len, >, 0);
  last = g_ptr_array_index (pw->log, pw->log->len - 1);
  g_assert_cmpstr (last->action, ==, action);
  g_assert_cmpstr (last->target, ==, target);
  g_ptr_array_set_size (pw->log, 0);
}

typedef struct
{
  guint      remaining;
  GMainLoop *loop;
  guint      timeout;
} FrameWait;

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  FrameWait *wait = user_data;

  if (--wait->remaining > 0)
    return G_SOURCE_CONTINUE;

  g_main_loop_quit (wait->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
on_frame_timeout (gpointer user_data)
{
  FrameWait *wait = user_data;

  wait->timeout = 0;
  g_main_loop_quit (wait->loop);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @n_frames frames of the window (or 5 s at
 * most), then until it is idle. */
G_GNUC_UNUSED static void
panel_window_wait_frames (PanelWindow *pw,
                          guint        n_frames)
{
  FrameWait wait = { MAX (n_frames, 1), g_main_loop_new (NULL, FALSE), 0 };
  guint tick;

  tick = gtk_widget_add_tick_callback (pw->window, on_tick, &wait, NULL);
  wait.timeout = g_timeout_add (5000, on_frame_timeout, &wait);
  g_main_loop_run (wait.loop);

  if (wait.remaining > 0)
    gtk_widget_remove_tick_callback (pw->window, tick);
  g_clear_handle_id (&wait.timeout, g_source_remove);
  g_main_loop_unref (wait.loop);

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Depth-first: the first widget under @root (itself included) that
 * @match accepts. */
G_GNUC_UNUSED static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

G_GNUC_UNUSED static void
collect_widgets (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

G_GNUC_UNUSED static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

G_GNUC_UNUSED static gboolean
is_selectable_label (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget));
}

/* The passage text of a BriPassageRow: its only selectable label. */
G_GNUC_UNUSED static GtkLabel *
passage_row_text_label (GtkWidget *row)
{
  GtkWidget *label = find_widget (row, is_selectable_label, NULL);

  g_assert_nonnull (label);
  return GTK_LABEL (label);
}

/* Whether the label shows bytes [start, end) on a background, the
 * strong highlight. */
G_GNUC_UNUSED static gboolean
label_has_background_over (GtkLabel *label,
                           guint     start,
                           guint     end)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  GSList *list;
  gboolean found = FALSE;

  if (attrs == NULL)
    return FALSE;

  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_BACKGROUND &&
          attr->start_index <= start && attr->end_index >= end)
        found = TRUE;
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);

  return found;
}

G_GNUC_UNUSED static GtkWidget *
passage_row_open_button (GtkWidget *row)
{
  GPtrArray *buttons = g_ptr_array_new ();
  GtkWidget *button;

  collect_widgets (row, GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  button = g_ptr_array_index (buttons, 0);
  g_ptr_array_unref (buttons);

  return button;
}

static gboolean
on_next_frame (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* The last frame's render node of @widget, or %NULL when a redraw is
 * pending (then the widget has none until the next frame). */
static GskRenderNode *
snapshot_widget (GtkWidget *widget,
                 int        width,
                 int        height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  return gtk_snapshot_to_node (snapshot);
}

/* Renders @widget as the user sees it into $BRI_TEST_OUTPUT_DIR/@name. */
G_GNUC_UNUSED static void
save_png (GtkWidget  *widget,
          const char *name)
{
  const char *dir = g_getenv ("BRI_TEST_OUTPUT_DIR");
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  for (guint attempt = 0; attempt < 20 && node == NULL; attempt++)
    {
      node = snapshot_widget (widget, width, height);
      if (node == NULL)
        {
          g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

          gtk_widget_add_tick_callback (widget, on_next_frame, loop, NULL);
          g_main_loop_run (loop);
        }
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* Like gtk_test_init, but a missing display fails the test instead of
 * aborting it or skipping it. */
G_GNUC_UNUSED static gboolean
panel_test_init (int    *argc,
                 char ***argv)
{
  g_test_init (argc, argv, NULL);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: the UI tests need one (run them under xvfb-run)\n");
      return FALSE;
    }

  adw_init ();
  /* A blinking cursor redraws its widget every half second: screenshots
   * would race it. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  return TRUE;
}

G_GNUC_UNUSED static BriAtlas *
load_atlas (void)
{
  g_autoptr(GError) error = NULL;
  BriAtlas *atlas = bri_atlas_new (NULL);

  bri_atlas_load (atlas, NULL, &error);
  g_assert_no_error (error);

  return atlas;
}

/* A feature by an alias (any case) and kind. */
G_GNUC_UNUSED static BriFeature *
find_feature_by_alias (BriAtlas       *atlas,
                       const char     *alias,
                       BriFeatureKind  kind)
{
  GListModel *features = bri_atlas_get_features (atlas);

  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(BriFeature) feature = g_list_model_get_item (features, i);
      const char * const *aliases = bri_feature_get_aliases (feature);

      if (bri_feature_get_kind (feature) != kind)
        continue;

      for (guint a = 0; aliases != NULL && aliases[a] != NULL; a++)
        if (g_ascii_strcasecmp (aliases[a], alias) == 0)
          return feature;
    }

  return NULL;
}
