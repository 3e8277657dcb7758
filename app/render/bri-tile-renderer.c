/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriTileRenderer: draws basemap tiles with cairo, on any thread. The
 * outlines are loaded once per resolution, the first time a tile needs
 * them, and shared read-only by every thread afterwards. */

#define G_LOG_DOMAIN "bri-tiles"

#include "config.h"

#include <math.h>

#include "bri-tile-renderer.h"
#include "bri-tile-renderer-private.h"

struct _BriTileRenderer
{
  GObject     parent_instance;

  GMutex      lock;           /* guards basemaps[] while they load */
  BriBasemap *basemaps[3];    /* 110m, 50m, 10m; NULL until first needed */
};

G_DEFINE_FINAL_TYPE (BriTileRenderer, bri_tile_renderer, G_TYPE_OBJECT)

static const char * const resolutions[] = { "110m", "50m", "10m" };

/* Calm, low-contrast ground so that the atlas's coloured features carry
 * the eye: a pale sea, paper land, borders a shade darker than the land. */
static const BriTilePalette palettes[] = {
  [BRI_TILE_STYLE_LIGHT] = {
    .sea        = { 0.827, 0.890, 0.933 },
    .coast      = { 0.659, 0.773, 0.851 },
    .land       = { 0.965, 0.953, 0.925 },
    .border     = { 0.725, 0.686, 0.627 },
    .label      = { 0.302, 0.290, 0.271 },
    .label_halo = { 0.984, 0.980, 0.969 },
    .highlight  = { 0.110, 0.443, 0.847 },
  },
  [BRI_TILE_STYLE_DARK] = {
    .sea        = { 0.110, 0.153, 0.200 },
    .coast      = { 0.184, 0.267, 0.341 },
    .land       = { 0.204, 0.212, 0.231 },
    .border     = { 0.365, 0.376, 0.408 },
    .label      = { 0.831, 0.843, 0.863 },
    .label_halo = { 0.118, 0.129, 0.153 },
    .highlight  = { 0.471, 0.682, 0.929 },
  },
};

static void
bri_tile_renderer_finalize (GObject *object)
{
  BriTileRenderer *self = BRI_TILE_RENDERER (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->basemaps); i++)
    g_clear_pointer (&self->basemaps[i], bri_basemap_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (bri_tile_renderer_parent_class)->finalize (object);
}

static void
bri_tile_renderer_class_init (BriTileRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bri_tile_renderer_finalize;
}

static void
bri_tile_renderer_init (BriTileRenderer *self)
{
  g_mutex_init (&self->lock);
}

BriTileRenderer *
bri_tile_renderer_new (void)
{
  return g_object_new (BRI_TYPE_TILE_RENDERER, NULL);
}

/**
 * bri_tile_renderer_get_default:
 *
 * The renderer the whole process shares, so that each resolution of the
 * outlines is loaded once however many sources and layers draw them.
 *
 * Returns: (transfer none): the shared renderer
 */
BriTileRenderer *
bri_tile_renderer_get_default (void)
{
  static BriTileRenderer *instance;

  if (g_once_init_enter (&instance))
    g_once_init_leave (&instance, bri_tile_renderer_new ());

  return instance;
}

const BriTilePalette *
bri_tile_style_get_palette (BriTileStyle style)
{
  g_return_val_if_fail (style == BRI_TILE_STYLE_LIGHT || style == BRI_TILE_STYLE_DARK,
                        &palettes[BRI_TILE_STYLE_LIGHT]);

  return &palettes[style];
}

/**
 * bri_tile_renderer_resolution_for_zoom:
 *
 * Coarse outlines for the whole world, finer ones as the view narrows: a
 * tile costs about the same at every zoom.
 *
 * Returns: "110m" at zooms 0–2, "50m" at 3–5, "10m" from 6
 */
const char *
bri_tile_renderer_resolution_for_zoom (guint zoom)
{
  if (zoom <= 2)
    return resolutions[0];
  if (zoom <= 5)
    return resolutions[1];
  return resolutions[2];
}

/**
 * bri_tile_renderer_get_basemap:
 * @resolution: "110m", "50m" or "10m"
 *
 * Loads the outlines on first use; safe from any thread.
 *
 * Returns: (transfer full): the outlines, or %NULL with @error set
 */
