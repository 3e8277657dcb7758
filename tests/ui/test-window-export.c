/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's exports with the real atlas: the map as PNG (at 2× and
 * at a pixel size), SVG and PDF as the window shows it; a handout made in
 * a worker thread while the main loop keeps running — no stall longer
 * than a few frames, the progress dialog moving — and cancelled leaving
 * no file; the dossier and the card of what the side panel shows; the
 * places shown after a filter; passages of a country; Copy Map puts an
 * image on the clipboard; Print draws the view with its title; every
 * action the Export menu names exists. */

#include "config.h"

#include <string.h>

#include "bri-tour-library.h"
#include "bri-window-export.h"
#include "bri-window-private.h"
#include "panels/panel-test-util.h"
#include "../render/pdf-test-util.h"

typedef struct
{
  BriWindow *window;
  char      *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->window = bri_window_new (NULL, atlas);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_frames (GTK_WIDGET (f->window), 3);
  f->dir = g_dir_make_tmp ("bri-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (f->window));
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static GFile *
out_file (Fixture    *f,
          const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  return g_file_new_for_path (path);
}

static void
open_location (Fixture    *f,
               const char *location)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open", "s", location));
  wait_frames (GTK_WIDGET (f->window), 2);
}

typedef struct
{
  gint64 last;
  gint64 longest;
  guint  ticks;
} Stalls;

static gboolean
on_stall_tick_cb (gpointer user_data)
{
  Stalls *stalls = user_data;
  gint64 now = g_get_monotonic_time ();

  stalls->longest = MAX (stalls->longest, now - stalls->last);
  stalls->last = now;
  stalls->ticks++;
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until the export ends, measuring the longest time
 * it went without running a 5 ms timeout: how long the window would
 * have stood still.  Returns it, in ms; @duration_ms is how long the
 * export took, @ticks how often the timeout ran meanwhile. */
static double
wait_for_export_timed (Fixture *f,
                       double  *max_progress,
                       double  *duration_ms,
                       guint   *ticks)
{
  gint64 start = g_get_monotonic_time ();
  Stalls stalls = { start, 0, 0 };
  gint64 end = start + 120 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (5, on_stall_tick_cb, &stalls);

  while (_bri_window_is_exporting (f->window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
      if (max_progress != NULL)
        *max_progress = MAX (*max_progress, _bri_window_get_export_progress (f->window));
    }
  g_source_remove (tick);
  if (duration_ms != NULL)
    *duration_ms = (g_get_monotonic_time () - start) / 1000.0;
  if (ticks != NULL)
    *ticks = stalls.ticks;
  wait_frames (GTK_WIDGET (f->window), 2);
  return stalls.longest / 1000.0;
}

static void
wait_for_export (Fixture *f,
                 double  *max_progress)
{
  wait_for_export_timed (f, max_progress, NULL, NULL);
}

static cairo_surface_t *
load_png (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static void
test_map_image (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) png = out_file (f, "map.png");
  g_autoptr(GFile) sized = out_file (f, "map-sized.png");
  g_autoptr(GFile) svg = out_file (f, "map.svg");
  g_autoptr(GFile) pdf = out_file (f, "map.pdf");
  int w = gtk_widget_get_width (f->window->map_view), h = gtk_widget_get_height (f->window->map_view);
  g_autofree char *svg_text = NULL;
  g_autofree char *pdf_path = g_file_get_path (pdf);
  g_autofree char *pdf_text = NULL;
  cairo_surface_t *surface;

  open_location (f, "country:KE");

  g_assert_true (_bri_window_export_map (f->window, png, BRI_EXPORT_FORMAT_PNG, 2.0, 0, 0));
  wait_for_export (f, NULL);
  surface = load_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2 * w);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 2 * h);
  cairo_surface_destroy (surface);

  /* Any pixel size: the image is exactly that big. */
  g_assert_true (_bri_window_export_map (f->window, sized, BRI_EXPORT_FORMAT_PNG, 1.0, 1500, 1500));
  wait_for_export (f, NULL);
  surface = load_png (sized);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1500);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1500);
  cairo_surface_destroy (surface);

  g_assert_true (_bri_window_export_map (f->window, svg, BRI_EXPORT_FORMAT_SVG, 1.0, 0, 0));
  wait_for_export (f, NULL);
  g_assert_true (g_file_load_contents (svg, NULL, &svg_text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, ">Kenya</text>"));

  g_assert_true (_bri_window_export_map (f->window, pdf, BRI_EXPORT_FORMAT_PDF, 1.0, 0, 0));
  wait_for_export (f, NULL);
  pdf_text = pdf_test_text (pdf_path);
  g_assert_true (pdf_test_text_contains (pdf_text, "Kenya"));
  g_assert_true (pdf_test_text_contains (pdf_text, "Natural Earth"));
}

