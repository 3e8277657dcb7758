/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountryLabels: each country's name (in the user's language) at its
 * label point.  A name is a candidate only when it fits inside the box of
 * the landmass it sits on, so small countries get their names as the map
 * zooms in; BriLabelPlacer then keeps the names of bigger countries first
 * and drops any that would overlap.
 *
 * Areas and landmass boxes come from the 10m outlines, once, the first
 * time names are placed with countries to show. */

#define G_LOG_DOMAIN "bri-country-labels"

#include "config.h"

#include <pango/pangocairo.h>

#include "bri-country.h"
#include "bri-country-labels.h"
#include "bri-label-placer.h"
#include "bri-render-text.h"

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

struct _BriCountryLabels
{
  GListModel     *countries;
  PangoContext   *context;      /* the font; NULL for Pango's default */

  GArray         *labels;       /* of Label; NULL until needed */
  gboolean        have_layouts;
  BriLabelPlacer *placer;
  GArray         *placements;   /* of Placement, by candidate id */
  const guint    *placed;       /* the last placing's, into placements */
  guint           n_placed;
  GArray         *obstacles;    /* of BriLabelRect */
};

static void
label_clear (Label *label)
{
  g_clear_object (&label->country);
  g_clear_object (&label->layout);
}

static void
drop_labels (BriCountryLabels *self)
{
  g_clear_pointer (&self->labels, g_array_unref);
  self->have_layouts = FALSE;
  self->n_placed = 0;
}

static void
drop_layouts (BriCountryLabels *self)
{
  if (self->labels != NULL)
    for (guint i = 0; i < self->labels->len; i++)
      g_clear_object (&g_array_index (self->labels, Label, i).layout);
  self->have_layouts = FALSE;
  self->n_placed = 0;
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
ensure_labels (BriCountryLabels *self)
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
ensure_layouts (BriCountryLabels *self)
{
  PangoContext *fallback = NULL;
  PangoContext *context = self->context;
  PangoFontDescription *font;

  if (self->have_layouts || self->labels == NULL)
    return;

  if (context == NULL)
    context = fallback = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  font = pango_font_description_copy (pango_context_get_font_description (context));
  pango_font_description_set_size (font, 9 * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_MEDIUM);

  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);

      g_clear_object (&label->layout);
      label->layout = pango_layout_new (context);
      pango_layout_set_text (label->layout, bri_country_get_display_name (label->country), -1);
      pango_layout_set_font_description (label->layout, font);
      pango_layout_set_width (label->layout, WRAP_WIDTH * PANGO_SCALE);
      pango_layout_set_wrap (label->layout, PANGO_WRAP_WORD);
      pango_layout_set_alignment (label->layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_extents (label->layout, NULL, &label->logical);
    }

  pango_font_description_free (font);
  g_clear_object (&fallback);
  self->have_layouts = TRUE;
}

/* Offers every copy of every name the view shows to the placer. */
static void
add_candidates (BriCountryLabels      *self,
                const BriMapTransform *t,
                double                 width,
                double                 height)
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
on_countries_changed_cb (BriCountryLabels *self)
{
  drop_labels (self);
}

BriCountryLabels *
bri_country_labels_new (void)
{
  BriCountryLabels *self = g_new0 (BriCountryLabels, 1);

  self->placer = bri_label_placer_new (LABEL_PADDING);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (BriLabelRect));
  return self;
}

void
bri_country_labels_free (BriCountryLabels *self)
{
  if (self == NULL)
    return;

  bri_country_labels_set_countries (self, NULL);
  g_clear_object (&self->context);
  bri_label_placer_free (self->placer);
  g_array_unref (self->placements);
  g_array_unref (self->obstacles);
  g_free (self);
}

GListModel *
bri_country_labels_get_countries (BriCountryLabels *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->countries;
}

/**
 * bri_country_labels_set_countries:
 * @countries: (nullable): a #GListModel of #BriCountry, the countries to
 *   name; followed as it changes
 */
void
bri_country_labels_set_countries (BriCountryLabels *self,
                                  GListModel       *countries)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (countries == NULL || G_IS_LIST_MODEL (countries));

  if (self->countries == countries)
    return;

  if (self->countries != NULL)
    g_signal_handlers_disconnect_by_func (self->countries, on_countries_changed_cb, self);
  g_set_object (&self->countries, countries);
  if (countries != NULL)
    g_signal_connect_swapped (countries, "items-changed", G_CALLBACK (on_countries_changed_cb), self);

  drop_labels (self);
}

/**
 * bri_country_labels_set_context:
 * @context: (nullable): whose font the names take, at 9 points; on screen
 *   the widget's
 */
void
bri_country_labels_set_context (BriCountryLabels *self,
                                PangoContext     *context)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (context == NULL || PANGO_IS_CONTEXT (context));

  if (g_set_object (&self->context, context))
    drop_layouts (self);
}

/* The names were measured in a font that changed. */
void
bri_country_labels_forget_layouts (BriCountryLabels *self)
{
  g_return_if_fail (self != NULL);

  drop_layouts (self);
}

/**
 * bri_country_labels_place:
 * @t: the view, 2 × @t->half_width by 2 × @t->half_height pixels
 *
 * Chooses the names the view shows.
 *
 * Returns: how many
 */
