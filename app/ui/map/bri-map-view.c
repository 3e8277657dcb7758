/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriMapView: the offline basemap, the highlighted country, country
 * names and the atlas's features as layers of one ShumateMap, with our
 * own zoom buttons (they need accessible names), the scale, the licence
 * and the legend over it.  It shows what the window tells it; a click
 * comes back as a signal. */

#define G_LOG_DOMAIN "bri-map-view"

#include "config.h"

#include <glib/gi18n.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "bri-basemap-source.h"
#include "bri-country-label-layer.h"
#include "bri-country-layer.h"
#include "bri-feature-layer.h"
#include "bri-legend.h"
#include "bri-map-view.h"

#define MAX_ZOOM 12.0
#define FEATURE_ZOOM 7.0
#define TILE_SIZE 256.0

/* Free pixels kept round what is fitted into the visible area. */
#define FIT_PADDING 48.0
/* Below this width or height the overlays are not worth leaving free:
 * the fit then uses all the map the window leaves uncovered. */
#define MIN_VISIBLE 96.0
/* How far inside the visible area a place flown to must be, for its
 * marker and name. */
#define POINT_CLEARANCE 40.0
/* How long the view must stay still before the list of what is in view
 * follows it: a list read aloud should not change with every frame of a
 * flight. */
#define IN_VIEW_DELAY_MS 300

struct _BriMapView
{
  GtkWidget             parent_instance;

  GtkWidget            *overlay;
  ShumateMap           *map;
  ShumateViewport      *viewport;
  BriBasemapSource     *source;
  ShumateMapLayer      *base_layer;
  BriCountryLayer      *country_layer;
  BriCountryLabelLayer *label_layer;
  BriFeatureLayer      *feature_layer;
  GtkWidget            *zoom_box;
  GtkWidget            *legend;
  GtkWidget            *scale_box;
  ShumateLicense       *license;
  gboolean              controls_visible;

  BriAtlas             *atlas;
  gboolean              dark;

  /* Pixels of each side that something outside the view covers, by
   * GtkPositionType: a folded side panel. */
  int                   obscured[4];

  /* Whether the last frame showed every tile: see "Drawn" below */
  gboolean              drawn;
  guint                 pending_tiles;
  int                   covered_width;
  int                   covered_height;
  guint                 settle_idle_id;
  GdkFrameClock        *frame_clock;
  gulong                after_paint_id;

  /* The features in view, for the side panel: see "In view" below */
  GListStore           *in_view;
  GListModel           *in_view_of;  /* the layer's model, watched */
  guint                 in_view_timeout_id;
  gint64                in_view_changed_at;   /* monotonic µs */
  int                   in_view_width;
  int                   in_view_height;
};

G_DEFINE_FINAL_TYPE (BriMapView, bri_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DRAWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FEATURE_ACTIVATED,
  COUNTRY_ACTIVATED,
  FOCUS_LEAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void queue_in_view_update (BriMapView *self);

static void
on_focus_leave (BriFeatureLayer *layer,
                BriMapView      *self)
{
  g_signal_emit (self, signals[FOCUS_LEAVE], 0);
}

static void
on_feature_activated (BriFeatureLayer *layer,
                      BriFeature      *feature,
                      BriMapView      *self)
{
  g_signal_emit (self, signals[FEATURE_ACTIVATED], 0, feature);
}

/* A click on land that is not on a feature opens that country. */
static void
on_map_released (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 BriMapView      *self)
{
  double map_x, map_y;
  int numeric;

  if (n_press != 1 || self->atlas == NULL)
    return;

  /* The gesture is on the map; its layers share its coordinates.  A
   * click on a feature or a cluster bubble is the feature layer's. */
  map_x = x;
  map_y = y;
  if (gtk_widget_contains (GTK_WIDGET (self->feature_layer), map_x, map_y))
    return;

  numeric = bri_country_layer_pick (self->country_layer, map_x, map_y);
  if (numeric >= 0)
    g_signal_emit (self, signals[COUNTRY_ACTIVATED], 0, numeric);
}

static void
set_drawn (BriMapView *self,
           gboolean    drawn)
{
  if (self->drawn == drawn)
    return;

  self->drawn = drawn;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWN]);
}

static void
replace_base_layer (BriMapView *self)
{
  ShumateMapLayer *old = self->base_layer;

  /* The new layer has asked for nothing yet. */
  self->covered_width = self->covered_height = 0;
  set_drawn (self, FALSE);

  /* The map's tile cache is keyed by the source id, which the style
   * changes; a new layer starts from an empty set of tiles. */
  self->base_layer = shumate_map_layer_new (SHUMATE_MAP_SOURCE (self->source), self->viewport);
  if (old != NULL)
    {
      shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->base_layer), SHUMATE_LAYER (old));
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (old));
    }
  else
    {
      shumate_map_add_layer (self->map, SHUMATE_LAYER (self->base_layer));
    }
}

