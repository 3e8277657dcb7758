/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountryLabelLayer: draws each country's name (in the user's language)
 * at its label point. A name is a candidate only when it fits inside the
 * box of the landmass it sits on, so small countries get their names as
 * the map zooms in; BriLabelPlacer then keeps the names of bigger
 * countries first and drops any that would overlap. No widget per label:
 * one cairo node draws the halos, one text node per name goes on top.
 *
 * Areas and landmass boxes come from the 10m outlines, once, the first
 * time the layer is drawn with countries to show. */

#define G_LOG_DOMAIN "bri-country-label-layer"

#include "config.h"

#include "bri-country.h"
#include "bri-country-label-layer.h"
#include "bri-label-placer.h"
#include "bri-map-transform.h"
#include "bri-tile-renderer.h"

/* Names longer than this many pixels wrap onto a second line. */
#define WRAP_WIDTH 120
/* Free pixels kept round every name. */
#define LABEL_PADDING 6.0
#define HALO_WIDTH 3.0
#define MAX_WORLD_COPIES 8

typedef struct
{
  BriCountry    *country;
  int            numeric;
  double         x;          /* the label point, normalized Web Mercator */
  double         y;
  BriBasemapBox  room;       /* box of the landmass the label point is on */
  double         area;       /* of the whole country, normalized */
  PangoLayout   *layout;     /* NULL until drawn with the current font */
  PangoRectangle logical;
  gboolean       shown;
} Label;

typedef struct
{
  guint  label;
  double x;                  /* where the logical rectangle starts */
  double y;
} Placement;

struct _BriCountryLabelLayer
{
  BriMapLayer     parent_instance;

  GListModel     *countries;

  GArray         *labels;       /* of Label; NULL until needed */
  gboolean        have_layouts;
  BriLabelPlacer *placer;
  GArray         *placements;   /* of Placement, by candidate id */
};

G_DEFINE_FINAL_TYPE (BriCountryLabelLayer, bri_country_label_layer, BRI_TYPE_MAP_LAYER)

enum {
  PROP_0,
  PROP_COUNTRIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
label_clear (Label *label)
{
  g_clear_object (&label->country);
  g_clear_object (&label->layout);
}

static void
drop_labels (BriCountryLabelLayer *self)
{
  g_clear_pointer (&self->labels, g_array_unref);
  self->have_layouts = FALSE;
}

static void
drop_layouts (BriCountryLabelLayer *self)
{
  if (self->labels != NULL)
    for (guint i = 0; i < self->labels->len; i++)
      g_clear_object (&g_array_index (self->labels, Label, i).layout);
  self->have_layouts = FALSE;
}

static double
ring_area (const BriBasemapRing *ring)
{
  const float *p = ring->points;
  double sum = 0.0;

  for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
    sum += (double) p[2 * j] * p[2 * i + 1] - (double) p[2 * i] * p[2 * j + 1];
  return fabs (sum) / 2.0;
}

/* Fills in @label's area and room from the outlines of country @index. */
static void
measure_country (BriBasemap *map,
                 guint       index,
                 Label      *label)
{
  guint first_polygon, n_polygons;
  double largest = -1.0;
  gboolean found = FALSE;

  bri_basemap_get_country_box (map, index, &label->room);
  label->area = 0.0;

  bri_basemap_get_country_polygons (map, index, &first_polygon, &n_polygons);
  for (guint poly = first_polygon; poly < first_polygon + n_polygons; poly++)
    {
      BriBasemapBox box;
      guint first_ring, n_rings;
      double area = 0.0;
      gboolean inside = FALSE;

      bri_basemap_get_polygon (map, poly, &first_ring, &n_rings, &box);
      for (guint r = first_ring; r < first_ring + n_rings; r++)
        {
          BriBasemapRing ring;

          bri_basemap_get_ring (map, r, &ring);
          /* The first ring is the outline, the others its holes. */
          area += (r == first_ring ? 1.0 : -1.0) * ring_area (&ring);
          if (bri_geo_point_in_ring (ring.points, ring.n_points, label->x, label->y))
            inside = !inside;
        }
      area = MAX (area, 0.0);
      label->area += area;

      /* The label's room is the landmass it stands on, or else the
       * largest one: Norway's name must fit Norway, not the box that
       * Svalbard stretches to the pole. */
      if (inside && !found)
        {
          label->room = box;
          found = TRUE;
        }
      else if (!found && area > largest)
        {
          label->room = box;
          largest = area;
        }
    }
}

static void
ensure_labels (BriCountryLabelLayer *self)
{
  g_autoptr(BriBasemap) map = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  guint n;

  if (self->labels != NULL || self->countries == NULL)
    return;

  self->labels = g_array_new (FALSE, TRUE, sizeof (Label));
  g_array_set_clear_func (self->labels, (GDestroyNotify) label_clear);
  self->have_layouts = FALSE;

  map = bri_tile_renderer_get_basemap (bri_tile_renderer_get_default (), "10m", &error);
  if (map == NULL)
    {
      g_warning ("No country names on the map: %s", error->message);
      return;
    }

  start = g_get_monotonic_time ();
  n = g_list_model_get_n_items (self->countries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriCountry) country = g_list_model_get_item (self->countries, i);
      Label label = { 0, };
      double lon, lat;
      int index;

      label.numeric = bri_country_get_numeric (country);
      index = bri_basemap_lookup_country (map, label.numeric);
      if (index < 0)
        continue;

      bri_country_get_label (country, &lon, &lat);
      label.x = bri_geo_lon_to_x (lon);
      label.y = bri_geo_lat_to_y (lat);
      measure_country (map, index, &label);
      label.country = g_steal_pointer (&country);
      g_array_append_val (self->labels, label);
    }

