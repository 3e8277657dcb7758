/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The country layers on a real ShumateMap over the offline basemap:
 * picking the country under a pixel (Nairobi is in Kenya), the layers'
 * projection against libshumate's own, the copies of the world past the
 * antimeridian, the highlight's pixels, and which names the label layer
 * shows at which zoom. Saves a screenshot of the map when
 * $BRI_TEST_OUTPUT_DIR is set. */

#include "config.h"

#include <math.h>

#include "bri-basemap-source.h"
#include "bri-country.h"
#include "bri-country-label-layer.h"
#include "bri-country-layer.h"
#include "bri-viewport-transform.h"
#include "bri-tile-renderer.h"
#include "map-test-util.h"

#define KENYA     404
#define ETHIOPIA  231
#define USA       840
#define RUSSIA    643

#define NAIROBI_LAT  -1.2864
#define NAIROBI_LON  36.8172
#define ADDIS_LAT     9.03
#define ADDIS_LON    38.74

typedef struct
{
  GtkWidget            *window;
  ShumateMap           *map;
  ShumateViewport      *viewport;
  BriBasemapSource     *source;
  ShumateMapLayer      *tiles;
  BriCountryLayer      *layer;
  BriCountryLabelLayer *labels;
  GListStore           *countries;
} Fixture;

/* Until every tile the map asked for is painted, and a frame after. */
static void
wait_for_tiles (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  map_test_iterate (30);
  while (bri_basemap_source_get_pending_tiles (f->source) > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  map_test_iterate (50);
}

static void
go_to (Fixture *f,
       double   lat,
       double   lon,
       double   zoom)
{
  shumate_viewport_set_zoom_level (f->viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (f->viewport), lat, lon);
  wait_for_tiles (f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_uri ("resource:///org/example/BriAtlas/data/countries/countries.json");
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GError) error = NULL;

  /* Looking a basemap up links the data resource into the test. */
  g_autoptr(BriBasemap) map = bri_tile_renderer_get_basemap (bri_tile_renderer_get_default (), "110m", &error);
  g_assert_no_error (error);

  countries = bri_country_load_all (file, &error);
  g_assert_no_error (error);
  f->countries = g_list_store_new (BRI_TYPE_COUNTRY);
  for (guint i = 0; i < countries->len; i++)
    g_list_store_append (f->countries, g_ptr_array_index (countries, i));

  f->source = bri_basemap_source_new ();
  f->map = shumate_map_new ();
  f->viewport = shumate_map_get_viewport (f->map);
  shumate_viewport_set_reference_map_source (f->viewport, SHUMATE_MAP_SOURCE (f->source));
  shumate_map_set_map_source (f->map, SHUMATE_MAP_SOURCE (f->source));
  f->tiles = shumate_map_layer_new (SHUMATE_MAP_SOURCE (f->source), f->viewport);
  shumate_map_add_layer (f->map, SHUMATE_LAYER (f->tiles));
  f->layer = bri_country_layer_new (f->viewport);
  shumate_map_add_layer (f->map, SHUMATE_LAYER (f->layer));
  f->labels = bri_country_label_layer_new (f->viewport);
  bri_country_label_layer_set_countries (f->labels, G_LIST_MODEL (f->countries));
  shumate_map_add_layer (f->map, SHUMATE_LAYER (f->labels));

  shumate_viewport_set_zoom_level (f->viewport, 5);
  shumate_location_set_location (SHUMATE_LOCATION (f->viewport), NAIROBI_LAT, NAIROBI_LON);
  /* The layers fill the map, so map and layer coordinates agree. */
  f->window = map_test_present (GTK_WIDGET (f->map), GTK_WIDGET (f->layer), 800, 600);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->labels)), ==, gtk_widget_get_width (GTK_WIDGET (f->map)));
  wait_for_tiles (f);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->map)), >=, 600);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  map_test_iterate (10);
  g_object_unref (f->source);
  g_object_unref (f->countries);
}

/* Where libshumate itself puts a place on the layer. */
static void
shumate_pixel (Fixture *f,
               double   lat,
               double   lon,
               double  *x,
               double  *y)
{
  shumate_viewport_location_to_widget_coords (f->viewport, GTK_WIDGET (f->layer), lat, lon, x, y);
}

