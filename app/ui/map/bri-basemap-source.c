/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriBasemapSource: fills libshumate's tiles from BriTileRenderer.
 *
 * A tile is drawn on a worker thread with cairo only; back on the main
 * thread its pixels become a texture and the tile is marked done. The
 * source counts the tiles in flight ("pending-tiles"), because
 * ShumateMap:state never changes in libshumate 1.0: a benchmark or a test
 * waits for the count to fall to zero to know the visible map is drawn.
 *
 * The style is part of the source's id, which keys libshumate's memory
 * cache: after set_dark() the map view must give the map a new
 * ShumateMapLayer (a layer's source is fixed at construction), whose tiles
 * are then all drawn in the new style.
 *
 * Textures are as many times larger than the tile as the screen's scale
 * factor, which the map view passes on (with a new layer when it changes):
 * that is sharp, and anything larger only costs time and memory.  On a
 * scale 1 screen 512 px textures cost four times the pixels to draw and to
 * keep, and GTK 4.8's cairo renderer converts every texture it shows on
 * every frame. */

#define G_LOG_DOMAIN "bri-tiles"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-basemap-source.h"
#include "bri-tile-paintable.h"
#include "bri-tile-renderer.h"

struct _BriBasemapSource
{
  ShumateMapSource  parent_instance;

  BriTileRenderer  *renderer;
  gboolean          dark;
  int               scale_factor;
  guint             pending_tiles;
};

G_DEFINE_FINAL_TYPE (BriBasemapSource, bri_basemap_source, SHUMATE_TYPE_MAP_SOURCE)

enum {
  PROP_0,
  PROP_DARK,
  PROP_SCALE_FACTOR,
  PROP_PENDING_TILES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker needs, copied on the main thread: the worker never
 * touches the ShumateTile, which is not thread-safe.  It adds the size of
 * the picture it returns. */
typedef struct
{
  BriTileRenderer *renderer;
  ShumateTile     *tile;
  guint            zoom;
  guint            x;
  guint            y;
  guint            size;
  guint            bleed;
  BriTileStyle     style;
  int              width;
  int              height;
} TileJob;

static void
tile_job_free (TileJob *job)
{
  g_clear_object (&job->renderer);
  g_clear_object (&job->tile);
  g_free (job);
}

static void
set_pending_tiles (BriBasemapSource *self,
                   guint             pending)
{
  if (self->pending_tiles == pending)
    return;

  self->pending_tiles = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_TILES]);
}

/* GTK 4.8's cairo renderer converts each texture it draws to cairo's
 * format on every frame: from the 4-byte formats, its own included,
 * through floats; from 3-byte RGB ten times faster.  Tiles are opaque, so
 * the alpha byte goes (a quarter less memory, too). */
static GBytes *
pack_opaque (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *pixels;
  guchar *data, *out;

  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  data = out = g_malloc ((gsize) width * height * 3);
  for (int y = 0; y < height; y++)
    {
      /* Native-endian ARGB to the bytes B, G, R. */
      const guint32 *row = (const guint32 *) (pixels + (gsize) y * stride);

      for (int x = 0; x < width; x++, out += 3)
        {
          out[0] = row[x] & 0xff;
          out[1] = (row[x] >> 8) & 0xff;
          out[2] = (row[x] >> 16) & 0xff;
        }
    }

  return g_bytes_new_take (data, (gsize) width * height * 3);
}

static void
render_tile_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  TileJob *job = task_data;
  GError *error = NULL;
  cairo_surface_t *surface;

  /* The map drops tiles it scrolled past before they are drawn. */
  if (g_task_return_error_if_cancelled (task))
    return;

  surface = bri_tile_renderer_render_with_bleed (job->renderer, job->zoom, job->x, job->y,
                                                 job->size, job->bleed, job->style, &error);
  if (surface == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  job->width = cairo_image_surface_get_width (surface);
  job->height = cairo_image_surface_get_height (surface);
  g_task_return_pointer (task, pack_opaque (surface), (GDestroyNotify) g_bytes_unref);
  cairo_surface_destroy (surface);
}

