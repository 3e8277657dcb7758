/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A country's outline, drawn from the same outlines as the basemap (50m,
 * or 10m from zoom 6, as the tiles under it) with a translucent fill and
 * a line in the highlight colour of the style.  On screen it redraws with
 * every frame of a pan or zoom; the outline builder keeps that cheap by
 * skipping the rings out of view and thinning the rest to what the
 * drawing can show. */

#define G_LOG_DOMAIN "bri-country-outline"

#include "config.h"

#include "bri-country-outline.h"
#include "bri-tile-renderer-private.h"

/* At most this many copies of the world side by side (a wide window at
 * zoom 0). */
#define MAX_WORLD_COPIES 8

/* Never 110m: it lacks the small countries and is too coarse to outline
 * one country on its own. */
static const char *
resolution_for_zoom (double zoom)
{
  return zoom < 6.0 ? "50m" : "10m";
}

/**
 * bri_country_outline_load_outlines:
 * @numeric: an ISO 3166-1 numeric code, or -1 for any country
 * @index: (out): where @numeric is in the outlines, or -1
 *
 * The outlines to use at @zoom; a country too small for 50m is looked
 * for in 10m.
 *
 * Returns: (transfer full) (nullable): the outlines, or %NULL if they
 *   cannot be loaded
 */
BriBasemap *
bri_country_outline_load_outlines (int     numeric,
                                   double  zoom,
                                   int    *index)
{
  BriTileRenderer *renderer = bri_tile_renderer_get_default ();
  const char *resolution = resolution_for_zoom (zoom);

  g_return_val_if_fail (index != NULL, NULL);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BriBasemap) map = bri_tile_renderer_get_basemap (renderer, resolution, &error);

      if (map == NULL)
        {
          g_warning ("Cannot outline country %d: %s", numeric, error->message);
          return NULL;
        }

      *index = numeric >= 0 ? bri_basemap_lookup_country (map, numeric) : -1;
      if (*index >= 0 || numeric < 0 || g_str_equal (resolution, "10m"))
        return g_steal_pointer (&map);
      resolution = "10m";
    }
}

/**
 * bri_country_outline_draw:
 * @t: the view; the drawing covers 2 × @t->half_width by 2 × @t->half_height
 *   pixels from the origin of @cr
 * @numeric: an ISO 3166-1 numeric code
 * @palette: whose highlight colour to draw in
 * @fill_alpha: how strong the wash inside is
 *
 * Returns: whether any of the country was in view
 */
gboolean
bri_country_outline_draw (cairo_t               *cr,
                          const BriMapTransform *t,
                          int                    numeric,
                          const BriTilePalette  *palette,
                          double                 fill_alpha)
{
  g_autoptr(BriBasemap) map = NULL;
  BriOutlineBuilder b;
  double min_x, min_y, max_x, max_y, margin = 4.0;
  int index, first_copy, last_copy;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (t != NULL, FALSE);
  g_return_val_if_fail (palette != NULL, FALSE);

  if (numeric < 0)
    return FALSE;

  map = bri_country_outline_load_outlines (numeric, t->zoom, &index);
  if (map == NULL || index < 0)
    return FALSE;

  /* Build in the unrotated frame centred on the view, and let cairo
   * rotate it with the map. */
  bri_map_transform_get_visible (t, margin, &min_x, &min_y, &max_x, &max_y);
  bri_outline_builder_init (&b, t->center_x / t->world, t->center_y / t->world, t->world,
                            (min_x * t->world) - t->center_x, (min_y * t->world) - t->center_y,
                            (max_x * t->world) - t->center_x, (max_y * t->world) - t->center_y);

  first_copy = (int) floor (min_x);
  last_copy = MIN ((int) floor (max_x), first_copy + MAX_WORLD_COPIES - 1);
  for (int copy = first_copy; copy <= last_copy; copy++)
    {
      b.shift = copy;
      bri_outline_builder_add_country (&b, map, index);
    }

  if (b.points->len == 0)
    {
      bri_outline_builder_clear (&b);
      return FALSE;
    }

  cairo_save (cr);
  cairo_translate (cr, t->half_width, t->half_height);
  cairo_rotate (cr, atan2 (t->sin_r, t->cos_r));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* A light wash keeps the country's features and names readable. */
  cairo_new_path (cr);
  bri_outline_builder_fill (&b, cr, 0, b.points->len);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgba (cr, palette->highlight.red, palette->highlight.green,
                         palette->highlight.blue, fill_alpha);
  cairo_fill (cr);

  cairo_new_path (cr);
  bri_outline_builder_stroke (&b, cr, 0, b.points->len);
  cairo_set_source_rgb (cr, palette->highlight.red, palette->highlight.green,
                        palette->highlight.blue);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);
  cairo_restore (cr);

  bri_outline_builder_clear (&b);
  return TRUE;
}
