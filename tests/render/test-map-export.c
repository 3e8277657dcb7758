/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The map drawn with no display: a PNG of the Kenya view has the sea and
 * the land where they are and the railway's colour along the railway; a
 * 2× PNG is the same map at twice the pixels; an SVG parses and has the
 * features as paths and the names as text; a PDF's words are text; the
 * resolution follows the output; bad sizes and formats are errors. */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <unistd.h>
#include <math.h>

#include "bri-export.h"
#include "bri-map-renderer.h"
#include "pdf-test-util.h"
#include "../core/test-atlas-util.h"

#define SGR "mombasa-nairobi-sgr"

typedef struct
{
  guint8 r, g, b;
} Rgb;

static Rgb
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int ix = (int) floor (x), iy = (int) floor (y);
  guint32 v;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  v = *(const guint32 *) (data + (gsize) iy * stride + (gsize) ix * 4);
  return (Rgb) { (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff };
}

static gboolean
close_to (Rgb     p,
          guint32 rgb,
          int     tolerance)
{
  return ABS (p.r - (int) ((rgb >> 16) & 0xff)) <= tolerance &&
         ABS (p.g - (int) ((rgb >> 8) & 0xff)) <= tolerance &&
         ABS (p.b - (int) (rgb & 0xff)) <= tolerance;
}

static guint32
tile_rgb (const BriTileColor *c)
{
  return ((guint32) round (c->red * 255) << 16) | ((guint32) round (c->green * 255) << 8) |
         (guint32) round (c->blue * 255);
}

static BriMapRenderer *
atlas_renderer (void)
{
  BriMapRenderer *renderer = bri_map_renderer_new ();

  bri_map_renderer_set_features (renderer, bri_atlas_get_features (test_atlas ()));
  bri_map_renderer_set_countries (renderer, bri_atlas_get_countries (test_atlas ()));
  return renderer;
}

static void
kenya_view (BriRenderView *view,
            double         width,
            double         height)
{
  BriCountry *kenya = bri_atlas_lookup_country (test_atlas (), "KE");
  BriGeoBounds bounds;

  g_assert_nonnull (kenya);
  bri_country_get_bounds (kenya, &bounds);
  bri_render_view_init_bounds (view, &bounds, width, height);
}

/* The map of @view as a PNG at @scale, kept as @name, decoded. */
static cairo_surface_t *
export_png (const BriRenderView    *view,
            const BriRenderOptions *options,
            double                  scale,
            const char             *name)
{
  g_autoptr(BriMapRenderer) renderer = atlas_renderer ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = bri_export_map (renderer, view, options, BRI_EXPORT_FORMAT_PNG, scale, NULL, &error);
  g_autofree char *path = NULL;
  cairo_surface_t *surface;

  g_assert_no_error (error);
  pdf_test_keep (png, name);
  path = pdf_test_save_temp (png, ".png");
  surface = cairo_image_surface_create_from_png (path);
  g_unlink (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (view->width * scale));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (view->height * scale));
  return surface;
}

/* What share of the points a little way along each segment of the
 * railway have its colour (the dark line between its white ties). */
static double
railway_share (cairo_surface_t       *surface,
               const BriMapTransform *t,
               double                 scale,
               guint32                rgb)
{
  BriFeature *sgr = bri_atlas_lookup_feature (test_atlas (), SGR);
  guint n, hits = 0, samples = 0;
  const BriLonLat *v;

  g_assert_nonnull (sgr);
  v = bri_feature_get_part (sgr, 0, &n);
  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i + 1 < n; i++)
    for (double f = 0.2; f < 0.9; f += 0.2)
      {
        double lon = v[i].lon + f * (v[i + 1].lon - v[i].lon);
        double lat = v[i].lat + f * (v[i + 1].lat - v[i].lat);
        double x, y;
        gboolean hit = FALSE;

        bri_map_transform_to_widget (t, bri_geo_lon_to_x (lon), bri_geo_lat_to_y (lat), &x, &y);
        /* The line is 4 pixels wide: any pixel of a 3 × 3 block on it. */
        for (int dx = -1; dx <= 1 && !hit; dx++)
          for (int dy = -1; dy <= 1 && !hit; dy++)
            hit = close_to (pixel (surface, x * scale + dx * scale, y * scale + dy * scale), rgb, 40);
        hits += hit;
        samples++;
      }

  g_test_message ("railway colour at %u of %u points", hits, samples);
  return hits / (double) samples;
}

