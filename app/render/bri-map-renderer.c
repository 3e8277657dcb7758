/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriMapRenderer: draws the map in the map's own pixels (those of the
 * window at 1×: markers 9 pixels across, names at 10 points), so an
 * export looks like the window; the caller scales the cairo context to
 * the output — 2 for a 2× PNG, points per pixel for a page.  The basemap
 * is drawn in device units, its resolution chosen for the output's
 * detail, not the screen's: a PDF page gets finer coasts than the window.
 *
 * In order: the sea, the land, the outlined country, the country names,
 * the features and their names, then the decorations.  The decorations
 * are measured first so that no name goes under them. */

#define G_LOG_DOMAIN "bri-map-renderer"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bri-country-labels.h"
#include "bri-country-outline.h"
#include "bri-map-decorations.h"
#include "bri-map-renderer.h"
#include "bri-pages.h"
#include "bri-tile-renderer-private.h"

/* A single point is shown at this zoom, not closer. */
#define FIT_MAX_ZOOM 10.0
#define DECORATION_MARGIN 8.0
/* The window's font size for map names. */
#define MAP_FONT "Sans 10"

struct _BriMapRenderer
{
  GObject            parent_instance;

  GListModel        *features;
  GListModel        *countries;
  BriFeature        *selected;

  PangoContext      *context;    /* created in the thread that draws */
  BriFeaturePainter *painter;
  BriCountryLabels  *country_labels;
  BriFeaturesShown   shown;      /* by the last drawing */
  BriTileStyle       style;      /* of the last drawing, for its legend on a page */
};

G_DEFINE_FINAL_TYPE (BriMapRenderer, bri_map_renderer, G_TYPE_OBJECT)

/* The view */

void
bri_render_view_init_center (BriRenderView *view,
                             double         latitude,
                             double         longitude,
                             double         zoom,
                             double         width,
                             double         height)
{
  g_return_if_fail (view != NULL);

  *view = (BriRenderView) {
    .latitude = latitude,
    .longitude = longitude,
    .zoom = zoom,
    .width = width,
    .height = height,
  };
}

/* Fits @bounds with a margin of 24 map pixels. */
void
bri_render_view_init_bounds (BriRenderView      *view,
                             const BriGeoBounds *bounds,
                             double              width,
                             double              height)
{
  g_return_if_fail (view != NULL);
  g_return_if_fail (bounds != NULL && !bri_geo_bounds_is_empty (bounds));

  *view = (BriRenderView) {
    .fit = TRUE,
    .bounds = *bounds,
    .padding = 24.0,
    .width = width,
    .height = height,
  };
}

/* North up: exports never turn the map. */
void
bri_render_view_get_transform (const BriRenderView *view,
                               BriMapTransform     *t)
{
  double lat = view->latitude, lon = view->longitude, zoom = view->zoom;

  g_return_if_fail (view != NULL);
  g_return_if_fail (t != NULL);

  if (view->fit)
    bri_geo_bounds_fit (&view->bounds, view->width, view->height, view->padding, 256.0,
                        FIT_MAX_ZOOM, &lon, &lat, &zoom);
  bri_map_transform_init_view (t, lat, lon, CLAMP (zoom, 0.0, BRI_TILE_RENDERER_MAX_ZOOM),
                               256.0, view->width, view->height, 0.0);
}

void
bri_render_options_init (BriRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (BriRenderOptions) {
    .parts = BRI_RENDER_ALL,
    .style = BRI_TILE_STYLE_LIGHT,
    .detail = 1.0,
    .vector = FALSE,
    .country = -1,
    .title = NULL,
    .obstacles = NULL,
    .n_obstacles = 0,
  };
}

/* GObject */

static void
bri_map_renderer_finalize (GObject *object)
{
  BriMapRenderer *self = BRI_MAP_RENDERER (object);

  g_clear_pointer (&self->painter, bri_feature_painter_free);
  g_clear_pointer (&self->country_labels, bri_country_labels_free);
  g_clear_object (&self->context);
  g_clear_object (&self->features);
  g_clear_object (&self->countries);
  g_clear_object (&self->selected);

  G_OBJECT_CLASS (bri_map_renderer_parent_class)->finalize (object);
}

static void
bri_map_renderer_class_init (BriMapRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bri_map_renderer_finalize;
}

static void
bri_map_renderer_init (BriMapRenderer *self)
{
  self->painter = bri_feature_painter_new ();
  self->country_labels = bri_country_labels_new ();
}

