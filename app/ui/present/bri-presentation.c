/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriPresentation: lies over the map view and, while a tour is presented,
 * drives it.  The state — which stop, what is revealed, a blank screen,
 * a typed number — is the core's BriTourPlayer; this widget turns keys
 * into its commands and shows what it says: the caption card (the stop's
 * title, caption and quote with its citation, plain text, never markup),
 * the "3 / 12" progress, a black or white screen, the keys on "?".
 *
 * Readable from the back of a room: the type follows the window's height
 * (titles 1/18 of it, body text 1/36, the citation 1/40), and the map's
 * features are drawn heavier.  The card covers the left of the screen;
 * the map shows each stop's view in the rest (bri_map_view_show_view()).
 *
 * Moving to another stop flies the map there; with animations turned off
 * the map jumps.  "settled" turns TRUE at the first frame that shows the
 * new stop with all its tiles — measured on the frame clock, never by
 * waiting for libshumate's animation-completed, which a jump never sends. */

#define G_LOG_DOMAIN "bri-presentation"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "bri-panel-util.h"
#include "bri-presentation.h"
#include "bri-presenter-window.h"
#include "bri-resolved-stop.h"

/* Shares of the window: the card's width, and the type sizes as a
 * fraction of the height. */
#define CARD_WIDTH      0.42
#define TITLE_SIZE      (1.0 / 18.0)
#define BODY_SIZE       (1.0 / 36.0)
#define CITATION_SIZE   (1.0 / 40.0)
#define PROGRESS_SIZE   (1.0 / 44.0)
#define TYPED_SIZE      (1.0 / 20.0)
#define MARGIN          (1.0 / 32.0)

/* A flight that has not arrived this long after its end is taken as
 * arrived when the map stops moving. */
#define FLIGHT_GRACE_US (300 * G_TIME_SPAN_MILLISECOND)

struct _BriPresentation
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkWidget     *card;
  GtkWidget     *card_scroller;
  GtkWidget     *card_box;
  GtkLabel      *title_label;
  GtkLabel      *caption_label;
  GtkLabel      *quote_label;
  GtkLabel      *citation_label;
  GtkLabel      *missing_label;
  GtkLabel      *progress_label;
  GtkLabel      *typed_label;
  GtkWidget     *help;
  GtkWidget     *blank;

  BriAtlas      *atlas;
  BriMapView    *map_view;
  BriTourPlayer *player;
  GListStore    *shown;           /* of BriFeature: the map's features while presenting */
  GListModel    *saved_features;  /* the map's features before */
  GtkWidget     *presenter;       /* BriPresenterWindow, weak */

  gboolean       presenting;
  gboolean       settled;
  gboolean       unattended;
  gint64         started_us;
  guint          play_timeout_id;
  guint          reshow_idle_id;

  /* Where the map goes for this step, and when the flight ends */
  double         target_lat;
  double         target_lon;
  double         target_zoom;
  gint64         flight_end_us;
  double         last_lat;
  double         last_lon;
  double         last_zoom;
  GdkFrameClock *frame_clock;
  gulong         after_paint_id;

  /* The size the type and the map's view were last fitted to */
  int            fitted_width;
  int            fitted_height;
  int            fonts_height;
};

G_DEFINE_FINAL_TYPE (BriPresentation, bri_presentation, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PRESENTING,
  PROP_SETTLED,
  PROP_UNATTENDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Layout */

typedef struct
{
  int margin;
  int card_width;
} Layout;

static void
compute_layout (int     width,
                int     height,
                Layout *layout)
{
  layout->margin = MAX (12, (int) round (height * MARGIN));
  layout->card_width = MIN (width - 2 * layout->margin,
                            MAX (320, (int) round (width * CARD_WIDTH)));
}

static void
set_font_size (GtkLabel *label,
               double    pixels)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_size_new_absolute ((int) ceil (pixels) * PANGO_SCALE));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

/* Every size on the card follows the height, so that the same tour
 * reads the same from the back of the room on any screen. */