static BriTour *
cpec (void)
{
  g_autoptr(BriTourLibrary) library = bri_tour_library_new (NULL);
  g_autoptr(GError) error = NULL;

  bri_tour_library_load (library, NULL, &error);
  g_assert_no_error (error);
  return g_object_ref (bri_tour_library_lookup (library, "cpec"));
}

static gboolean
is_progress_bar (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_PROGRESS_BAR (widget) && gtk_widget_get_mapped (widget);
}

static GtkWidget *
find_progress_bar (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GtkWidget *bar = find_widget (window, is_progress_bar, NULL);

      if (bar != NULL)
        return bar;
    }
  return NULL;
}

static void
test_handout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BriTour) tour = cpec ();
  g_autoptr(GFile) file = out_file (f, "cpec.pdf");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GPtrArray) outline = NULL;
  double longest, duration, progress = 0.0;
  guint ticks;

  g_assert_true (_bri_window_export_handout (f->window, tour, BRI_PAPER_A4, TRUE, file));
  g_assert_true (_bri_window_is_exporting (f->window));
  wait_frames (GTK_WIDGET (f->window), 2);
  /* A progress bar in a dialog that can cancel, the window still live. */
  g_assert_nonnull (find_progress_bar ());
  /* One export at a time. */
  g_assert_false (_bri_window_export_handout (f->window, tour, BRI_PAPER_A4, TRUE, file));

  longest = wait_for_export_timed (f, &progress, &duration, &ticks);
  g_test_message ("the handout took %.0f ms; the main loop ran %u times meanwhile, its longest stall %.0f ms",
                  duration, ticks, longest);
  /* The work is elsewhere: the main loop runs all along, never stopping
   * for more than a fraction of the export (a sanitizer build is slower
   * throughout, so no fixed figure). */
  g_assert_cmpuint (ticks, >=, 10);
  g_assert_cmpfloat (longest, <, duration / 3.0);
  g_assert_cmpfloat (progress, >, 0.0);
  g_assert_null (find_progress_bar ());

  outline = pdf_test_outline (path);
  g_assert_cmpuint (outline->len, ==, g_list_model_get_n_items (G_LIST_MODEL (tour)) + 2);
}

static void
test_handout_cancelled (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BriTour) tour = cpec ();
  g_autoptr(GFile) file = out_file (f, "cancelled.pdf");

  g_assert_true (_bri_window_export_handout (f->window, tour, BRI_PAPER_LETTER, FALSE, file));
  _bri_window_cancel_export (f->window);
  wait_for_export (f, NULL);
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_false (_bri_window_is_exporting (f->window));
}

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) dossier = out_file (f, "kenya.pdf");
  g_autoptr(GFile) markdown = out_file (f, "kenya.md");
  g_autoptr(GFile) card = out_file (f, "gwadar.pdf");
  g_autoptr(GFile) nothing = out_file (f, "nothing.pdf");
  g_autofree char *dossier_path = g_file_get_path (dossier);
  g_autofree char *card_path = g_file_get_path (card);
  g_autofree char *text = NULL;
  g_autofree char *md = NULL;

  /* Nothing opened: nothing to export, and no file. */
  g_assert_false (_bri_window_export_document (f->window, nothing));

  open_location (f, "country:KE");
  g_assert_true (_bri_window_export_document (f->window, dossier));
  wait_for_export (f, NULL);
  text = pdf_test_text (dossier_path);
  g_assert_true (pdf_test_text_contains (text, "Kenya: country dossier"));
  g_assert_true (_bri_window_export_document (f->window, markdown));
  wait_for_export (f, NULL);
  g_assert_true (g_file_load_contents (markdown, NULL, &md, NULL, NULL, NULL));
  g_assert_true (g_str_has_prefix (md, "# Kenya: country dossier"));

  open_location (f, "feature:gwadar-port");
  g_assert_true (_bri_window_export_document (f->window, card));
  wait_for_export (f, NULL);
  g_clear_pointer (&text, g_free);
  text = pdf_test_text (card_path);
  g_assert_true (pdf_test_text_contains (text, "Gwadar"));
  g_assert_false (g_file_query_exists (nothing, NULL));
}