/* Tiles as sharp as the screen and no larger (see BriBasemapSource).  The
 * scale is known once the view is realized, before the map is allocated
 * and asks for its first tiles; a later change needs a new layer. */
static void
update_scale_factor (BriMapView *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (scale == bri_basemap_source_get_scale_factor (self->source))
    return;

  bri_basemap_source_set_scale_factor (self->source, scale);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    replace_base_layer (self);
}

static void
on_scale_factor_changed (BriMapView *self,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  update_scale_factor (self);
}

static GtkWidget *
zoom_button (const char *icon,
             const char *label,
             const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);

  return button;
}

/* Drawn.  libshumate 1.0 keeps its tiles to itself (ShumateMap:state
 * never changes), so whether the map shows all of them is judged from the
 * source's count of tiles in flight.  Two traps: the count is 0 in the
 * frames before the map asks for any tile, and after a move or when the
 * map grows, libshumate asks for the tiles it needs only in an idle, after
 * the next frame.  So the view notes the size of map the tiles asked for
 * cover (they are centred on the view; libshumate drops those outside a
 * smaller map) and, after a change, waits for an idle of its own queued
 * behind libshumate's: by then every tile needed is asked for or came from
 * libshumate's cache. */

static gboolean
on_settle_idle_cb (gpointer user_data)
{
  BriMapView *self = user_data;
  GtkWidget *layer = GTK_WIDGET (self->base_layer);

  self->settle_idle_id = 0;
  if (self->covered_width > 0)
    {
      self->covered_width = gtk_widget_get_width (layer);
      self->covered_height = gtk_widget_get_height (layer);
    }
  /* A frame to judge by. */
  gtk_widget_queue_draw (layer);

  return G_SOURCE_REMOVE;
}

static void
queue_settle (BriMapView *self)
{
  /* Behind any idle libshumate has queued since. */
  g_clear_handle_id (&self->settle_idle_id, g_source_remove);
  self->settle_idle_id = g_idle_add (on_settle_idle_cb, self);
}

static void
on_viewport_notify_cb (BriMapView *self,
                       GParamSpec *pspec)
{
  set_drawn (self, FALSE);
  queue_settle (self);
  queue_in_view_update (self);
}

static void
on_pending_tiles_cb (BriBasemapSource *source,
                     GParamSpec       *pspec,
                     BriMapView       *self)
{
  guint pending = bri_basemap_source_get_pending_tiles (source);

  /* A rise is a request: the tiles asked for cover the map as it is. */
  if (pending > self->pending_tiles)
    {
      self->covered_width = gtk_widget_get_width (GTK_WIDGET (self->base_layer));
      self->covered_height = gtk_widget_get_height (GTK_WIDGET (self->base_layer));
      set_drawn (self, FALSE);
    }
  self->pending_tiles = pending;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   BriMapView    *self)
{
  GtkWidget *layer = GTK_WIDGET (self->base_layer);
  int width = gtk_widget_get_width (layer);
  int height = gtk_widget_get_height (layer);
  gboolean grown = width > self->covered_width || height > self->covered_height;

  /* The allocation has queued libshumate's idle already. */
  if (grown && self->covered_width > 0 && self->settle_idle_id == 0)
    self->settle_idle_id = g_idle_add (on_settle_idle_cb, self);
  else if (!grown && width > 0 && height > 0)
    {
      self->covered_width = width;
      self->covered_height = height;
    }

  set_drawn (self, self->covered_width > 0 && !grown && self->pending_tiles == 0 &&
                   self->settle_idle_id == 0);

  /* A new size shows more or less of the map. */
  if (width != self->in_view_width || height != self->in_view_height)
    queue_in_view_update (self);
}

/* In view.  The features the map shows, in the order Tab steps through
 * them, kept in a list model the side panel shows: what a screen reader
 * can read, since the map's drawing has no accessible parts.  It follows
 * the view once the view has been still for a moment. */

static gboolean
same_features (GListModel *model,
               GPtrArray  *features)
{
  if (g_list_model_get_n_items (model) != features->len)
    return FALSE;

  for (guint i = 0; i < features->len; i++)
    {
      g_autoptr(BriFeature) feature = g_list_model_get_item (model, i);

      if (feature != g_ptr_array_index (features, i))
        return FALSE;
    }

  return TRUE;
}

