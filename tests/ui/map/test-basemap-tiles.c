/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The offline basemap's tiles: sea and land where the outlines put them,
 * in both styles; no stray lines at the antimeridian; bleed that matches
 * the neighbouring tile, across the antimeridian too; concurrent drawing;
 * and tiles filled through BriBasemapSource as libshumate asks for them. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bri-basemap-source.h"
#include "bri-geo.h"
#include "bri-tile-paintable.h"
#include "bri-tile-renderer.h"
#include "map-test-util.h"

#define RUSSIA 643
#define TILE_PX 512

typedef struct
{
  guint8 r, g, b, a;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 v;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  v = *(const guint32 *) (data + (gsize) y * stride + (gsize) x * 4);
  return (Pixel) { (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff, v >> 24 };
}

static gboolean
pixel_is (Pixel               p,
          const BriTileColor *color,
          int                 tolerance)
{
  return p.a == 255 &&
         ABS (p.r - (int) round (color->red * 255)) <= tolerance &&
         ABS (p.g - (int) round (color->green * 255)) <= tolerance &&
         ABS (p.b - (int) round (color->blue * 255)) <= tolerance;
}

static cairo_surface_t *
render (BriTileRenderer *renderer,
        guint            zoom,
        guint            x,
        guint            y,
        guint            bleed,
        BriTileStyle     style)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  surface = bri_tile_renderer_render_with_bleed (renderer, zoom, x, y, TILE_PX, bleed, style, &error);
  g_assert_no_error (error);
  g_assert_nonnull (surface);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, TILE_PX + 2 * bleed);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, TILE_PX + 2 * bleed);
  return surface;
}

/* The pixel of tile (@zoom, @tx, @ty) at @lon, @lat. */
static void
project (guint   zoom,
         guint   tx,
         guint   ty,
         double  lon,
         double  lat,
         int    *px,
         int    *py)
{
  double n = 1u << zoom;

  *px = (int) floor ((bri_geo_lon_to_x (lon) * n - tx) * TILE_PX);
  *py = (int) floor ((bri_geo_lat_to_y (lat) * n - ty) * TILE_PX);
}

/* The centre of a pixel of tile (@zoom, @tx, @ty), in degrees. */
static void
unproject (guint   zoom,
           guint   tx,
           guint   ty,
           double  px,
           double  py,
           double *lon,
           double *lat)
{
  double n = 1u << zoom;

  *lon = bri_geo_x_to_lon ((tx + (px + 0.5) / TILE_PX) / n);
  *lat = bri_geo_y_to_lat ((ty + (py + 0.5) / TILE_PX) / n);
}

static BriBasemap *
outlines_for_zoom (guint zoom)
{
  g_autoptr(GError) error = NULL;
  BriBasemap *map = bri_tile_renderer_get_basemap (bri_tile_renderer_get_default (),
                                                   bri_tile_renderer_resolution_for_zoom (zoom),
                                                   &error);

  g_assert_no_error (error);
  return map;
}

static void
test_resolutions (void)
{
  g_autoptr(BriTileRenderer) renderer = bri_tile_renderer_new ();
  g_autoptr(BriBasemap) a = NULL;
  g_autoptr(BriBasemap) b = NULL;
  g_autoptr(BriBasemap) none = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (bri_tile_renderer_resolution_for_zoom (0), ==, "110m");
  g_assert_cmpstr (bri_tile_renderer_resolution_for_zoom (2), ==, "110m");
  g_assert_cmpstr (bri_tile_renderer_resolution_for_zoom (3), ==, "50m");
  g_assert_cmpstr (bri_tile_renderer_resolution_for_zoom (5), ==, "50m");
  g_assert_cmpstr (bri_tile_renderer_resolution_for_zoom (6), ==, "10m");
  g_assert_cmpstr (bri_tile_renderer_resolution_for_zoom (12), ==, "10m");

  /* Loaded once, then shared. */
  a = bri_tile_renderer_get_basemap (renderer, "50m", &error);
  g_assert_no_error (error);
  b = bri_tile_renderer_get_basemap (renderer, "50m", &error);
  g_assert_no_error (error);
  g_assert_true (a == b);
  g_assert_cmpuint (bri_basemap_get_scale (a), ==, 50);

  none = bri_tile_renderer_get_basemap (renderer, "1m", &error);
  g_assert_error (error, BRI_BASEMAP_ERROR, BRI_BASEMAP_ERROR_UNKNOWN_RESOLUTION);
  g_assert_null (none);

  g_assert_true (bri_tile_renderer_get_default () == bri_tile_renderer_get_default ());
}