static void
update_fonts (BriPresentation *self,
              int              height)
{
  int pad = MAX (8, (int) round (height / 40.0));
  int gap = MAX (4, (int) round (height / 80.0));

  if (height == self->fonts_height || height <= 0)
    return;

  self->fonts_height = height;
  set_font_size (self->title_label, height * TITLE_SIZE);
  set_font_size (self->caption_label, height * BODY_SIZE);
  set_font_size (self->quote_label, height * BODY_SIZE);
  set_font_size (self->citation_label, height * CITATION_SIZE);
  set_font_size (self->missing_label, height * CITATION_SIZE);
  set_font_size (self->progress_label, height * PROGRESS_SIZE);
  set_font_size (self->typed_label, height * TYPED_SIZE);

  gtk_widget_set_margin_start (self->card_box, pad);
  gtk_widget_set_margin_end (self->card_box, pad);
  gtk_widget_set_margin_top (self->card_box, pad);
  gtk_widget_set_margin_bottom (self->card_box, pad);
  gtk_box_set_spacing (GTK_BOX (self->card_box), gap);

  for (GtkWidget *child = gtk_widget_get_first_child (self->help);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_font_size (GTK_LABEL (child), height * BODY_SIZE);
  gtk_grid_set_row_spacing (GTK_GRID (self->help), gap);
  gtk_grid_set_column_spacing (GTK_GRID (self->help), 2 * pad);

  if (self->map_view != NULL && self->presenting)
    bri_map_view_set_line_scale (self->map_view, MAX (1.5, height / 540.0));
}

static void
bri_presentation_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  /* It lies over the map and takes the map's size, whatever it holds. */
  *minimum = *natural = 0;
}

static void
allocate_at (GtkWidget *child,
             int        x,
             int        y,
             int        width,
             int        height)
{
  if (gtk_widget_should_layout (child))
    gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
natural_size (GtkWidget *child,
              int       *width,
              int       *height)
{
  GtkRequisition natural;

  gtk_widget_get_preferred_size (child, NULL, &natural);
  *width = natural.width;
  *height = natural.height;
}

static void reshow (BriPresentation *self);

static gboolean
on_reshow_idle_cb (gpointer user_data)
{
  BriPresentation *self = user_data;

  self->reshow_idle_id = 0;
  reshow (self);
  return G_SOURCE_REMOVE;
}

static void
bri_presentation_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  BriPresentation *self = BRI_PRESENTATION (widget);
  Layout layout;
  int card_height, w, h;

  update_fonts (self, height);
  compute_layout (width, height, &layout);

  /* The card at the bottom left, as tall as its text, never taller
   * than the screen (it scrolls then). */
  if (gtk_widget_should_layout (self->card))
    {
      /* GTK 4.8's scrolled window gives its child's natural height for
       * no particular width: measure the text for the card's. */
      gtk_widget_measure (self->card_box, GTK_ORIENTATION_VERTICAL, layout.card_width,
                          NULL, &card_height, NULL, NULL);
      card_height = MIN (card_height, height - 2 * layout.margin);
      allocate_at (self->card, layout.margin, height - layout.margin - card_height,
                   layout.card_width, card_height);
    }

  natural_size (GTK_WIDGET (self->progress_label), &w, &h);
  allocate_at (GTK_WIDGET (self->progress_label), width - layout.margin - w, layout.margin, w, h);

  {
    int pw = w, ph = h;

    natural_size (GTK_WIDGET (self->typed_label), &w, &h);
    allocate_at (GTK_WIDGET (self->typed_label), width - layout.margin - MAX (w, pw),
                 layout.margin + ph + layout.margin / 2, MAX (w, pw), h);
  }

  natural_size (self->help, &w, &h);
  w = MIN (w, width);
  h = MIN (h, height);
  allocate_at (self->help, (width - w) / 2, (height - h) / 2, w, h);

  allocate_at (self->blank, 0, 0, width, height);

  /* A new size (going full screen takes a frame or two) fits the stop
   * again, at once. */
  if (self->presenting && (width != self->fitted_width || height != self->fitted_height) &&
      self->reshow_idle_id == 0)
    self->reshow_idle_id = g_idle_add (on_reshow_idle_cb, self);
}

/* Events only where something is shown: the map beneath stays
 * draggable around the card. */
static gboolean
bri_presentation_contains (GtkWidget *widget,
                           double     x,
                           double     y)
{
  BriPresentation *self = BRI_PRESENTATION (widget);

  return gtk_widget_get_visible (self->blank) || gtk_widget_get_visible (self->help);
}

