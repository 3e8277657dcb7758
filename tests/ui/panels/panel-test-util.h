/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the side panel's widget tests: the atlas loaded once; a
 * fixture that puts one panel in a real window with the window actions
 * the panels activate, recorded; waiting for frames; walking the widget
 * tree; rendering what the user would see, saving it as a PNG and
 * checking its pixels; measuring how long the main loop stalls. */
#pragma once

#include <adwaita.h>
#include <math.h>
#include <time.h>

#include "bri-atlas.h"

/* The real atlas, loaded by panel_test_init() for every test. */
static BriAtlas *atlas;

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

/* Runs the main loop for @n_frames frames of @window (or 5 s at most),
 * then until it is idle. */
G_GNUC_UNUSED static void
wait_frames (GtkWidget *window,
             guint      n_frames)
{
  FrameWait wait = { MAX (n_frames, 1), g_main_loop_new (NULL, FALSE), 0 };
  guint tick;

  tick = gtk_widget_add_tick_callback (window, on_tick, &wait, NULL);
  wait.timeout = g_timeout_add (5000, on_frame_timeout, &wait);
  g_main_loop_run (wait.loop);

  if (wait.remaining > 0)
    gtk_widget_remove_tick_callback (window, tick);
  g_clear_handle_id (&wait.timeout, g_source_remove);
  g_main_loop_unref (wait.loop);

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

G_GNUC_UNUSED static void
panel_window_wait_frames (PanelWindow *pw,
                          guint        n_frames)
{
  wait_frames (pw->window, n_frames);
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
  /* Besides "Quote in Tour", which is the tours' (see test-window-tours.c),
   * and Copy Citation (test-passage-row.c). */
  for (guint i = buttons->len; i-- > 0;)
    {
      const char *action = gtk_actionable_get_action_name (g_ptr_array_index (buttons, i));

      if (g_strcmp0 (action, "win.quote-in-tour") == 0 || g_strcmp0 (action, "row.copy-citation") == 0)
        g_ptr_array_remove_index (buttons, i);
    }
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

/* Renders @widget as the user sees it into $BRI_TEST_OUTPUT_DIR/@name;
 * returns the picture, for its pixels to be checked. */
G_GNUC_UNUSED static GdkTexture *
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

  return g_steal_pointer (&texture);
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
  /* The app's own icons, as GtkApplication's resource base path gives
   * them to the app. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/org/example/BriAtlas/icons");

  {
    g_autoptr(GError) error = NULL;

    atlas = bri_atlas_new (NULL);
    bri_atlas_load (atlas, NULL, &error);
    g_assert_no_error (error);
  }

  return TRUE;
}

/* Runs the tests added, then lets go of the atlas. */
G_GNUC_UNUSED static int
panel_test_run (void)
{
  int status = g_test_run ();

  g_clear_object (&atlas);
  return status;
}

/* One panel, with the atlas, in a window of the side panel's width. */
typedef struct
{
  gpointer     panel;
  PanelWindow *pw;
} PanelFixture;

G_GNUC_UNUSED static void
panel_fixture_set_up_sized (PanelFixture *f,
                            GType         type,
                            int           width,
                            int           height)
{
  f->panel = g_object_new (type, NULL);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (f->panel), "atlas") != NULL)
    g_object_set (f->panel, "atlas", atlas, NULL);
  f->pw = panel_window_new (f->panel, width, height);
}

/* @type: the panel's GType, as the test's data */
G_GNUC_UNUSED static void
panel_fixture_set_up (PanelFixture  *f,
                      gconstpointer  type)
{
  panel_fixture_set_up_sized (f, GPOINTER_TO_SIZE (type), 380, 900);
}

G_GNUC_UNUSED static void
panel_fixture_tear_down (PanelFixture  *f,
                         gconstpointer  data)
{
  panel_window_free (f->pw);
}

#define panel_test_add(path, type, func) \
  g_test_add ((path), PanelFixture, GSIZE_TO_POINTER (type), panel_fixture_set_up, (func), panel_fixture_tear_down)

/* A rendered picture's pixels, to check that a panel draws what it
 * should: not a blank page, a highlight where it belongs, dark text on a
 * light page. */
typedef struct
{
  int     width;
  int     height;
  gsize   stride;
  guchar *data;   /* B8G8R8A8, premultiplied; the window is opaque */
} Picture;

