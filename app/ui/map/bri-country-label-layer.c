/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountryLabelLayer: draws each country's name (in the user's language)
 * where render's BriCountryLabels places it for the current view.  No
 * widget per label: one cairo node draws the halos, one text node per
 * name goes on top. */

#define G_LOG_DOMAIN "bri-country-label-layer"

#include "config.h"

#include "bri-country-label-layer.h"
#include "bri-country-labels.h"
#include "bri-feature-layer.h"
#include "bri-viewport-transform.h"

struct _BriCountryLabelLayer
{
  BriMapLayer       parent_instance;

  BriCountryLabels *labels;
  GArray           *placed;          /* of BriLabelRect: the names of the last frame */
  BriFeatureLayer  *feature_layer;   /* weak: whose names keep clear of ours */
};

G_DEFINE_FINAL_TYPE (BriCountryLabelLayer, bri_country_label_layer, BRI_TYPE_MAP_LAYER)

enum {
  PROP_0,
  PROP_COUNTRIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The feature layer, drawn over this one, writes its names clear of the
 * country names: one placement for both, as in the exports
 * (BriMapRenderer). */
static void
share_placement (BriCountryLabelLayer *self)
{
  g_array_set_size (self->placed, 0);
  bri_country_labels_get_placed_rects (self->labels, self->placed);
  if (self->feature_layer != NULL)
    bri_feature_layer_set_label_obstacles (self->feature_layer,
                                           (const BriLabelRect *) (gconstpointer) self->placed->data,
                                           self->placed->len);
}

static void
bri_country_label_layer_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  BriCountryLabelLayer *self = BRI_COUNTRY_LABEL_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  const BriTilePalette *palette;
  guint n_placed;
  BriMapTransform t;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA text_color;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  bri_country_labels_set_context (self->labels, gtk_widget_get_pango_context (widget));
  bri_map_transform_init (&t, viewport, widget);
  n_placed = bri_country_labels_place (self->labels, &t);
  share_placement (self);
  if (n_placed == 0)
    return;

  palette = bri_map_layer_get_palette (BRI_MAP_LAYER (self));

  /* The halos in one node, under all the names. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  bri_country_labels_draw_halos (self->labels, cr, palette);
  cairo_destroy (cr);

  text_color = (GdkRGBA) { palette->label.red, palette->label.green, palette->label.blue, 1.0 };
  for (guint i = 0; i < n_placed; i++)
    {
      double x, y;
      PangoLayout *layout = bri_country_labels_get_placed (self->labels, i, &x, &y);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      gtk_snapshot_append_layout (snapshot, layout, &text_color);
      gtk_snapshot_restore (snapshot);
    }
}

static void
bri_country_label_layer_system_setting_changed (GtkWidget        *widget,
                                                GtkSystemSetting  setting)
{
  BriCountryLabelLayer *self = BRI_COUNTRY_LABEL_LAYER (widget);

  GTK_WIDGET_CLASS (bri_country_label_layer_parent_class)->system_setting_changed (widget, setting);

  /* The names were measured in the old font. */
  bri_country_labels_forget_layouts (self->labels);
  gtk_widget_queue_draw (widget);
}