static void
test_pick_nairobi (Fixture       *f,
                   gconstpointer  data)
{
  double x, y;

  shumate_pixel (f, NAIROBI_LAT, NAIROBI_LON, &x, &y);
  g_assert_cmpint (bri_country_layer_pick (f->layer, x, y), ==, KENYA);

  shumate_pixel (f, ADDIS_LAT, ADDIS_LON, &x, &y);
  g_assert_cmpint (bri_country_layer_pick (f->layer, x, y), ==, ETHIOPIA);

  /* The Indian Ocean, off Mombasa. */
  shumate_pixel (f, -5.0, 45.0, &x, &y);
  g_assert_cmpint (bri_country_layer_pick (f->layer, x, y), ==, -1);

  /* Off the map's north and south edges. */
  g_assert_cmpint (bri_country_layer_pick (f->layer, 400, -1e6), ==, -1);
  g_assert_cmpint (bri_country_layer_pick (f->layer, 400, 1e6), ==, -1);

  /* Deep zoom picks in the 10m outlines. */
  go_to (f, NAIROBI_LAT, NAIROBI_LON, 9);
  shumate_pixel (f, NAIROBI_LAT, NAIROBI_LON, &x, &y);
  g_assert_cmpint (bri_country_layer_pick (f->layer, x, y), ==, KENYA);
}

/* The layers' own projection (they draw thousands of points a frame) lands
 * where libshumate puts the same places, rotated view included. */
static void
test_projection (Fixture       *f,
                 gconstpointer  data)
{
  static const double places[][2] = {
    { NAIROBI_LAT, NAIROBI_LON }, { ADDIS_LAT, ADDIS_LON }, { -5.0, 45.0 }, { 4.0, 30.0 },
  };
  static const double rotations[] = { 0.0, 0.6 };

  for (guint r = 0; r < G_N_ELEMENTS (rotations); r++)
    {
      shumate_viewport_set_rotation (f->viewport, rotations[r]);
      for (double zoom = 3.0; zoom <= 6.0; zoom += 1.5)
        {
          go_to (f, NAIROBI_LAT + 1.0, NAIROBI_LON + 1.0, zoom);
          for (guint i = 0; i < G_N_ELEMENTS (places); i++)
            {
              BriMapTransform t;
              double sx, sy, bx, by, mx, my;

              bri_map_transform_init (&t, f->viewport, GTK_WIDGET (f->layer));
              shumate_pixel (f, places[i][0], places[i][1], &sx, &sy);
              bri_map_transform_to_widget (&t, bri_geo_lon_to_x (places[i][1]),
                                           bri_geo_lat_to_y (places[i][0]), &bx, &by);
              g_assert_cmpfloat_with_epsilon (bx, sx, 0.01);
              g_assert_cmpfloat_with_epsilon (by, sy, 0.01);

              bri_map_transform_to_map (&t, bx, by, &mx, &my);
              g_assert_cmpfloat_with_epsilon (bri_geo_x_to_lon (mx), places[i][1], 1e-6);
              g_assert_cmpfloat_with_epsilon (bri_geo_y_to_lat (my), places[i][0], 1e-6);
            }

          {
            double x, y;

            shumate_pixel (f, NAIROBI_LAT, NAIROBI_LON, &x, &y);
            g_assert_cmpint (bri_country_layer_pick (f->layer, x, y), ==, KENYA);
          }
        }
    }
  shumate_viewport_set_rotation (f->viewport, 0.0);
}

/* East of Kamchatka the map shows Alaska again, one world further on. */
static void
test_pick_across_antimeridian (Fixture       *f,
                               gconstpointer  data)
{
  BriMapTransform t;
  double x, y;

  go_to (f, 55.0, 170.0, 3);
  bri_map_transform_init (&t, f->viewport, GTK_WIDGET (f->layer));

  bri_map_transform_to_widget (&t, bri_geo_lon_to_x (-160.0) + 1.0, bri_geo_lat_to_y (60.0), &x, &y);
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (f->layer)));
  g_assert_cmpint (bri_country_layer_pick (f->layer, x, y), ==, USA);

  bri_map_transform_to_widget (&t, bri_geo_lon_to_x (165.0), bri_geo_lat_to_y (65.0), &x, &y);
  g_assert_cmpint (bri_country_layer_pick (f->layer, x, y), ==, RUSSIA);
}

typedef struct
{
  guint8 r, g, b, a;
} Pixel;

