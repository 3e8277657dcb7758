/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports: which format a name or a file's extension means, the map as a
 * PNG (at any scale), an SVG or a one-page PDF, and the atomic write that
 * puts every export on disk — written beside the file and renamed over
 * it, so a failed export never leaves half a file. */

#define G_LOG_DOMAIN "bri-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <zlib.h>

#include "bri-export.h"
#include "bri-render-text.h"

G_DEFINE_QUARK (bri-export-error-quark, bri_export_error)

static const struct
{
  const char *name;
  const char *extension;
  const char *mime_type;
} formats[] = {
  [BRI_EXPORT_FORMAT_PNG] = { "png", "png", "image/png" },
  [BRI_EXPORT_FORMAT_SVG] = { "svg", "svg", "image/svg+xml" },
  [BRI_EXPORT_FORMAT_PDF] = { "pdf", "pdf", "application/pdf" },
  [BRI_EXPORT_FORMAT_GEOJSON] = { "geojson", "geojson", "application/geo+json" },
  [BRI_EXPORT_FORMAT_KML] = { "kml", "kml", "application/vnd.google-earth.kml+xml" },
  [BRI_EXPORT_FORMAT_CSV] = { "csv", "csv", "text/csv" },
  [BRI_EXPORT_FORMAT_MARKDOWN] = { "markdown", "md", "text/markdown" },
};

/**
 * bri_export_format_from_name:
 * @name: "png", "svg", "pdf", "geojson", "kml", "csv" or "markdown" (or
 *   "md"), in any case
 *
 * Returns: whether @name is a format
 */
gboolean
bri_export_format_from_name (const char      *name,
                             BriExportFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0 ||
        g_ascii_strcasecmp (name, formats[i].extension) == 0)
      {
        *format = i;
        return TRUE;
      }

  /* What other programs save GeoJSON as. */
  if (g_ascii_strcasecmp (name, "json") == 0)
    {
      *format = BRI_EXPORT_FORMAT_GEOJSON;
      return TRUE;
    }

  return FALSE;
}

/**
 * bri_export_format_from_path:
 *
 * Returns: whether the extension of @path names a format
 */
gboolean
bri_export_format_from_path (const char      *path,
                             BriExportFormat *format)
{
  g_autofree char *base = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  return dot != NULL && bri_export_format_from_name (dot + 1, format);
}

const char *
bri_export_format_get_extension (BriExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);

  return formats[format].extension;
}

const char *
bri_export_format_get_mime_type (BriExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);

  return formats[format].mime_type;
}

/**
 * bri_export_write:
 *
 * Writes @bytes to @file atomically: into a temporary file beside it,
 * renamed over it once complete.
 *
 * Returns: %FALSE, with @error set, if the file cannot be written (a
 *   folder that does not exist, or is not writable)
 */
gboolean
bri_export_write (GFile         *file,
                  GBytes        *bytes,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gsize size;
  gconstpointer data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  if (!g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, cancellable, error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, _("Cannot write “%s”: "), name);
      return FALSE;
    }

  return TRUE;
}

/* A cairo write function collecting into a GByteArray. */
cairo_status_t
bri_export_append_to_array (void                *closure,
                            const unsigned char *data,
                            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, BRI_EXPORT_ERROR, BRI_EXPORT_ERROR_DRAW,
               _("Cannot draw the map: %s"), cairo_status_to_string (status));
  return FALSE;
}

/* PNG */

static void
png_chunk (GByteArray   *out,
           const char   *type,
           const guint8 *data,
           gsize         length)
{
  guint32 be_length = GUINT32_TO_BE ((guint32) length);
  guint32 crc = crc32 (0L, (const Bytef *) type, 4);
  guint32 be_crc;

  if (length > 0)
    crc = crc32 (crc, data, length);
  be_crc = GUINT32_TO_BE (crc);
  g_byte_array_append (out, (const guint8 *) &be_length, 4);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (out, data, length);
  g_byte_array_append (out, (const guint8 *) &be_crc, 4);
}

