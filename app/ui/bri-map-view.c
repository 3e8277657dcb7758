/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriMapView: the offline basemap, the highlighted country, country
 * names and the atlas's features as layers of one ShumateMap, with our
 * own zoom buttons (they need accessible names), the scale, the licence
 * and the legend over it.  It shows what the window tells it; a click
 * comes back as a signal. */

#define G_LOG_DOMAIN "bri-map-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-basemap-source.h"
#include "bri-country-label-layer.h"
#include "bri-country-layer.h"
#include "bri-feature-layer.h"
#include "bri-legend.h"
#include "bri-map-view.h"

#define MAX_ZOOM 12.0
#define FEATURE_ZOOM 7.0
#define TILE_SIZE 256.0

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
  GtkWidget            *legend;
  ShumateLicense       *license;

  BriAtlas             *atlas;
  gboolean              dark;
};

G_DEFINE_FINAL_TYPE (BriMapView, bri_map_view, GTK_TYPE_WIDGET)

enum {
  FEATURE_ACTIVATED,
  COUNTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
replace_base_layer (BriMapView *self)
{
  ShumateMapLayer *old = self->base_layer;

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

static void
bri_map_view_dispose (GObject *object)
{
  BriMapView *self = (BriMapView *)object;

  g_clear_object (&self->atlas);
  g_clear_object (&self->source);
  g_clear_pointer (&self->overlay, gtk_widget_unparent);

  G_OBJECT_CLASS (bri_map_view_parent_class)->dispose (object);
}

static void
bri_map_view_class_init (BriMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bri_map_view_dispose;

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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mapview");
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

  self->map = shumate_map_new ();
  self->viewport = shumate_map_get_viewport (self->map);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->map), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->map), TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->map));

  self->source = bri_basemap_source_new ();
  shumate_viewport_set_reference_map_source (self->viewport, SHUMATE_MAP_SOURCE (self->source));
  shumate_viewport_set_min_zoom_level (self->viewport, 1);
  shumate_viewport_set_max_zoom_level (self->viewport, (guint) MAX_ZOOM);
  replace_base_layer (self);

  self->country_layer = bri_country_layer_new (self->viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->country_layer));
  self->label_layer = bri_country_label_layer_new (self->viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->label_layer));
  self->feature_layer = bri_feature_layer_new (self->viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->feature_layer));
  g_signal_connect (self->feature_layer, "feature-activated",
                    G_CALLBACK (on_feature_activated), self);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_map_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));

  zoom_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
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

  bottom = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_halign (bottom, GTK_ALIGN_END);
  gtk_widget_set_valign (bottom, GTK_ALIGN_END);
  scale = shumate_scale_new (self->viewport);
  gtk_widget_set_halign (GTK_WIDGET (scale), GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (scale));
  self->license = shumate_license_new ();
  shumate_license_append_map_source (self->license, SHUMATE_MAP_SOURCE (self->source));
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->license));
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), bottom);
}

GtkWidget *
bri_map_view_new (void)
{
  return g_object_new (BRI_TYPE_MAP_VIEW, NULL);
}

ShumateMap *
bri_map_view_get_map (BriMapView *self)
{
  g_return_val_if_fail (BRI_IS_MAP_VIEW (self), NULL);
  return self->map;
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
  gtk_widget_set_visible (self->legend, TRUE);
}

void
bri_map_view_select_feature (BriMapView *self,
                             BriFeature *feature)
{
  g_return_if_fail (BRI_IS_MAP_VIEW (self));

  bri_feature_layer_set_selected (self->feature_layer, feature);
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

void
bri_map_view_fit_bounds (BriMapView         *self,
                         const BriGeoBounds *bounds,
                         gboolean            animate)
{
  double lon, lat, zoom;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_if_fail (BRI_IS_MAP_VIEW (self));

  /* Before the first allocation, assume a common window size. */
  if (width <= 1 || height <= 1)
    {
      width = 800;
      height = 600;
    }

  bri_geo_bounds_fit (bounds, width, height, 48, TILE_SIZE, FEATURE_ZOOM + 1, &lon, &lat, &zoom);
  zoom = MAX (zoom, 1.0);

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

      shumate_map_go_to_full (self->map, north, west, zoom);
      return;
    }

  bri_map_view_fit_bounds (self, &bounds, TRUE);
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
  bri_country_label_layer_set_dark (self->label_layer, self->dark);
  bri_country_layer_set_dark (self->country_layer, self->dark);
}

guint
bri_map_view_get_pending_tiles (BriMapView *self)
{
  g_return_val_if_fail (BRI_IS_MAP_VIEW (self), 0);
  return bri_basemap_source_get_pending_tiles (self->source);
}
