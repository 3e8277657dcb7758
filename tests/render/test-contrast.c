/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every kind stands out from the map in both styles: WCAG 2.1's contrast
 * for graphics (1.4.11, at least 3:1) of each kind's line and marker
 * against the basemap's land and sea, computed from the style tables; and
 * each legend symbol, drawn in the dark style on the dark legend's card,
 * really shows. */

#include "config.h"

#include <math.h>

#include "bri-feature-style-private.h"
#include "pdf-test-util.h"

#define MIN_CONTRAST 3.0

/* libadwaita 1.2's @view_bg_color in the dark style: the on-screen
 * legend's card (resources/style.css). */
static const BriTileColor adw_dark_view = { 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0 };

static const char * const style_names[] = { "light", "dark" };

static double
channel_luminance (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const BriTileColor *c)
{
  return 0.2126 * channel_luminance (c->red) +
         0.7152 * channel_luminance (c->green) +
         0.0722 * channel_luminance (c->blue);
}

static double
contrast (const BriTileColor *a,
          const BriTileColor *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* What the eye sees of @ink drawn over @ground. */
static BriTileColor
over (const BriRgba      *ink,
      const BriTileColor *ground)
{
  double a = ink->alpha;

  return (BriTileColor) {
    ink->red * a + ground->red * (1 - a),
    ink->green * a + ground->green * (1 - a),
    ink->blue * a + ground->blue * (1 - a),
  };
}

static void
test_contrast_table (void)
{
  GString *failures = g_string_new (NULL);

  for (BriTileStyle style = BRI_TILE_STYLE_LIGHT; style <= BRI_TILE_STYLE_DARK; style++)
    {
      const BriTilePalette *palette = bri_tile_style_get_palette (style);
      double min_ratio = G_MAXDOUBLE;

      g_test_message ("%s style: %-18s %11s %11s %11s %11s",
                      style_names[style], "kind", "line/land", "line/sea", "mark/land", "mark/sea");
      for (BriFeatureKind kind = 0; kind < BRI_FEATURE_N_KINDS; kind++)
        {
          BriRgba ink, marker;
          BriTileColor line_land, line_sea, marker_rgb;
          double r[4];

          /* A translucent band is judged by its spine: the stroke that
           * carries its course. */
          bri_feature_style_get_line_ink (kind, style, &ink);
          line_land = over (&ink, &palette->land);
          line_sea = over (&ink, &palette->sea);
          bri_feature_style_get_color (kind, style, &marker);
          g_assert_cmpfloat (marker.alpha, ==, 1.0);
          marker_rgb = (BriTileColor) { marker.red, marker.green, marker.blue };

          r[0] = contrast (&line_land, &palette->land);
          r[1] = contrast (&line_sea, &palette->sea);
          r[2] = contrast (&marker_rgb, &palette->land);
          r[3] = contrast (&marker_rgb, &palette->sea);
          g_test_message ("%s style: %-18s %11.2f %11.2f %11.2f %11.2f", style_names[style],
                          bri_feature_kind_to_string (kind), r[0], r[1], r[2], r[3]);
          for (guint i = 0; i < G_N_ELEMENTS (r); i++)
            {
              min_ratio = MIN (min_ratio, r[i]);
              if (r[i] < MIN_CONTRAST)
                g_string_append_printf (failures, " %s/%s/%u=%.2f", style_names[style],
                                        bri_feature_kind_to_string (kind), i, r[i]);
            }
        }
      g_test_message ("%s style: lowest ratio %.2f", style_names[style], min_ratio);
    }

  if (failures->len > 0)
    g_error ("below %.0f:1:%s", MIN_CONTRAST, failures->str);
  g_string_free (failures, TRUE);
}

/* The paper under and between the colours stands out from the map too,
 * or a marker's disc and a road's casing would merge with it. */
static void
test_paper_sets_symbols_off (void)
{
  for (BriTileStyle style = BRI_TILE_STYLE_LIGHT; style <= BRI_TILE_STYLE_DARK; style++)
    {
      BriRgba paper;
      BriTileColor p;

      bri_feature_style_get_paper (style, &paper);
      p = (BriTileColor) { paper.red, paper.green, paper.blue };
      /* An exact site's symbol is paper on the kind's colour. */
      for (BriFeatureKind kind = 0; kind < BRI_FEATURE_N_KINDS; kind++)
        {
          BriRgba colour;
          BriTileColor c;

          bri_feature_style_get_color (kind, style, &colour);
          c = (BriTileColor) { colour.red, colour.green, colour.blue };
          g_test_message ("%s style: %s on paper %.2f", style_names[style],
                          bri_feature_kind_to_string (kind), contrast (&c, &p));
          g_assert_cmpfloat (contrast (&c, &p), >=, MIN_CONTRAST);
        }
    }
}

/* Pixels of @surface that stand out from @ground by 3:1. */
static guint
count_contrasting (cairo_surface_t    *surface,
                   const BriTileColor *ground)
{
  const guchar *data;
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = *(const guint32 *) (gconstpointer) (data + y * stride + 4 * x);
        BriTileColor c = { ((px >> 16) & 0xff) / 255.0, ((px >> 8) & 0xff) / 255.0, (px & 0xff) / 255.0 };

        n += contrast (&c, ground) >= MIN_CONTRAST;
      }

  return n;
}