/* The places the map shows: after a filter, only those. */
static void
test_places (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) file = out_file (f, "ports.geojson");
  g_autofree char *json = NULL;
  guint n_shown, n_features = 0;

  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    bri_feature_filter_set_kind_shown (f->window->filter, k, k == BRI_FEATURE_KIND_PORT);
  wait_frames (GTK_WIDGET (f->window), 2);
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (f->window->filtered));
  g_assert_cmpuint (n_shown, >, 0);

  g_assert_true (_bri_window_export_places (f->window, BRI_EXPORT_FORMAT_GEOJSON, file));
  wait_for_export (f, NULL);
  g_assert_true (g_file_load_contents (file, NULL, &json, NULL, NULL, NULL));
  for (const char *p = json; (p = strstr (p, "\"type\": \"Feature\",")) != NULL; p++)
    n_features++;
  g_assert_cmpuint (n_features, ==, n_shown);
  g_assert_null (strstr (json, "\"kind\": \"railway\""));
  bri_feature_filter_reset (f->window->filter);
}

static void
test_passages (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GFile) file = out_file (f, "kenya.csv");
  g_autoptr(GListModel) passages = bri_atlas_get_country_passages (atlas, bri_atlas_lookup_country (atlas, "KE"));
  g_autofree char *csv = NULL;
  guint n_records = 0;

  open_location (f, "country:KE");
  g_assert_true (_bri_window_export_passages (f->window, file));
  wait_for_export (f, NULL);
  g_assert_true (g_file_load_contents (file, NULL, &csv, NULL, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "document_id,document,date,section,ordinal,text,"));
  /* Records end in CRLF; a line break inside a field is a bare LF. */
  for (const char *p = csv; (p = strstr (p, "\r\n")) != NULL; p++)
    n_records++;
  g_assert_cmpuint (n_records, ==, g_list_model_get_n_items (passages) + 1);
}

static void
on_texture_read_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr(GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static void
test_copy_map (Fixture       *f,
               gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  g_autoptr(GdkTexture) texture = NULL;
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (f->window));

  gdk_clipboard_set_text (clipboard, "before");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-map", NULL));
  while (!gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }

  gdk_clipboard_read_texture_async (clipboard, NULL, on_texture_read_cb, &texture);
  while (texture == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpint (gdk_texture_get_width (texture), ==, scale * gtk_widget_get_width (f->window->map_view));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, scale * gtk_widget_get_height (f->window->map_view));
}

static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GFile) file = out_file (f, "print.pdf");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) ink = NULL;

  open_location (f, "country:PK");
  g_assert_true (_bri_window_print_to_file (f->window, file, &error));
  g_assert_no_error (error);
  text = pdf_test_text (path);
  g_assert_true (pdf_test_text_contains (text, "Pakistan · BriAtlas"));
  g_assert_true (pdf_test_text_contains (text, "Legend"));
  g_assert_true (pdf_test_text_contains (text, "Natural Earth"));
  ink = pdf_test_ink (path);
  g_assert_cmpuint (ink->len, ==, 1);
  g_assert_cmpfloat (g_array_index (ink, double, 0), >, 0.3);
}

/* Every action the Export menu and its shortcuts name is installed. */
static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  const char * const actions[] = {
    "export-image", "copy-map", "print", "export-handout", "export-document",
    "export-places", "export-passages", "open-export",
  };
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (f->window);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *name = g_strdup_printf ("win.%s", actions[i]);
      gboolean found = FALSE;

      for (guint k = 0; !found; k++)
        {
          GType owner;
          const char *installed, *property;
          const GVariantType *parameter;

          if (!gtk_widget_class_query_action (klass, k, &owner, &installed, &parameter, &property))
            break;
          found = g_str_equal (installed, name);
        }
      if (!found)
        g_error ("no action %s", name);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (!panel_test_init (&argc, &argv))
    return 1;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/bri/window-export/map-image", Fixture, NULL, fixture_set_up, test_map_image, fixture_tear_down);
  g_test_add ("/bri/window-export/handout", Fixture, NULL, fixture_set_up, test_handout, fixture_tear_down);
  g_test_add ("/bri/window-export/handout-cancelled", Fixture, NULL, fixture_set_up, test_handout_cancelled, fixture_tear_down);
  g_test_add ("/bri/window-export/documents", Fixture, NULL, fixture_set_up, test_documents, fixture_tear_down);
  g_test_add ("/bri/window-export/places", Fixture, NULL, fixture_set_up, test_places, fixture_tear_down);
  g_test_add ("/bri/window-export/passages", Fixture, NULL, fixture_set_up, test_passages, fixture_tear_down);
  g_test_add ("/bri/window-export/copy-map", Fixture, NULL, fixture_set_up, test_copy_map, fixture_tear_down);
  g_test_add ("/bri/window-export/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/bri/window-export/actions", Fixture, NULL, fixture_set_up, test_actions, fixture_tear_down);

  return panel_test_run ();
}