typedef struct
{
  const char *what;
  double      lon;
  double      lat;
  gboolean    land;
} Place;

/* Tile 2/2/1 spans 0°–90° E and 0°–66.5° N: Europe, Africa, Arabia. */
static const Place europe_africa[] = {
  { "Mediterranean, south of Sicily", 18.0, 34.0, FALSE },
  { "Gulf of Guinea", 3.0, 1.5, FALSE },
  { "Arabian Sea", 63.0, 15.0, FALSE },
  { "Sahara, Algeria", 4.0, 25.0, TRUE },
  { "Western Desert, Egypt", 28.0, 25.5, TRUE },
  { "Rub' al Khali, Saudi Arabia", 49.0, 21.0, TRUE },
  { "Russia, north of Kirov", 49.0, 60.0, TRUE },
};

static void
test_sea_and_land (void)
{
  g_autoptr(BriTileRenderer) renderer = bri_tile_renderer_new ();
  g_autoptr(BriBasemap) map = outlines_for_zoom (2);

  for (BriTileStyle style = BRI_TILE_STYLE_LIGHT; style <= BRI_TILE_STYLE_DARK; style++)
    {
      const BriTilePalette *palette = bri_tile_style_get_palette (style);
      cairo_surface_t *tile = render (renderer, 2, 2, 1, 0, style);

      for (guint i = 0; i < G_N_ELEMENTS (europe_africa); i++)
        {
          const Place *place = &europe_africa[i];
          int px, py;

          /* The outlines agree with the test's idea of the place... */
          g_test_message ("%s", place->what);
          if (place->land)
            g_assert_cmpint (bri_basemap_find_country (map, place->lon, place->lat), >=, 0);
          else
            g_assert_cmpint (bri_basemap_find_country (map, place->lon, place->lat), ==, -1);

          /* ...and the tile paints it so, round about too. */
          project (2, 2, 1, place->lon, place->lat, &px, &py);
          for (int dy = -2; dy <= 2; dy++)
            for (int dx = -2; dx <= 2; dx++)
              g_assert_true (pixel_is (pixel_at (tile, px + dx, py + dy),
                                       place->land ? &palette->land : &palette->sea, 1));
        }

      cairo_surface_destroy (tile);
    }

  /* The dark style is dark: its sea and land are far from the light ones. */
  {
    const BriTilePalette *light = bri_tile_style_get_palette (BRI_TILE_STYLE_LIGHT);
    const BriTilePalette *dark = bri_tile_style_get_palette (BRI_TILE_STYLE_DARK);

    g_assert_cmpfloat (light->sea.red + light->sea.green + light->sea.blue, >,
                       dark->sea.red + dark->sea.green + dark->sea.blue + 1.5);
    g_assert_cmpfloat (light->land.red + light->land.green + light->land.blue, >,
                       dark->land.red + dark->land.green + dark->land.blue + 1.5);
  }
}

/* Whether any of the outlines lies within @radius pixels of the pixel. */
static gboolean
land_near (BriBasemap *map,
           guint       zoom,
           guint       tx,
           guint       ty,
           int         px,
           int         py,
           int         radius)
{
  /* Half-pixel steps: a rock a pixel wide must not slip through. */
  for (double dy = -radius; dy <= radius; dy += 0.5)
    for (double dx = -radius; dx <= radius; dx += 0.5)
      {
        double lon, lat;

        unproject (zoom, tx, ty, px + dx, py + dy, &lon, &lat);
        /* Past the antimeridian is the other end of the world. */
        if (lon > 180.0)
          lon -= 360.0;
        else if (lon < -180.0)
          lon += 360.0;
        if (bri_basemap_find_country (map, lon, lat) >= 0)
          return TRUE;
      }
  return FALSE;
}

/* Every pixel that is not sea must be on or next to land: a ring drawn
 * across the antimeridian would leave a line over open sea. Every row is
 * checked (a stray line is horizontal), at the tile's edge columns and
 * every eighth between. */
