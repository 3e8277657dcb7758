/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureLayer: every feature of a model on the map, drawn in one
 * snapshot by render's BriFeaturePainter, with hit-testing, hover and a
 * click signal.  The layer is the painter's widget: it gives it the view,
 * the font and the scale, and turns pointer events into picks.  It is
 * also the map's keyboard: it takes the focus, pans and zooms, and Tab
 * steps through the features in view (see "Keyboard" below). */

#define G_LOG_DOMAIN "bri-feature-layer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bri-feature-layer.h"
#include "bri-feature-painter.h"
#include "bri-geo.h"
#include "bri-map-layer.h"
#include "bri-viewport-transform.h"

struct _BriFeatureLayer
{
  ShumateLayer       parent_instance;

  GListModel        *model;
  BriFeature        *selected;
  BriFeature        *hovered;
  BriFeature        *focused;
  BriFeaturePainter *painter;
  double             line_scale;
};

G_DEFINE_FINAL_TYPE (BriFeatureLayer, bri_feature_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED,
  PROP_HOVERED,
  PROP_FOCUSED,
  PROP_LINE_SCALE,
  N_PROPS
};

enum {
  FEATURE_ACTIVATED,
  FOCUS_LEAVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void set_focused (BriFeatureLayer *self,
                         BriFeature      *feature);

/* With a line scale, the features are drawn as on a map that much
 * smaller, then magnified: lines, markers and names grow while every
 * place stays where it is on the basemap.  The painter draws the same
 * way for any scale; only the view it is given changes. */
static void
get_transform (BriFeatureLayer *self,
               BriMapTransform *t)
{
  double s = self->line_scale;

  bri_map_transform_init (t, shumate_layer_get_viewport (SHUMATE_LAYER (self)), GTK_WIDGET (self));
  if (s == 1.0)
    return;

  t->zoom -= log2 (s);
  t->world /= s;
  t->center_x /= s;
  t->center_y /= s;
  t->half_width /= s;
  t->half_height /= s;
}

static gboolean
hit_test (BriFeatureLayer *self,
          double           x,
          double           y,
          BriFeatureHit   *hit)
{
  BriMapTransform t;

  get_transform (self, &t);
  return bri_feature_painter_pick (self->painter, &t, x / self->line_scale, y / self->line_scale, hit);
}

static void
bri_feature_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (widget);
  BriMapTransform t;
  GdkRGBA fg;
  BriRgba text_color;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0 || bri_feature_painter_is_empty (self->painter))
    return;

  /* The names in the widget's font and colour, sharp at its scale. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  text_color = (BriRgba) { fg.red, fg.green, fg.blue, fg.alpha };
  bri_feature_painter_set_style (self->painter, gtk_widget_get_pango_context (widget), &text_color,
                                 (int) ceil (gtk_widget_get_scale_factor (widget) * self->line_scale), FALSE);

  get_transform (self, &t);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->line_scale, self->line_scale);
  bri_feature_painter_draw (self->painter, cr, &t);
  cairo_destroy (cr);
}

static gboolean
bri_feature_layer_contains (GtkWidget *widget,
                            double     x,
                            double     y)
{
  BriFeatureHit hit;

  /* Only over a feature: elsewhere events go to the map beneath, which
   * pans and zooms, and to any layer under this one. */
  return hit_test (BRI_FEATURE_LAYER (widget), x, y, &hit);
}

static gboolean
bri_feature_layer_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard_mode,
                                 GtkTooltip *tooltip)
{
  BriFeatureHit hit;

  if (keyboard_mode || !hit_test (BRI_FEATURE_LAYER (widget), x, y, &hit))
    return FALSE;

  if (hit.feature != NULL)
    {
      /* Plain text: names may hold an ampersand. */
      g_autofree char *text = g_strdup_printf ("%s\n%s",
                                               bri_feature_get_name (hit.feature),
                                               bri_feature_kind_get_label (bri_feature_get_kind (hit.feature)));

      gtk_tooltip_set_text (tooltip, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u place — click to zoom in",
                                                         "%u places — click to zoom in",
                                                         hit.count),
                                               hit.count);

      gtk_tooltip_set_text (tooltip, text);
    }

  return TRUE;
}