/* The sea off Malindi, the open north-west of Kenya (no feature near),
 * the railway along its line, at @scale pixels per map pixel. */
static void
check_kenya (cairo_surface_t     *surface,
             const BriRenderView *view,
             double               scale)
{
  const BriTilePalette *palette = bri_tile_style_get_palette (BRI_TILE_STYLE_LIGHT);
  BriMapTransform t;
  double x, y;

  bri_render_view_get_transform (view, &t);
  bri_map_transform_to_widget (&t, bri_geo_lon_to_x (41.0), bri_geo_lat_to_y (-3.5), &x, &y);
  g_assert_true (close_to (pixel (surface, scale * x, scale * y), tile_rgb (&palette->sea), 2));
  bri_map_transform_to_widget (&t, bri_geo_lon_to_x (36.0), bri_geo_lat_to_y (2.6), &x, &y);
  g_assert_true (close_to (pixel (surface, scale * x, scale * y), tile_rgb (&palette->land), 2));
  g_assert_cmpfloat (railway_share (surface, &t, scale, bri_feature_style_get_rgb (BRI_FEATURE_KIND_RAILWAY)), >=, 0.6);
}

static void
test_png_kenya (void)
{
  BriRenderOptions options;
  BriRenderView view;
  cairo_surface_t *surface;

  kenya_view (&view, 800, 600);
  bri_render_options_init (&options);
  surface = export_png (&view, &options, 1.0, "export-kenya.png");
  check_kenya (surface, &view, 1.0);
  cairo_surface_destroy (surface);
}

/* The same map at twice the pixels. */
static void
test_png_scaled (void)
{
  BriRenderOptions options;
  BriRenderView view;
  cairo_surface_t *surface;

  kenya_view (&view, 600, 450);
  bri_render_options_init (&options);
  /* The map alone: no card over the sea at this size. */
  options.parts = BRI_RENDER_MAP;
  surface = export_png (&view, &options, 2.0, "export-kenya-2x.png");
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1200);
  check_kenya (surface, &view, 2.0);
  cairo_surface_destroy (surface);
}

static guint
count_nodes (xmlXPathContextPtr  xpath,
             const char         *expression)
{
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) expression, xpath);
  guint n;

  g_assert_nonnull (result);
  n = result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (result);
  return n;
}

static gboolean
has_text (xmlXPathContextPtr  xpath,
          const char         *text)
{
  g_autofree char *expression = g_strdup_printf ("//svg:text[normalize-space(.)='%s']", text);

  return count_nodes (xpath, expression) > 0;
}

/* Whether some stroke in @svg has @rgb's colour: cairo writes colours as
 * percentages, "stroke:rgb(23.9%,22%,27.5%)". */
static gboolean
has_stroke (GBytes  *svg,
            guint32  rgb)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  const char *p = text;

  while ((p = strstr (p, "stroke:rgb(")) != NULL)
    {
      double c[3];
      char *end;

      p += strlen ("stroke:rgb(");
      for (int i = 0; i < 3; i++)
        {
          c[i] = g_ascii_strtod (p, &end) * 255.0 / 100.0;
          p = end + 2;    /* past "%," */
        }
      if (fabs (c[0] - ((rgb >> 16) & 0xff)) < 1.5 && fabs (c[1] - ((rgb >> 8) & 0xff)) < 1.5 &&
          fabs (c[2] - (rgb & 0xff)) < 1.5)
        return TRUE;
    }

  return FALSE;
}