static void
check_no_stray_lines (BriTileRenderer *renderer,
                      guint            zoom,
                      guint            tx,
                      guint            ty)
{
  g_autoptr(BriBasemap) map = outlines_for_zoom (zoom);
  const BriTilePalette *palette = bri_tile_style_get_palette (BRI_TILE_STYLE_LIGHT);
  cairo_surface_t *tile = render (renderer, zoom, tx, ty, 0, BRI_TILE_STYLE_LIGHT);
  guint n_sea = 0, n_checked = 0;

  for (int py = 0; py < TILE_PX; py++)
    for (int px = 0; px < TILE_PX; px++)
      {
        if (!(px < 4 || px >= TILE_PX - 4 || px % 8 == 0))
          continue;

        n_checked++;
        if (pixel_is (pixel_at (tile, px, py), &palette->sea, 1))
          {
            n_sea++;
            continue;
          }
        if (!land_near (map, zoom, tx, ty, px, py, 5))
          g_error ("Tile %u/%u/%u: pixel (%d, %d) is painted but lies far from any land",
                   zoom, tx, ty, px, py);
      }

  /* Not a vacuous check: all these tiles are mostly sea. */
  g_test_message ("tile %u/%u/%u: %u of %u pixels checked are sea", zoom, tx, ty, n_sea, n_checked);
  g_assert_cmpuint (n_sea, >, n_checked / 4);
  cairo_surface_destroy (tile);
}

static void
test_antimeridian_open_sea (void)
{
  g_autoptr(BriTileRenderer) renderer = bri_tile_renderer_new ();
  /* Rows 1–2: Chukotka and Wrangel Island; row 4: Fiji; row 6: the
   * Antarctic coast. */
  static const guint rows[] = { 1, 2, 4, 6 };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      check_no_stray_lines (renderer, 3, 0, rows[i]);
      check_no_stray_lines (renderer, 3, 7, rows[i]);
    }
  for (guint x = 0; x < 2; x++)
    for (guint y = 0; y < 2; y++)
      check_no_stray_lines (renderer, 1, x, y);
}

/* Chukotka straddles the 180th meridian: the land there is cut in two
 * pieces closed along the cut, and the cut must not be stroked as a
 * border. Where both sides of the meridian are Russia, well away from the
 * coast, the tiles' edge columns are plain land. */
static void
test_antimeridian_no_cut_line (void)
{
  g_autoptr(BriTileRenderer) renderer = bri_tile_renderer_new ();
  const BriTilePalette *palette = bri_tile_style_get_palette (BRI_TILE_STYLE_LIGHT);
  guint zooms[] = { 3, 5 };
  guint n_checked = 0;

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      guint zoom = zooms[z], last = (1u << zoom) - 1;
      g_autoptr(BriBasemap) map = outlines_for_zoom (zoom);
      int px, py_top, py_bottom;
      guint ty;

      /* The tile row holding 67° N, where Chukotka crosses the meridian. */
      project (zoom, 0, 0, -180.0, 67.0, &px, &py_top);
      ty = py_top / TILE_PX;
      project (zoom, 0, ty, -180.0, 69.5, &px, &py_top);
      project (zoom, 0, ty, -180.0, 64.5, &px, &py_bottom);

      {
        cairo_surface_t *west = render (renderer, zoom, 0, ty, 0, BRI_TILE_STYLE_LIGHT);
        cairo_surface_t *east = render (renderer, zoom, last, ty, 0, BRI_TILE_STYLE_LIGHT);

        for (int py = MAX (py_top, 0); py <= MIN (py_bottom, TILE_PX - 1); py++)
          {
            double lon, lat;
            gboolean interior = TRUE;

            unproject (zoom, 0, ty, 0, py, &lon, &lat);
            for (int d = -6; d <= 6 && interior; d++)
              {
                double lat_d;

                unproject (zoom, 0, ty, 0, py + d, &lon, &lat_d);
                interior = bri_basemap_find_country (map, -179.95, lat_d) == RUSSIA &&
                           bri_basemap_find_country (map, 179.95, lat_d) == RUSSIA;
              }
            if (!interior)
              continue;

            n_checked++;
            g_assert_true (pixel_is (pixel_at (west, 0, py), &palette->land, 1));
            g_assert_true (pixel_is (pixel_at (west, 1, py), &palette->land, 1));
            g_assert_true (pixel_is (pixel_at (east, TILE_PX - 1, py), &palette->land, 1));
            g_assert_true (pixel_is (pixel_at (east, TILE_PX - 2, py), &palette->land, 1));
          }

        cairo_surface_destroy (west);
        cairo_surface_destroy (east);
      }
    }

  g_assert_cmpuint (n_checked, >, 20);
}

/* The bleed round a tile is the neighbour's own edge: @a's right bleed
 * against @b's first columns. */