BriMapRenderer *
bri_map_renderer_new (void)
{
  return g_object_new (BRI_TYPE_MAP_RENDERER, NULL);
}

/* A list of its own, that no filter or reload changes while a worker
 * thread draws from it. */
static GListStore *
copy_model (GListModel *model,
            GType       type)
{
  GListStore *copy = g_list_store_new (type);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_list_store_append (copy, item);
    }

  return copy;
}

/**
 * bri_map_renderer_new_for_atlas:
 * @features: (nullable): the features to draw (what the map shows, after
 *   its filters); %NULL for all of @atlas's
 *
 * A renderer of copies of the lists of features and countries, made on
 * the thread that owns @atlas, to draw from any thread.
 */
BriMapRenderer *
bri_map_renderer_new_for_atlas (BriAtlas   *atlas,
                                GListModel *features)
{
  BriMapRenderer *self;
  g_autoptr(GListStore) feature_copy = NULL;
  g_autoptr(GListStore) country_copy = NULL;

  g_return_val_if_fail (BRI_IS_ATLAS (atlas), NULL);
  g_return_val_if_fail (features == NULL || G_IS_LIST_MODEL (features), NULL);

  self = bri_map_renderer_new ();
  feature_copy = copy_model (features != NULL ? features : bri_atlas_get_features (atlas), BRI_TYPE_FEATURE);
  country_copy = copy_model (bri_atlas_get_countries (atlas), BRI_TYPE_COUNTRY);
  bri_map_renderer_set_features (self, G_LIST_MODEL (feature_copy));
  bri_map_renderer_set_countries (self, G_LIST_MODEL (country_copy));
  return self;
}

/**
 * bri_map_renderer_set_features:
 * @features: (nullable): a model of #BriFeature nobody changes while the
 *   renderer draws (a worker thread may draw)
 */
void
bri_map_renderer_set_features (BriMapRenderer *self,
                               GListModel     *features)
{
  g_return_if_fail (BRI_IS_MAP_RENDERER (self));
  g_return_if_fail (features == NULL || G_IS_LIST_MODEL (features));

  if (g_set_object (&self->features, features))
    bri_feature_painter_set_model (self->painter, features);
}

/**
 * bri_map_renderer_set_countries:
 * @countries: (nullable): a model of #BriCountry whose names to write
 */
void
bri_map_renderer_set_countries (BriMapRenderer *self,
                                GListModel     *countries)
{
  g_return_if_fail (BRI_IS_MAP_RENDERER (self));
  g_return_if_fail (countries == NULL || G_IS_LIST_MODEL (countries));

  if (g_set_object (&self->countries, countries))
    bri_country_labels_set_countries (self->country_labels, countries);
}

/**
 * bri_map_renderer_set_selected:
 * @feature: (nullable): a feature drawn highlighted, on top
 */
void
bri_map_renderer_set_selected (BriMapRenderer *self,
                               BriFeature     *feature)
{
  g_return_if_fail (BRI_IS_MAP_RENDERER (self));
  g_return_if_fail (feature == NULL || BRI_IS_FEATURE (feature));

  if (g_set_object (&self->selected, feature))
    bri_feature_painter_set_selected (self->painter, feature);
}

/**
 * bri_map_renderer_get_context:
 *
 * The fonts of the map's words, in map pixels (96 per inch).  Metrics
 * are not hinted, so words take the same room at every scale.
 *
 * Returns: (transfer none): the renderer's Pango context
 */
PangoContext *
bri_map_renderer_get_context (BriMapRenderer *self)
{
  g_return_val_if_fail (BRI_IS_MAP_RENDERER (self), NULL);

  if (self->context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();
      PangoFontDescription *font = pango_font_description_from_string (MAP_FONT);

      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_cairo_context_set_resolution (self->context, 96.0);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (self->context, options);
      pango_context_set_font_description (self->context, font);
      pango_font_description_free (font);
      cairo_font_options_destroy (options);
    }

  return self->context;
}

/**
 * bri_map_renderer_resolution_for_detail:
 * @detail: device units per map pixel
 *
 * The basemap a view needs at that detail: as fine as the tiles of a
 * zoom level as many steps deeper as @detail doubles the pixels.
 *
 * Returns: "110m", "50m" or "10m"
 */