static void
bri_feature_layer_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (widget);

  GTK_WIDGET_CLASS (bri_feature_layer_parent_class)->css_changed (widget, change);

  /* The font may have changed, and the sprites' text with it. */
  bri_feature_painter_forget (self->painter);
}

static void
bri_feature_layer_system_setting_changed (GtkWidget        *widget,
                                          GtkSystemSetting  setting)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (widget);

  GTK_WIDGET_CLASS (bri_feature_layer_parent_class)->system_setting_changed (widget, setting);

  bri_feature_painter_forget (self->painter);
}

/* Input */

static void
set_hovered (BriFeatureLayer *self,
             BriFeature      *feature)
{
  if (g_set_object (&self->hovered, feature))
    {
      bri_feature_painter_set_hovered (self->painter, feature);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED]);
    }
}

static void
on_motion_cb (BriFeatureLayer          *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *motion)
{
  BriFeatureHit hit;

  set_hovered (self, hit_test (self, x, y, &hit) ? hit.feature : NULL);
}

static void
on_leave_cb (BriFeatureLayer          *self,
             GtkEventControllerMotion *motion)
{
  set_hovered (self, NULL);
}

static void
zoom_into (BriFeatureLayer     *self,
           const BriFeatureHit *hit)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  GtkWidget *map = gtk_widget_get_ancestor (GTK_WIDGET (self), SHUMATE_TYPE_MAP);
  double lat = bri_geo_y_to_lat (hit->y);
  double lon = bri_geo_x_to_lon (hit->x - floor (hit->x));
  double current = shumate_viewport_get_zoom_level (viewport);
  /* Straight to where its places are drawn apart: one click, not one per
   * step, even for places that share a coordinate and only fan out. */
  double zoom = MIN (MAX (hit->zoom_apart, current + 1.0),
                     shumate_viewport_get_max_zoom_level (viewport));

  if (map != NULL)
    shumate_map_go_to_full (SHUMATE_MAP (map), lat, lon, zoom);
  else
    {
      shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
      shumate_viewport_set_zoom_level (viewport, zoom);
    }
}

/* Released, not pressed: a press that turns into a drag belongs to the
 * map, which pans; a click — press and release without moving — is ours,
 * and only then is the sequence claimed. */
static void
on_click_released_cb (BriFeatureLayer *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  BriFeatureHit hit;

  if (n_press != 1 || !hit_test (self, x, y, &hit))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  if (hit.feature != NULL)
    g_signal_emit (self, signals[FEATURE_ACTIVATED], 0, hit.feature);
  else
    zoom_into (self, &hit);
}