static void
check_bleed_matches (BriTileRenderer *renderer,
                     guint            zoom,
                     guint            ax,
                     guint            bx,
                     guint            y)
{
  const guint bleed = 2;
  cairo_surface_t *a = render (renderer, zoom, ax, y, bleed, BRI_TILE_STYLE_LIGHT);
  cairo_surface_t *b = render (renderer, zoom, bx, y, bleed, BRI_TILE_STYLE_LIGHT);
  guint n_differ = 0;

  for (int py = bleed; py < TILE_PX + (int) bleed; py++)
    for (int i = 0; i < (int) bleed; i++)
      {
        /* a's bleed column i is b's interior column i. */
        Pixel pa = pixel_at (a, bleed + TILE_PX + i, py);
        Pixel pb = pixel_at (b, bleed + i, py);

        if (ABS (pa.r - pb.r) > 24 || ABS (pa.g - pb.g) > 24 || ABS (pa.b - pb.b) > 24)
          n_differ++;
      }

  /* Antialiasing may differ by a shade where a line runs along the edge;
   * never by a colour over a stretch. */
  g_test_message ("%u/%u/%u → %u: %u pixels differ", zoom, ax, y, bx, n_differ);
  g_assert_cmpuint (n_differ, <=, 4);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_bleed (void)
{
  g_autoptr(BriTileRenderer) renderer = bri_tile_renderer_new ();
  cairo_surface_t *plain, *bled;

  /* Inside the bleed, the tile is the same as without. */
  plain = render (renderer, 4, 9, 5, 0, BRI_TILE_STYLE_LIGHT);
  bled = render (renderer, 4, 9, 5, 2, BRI_TILE_STYLE_LIGHT);
  for (int py = 0; py < TILE_PX; py += 3)
    for (int px = 0; px < TILE_PX; px += 3)
      {
        Pixel a = pixel_at (plain, px, py), b = pixel_at (bled, px + 2, py + 2);

        g_assert_cmpint (ABS (a.r - b.r) + ABS (a.g - b.g) + ABS (a.b - b.b), <=, 6);
      }
  cairo_surface_destroy (plain);
  cairo_surface_destroy (bled);

  /* Europe, across the Bosporus; then across the antimeridian, where the
   * bleed of the east end is the west end of the world. */
  check_bleed_matches (renderer, 5, 18, 19, 12);
  check_bleed_matches (renderer, 3, 7, 0, 2);
  check_bleed_matches (renderer, 3, 7, 0, 4);
}

typedef struct
{
  BriTileRenderer *renderer;
  guint            zoom;
  guint            x;
  guint            y;
  cairo_surface_t *surface;
} RenderJob;

static gpointer
render_job_thread (gpointer data)
{
  RenderJob *job = data;

  job->surface = bri_tile_renderer_render (job->renderer, job->zoom, job->x, job->y,
                                           TILE_PX, BRI_TILE_STYLE_LIGHT, NULL);
  return NULL;
}

/* Several threads loading the outlines at once on a fresh renderer get
 * the same tiles as one thread drawing them in turn. */
static void
test_threads (void)
{
  g_autoptr(BriTileRenderer) shared = bri_tile_renderer_new ();
  g_autoptr(BriTileRenderer) alone = bri_tile_renderer_new ();
  RenderJob jobs[8];
  GThread *threads[8];

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      jobs[i] = (RenderJob) { shared, 3 + i % 4, 0, 0, NULL };
      /* Round Europe and Africa, all different tiles. */
      jobs[i].x = ((4u << (jobs[i].zoom - 3)) + i) % (1u << jobs[i].zoom);
      jobs[i].y = ((3u << (jobs[i].zoom - 3)) + i / 4) % (1u << jobs[i].zoom);
      threads[i] = g_thread_new ("tile", render_job_thread, &jobs[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_autoptr(GError) error = NULL;
      cairo_surface_t *expected;

      g_thread_join (threads[i]);
      g_assert_nonnull (jobs[i].surface);
      expected = bri_tile_renderer_render (alone, jobs[i].zoom, jobs[i].x, jobs[i].y,
                                           TILE_PX, BRI_TILE_STYLE_LIGHT, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (cairo_image_surface_get_data (jobs[i].surface),
                       cairo_image_surface_get_stride (jobs[i].surface) * TILE_PX,
                       cairo_image_surface_get_data (expected),
                       cairo_image_surface_get_stride (expected) * TILE_PX);
      cairo_surface_destroy (expected);
      cairo_surface_destroy (jobs[i].surface);
    }
}

/* Through the map source, as ShumateMapLayer asks for tiles. */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
  guint     max_pending;
} FillResult;

static void
on_fill_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  FillResult *r = user_data;

  r->ok = shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (source), result, &r->error);
  r->done = TRUE;
}