const char *
bri_map_renderer_resolution_for_detail (const BriMapTransform *t,
                                        double                 detail)
{
  double zoom = t->zoom + log2 (MAX (detail, 1.0));

  return bri_tile_renderer_resolution_for_zoom ((guint) CLAMP (floor (zoom), 0, BRI_TILE_RENDERER_MAX_ZOOM));
}

static gboolean
draw_basemap (cairo_t                *cr,
              const BriMapTransform  *t,
              const BriRenderOptions *options,
              const BriTilePalette   *palette,
              GError                **error)
{
  g_autoptr(BriBasemap) map = NULL;
  double detail = MAX (options->detail, 1.0);
  double coast_width, border_width;

  map = bri_tile_renderer_get_basemap (bri_tile_renderer_get_default (),
                                       bri_map_renderer_resolution_for_detail (t, detail), error);
  if (map == NULL)
    return FALSE;

  /* The screen's line widths at this zoom: a 512-pixel tile's, halved. */
  bri_tile_renderer_get_line_widths ((guint) CLAMP (round (t->zoom), 0, BRI_TILE_RENDERER_MAX_ZOOM),
                                     &coast_width, &border_width);

  /* In device units, so the outlines are thinned for the output's real
   * resolution, not the map's pixels. */
  cairo_save (cr);
  cairo_scale (cr, 1.0 / detail, 1.0 / detail);
  bri_basemap_paint (cr, map,
                     (t->center_x - t->half_width) / t->world,
                     (t->center_y - t->half_height) / t->world,
                     t->world * detail,
                     2 * t->half_width * detail, 2 * t->half_height * detail,
                     coast_width * detail / 2.0, border_width * detail / 2.0, palette);
  cairo_restore (cr);

  return TRUE;
}

/* Whether @rect overlaps any of @areas from the @first on. */
static gboolean
overlaps_any (const BriLabelRect *rect,
              GArray             *areas,
              guint               first)
{
  for (guint i = first; i < areas->len; i++)
    if (bri_label_rect_overlaps (rect, &g_array_index (areas, BriLabelRect, i), 0.0))
      return TRUE;

  return FALSE;
}

/* Measures the decorations the options ask for, and draws them if @cr is
 * given; returns their areas.  A legend that would cover another
 * decoration (the scale bar of a narrow map) is left out. */
static GArray *
decorate (BriMapRenderer         *self,
          cairo_t                *cr,
          const BriMapTransform  *t,
          const BriRenderOptions *options,
          const BriTilePalette   *palette)
{
  PangoContext *context = bri_map_renderer_get_context (self);
  GArray *areas = g_array_new (FALSE, FALSE, sizeof (BriLabelRect));
  double width = 2 * t->half_width, height = 2 * t->half_height;
  double m = DECORATION_MARGIN, bottom = height;
  BriLabelRect area;

  g_array_append_vals (areas, options->obstacles, options->n_obstacles);

  if (options->title != NULL)
    {
      bri_map_decorations_title (cr, context, palette, options->title, m, m, width * 0.6, &area);
      g_array_append_val (areas, area);
    }

  if (options->parts & BRI_RENDER_NORTH_ARROW)
    {
      bri_map_decorations_north_arrow (cr, context, palette, width - m, m, &area);
      g_array_append_val (areas, area);
    }

  if (options->parts & BRI_RENDER_ATTRIBUTION)
    {
      bri_map_decorations_attribution (cr, context, palette, width, height, width, &area);
      g_array_append_val (areas, area);
      bottom = area.y;
    }

  if (options->parts & BRI_RENDER_SCALE_BAR)
    {
      bri_map_decorations_scale_bar (cr, context, palette, t, m, bottom - m, &area);
      g_array_append_val (areas, area);
    }

  if (options->parts & BRI_RENDER_LEGEND)
    {
      /* Measured where it is, then drawn in the bottom right corner. */
      /* Only where it leaves most of the map free: a small map goes
       * without, its kinds are in the document around it. */
      bri_map_decorations_legend (NULL, context, options->style, &self->shown, 0, 0, height * 0.6, &area);
      area.x = width - m - area.width;
      area.y = bottom - m - area.height;
      if (area.width > 0 && area.width <= width * 0.45 && area.height <= height * 0.6 &&
          !overlaps_any (&area, areas, options->n_obstacles))
        {
          bri_map_decorations_legend (cr, context, options->style, &self->shown, area.x, area.y,
                                      height * 0.6, &area);
          g_array_append_val (areas, area);
        }
    }

  return areas;
}