static gboolean
on_in_view_timeout_cb (gpointer user_data)
{
  BriMapView *self = user_data;
  gint64 still_for = (g_get_monotonic_time () - self->in_view_changed_at) / 1000;
  g_autoptr(GPtrArray) features = NULL;

  /* Moved since: wait until it has been still for the whole delay. */
  if (still_for < IN_VIEW_DELAY_MS)
    {
      self->in_view_timeout_id = g_timeout_add (IN_VIEW_DELAY_MS - still_for, on_in_view_timeout_cb, self);
      return G_SOURCE_REMOVE;
    }

  features = bri_feature_layer_list_in_view (self->feature_layer);
  self->in_view_timeout_id = 0;
  self->in_view_width = gtk_widget_get_width (GTK_WIDGET (self->feature_layer));
  self->in_view_height = gtk_widget_get_height (GTK_WIDGET (self->feature_layer));
  if (!same_features (G_LIST_MODEL (self->in_view), features))
    g_list_store_splice (self->in_view, 0, g_list_model_get_n_items (G_LIST_MODEL (self->in_view)),
                         features->pdata, features->len);

  return G_SOURCE_REMOVE;
}

/* Called for every frame of a flight: notes the time, and leaves the
 * one pending timeout to wait longer, rather than make a new one. */
static void
queue_in_view_update (BriMapView *self)
{
  self->in_view_changed_at = g_get_monotonic_time ();
  if (self->in_view_timeout_id == 0)
    self->in_view_timeout_id = g_timeout_add (IN_VIEW_DELAY_MS, on_in_view_timeout_cb, self);
}

static void
on_features_changed_cb (BriMapView *self)
{
  queue_in_view_update (self);
}

/* A filter changes the model's items; the presentation swaps the model. */
static void
on_feature_model_cb (BriMapView *self)
{
  GListModel *model = bri_feature_layer_get_model (self->feature_layer);

  if (self->in_view_of != NULL)
    g_signal_handlers_disconnect_by_func (self->in_view_of, on_features_changed_cb, self);
  g_set_object (&self->in_view_of, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_features_changed_cb),
                             self, G_CONNECT_SWAPPED);
  queue_in_view_update (self);
}

/* Benchmark hook.  With BRI_ATLAS_BENCH_FIRST_FRAME in the environment,
 * the end of the first frame that shows every tile prints the time since
 * the process started and the peak resident memory so far, then quits
 * (tests/bench/bench-first-frame.py reads the line).  Without the
 * variable nothing here is connected. */

/* Since the kernel started the process, so the dynamic linker and all
 * before main() count.  The start time is in clock ticks (10 ms) rounded
 * down: the figure may be up to a tick too high, never too low. */
static double
process_age_ms (void)
{
  g_autofree char *stat = NULL;
  const char *p;
  struct timespec now;

  /* Field 22, starttime; the command name (field 2) may hold spaces. */
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (p = strrchr (stat, ')')) == NULL)
    return -1.0;
  for (guint field = 2; field < 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL)
    return -1.0;

  clock_gettime (CLOCK_BOOTTIME, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6 -
         g_ascii_strtoull (p + 1, NULL, 10) * 1e3 / sysconf (_SC_CLK_TCK);
}

/* Called from the frame clock's after-paint, at the end of the frame. */
static void
on_bench_drawn_cb (BriMapView *self,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  double elapsed = process_age_ms ();
  struct rusage usage;

  if (!self->drawn)
    return;

  g_signal_handlers_disconnect_by_func (self, on_bench_drawn_cb, user_data);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("first-complete-frame-ms=%.1f peak-rss-kb=%ld\n", elapsed, usage.ru_maxrss);
  g_application_quit (g_application_get_default ());
}

static void
bri_map_view_realize (GtkWidget *widget)
{
  BriMapView *self = BRI_MAP_VIEW (widget);

  GTK_WIDGET_CLASS (bri_map_view_parent_class)->realize (widget);

  update_scale_factor (self);
  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->after_paint_id = g_signal_connect (self->frame_clock, "after-paint",
                                           G_CALLBACK (on_after_paint_cb), self);
}

static void
bri_map_view_unrealize (GtkWidget *widget)
{
  BriMapView *self = BRI_MAP_VIEW (widget);

  g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
  g_clear_handle_id (&self->settle_idle_id, g_source_remove);

  GTK_WIDGET_CLASS (bri_map_view_parent_class)->unrealize (widget);
}

static void
bri_map_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BriMapView *self = BRI_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DRAWN:
      g_value_set_boolean (value, self->drawn);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_map_view_dispose (GObject *object)
{
  BriMapView *self = (BriMapView *)object;

  g_clear_handle_id (&self->settle_idle_id, g_source_remove);
  g_clear_handle_id (&self->in_view_timeout_id, g_source_remove);
  g_clear_object (&self->in_view);
  if (self->in_view_of != NULL)
    g_signal_handlers_disconnect_by_func (self->in_view_of, on_features_changed_cb, self);
  g_clear_object (&self->in_view_of);
  g_clear_object (&self->atlas);
  g_clear_object (&self->source);
  g_clear_pointer (&self->overlay, gtk_widget_unparent);

  G_OBJECT_CLASS (bri_map_view_parent_class)->dispose (object);
}