/* Showing a step */

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gboolean empty = text == NULL || text[0] == '\0';

  gtk_label_set_text (label, empty ? "" : text);
  gtk_widget_set_visible (GTK_WIDGET (label), !empty);
}

static void
update_card (BriPresentation *self)
{
  BriTourStop *stop = bri_tour_player_get_stop (self->player);
  g_autoptr(BriResolvedStop) resolved = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *citation = NULL;
  g_autofree char *missing = NULL;

  if (stop == NULL)
    return;

  resolved = bri_resolved_stop_new (stop, self->atlas);
  if (bri_resolved_stop_get_quote_text (resolved) != NULL)
    /* Translators: a quoted passage on a presented stop */
    quote = g_strdup_printf (_("“%s”"), bri_resolved_stop_get_quote_text (resolved));
  if (bri_resolved_stop_get_citation (resolved) != NULL)
    /* Translators: the source of a quoted passage, below it */
    citation = g_strdup_printf (_("— %s"), bri_resolved_stop_get_citation (resolved));
  if (!bri_resolved_stop_is_complete (resolved))
    missing = g_strjoinv ("\n", (char **) bri_resolved_stop_get_missing (resolved));

  set_text (self->title_label, bri_tour_stop_get_title (stop));
  set_text (self->caption_label, bri_tour_stop_get_caption (stop));
  set_text (self->quote_label, quote);
  set_text (self->citation_label, citation);
  set_text (self->missing_label, missing);

  /* A new stop's text starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->card_scroller)), 0);
}

static void
update_progress (BriPresentation *self)
{
  guint position = bri_tour_player_get_position (self->player) + 1;
  guint n_stops = bri_tour_player_get_n_stops (self->player);
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  /* Translators: the presentation's progress, "stop / stops" */
  text = g_strdup_printf (_("%u / %u"), position, n_stops);
  /* Translators: the progress for a screen reader */
  spoken = g_strdup_printf (_("Stop %u of %u"), position, n_stops);
  gtk_label_set_text (self->progress_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
update_features (BriPresentation *self)
{
  g_autoptr(GPtrArray) ids = bri_tour_player_get_shown (self->player);
  g_autoptr(GPtrArray) features = g_ptr_array_new ();
  const char *highlight = bri_tour_player_get_highlight (self->player);
  BriTourStop *stop = bri_tour_player_get_stop (self->player);
  BriLocation *subject = stop != NULL ? bri_tour_stop_get_subject (stop) : NULL;
  BriCountry *country = NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      BriFeature *feature = bri_atlas_lookup_feature (self->atlas, g_ptr_array_index (ids, i));

      if (feature != NULL)
        g_ptr_array_add (features, feature);
    }
  g_list_store_splice (self->shown, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shown)),
                       features->pdata, features->len);

  if (subject != NULL && bri_location_get_kind (subject) == BRI_LOCATION_COUNTRY)
    country = bri_atlas_lookup_country (self->atlas, bri_location_get_id (subject));

  bri_map_view_select_feature (self->map_view,
                               highlight != NULL ? bri_atlas_lookup_feature (self->atlas, highlight) : NULL);
  bri_map_view_highlight_country (self->map_view, country);
}

static void
set_settled (BriPresentation *self,
             gboolean         settled)
{
  if (self->settled == settled)
    return;

  self->settled = settled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTLED]);
}

/* Sends the map to the stop's view: a flight over @duration_ms, or a
 * jump for 0. */
static void
move_map (BriPresentation *self,
          guint            duration_ms)
{
  BriTourStop *stop = bri_tour_player_get_stop (self->player);
  BriLocation *view = stop != NULL ? bri_tour_stop_get_view (stop) : NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (self->map_view));
  int height = gtk_widget_get_height (GTK_WIDGET (self->map_view));
  double lat, lon, zoom;
  Layout layout;

  if (view == NULL)
    return;

  /* The card covers the left: the map shows the stop beside it. */
  compute_layout (width, height, &layout);
  bri_map_view_set_obscured (self->map_view, GTK_POS_LEFT, layout.margin + layout.card_width);
  bri_map_view_set_obscured (self->map_view, GTK_POS_RIGHT, 0);
  self->fitted_width = gtk_widget_get_width (GTK_WIDGET (self));
  self->fitted_height = gtk_widget_get_height (GTK_WIDGET (self));

  bri_location_get_view (view, &lat, &lon, &zoom);
  bri_map_view_show_view (self->map_view, lat, lon, zoom, duration_ms,
                          &self->target_lat, &self->target_lon, &self->target_zoom);
  self->flight_end_us = g_get_monotonic_time () + duration_ms * G_TIME_SPAN_MILLISECOND;
}