static void
test_svg (void)
{
  g_autoptr(BriMapRenderer) renderer = atlas_renderer ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  BriRenderOptions options;
  BriRenderView view;
  xmlDocPtr doc;
  xmlXPathContextPtr xpath;
  guint n_paths, n_text;

  kenya_view (&view, 800, 600);
  bri_render_options_init (&options);
  svg = bri_export_map (renderer, &view, &options, BRI_EXPORT_FORMAT_SVG, 1.0, NULL, &error);
  g_assert_no_error (error);
  pdf_test_keep (svg, "export-kenya.svg");

  doc = xmlReadMemory (g_bytes_get_data (svg, NULL), (int) g_bytes_get_size (svg), "map.svg", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");

  xpath = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (xpath, (const xmlChar *) "svg", (const xmlChar *) "http://www.w3.org/2000/svg");
  n_paths = count_nodes (xpath, "//svg:path");
  n_text = count_nodes (xpath, "//svg:text");
  g_test_message ("%u paths, %u text elements", n_paths, n_text);

  /* Land, borders, lines and markers are paths, in the kinds' colours;
   * no image anywhere. */
  g_assert_cmpuint (n_paths, >, 20);
  g_assert_cmpuint (count_nodes (xpath, "//svg:image"), ==, 0);
  g_assert_true (has_stroke (svg, bri_feature_style_get_rgb (BRI_FEATURE_KIND_RAILWAY)));
  g_assert_true (has_stroke (svg, bri_feature_style_get_rgb (BRI_FEATURE_KIND_HISTORICAL_ROUTE)));

  /* Every word is text: the place, the countries, the legend, the scale. */
  g_assert_true (has_text (xpath, "Port of Mombasa"));
  g_assert_true (has_text (xpath, "Kenya"));
  g_assert_true (has_text (xpath, "Somalia"));
  g_assert_true (has_text (xpath, "Legend"));
  g_assert_true (has_text (xpath, "Railway"));
  g_assert_cmpuint (count_nodes (xpath, "//svg:text[contains(., 'km')]"), ==, 1);
  g_assert_cmpuint (count_nodes (xpath, "//svg:text[contains(., 'Natural Earth')]"), ==, 1);

  xmlXPathFreeContext (xpath);
  xmlFreeDoc (doc);
}

/* A PDF's words are text a reader can find: pdftotext reads them back. */
static void
test_pdf_text (void)
{
  g_autoptr(BriMapRenderer) renderer = atlas_renderer ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  BriRenderOptions options;
  BriRenderView view;

  kenya_view (&view, 800, 600);
  bri_render_options_init (&options);
  options.title = "Kenya & the SGR <railway>";
  pdf = bri_export_map (renderer, &view, &options, BRI_EXPORT_FORMAT_PDF, 1.0, NULL, &error);
  g_assert_no_error (error);
  pdf_test_keep (pdf, "export-kenya.pdf");
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));

  path = pdf_test_save_temp (pdf, ".pdf");
  out = pdf_test_text (path);
  g_unlink (path);

  g_assert_true (pdf_test_text_contains (out, "Kenya & the SGR <railway>"));
  g_assert_true (pdf_test_text_contains (out, "Legend"));
  g_assert_true (pdf_test_text_contains (out, "Natural Earth"));
  g_assert_true (pdf_test_text_contains (out, "km"));
}

static void
test_resolution (void)
{
  BriMapTransform t;
  BriRenderView view;

  /* The world on a phone, and the same on a printed page. */
  bri_render_view_init_center (&view, 20, 60, 1.0, 512, 512);
  bri_render_view_get_transform (&view, &t);
  g_assert_cmpstr (bri_map_renderer_resolution_for_detail (&t, 1.0), ==, "110m");
  g_assert_cmpstr (bri_map_renderer_resolution_for_detail (&t, 8.0), ==, "50m");

  /* A country at 4× gets the finest outlines. */
  bri_render_view_init_center (&view, 0, 38, 5.0, 512, 512);
  bri_render_view_get_transform (&view, &t);
  g_assert_cmpstr (bri_map_renderer_resolution_for_detail (&t, 1.0), ==, "50m");
  g_assert_cmpstr (bri_map_renderer_resolution_for_detail (&t, 4.0), ==, "10m");
}

