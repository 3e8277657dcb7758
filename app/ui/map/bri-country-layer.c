/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountryLayer: the selected country, outlined over the map by
 * render's bri_country_outline_draw() in the highlight colour of the
 * style, redrawn with every frame of a pan or zoom. */

#define G_LOG_DOMAIN "bri-country-layer"

#include "config.h"

#include "bri-country-layer.h"
#include "bri-country-outline.h"
#include "bri-viewport-transform.h"

struct _BriCountryLayer
{
  BriMapLayer parent_instance;

  int         country;   /* ISO 3166-1 numeric, -1 for none */
};

G_DEFINE_FINAL_TYPE (BriCountryLayer, bri_country_layer, BRI_TYPE_MAP_LAYER)

enum {
  PROP_0,
  PROP_COUNTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bri_country_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  BriCountryLayer *self = BRI_COUNTRY_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  BriMapTransform t;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->country < 0 || width <= 0 || height <= 0)
    return;

  bri_map_transform_init (&t, viewport, widget);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  bri_country_outline_draw (cr, &t, self->country, bri_map_layer_get_palette (BRI_MAP_LAYER (self)),
                            bri_map_layer_get_dark (BRI_MAP_LAYER (self)) ? 0.20 : 0.14);
  cairo_destroy (cr);
}

static void
bri_country_layer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BriCountryLayer *self = BRI_COUNTRY_LAYER (object);

  switch (prop_id)
    {
    case PROP_COUNTRY:
      g_value_set_int (value, self->country);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_country_layer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BriCountryLayer *self = BRI_COUNTRY_LAYER (object);

  switch (prop_id)
    {
    case PROP_COUNTRY:
      bri_country_layer_set_country (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_country_layer_class_init (BriCountryLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bri_country_layer_get_property;
  object_class->set_property = bri_country_layer_set_property;

  widget_class->snapshot = bri_country_layer_snapshot;

  /**
   * BriCountryLayer:country:
   *
   * The ISO 3166-1 numeric code of the country outlined, or -1.
   */
  properties[PROP_COUNTRY] =
    g_param_spec_int ("country", NULL, NULL, -1, 999, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "countrylayer");
}

static void
bri_country_layer_init (BriCountryLayer *self)
{
  self->country = -1;

  /* Clicks go to the map, which asks bri_country_layer_pick(). */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

BriCountryLayer *
bri_country_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (BRI_TYPE_COUNTRY_LAYER, "viewport", viewport, NULL);
}

int
bri_country_layer_get_country (BriCountryLayer *self)
{
  g_return_val_if_fail (BRI_IS_COUNTRY_LAYER (self), -1);
  return self->country;
}

/**
 * bri_country_layer_set_country:
 * @numeric: an ISO 3166-1 numeric code, or -1 to outline nothing
 */
void
bri_country_layer_set_country (BriCountryLayer *self,
                               int              numeric)
{
  g_return_if_fail (BRI_IS_COUNTRY_LAYER (self));
  g_return_if_fail (numeric >= -1 && numeric <= 999);

  if (self->country == numeric)
    return;

  self->country = numeric;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

/**
 * bri_country_layer_pick:
 * @widget_x: a point in the layer's coordinates (the map's: layers fill it)
 * @widget_y:
 *
 * Looks the point up in the outlines the basemap shows at the current
 * zoom, so that a click lands in the country drawn under it.
 *
 * Returns: the ISO 3166-1 numeric code of the country there, or -1 at sea
 */
int
bri_country_layer_pick (BriCountryLayer *self,
                        double           widget_x,
                        double           widget_y)
{
  ShumateViewport *viewport;
  g_autoptr(BriBasemap) map = NULL;
  BriMapTransform t;
  double x, y;
  int index;

  g_return_val_if_fail (BRI_IS_COUNTRY_LAYER (self), -1);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  bri_map_transform_init (&t, viewport, GTK_WIDGET (self));
  bri_map_transform_to_map (&t, widget_x, widget_y, &x, &y);
  if (!isfinite (x) || !isfinite (y) || y < 0.0 || y > 1.0)
    return -1;

  map = bri_country_outline_load_outlines (-1, t.zoom, &index);
  if (map == NULL)
    return -1;

  /* Any copy of the world east or west is the same world. */
  x -= floor (x);
  return bri_basemap_find_country (map, bri_geo_x_to_lon (x), bri_geo_y_to_lat (y));
}