/**
 * bri_export_encode_png:
 * @surface: an ARGB32 image surface
 *
 * The image as a PNG, compressed for speed: cairo's own writer uses
 * zlib's default level, and spends on a 4096-pixel map as long as the
 * drawing takes, for a file a tenth smaller.  An opaque image (a map
 * always is) is written as RGB.
 *
 * Returns: (transfer full): the PNG file
 */
GBytes *
bri_export_encode_png (cairo_surface_t *surface)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *pixels;
  gboolean opaque = TRUE;
  guint channels;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  g_autofree guint8 *row = NULL;
  guint8 ihdr[13];
  guint8 buffer[65536];
  z_stream z = { 0, };
  int flush, status;

  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height && opaque; y++)
    for (int x = 0; x < width && opaque; x++)
      opaque = (*(const guint32 *) (pixels + (gsize) y * stride + 4 * x) >> 24) == 0xff;
  channels = opaque ? 3 : 4;

  *(guint32 *) ihdr = GUINT32_TO_BE ((guint32) width);
  *(guint32 *) (ihdr + 4) = GUINT32_TO_BE ((guint32) height);
  ihdr[8] = 8;                  /* bits per channel */
  ihdr[9] = opaque ? 2 : 6;     /* RGB or RGBA */
  ihdr[10] = ihdr[11] = ihdr[12] = 0;

  status = deflateInit (&z, 1);
  g_assert (status == Z_OK);
  row = g_malloc (1 + (gsize) width * channels);
  for (int y = 0; y < height; y++)
    {
      const guint32 *src = (const guint32 *) (pixels + (gsize) y * stride);
      guint8 *p = row + 1;

      /* Filter "Sub": each byte less the one a pixel to its left, which
       * leaves a map's even areas as runs of zeros. */
      row[0] = 1;
      for (int x = 0; x < width; x++, p += channels)
        {
          guint32 v = src[x];
          guint a = v >> 24;
          guint r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;

          /* Cairo premultiplies alpha; PNG does not. */
          if (a != 0xff && a != 0)
            {
              r = (r * 255 + a / 2) / a;
              g = (g * 255 + a / 2) / a;
              b = (b * 255 + a / 2) / a;
            }
          p[0] = r;
          p[1] = g;
          p[2] = b;
          if (channels == 4)
            p[3] = a;
        }
      for (gsize i = 1 + (gsize) width * channels - 1; i > channels; i--)
        row[i] -= row[i - channels];

      z.next_in = row;
      z.avail_in = 1 + (gsize) width * channels;
      flush = y + 1 == height ? Z_FINISH : Z_NO_FLUSH;
      do
        {
          z.next_out = buffer;
          z.avail_out = sizeof buffer;
          deflate (&z, flush);
          g_byte_array_append (idat, buffer, sizeof buffer - z.avail_out);
        }
      while (z.avail_out == 0);
    }
  deflateEnd (&z);

  g_byte_array_append (out, signature, sizeof signature);
  png_chunk (out, "IHDR", ihdr, sizeof ihdr);
  png_chunk (out, "IDAT", idat->data, idat->len);
  png_chunk (out, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * bri_export_map_image:
 * @scale: image pixels per map pixel: 2 for a 2× image
 *
 * Draws the map into an image of @view's size times @scale.
 *
 * Returns: (transfer full): an ARGB32 image surface, or %NULL with @error set
 */
cairo_surface_t *
bri_export_map_image (BriMapRenderer         *renderer,
                      const BriRenderView    *view,
                      const BriRenderOptions *options,
                      double                  scale,
                      GError                **error)
{
  BriRenderOptions raster;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  gboolean ok;

  g_return_val_if_fail (BRI_IS_MAP_RENDERER (renderer), NULL);
  g_return_val_if_fail (view != NULL && options != NULL, NULL);

  width = ceil (view->width * scale);
  height = ceil (view->height * scale);
  if (!(scale > 0) || width < 1 || height < 1 ||
      width > BRI_EXPORT_MAX_PIXELS || height > BRI_EXPORT_MAX_PIXELS)
    {
      g_set_error (error, BRI_EXPORT_ERROR, BRI_EXPORT_ERROR_SIZE,
                   _("An image of %.0f × %.0f pixels cannot be made: each side must be from 1 to %d pixels"),
                   width, height, BRI_EXPORT_MAX_PIXELS);
      return NULL;
    }

  raster = *options;
  raster.detail = scale;
  /* Images of markers and names are drawn for whole scales only. */
  raster.vector = options->vector || scale != floor (scale);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  if (!check_status (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  ok = bri_map_renderer_draw (renderer, cr, view, &raster, error);
  if (ok)
    ok = check_status (cairo_status (cr), error);
  cairo_destroy (cr);

  if (!ok)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cairo_surface_flush (surface);
  return surface;
}

/* Cairo writes an SVG's words as shapes; the recorder caught them as
 * text, which goes in last, on top, before the closing tag. */
static GBytes *
splice_svg_text (GByteArray      *svg,
                 BriTextRecorder *recorder)
{
  g_autofree char *text = bri_text_recorder_to_svg (recorder);
  GString *out = g_string_new_len ((const char *) svg->data, svg->len);
  const char *close = g_strrstr (out->str, "</svg>");

  g_assert (close != NULL);
  g_string_insert (out, close - out->str, text);
  return g_string_free_to_bytes (out);
}

/**
 * bri_export_map:
 * @format: PNG, SVG or PDF
 * @scale: for a PNG, image pixels per map pixel; ignored otherwise (an
 *   SVG is in map pixels, a PDF in points, ¾ of a map pixel each)
 *
 * The map of @view, in @format.  SVG and PDF stay vector: paths for the
 * outlines, features and markers, text for every word.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
bri_export_map (BriMapRenderer         *renderer,
                const BriRenderView    *view,
                const BriRenderOptions *options,
                BriExportFormat         format,
                double                  scale,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(BriTextRecorder) recorder = bri_text_recorder_new ();
  BriRenderOptions vector;
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (BRI_IS_MAP_RENDERER (renderer), NULL);
  g_return_val_if_fail (view != NULL && options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (format == BRI_EXPORT_FORMAT_PNG)
    {
      GBytes *png;

      surface = bri_export_map_image (renderer, view, options, scale, error);
      if (surface == NULL)
        return NULL;
      png = bri_export_encode_png (surface);
      cairo_surface_destroy (surface);
      return png;
    }

  if (format != BRI_EXPORT_FORMAT_SVG && format != BRI_EXPORT_FORMAT_PDF)
    {
      g_set_error (error, BRI_EXPORT_ERROR, BRI_EXPORT_ERROR_FORMAT,
                   _("A map is exported as PNG, SVG or PDF, not as %s"),
                   bri_export_format_get_extension (format));
      return NULL;
    }

  vector = *options;
  vector.vector = TRUE;
  vector.detail = BRI_RENDER_PRINT_DETAIL;

  if (format == BRI_EXPORT_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (bri_export_append_to_array, out,
                                                     view->width, view->height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    {
      surface = cairo_pdf_surface_create_for_stream (bri_export_append_to_array, out,
                                                     view->width * BRI_RENDER_POINTS_PER_PIXEL,
                                                     view->height * BRI_RENDER_POINTS_PER_PIXEL);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "BriAtlas " PACKAGE_VERSION);
      if (options->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, options->title);
    }

  cr = cairo_create (surface);
  if (format == BRI_EXPORT_FORMAT_PDF)
    cairo_scale (cr, BRI_RENDER_POINTS_PER_PIXEL, BRI_RENDER_POINTS_PER_PIXEL);
  else
    bri_text_recorder_attach (recorder, cr);
  ok = bri_map_renderer_draw (renderer, cr, view, &vector, error);
  if (ok)
    ok = check_status (cairo_status (cr), error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (ok)
    ok = check_status (cairo_surface_status (surface), error);
  cairo_surface_destroy (surface);

  if (!ok)
    return NULL;

  if (format == BRI_EXPORT_FORMAT_SVG)
    return splice_svg_text (out, recorder);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
