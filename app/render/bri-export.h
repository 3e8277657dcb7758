/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What BriAtlas writes out: the formats, their errors, the atomic write
 * every export ends with, and the map as PNG, SVG or PDF. */
#pragma once

#include <gio/gio.h>

#include "bri-map-renderer.h"

G_BEGIN_DECLS

#define BRI_EXPORT_ERROR (bri_export_error_quark ())

typedef enum
{
  BRI_EXPORT_ERROR_FORMAT,     /* a format this export does not write */
  BRI_EXPORT_ERROR_SIZE,       /* an image too large, or of no size */
  BRI_EXPORT_ERROR_DRAW,       /* cairo failed */
  BRI_EXPORT_ERROR_NOT_FOUND,  /* no such tour, country or feature */
} BriExportError;

GQuark bri_export_error_quark (void);

/* How far a long export has come, from 0 to 1. */
typedef void (*BriProgressFunc) (double   fraction,
                                 gpointer user_data);

typedef enum
{
  BRI_EXPORT_FORMAT_PNG,
  BRI_EXPORT_FORMAT_SVG,
  BRI_EXPORT_FORMAT_PDF,
  BRI_EXPORT_FORMAT_GEOJSON,
  BRI_EXPORT_FORMAT_KML,
  BRI_EXPORT_FORMAT_CSV,
  BRI_EXPORT_FORMAT_MARKDOWN,
} BriExportFormat;

/* The largest side of a PNG, in pixels: 16384² is already 1 GB. */
#define BRI_EXPORT_MAX_PIXELS 16384

gboolean         bri_export_format_from_name     (const char             *name,
                                                  BriExportFormat        *format);
gboolean         bri_export_format_from_path     (const char             *path,
                                                  BriExportFormat        *format);
const char      *bri_export_format_get_extension (BriExportFormat         format);
const char      *bri_export_format_get_mime_type (BriExportFormat         format);

gboolean         bri_export_write                (GFile                  *file,
                                                  GBytes                 *bytes,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
cairo_status_t   bri_export_append_to_array      (void                   *closure,
                                                  const unsigned char    *data,
                                                  unsigned int            length);

GBytes          *bri_export_map                  (BriMapRenderer         *renderer,
                                                  const BriRenderView    *view,
                                                  const BriRenderOptions *options,
                                                  BriExportFormat         format,
                                                  double                  scale,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
cairo_surface_t *bri_export_map_image            (BriMapRenderer         *renderer,
                                                  const BriRenderView    *view,
                                                  const BriRenderOptions *options,
                                                  double                  scale,
                                                  GError                **error);
GBytes          *bri_export_encode_png           (cairo_surface_t        *surface);

G_END_DECLS