  g_debug ("Measured %u countries for their names in %.1f ms", self->labels->len,
           (g_get_monotonic_time () - start) / 1000.0);
}

static void
ensure_layouts (BriCountryLabelLayer *self)
{
  PangoFontDescription *font;

  if (self->have_layouts || self->labels == NULL)
    return;

  font = pango_font_description_copy (pango_context_get_font_description (
    gtk_widget_get_pango_context (GTK_WIDGET (self))));
  pango_font_description_set_size (font, 9 * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_MEDIUM);

  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);

      g_clear_object (&label->layout);
      label->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                      bri_country_get_display_name (label->country));
      pango_layout_set_font_description (label->layout, font);
      pango_layout_set_width (label->layout, WRAP_WIDTH * PANGO_SCALE);
      pango_layout_set_wrap (label->layout, PANGO_WRAP_WORD);
      pango_layout_set_alignment (label->layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_extents (label->layout, NULL, &label->logical);
    }

  pango_font_description_free (font);
  self->have_layouts = TRUE;
}

/* Offers every copy of every name the view shows to the placer. */
static void
add_candidates (BriCountryLabelLayer  *self,
                const BriMapTransform *t,
                int                    width,
                int                    height)
{
  double min_x, min_y, max_x, max_y;

  bri_map_transform_get_visible (t, WRAP_WIDTH, &min_x, &min_y, &max_x, &max_y);

  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);
      double w = label->logical.width, h = label->logical.height;
      double room_w = (label->room.max_x - label->room.min_x) * t->world;
      double room_h = (label->room.max_y - label->room.min_y) * t->world;
      int first_copy, last_copy;

      label->shown = FALSE;

      /* Most names are too big for their country at a given zoom: leave
       * them before projecting anything. */
      if (w > room_w || h > room_h || label->y < min_y || label->y > max_y)
        continue;

      first_copy = (int) ceil (min_x - label->x);
      last_copy = MIN ((int) floor (max_x - label->x), first_copy + MAX_WORLD_COPIES - 1);
      for (int copy = first_copy; copy <= last_copy; copy++)
        {
          Placement placement;
          BriLabelRect rect, room;
          double cx, cy;

          bri_map_transform_to_widget (t, label->x + copy, label->y, &cx, &cy);
          rect = (BriLabelRect) { cx - w / 2.0, cy - h / 2.0, w, h };
          if (rect.x + w < 0 || rect.y + h < 0 || rect.x > width || rect.y > height)
            continue;

          /* The room, placed round the label as it lies on the unrotated
           * map: names stay upright when the map turns, so fitting is
           * judged in the map's own frame. */
          room = (BriLabelRect) {
            cx + (label->room.min_x - label->x) * t->world,
            cy + (label->room.min_y - label->y) * t->world,
            room_w, room_h,
          };

          placement = (Placement) { i, rect.x, rect.y };
          bri_label_placer_add (self->placer, self->placements->len, label->area, &rect, &room);
          g_array_append_val (self->placements, placement);
        }
    }
}

