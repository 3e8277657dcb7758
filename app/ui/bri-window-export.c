/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's Export menu and Print: the map as an image or on the
 * clipboard, a tour's handout, the dossier of the country or the card of
 * the place shown, the places shown as data, the passages of a country or
 * a search.
 *
 * What an export needs from the atlas is read on the main thread (render
 * copies the lists, resolves the stops, reads the passages); the drawing
 * and writing run in a worker thread while a small dialog shows how far
 * it has come and can cancel it, and the window goes on.  One export at
 * a time. */

#define G_LOG_DOMAIN "bri-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bri-country-dossier.h"
#include "bri-feature-sheet.h"
#include "bri-feature-table.h"
#include "bri-handout.h"
#include "bri-map-renderer.h"
#include "bri-map-view.h"
#include "bri-panel-util.h"
#include "bri-passage-table.h"
#include "bri-tour-library.h"
#include "bri-window-export.h"
#include "bri-window-private.h"

/* The job running, if any, on the window (one at a time). */
#define JOB_KEY "bri-export-job"

typedef GBytes *(*ExportFunc) (gpointer         data,
                               GCancellable    *cancellable,
                               BriProgressFunc  progress,
                               gpointer         progress_data,
                               GError         **error);

/* Lives on the main thread; the worker reads func, data, file and
 * cancellable, and writes permille. */
typedef struct
{
  BriWindow        *window;      /* weak */
  GFile            *file;
  ExportFunc        func;
  gpointer          data;
  GDestroyNotify    destroy;
  GCancellable     *cancellable;
  AdwMessageDialog *dialog;
  GtkProgressBar   *bar;
  guint             tick_id;
  int               permille;    /* from the worker, atomically */
} Job;

static void
job_free (Job *job)
{
  g_clear_handle_id (&job->tick_id, g_source_remove);
  if (job->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (job->dialog));
  if (job->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (job->window), (gpointer *) &job->window);
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  if (job->destroy != NULL)
    job->destroy (job->data);
  g_free (job);
}

static void
toast (BriWindow  *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

/* The worker thread tells how far it is; the dialog shows it, or pulses
 * for exports that cannot tell. */
static gboolean
on_job_tick_cb (gpointer user_data)
{
  Job *job = user_data;
  int permille = g_atomic_int_get (&job->permille);

  if (permille > 0)
    gtk_progress_bar_set_fraction (job->bar, permille / 1000.0);
  else
    gtk_progress_bar_pulse (job->bar);
  return G_SOURCE_CONTINUE;
}

static void
on_job_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Job              *job)
{
  g_cancellable_cancel (job->cancellable);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = job->func (job->data, cancellable, on_progress, job, &error);
  if (bytes != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    bri_export_write (job->file, bytes, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* On the main thread, whatever became of the window meanwhile. */
static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  Job *job = user_data;
  BriWindow *self = job->window;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self == NULL)
    {
      job_free (job);
      return;
    }

  g_object_set_data (G_OBJECT (self), JOB_KEY, NULL);
  if (!ok)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, _("Export cancelled"));
      else
        {
          AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                                 _("Export Failed"), NULL));

          /* The body is plain text: a file name may hold "&". */
          adw_message_dialog_set_body (dialog, error->message);
          adw_message_dialog_add_response (dialog, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      job_free (job);
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (job->file);
    g_autofree char *uri = g_file_get_uri (job->file);
    g_autofree char *escaped = g_markup_escape_text (name, -1);
    /* TRANSLATORS: a toast after an export; %s is the file's name */
    g_autofree char *title = g_strdup_printf (_("Saved “%s”"), escaped);
    AdwToast *done = adw_toast_new (title);

    adw_toast_set_button_label (done, _("_Open"));
    adw_toast_set_action_name (done, "win.open-export");
    adw_toast_set_action_target_value (done, g_variant_new_string (uri));
    adw_toast_overlay_add_toast (self->toast_overlay, done);
  }
  job_free (job);
}

/* Runs @func in a worker thread and writes what it makes to @file;
 * takes @data. */