static void
on_scale_factor_changed_cb (BriFeatureLayer *self)
{
  /* Sprites are drawn for one scale: redraw them sharp for the new one. */
  bri_feature_painter_forget (self->painter);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_items_changed_cb (BriFeatureLayer *self,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GListModel      *model)
{
  /* Rebuilt at the next frame or pick: a filter that changes many times
   * in a row costs one index. */
  bri_feature_painter_invalidate (self->painter);
  set_hovered (self, NULL);
  set_focused (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Keyboard.  The layer takes the focus for the map: arrows pan, + and −
 * zoom, and Tab and Shift+Tab step through the features in view in
 * reading order (the painter's list), the map itself coming before the
 * first; past either end the focus goes on as Tab takes it.  Enter or
 * space opens the feature reached, as a click does; Escape asks the
 * window for the list.  GTK 4.8 gives a widget no accessible children
 * of its own making, so the feature reached is the layer's accessible
 * name: a screen reader says it as the focus moves. */

/* How far an arrow key moves the map: a fraction of the view. */
#define PAN_FRACTION 0.25
/* At most this many features in view are listed, the most important. */
#define MAX_IN_VIEW 200

static void
update_accessible_name (BriFeatureLayer *self)
{
  g_autofree char *text = self->focused != NULL ? bri_feature_describe (self->focused) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : _("Map features"),
                                  -1);
}

static void
set_focused (BriFeatureLayer *self,
             BriFeature      *feature)
{
  if (!g_set_object (&self->focused, feature))
    return;

  bri_feature_painter_set_focused (self->painter, feature);
  update_accessible_name (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED]);
}

/* Where the focused feature is in @features; -1 for the map itself (no
 * feature, or one that has left the view). */
static int
focused_position (BriFeatureLayer *self,
                  GPtrArray       *features)
{
  guint position;

  if (self->focused == NULL || !g_ptr_array_find (features, self->focused, &position))
    return -1;

  return (int) position;
}

static gboolean
bri_feature_layer_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (widget);
  g_autoptr(GPtrArray) features = NULL;
  gboolean tab = direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD;
  int next;

  if (!gtk_widget_is_focus (widget))
    {
      /* Coming in: forwards to the map itself, backwards to its last
       * feature, as if the features came after it. */
      if (!gtk_widget_grab_focus (widget))
        return FALSE;
      features = bri_feature_layer_list_in_view (self);
      set_focused (self, direction == GTK_DIR_TAB_BACKWARD && features->len > 0
                         ? g_ptr_array_index (features, features->len - 1) : NULL);
      return TRUE;
    }

  /* Arrows are the key handler's; this is reached only for Tab. */
  if (!tab)
    return FALSE;

  features = bri_feature_layer_list_in_view (self);
  next = focused_position (self, features) + (direction == GTK_DIR_TAB_FORWARD ? 1 : -1);
  if (next == -1)
    {
      set_focused (self, NULL);
      return TRUE;
    }
  if (next < -1 || next >= (int) features->len)
    {
      set_focused (self, NULL);
      return FALSE;
    }

  set_focused (self, g_ptr_array_index (features, next));
  return TRUE;
}

static ShumateMap *
get_map (BriFeatureLayer *self)
{
  GtkWidget *map = gtk_widget_get_ancestor (GTK_WIDGET (self), SHUMATE_TYPE_MAP);

  return map != NULL ? SHUMATE_MAP (map) : NULL;
}

/* Moves the view by @dx, @dy times PAN_FRACTION of its size, along the
 * screen's axes whatever the rotation. */
static void
pan (BriFeatureLayer *self,
     double           dx,
     double           dy)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateMap *map = get_map (self);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double lat, lon;

  if (map != NULL)
    shumate_map_stop_go_to (map);
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self),
                                              width / 2 + dx * PAN_FRACTION * width,
                                              height / 2 + dy * PAN_FRACTION * height,
                                              &lat, &lon);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
}

static void
zoom_by_step (BriFeatureLayer *self,
              gboolean         in)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateMap *map = get_map (self);
  double zoom = CLAMP (shumate_viewport_get_zoom_level (viewport) + (in ? 1 : -1),
                       shumate_viewport_get_min_zoom_level (viewport),
                       shumate_viewport_get_max_zoom_level (viewport));

  /* Animated, about the centre of the view. */
  if (map != NULL)
    shumate_map_go_to_full (map,
                            shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                            shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                            zoom);
  else
    shumate_viewport_set_zoom_level (viewport, zoom);
}

static gboolean
on_key_pressed_cb (BriFeatureLayer       *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  /* Shift is how "+" is typed on many keyboards; Ctrl+plus zooms too. */
  GdkModifierType others = state & (GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK);
  gboolean plain = others == 0 && (state & GDK_CONTROL_MASK) == 0;

  if (others != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (plain)
        pan (self, -1, 0);
      return plain;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (plain)
        pan (self, 1, 0);
      return plain;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (plain)
        pan (self, 0, -1);
      return plain;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (plain)
        pan (self, 0, 1);
      return plain;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      zoom_by_step (self, TRUE);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_underscore:
    case GDK_KEY_KP_Subtract:
      zoom_by_step (self, FALSE);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (plain && self->focused != NULL)
        {
          g_autoptr(BriFeature) feature = g_object_ref (self->focused);

          g_signal_emit (self, signals[FEATURE_ACTIVATED], 0, feature);
        }
      /* Space is no search. */
      return plain;
    case GDK_KEY_Escape:
      if (plain)
        g_signal_emit (self, signals[FOCUS_LEAVE], 0);
      return plain;
    default:
      return FALSE;
    }
}