static void
reshow (BriPresentation *self)
{
  if (!self->presenting)
    return;

  set_settled (self, FALSE);
  move_map (self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->map_view));
}

static void schedule_play (BriPresentation *self);

static void
on_step_changed_cb (BriPresentation *self,
                    guint            previous,
                    BriTourPlayer   *player)
{
  gboolean moved = previous != bri_tour_player_get_position (player);

  set_settled (self, FALSE);
  update_card (self);
  update_progress (self);
  update_features (self);
  if (moved)
    move_map (self, BRI_PRESENTATION_FLIGHT_MS);
  else
    self->flight_end_us = g_get_monotonic_time ();
  /* A frame to judge by, even when nothing on the map moves. */
  gtk_widget_queue_draw (GTK_WIDGET (self->map_view));

  if (self->unattended)
    schedule_play (self);
}

static void
on_blank_changed_cb (BriPresentation *self,
                     GParamSpec      *pspec,
                     BriTourPlayer   *player)
{
  BriTourBlank blank = bri_tour_player_get_blank (player);

  gtk_widget_remove_css_class (self->blank, "black");
  gtk_widget_remove_css_class (self->blank, "white");
  if (blank != BRI_TOUR_BLANK_NONE)
    gtk_widget_add_css_class (self->blank, blank == BRI_TOUR_BLANK_BLACK ? "black" : "white");

  /* Nothing else is there for a screen reader either. */
  gtk_widget_set_visible (self->blank, blank != BRI_TOUR_BLANK_NONE);
  gtk_widget_set_visible (self->card, blank == BRI_TOUR_BLANK_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), blank == BRI_TOUR_BLANK_NONE);
}

static void
on_typed_changed_cb (BriPresentation *self,
                     GParamSpec      *pspec,
                     BriTourPlayer   *player)
{
  const char *typed = bri_tour_player_get_typed (player);

  if (typed[0] != '\0')
    {
      /* Translators: a stop number being typed in a presentation; Return goes there */
      g_autofree char *text = g_strdup_printf (_("Go to stop %s ⏎"), typed);

      gtk_label_set_text (self->typed_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->typed_label), typed[0] != '\0');
}

/* Settling, on the frame clock */

static void
on_after_paint_cb (GdkFrameClock   *clock,
                   BriPresentation *self)
{
  ShumateViewport *viewport;
  double lat, lon, zoom;
  gboolean arrived, still;

  if (self->settled || !self->presenting)
    return;

  viewport = bri_map_view_get_viewport (self->map_view);
  lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  zoom = shumate_viewport_get_zoom_level (viewport);

  arrived = fabs (lat - self->target_lat) < 1e-6 && fabs (lon - self->target_lon) < 1e-6 &&
            fabs (zoom - self->target_zoom) < 1e-4;
  still = lat == self->last_lat && lon == self->last_lon && zoom == self->last_zoom &&
          g_get_monotonic_time () > self->flight_end_us + FLIGHT_GRACE_US;
  self->last_lat = lat;
  self->last_lon = lon;
  self->last_zoom = zoom;

  if ((arrived || still) && bri_map_view_get_drawn (self->map_view))
    set_settled (self, TRUE);
  else
    /* Tiles still coming: another frame will tell. */
    gtk_widget_queue_draw (GTK_WIDGET (self->map_view));
}

static void
watch_frames (BriPresentation *self,
              gboolean         watch)
{
  /* A destroyed window's clock has dropped its handlers already. */
  if (self->after_paint_id != 0 && g_signal_handler_is_connected (self->frame_clock, self->after_paint_id))
    g_signal_handler_disconnect (self->frame_clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->frame_clock);

  if (watch && gtk_widget_get_frame_clock (GTK_WIDGET (self->map_view)) != NULL)
    {
      self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self->map_view)));
      self->after_paint_id = g_signal_connect (self->frame_clock, "after-paint",
                                               G_CALLBACK (on_after_paint_cb), self);
    }
}

/* Unattended play */