static void
on_pending_notify (BriBasemapSource *source,
                   GParamSpec       *pspec,
                   FillResult       *r)
{
  r->max_pending = MAX (r->max_pending, bri_basemap_source_get_pending_tiles (source));
}

static void
wait_for (FillResult *r)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!r->done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

static Pixel
texture_pixel (GdkTexture *texture,
               int         x,
               int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint8 *data = g_malloc ((gsize) width * height * 4);
  guint32 v;

  gdk_texture_download (texture, data, width * 4);
  v = *(guint32 *) (data + ((gsize) y * width + x) * 4);
  return (Pixel) { (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff, v >> 24 };
}

static void
test_source_properties (void)
{
  g_autoptr(BriBasemapSource) source = bri_basemap_source_new ();
  ShumateMapSource *s = SHUMATE_MAP_SOURCE (source);

  g_assert_cmpstr (shumate_map_source_get_id (s), ==, "bri-natural-earth");
  g_assert_nonnull (strstr (shumate_map_source_get_license (s), "Natural Earth"));
  g_assert_nonnull (shumate_map_source_get_name (s));
  g_assert_cmpuint (shumate_map_source_get_min_zoom_level (s), ==, 0);
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (s), ==, BRI_TILE_RENDERER_MAX_ZOOM);
  g_assert_cmpuint (shumate_map_source_get_tile_size (s), ==, 256);
  g_assert_cmpint (shumate_map_source_get_projection (s), ==, SHUMATE_MAP_PROJECTION_MERCATOR);
  g_assert_false (bri_basemap_source_get_dark (source));
  g_assert_cmpuint (bri_basemap_source_get_pending_tiles (source), ==, 0);
}

static void
test_source_fill (void)
{
  g_autoptr(BriBasemapSource) source = bri_basemap_source_new ();
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (2, 1, 256, 2);
  const BriTilePalette *palette = bri_tile_style_get_palette (BRI_TILE_STYLE_LIGHT);
  FillResult r = { 0, };
  GdkPaintable *paintable;
  GdkTexture *texture;
  guint bleed;
  int px, py;

  g_signal_connect (source, "notify::pending-tiles", G_CALLBACK (on_pending_notify), &r);
  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, NULL, on_fill_done, &r);
  g_assert_cmpuint (bri_basemap_source_get_pending_tiles (source), ==, 1);
  wait_for (&r);

  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_cmpuint (r.max_pending, ==, 1);
  g_assert_cmpuint (bri_basemap_source_get_pending_tiles (source), ==, 0);
  g_assert_cmpint (shumate_tile_get_state (tile), ==, SHUMATE_STATE_DONE);

  /* A 512 px picture for the 256 px tile, sharp on HiDPI. */
  paintable = shumate_tile_get_paintable (tile);
  g_assert_true (BRI_IS_TILE_PAINTABLE (paintable));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 512);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 512);

  /* The texture holds the bleed round it, and the map inside. */
  texture = bri_tile_paintable_get_texture (BRI_TILE_PAINTABLE (paintable));
  bleed = bri_tile_paintable_get_bleed (BRI_TILE_PAINTABLE (paintable));
  g_assert_cmpuint (bleed, >, 0);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 512 + 2 * bleed);
  project (2, 2, 1, 28.0, 25.5, &px, &py);
  g_assert_true (pixel_is (texture_pixel (texture, px + bleed, py + bleed), &palette->land, 1));
  project (2, 2, 1, 18.0, 34.0, &px, &py);
  g_assert_true (pixel_is (texture_pixel (texture, px + bleed, py + bleed), &palette->sea, 1));
}