static gboolean
start_job (BriWindow      *self,
           GFile          *file,
           const char     *heading,
           ExportFunc      func,
           gpointer        data,
           GDestroyNotify  destroy)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *bar;
  Job *job;

  if (_bri_window_is_exporting (self))
    {
      toast (self, _("Another export is running"));
      if (destroy != NULL)
        destroy (data);
      return FALSE;
    }

  job = g_new0 (Job, 1);
  job->window = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &job->window);
  job->file = g_object_ref (file);
  job->func = func;
  job->data = data;
  job->destroy = destroy;
  job->cancellable = g_cancellable_new ();

  /* Not modal: the window goes on while the export runs. */
  job->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, name));
  gtk_window_set_modal (GTK_WINDOW (job->dialog), FALSE);
  bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_pulse_step (GTK_PROGRESS_BAR (bar), 0.1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  job->bar = GTK_PROGRESS_BAR (bar);
  adw_message_dialog_set_extra_child (job->dialog, bar);
  adw_message_dialog_add_response (job->dialog, "cancel", _("_Cancel"));
  g_signal_connect (job->dialog, "response", G_CALLBACK (on_job_response_cb), job);
  gtk_window_present (GTK_WINDOW (job->dialog));
  job->tick_id = g_timeout_add (100, on_job_tick_cb, job);

  /* The job is freed by the callback, on this thread: it holds widgets. */
  task = g_task_new (NULL, job->cancellable, on_export_done_cb, job);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, NULL);
  g_object_set_data (G_OBJECT (self), JOB_KEY, job);
  g_task_run_in_thread (task, export_thread);
  return TRUE;
}

gboolean
_bri_window_is_exporting (BriWindow *self)
{
  return g_object_get_data (G_OBJECT (self), JOB_KEY) != NULL;
}

/* From 0 to 1; 0 also when the export cannot tell. */
double
_bri_window_get_export_progress (BriWindow *self)
{
  Job *job = g_object_get_data (G_OBJECT (self), JOB_KEY);

  return job != NULL ? g_atomic_int_get (&job->permille) / 1000.0 : 0.0;
}

void
_bri_window_cancel_export (BriWindow *self)
{
  Job *job = g_object_get_data (G_OBJECT (self), JOB_KEY);

  if (job != NULL)
    g_cancellable_cancel (job->cancellable);
}

/* What is shown */

static gboolean
atlas_ready (BriWindow *self)
{
  if (self->atlas != NULL && bri_atlas_is_loaded (self->atlas) && self->filtered != NULL)
    return TRUE;

  toast (self, _("The atlas is still loading"));
  return FALSE;
}

/* The place or country the side panel shows, from what was opened last. */
static BriLocation *
current_location (BriWindow *self)
{
  return bri_history_get_current (self->history);
}

static BriFeature *
current_feature (BriWindow *self)
{
  BriLocation *location = current_location (self);

  if (location == NULL || bri_location_get_kind (location) != BRI_LOCATION_FEATURE ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "feature") != 0)
    return NULL;
  return bri_atlas_lookup_feature (self->atlas, bri_location_get_id (location));
}

static BriCountry *
current_country (BriWindow *self)
{
  BriLocation *location = current_location (self);

  if (location == NULL || bri_location_get_kind (location) != BRI_LOCATION_COUNTRY ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "country") != 0)
    return NULL;
  return bri_atlas_lookup_country (self->atlas, bri_location_get_id (location));
}

/* A renderer of what the map shows: the places after the filters, the
 * selected place or country. */
static BriMapRenderer *
map_renderer (BriWindow        *self,
              BriRenderOptions *options)
{
  BriMapRenderer *renderer = bri_map_renderer_new_for_atlas (self->atlas, G_LIST_MODEL (self->filtered));
  BriCountry *country = current_country (self);

  bri_render_options_init (options);
  bri_map_renderer_set_selected (renderer, current_feature (self));
  options->country = country != NULL ? bri_country_get_numeric (country) : -1;
  return renderer;
}

/* The map's view as it is on screen. */
static void
current_view (BriWindow     *self,
              BriRenderView *view)
{
  ShumateViewport *viewport = bri_map_view_get_viewport (BRI_MAP_VIEW (self->map_view));

  bri_render_view_init_center (view,
                               shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                               shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                               shumate_viewport_get_zoom_level (viewport),
                               MAX (gtk_widget_get_width (self->map_view), 16),
                               MAX (gtk_widget_get_height (self->map_view), 16));
}

/* The map as an image, SVG or PDF */

typedef struct
{
  BriMapRenderer  *renderer;
  BriRenderView    view;
  BriRenderOptions options;
  BriExportFormat  format;
  double           scale;
} MapJob;

static void
map_job_free (MapJob *job)
{
  g_clear_object (&job->renderer);
  g_free (job);
}