static void
on_focus_leave_cb (BriFeatureLayer         *self,
                   GtkEventControllerFocus *controller)
{
  set_focused (self, NULL);
}

/* GObject */

static void
bri_feature_layer_constructed (GObject *object)
{
  G_OBJECT_CLASS (bri_feature_layer_parent_class)->constructed (object);

  bri_map_layer_redraw_on_viewport_change (SHUMATE_LAYER (object));
}

static void
bri_feature_layer_dispose (GObject *object)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->selected);
  g_clear_object (&self->hovered);
  g_clear_object (&self->focused);
  bri_feature_painter_set_model (self->painter, NULL);
  bri_feature_painter_set_selected (self->painter, NULL);
  bri_feature_painter_set_hovered (self->painter, NULL);
  bri_feature_painter_set_focused (self->painter, NULL);

  G_OBJECT_CLASS (bri_feature_layer_parent_class)->dispose (object);
}

static void
bri_feature_layer_finalize (GObject *object)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (object);

  bri_feature_painter_free (self->painter);

  G_OBJECT_CLASS (bri_feature_layer_parent_class)->finalize (object);
}

static void
bri_feature_layer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_HOVERED:
      g_value_set_object (value, self->hovered);
      break;
    case PROP_FOCUSED:
      g_value_set_object (value, self->focused);
      break;
    case PROP_LINE_SCALE:
      g_value_set_double (value, self->line_scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_feature_layer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      bri_feature_layer_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      bri_feature_layer_set_selected (self, g_value_get_object (value));
      break;
    case PROP_LINE_SCALE:
      bri_feature_layer_set_line_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_feature_layer_class_init (BriFeatureLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bri_feature_layer_constructed;
  object_class->dispose = bri_feature_layer_dispose;
  object_class->finalize = bri_feature_layer_finalize;
  object_class->get_property = bri_feature_layer_get_property;
  object_class->set_property = bri_feature_layer_set_property;

  widget_class->snapshot = bri_feature_layer_snapshot;
  widget_class->contains = bri_feature_layer_contains;
  widget_class->query_tooltip = bri_feature_layer_query_tooltip;
  widget_class->css_changed = bri_feature_layer_css_changed;
  widget_class->system_setting_changed = bri_feature_layer_system_setting_changed;
  widget_class->focus = bri_feature_layer_focus;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         BRI_TYPE_FEATURE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HOVERED] =
    g_param_spec_object ("hovered", NULL, NULL,
                         BRI_TYPE_FEATURE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * BriFeatureLayer:focused:
   *
   * The feature the keyboard has reached, while the layer has the focus.
   */
  properties[PROP_FOCUSED] =
    g_param_spec_object ("focused", NULL, NULL,
                         BRI_TYPE_FEATURE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * BriFeatureLayer:line-scale:
   *
   * How much heavier than usual lines, markers and names are drawn: 1 on
   * the desktop, more for a presentation seen from across a room.
   */
  properties[PROP_LINE_SCALE] =
    g_param_spec_double ("line-scale", NULL, NULL,
                         1.0, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BriFeatureLayer::feature-activated:
   * @feature: the feature clicked or tapped
   */
  signals[FEATURE_ACTIVATED] =
    g_signal_new ("feature-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BRI_TYPE_FEATURE);

  /**
   * BriFeatureLayer::focus-leave:
   *
   * Escape was pressed on the map: the keyboard user wants to go back to
   * the list beside it.
   */
  signals[FOCUS_LEAVE] =
    g_signal_new ("focus-leave",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bri_feature_layer_init (BriFeatureLayer *self)
{
  GtkGesture *click;
  GtkEventController *motion;
  GtkEventController *key;
  GtkEventController *focus;

  self->painter = bri_feature_painter_new ();
  self->line_scale = 1.0;

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "enter", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  /* Before the window's search entry, which takes what is typed. */
  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed_cb), NULL);

  /* contains () is true only over features, so the hand shows there only. */
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  /* Tab reaches the map; a click on it leaves the focus where it was. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "bri-feature-layer");
  update_accessible_name (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys move the map, plus and minus zoom, Tab steps through the places in view, Enter opens one"),
                                  -1);
}

/* Public API */

/**
 * bri_feature_layer_new:
 * @viewport: the viewport of the map the layer goes on
 *
 * Returns: (transfer floating): a new layer; add it with shumate_map_add_layer ()
 */
BriFeatureLayer *
bri_feature_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (BRI_TYPE_FEATURE_LAYER, "viewport", viewport, NULL);
}

/**
 * bri_feature_layer_set_model:
 * @features: (nullable): a model of BriFeature, which a filter may change
 */
void
bri_feature_layer_set_model (BriFeatureLayer *self,
                             GListModel      *features)
{
  g_return_if_fail (BRI_IS_FEATURE_LAYER (self));
  g_return_if_fail (features == NULL || G_IS_LIST_MODEL (features));

  if (self->model == features)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);

  g_set_object (&self->model, features);

  if (self->model != NULL)
    g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_items_changed_cb),
                             self, G_CONNECT_SWAPPED);

  bri_feature_painter_set_model (self->painter, features);
  set_hovered (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * bri_feature_layer_get_model:
 *
 * Returns: (transfer none) (nullable): the features drawn
 */
GListModel *
bri_feature_layer_get_model (BriFeatureLayer *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_LAYER (self), NULL);

  return self->model;
}

/**
 * bri_feature_layer_set_selected:
 * @feature: (nullable): the feature to highlight; drawn even if the
 *   model does not hold it
 */
void
bri_feature_layer_set_selected (BriFeatureLayer *self,
                                BriFeature      *feature)
{
  g_return_if_fail (BRI_IS_FEATURE_LAYER (self));
  g_return_if_fail (feature == NULL || BRI_IS_FEATURE (feature));

  if (!g_set_object (&self->selected, feature))
    return;

  bri_feature_painter_set_selected (self->painter, feature);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * bri_feature_layer_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected feature
 */
BriFeature *
bri_feature_layer_get_selected (BriFeatureLayer *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_LAYER (self), NULL);

  return self->selected;
}

/**
 * bri_feature_layer_get_hovered:
 *
 * Returns: (transfer none) (nullable): the feature under the pointer
 */
BriFeature *
bri_feature_layer_get_hovered (BriFeatureLayer *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_LAYER (self), NULL);

  return self->hovered;
}

/**
 * bri_feature_layer_pick:
 * @widget_x: a position in the layer's coordinates (the map's: the layer
 *   fills the map)
 *
 * What a click at (@widget_x, @widget_y) would activate: markers win over
 * lines, as they are drawn over them.  A bubble of several places at low
 * zoom levels is no one feature, and gives %NULL.
 *
 * Returns: (transfer none) (nullable): the feature there
 */
BriFeature *
bri_feature_layer_pick (BriFeatureLayer *self,
                        double           widget_x,
                        double           widget_y)
{
  BriFeatureHit hit;

  g_return_val_if_fail (BRI_IS_FEATURE_LAYER (self), NULL);

  if (!hit_test (self, widget_x, widget_y, &hit))
    return NULL;

  return hit.feature;
}

/**
 * bri_feature_layer_get_label_area:
 * @area: (out): where the name is, in the layer's coordinates
 *
 * Returns: whether the last frame wrote @feature's name on the map
 */
gboolean
bri_feature_layer_get_label_area (BriFeatureLayer *self,
                                  BriFeature      *feature,
                                  graphene_rect_t *area)
{
  BriLabelRect rect;

  g_return_val_if_fail (BRI_IS_FEATURE_LAYER (self), FALSE);
  g_return_val_if_fail (BRI_IS_FEATURE (feature), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (!bri_feature_painter_get_label_area (self->painter, feature, &rect))
    return FALSE;

  graphene_rect_init (area, rect.x * self->line_scale, rect.y * self->line_scale,
                      rect.width * self->line_scale, rect.height * self->line_scale);
  return TRUE;
}

/**
 * bri_feature_layer_set_line_scale:
 * @scale: 1 for the usual weight, up to 4
 */
void
bri_feature_layer_set_line_scale (BriFeatureLayer *self,
                                  double           scale)
{
  g_return_if_fail (BRI_IS_FEATURE_LAYER (self));

  scale = CLAMP (scale, 1.0, 4.0);
  if (self->line_scale == scale)
    return;

  self->line_scale = scale;
  /* The sprites were drawn for the old size. */
  bri_feature_painter_forget (self->painter);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE_SCALE]);
}