/* The map's keyboard is its feature layer. */
static gboolean
bri_map_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BRI_MAP_VIEW (widget)->feature_layer));
}

static void
bri_map_view_class_init (BriMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bri_map_view_dispose;
  object_class->get_property = bri_map_view_get_property;
  widget_class->realize = bri_map_view_realize;
  widget_class->unrealize = bri_map_view_unrealize;

  /**
   * BriMapView:drawn:
   *
   * Whether the last frame showed every tile the map needs: FALSE from
   * start-up, and while tiles are being drawn after a move.
   */
  properties[PROP_DRAWN] =
    g_param_spec_boolean ("drawn", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BriMapView::feature-activated:
   * @feature: the feature clicked
   */
  signals[FEATURE_ACTIVATED] =
    g_signal_new ("feature-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BRI_TYPE_FEATURE);

  /**
   * BriMapView::country-activated:
   * @numeric: the ISO 3166-1 numeric code of the country clicked
   */
  signals[COUNTRY_ACTIVATED] =
    g_signal_new ("country-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * BriMapView::focus-leave:
   *
   * Escape was pressed on the map: the focus should go back to the list.
   */
  signals[FOCUS_LEAVE] =
    g_signal_new ("focus-leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  widget_class->grab_focus = bri_map_view_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mapview");
}

/* The legend decides how much of the map it may cover. */
static gboolean
on_get_child_position_cb (GtkOverlay   *overlay,
                          GtkWidget    *child,
                          GdkRectangle *alloc,
                          BriMapView   *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (overlay));
  int height = gtk_widget_get_height (GTK_WIDGET (overlay));
  GtkRequisition scale, zoom = { 0, 0 };

  if (child != self->legend)
    return FALSE;

  /* The scale and the licence, in the bottom right corner; the zoom
   * buttons, with their margins, in the top right one. */
  gtk_widget_get_preferred_size (self->scale_box, NULL, &scale);
  if (gtk_widget_get_visible (self->zoom_box))
    {
      gtk_widget_get_preferred_size (self->zoom_box, NULL, &zoom);
      zoom.width += gtk_widget_get_margin_end (self->zoom_box);
      zoom.height += gtk_widget_get_margin_top (self->zoom_box);
    }
  bri_legend_compute_allocation (BRI_LEGEND (child), width, height,
                                 &(GdkRectangle) { width - scale.width, height - scale.height,
                                                   scale.width, scale.height },
                                 &(GdkRectangle) { width - zoom.width, 0, zoom.width, zoom.height },
                                 alloc);
  return TRUE;
}

static void
bri_map_view_init (BriMapView *self)
{
  GtkWidget *zoom_box;
  GtkWidget *bottom;
  GtkGesture *click;
  ShumateScale *scale;

  self->overlay = gtk_overlay_new ();
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));
  g_signal_connect (self->overlay, "get-child-position", G_CALLBACK (on_get_child_position_cb), self);

  self->map = shumate_map_new ();
  self->viewport = shumate_map_get_viewport (self->map);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->map), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->map), TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->map));

  self->source = bri_basemap_source_new ();
  g_signal_connect_object (self->source, "notify::pending-tiles",
                           G_CALLBACK (on_pending_tiles_cb), self, 0);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), NULL);
  shumate_viewport_set_reference_map_source (self->viewport, SHUMATE_MAP_SOURCE (self->source));
  shumate_viewport_set_min_zoom_level (self->viewport, 1);
  shumate_viewport_set_max_zoom_level (self->viewport, (guint) MAX_ZOOM);
  replace_base_layer (self);
  /* After the layer's own handler, so that our idle comes after its. */
  g_signal_connect_object (self->viewport, "notify", G_CALLBACK (on_viewport_notify_cb),
                           self, G_CONNECT_SWAPPED);

  self->country_layer = bri_country_layer_new (self->viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->country_layer));
  self->label_layer = bri_country_label_layer_new (self->viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->label_layer));
  self->feature_layer = bri_feature_layer_new (self->viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->feature_layer));
  bri_country_label_layer_set_feature_layer (self->label_layer, self->feature_layer);
  g_signal_connect (self->feature_layer, "feature-activated",
                    G_CALLBACK (on_feature_activated), self);
  g_signal_connect (self->feature_layer, "focus-leave", G_CALLBACK (on_focus_leave), self);
  g_signal_connect_object (self->feature_layer, "notify::model", G_CALLBACK (on_feature_model_cb),
                           self, G_CONNECT_SWAPPED);
  self->in_view = g_list_store_new (BRI_TYPE_FEATURE);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_map_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));

  self->controls_visible = TRUE;
  self->zoom_box = zoom_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (zoom_box, "linked");
  gtk_widget_add_css_class (zoom_box, "osd");
  gtk_widget_set_halign (zoom_box, GTK_ALIGN_END);
  gtk_widget_set_valign (zoom_box, GTK_ALIGN_START);
  gtk_widget_set_margin_top (zoom_box, 12);
  gtk_widget_set_margin_end (zoom_box, 12);
  gtk_box_append (GTK_BOX (zoom_box), zoom_button ("zoom-in-symbolic", _("Zoom In"), "win.zoom-in"));
  gtk_box_append (GTK_BOX (zoom_box), zoom_button ("zoom-out-symbolic", _("Zoom Out"), "win.zoom-out"));
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), zoom_box);

  self->legend = bri_legend_new ();
  gtk_widget_set_halign (self->legend, GTK_ALIGN_START);
  gtk_widget_set_valign (self->legend, GTK_ALIGN_END);
  gtk_widget_set_margin_start (self->legend, 12);
  gtk_widget_set_margin_bottom (self->legend, 12);
  gtk_widget_set_visible (self->legend, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->legend);

  self->scale_box = bottom = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_halign (bottom, GTK_ALIGN_END);
  gtk_widget_set_valign (bottom, GTK_ALIGN_END);
  scale = shumate_scale_new (self->viewport);
  gtk_widget_set_halign (GTK_WIDGET (scale), GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (scale));
  self->license = shumate_license_new ();
  shumate_license_append_map_source (self->license, SHUMATE_MAP_SOURCE (self->source));
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->license));
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), bottom);

  if (g_getenv ("BRI_ATLAS_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (self, "notify::drawn", G_CALLBACK (on_bench_drawn_cb), NULL);
}

GtkWidget *
bri_map_view_new (void)
{
  return g_object_new (BRI_TYPE_MAP_VIEW, NULL);
}

ShumateViewport *
bri_map_view_get_viewport (BriMapView *self)
{
  g_return_val_if_fail (BRI_IS_MAP_VIEW (self), NULL);
  return self->viewport;
}

/**
 * bri_map_view_set_atlas:
 * @features: the features to draw: the window's filtered list, so the map
 *   shows exactly what the side list shows
 */
void
bri_map_view_set_atlas (BriMapView       *self,
                        BriAtlas         *atlas,
                        GListModel       *features,
                        BriFeatureFilter *filter)
{
  g_return_if_fail (BRI_IS_MAP_VIEW (self));
  g_return_if_fail (BRI_IS_ATLAS (atlas));

  g_set_object (&self->atlas, atlas);
  bri_feature_layer_set_model (self->feature_layer, features);
  bri_country_label_layer_set_countries (self->label_layer, bri_atlas_get_countries (atlas));
  bri_legend_set_filter (BRI_LEGEND (self->legend), filter, bri_atlas_get_features (atlas));
  gtk_widget_set_visible (self->legend, self->controls_visible);
}

/**
 * bri_map_view_get_features_in_view:
 *
 * The features the map shows, in reading order (rows from the top, west
 * to east), following the view once it is still.
 *
 * Returns: (transfer none): a model of BriFeature
 */
GListModel *
bri_map_view_get_features_in_view (BriMapView *self)
{
  g_return_val_if_fail (BRI_IS_MAP_VIEW (self), NULL);

  return G_LIST_MODEL (self->in_view);
}

/**
 * bri_map_view_set_features:
 * @features: (nullable): the features to draw instead: a presentation's
 *   places so far, or the window's filtered list again
 */
void
bri_map_view_set_features (BriMapView *self,
                           GListModel *features)
{
  g_return_if_fail (BRI_IS_MAP_VIEW (self));
  g_return_if_fail (features == NULL || G_IS_LIST_MODEL (features));

  bri_feature_layer_set_model (self->feature_layer, features);
}

/**
 * bri_map_view_get_features:
 *
 * Returns: (transfer none) (nullable): the features drawn
 */
GListModel *
bri_map_view_get_features (BriMapView *self)
{
  g_return_val_if_fail (BRI_IS_MAP_VIEW (self), NULL);

  return bri_feature_layer_get_model (self->feature_layer);
}

/**
 * bri_map_view_set_controls_visible:
 *
 * Shows or hides the zoom buttons and the legend (a presentation hides
 * them; the scale and the licence stay).
 */
void
bri_map_view_set_controls_visible (BriMapView *self,
                                   gboolean    visible)
{
  g_return_if_fail (BRI_IS_MAP_VIEW (self));

  self->controls_visible = !!visible;
  gtk_widget_set_visible (self->zoom_box, self->controls_visible);
  gtk_widget_set_visible (self->legend, self->controls_visible && self->atlas != NULL);
}

/**
 * bri_map_view_set_line_scale:
 * @scale: how much heavier the features are drawn: 1 as usual, more
 *   for a room to see
 */
void
bri_map_view_set_line_scale (BriMapView *self,
                             double      scale)
{
  g_return_if_fail (BRI_IS_MAP_VIEW (self));

  bri_feature_layer_set_line_scale (self->feature_layer, scale);
}

double
bri_map_view_get_line_scale (BriMapView *self)
{
  g_return_val_if_fail (BRI_IS_MAP_VIEW (self), 1.0);

  return bri_feature_layer_get_line_scale (self->feature_layer);
}

void
bri_map_view_select_feature (BriMapView *self,
                             BriFeature *feature)
{
  g_return_if_fail (BRI_IS_MAP_VIEW (self));

  bri_feature_layer_set_selected (self->feature_layer, feature);
}

/* Returns: (transfer none) (nullable): the feature selected on the map */
BriFeature *
bri_map_view_get_selected_feature (BriMapView *self)
{
  g_return_val_if_fail (BRI_IS_MAP_VIEW (self), NULL);

  return bri_feature_layer_get_selected (self->feature_layer);
}

void
bri_map_view_go_to (BriMapView *self,
                    double      latitude,
                    double      longitude,
                    double      zoom)
{
  g_return_if_fail (BRI_IS_MAP_VIEW (self));

  shumate_map_go_to_full (self->map, latitude, longitude, CLAMP (zoom, 1.0, MAX_ZOOM));
}

/* The visible area: what remains of @area once @box is cut away with
 * the one cut (left of it, right, above or below) chosen for each box in
 * turn, trying every choice and keeping the largest. Few overlays: four
 * choices each is cheap. */
static void
largest_free_area (const graphene_rect_t *area,
                   const graphene_rect_t *boxes,
                   guint                  n_boxes,
                   graphene_rect_t       *best)
{
  graphene_rect_t cut;
  const graphene_rect_t *box;
  double x1, y1, x2, y2;

  if (n_boxes == 0)
    {
      if (area->size.width * area->size.height > best->size.width * best->size.height)
        *best = *area;
      return;
    }

  box = &boxes[0];
  if (!graphene_rect_intersection (area, box, NULL))
    {
      largest_free_area (area, boxes + 1, n_boxes - 1, best);
      return;
    }

  x1 = area->origin.x;
  y1 = area->origin.y;
  x2 = x1 + area->size.width;
  y2 = y1 + area->size.height;
  for (guint side = 0; side < 4; side++)
    {
      double cx1 = x1, cy1 = y1, cx2 = x2, cy2 = y2;

      switch (side)
        {
        case 0: cx2 = box->origin.x; break;
        case 1: cx1 = box->origin.x + box->size.width; break;
        case 2: cy2 = box->origin.y; break;
        default: cy1 = box->origin.y + box->size.height; break;
        }
      if (cx2 <= cx1 || cy2 <= cy1)
        continue;

      graphene_rect_init (&cut, cx1, cy1, cx2 - cx1, cy2 - cy1);
      largest_free_area (&cut, boxes + 1, n_boxes - 1, best);
    }
}

/**
 * bri_map_view_get_visible_area:
 * @area: (out): the area, in the view's coordinates
 *
 * The part of the map the user actually sees: the view less what the
 * window covers (bri_map_view_set_obscured()) and less the view's own
 * overlays — the legend, the zoom buttons, the scale — as the largest
 * rectangle clear of them all. Fitting a country or a line fits it here.
 */
void
bri_map_view_get_visible_area (BriMapView      *self,
                               graphene_rect_t *area)
{
  graphene_rect_t uncovered, boxes[8];
  GtkWidget *main_child;
  int width, height;
  guint n_boxes = 0;

  g_return_if_fail (BRI_IS_MAP_VIEW (self));
  g_return_if_fail (area != NULL);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  graphene_rect_init (&uncovered,
                      self->obscured[GTK_POS_LEFT], self->obscured[GTK_POS_TOP],
                      MAX (width - self->obscured[GTK_POS_LEFT] - self->obscured[GTK_POS_RIGHT], 0),
                      MAX (height - self->obscured[GTK_POS_TOP] - self->obscured[GTK_POS_BOTTOM], 0));

  main_child = gtk_overlay_get_child (GTK_OVERLAY (self->overlay));
  for (GtkWidget *child = gtk_widget_get_first_child (self->overlay);
       child != NULL && n_boxes < G_N_ELEMENTS (boxes);
       child = gtk_widget_get_next_sibling (child))
    if (child != main_child && gtk_widget_get_mapped (child) &&
        gtk_widget_compute_bounds (child, GTK_WIDGET (self), &boxes[n_boxes]) &&
        boxes[n_boxes].size.width > 0 && boxes[n_boxes].size.height > 0)
      n_boxes++;

  graphene_rect_init (area, 0, 0, 0, 0);
  largest_free_area (&uncovered, boxes, n_boxes, area);
  if (area->size.width < MIN_VISIBLE || area->size.height < MIN_VISIBLE)
    *area = uncovered;
}

/**
 * bri_map_view_set_obscured:
 * @side: the side of the view that is covered
 * @pixels: how far in from that side, 0 for not at all
 *
 * Tells the view that something over it — a folded side panel — hides a
 * strip of it, which fitting then leaves free.
 */
void
bri_map_view_set_obscured (BriMapView      *self,
                           GtkPositionType  side,
                           int              pixels)
{
  g_return_if_fail (BRI_IS_MAP_VIEW (self));
  g_return_if_fail (side >= GTK_POS_LEFT && side <= GTK_POS_BOTTOM);

  self->obscured[side] = MAX (pixels, 0);
}

int
bri_map_view_get_obscured (BriMapView      *self,
                           GtkPositionType  side)
{
  g_return_val_if_fail (BRI_IS_MAP_VIEW (self), 0);
  g_return_val_if_fail (side >= GTK_POS_LEFT && side <= GTK_POS_BOTTOM, 0);

  return self->obscured[side];
}

/* The view's centre that puts (@lat, @lon) in the middle of the visible
 * area at @zoom rather than in the middle of the view. */
static void
centre_in_visible_area (BriMapView *self,
                        double      zoom,
                        double     *lat,
                        double     *lon)
{
  graphene_rect_t area;
  double world = TILE_SIZE * exp2 (zoom);
  double rotation = shumate_viewport_get_rotation (self->viewport);
  double dx, dy, x, y;

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 1)
    return;

  bri_map_view_get_visible_area (self, &area);
  dx = area.origin.x + area.size.width / 2 - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  dy = area.origin.y + area.size.height / 2 - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  /* The offset on screen, turned back into the map's frame. */
  x = bri_geo_lon_to_x (*lon) - (cos (rotation) * dx + sin (rotation) * dy) / world;
  y = bri_geo_lat_to_y (*lat) - (-sin (rotation) * dx + cos (rotation) * dy) / world;
  *lon = bri_geo_x_to_lon (x - floor (x));
  *lat = bri_geo_y_to_lat (CLAMP (y, 0.0, 1.0));
}