static Pixel
texture_pixel (GdkTexture *texture,
               double      x,
               double      y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint8 *data = g_malloc ((gsize) width * height * 4);
  int px = (int) x, py = (int) y;
  guint32 v;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, width);
  g_assert_cmpint (py, <, height);

  gdk_texture_download (texture, data, width * 4);
  v = *(guint32 *) (data + ((gsize) py * width + px) * 4);
  return (Pixel) { (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff, v >> 24 };
}

static void
test_highlight (Fixture       *f,
                gconstpointer  data)
{
  const BriTilePalette *palette = bri_tile_style_get_palette (BRI_TILE_STYLE_LIGHT);
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) lit = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  g_autoptr(GdkTexture) after = NULL;
  double nx, ny, ax, ay, sx, sy;
  Pixel p;

  shumate_pixel (f, NAIROBI_LAT, NAIROBI_LON, &nx, &ny);
  shumate_pixel (f, ADDIS_LAT, ADDIS_LON, &ax, &ay);
  shumate_pixel (f, -5.0, 45.0, &sx, &sy);

  before = map_test_render (GTK_WIDGET (f->layer));
  g_assert_cmpint (texture_pixel (before, nx, ny).a, ==, 0);

  bri_country_layer_set_country (f->layer, KENYA);
  g_assert_cmpint (bri_country_layer_get_country (f->layer), ==, KENYA);
  map_test_iterate (30);
  lit = map_test_render (GTK_WIDGET (f->layer));

  /* A blue wash over Kenya, in the highlight colour... */
  p = texture_pixel (lit, nx, ny);
  g_assert_cmpint (p.a, >, 20);
  g_assert_cmpint (p.a, <, 120);
  g_assert_cmpint (p.b, >, p.r);
  g_assert_cmpint (ABS ((int) p.b - (int) round (palette->highlight.blue * p.a)), <=, 3);
  /* ...and nothing over Ethiopia or the sea. */
  g_assert_cmpint (texture_pixel (lit, ax, ay).a, ==, 0);
  g_assert_cmpint (texture_pixel (lit, sx, sy).a, ==, 0);

  bri_map_layer_set_dark (BRI_MAP_LAYER (f->layer), TRUE);
  g_assert_true (bri_map_layer_get_dark (BRI_MAP_LAYER (f->layer)));
  map_test_iterate (30);
  dark = map_test_render (GTK_WIDGET (f->layer));
  g_assert_cmpint (texture_pixel (dark, nx, ny).a, >, texture_pixel (lit, nx, ny).a);

  bri_country_layer_set_country (f->layer, -1);
  map_test_iterate (30);
  after = map_test_render (GTK_WIDGET (f->layer));
  g_assert_cmpint (texture_pixel (after, nx, ny).a, ==, 0);
}

/* Which names the last frame drew. */
static void
test_labels (Fixture       *f,
             gconstpointer  data)
{
  /* Zoomed in on East Africa, Kenya has room for its name. */
  map_test_iterate (30);
  g_assert_true (bri_country_label_layer_is_label_shown (f->labels, KENYA));
  g_assert_true (bri_country_label_layer_is_label_shown (f->labels, ETHIOPIA));

  /* The whole of Africa: Kenya is too small, Russia in the corner is not. */
  go_to (f, NAIROBI_LAT, NAIROBI_LON, 2);
  g_assert_false (bri_country_label_layer_is_label_shown (f->labels, KENYA));
  g_assert_true (bri_country_label_layer_is_label_shown (f->labels, RUSSIA));

  /* Dark names on a dark map are drawn all the same. */
  bri_map_layer_set_dark (BRI_MAP_LAYER (f->labels), TRUE);
  g_assert_true (bri_map_layer_get_dark (BRI_MAP_LAYER (f->labels)));
  go_to (f, NAIROBI_LAT, NAIROBI_LON, 5);
  g_assert_true (bri_country_label_layer_is_label_shown (f->labels, KENYA));

  /* No countries, no names. */
  bri_country_label_layer_set_countries (f->labels, NULL);
  g_assert_null (bri_country_label_layer_get_countries (f->labels));
  map_test_iterate (30);
  g_assert_false (bri_country_label_layer_is_label_shown (f->labels, RUSSIA));
}

/* The whole map as the user sees it, for a human to look at. */
static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = map_test_render (GTK_WIDGET (f->map));

  map_test_save (texture, name);
}