guint
bri_country_labels_place (BriCountryLabels      *self,
                          const BriMapTransform *t)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (t != NULL, 0);

  self->placed = NULL;
  self->n_placed = 0;
  if (self->labels != NULL)
    for (guint i = 0; i < self->labels->len; i++)
      g_array_index (self->labels, Label, i).shown = FALSE;

  if (t->half_width <= 0 || t->half_height <= 0)
    return 0;

  ensure_labels (self);
  if (self->labels == NULL || self->labels->len == 0)
    return 0;
  ensure_layouts (self);

  bri_label_placer_clear (self->placer);
  for (guint i = 0; i < self->obstacles->len; i++)
    bri_label_placer_add_obstacle (self->placer, &g_array_index (self->obstacles, BriLabelRect, i));
  g_array_set_size (self->placements, 0);
  add_candidates (self, t, 2 * t->half_width, 2 * t->half_height);
  if (bri_label_placer_place (self->placer) == 0)
    return 0;

  self->placed = bri_label_placer_get_placed (self->placer, &self->n_placed);
  for (guint i = 0; i < self->n_placed; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, self->placed[i]);

      g_array_index (self->labels, Label, p->label).shown = TRUE;
    }

  return self->n_placed;
}

/**
 * bri_country_labels_get_placed:
 * @i: below what bri_country_labels_place() returned
 * @x: (out): where to draw the layout
 * @y: (out):
 *
 * Returns: (transfer none): the @i-th name placed
 */
PangoLayout *
bri_country_labels_get_placed (BriCountryLabels *self,
                               guint             i,
                               double           *x,
                               double           *y)
{
  const Placement *p;
  const Label *label;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->n_placed, NULL);

  p = &g_array_index (self->placements, Placement, self->placed[i]);
  label = &g_array_index (self->labels, Label, p->label);
  *x = p->x - label->logical.x;
  *y = p->y - label->logical.y;
  return label->layout;
}

/**
 * bri_country_labels_get_placed_rect:
 * @rect: (out): where the @i-th name placed is
 */
void
bri_country_labels_get_placed_rect (BriCountryLabels *self,
                                    guint             i,
                                    BriLabelRect     *rect)
{
  const Placement *p;
  const Label *label;

  g_return_if_fail (self != NULL);
  g_return_if_fail (i < self->n_placed);

  p = &g_array_index (self->placements, Placement, self->placed[i]);
  label = &g_array_index (self->labels, Label, p->label);
  *rect = (BriLabelRect) { p->x, p->y, label->logical.width, label->logical.height };
}

/**
 * bri_country_labels_get_placed_rects:
 * @rects: (element-type BriLabelRect): where to append the rectangle of
 *   every name placed
 *
 * For the names drawn over the country names, which keep clear of them.
 */
void
bri_country_labels_get_placed_rects (BriCountryLabels *self,
                                     GArray           *rects)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rects != NULL);

  for (guint i = 0; i < self->n_placed; i++)
    {
      BriLabelRect rect;

      bri_country_labels_get_placed_rect (self, i, &rect);
      g_array_append_val (rects, rect);
    }
}

/**
 * bri_country_labels_set_obstacles:
 * @rects: (array length=n_rects): areas names must leave clear (a legend,
 *   a scale bar), in the drawing's pixels
 */
void
bri_country_labels_set_obstacles (BriCountryLabels   *self,
                                  const BriLabelRect *rects,
                                  guint               n_rects)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rects != NULL || n_rects == 0);

  g_array_set_size (self->obstacles, 0);
  g_array_append_vals (self->obstacles, rects, n_rects);
}

/* The halos of every name placed, in one stroke, to go under them all. */
void
bri_country_labels_draw_halos (BriCountryLabels     *self,
                               cairo_t              *cr,
                               const BriTilePalette *palette)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (palette != NULL);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_source_rgba (cr, palette->label_halo.red, palette->label_halo.green,
                         palette->label_halo.blue, 0.85);
  cairo_set_line_width (cr, HALO_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->n_placed; i++)
    {
      double x, y;
      PangoLayout *layout = bri_country_labels_get_placed (self, i, &x, &y);

      cairo_move_to (cr, x, y);
      pango_cairo_layout_path (cr, layout);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The names placed, halos and text, as text (PDF and SVG keep it so). */
void
bri_country_labels_draw (BriCountryLabels     *self,
                         cairo_t              *cr,
                         const BriTilePalette *palette)
{
  gboolean recording;
  BriRgba halo;

  g_return_if_fail (self != NULL);
  g_return_if_fail (palette != NULL);

  /* Recorded text carries its halo; drawn text has them all under it. */
  recording = bri_text_recorder_is_attached (cr);
  if (!recording)
    bri_country_labels_draw_halos (self, cr, palette);
  halo = (BriRgba) { palette->label_halo.red, palette->label_halo.green, palette->label_halo.blue, 0.85 };

  cairo_save (cr);
  cairo_set_source_rgb (cr, palette->label.red, palette->label.green, palette->label.blue);
  for (guint i = 0; i < self->n_placed; i++)
    {
      double x, y;
      PangoLayout *layout = bri_country_labels_get_placed (self, i, &x, &y);

      cairo_move_to (cr, x, y);
      bri_render_show_layout (cr, layout, recording ? &halo : NULL, HALO_WIDTH);
    }
  cairo_restore (cr);
}

/**
 * bri_country_labels_is_shown:
 * @numeric: an ISO 3166-1 numeric code
 *
 * Returns: whether the last placing named the country
 */
gboolean
bri_country_labels_is_shown (BriCountryLabels *self,
                             int               numeric)
{
  g_return_val_if_fail (self != NULL, FALSE);

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