static GBytes *
export_map (gpointer         data,
            GCancellable    *cancellable,
            BriProgressFunc  progress,
            gpointer         progress_data,
            GError         **error)
{
  MapJob *job = data;

  return bri_export_map (job->renderer, &job->view, &job->options, job->format, job->scale,
                         cancellable, error);
}

/* The current view at @scale; with @width and @height (pixels, > 0), an
 * image of that size showing at least what the window shows. */
static MapJob *
map_job_new (BriWindow *self,
             double     scale,
             int        width,
             int        height)
{
  MapJob *job = g_new0 (MapJob, 1);

  job->renderer = map_renderer (self, &job->options);
  job->options.style = bri_panel_get_tile_style ();
  current_view (self, &job->view);
  job->scale = scale;
  if (width > 0 && height > 0)
    {
      job->scale = MIN (width / job->view.width, height / job->view.height);
      job->view.width = width / job->scale;
      job->view.height = height / job->scale;
    }
  return job;
}

gboolean
_bri_window_export_map (BriWindow       *self,
                        GFile           *file,
                        BriExportFormat  format,
                        double           scale,
                        int              width,
                        int              height)
{
  MapJob *job;

  g_return_val_if_fail (BRI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!atlas_ready (self))
    return FALSE;

  job = map_job_new (self, scale, width, height);
  job->format = format;
  return start_job (self, file, _("Exporting the Map"), export_map, job, (GDestroyNotify) map_job_free);
}

/* Copy Map */

static void
copy_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  MapJob *job = task_data;
  GError *error = NULL;
  cairo_surface_t *surface = bri_export_map_image (job->renderer, &job->view, &job->options, job->scale, &error);

  if (surface == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

static void
on_copy_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BriWindow *self = BRI_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface = g_task_propagate_pointer (G_TASK (result), &error);
  int width, height, stride;

  if (surface == NULL)
    {
      toast (self, error->message);
      return;
    }

  /* Cairo's ARGB32 is GDK's default memory format. */
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  toast (self, _("Map copied"));
}

/* The view on the clipboard, as sharp as the screen shows it. */
gboolean
_bri_window_copy_map (BriWindow *self)
{
  g_autoptr(GTask) task = NULL;
  MapJob *job;

  g_return_val_if_fail (BRI_IS_WINDOW (self), FALSE);

  if (!atlas_ready (self))
    return FALSE;

  job = map_job_new (self, gtk_widget_get_scale_factor (GTK_WIDGET (self)), 0, 0);
  task = g_task_new (self, NULL, on_copy_done_cb, NULL);
  g_task_set_source_tag (task, _bri_window_copy_map);
  g_task_set_task_data (task, job, (GDestroyNotify) map_job_free);
  g_task_run_in_thread (task, copy_thread);
  return TRUE;
}

/* Handouts, dossiers, cards, data */

static GBytes *
export_handout (gpointer         data,
                GCancellable    *cancellable,
                BriProgressFunc  progress,
                gpointer         progress_data,
                GError         **error)
{
  return bri_handout_to_pdf (data, cancellable, progress, progress_data, error);
}