double
bri_feature_layer_get_line_scale (BriFeatureLayer *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_LAYER (self), 1.0);

  return self->line_scale;
}

/**
 * bri_feature_layer_set_dark:
 * @dark: whether the basemap under the layer is in the dark style
 *
 * The kinds take the colours that stand out from the basemap's style
 * (see bri-feature-style.c).
 */
void
bri_feature_layer_set_dark (BriFeatureLayer *self,
                            gboolean         dark)
{
  g_return_if_fail (BRI_IS_FEATURE_LAYER (self));

  bri_feature_painter_set_tile_style (self->painter, dark ? BRI_TILE_STYLE_DARK : BRI_TILE_STYLE_LIGHT);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bri_feature_layer_set_label_obstacles:
 * @rects: (array length=n_rects): where the names of the layer under
 *   this one are (the country names), in the layer's coordinates
 *
 * The features' names keep clear of them.  Called while the map draws,
 * before this layer: the names move in the same frame.
 */
void
bri_feature_layer_set_label_obstacles (BriFeatureLayer    *self,
                                       const BriLabelRect *rects,
                                       guint               n_rects)
{
  g_autoptr(GArray) scaled = NULL;

  g_return_if_fail (BRI_IS_FEATURE_LAYER (self));
  g_return_if_fail (rects != NULL || n_rects == 0);

  /* The painter draws on a map line_scale times smaller. */
  scaled = g_array_sized_new (FALSE, FALSE, sizeof (BriLabelRect), n_rects);
  for (guint i = 0; i < n_rects; i++)
    {
      BriLabelRect r = { rects[i].x / self->line_scale, rects[i].y / self->line_scale,
                         rects[i].width / self->line_scale, rects[i].height / self->line_scale };

      g_array_append_val (scaled, r);
    }
  if (bri_feature_painter_set_label_obstacles (self->painter, (const BriLabelRect *) (gconstpointer) scaled->data,
                                               scaled->len))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bri_feature_layer_get_focused:
 *
 * Returns: (transfer none) (nullable): the feature the keyboard has
 *   reached on the map
 */
BriFeature *
bri_feature_layer_get_focused (BriFeatureLayer *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_LAYER (self), NULL);

  return self->focused;
}

/**
 * bri_feature_layer_list_in_view:
 *
 * The features the layer shows now, in reading order (rows from the top,
 * west to east in each), the most important ones when there are many:
 * the order Tab steps through them.
 *
 * Returns: (transfer container) (element-type BriFeature): the features,
 *   each with a reference of its own
 */
GPtrArray *
bri_feature_layer_list_in_view (BriFeatureLayer *self)
{
  GPtrArray *features;
  g_autoptr(GArray) in_view = NULL;
  BriMapTransform t;

  g_return_val_if_fail (BRI_IS_FEATURE_LAYER (self), NULL);

  features = g_ptr_array_new_with_free_func (g_object_unref);
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0 || bri_feature_painter_is_empty (self->painter))
    return features;

  get_transform (self, &t);
  in_view = bri_feature_painter_list_in_view (self->painter, &t, MAX_IN_VIEW);
  for (guint i = 0; i < in_view->len; i++)
    g_ptr_array_add (features, g_object_ref (g_array_index (in_view, BriFeatureInView, i).feature));

  return features;
}
