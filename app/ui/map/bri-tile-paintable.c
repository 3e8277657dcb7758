/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriTilePaintable: the texture holds the tile plus @bleed pixels of its
 * neighbours on every side (see bri_tile_renderer_render_with_bleed()).
 * Its intrinsic size is the tile's alone; when snapshotted it draws the
 * whole texture, so the bleed spills over the neighbouring tiles. GSK's
 * cairo renderer scales tiles to fractional positions between zoom levels
 * and would otherwise let the background show through a hairline at every
 * tile edge; the overlap shows the same map, so it cannot be seen. */

#define G_LOG_DOMAIN "bri-tiles"

#include "config.h"

#include "bri-tile-paintable.h"

struct _BriTilePaintable
{
  GObject     parent_instance;

  GdkTexture *texture;
  guint       bleed;
};

static void paintable_iface_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BriTilePaintable, bri_tile_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, paintable_iface_init))

static int
inner_width (BriTilePaintable *self)
{
  return gdk_texture_get_width (self->texture) - 2 * (int) self->bleed;
}

static int
inner_height (BriTilePaintable *self)
{
  return gdk_texture_get_height (self->texture) - 2 * (int) self->bleed;
}

static void
bri_tile_paintable_snapshot (GdkPaintable *paintable,
                             GdkSnapshot  *snapshot,
                             double        width,
                             double        height)
{
  BriTilePaintable *self = BRI_TILE_PAINTABLE (paintable);
  double sx = width / inner_width (self);
  double sy = height / inner_height (self);

  gtk_snapshot_append_texture (GTK_SNAPSHOT (snapshot), self->texture,
                               &GRAPHENE_RECT_INIT (-(float) (self->bleed * sx),
                                                    -(float) (self->bleed * sy),
                                                    (float) (gdk_texture_get_width (self->texture) * sx),
                                                    (float) (gdk_texture_get_height (self->texture) * sy)));
}

static int
bri_tile_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  return inner_width (BRI_TILE_PAINTABLE (paintable));
}

static int
bri_tile_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  return inner_height (BRI_TILE_PAINTABLE (paintable));
}

static GdkPaintableFlags
bri_tile_paintable_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static void
paintable_iface_init (GdkPaintableInterface *iface)
{
  iface->snapshot = bri_tile_paintable_snapshot;
  iface->get_intrinsic_width = bri_tile_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = bri_tile_paintable_get_intrinsic_height;
  iface->get_flags = bri_tile_paintable_get_flags;
}

static void
bri_tile_paintable_finalize (GObject *object)
{
  BriTilePaintable *self = BRI_TILE_PAINTABLE (object);

  g_clear_object (&self->texture);

  G_OBJECT_CLASS (bri_tile_paintable_parent_class)->finalize (object);
}

static void
bri_tile_paintable_class_init (BriTilePaintableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bri_tile_paintable_finalize;
}

static void
bri_tile_paintable_init (BriTilePaintable *self)
{
}

/**
 * bri_tile_paintable_new:
 * @texture: the tile with @bleed extra pixels on each side
 * @bleed: the width of the border that belongs to the neighbours
 *
 * Returns: (transfer full): a paintable of the tile's own size
 */
BriTilePaintable *
bri_tile_paintable_new (GdkTexture *texture,
                        guint       bleed)
{
  BriTilePaintable *self;

  g_return_val_if_fail (GDK_IS_TEXTURE (texture), NULL);
  g_return_val_if_fail (gdk_texture_get_width (texture) > 2 * (int) bleed, NULL);
  g_return_val_if_fail (gdk_texture_get_height (texture) > 2 * (int) bleed, NULL);

  self = g_object_new (BRI_TYPE_TILE_PAINTABLE, NULL);
  self->texture = g_object_ref (texture);
  self->bleed = bleed;
  return self;
}

GdkTexture *
bri_tile_paintable_get_texture (BriTilePaintable *self)
{
  g_return_val_if_fail (BRI_IS_TILE_PAINTABLE (self), NULL);
  return self->texture;
}

guint
bri_tile_paintable_get_bleed (BriTilePaintable *self)
{
  g_return_val_if_fail (BRI_IS_TILE_PAINTABLE (self), 0);
  return self->bleed;
}