static void
on_notify_count (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_source_dark (void)
{
  g_autoptr(BriBasemapSource) source = bri_basemap_source_new ();
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (2, 1, 256, 2);
  const BriTilePalette *palette = bri_tile_style_get_palette (BRI_TILE_STYLE_DARK);
  FillResult r = { 0, };
  GdkTexture *texture;
  guint n_notify = 0;
  int px, py;

  g_signal_connect (source, "notify::dark", G_CALLBACK (on_notify_count), &n_notify);

  /* The id changes with the style, so no cache mixes the two. */
  bri_basemap_source_set_dark (source, TRUE);
  bri_basemap_source_set_dark (source, TRUE);
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_true (bri_basemap_source_get_dark (source));
  g_assert_cmpstr (shumate_map_source_get_id (SHUMATE_MAP_SOURCE (source)), ==, "bri-natural-earth-dark");

  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, NULL, on_fill_done, &r);
  wait_for (&r);
  g_assert_no_error (r.error);

  texture = bri_tile_paintable_get_texture (BRI_TILE_PAINTABLE (shumate_tile_get_paintable (tile)));
  project (2, 2, 1, 18.0, 34.0, &px, &py);
  g_assert_true (pixel_is (texture_pixel (texture, px + 2, py + 2), &palette->sea, 1));
  project (2, 2, 1, 28.0, 25.5, &px, &py);
  g_assert_true (pixel_is (texture_pixel (texture, px + 2, py + 2), &palette->land, 1));

  g_object_set (source, "dark", FALSE, NULL);
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_cmpstr (shumate_map_source_get_id (SHUMATE_MAP_SOURCE (source)), ==, "bri-natural-earth");
}

static void
test_source_cancel (void)
{
  g_autoptr(BriBasemapSource) source = bri_basemap_source_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (5, 9, 256, 4);
  FillResult r = { 0, };

  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, cancellable, on_fill_done, &r);
  g_cancellable_cancel (cancellable);
  wait_for (&r);

  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r.error);
  g_assert_false (r.ok);
  g_assert_null (shumate_tile_get_paintable (tile));
  g_assert_cmpuint (bri_basemap_source_get_pending_tiles (source), ==, 0);
}

static void
test_source_invalid (void)
{
  g_autoptr(BriBasemapSource) source = bri_basemap_source_new ();
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (8, 0, 256, 3);
  FillResult r = { 0, };

  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, NULL, on_fill_done, &r);
  wait_for (&r);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&r.error);
  g_assert_cmpuint (bri_basemap_source_get_pending_tiles (source), ==, 0);
}

/* Many tiles in flight at once, as a map view asks for them: the count
 * rises with each request and is back to zero when the last is painted. */
static void
test_source_many (void)
{
  g_autoptr(BriBasemapSource) source = bri_basemap_source_new ();
  g_autoptr(GPtrArray) tiles = g_ptr_array_new_with_free_func (g_object_unref);
  FillResult results[16] = { 0, };
  FillResult watch = { 0, };

  g_signal_connect (source, "notify::pending-tiles", G_CALLBACK (on_pending_notify), &watch);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      ShumateTile *tile = shumate_tile_new_full (i % 4, i / 4, 256, 2);

      g_ptr_array_add (tiles, tile);
      shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, NULL,
                                          on_fill_done, &results[i]);
    }
  g_assert_cmpuint (bri_basemap_source_get_pending_tiles (source), ==, 16);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      wait_for (&results[i]);
      g_assert_no_error (results[i].error);
      g_assert_true (results[i].ok);
      g_assert_nonnull (shumate_tile_get_paintable (g_ptr_array_index (tiles, i)));
    }
  g_assert_cmpuint (watch.max_pending, ==, 16);
  g_assert_cmpuint (bri_basemap_source_get_pending_tiles (source), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!map_test_init (&argc, &argv, "/bri/basemap-tiles/display"))
    return g_test_run ();

  g_test_add_func ("/bri/basemap-tiles/resolutions", test_resolutions);
  g_test_add_func ("/bri/basemap-tiles/sea-and-land", test_sea_and_land);
  g_test_add_func ("/bri/basemap-tiles/antimeridian-open-sea", test_antimeridian_open_sea);
  g_test_add_func ("/bri/basemap-tiles/antimeridian-no-cut-line", test_antimeridian_no_cut_line);
  g_test_add_func ("/bri/basemap-tiles/bleed", test_bleed);
  g_test_add_func ("/bri/basemap-tiles/threads", test_threads);
  g_test_add_func ("/bri/basemap-tiles/source-properties", test_source_properties);
  g_test_add_func ("/bri/basemap-tiles/source-fill", test_source_fill);
  g_test_add_func ("/bri/basemap-tiles/source-dark", test_source_dark);
  g_test_add_func ("/bri/basemap-tiles/source-cancel", test_source_cancel);
  g_test_add_func ("/bri/basemap-tiles/source-invalid", test_source_invalid);
  g_test_add_func ("/bri/basemap-tiles/source-many", test_source_many);

  return g_test_run ();
}