/**
 * bri_map_renderer_draw:
 * @cr: where to draw: the map fills @view's width and height from the
 *   origin, in the units of @cr's user space (scale it to the output)
 *
 * Draws the map with the parts @options asks for.
 *
 * Returns: %FALSE, with @error set, if the basemap cannot be loaded
 */
gboolean
bri_map_renderer_draw (BriMapRenderer         *self,
                       cairo_t                *cr,
                       const BriRenderView    *view,
                       const BriRenderOptions *options,
                       GError                **error)
{
  const BriTilePalette *palette;
  g_autoptr(GArray) areas = NULL;
  BriMapTransform t;
  BriRgba text_color;

  g_return_val_if_fail (BRI_IS_MAP_RENDERER (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (view != NULL && view->width > 0 && view->height > 0, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  palette = bri_tile_style_get_palette (options->style);
  self->style = options->style;
  bri_render_view_get_transform (view, &t);
  bri_feature_painter_set_show_points (self->painter, (options->parts & BRI_RENDER_MARKERS) != 0);
  if (options->parts & BRI_RENDER_FEATURES)
    bri_feature_painter_get_shown (self->painter, &t, &self->shown);
  else
    memset (&self->shown, 0, sizeof self->shown);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_clip (cr);
  cairo_new_path (cr);

  cairo_set_source_rgb (cr, palette->sea.red, palette->sea.green, palette->sea.blue);
  cairo_paint (cr);

  if ((options->parts & BRI_RENDER_BASEMAP) && !draw_basemap (cr, &t, options, palette, error))
    {
      cairo_restore (cr);
      return FALSE;
    }

  if (options->country >= 0)
    bri_country_outline_draw (cr, &t, options->country, palette,
                              options->style == BRI_TILE_STYLE_DARK ? 0.20 : 0.14);

  areas = decorate (self, NULL, &t, options, palette);

  if ((options->parts & BRI_RENDER_COUNTRY_NAMES) && self->countries != NULL)
    {
      bri_country_labels_set_context (self->country_labels, bri_map_renderer_get_context (self));
      bri_country_labels_set_obstacles (self->country_labels, (const BriLabelRect *) areas->data, areas->len);
      bri_country_labels_place (self->country_labels, &t);
      bri_country_labels_draw (self->country_labels, cr, palette);
      /* Place names keep clear of country names too: one placement
       * for both, as on screen (BriCountryLabelLayer). */
      bri_country_labels_get_placed_rects (self->country_labels, areas);
    }
  else
    {
      /* An empty view: the last drawing's names are forgotten. */
      bri_country_labels_place (self->country_labels, &(BriMapTransform) { 0, });
    }

  if (options->parts & BRI_RENDER_FEATURES)
    {
      text_color = options->style == BRI_TILE_STYLE_DARK
                   ? (BriRgba) { 0.93, 0.93, 0.93, 1.0 }
                   : (BriRgba) { 0.14, 0.14, 0.16, 1.0 };
      bri_feature_painter_set_style (self->painter, bri_map_renderer_get_context (self), &text_color,
                                     MAX (1, (int) ceil (options->detail)), options->vector);
      bri_feature_painter_set_tile_style (self->painter, options->style);
      bri_feature_painter_set_label_obstacles (self->painter, (const BriLabelRect *) areas->data, areas->len);
      bri_feature_painter_draw (self->painter, cr, &t);
    }

  g_array_unref (decorate (self, cr, &t, options, palette));

  cairo_restore (cr);
  return TRUE;
}

/**
 * bri_map_renderer_draw_on_page:
 * @x: the box on the page, in points
 * @view: what to show; its size is set from the box's
 *
 * Draws the map, vector, in a box of a printed page, framed: a map
 * pixel is ¾ of a point, as on a 96 dpi screen shown at 72.
 *
 * Returns: %FALSE, with @error set, if the basemap cannot be loaded
 */
gboolean
bri_map_renderer_draw_on_page (BriMapRenderer         *self,
                               cairo_t                *cr,
                               double                  x,
                               double                  y,
                               double                  width,
                               double                  height,
                               BriRenderView          *view,
                               const BriRenderOptions *options,
                               GError                **error)
{
  BriRenderOptions print;
  gboolean ok;

  g_return_val_if_fail (BRI_IS_MAP_RENDERER (self), FALSE);
  g_return_val_if_fail (view != NULL && options != NULL, FALSE);

  print = *options;
  print.vector = TRUE;
  print.detail = BRI_RENDER_PRINT_DETAIL;
  view->width = width / BRI_RENDER_POINTS_PER_PIXEL;
  view->height = height / BRI_RENDER_POINTS_PER_PIXEL;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_save (cr);
  cairo_scale (cr, BRI_RENDER_POINTS_PER_PIXEL, BRI_RENDER_POINTS_PER_PIXEL);
  ok = bri_map_renderer_draw (self, cr, view, &print, error);
  cairo_restore (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);

  return ok;
}

/**
 * bri_map_renderer_page_legend:
 * @cr: (nullable): where to draw; %NULL only measures
 * @x: the legend's top left corner on the page, in points
 * @max_width: the room across, in points: the legend is laid out in as
 *   many columns as fit, as short as they can be
 * @area: (out): the legend, in points
 *
 * The legend of the last map drawn, for under it on a page: a map box on
 * paper is too small to carry its legend inside.  It takes the map's
 * style, so that its symbols have the colours of the map's.
 *
 * Returns: the legend's height, in points; 0 when there is nothing to explain
 */
double
bri_map_renderer_page_legend (BriMapRenderer *self,
                              cairo_t        *cr,
                              double          x,
                              double          y,
                              double          max_width,
                              BriLabelRect   *area)
{
  const double s = BRI_RENDER_POINTS_PER_PIXEL;
  PangoContext *context;
  BriLabelRect r = { 0, };
  double column = 0;

  g_return_val_if_fail (BRI_IS_MAP_RENDERER (self), 0);
  g_return_val_if_fail (area != NULL, 0);

  /* The shortest columns that fit across: a row taller at each try. */
  context = bri_map_renderer_get_context (self);
  for (column = 60.0; column < 2000.0; column += 18.0)
    {
      bri_map_decorations_legend (NULL, context, self->style, &self->shown, 0, 0, column, &r);
      if (r.width * s <= max_width)
        break;
    }

  if (cr != NULL && r.height > 0)
    {
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, s, s);
      bri_map_decorations_legend (cr, context, self->style, &self->shown, 0, 0, column, &r);
      cairo_restore (cr);
    }

  *area = (BriLabelRect) { x, y, r.width * s, r.height * s };
  return area->height;
}

/**
 * bri_map_renderer_legend_on_pages:
 *
 * Sets the legend of the last map drawn on @pages, in columns across the
 * text column, under the map.
 */
void
bri_map_renderer_legend_on_pages (BriMapRenderer *self,
                                  BriPages       *pages)
{
  BriLabelRect area;
  double x, y;
  cairo_t *cr;

  g_return_if_fail (BRI_IS_MAP_RENDERER (self));
  g_return_if_fail (pages != NULL);

  if (bri_map_renderer_page_legend (self, NULL, 0, 0, bri_pages_get_width (pages), &area) <= 0)
    return;

  bri_pages_space (pages, 4);
  cr = bri_pages_box (pages, area.height, &x, &y);
  bri_map_renderer_page_legend (self, cr, x, y, bri_pages_get_width (pages), &area);
}

/**
 * bri_map_renderer_get_label_rects:
 * @country_names: (element-type BriLabelRect): where to append the
 *   country names of the last drawing
 * @feature_names: (element-type BriLabelRect): and the features' names
 *
 * Where the last drawing wrote names, in its pixels.
 */
void
bri_map_renderer_get_label_rects (BriMapRenderer *self,
                                  GArray         *country_names,
                                  GArray         *feature_names)
{
  g_return_if_fail (BRI_IS_MAP_RENDERER (self));
  g_return_if_fail (country_names != NULL && feature_names != NULL);

  bri_country_labels_get_placed_rects (self->country_labels, country_names);
  for (guint i = 0; self->features != NULL && i < g_list_model_get_n_items (self->features); i++)
    {
      g_autoptr(BriFeature) feature = g_list_model_get_item (self->features, i);
      BriLabelRect rect;

      if (bri_feature_painter_get_label_area (self->painter, feature, &rect))
        g_array_append_val (feature_names, rect);
    }
}

/**
 * bri_map_renderer_get_shown:
 * @shown: (out caller-allocates): the kinds and precisions of the
 *   features the last drawing showed
 */
void
bri_map_renderer_get_shown (BriMapRenderer   *self,
                            BriFeaturesShown *shown)
{
  g_return_if_fail (BRI_IS_MAP_RENDERER (self));
  g_return_if_fail (shown != NULL);

  *shown = self->shown;
}