static void
test_errors (void)
{
  g_autoptr(BriMapRenderer) renderer = atlas_renderer ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-folder/map.png");
  g_autoptr(GBytes) some = g_bytes_new_static ("x", 1);
  BriRenderOptions options;
  BriRenderView view;
  BriExportFormat format;

  bri_render_view_init_center (&view, 0, 38, 5.0, 800, 600);
  bri_render_options_init (&options);

  bytes = bri_export_map (renderer, &view, &options, BRI_EXPORT_FORMAT_PNG, 100.0, NULL, &error);
  g_assert_error (error, BRI_EXPORT_ERROR, BRI_EXPORT_ERROR_SIZE);
  g_assert_null (bytes);
  g_clear_error (&error);

  bytes = bri_export_map (renderer, &view, &options, BRI_EXPORT_FORMAT_CSV, 1.0, NULL, &error);
  g_assert_error (error, BRI_EXPORT_ERROR, BRI_EXPORT_ERROR_FORMAT);
  g_assert_null (bytes);
  g_clear_error (&error);

  g_assert_false (bri_export_write (nowhere, some, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/map.png"));
  g_clear_error (&error);

  g_assert_true (bri_export_format_from_path ("a/b/map.SVG", &format));
  g_assert_cmpint (format, ==, BRI_EXPORT_FORMAT_SVG);
  g_assert_true (bri_export_format_from_path ("places.geojson", &format));
  g_assert_cmpint (format, ==, BRI_EXPORT_FORMAT_GEOJSON);
  g_assert_false (bri_export_format_from_path ("map.tiff", &format));
  g_assert_false (bri_export_format_from_path ("map", &format));
}

/* In busy views, in both styles, no place name overprints a country
 * name: both are placed as one. */
static void
test_names_do_not_overprint (void)
{
  static const struct { const char *name; double lat, lon, zoom; } views[] = {
    { "east-africa", -1.0, 37.0, 5.0 },
    { "pakistan", 29.0, 69.0, 6.0 },
    { "greece", 38.5, 23.5, 7.0 },
  };
  g_autoptr(BriMapRenderer) renderer = atlas_renderer ();

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (BriTileStyle style = BRI_TILE_STYLE_LIGHT; style <= BRI_TILE_STYLE_DARK; style++)
      {
        g_autoptr(GArray) countries = g_array_new (FALSE, FALSE, sizeof (BriLabelRect));
        g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (BriLabelRect));
        g_autoptr(GError) error = NULL;
        g_autofree char *png = NULL;
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1000, 700);
        cairo_t *cr = cairo_create (surface);
        BriRenderOptions options;
        BriRenderView view;

        bri_render_view_init_center (&view, views[v].lat, views[v].lon, views[v].zoom, 1000, 700);
        bri_render_options_init (&options);
        options.style = style;
        g_assert_true (bri_map_renderer_draw (renderer, cr, &view, &options, &error));
        g_assert_no_error (error);
        png = g_strdup_printf ("names-%s-%s.png", views[v].name, style == BRI_TILE_STYLE_DARK ? "dark" : "light");
        pdf_test_keep_png (surface, png);

        bri_map_renderer_get_label_rects (renderer, countries, places);
        g_test_message ("%s: %u place names, %u country names", views[v].name, places->len, countries->len);
        g_assert_cmpuint (countries->len, >, 0);
        g_assert_cmpuint (places->len, >, 0);
        for (guint i = 0; i < places->len; i++)
          for (guint c = 0; c < countries->len; c++)
            g_assert_false (bri_label_rect_overlaps (&g_array_index (places, BriLabelRect, i),
                                                     &g_array_index (countries, BriLabelRect, c), 0));

        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/map-export/png-kenya", test_png_kenya);
  g_test_add_func ("/bri/map-export/png-scaled", test_png_scaled);
  g_test_add_func ("/bri/map-export/svg", test_svg);
  g_test_add_func ("/bri/map-export/pdf-text", test_pdf_text);
  g_test_add_func ("/bri/map-export/resolution", test_resolution);
  g_test_add_func ("/bri/map-export/errors", test_errors);
  g_test_add_func ("/bri/map-export/names-do-not-overprint", test_names_do_not_overprint);

  return test_atlas_run ();
}
