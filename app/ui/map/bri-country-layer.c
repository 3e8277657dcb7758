/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountryLayer: the selected country, drawn from the same outlines as
 * the basemap (50m, or 10m from zoom 6, as the tiles under it) with a
 * translucent fill and a line in the highlight colour of the style. It
 * redraws with every frame of a pan or zoom; the outline builder keeps
 * that cheap by skipping the rings out of view and thinning the rest to
 * what the screen can show. */

#define G_LOG_DOMAIN "bri-country-layer"

#include "config.h"

#include "bri-country-layer.h"
#include "bri-map-transform.h"
#include "bri-tile-renderer.h"
#include "bri-tile-renderer-private.h"

/* At most this many copies of the world side by side (a wide window at
 * zoom 0). */
#define MAX_WORLD_COPIES 8

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

/* Never 110m: it lacks the small countries and is too coarse to outline
 * one country on its own. */
static const char *
resolution_for_zoom (double zoom)
{
  return zoom < 6.0 ? "50m" : "10m";
}

/* The outlines to use at @zoom; a country too small for 50m is looked for
 * in 10m. Returns the basemap and sets @index, or %NULL. */
static BriBasemap *
load_outlines (int     numeric,
               double  zoom,
               int    *index)
{
  BriTileRenderer *renderer = bri_tile_renderer_get_default ();
  const char *resolution = resolution_for_zoom (zoom);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BriBasemap) map = bri_tile_renderer_get_basemap (renderer, resolution, &error);

      if (map == NULL)
        {
          g_warning ("Cannot outline country %d: %s", numeric, error->message);
          return NULL;
        }

      *index = numeric >= 0 ? bri_basemap_lookup_country (map, numeric) : -1;
      if (*index >= 0 || numeric < 0 || g_str_equal (resolution, "10m"))
        return g_steal_pointer (&map);
      resolution = "10m";
    }
}

static void
bri_country_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  BriCountryLayer *self = BRI_COUNTRY_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  const BriTilePalette *palette;
  g_autoptr(BriBasemap) map = NULL;
  BriOutlineBuilder b;
  BriMapTransform t;
  double min_x, min_y, max_x, max_y, margin = 4.0;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int index, first_copy, last_copy;
  cairo_t *cr;

  if (self->country < 0 || width <= 0 || height <= 0)
    return;

  bri_map_transform_init (&t, viewport, widget);
  map = load_outlines (self->country, t.zoom, &index);
  if (map == NULL || index < 0)
    return;

  /* Build in the unrotated frame centred on the view, and let cairo
   * rotate it with the map. */
  bri_map_transform_get_visible (&t, margin, &min_x, &min_y, &max_x, &max_y);
  bri_outline_builder_init (&b, t.center_x / t.world, t.center_y / t.world, t.world,
                            (min_x * t.world) - t.center_x, (min_y * t.world) - t.center_y,
                            (max_x * t.world) - t.center_x, (max_y * t.world) - t.center_y);

  first_copy = (int) floor (min_x);
  last_copy = MIN ((int) floor (max_x), first_copy + MAX_WORLD_COPIES - 1);
  for (int copy = first_copy; copy <= last_copy; copy++)
    {
      b.shift = copy;
      bri_outline_builder_add_country (&b, map, index);
    }

  if (b.points->len == 0)
    {
      bri_outline_builder_clear (&b);
      return;
    }

  palette = bri_map_layer_get_palette (BRI_MAP_LAYER (self));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, t.half_width, t.half_height);
  cairo_rotate (cr, atan2 (t.sin_r, t.cos_r));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* A light wash keeps the country's features and names readable. */
  cairo_new_path (cr);
  bri_outline_builder_fill (&b, cr, 0, b.points->len);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgba (cr, palette->highlight.red, palette->highlight.green,
                         palette->highlight.blue, bri_map_layer_get_dark (BRI_MAP_LAYER (self)) ? 0.20 : 0.14);
  cairo_fill (cr);

  cairo_new_path (cr);
  bri_outline_builder_stroke (&b, cr, 0, b.points->len);
  cairo_set_source_rgb (cr, palette->highlight.red, palette->highlight.green,
                        palette->highlight.blue);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);

  cairo_destroy (cr);
  bri_outline_builder_clear (&b);
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

  map = load_outlines (-1, t.zoom, &index);
  if (map == NULL)
    return -1;

  /* Any copy of the world east or west is the same world. */
  x -= floor (x);
  return bri_basemap_find_country (map, bri_geo_x_to_lon (x), bri_geo_y_to_lat (y));
}