void
bri_map_view_fit_bounds (BriMapView         *self,
                         const BriGeoBounds *bounds,
                         gboolean            animate)
{
  graphene_rect_t area;
  double lon, lat, zoom;

  g_return_if_fail (BRI_IS_MAP_VIEW (self));

  /* Before the first allocation, assume a common window size. */
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 1 || gtk_widget_get_height (GTK_WIDGET (self)) <= 1)
    graphene_rect_init (&area, 0, 0, 800, 600);
  else
    bri_map_view_get_visible_area (self, &area);

  bri_geo_bounds_fit (bounds, area.size.width, area.size.height,
                      MIN (FIT_PADDING, MIN (area.size.width, area.size.height) / 8),
                      TILE_SIZE, FEATURE_ZOOM + 1, &lon, &lat, &zoom);
  zoom = MAX (zoom, 1.0);
  centre_in_visible_area (self, zoom, &lat, &lon);

  if (animate)
    shumate_map_go_to_full (self->map, lat, lon, zoom);
  else
    {
      shumate_location_set_location (SHUMATE_LOCATION (self->viewport), lat, lon);
      shumate_viewport_set_zoom_level (self->viewport, zoom);
    }
}

void
bri_map_view_fly_to_feature (BriMapView *self,
                             BriFeature *feature)
{
  BriGeoBounds bounds;
  double west, south, east, north;

  g_return_if_fail (BRI_IS_MAP_VIEW (self));
  g_return_if_fail (BRI_IS_FEATURE (feature));

  bri_feature_get_bounds (feature, &west, &south, &east, &north);
  bounds.min_lon = west;
  bounds.min_lat = south;
  bounds.max_lon = east;
  bounds.max_lat = north;

  if (!bri_feature_is_line (feature) && bri_feature_get_n_parts (feature) == 1 &&
      west == east && south == north)
    {
      double zoom = MAX (shumate_viewport_get_zoom_level (self->viewport), FEATURE_ZOOM);
      double lat = north, lon = west;
      graphene_rect_t area;

      /* The middle of the view is where the eye goes: a place goes there
       * unless something covers it, and then to the middle of what is
       * visible. */
      bri_map_view_get_visible_area (self, &area);
      graphene_rect_inset (&area, POINT_CLEARANCE, POINT_CLEARANCE);
      if (!graphene_rect_contains_point (&area, &GRAPHENE_POINT_INIT (gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                                                                      gtk_widget_get_height (GTK_WIDGET (self)) / 2.0)))
        centre_in_visible_area (self, zoom, &lat, &lon);
      shumate_map_go_to_full (self->map, lat, lon, zoom);
      return;
    }

  bri_map_view_fit_bounds (self, &bounds, TRUE);
}