static gboolean
on_play_timeout_cb (gpointer user_data)
{
  BriPresentation *self = user_data;

  self->play_timeout_id = 0;
  bri_tour_player_advance (self->player);
  /* A step that did not change (a one-stop tour) still waits again. */
  if (self->play_timeout_id == 0)
    schedule_play (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_play (BriPresentation *self)
{
  double seconds = bri_tour_player_get_step_seconds (self->player);

  g_clear_handle_id (&self->play_timeout_id, g_source_remove);
  self->play_timeout_id = g_timeout_add ((guint) (seconds * 1000), on_play_timeout_cb, self);
}

/* Style */

static void
on_dark_changed_cb (BriPresentation *self,
                    GParamSpec      *pspec,
                    AdwStyleManager *manager)
{
  if (adw_style_manager_get_dark (manager))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dark");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dark");
}

static void
ensure_css (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  GtkCssProvider *provider;

  if (g_object_get_data (G_OBJECT (display), "bri-presentation-css") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/example/BriAtlas/bri-presentation.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "bri-presentation-css", provider, g_object_unref);
}

/* The keys, for "?": what a presenter's remote and a keyboard send. */
static void
fill_help (BriPresentation *self)
{
  const struct { const char *keys; const char *what; } rows[] = {
    { N_("Page Down, →, ↓, Space, Return, N"), N_("Next place or stop") },
    { N_("Page Up, ←, ↑, Backspace, P"), N_("Back") },
    { N_("Home, End"), N_("First stop, last stop") },
    { N_("A number, then Return"), N_("Go to that stop") },
    { N_("B or ."), N_("Black screen (any key returns)") },
    { N_("W"), N_("White screen (any key returns)") },
    { N_("S"), N_("Presenter view in a second window") },
    { N_("?"), N_("These keys") },
    { N_("Esc"), N_("End the presentation") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *keys = gtk_label_new (_(rows[i].keys));
      GtkWidget *what = gtk_label_new (_(rows[i].what));

      gtk_label_set_xalign (GTK_LABEL (keys), 1.0);
      gtk_label_set_xalign (GTK_LABEL (what), 0.0);
      gtk_widget_add_css_class (keys, "key");
      gtk_grid_attach (GTK_GRID (self->help), keys, 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (self->help), what, 1, i, 1, 1);
    }
}

/* GObject */

static void
bri_presentation_realize (GtkWidget *widget)
{
  ensure_css (widget);

  GTK_WIDGET_CLASS (bri_presentation_parent_class)->realize (widget);
}

static void
bri_presentation_dispose (GObject *object)
{
  BriPresentation *self = BRI_PRESENTATION (object);
  GtkWidget *child;

  /* Going with its window: the map may be gone already, so it is left
   * as it is. */
  self->presenting = FALSE;
  if (self->presenter != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presenter));
  watch_frames (self, FALSE);
  g_clear_handle_id (&self->play_timeout_id, g_source_remove);
  g_clear_handle_id (&self->reshow_idle_id, g_source_remove);
  g_clear_weak_pointer (&self->presenter);
  g_clear_object (&self->player);
  g_clear_object (&self->saved_features);
  g_clear_object (&self->shown);
  g_clear_object (&self->map_view);
  g_clear_object (&self->atlas);

  gtk_widget_dispose_template (GTK_WIDGET (self), BRI_TYPE_PRESENTATION);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bri_presentation_parent_class)->dispose (object);
}