gboolean
_bri_window_export_handout (BriWindow *self,
                            BriTour   *tour,
                            BriPaper   paper,
                            gboolean   notes,
                            GFile     *file)
{
  BriHandout *handout;

  g_return_val_if_fail (BRI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (BRI_IS_TOUR (tour), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!atlas_ready (self))
    return FALSE;

  handout = bri_handout_new (tour, self->atlas);
  bri_handout_set_paper (handout, paper);
  bri_handout_set_notes (handout, notes);
  return start_job (self, file, _("Exporting the Handout"), export_handout, handout, g_object_unref);
}

static gboolean
has_extension (GFile      *file,
               const char *extension)
{
  g_autofree char *name = g_file_get_basename (file);
  BriExportFormat format, wanted;

  return bri_export_format_from_name (extension, &wanted) &&
         bri_export_format_from_path (name, &format) && format == wanted;
}

static GBytes *
export_dossier_pdf (gpointer         data,
                    GCancellable    *cancellable,
                    BriProgressFunc  progress,
                    gpointer         progress_data,
                    GError         **error)
{
  return bri_country_dossier_to_pdf (data, cancellable, error);
}

static GBytes *
export_dossier_markdown (gpointer         data,
                         GCancellable    *cancellable,
                         BriProgressFunc  progress,
                         gpointer         progress_data,
                         GError         **error)
{
  return bri_country_dossier_to_markdown (data);
}

static GBytes *
export_card (gpointer         data,
             GCancellable    *cancellable,
             BriProgressFunc  progress,
             gpointer         progress_data,
             GError         **error)
{
  return bri_feature_sheet_to_pdf (data, cancellable, error);
}

static BriPaper
default_paper (void)
{
  GtkPaperSize *size = gtk_paper_size_new (NULL);
  BriPaper paper = g_str_has_prefix (gtk_paper_size_get_name (size), "na_") ? BRI_PAPER_LETTER : BRI_PAPER_A4;

  gtk_paper_size_free (size);
  return paper;
}

/**
 * _bri_window_export_document:
 * @file: a .pdf, or for a country also a .md
 *
 * The country's dossier or the place's card, whichever the side panel
 * shows.
 */
gboolean
_bri_window_export_document (BriWindow *self,
                             GFile     *file)
{
  BriCountry *country;
  BriFeature *feature;

  g_return_val_if_fail (BRI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!atlas_ready (self))
    return FALSE;

  if ((country = current_country (self)) != NULL)
    {
      BriCountryDossier *dossier = bri_country_dossier_new (self->atlas, country);

      bri_country_dossier_set_paper (dossier, default_paper ());
      return start_job (self, file, _("Exporting the Dossier"),
                        has_extension (file, "md") ? export_dossier_markdown : export_dossier_pdf,
                        dossier, g_object_unref);
    }

  if ((feature = current_feature (self)) != NULL)
    {
      BriFeatureSheet *sheet = bri_feature_sheet_new (self->atlas, feature);

      bri_feature_sheet_set_paper (sheet, default_paper ());
      return start_job (self, file, _("Exporting the Card"), export_card, sheet, g_object_unref);
    }

  toast (self, _("Open a country or a place to export it"));
  return FALSE;
}

typedef struct
{
  BriFeatureTable *table;
  BriExportFormat  format;
} PlacesJob;

static void
places_job_free (PlacesJob *job)
{
  g_clear_object (&job->table);
  g_free (job);
}

static GBytes *
export_places (gpointer         data,
               GCancellable    *cancellable,
               BriProgressFunc  progress,
               gpointer         progress_data,
               GError         **error)
{
  PlacesJob *job = data;

  return bri_feature_table_to_bytes (job->table, job->format, error);
}

/* The places the map and the list show, after the filters. */
gboolean
_bri_window_export_places (BriWindow       *self,
                           BriExportFormat  format,
                           GFile           *file)
{
  PlacesJob *job;

  g_return_val_if_fail (BRI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!atlas_ready (self))
    return FALSE;

  job = g_new0 (PlacesJob, 1);
  job->table = bri_feature_table_new (self->atlas, G_LIST_MODEL (self->filtered));
  job->format = format;
  return start_job (self, file, _("Exporting the Places"), export_places, job, (GDestroyNotify) places_job_free);
}

static GBytes *
export_passages (gpointer         data,
                 GCancellable    *cancellable,
                 BriProgressFunc  progress,
                 gpointer         progress_data,
                 GError         **error)
{
  return bri_passage_table_to_csv (data);
}

/**
 * _bri_window_export_passages:
 *
 * The passages of the country shown, or else of the last search, as CSV.
 */
gboolean
_bri_window_export_passages (BriWindow *self,
                             GFile     *file)
{
  g_autoptr(GError) error = NULL;
  BriPassageTable *table = NULL;
  BriCountry *country;

  g_return_val_if_fail (BRI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!atlas_ready (self))
    return FALSE;

  if ((country = current_country (self)) != NULL)
    {
      g_autoptr(GListModel) passages = bri_atlas_get_country_passages (self->atlas, country);

      table = bri_passage_table_new (passages);
    }
  else if (self->query != NULL && self->query[0] != '\0')
    {
      table = bri_passage_table_new_search (self->atlas, self->query, &error);
      if (table == NULL)
        {
          toast (self, error->message);
          return FALSE;
        }
    }
  else
    {
      toast (self, _("Open a country or search to export passages"));
      return FALSE;
    }

  return start_job (self, file, _("Exporting the Passages"), export_passages, table, g_object_unref);
}

/* Print */

typedef struct
{
  BriMapRenderer  *renderer;
  BriRenderOptions options;
  BriRenderView    view;      /* as on screen */
  char            *title;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->renderer);
  g_free (job->title);
  g_free (job);
}