BriBasemap *
bri_tile_renderer_get_basemap (BriTileRenderer  *self,
                               const char       *resolution,
                               GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  guint i;

  g_return_val_if_fail (BRI_IS_TILE_RENDERER (self), NULL);
  g_return_val_if_fail (resolution != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (i = 0; i < G_N_ELEMENTS (resolutions); i++)
    if (g_str_equal (resolution, resolutions[i]))
      break;
  if (i == G_N_ELEMENTS (resolutions))
    {
      g_set_error (error, BRI_BASEMAP_ERROR, BRI_BASEMAP_ERROR_UNKNOWN_RESOLUTION,
                   "No basemap at resolution “%s”", resolution);
      return NULL;
    }

  /* Loading checks the whole file (a millisecond for 10m), so holding the
   * lock meanwhile only makes the other threads wait for the same data. */
  locker = g_mutex_locker_new (&self->lock);
  if (self->basemaps[i] == NULL)
    self->basemaps[i] = bri_basemap_load_resolution (resolution, error);
  if (self->basemaps[i] == NULL)
    return NULL;
  return bri_basemap_ref (self->basemaps[i]);
}

/* Where a point lies on the edge of the map. The outlines were cut at the
 * antimeridian and closed along x = 0 and x = 1, and rings round a pole
 * along y = 0 or 1: an edge between two points on the same map edge is one
 * of those cuts, filled but never stroked, or the cut would show as a line
 * down the 180th meridian through Chukotka, Fiji and Antarctica. */
enum {
  ON_WEST    = 1 << 0,
  ON_EAST    = 1 << 1,
  ON_NORTH   = 1 << 2,
  ON_SOUTH   = 1 << 3,
  ON_EDGE    = ON_WEST | ON_EAST | ON_NORTH | ON_SOUTH,
  RING_START = 1 << 4,
};

/* Sides of the drawing area a point lies beyond (a Cohen–Sutherland code). */
enum {
  OUT_LEFT   = 1 << 0,
  OUT_RIGHT  = 1 << 1,
  OUT_TOP    = 1 << 2,
  OUT_BOTTOM = 1 << 3,
};

void
bri_outline_builder_init (BriOutlineBuilder *b,
                          double             origin_x,
                          double             origin_y,
                          double             scale,
                          double             min_px,
                          double             min_py,
                          double             max_px,
                          double             max_py)
{
  g_assert (scale > 0.0);

  *b = (BriOutlineBuilder) {
    .origin_x = origin_x,
    .origin_y = origin_y,
    .scale = scale,
    .min_px = min_px,
    .min_py = min_py,
    .max_px = max_px,
    .max_py = max_py,
    /* Half a pixel: closer points add nothing visible. */
    .min_dist2 = 0.5 * 0.5,
    .points = g_array_sized_new (FALSE, FALSE, sizeof (BriOutlinePoint), 4096),
  };
}

void
bri_outline_builder_clear (BriOutlineBuilder *b)
{
  g_clear_pointer (&b->points, g_array_unref);
}

static inline guint
edge_flags (const float *p)
{
  return (p[0] == 0.0f ? ON_WEST : 0) | (p[0] == 1.0f ? ON_EAST : 0) |
         (p[1] == 0.0f ? ON_NORTH : 0) | (p[1] == 1.0f ? ON_SOUTH : 0);
}

static inline guint
outcode (const BriOutlineBuilder *b,
         double                   x,
         double                   y)
{
  return (x < b->min_px ? OUT_LEFT : 0) | (x > b->max_px ? OUT_RIGHT : 0) |
         (y < b->min_py ? OUT_TOP : 0) | (y > b->max_py ? OUT_BOTTOM : 0);
}

static inline void
push_point (BriOutlineBuilder *b,
            double             x,
            double             y,
            guint              flags)
{
  BriOutlinePoint p = { (float) x, (float) y, flags };

  g_array_append_val (b->points, p);
}

/* Projects one ring into pixels, thinning it on the way:
 *  - a point closer than half a pixel to the last one kept adds nothing
 *    visible and is dropped (never a point on the map's edge, so that the
 *    cut edges stay recognisable);
 *  - of three points in a row beyond the same side of the drawing area
 *    (margin included) the middle one is dropped: the path between the
 *    outer two stays on that side, so fills and strokes inside the area
 *    come out the same, and a coast wandering far outside the tile costs
 *    two points instead of thousands.
 * Both depend only on absolute positions, so neighbouring tiles thin a
 * shared coast the same way and their edges meet. */
static void
add_ring (BriOutlineBuilder    *b,
          const BriBasemapRing *ring)
{
  const float *p = ring->points;
  double ax, ay, bx = 0, by = 0;
  guint a_out, b_out = 0, b_flags = 0;
  gboolean have_b = FALSE;

  ax = (p[0] + b->shift - b->origin_x) * b->scale;
  ay = (p[1] - b->origin_y) * b->scale;
  a_out = outcode (b, ax, ay);
  push_point (b, ax, ay, edge_flags (p) | RING_START);

  for (guint i = 1; i < ring->n_points; i++)
    {
      const float *q = p + 2 * i;
      double cx = (q[0] + b->shift - b->origin_x) * b->scale;
      double cy = (q[1] - b->origin_y) * b->scale;
      double lx = have_b ? bx : ax, ly = have_b ? by : ay;
      guint c_flags = edge_flags (q);
      guint c_out;

      if (c_flags == 0 &&
          (cx - lx) * (cx - lx) + (cy - ly) * (cy - ly) < b->min_dist2)
        continue;

      c_out = outcode (b, cx, cy);
      if (have_b && (a_out & b_out & c_out) == 0)
        {
          push_point (b, bx, by, b_flags);
          ax = bx;
          ay = by;
          a_out = b_out;
        }
      bx = cx;
      by = cy;
      b_out = c_out;
      b_flags = c_flags;
      have_b = TRUE;
    }

  if (have_b)
    push_point (b, bx, by, b_flags);
}

static inline gboolean
box_overlaps (const BriBasemapBox *box,
              double               min_x,
              double               min_y,
              double               max_x,
              double               max_y)
{
  return box->max_x >= min_x && box->min_x <= max_x &&
         box->max_y >= min_y && box->min_y <= max_y;
}

/**
 * bri_outline_builder_add_country:
 * @country: the country's index in @map
 *
 * Adds the rings of @country that reach the drawing area, in the copy of
 * the world b->shift selects.
 *
 * Returns: %TRUE if any ring was added
 */
gboolean
bri_outline_builder_add_country (BriOutlineBuilder *b,
                                 BriBasemap        *map,
                                 guint              country)
{
  /* The drawing area in map coordinates, unshifted. */
  double min_x = b->origin_x + b->min_px / b->scale - b->shift;
  double max_x = b->origin_x + b->max_px / b->scale - b->shift;
  double min_y = b->origin_y + b->min_py / b->scale;
  double max_y = b->origin_y + b->max_py / b->scale;
  guint first_polygon, n_polygons;
  guint start = b->points->len;
  BriBasemapBox box;

  bri_basemap_get_country_box (map, country, &box);
  if (!box_overlaps (&box, min_x, min_y, max_x, max_y))
    return FALSE;

  bri_basemap_get_country_polygons (map, country, &first_polygon, &n_polygons);
  for (guint poly = first_polygon; poly < first_polygon + n_polygons; poly++)
    {
      guint first_ring, n_rings;

      bri_basemap_get_polygon (map, poly, &first_ring, &n_rings, &box);
      if (!box_overlaps (&box, min_x, min_y, max_x, max_y))
        continue;

      /* A ring wholly outside the area cannot change the even-odd parity
       * of any point inside it, so skipping it is exact. */
      for (guint r = first_ring; r < first_ring + n_rings; r++)
        {
          BriBasemapRing ring;

          bri_basemap_get_ring (map, r, &ring);
          if (box_overlaps (&ring.box, min_x, min_y, max_x, max_y))
            add_ring (b, &ring);
        }
    }

  return b->points->len > start;
}

/* Appends the rings of points[start, end) to the current path, closed. */
void
bri_outline_builder_fill (BriOutlineBuilder *b,
                          cairo_t           *cr,
                          guint              start,
                          guint              end)
{
  const BriOutlinePoint *pts = (const BriOutlinePoint *) b->points->data;

  g_assert (end <= b->points->len);

  for (guint i = start; i < end; i++)
    {
      if (pts[i].flags & RING_START)
        {
          if (i > start)
            cairo_close_path (cr);
          cairo_move_to (cr, pts[i].x, pts[i].y);
        }
      else
        cairo_line_to (cr, pts[i].x, pts[i].y);
    }
  if (end > start)
    cairo_close_path (cr);
}

/* Like bri_outline_builder_fill() but leaves out the edges that run along
 * the map's edge (see ON_EDGE). */
void
bri_outline_builder_stroke (BriOutlineBuilder *b,
                            cairo_t           *cr,
                            guint              start,
                            guint              end)
{
  const BriOutlinePoint *pts = (const BriOutlinePoint *) b->points->data;
  guint i = start;

  g_assert (end <= b->points->len);

  while (i < end)
    {
      guint first = i, last;
      gboolean broken = FALSE;

      cairo_move_to (cr, pts[first].x, pts[first].y);
      for (i = first + 1; i < end && !(pts[i].flags & RING_START); i++)
        {
          if (pts[i - 1].flags & pts[i].flags & ON_EDGE)
            {
              cairo_move_to (cr, pts[i].x, pts[i].y);
              broken = TRUE;
            }
          else
            cairo_line_to (cr, pts[i].x, pts[i].y);
        }
      last = i - 1;

      if (last == first || (pts[last].flags & pts[first].flags & ON_EDGE))
        continue;
      /* close_path would return to the last move_to, not the ring's start. */
      if (broken)
        cairo_line_to (cr, pts[first].x, pts[first].y);
      else
        cairo_close_path (cr);
    }
}

static inline void
set_color (cairo_t            *cr,
           const BriTileColor *color)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

/**
 * bri_basemap_paint:
 * @map: the outlines
 * @origin_x: the map coordinate at the left of the area
 * @origin_y: the map coordinate at the top of the area
 * @scale: pixels per unit of map coordinate (the world's width in pixels)
 * @width: the area's size, in pixels from the origin of @cr
 * @height:
 * @coast_width: of the shore line, in pixels
 * @border_width: of the borders between countries, in pixels
 * @palette: the land, coast and border colours
 *
 * Draws the land of @map over the area, with its shore lines and borders,
 * where pixel = (map coordinate - origin) × @scale; the sea is the
 * caller's (paint it first).  The world repeats east and west.  Cairo's
 * current antialiasing is used: tiles ask for the fast one.
 */
void
bri_basemap_paint (cairo_t              *cr,
                   BriBasemap           *map,
                   double                origin_x,
                   double                origin_y,
                   double                scale,
                   double                width,
                   double                height,
                   double                coast_width,
                   double                border_width,
                   const BriTilePalette *palette)
{
  g_autoptr(GArray) runs = NULL;
  const guint *run;
  BriOutlineBuilder b;
  double margin, area_min, area_max;
  guint n_countries;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (map != NULL);
  g_return_if_fail (scale > 0.0);
  g_return_if_fail (palette != NULL);

  margin = coast_width + 2.0;
  bri_outline_builder_init (&b, origin_x, origin_y, scale,
                            -margin, -margin, width + margin, height + margin);
  runs = g_array_sized_new (FALSE, FALSE, sizeof (guint), 512);
  n_countries = bri_basemap_get_n_countries (map);

  /* The map repeats east and west: an area at either end shows a strip of
   * the world's other end, and a wide one the whole world several times. */
  area_min = b.origin_x - margin / scale;
  area_max = b.origin_x + (width + margin) / scale;
  for (int shift = (int) floor (area_min) - 1; shift <= (int) floor (area_max) + 1; shift++)
    {
      if (area_max < shift || area_min > shift + 1)
        continue;

      b.shift = shift;
      for (guint c = 0; c < n_countries; c++)
        {
          guint span[2] = { b.points->len, 0 };

          if (!bri_outline_builder_add_country (&b, map, c))
            continue;
          span[1] = b.points->len;
          g_array_append_vals (runs, span, 2);
        }
    }
  run = (const guint *) runs->data;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* The shore line is stroked on every outline before the land is filled:
   * the land then hides its inner half, and the whole of it along land
   * borders, leaving a thin line on the sea side of coasts only. */
  cairo_new_path (cr);
  for (guint i = 0; i < runs->len; i += 2)
    bri_outline_builder_stroke (&b, cr, run[i], run[i + 1]);
  set_color (cr, &palette->coast);
  cairo_set_line_width (cr, coast_width);
  cairo_stroke (cr);

  /* Each country on its own with the even-odd rule: holes (lakes, Lesotho
   * in South Africa) stay open and no two countries' windings mix. */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  set_color (cr, &palette->land);
  for (guint i = 0; i < runs->len; i += 2)
    {
      cairo_new_path (cr);
      bri_outline_builder_fill (&b, cr, run[i], run[i + 1]);
      cairo_fill (cr);
    }

  /* Borders last, over both neighbours' fills: this also hides the
   * hairline gaps that antialiasing leaves between two fills. */
  cairo_new_path (cr);
  for (guint i = 0; i < runs->len; i += 2)
    bri_outline_builder_stroke (&b, cr, run[i], run[i + 1]);
  set_color (cr, &palette->border);
  cairo_set_line_width (cr, border_width);
  cairo_stroke (cr);

  cairo_restore (cr);
  bri_outline_builder_clear (&b);
}

/**
 * bri_tile_renderer_get_line_widths:
 * @zoom: the tile zoom level the outlines are drawn at, for a tile of
 *   512 pixels (256 on screen, sharp on HiDPI)
 * @coast_width: (out): of the shore line, in those 512ths of a tile
 * @border_width: (out): of the borders
 *
 * Lines grow a little with the zoom, as the outlines gain detail.
 */
void
bri_tile_renderer_get_line_widths (guint   zoom,
                                   double *coast_width,
                                   double *border_width)
{
  *coast_width = zoom <= 2 ? 2.5 : 3.5;
  *border_width = zoom <= 2 ? 1.0 : zoom <= 5 ? 1.3 : 1.7;
}

/**
 * bri_tile_renderer_render_with_bleed:
 * @zoom: the zoom level, at most %BRI_TILE_RENDERER_MAX_ZOOM
 * @x: the column, below 2^@zoom
 * @y: the row, below 2^@zoom
 * @size: the tile's side in pixels (512 draws a 256 px tile sharp on HiDPI)
 * @bleed: pixels of the neighbouring tiles to draw round the tile
 * @style: the palette
 *
 * Draws tile (@zoom, @x, @y) into an opaque surface of @size + 2 × @bleed
 * pixels square; the tile proper starts at (@bleed, @bleed). The bleed lets
 * the tile be drawn a little larger than its place, over its neighbours,
 * so that no seam shows when the renderer scales tiles to fractional
 * positions. Columns wrap round the antimeridian: the bleed of column 0
 * shows the east end of the world.
 *
 * Returns: (transfer full): a %CAIRO_FORMAT_ARGB32 image surface, or %NULL
 *   with @error set when the outlines cannot be loaded
 */
cairo_surface_t *
bri_tile_renderer_render_with_bleed (BriTileRenderer  *self,
                                     guint             zoom,
                                     guint             x,
                                     guint             y,
                                     guint             size,
                                     guint             bleed,
                                     BriTileStyle      style,
                                     GError          **error)
{
  g_autoptr(BriBasemap) map = NULL;
  const BriTilePalette *palette;
  cairo_surface_t *surface;
  cairo_t *cr;
  double tiles, scale, full, f, coast_width, border_width;

  g_return_val_if_fail (BRI_IS_TILE_RENDERER (self), NULL);
  g_return_val_if_fail (zoom <= BRI_TILE_RENDERER_MAX_ZOOM, NULL);
  g_return_val_if_fail (x < (1u << zoom) && y < (1u << zoom), NULL);
  g_return_val_if_fail (size > 0 && size <= 4096 && bleed <= size, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  map = bri_tile_renderer_get_basemap (self, bri_tile_renderer_resolution_for_zoom (zoom), error);
  if (map == NULL)
    return NULL;

  palette = bri_tile_style_get_palette (style);
  tiles = (double) (1u << zoom);
  scale = size * tiles;
  full = size + 2.0 * bleed;

  /* Lines also grow with the pixel size, so that a 512 px tile shown at
   * 256 px looks like a 256 px one. */
  f = size / 512.0;
  bri_tile_renderer_get_line_widths (zoom, &coast_width, &border_width);
  coast_width *= f;
  border_width *= f;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) full, (int) full);
  cr = cairo_create (surface);

  set_color (cr, &palette->sea);
  cairo_paint (cr);

  /* Cairo's finer antialiasing doubles the cost of the strokes, which are
   * most of a tile's cost, for no difference once the 512 px tile is shown
   * at 256 px. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  bri_basemap_paint (cr, map, x / tiles - bleed / scale, y / tiles - bleed / scale, scale,
                     full, full, coast_width, border_width, palette);

  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/**
 * bri_tile_renderer_render:
 *
 * Draws tile (@zoom, @x, @y) into an opaque @size × @size surface; see
 * bri_tile_renderer_render_with_bleed().
 *
 * Returns: (transfer full): a %CAIRO_FORMAT_ARGB32 image surface, or %NULL
 *   with @error set
 */
cairo_surface_t *
bri_tile_renderer_render (BriTileRenderer  *self,
                          guint             zoom,
                          guint             x,
                          guint             y,
                          guint             size,
                          BriTileStyle      style,
                          GError          **error)
{
  return bri_tile_renderer_render_with_bleed (self, zoom, x, y, size, 0, style, error);
}