static void
on_countries_changed_cb (BriCountryLabelLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
bri_country_label_layer_dispose (GObject *object)
{
  BriCountryLabelLayer *self = BRI_COUNTRY_LABEL_LAYER (object);
  GListModel *countries = bri_country_labels_get_countries (self->labels);

  if (countries != NULL)
    g_signal_handlers_disconnect_by_func (countries, on_countries_changed_cb, self);
  bri_country_labels_set_countries (self->labels, NULL);
  g_clear_weak_pointer (&self->feature_layer);

  G_OBJECT_CLASS (bri_country_label_layer_parent_class)->dispose (object);
}

static void
bri_country_label_layer_finalize (GObject *object)
{
  BriCountryLabelLayer *self = BRI_COUNTRY_LABEL_LAYER (object);

  g_clear_pointer (&self->labels, bri_country_labels_free);
  g_clear_pointer (&self->placed, g_array_unref);

  G_OBJECT_CLASS (bri_country_label_layer_parent_class)->finalize (object);
}

static void
bri_country_label_layer_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  BriCountryLabelLayer *self = BRI_COUNTRY_LABEL_LAYER (object);

  switch (prop_id)
    {
    case PROP_COUNTRIES:
      g_value_set_object (value, bri_country_labels_get_countries (self->labels));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_country_label_layer_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  BriCountryLabelLayer *self = BRI_COUNTRY_LABEL_LAYER (object);

  switch (prop_id)
    {
    case PROP_COUNTRIES:
      bri_country_label_layer_set_countries (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_country_label_layer_class_init (BriCountryLabelLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bri_country_label_layer_dispose;
  object_class->finalize = bri_country_label_layer_finalize;
  object_class->get_property = bri_country_label_layer_get_property;
  object_class->set_property = bri_country_label_layer_set_property;

  widget_class->snapshot = bri_country_label_layer_snapshot;
  widget_class->system_setting_changed = bri_country_label_layer_system_setting_changed;

  /**
   * BriCountryLabelLayer:countries:
   *
   * The countries to name: a #GListModel of #BriCountry.
   */
  properties[PROP_COUNTRIES] =
    g_param_spec_object ("countries", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "countrylabellayer");
}

static void
bri_country_label_layer_init (BriCountryLabelLayer *self)
{
  self->labels = bri_country_labels_new ();
  self->placed = g_array_new (FALSE, FALSE, sizeof (BriLabelRect));

  /* The names are not controls: clicks go through to the map. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

BriCountryLabelLayer *
bri_country_label_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (BRI_TYPE_COUNTRY_LABEL_LAYER, "viewport", viewport, NULL);
}

GListModel *
bri_country_label_layer_get_countries (BriCountryLabelLayer *self)
{
  g_return_val_if_fail (BRI_IS_COUNTRY_LABEL_LAYER (self), NULL);
  return bri_country_labels_get_countries (self->labels);
}

/**
 * bri_country_label_layer_set_countries:
 * @countries: (nullable): a #GListModel of #BriCountry
 */
void
bri_country_label_layer_set_countries (BriCountryLabelLayer *self,
                                       GListModel           *countries)
{
  GListModel *old;

  g_return_if_fail (BRI_IS_COUNTRY_LABEL_LAYER (self));
  g_return_if_fail (countries == NULL || G_IS_LIST_MODEL (countries));

  old = bri_country_labels_get_countries (self->labels);
  if (old == countries)
    return;

  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, on_countries_changed_cb, self);
  bri_country_labels_set_countries (self->labels, countries);
  if (countries != NULL)
    g_signal_connect_swapped (countries, "items-changed",
                              G_CALLBACK (on_countries_changed_cb), self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRIES]);
}

/**
 * bri_country_label_layer_is_label_shown:
 * @numeric: an ISO 3166-1 numeric code
 *
 * Returns: whether the last frame drawn named the country
 */
gboolean
bri_country_label_layer_is_label_shown (BriCountryLabelLayer *self,
                                        int                   numeric)
{
  g_return_val_if_fail (BRI_IS_COUNTRY_LABEL_LAYER (self), FALSE);

  return bri_country_labels_is_shown (self->labels, numeric);
}

/**
 * bri_country_label_layer_set_feature_layer:
 * @feature_layer: (nullable): the layer over this one, whose names keep
 *   clear of the country names
 */
void
bri_country_label_layer_set_feature_layer (BriCountryLabelLayer *self,
                                           BriFeatureLayer      *feature_layer)
{
  g_return_if_fail (BRI_IS_COUNTRY_LABEL_LAYER (self));
  g_return_if_fail (feature_layer == NULL || BRI_IS_FEATURE_LAYER (feature_layer));

  g_set_weak_pointer (&self->feature_layer, feature_layer);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bri_country_label_layer_get_label_rects:
 *
 * Returns: (transfer none) (element-type BriLabelRect): where the last
 *   frame wrote names, in the layer's coordinates
 */
GArray *
bri_country_label_layer_get_label_rects (BriCountryLabelLayer *self)
{
  g_return_val_if_fail (BRI_IS_COUNTRY_LABEL_LAYER (self), NULL);

  return self->placed;
}