/**
 * bri_map_view_show_view:
 * @latitude: the centre of the view to show
 * @zoom: its zoom, for the whole of the map view
 * @duration_ms: how long the flight takes; 0, or animations turned off
 *   in the desktop's settings, jumps
 * @target_latitude: (out) (optional): where the map will be
 *
 * Shows what a view of the whole map widget centred on @latitude,
 * @longitude at @zoom would show, within the part the user sees (see
 * bri_map_view_get_visible_area()): the zoom comes down as far as the
 * visible area is smaller than the view, and the centre moves to the
 * middle of that area.  A tour's stop made on one screen keeps its
 * places in sight beside a caption on another.
 */
void
bri_map_view_show_view (BriMapView *self,
                        double      latitude,
                        double      longitude,
                        double      zoom,
                        guint       duration_ms,
                        double     *target_latitude,
                        double     *target_longitude,
                        double     *target_zoom)
{
  int width, height;
  gboolean animate;

  g_return_if_fail (BRI_IS_MAP_VIEW (self));

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width > 1 && height > 1)
    {
      graphene_rect_t area;

      bri_map_view_get_visible_area (self, &area);
      zoom += log2 (MIN (1.0, MIN (area.size.width / width, area.size.height / height)));
      zoom = CLAMP (zoom, 1.0, MAX_ZOOM);
      centre_in_visible_area (self, zoom, &latitude, &longitude);
    }
  else
    zoom = CLAMP (zoom, 1.0, MAX_ZOOM);

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animate, NULL);
  shumate_map_stop_go_to (self->map);
  if (duration_ms > 0 && animate)
    shumate_map_go_to_full_with_duration (self->map, latitude, longitude, zoom, duration_ms);
  else
    {
      /* A jump needs no animation: the next frame is there. */
      shumate_viewport_set_zoom_level (self->viewport, zoom);
      shumate_location_set_location (SHUMATE_LOCATION (self->viewport), latitude, longitude);
    }

  if (target_latitude != NULL)
    *target_latitude = latitude;
  if (target_longitude != NULL)
    *target_longitude = longitude;
  if (target_zoom != NULL)
    *target_zoom = zoom;
}