static void
bri_presentation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BriPresentation *self = BRI_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;
    case PROP_SETTLED:
      g_value_set_boolean (value, self->settled);
      break;
    case PROP_UNATTENDED:
      g_value_set_boolean (value, self->unattended);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_presentation_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BriPresentation *self = BRI_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_UNATTENDED:
      bri_presentation_set_unattended (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_presentation_class_init (BriPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bri_presentation_dispose;
  object_class->get_property = bri_presentation_get_property;
  object_class->set_property = bri_presentation_set_property;
  widget_class->realize = bri_presentation_realize;
  widget_class->measure = bri_presentation_measure;
  widget_class->size_allocate = bri_presentation_size_allocate;
  widget_class->contains = bri_presentation_contains;

  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BriPresentation:settled:
   *
   * Whether the last frame showed the current step: the map at the
   * stop's view with all its tiles, the places revealed so far.
   */
  properties[PROP_SETTLED] =
    g_param_spec_boolean ("settled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNATTENDED] =
    g_param_spec_boolean ("unattended", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  bri_panel_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BriAtlas/ui/bri-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, BriPresentation, card);
  gtk_widget_class_bind_template_child (widget_class, BriPresentation, card_scroller);
  gtk_widget_class_bind_template_child (widget_class, BriPresentation, card_box);
  gtk_widget_class_bind_template_child (widget_class, BriPresentation, title_label);
  gtk_widget_class_bind_template_child (widget_class, BriPresentation, caption_label);
  gtk_widget_class_bind_template_child (widget_class, BriPresentation, quote_label);
  gtk_widget_class_bind_template_child (widget_class, BriPresentation, citation_label);
  gtk_widget_class_bind_template_child (widget_class, BriPresentation, missing_label);
  gtk_widget_class_bind_template_child (widget_class, BriPresentation, progress_label);
  gtk_widget_class_bind_template_child (widget_class, BriPresentation, typed_label);
  gtk_widget_class_bind_template_child (widget_class, BriPresentation, help);
  gtk_widget_class_bind_template_child (widget_class, BriPresentation, blank);

  gtk_widget_class_set_css_name (widget_class, "presentation");
}

static void
bri_presentation_init (BriPresentation *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown = g_list_store_new (BRI_TYPE_FEATURE);
  fill_help (self);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
  on_dark_changed_cb (self, NULL, style);
}

/* Public API */

GtkWidget *
bri_presentation_new (void)
{
  return g_object_new (BRI_TYPE_PRESENTATION, NULL);
}

void
bri_presentation_set_atlas (BriPresentation *self,
                            BriAtlas        *atlas)
{
  g_return_if_fail (BRI_IS_PRESENTATION (self));
  g_return_if_fail (atlas == NULL || BRI_IS_ATLAS (atlas));

  g_set_object (&self->atlas, atlas);
}

/**
 * bri_presentation_get_atlas:
 *
 * Returns: (transfer none) (nullable): the atlas the stops are read in
 */
BriAtlas *
bri_presentation_get_atlas (BriPresentation *self)
{
  g_return_val_if_fail (BRI_IS_PRESENTATION (self), NULL);

  return self->atlas;
}

/**
 * bri_presentation_set_map_view:
 * @map_view: the map the presentation lies over and drives
 */
void
bri_presentation_set_map_view (BriPresentation *self,
                               BriMapView      *map_view)
{
  g_return_if_fail (BRI_IS_PRESENTATION (self));
  g_return_if_fail (BRI_IS_MAP_VIEW (map_view));
  g_return_if_fail (!self->presenting);

  g_set_object (&self->map_view, map_view);
}

/**
 * bri_presentation_start:
 * @tour: the tour to present
 * @position: the stop to start at, from 0
 * @unattended: whether stops advance by themselves, looping, until a
 *   key is pressed
 *
 * Returns: %FALSE if there is nothing to present: no atlas yet, or a
 *   tour with no stops
 */
gboolean
bri_presentation_start (BriPresentation *self,
                        BriTour         *tour,
                        guint            position,
                        gboolean         unattended)
{
  GtkWidget *map;

  g_return_val_if_fail (BRI_IS_PRESENTATION (self), FALSE);
  g_return_val_if_fail (BRI_IS_TOUR (tour), FALSE);
  g_return_val_if_fail (self->map_view != NULL, FALSE);

  if (self->atlas == NULL || !bri_atlas_is_loaded (self->atlas) ||
      g_list_model_get_n_items (G_LIST_MODEL (tour)) == 0)
    return FALSE;

  if (self->presenting)
    bri_presentation_stop (self);

  self->player = bri_tour_player_new (tour);
  bri_tour_player_go_to (self->player, position, 0);
  g_signal_connect_object (self->player, "step-changed", G_CALLBACK (on_step_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::blank", G_CALLBACK (on_blank_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::typed", G_CALLBACK (on_typed_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* The map shows the tour's places only, heavier, without its
   * controls; what it showed before comes back at the end. */
  map = GTK_WIDGET (self->map_view);
  g_set_object (&self->saved_features, bri_map_view_get_features (self->map_view));
  bri_map_view_set_features (self->map_view, G_LIST_MODEL (self->shown));
  bri_map_view_set_controls_visible (self->map_view, FALSE);

  self->presenting = TRUE;
  self->started_us = g_get_monotonic_time ();
  self->fonts_height = 0;
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_widget_set_visible (self->help, FALSE);
  on_blank_changed_cb (self, NULL, self->player);
  on_typed_changed_cb (self, NULL, self->player);
  update_fonts (self, gtk_widget_get_height (map));
  bri_map_view_set_line_scale (self->map_view, MAX (1.5, gtk_widget_get_height (map) / 540.0));
  watch_frames (self, TRUE);

  set_settled (self, FALSE);
  update_card (self);
  update_progress (self);
  update_features (self);
  move_map (self, 0);
  gtk_widget_queue_draw (map);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
  bri_presentation_set_unattended (self, unattended);
  if (unattended)
    schedule_play (self);

  return TRUE;
}

/**
 * bri_presentation_stop:
 *
 * Ends the presentation; the map keeps the last stop's view and gets its
 * features and controls back.  Harmless when not presenting.
 */
void
bri_presentation_stop (BriPresentation *self)
{
  g_return_if_fail (BRI_IS_PRESENTATION (self));

  if (!self->presenting)
    return;

  self->presenting = FALSE;
  bri_presentation_set_unattended (self, FALSE);
  g_clear_handle_id (&self->play_timeout_id, g_source_remove);
  g_clear_handle_id (&self->reshow_idle_id, g_source_remove);
  watch_frames (self, FALSE);
  if (self->presenter != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presenter));
  g_clear_weak_pointer (&self->presenter);

  g_signal_handlers_disconnect_by_data (self->player, self);
  bri_map_view_set_features (self->map_view, self->saved_features);
  g_clear_object (&self->saved_features);
  bri_map_view_select_feature (self->map_view, NULL);
  bri_map_view_highlight_country (self->map_view, NULL);
  bri_map_view_set_controls_visible (self->map_view, TRUE);
  bri_map_view_set_line_scale (self->map_view, 1.0);
  bri_map_view_set_obscured (self->map_view, GTK_POS_LEFT, 0);
  g_list_store_remove_all (self->shown);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  set_settled (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
}

gboolean
bri_presentation_get_presenting (BriPresentation *self)
{
  g_return_val_if_fail (BRI_IS_PRESENTATION (self), FALSE);

  return self->presenting;
}

gboolean
bri_presentation_get_settled (BriPresentation *self)
{
  g_return_val_if_fail (BRI_IS_PRESENTATION (self), FALSE);

  return self->settled;
}

gboolean
bri_presentation_get_unattended (BriPresentation *self)
{
  g_return_val_if_fail (BRI_IS_PRESENTATION (self), FALSE);

  return self->unattended;
}

/**
 * bri_presentation_set_unattended:
 *
 * Starts or stops unattended play: stops advancing by their durations,
 * and after the last the first again.
 */
void
bri_presentation_set_unattended (BriPresentation *self,
                                 gboolean         unattended)
{
  g_return_if_fail (BRI_IS_PRESENTATION (self));

  unattended = !!unattended && self->presenting;
  if (self->unattended == unattended)
    return;

  self->unattended = unattended;
  if (unattended)
    schedule_play (self);
  else
    g_clear_handle_id (&self->play_timeout_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNATTENDED]);
}

/**
 * bri_presentation_get_player:
 *
 * Returns: (transfer none) (nullable): the state of the presentation,
 *   while presenting and after (until the next one)
 */
BriTourPlayer *
bri_presentation_get_player (BriPresentation *self)
{
  g_return_val_if_fail (BRI_IS_PRESENTATION (self), NULL);

  return self->player;
}

/* Returns: when the presentation started, in g_get_monotonic_time() */
gint64
bri_presentation_get_start_time (BriPresentation *self)
{
  g_return_val_if_fail (BRI_IS_PRESENTATION (self), 0);

  return self->started_us;
}

static gboolean
is_modifier (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_Shift_L: case GDK_KEY_Shift_R:
    case GDK_KEY_Control_L: case GDK_KEY_Control_R:
    case GDK_KEY_Alt_L: case GDK_KEY_Alt_R:
    case GDK_KEY_Meta_L: case GDK_KEY_Meta_R:
    case GDK_KEY_Super_L: case GDK_KEY_Super_R:
    case GDK_KEY_Hyper_L: case GDK_KEY_Hyper_R:
    case GDK_KEY_ISO_Level3_Shift: case GDK_KEY_ISO_Level5_Shift:
    case GDK_KEY_Caps_Lock: case GDK_KEY_Num_Lock: case GDK_KEY_Scroll_Lock:
      return TRUE;
    default:
      return FALSE;
    }
}

static BriTourCommand
command_for_key (guint           keyval,
                 GdkModifierType state)
{
  switch (keyval)
    {
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
    case GDK_KEY_n: case GDK_KEY_N:
      return BRI_TOUR_COMMAND_NEXT;

    case GDK_KEY_space: case GDK_KEY_KP_Space:
      return (state & GDK_SHIFT_MASK) ? BRI_TOUR_COMMAND_PREVIOUS : BRI_TOUR_COMMAND_NEXT;

    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_p: case GDK_KEY_P:
      return BRI_TOUR_COMMAND_PREVIOUS;

    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      return BRI_TOUR_COMMAND_FIRST;

    case GDK_KEY_End: case GDK_KEY_KP_End:
      return BRI_TOUR_COMMAND_LAST;

    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
      return BRI_TOUR_COMMAND_ENTER;

    case GDK_KEY_b: case GDK_KEY_B:
    case GDK_KEY_period: case GDK_KEY_KP_Decimal:
      return BRI_TOUR_COMMAND_BLACK;

    case GDK_KEY_w: case GDK_KEY_W:
      return BRI_TOUR_COMMAND_WHITE;

    case GDK_KEY_Escape:
      return BRI_TOUR_COMMAND_END;

    default:
      return BRI_TOUR_COMMAND_OTHER;
    }
}

static int
digit_for_key (guint keyval)
{
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    return keyval - GDK_KEY_0;
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    return keyval - GDK_KEY_KP_0;
  return -1;
}

/**
 * bri_presentation_handle_key:
 * @keyval: the key pressed, in the presentation's window or the
 *   presenter view
 *
 * While presenting, every key without Control or Alt is the
 * presentation's: the ones a remote sends move, blank and end it, any
 * other only brings back a blank screen or takes control from unattended
 * play.  F5 and Escape are harmless in the wrong state.
 *
 * Returns: whether the key was used
 */
gboolean
bri_presentation_handle_key (BriPresentation *self,
                             guint            keyval,
                             GdkModifierType  state)
{
  int digit;

  g_return_val_if_fail (BRI_IS_PRESENTATION (self), FALSE);

  if (!self->presenting || is_modifier (keyval) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  /* Any key takes control from unattended play. */
  bri_presentation_set_unattended (self, FALSE);

  if (gtk_widget_get_visible (self->help))
    {
      gtk_widget_set_visible (self->help, FALSE);
      return TRUE;
    }

  digit = digit_for_key (keyval);
  if (digit >= 0)
    {
      bri_tour_player_type_digit (self->player, digit);
      return TRUE;
    }

  if (bri_tour_player_get_blank (self->player) == BRI_TOUR_BLANK_NONE)
    switch (keyval)
      {
      case GDK_KEY_question:
        gtk_widget_set_visible (self->help, TRUE);
        return TRUE;

      case GDK_KEY_s: case GDK_KEY_S:
        bri_presentation_show_presenter_view (self);
        return TRUE;

      case GDK_KEY_F5:
        return TRUE;

      default:
        break;
      }

  if (!bri_tour_player_command (self->player, command_for_key (keyval, state)))
    bri_presentation_stop (self);

  return TRUE;
}

/**
 * bri_presentation_show_presenter_view:
 *
 * Opens (or raises) the presenter view: a second window with the notes,
 * the next stop, the time and the passage, driven by the same keys.
 *
 * Returns: (transfer none) (nullable): the window, %NULL when not
 *   presenting
 */
GtkWidget *
bri_presentation_show_presenter_view (BriPresentation *self)
{
  g_return_val_if_fail (BRI_IS_PRESENTATION (self), NULL);

  if (!self->presenting)
    return NULL;

  if (self->presenter == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *window = bri_presenter_window_new (self);

      if (GTK_IS_WINDOW (root) && gtk_window_get_application (GTK_WINDOW (root)) != NULL)
        gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (GTK_WINDOW (root)));
      g_set_weak_pointer (&self->presenter, window);
    }

  gtk_window_present (GTK_WINDOW (self->presenter));
  return self->presenter;
}