G_GNUC_UNUSED static Picture *
picture_new (GdkTexture *texture)
{
  Picture *picture = g_new0 (Picture, 1);

  picture->width = gdk_texture_get_width (texture);
  picture->height = gdk_texture_get_height (texture);
  picture->stride = picture->width * 4;
  picture->data = g_malloc (picture->stride * picture->height);
  gdk_texture_download (texture, picture->data, picture->stride);

  return picture;
}

G_GNUC_UNUSED static void
picture_free (Picture *picture)
{
  g_free (picture->data);
  g_free (picture);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Picture, picture_free)

static void
picture_get (Picture *picture,
             int      x,
             int      y,
             guchar   rgb[3])
{
  const guchar *p = picture->data + y * picture->stride + x * 4;

  rgb[0] = p[2];
  rgb[1] = p[1];
  rgb[2] = p[0];
}

static gboolean
rgb_near (const guchar a[3],
          const guchar b[3],
          int          tolerance)
{
  return ABS (a[0] - b[0]) <= tolerance && ABS (a[1] - b[1]) <= tolerance &&
         ABS (a[2] - b[2]) <= tolerance;
}

/* @area clipped to the picture; the whole picture when %NULL. */
static GdkRectangle
picture_clip (Picture            *picture,
              const GdkRectangle *area)
{
  GdkRectangle all = { 0, 0, picture->width, picture->height };
  GdkRectangle clipped = all;

  if (area != NULL && !gdk_rectangle_intersect (area, &all, &clipped))
    clipped = (GdkRectangle) { 0, 0, 0, 0 };

  return clipped;
}

/* How many pixels of @area are within @tolerance of @rgb. */
G_GNUC_UNUSED static guint
picture_count_near (Picture            *picture,
                    const GdkRectangle *area,
                    const guchar        rgb[3],
                    int                 tolerance)
{
  GdkRectangle r = picture_clip (picture, area);
  guint n = 0;

  for (int y = r.y; y < r.y + r.height; y++)
    for (int x = r.x; x < r.x + r.width; x++)
      {
        guchar px[3];

        picture_get (picture, x, y, px);
        n += rgb_near (px, rgb, tolerance);
      }

  return n;
}

/* The commonest colour of @area: the page's background. */
G_GNUC_UNUSED static void
picture_background (Picture            *picture,
                    const GdkRectangle *area,
                    guchar              rgb[3])
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GdkRectangle r = picture_clip (picture, area);
  GHashTableIter iter;
  gpointer key, value;
  guint best = 0, best_count = 0;

  for (int y = r.y; y < r.y + r.height; y++)
    for (int x = r.x; x < r.x + r.width; x++)
      {
        guchar px[3];
        guint packed, count;

        picture_get (picture, x, y, px);
        packed = (px[0] << 16) | (px[1] << 8) | px[2] | 0x1000000;
        count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (packed))) + 1;
        g_hash_table_insert (counts, GUINT_TO_POINTER (packed), GUINT_TO_POINTER (count));
      }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_count)
      {
        best = GPOINTER_TO_UINT (key);
        best_count = GPOINTER_TO_UINT (value);
      }

  rgb[0] = (best >> 16) & 0xff;
  rgb[1] = (best >> 8) & 0xff;
  rgb[2] = best & 0xff;
}