static void
bri_country_label_layer_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  BriCountryLabelLayer *self = BRI_COUNTRY_LABEL_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  const BriTilePalette *palette;
  const guint *placed;
  guint n_placed;
  BriMapTransform t;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA text_color;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  ensure_labels (self);
  if (self->labels == NULL || self->labels->len == 0)
    return;
  ensure_layouts (self);

  bri_map_transform_init (&t, viewport, widget);
  bri_label_placer_clear (self->placer);
  g_array_set_size (self->placements, 0);
  add_candidates (self, &t, width, height);
  if (bri_label_placer_place (self->placer) == 0)
    return;

  placed = bri_label_placer_get_placed (self->placer, &n_placed);
  palette = bri_map_layer_get_palette (BRI_MAP_LAYER (self));

  /* The halos in one node, under all the names. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_rgba (cr, palette->label_halo.red, palette->label_halo.green,
                         palette->label_halo.blue, 0.85);
  cairo_set_line_width (cr, HALO_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n_placed; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, placed[i]);
      Label *label = &g_array_index (self->labels, Label, p->label);

      label->shown = TRUE;
      cairo_move_to (cr, p->x - label->logical.x, p->y - label->logical.y);
      pango_cairo_layout_path (cr, label->layout);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);

  text_color = (GdkRGBA) { palette->label.red, palette->label.green, palette->label.blue, 1.0 };
  for (guint i = 0; i < n_placed; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, placed[i]);
      const Label *label = &g_array_index (self->labels, Label, p->label);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (p->x - label->logical.x,
                                                              p->y - label->logical.y));
      gtk_snapshot_append_layout (snapshot, label->layout, &text_color);
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
  drop_layouts (self);
  gtk_widget_queue_draw (widget);
}

static void
on_countries_changed_cb (BriCountryLabelLayer *self)
{
  drop_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
bri_country_label_layer_dispose (GObject *object)
{
  BriCountryLabelLayer *self = BRI_COUNTRY_LABEL_LAYER (object);

  if (self->countries != NULL)
    g_signal_handlers_disconnect_by_func (self->countries, on_countries_changed_cb, self);
  g_clear_object (&self->countries);
  drop_labels (self);

  G_OBJECT_CLASS (bri_country_label_layer_parent_class)->dispose (object);
}

static void
bri_country_label_layer_finalize (GObject *object)
{
  BriCountryLabelLayer *self = BRI_COUNTRY_LABEL_LAYER (object);

  g_clear_pointer (&self->placer, bri_label_placer_free);
  g_clear_pointer (&self->placements, g_array_unref);

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
      g_value_set_object (value, self->countries);
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
  self->placer = bri_label_placer_new (LABEL_PADDING);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));

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
  return self->countries;
}

/**
 * bri_country_label_layer_set_countries:
 * @countries: (nullable): a #GListModel of #BriCountry
 */
void
bri_country_label_layer_set_countries (BriCountryLabelLayer *self,
                                       GListModel           *countries)
{
  g_return_if_fail (BRI_IS_COUNTRY_LABEL_LAYER (self));
  g_return_if_fail (countries == NULL || G_IS_LIST_MODEL (countries));

  if (self->countries == countries)
    return;

  if (self->countries != NULL)
    g_signal_handlers_disconnect_by_func (self->countries, on_countries_changed_cb, self);
  g_set_object (&self->countries, countries);
  if (countries != NULL)
    g_signal_connect_swapped (countries, "items-changed",
                              G_CALLBACK (on_countries_changed_cb), self);

  drop_labels (self);
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

  if (self->labels == NULL)
    return FALSE;

  for (guint i = 0; i < self->labels->len; i++)
    {
      const Label *label = &g_array_index (self->labels, Label, i);

      if (label->numeric == numeric)
        return label->shown;
    }
  return FALSE;
}
