/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriMapLayer: the base of the layers that draw in the basemap's palette
 * (the selected country, the country names): one "dark" property, and a
 * redraw whenever the viewport pans, zooms or turns. */

#define G_LOG_DOMAIN "bri-map-layer"

#include "config.h"

#include "bri-map-layer.h"

typedef struct
{
  gboolean dark;
} BriMapLayerPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BriMapLayer, bri_map_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_DARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_viewport_changed_cb (ShumateLayer *layer)
{
  gtk_widget_queue_draw (GTK_WIDGET (layer));
}

/**
 * bri_map_layer_redraw_on_viewport_change:
 * @layer: a layer that draws the map itself, frame by frame
 *
 * Queues a redraw of @layer whenever its viewport pans, zooms or turns,
 * or changes its reference source (whose tile size sets the scale).
 */
void
bri_map_layer_redraw_on_viewport_change (ShumateLayer *layer)
{
  static const char * const notifications[] = {
    "notify::latitude", "notify::longitude", "notify::zoom-level",
    "notify::rotation", "notify::reference-map-source",
  };
  ShumateViewport *viewport;

  g_return_if_fail (SHUMATE_IS_LAYER (layer));

  viewport = shumate_layer_get_viewport (layer);
  for (guint i = 0; i < G_N_ELEMENTS (notifications); i++)
    g_signal_connect_object (viewport, notifications[i], G_CALLBACK (on_viewport_changed_cb),
                             layer, G_CONNECT_SWAPPED);
}

static void
bri_map_layer_constructed (GObject *object)
{
  G_OBJECT_CLASS (bri_map_layer_parent_class)->constructed (object);

  bri_map_layer_redraw_on_viewport_change (SHUMATE_LAYER (object));
}

static void
bri_map_layer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BriMapLayer *self = BRI_MAP_LAYER (object);

  switch (prop_id)
    {
    case PROP_DARK:
      g_value_set_boolean (value, bri_map_layer_get_dark (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_map_layer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BriMapLayer *self = BRI_MAP_LAYER (object);

  switch (prop_id)
    {
    case PROP_DARK:
      bri_map_layer_set_dark (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_map_layer_class_init (BriMapLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bri_map_layer_constructed;
  object_class->get_property = bri_map_layer_get_property;
  object_class->set_property = bri_map_layer_set_property;

  /**
   * BriMapLayer:dark:
   *
   * Whether the layer draws in the dark style's palette, as the basemap
   * under it.
   */
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bri_map_layer_init (BriMapLayer *self)
{
}

gboolean
bri_map_layer_get_dark (BriMapLayer *self)
{
  BriMapLayerPrivate *priv = bri_map_layer_get_instance_private (self);

  g_return_val_if_fail (BRI_IS_MAP_LAYER (self), FALSE);
  return priv->dark;
}

void
bri_map_layer_set_dark (BriMapLayer *self,
                        gboolean     dark)
{
  BriMapLayerPrivate *priv = bri_map_layer_get_instance_private (self);

  g_return_if_fail (BRI_IS_MAP_LAYER (self));

  dark = !!dark;
  if (priv->dark == dark)
    return;

  priv->dark = dark;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

/**
 * bri_map_layer_get_palette:
 *
 * Returns: (transfer none): the colours of the style the layer draws in
 */
const BriTilePalette *
bri_map_layer_get_palette (BriMapLayer *self)
{
  g_return_val_if_fail (BRI_IS_MAP_LAYER (self), NULL);

  return bri_tile_style_get_palette (bri_map_layer_get_dark (self) ? BRI_TILE_STYLE_DARK
                                                                   : BRI_TILE_STYLE_LIGHT);
}