static double
luminance (const guchar rgb[3])
{
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

/* That @area of the picture has something drawn on it: at least
 * @min_fraction of its pixels are not the background.  Returns the
 * background. */
G_GNUC_UNUSED static void
assert_picture_not_blank (Picture            *picture,
                          const GdkRectangle *area,
                          double              min_fraction,
                          guchar              background[3])
{
  GdkRectangle r = picture_clip (picture, area);
  guint total = r.width * r.height;
  guint drawn;

  g_assert_cmpuint (total, >, 0);
  picture_background (picture, &r, background);
  drawn = total - picture_count_near (picture, &r, background, 8);
  g_test_message ("%u of %u pixels drawn over the background #%02x%02x%02x",
                  drawn, total, background[0], background[1], background[2]);
  g_assert_cmpfloat ((double) drawn / total, >=, min_fraction);
}

/* How text stands out in @area: the page's luminance (its commonest
 * colour), the text's extreme (the darkest pixel for dark text, the
 * lightest for light text) and how many pixels are text-dark (under 80)
 * or text-light (over 175). */
G_GNUC_UNUSED static void
picture_text_contrast (Picture            *picture,
                       const GdkRectangle *area,
                       gboolean            light_text,
                       double             *page,
                       double             *extreme,
                       guint              *n_text)
{
  GdkRectangle r = picture_clip (picture, area);
  guchar background[3];

  picture_background (picture, &r, background);
  *page = luminance (background);
  *extreme = light_text ? 0.0 : 255.0;
  *n_text = 0;
  for (int y = r.y; y < r.y + r.height; y++)
    for (int x = r.x; x < r.x + r.width; x++)
      {
        guchar px[3];
        double l;

        picture_get (picture, x, y, px);
        l = luminance (px);
        *extreme = light_text ? MAX (*extreme, l) : MIN (*extreme, l);
        *n_text += light_text ? l > 175.0 : l < 80.0;
      }
}

/* Light style: a light page with dark text on it — its darkest pixels
 * (the glyphs' cores) are far darker than the page. */
G_GNUC_UNUSED static void
assert_picture_dark_on_light (Picture            *picture,
                              const GdkRectangle *area)
{
  double page, darkest;
  guint dark;

  picture_text_contrast (picture, area, FALSE, &page, &darkest, &dark);
  g_test_message ("background luminance %.0f, darkest %.0f, %u dark pixels", page, darkest, dark);
  g_assert_cmpfloat (page, >, 200.0);
  g_assert_cmpfloat (darkest, <, 60.0);
  g_assert_cmpuint (dark, >, 100);
}

/* Where @widget is in its window's picture. */
G_GNUC_UNUSED static GdkRectangle
widget_area_in_window (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, root, &bounds));
  return (GdkRectangle) { floor (bounds.origin.x), floor (bounds.origin.y),
                          ceil (bounds.size.width), ceil (bounds.size.height) };
}

/* Scrolls the nearest scrolled window around @widget to show it at the
 * top. */
G_GNUC_UNUSED static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_nonnull (scroller);
  g_assert_true (gtk_widget_compute_bounds (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                            &bounds));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                            bounds.origin.y - 12);
}

/* That the picture shows the passage rows' strong highlight — the
 * marker pen, #f6d32d at 45 % over the row — on @row's text. */
G_GNUC_UNUSED static void
assert_strong_highlight (Picture   *picture,
                         GtkWidget *row)
{
  GdkRectangle row_area = widget_area_in_window (row);
  GdkRectangle text_area = widget_area_in_window (GTK_WIDGET (passage_row_text_label (row)));
  const guchar pen[3] = { 0xf6, 0xd3, 0x2d };
  guchar background[3], marked[3];
  guint n;

  picture_background (picture, &row_area, background);
  for (guint i = 0; i < 3; i++)
    marked[i] = (guchar) (0.55 * background[i] + 0.45 * pen[i] + 0.5);

  n = picture_count_near (picture, &text_area, marked, 10);
  g_test_message ("%u pixels of the highlight #%02x%02x%02x over the row's #%02x%02x%02x",
                  n, marked[0], marked[1], marked[2], background[0], background[1], background[2]);
  g_assert_cmpuint (n, >, 100);
}

/* The longest the main loop went without running a 1 ms timeout: what
 * a user would feel as a stall, frames included.  Counted in the main
 * thread's CPU time, so that a machine busy with other work does not
 * make a stall of a wait; the wall-clock figure is kept to be shown. */
typedef struct
{
  gint64 last;
  gint64 last_cpu;
  gint64 longest;
  gint64 longest_cpu;
  guint  source;
} StallMeter;

static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
on_stall_meter_tick (gpointer user_data)
{
  StallMeter *meter = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_usec ();

  meter->longest = MAX (meter->longest, now - meter->last);
  meter->longest_cpu = MAX (meter->longest_cpu, cpu - meter->last_cpu);
  meter->last = now;
  meter->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

G_GNUC_UNUSED static void
stall_meter_start (StallMeter *meter)
{
  meter->last = g_get_monotonic_time ();
  meter->last_cpu = thread_cpu_usec ();
  meter->longest = 0;
  meter->longest_cpu = 0;
  meter->source = g_timeout_add (1, on_stall_meter_tick, meter);
}

/* Returns the longest stall in CPU time, in milliseconds. */
G_GNUC_UNUSED static double
stall_meter_stop (StallMeter *meter)
{
  on_stall_meter_tick (meter);
  g_clear_handle_id (&meter->source, g_source_remove);
  g_test_message ("longest stall: %.1f ms of CPU time, %.1f ms of wall time",
                  meter->longest_cpu / 1000.0, meter->longest / 1000.0);
  return meter->longest_cpu / 1000.0;
}

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