/* What the page is titled: what the side panel shows, or the atlas. */
static char *
print_title (BriWindow *self)
{
  BriCountry *country = current_country (self);
  BriFeature *feature = current_feature (self);

  if (country != NULL)
    return g_strdup_printf ("%s · BriAtlas", bri_country_get_display_name (country));
  if (feature != NULL)
    return g_strdup_printf ("%s · BriAtlas", bri_feature_get_name (feature));
  return g_strdup (_("The Belt and Road · BriAtlas"));
}

/* The view fitted to the page: the same centre, zoomed so that the page
 * shows what the window showed. */
static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double px_w = width / BRI_RENDER_POINTS_PER_PIXEL, px_h = height / BRI_RENDER_POINTS_PER_PIXEL;
  BriRenderView view = job->view;
  g_autoptr(GError) error = NULL;

  view.zoom += log2 (MIN (px_w / job->view.width, px_h / job->view.height));
  view.zoom = MAX (view.zoom, 0.0);
  if (!bri_map_renderer_draw_on_page (job->renderer, cr, 0, 0, width, height, &view, &job->options, &error))
    g_warning ("Cannot print the map: %s", error->message);
}

static GtkPrintOperation *
print_operation_new (BriWindow *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  PrintJob *job = g_new0 (PrintJob, 1);

  job->renderer = map_renderer (self, &job->options);
  current_view (self, &job->view);
  job->title = print_title (self);
  job->options.title = job->title;

  /* The page turned the way the map is. */
  gtk_page_setup_set_orientation (setup, job->view.width > job->view.height
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job->title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job,
                         (GClosureNotify) (void (*) (void)) print_job_free, 0);
  return operation;
}

/* Print's drawing without its dialog, for tests: the page as a PDF. */
gboolean
_bri_window_print_to_file (BriWindow  *self,
                           GFile      *pdf,
                           GError    **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = g_file_get_path (pdf);

  g_return_val_if_fail (BRI_IS_WINDOW (self), FALSE);

  if (!atlas_ready (self))
    return FALSE;

  operation = print_operation_new (self);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (self),
                                  error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (!atlas_ready (self))
    return;

  operation = print_operation_new (self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

/* Choosing the file */

typedef void (*ChosenFunc) (BriWindow *self,
                            GFile     *file,
                            gpointer   data);

typedef struct
{
  BriWindow      *window;
  ChosenFunc      chosen;
  gpointer        data;
  GDestroyNotify  destroy;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->window);
  if (choice->destroy != NULL)
    choice->destroy (choice->data);
  g_free (choice);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
      const char *extension = filter != NULL ? g_object_get_data (G_OBJECT (filter), "extension") : NULL;
      g_autofree char *name = g_file_get_basename (file);
      BriExportFormat format;

      /* A name without a known ending gets the chosen type's. */
      if (!bri_export_format_from_path (name, &format) && extension != NULL)
        {
          g_autofree char *full = g_strdup_printf ("%s.%s", name, extension);
          g_autoptr(GFile) parent = g_file_get_parent (file);
          GFile *named = g_file_get_child (parent, full);

          g_clear_object (&file);
          file = named;
        }
      choice->chosen (choice->window, file, choice->data);
    }

  choice_free (choice);
  g_object_unref (chooser);
}

/* Asks where to save; @formats (ending with -1) are offered, the first
 * one chosen; then @chosen is called with the file and @data. */