/* Each kind's legend symbol, exact, town-level and schematic, drawn as
 * the legends draw it (32 × 18) on the dark legend's card: the exported
 * legend's (the dark palette's halo) and the window's. */
static void
test_dark_legend_symbols_show (void)
{
  const BriTileColor *grounds[] = {
    &bri_tile_style_get_palette (BRI_TILE_STYLE_DARK)->label_halo,
    &adw_dark_view,
  };
  const int w = 32, h = 18, pad = 4;
  cairo_surface_t *sheet = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 3 * (w + pad) * 2,
                                                        BRI_FEATURE_N_KINDS * (h + pad));
  cairo_t *sheet_cr = cairo_create (sheet);

  for (guint g = 0; g < G_N_ELEMENTS (grounds); g++)
    for (BriFeatureKind kind = 0; kind < BRI_FEATURE_N_KINDS; kind++)
      for (BriPrecision precision = BRI_PRECISION_EXACT; precision <= BRI_PRECISION_SCHEMATIC; precision++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
          cairo_t *cr = cairo_create (surface);
          guint n;

          cairo_set_source_rgb (cr, grounds[g]->red, grounds[g]->green, grounds[g]->blue);
          cairo_paint (cr);
          bri_feature_style_draw_legend_symbol (cr, kind, precision, BRI_TILE_STYLE_DARK, w, h);
          n = count_contrasting (surface, grounds[g]);
          g_test_message ("dark legend %u: %s, precision %d: %u pixels at 3:1",
                          g, bri_feature_kind_to_string (kind), precision, n);
          /* The thinnest sample, the pipeline's dots, shows about 24
           * pixels; the symbol on a light card showed none. */
          g_assert_cmpuint (n, >=, 20);

          cairo_set_source_surface (sheet_cr, surface,
                                    ((g * 3) + precision) * (w + pad), kind * (h + pad));
          cairo_paint (sheet_cr);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }

  pdf_test_keep_png (sheet, "legend-symbols-dark.png");
  cairo_destroy (sheet_cr);
  cairo_surface_destroy (sheet);
}

int
main (int   argc,
      char *argv[])
{
  /* Only cairo: no display needed. */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/contrast/table", test_contrast_table);
  g_test_add_func ("/bri/contrast/paper", test_paper_sets_symbols_off);
  g_test_add_func ("/bri/contrast/dark-legend-symbols", test_dark_legend_symbols_show);

  return g_test_run ();
}