static void
on_tile_rendered_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  BriBasemapSource *self = BRI_BASEMAP_SOURCE (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(BriTilePaintable) paintable = NULL;
  TileJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GBytes) pixels = NULL;

  pixels = g_task_propagate_pointer (G_TASK (result), &error);
  if (pixels == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not draw tile %u/%u/%u: %s", job->zoom, job->x, job->y, error->message);
      set_pending_tiles (self, self->pending_tiles - 1);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  texture = gdk_memory_texture_new (job->width, job->height, GDK_MEMORY_B8G8R8, pixels, job->width * 3);
  paintable = bri_tile_paintable_new (texture, job->bleed);
  shumate_tile_set_paintable (job->tile, GDK_PAINTABLE (paintable));
  shumate_tile_set_state (job->tile, SHUMATE_STATE_DONE);

  /* Only now: whoever waits for zero must find every tile painted. */
  set_pending_tiles (self, self->pending_tiles - 1);
  g_task_return_boolean (task, TRUE);
}

static void
bri_basemap_source_fill_tile_async (ShumateMapSource    *source,
                                    ShumateTile         *tile,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  BriBasemapSource *self = BRI_BASEMAP_SOURCE (source);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) render = NULL;
  TileJob *job;
  guint zoom;

  g_return_if_fail (SHUMATE_IS_TILE (tile));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bri_basemap_source_fill_tile_async);

  zoom = shumate_tile_get_zoom_level (tile);
  if (zoom > BRI_TILE_RENDERER_MAX_ZOOM ||
      shumate_tile_get_x (tile) >= (1u << zoom) ||
      shumate_tile_get_y (tile) >= (1u << zoom) ||
      shumate_tile_get_size (tile) == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "No tile %u/%u/%u in the basemap", zoom,
                               shumate_tile_get_x (tile), shumate_tile_get_y (tile));
      return;
    }

  job = g_new0 (TileJob, 1);
  job->renderer = g_object_ref (self->renderer);
  job->tile = g_object_ref (tile);
  job->zoom = zoom;
  job->x = shumate_tile_get_x (tile);
  job->y = shumate_tile_get_y (tile);
  job->size = MIN (shumate_tile_get_size (tile) * self->scale_factor, 2048);
  /* One screen pixel of the neighbouring tiles round each tile. */
  job->bleed = self->scale_factor;
  job->style = self->dark ? BRI_TILE_STYLE_DARK : BRI_TILE_STYLE_LIGHT;

  shumate_tile_set_state (tile, SHUMATE_STATE_LOADING);
  set_pending_tiles (self, self->pending_tiles + 1);

  /* The worker's result comes back to this thread, where the texture is
   * made and the caller's task completed. */
  render = g_task_new (self, cancellable, on_tile_rendered_cb, g_steal_pointer (&task));
  g_task_set_source_tag (render, render_tile_thread);
  g_task_set_task_data (render, job, (GDestroyNotify) tile_job_free);
  g_task_run_in_thread (render, render_tile_thread);
}