static void
test_screenshot (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  const BriTilePalette *palette = bri_tile_style_get_palette (BRI_TILE_STYLE_LIGHT);
  double sx, sy;
  Pixel p;

  bri_country_layer_set_country (f->layer, KENYA);
  go_to (f, 2.0, 40.0, 4.5);
  save_screenshot (f, "basemap-east-africa.png");

  /* The base layer under the others shows the sea where the sea is. */
  texture = map_test_render (GTK_WIDGET (f->map));
  shumate_pixel (f, -8.0, 50.0, &sx, &sy);
  p = texture_pixel (texture, sx, sy);
  g_assert_cmpint (ABS (p.r - (int) round (palette->sea.red * 255)), <=, 2);
  g_assert_cmpint (ABS (p.g - (int) round (palette->sea.green * 255)), <=, 2);
  g_assert_cmpint (ABS (p.b - (int) round (palette->sea.blue * 255)), <=, 2);

  go_to (f, 30.0, 60.0, 2.5);
  save_screenshot (f, "basemap-world.png");

  /* Dark: a new tile layer, as the map view does on a style change,
   * since a layer's source and its cached tiles are fixed. */
  {
    ShumateMapLayer *old = f->tiles;
    const BriTilePalette *dark = bri_tile_style_get_palette (BRI_TILE_STYLE_DARK);
    g_autoptr(GdkTexture) frame = NULL;

    bri_basemap_source_set_dark (f->source, TRUE);
    f->tiles = shumate_map_layer_new (SHUMATE_MAP_SOURCE (f->source), f->viewport);
    shumate_map_insert_layer_behind (f->map, SHUMATE_LAYER (f->tiles), SHUMATE_LAYER (old));
    shumate_map_remove_layer (f->map, SHUMATE_LAYER (old));
    bri_map_layer_set_dark (BRI_MAP_LAYER (f->layer), TRUE);
    bri_map_layer_set_dark (BRI_MAP_LAYER (f->labels), TRUE);
    go_to (f, 38.0, 75.0, 4.0);
    save_screenshot (f, "basemap-dark.png");

    frame = map_test_render (GTK_WIDGET (f->map));
    shumate_pixel (f, 42.0, 50.5, &sx, &sy);  /* the Caspian */
    p = texture_pixel (frame, sx, sy);
    g_assert_cmpint (ABS (p.r - (int) round (dark->sea.red * 255)), <=, 2);
    g_assert_cmpint (ABS (p.g - (int) round (dark->sea.green * 255)), <=, 2);
    g_assert_cmpint (ABS (p.b - (int) round (dark->sea.blue * 255)), <=, 2);
  }
}

/* Between zoom levels libshumate scales the tiles to fractional sizes and
 * positions; GSK's cairo renderer then leaves a hairline of background at
 * every tile edge unless the tiles overlap (BriTilePaintable's bleed).
 * The map has no background of its own, so a seam is a pixel that is not
 * fully opaque. */
static void
test_no_seams (Fixture       *f,
               gconstpointer  data)
{
  static const double zooms[] = { 3.3, 4.5, 5.8 };

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree guint8 *pixels = NULL;
      int width, height;
      guint n_seam = 0;

      go_to (f, -3.0, 48.0, zooms[z]);
      texture = map_test_render (GTK_WIDGET (f->map));
      width = gdk_texture_get_width (texture);
      height = gdk_texture_get_height (texture);
      pixels = g_malloc ((gsize) width * height * 4);
      gdk_texture_download (texture, pixels, width * 4);

      for (gsize i = 0; i < (gsize) width * height; i++)
        if (pixels[4 * i + 3] != 255)
          n_seam++;
      g_test_message ("zoom %.1f: %u pixels not opaque", zooms[z], n_seam);
      g_assert_cmpuint (n_seam, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (!map_test_init (&argc, &argv, "/bri/country-layer/display"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/bri/country-layer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("pick-nairobi", test_pick_nairobi);
  ADD ("projection", test_projection);
  ADD ("pick-across-antimeridian", test_pick_across_antimeridian);
  ADD ("highlight", test_highlight);
  ADD ("labels", test_labels);
  ADD ("no-seams", test_no_seams);
  ADD ("screenshot", test_screenshot);
#undef ADD

  return g_test_run ();
}