static void
choose_file (BriWindow             *self,
             const char            *title,
             const char            *suggested,
             const BriExportFormat *formats,
             ChosenFunc             chosen,
             gpointer               data,
             GDestroyNotify         destroy)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Export"), _("_Cancel"));
  Choice *choice = g_new0 (Choice, 1);
  g_autofree char *name = g_strdup_printf ("%s.%s", suggested, bri_export_format_get_extension (formats[0]));

  choice->window = g_object_ref (self);
  choice->chosen = chosen;
  choice->data = data;
  choice->destroy = destroy;

  for (guint i = 0; formats[i] != (BriExportFormat) -1; i++)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strdup_printf ("*.%s", bri_export_format_get_extension (formats[i]));
      g_autofree char *upper = g_ascii_strup (bri_export_format_get_extension (formats[i]), -1);

      gtk_file_filter_set_name (filter, upper);
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_filter_add_mime_type (filter, bri_export_format_get_mime_type (formats[i]));
      g_object_set_data_full (G_OBJECT (filter), "extension",
                              g_strdup (bri_export_format_get_extension (formats[i])), g_free);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      if (i == 0)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_unref (filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A slug for a file name: "Kenya" → "kenya", "Port of Mombasa" → "port-of-mombasa". */
static char *
slug (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, NULL);
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
    else if (out->len > 0 && out->str[out->len - 1] != '-')
      g_string_append_c (out, '-');
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* Export as Image… */

typedef struct
{
  GtkDropDown   *format;
  GtkDropDown   *size;
  GtkSpinButton *width;
  GtkSpinButton *height;
} ImageOptions;

typedef struct
{
  BriExportFormat format;
  double          scale;
  int             width;
  int             height;
} ImageChoice;

static void
on_image_chosen (BriWindow *self,
                 GFile     *file,
                 gpointer   data)
{
  ImageChoice *choice = data;
  g_autofree char *name = g_file_get_basename (file);
  BriExportFormat format = choice->format;

  bri_export_format_from_path (name, &format);
  _bri_window_export_map (self, file, format, choice->scale, choice->width, choice->height);
}

static void
on_size_selected_cb (GtkDropDown  *size,
                     GParamSpec   *pspec,
                     ImageOptions *options)
{
  gboolean custom = gtk_drop_down_get_selected (size) == 3;

  gtk_widget_set_sensitive (GTK_WIDGET (options->width), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (options->height), custom);
}

static void
on_format_selected_cb (GtkDropDown  *format,
                       GParamSpec   *pspec,
                       ImageOptions *options)
{
  /* Vector files have no pixels to count. */
  gtk_widget_set_sensitive (GTK_WIDGET (options->size), gtk_drop_down_get_selected (format) == 0);
  on_size_selected_cb (options->size, NULL, options);
  if (gtk_drop_down_get_selected (format) != 0)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (options->width), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (options->height), FALSE);
    }
}

static void
on_image_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      BriWindow        *self)
{
  static const BriExportFormat formats[] = { BRI_EXPORT_FORMAT_PNG, BRI_EXPORT_FORMAT_SVG, BRI_EXPORT_FORMAT_PDF };
  static const double scales[] = { 1.0, 2.0, 4.0 };
  ImageOptions *options = g_object_get_data (G_OBJECT (dialog), "options");
  ImageChoice *choice;
  BriExportFormat chosen[] = { 0, (BriExportFormat) -1 };
  guint size;

  if (g_strcmp0 (response, "export") != 0)
    return;

  choice = g_new0 (ImageChoice, 1);
  choice->format = formats[MIN (gtk_drop_down_get_selected (options->format), G_N_ELEMENTS (formats) - 1)];
  size = gtk_drop_down_get_selected (options->size);
  choice->scale = size < G_N_ELEMENTS (scales) ? scales[size] : 1.0;
  if (choice->format == BRI_EXPORT_FORMAT_PNG && size == 3)
    {
      choice->width = gtk_spin_button_get_value_as_int (options->width);
      choice->height = gtk_spin_button_get_value_as_int (options->height);
    }
  chosen[0] = choice->format;
  choose_file (self, _("Export Map as Image"), "map", chosen, on_image_chosen, choice, g_free);
}

static GtkWidget *
labelled (GtkWidget  *grid,
          int         row,
          const char *text,
          GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), widget, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return widget;
}