static gboolean
bri_basemap_source_fill_tile_finish (ShumateMapSource  *source,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
bri_basemap_source_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BriBasemapSource *self = BRI_BASEMAP_SOURCE (object);

  switch (prop_id)
    {
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;

    case PROP_SCALE_FACTOR:
      g_value_set_int (value, self->scale_factor);
      break;

    case PROP_PENDING_TILES:
      g_value_set_uint (value, self->pending_tiles);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_basemap_source_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BriBasemapSource *self = BRI_BASEMAP_SOURCE (object);

  switch (prop_id)
    {
    case PROP_DARK:
      bri_basemap_source_set_dark (self, g_value_get_boolean (value));
      break;

    case PROP_SCALE_FACTOR:
      bri_basemap_source_set_scale_factor (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* In constructed, not init: ShumateMapSource's properties are construct
 * properties, set to their defaults after init has run. */
static void
bri_basemap_source_constructed (GObject *object)
{
  ShumateMapSource *source = SHUMATE_MAP_SOURCE (object);
  BriBasemapSource *self = BRI_BASEMAP_SOURCE (object);

  G_OBJECT_CLASS (bri_basemap_source_parent_class)->constructed (object);

  shumate_map_source_set_id (source, self->dark ? BRI_BASEMAP_SOURCE_ID_DARK : BRI_BASEMAP_SOURCE_ID);
  shumate_map_source_set_name (source, _("Offline map"));
  /* ShumateLicense shows this text under the map. */
  shumate_map_source_set_license (source, _("Map data: Natural Earth (public domain)"));
  shumate_map_source_set_license_uri (source, "https://www.naturalearthdata.com/about/terms-of-use/");
  shumate_map_source_set_min_zoom_level (source, 0);
  shumate_map_source_set_max_zoom_level (source, BRI_TILE_RENDERER_MAX_ZOOM);
  shumate_map_source_set_tile_size (source, 256);
  shumate_map_source_set_projection (source, SHUMATE_MAP_PROJECTION_MERCATOR);
}

static void
bri_basemap_source_dispose (GObject *object)
{
  BriBasemapSource *self = BRI_BASEMAP_SOURCE (object);

  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (bri_basemap_source_parent_class)->dispose (object);
}

static void
bri_basemap_source_class_init (BriBasemapSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->get_property = bri_basemap_source_get_property;
  object_class->set_property = bri_basemap_source_set_property;
  object_class->constructed = bri_basemap_source_constructed;
  object_class->dispose = bri_basemap_source_dispose;

  source_class->fill_tile_async = bri_basemap_source_fill_tile_async;
  source_class->fill_tile_finish = bri_basemap_source_fill_tile_finish;

  /**
   * BriBasemapSource:dark:
   *
   * Draw new tiles in the dark palette (bind it to AdwStyleManager:dark).
   */
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BriBasemapSource:scale-factor:
   *
   * Texture pixels per tile pixel for new tiles: the map view sets its
   * GtkWidget:scale-factor.
   */
  properties[PROP_SCALE_FACTOR] =
    g_param_spec_int ("scale-factor", NULL, NULL, 1, 8, BRI_BASEMAP_SOURCE_TEXTURE_SCALE,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BriBasemapSource:pending-tiles:
   *
   * Tiles asked for and not yet painted or cancelled.
   */
  properties[PROP_PENDING_TILES] =
    g_param_spec_uint ("pending-tiles", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bri_basemap_source_init (BriBasemapSource *self)
{
  self->renderer = g_object_ref (bri_tile_renderer_get_default ());
  self->scale_factor = BRI_BASEMAP_SOURCE_TEXTURE_SCALE;
}

BriBasemapSource *
bri_basemap_source_new (void)
{
  return g_object_new (BRI_TYPE_BASEMAP_SOURCE, NULL);
}

gboolean
bri_basemap_source_get_dark (BriBasemapSource *self)
{
  g_return_val_if_fail (BRI_IS_BASEMAP_SOURCE (self), FALSE);
  return self->dark;
}

/**
 * bri_basemap_source_set_dark:
 *
 * Switches the palette of the tiles drawn from now on, and the source's
 * id with it, so that no cache hands out a tile of the other style. Tiles
 * already on screen stay as they are: replace the ShumateMapLayer to
 * redraw them.
 */
void
bri_basemap_source_set_dark (BriBasemapSource *self,
                             gboolean          dark)
{
  g_return_if_fail (BRI_IS_BASEMAP_SOURCE (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  shumate_map_source_set_id (SHUMATE_MAP_SOURCE (self),
                             dark ? BRI_BASEMAP_SOURCE_ID_DARK : BRI_BASEMAP_SOURCE_ID);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

int
bri_basemap_source_get_scale_factor (BriBasemapSource *self)
{
  g_return_val_if_fail (BRI_IS_BASEMAP_SOURCE (self), BRI_BASEMAP_SOURCE_TEXTURE_SCALE);
  return self->scale_factor;
}

/**
 * bri_basemap_source_set_scale_factor:
 *
 * Sets how many texture pixels new tiles have per tile pixel.  Tiles
 * already on screen stay as they are: replace the ShumateMapLayer to
 * redraw them.
 */
void
bri_basemap_source_set_scale_factor (BriBasemapSource *self,
                                     int               scale_factor)
{
  g_return_if_fail (BRI_IS_BASEMAP_SOURCE (self));
  g_return_if_fail (scale_factor >= 1 && scale_factor <= 8);

  if (self->scale_factor == scale_factor)
    return;

  self->scale_factor = scale_factor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE_FACTOR]);
}

guint
bri_basemap_source_get_pending_tiles (BriBasemapSource *self)
{
  g_return_val_if_fail (BRI_IS_BASEMAP_SOURCE (self), 0);
  return self->pending_tiles;
}