/**
 * bri_map_view_highlight_country:
 * @country: (nullable): the country to outline, without moving the map
 */
void
bri_map_view_highlight_country (BriMapView *self,
                                BriCountry *country)
{
  g_return_if_fail (BRI_IS_MAP_VIEW (self));

  bri_country_layer_set_country (self->country_layer, country != NULL ? bri_country_get_numeric (country) : -1);
}

void
bri_map_view_show_country (BriMapView *self,
                           BriCountry *country)
{
  BriGeoBounds bounds;

  g_return_if_fail (BRI_IS_MAP_VIEW (self));

  if (country == NULL)
    {
      bri_country_layer_set_country (self->country_layer, -1);
      return;
    }

  bri_country_layer_set_country (self->country_layer, bri_country_get_numeric (country));
  bri_country_get_bounds (country, &bounds);
  if (!bri_geo_bounds_is_empty (&bounds))
    bri_map_view_fit_bounds (self, &bounds, TRUE);
}

void
bri_map_view_zoom_in (BriMapView *self)
{
  g_return_if_fail (BRI_IS_MAP_VIEW (self));
  shumate_map_zoom_in (self->map);
}

void
bri_map_view_zoom_out (BriMapView *self)
{
  g_return_if_fail (BRI_IS_MAP_VIEW (self));
  shumate_map_zoom_out (self->map);
}

void
bri_map_view_set_dark (BriMapView *self,
                       gboolean    dark)
{
  g_return_if_fail (BRI_IS_MAP_VIEW (self));

  if (self->dark == !!dark)
    return;

  self->dark = !!dark;
  bri_basemap_source_set_dark (self->source, self->dark);
  replace_base_layer (self);
  bri_map_layer_set_dark (BRI_MAP_LAYER (self->label_layer), self->dark);
  bri_map_layer_set_dark (BRI_MAP_LAYER (self->country_layer), self->dark);
  bri_feature_layer_set_dark (self->feature_layer, self->dark);
}

/**
 * bri_map_view_get_drawn:
 *
 * Returns: whether the last frame showed every tile the map needs
 */
gboolean
bri_map_view_get_drawn (BriMapView *self)
{
  g_return_val_if_fail (BRI_IS_MAP_VIEW (self), FALSE);
  return self->drawn;
}

guint
bri_map_view_get_pending_tiles (BriMapView *self)
{
  g_return_val_if_fail (BRI_IS_MAP_VIEW (self), 0);
  return bri_basemap_source_get_pending_tiles (self->source);
}