static void
export_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  const char *format_names[] = { "PNG", "SVG", "PDF", NULL };
  int w = MAX (gtk_widget_get_width (self->map_view), 16), h = MAX (gtk_widget_get_height (self->map_view), 16);
  g_autofree char *one = g_strdup_printf (_("1× (%d × %d pixels)"), w, h);
  g_autofree char *two = g_strdup_printf (_("2× (%d × %d pixels)"), 2 * w, 2 * h);
  g_autofree char *four = g_strdup_printf (_("4× (%d × %d pixels)"), 4 * w, 4 * h);
  const char *size_names[] = { one, two, four, _("Other size"), NULL };
  AdwMessageDialog *dialog;
  ImageOptions *options;
  GtkWidget *grid;

  if (!atlas_ready (self))
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Export Map as Image"),
                                                       _("The map as the window shows it, with its legend, "
                                                         "scale and sources.")));
  options = g_new0 (ImageOptions, 1);
  g_object_set_data_full (G_OBJECT (dialog), "options", options, g_free);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  options->format = GTK_DROP_DOWN (labelled (grid, 0, _("_Format"), gtk_drop_down_new_from_strings (format_names)));
  options->size = GTK_DROP_DOWN (labelled (grid, 1, _("_Size"), gtk_drop_down_new_from_strings (size_names)));
  options->width = GTK_SPIN_BUTTON (labelled (grid, 2, _("_Width"), gtk_spin_button_new_with_range (16, BRI_EXPORT_MAX_PIXELS, 1)));
  options->height = GTK_SPIN_BUTTON (labelled (grid, 3, _("_Height"), gtk_spin_button_new_with_range (16, BRI_EXPORT_MAX_PIXELS, 1)));
  gtk_spin_button_set_value (options->width, 4 * w);
  gtk_spin_button_set_value (options->height, 4 * h);
  g_signal_connect (options->size, "notify::selected", G_CALLBACK (on_size_selected_cb), options);
  g_signal_connect (options->format, "notify::selected", G_CALLBACK (on_format_selected_cb), options);
  on_size_selected_cb (options->size, NULL, options);
  adw_message_dialog_set_extra_child (dialog, grid);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "export", _("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "export");
  g_signal_connect (dialog, "response", G_CALLBACK (on_image_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_map_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  _bri_window_copy_map (BRI_WINDOW (widget));
}

/* Tour Handout… */

typedef struct
{
  BriTour  *tour;
  BriPaper  paper;
  gboolean  notes;
} HandoutChoice;

static void
handout_choice_free (HandoutChoice *choice)
{
  g_clear_object (&choice->tour);
  g_free (choice);
}

static void
on_handout_chosen (BriWindow *self,
                   GFile     *file,
                   gpointer   data)
{
  HandoutChoice *choice = data;

  _bri_window_export_handout (self, choice->tour, choice->paper, choice->notes, file);
}

static void
choose_handout_file (BriWindow *self,
                     BriTour   *tour,
                     BriPaper   paper,
                     gboolean   notes)
{
  static const BriExportFormat pdf[] = { BRI_EXPORT_FORMAT_PDF, (BriExportFormat) -1 };
  HandoutChoice *choice = g_new0 (HandoutChoice, 1);

  choice->tour = g_object_ref (tour);
  choice->paper = paper;
  choice->notes = notes;
  choose_file (self, _("Export Tour Handout"), bri_tour_get_id (tour), pdf, on_handout_chosen, choice,
               (GDestroyNotify) handout_choice_free);
}

static void
on_handout_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        BriWindow        *self)
{
  GListModel *tours = g_object_get_data (G_OBJECT (dialog), "tours");
  GtkDropDown *tour = g_object_get_data (G_OBJECT (dialog), "tour");
  GtkDropDown *paper = g_object_get_data (G_OBJECT (dialog), "paper");
  GtkCheckButton *notes = g_object_get_data (G_OBJECT (dialog), "notes");
  g_autoptr(BriTour) chosen = NULL;

  if (g_strcmp0 (response, "export") != 0)
    return;

  chosen = g_list_model_get_item (tours, gtk_drop_down_get_selected (tour));
  if (chosen != NULL)
    choose_handout_file (self, chosen, gtk_drop_down_get_selected (paper) == 1 ? BRI_PAPER_LETTER : BRI_PAPER_A4,
                         gtk_check_button_get_active (notes));
}

static char *
tour_title (BriTour *tour)
{
  return g_strdup (tour != NULL ? bri_tour_get_title (tour) : "");
}

/* win.export-handout::TOUR — a tour's id, or "" to choose one. */
static void
export_handout_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  g_autoptr(BriTourLibrary) library = bri_tour_library_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkExpression) title = NULL;
  const char *papers[] = { _("A4"), _("US Letter"), NULL };
  const char *id = g_variant_get_string (param, NULL);
  AdwMessageDialog *dialog;
  GtkWidget *grid, *tour, *paper, *notes;

  if (!atlas_ready (self))
    return;

  if (!bri_tour_library_load (library, NULL, &error))
    {
      toast (self, error->message);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Export Tour Handout"),
                                                       _("A PDF for the class: a map of every stop, then each "
                                                         "stop's map, caption, quote and citation, and the "
                                                         "sources.")));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  title = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (tour_title), NULL, NULL);
  tour = labelled (grid, 0, _("_Tour"), gtk_drop_down_new (g_object_ref (G_LIST_MODEL (library)),
                                                           g_steal_pointer (&title)));
  paper = labelled (grid, 1, _("_Paper"), gtk_drop_down_new_from_strings (papers));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (paper), default_paper () == BRI_PAPER_LETTER);
  notes = gtk_check_button_new_with_mnemonic (_("Include the teacher’s _notes"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (notes), TRUE);
  gtk_grid_attach (GTK_GRID (grid), notes, 1, 2, 1, 1);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(BriTour) t = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (g_strcmp0 (bri_tour_get_id (t), id) == 0)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (tour), i);
    }

  g_object_set_data_full (G_OBJECT (dialog), "tours", g_object_ref (library), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "tour", tour);
  g_object_set_data (G_OBJECT (dialog), "paper", paper);
  g_object_set_data (G_OBJECT (dialog), "notes", notes);
  adw_message_dialog_set_extra_child (dialog, grid);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "export", _("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "export");
  g_signal_connect (dialog, "response", G_CALLBACK (on_handout_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Dossier or card, places, passages */

static void
on_document_chosen (BriWindow *self,
                    GFile     *file,
                    gpointer   data)
{
  _bri_window_export_document (self, file);
}

static void
export_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  static const BriExportFormat dossier[] = { BRI_EXPORT_FORMAT_PDF, BRI_EXPORT_FORMAT_MARKDOWN, (BriExportFormat) -1 };
  static const BriExportFormat card[] = { BRI_EXPORT_FORMAT_PDF, (BriExportFormat) -1 };
  BriWindow *self = BRI_WINDOW (widget);
  BriCountry *country;
  BriFeature *feature;

  if (!atlas_ready (self))
    return;

  if ((country = current_country (self)) != NULL)
    {
      g_autofree char *name = slug (bri_country_get_display_name (country));
      g_autofree char *suggested = g_strdup_printf ("%s-dossier", name);

      choose_file (self, _("Export Country Dossier"), suggested, dossier, on_document_chosen, NULL, NULL);
    }
  else if ((feature = current_feature (self)) != NULL)
    choose_file (self, _("Export Place Card"), bri_feature_get_id (feature), card, on_document_chosen, NULL, NULL);
  else
    toast (self, _("Open a country or a place to export it"));
}

static void
on_places_chosen (BriWindow *self,
                  GFile     *file,
                  gpointer   data)
{
  g_autofree char *name = g_file_get_basename (file);
  BriExportFormat format = BRI_EXPORT_FORMAT_GEOJSON;

  bri_export_format_from_path (name, &format);
  _bri_window_export_places (self, format, file);
}

static void
export_places_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  static const BriExportFormat formats[] = {
    BRI_EXPORT_FORMAT_GEOJSON, BRI_EXPORT_FORMAT_KML, BRI_EXPORT_FORMAT_CSV, (BriExportFormat) -1
  };
  BriWindow *self = BRI_WINDOW (widget);

  if (atlas_ready (self))
    choose_file (self, _("Export Places Shown"), "places", formats, on_places_chosen, NULL, NULL);
}

static void
on_passages_chosen (BriWindow *self,
                    GFile     *file,
                    gpointer   data)
{
  _bri_window_export_passages (self, file);
}

static void
export_passages_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  static const BriExportFormat csv[] = { BRI_EXPORT_FORMAT_CSV, (BriExportFormat) -1 };
  BriWindow *self = BRI_WINDOW (widget);
  BriCountry *country;
  g_autofree char *suggested = NULL;

  if (!atlas_ready (self))
    return;

  if ((country = current_country (self)) != NULL)
    {
      g_autofree char *name = slug (bri_country_get_display_name (country));

      suggested = g_strdup_printf ("%s-passages", name);
    }
  else if (self->query != NULL && self->query[0] != '\0')
    {
      g_autofree char *name = slug (self->query);

      suggested = g_strdup_printf ("search-%s", name);
    }
  else
    {
      toast (self, _("Open a country or search to export passages"));
      return;
    }

  choose_file (self, _("Export Passages"), suggested, csv, on_passages_chosen, NULL, NULL);
}

/* The Open button of the toast that says an export is saved. */
static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_app_info_launch_default_for_uri_async (g_variant_get_string (param, NULL), NULL, NULL, NULL, NULL);
}

void
_bri_window_class_install_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-image", NULL, export_image_action);
  gtk_widget_class_install_action (widget_class, "win.copy-map", NULL, copy_map_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-handout", "s", export_handout_action);
  gtk_widget_class_install_action (widget_class, "win.export-document", NULL, export_document_action);
  gtk_widget_class_install_action (widget_class, "win.export-places", NULL, export_places_action);
  gtk_widget_class_install_action (widget_class, "win.export-passages", NULL, export_passages_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                      "win.export-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                      "win.copy-map", NULL);
}
