/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureLayer: every feature of a model, drawn on the map in one
 * snapshot — no widget per feature, so ten thousand cost what a few do.
 *
 * Features are projected and filed once, in a BriFeatureIndex; a frame
 * asks the index what is in view, strokes all lines of one style as one
 * cairo path, gathers points into clusters at low zoom levels and labels
 * the most important points where their names fit.  The map repeats the
 * world east and west (libshumate wraps its tiles), and so does the layer. */

#define G_LOG_DOMAIN "bri-feature-layer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bri-feature-index.h"
#include "bri-feature-layer.h"
#include "bri-feature-style.h"
#include "bri-geo.h"

/* Below this zoom level, points whose markers would overlap — nearer
 * than CLUSTER_RADIUS_PX — are drawn as one bubble with a count. */
#define CLUSTER_MAX_ZOOM 9.5
#define CLUSTER_RADIUS_PX 24.0

/* Names of points from this zoom level on, at most this many. */
#define LABEL_MIN_ZOOM 5.0
#define MAX_LABELS 80
#define MAX_LABEL_CANDIDATES 400
#define LABEL_CELL_PX 4

/* How near the pointer must be, beyond a marker's rim or from a line. */
#define MARKER_SLACK_PX 2.0
#define LINE_TOLERANCE_PX 7.0

/* Draw what lies this far outside the widget too: wide lines, markers. */
#define CULL_MARGIN_PX 40.0

/* Vertices closer than this to the last one drawn are dropped. */
#define MIN_STEP_PX 0.7

/* Cairo's fixed-point coordinates end at ±8 million pixels, and at high
 * zoom levels a long line reaches further: cut segments at this bound
 * (in widget coordinates, so around the widget). */
#define COORD_LIMIT 1.0e6

typedef struct
{
  guint item;
  int   world;
} Visible;

/* What a frame needs to know of each item, read once per index rather
 * than through the type-checked getters ten thousand times a frame. */
typedef struct
{
  guint8 kind;
  guint8 precision;
  guint8 is_point;
  int    importance;
} ItemInfo;

typedef struct
{
  double   x;           /* widget coordinates */
  double   y;
  guint    item;
  guint    count;       /* points behind the marker */
  gboolean single;      /* one feature: a marker, not a bubble */
  int      importance;
} Marker;

typedef struct
{
  double          width;
  double          height;
  double          zoom;
  double          tile_size;
  double          world_px;
  double          cx;       /* the centre, normalized */
  double          cy;
  double          rotation;
  double          cos_r;
  double          sin_r;
  BriFeatureBox   box;      /* what is in view, with a margin */
} View;

typedef struct
{
  BriFeature *feature;   /* NULL for a bubble of several */
  guint       count;
  double      x;         /* where the bubble is, normalized */
  double      y;
} Hit;

struct _BriFeatureLayer
{
  ShumateLayer     parent_instance;

  GListModel      *model;
  BriFeatureIndex *index;
  GArray          *item_info;      /* of ItemInfo, parallel to the index */
  gboolean         index_stale;

  BriFeature      *selected;
  BriFeature      *hovered;
  BriFeatureIndex *lone_index;     /* the selected feature, if not in the model */

  GHashTable      *label_sprites;  /* BriFeature * → LabelSprite */
  GHashTable      *sprites;        /* key → cairo_surface_t */

  /* Scratch space, reused frame after frame. */
  GArray          *line_buckets[BRI_FEATURE_N_KINDS][2];  /* of Visible; [1] schematic */
  GArray          *visible_points;                        /* of Visible */
  GArray          *markers;                               /* of Marker */
  guint8          *occupancy;
  gsize            occupancy_size;
};

G_DEFINE_FINAL_TYPE (BriFeatureLayer, bri_feature_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED,
  PROP_HOVERED,
  N_PROPS
};

enum {
  FEATURE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The view: normalized Web Mercator ↔ widget pixels, as ShumateViewport
 * computes it (rotation about the widget's centre included). */

static void
view_init (BriFeatureLayer *self,
           View            *view)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (viewport);
  double hx, hy;

  view->width = gtk_widget_get_width (GTK_WIDGET (self));
  view->height = gtk_widget_get_height (GTK_WIDGET (self));
  view->zoom = shumate_viewport_get_zoom_level (viewport);
  view->tile_size = source != NULL ? shumate_map_source_get_tile_size (source) : 256.0;
  view->world_px = view->tile_size * exp2 (view->zoom);
  view->cx = bri_geo_lon_to_x (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
  view->cy = bri_geo_lat_to_y (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)));
  view->rotation = shumate_viewport_get_rotation (viewport);
  view->cos_r = cos (view->rotation);
  view->sin_r = sin (view->rotation);

  /* Half the size of the rotated widget's bounding box, on the map. */
  hx = (fabs (view->cos_r) * view->width + fabs (view->sin_r) * view->height) / 2 + CULL_MARGIN_PX;
  hy = (fabs (view->sin_r) * view->width + fabs (view->cos_r) * view->height) / 2 + CULL_MARGIN_PX;
  view->box.x1 = view->cx - hx / view->world_px;
  view->box.x2 = view->cx + hx / view->world_px;
  view->box.y1 = view->cy - hy / view->world_px;
  view->box.y2 = view->cy + hy / view->world_px;
}

static inline void
view_to_widget (const View *view,
                double      x,
                double      y,
                double     *wx,
                double     *wy)
{
  double dx = (x - view->cx) * view->world_px;
  double dy = (y - view->cy) * view->world_px;

  *wx = view->cos_r * dx - view->sin_r * dy + view->width / 2;
  *wy = view->sin_r * dx + view->cos_r * dy + view->height / 2;
}

static inline void
view_from_widget (const View *view,
                  double      wx,
                  double      wy,
                  double     *x,
                  double     *y)
{
  double dx = wx - view->width / 2;
  double dy = wy - view->height / 2;

  *x = view->cx + (view->cos_r * dx + view->sin_r * dy) / view->world_px;
  *y = view->cy + (-view->sin_r * dx + view->cos_r * dy) / view->world_px;
}

static inline gboolean
view_box_contains (const View *view,
                   double      x,
                   double      y)
{
  return x >= view->box.x1 && x <= view->box.x2 && y >= view->box.y1 && y <= view->box.y2;
}

static inline gboolean
view_is_clustering (const View *view)
{
  return view->zoom < CLUSTER_MAX_ZOOM;
}

/* Clusters follow whole zoom levels, so they hold still while the zoom
 * animates between two levels. */
static inline double
view_cluster_radius (const View *view)
{
  return CLUSTER_RADIUS_PX / (view->tile_size * exp2 (round (view->zoom)));
}

/* The index */

static BriFeatureIndex *
ensure_index (BriFeatureLayer *self)
{
  if (self->index_stale || self->index == NULL)
    {
      g_clear_pointer (&self->index, bri_feature_index_unref);
      g_clear_pointer (&self->lone_index, bri_feature_index_unref);
      /* Keyed by features the old index kept alive. */
      g_hash_table_remove_all (self->label_sprites);

      if (self->model != NULL)
        self->index = bri_feature_index_new (self->model);
      else
        {
          g_autoptr(GPtrArray) none = g_ptr_array_new ();

          self->index = bri_feature_index_new_from_array (none);
        }

      g_array_set_size (self->item_info, bri_feature_index_get_n_items (self->index));
      for (guint i = 0; i < self->item_info->len; i++)
        {
          BriFeature *feature = bri_feature_index_get_item (self->index, i);
          ItemInfo *info = &g_array_index (self->item_info, ItemInfo, i);

          info->kind = bri_feature_get_kind (feature);
          info->precision = bri_feature_get_precision (feature);
          info->is_point = bri_feature_index_item_is_point (self->index, i);
          info->importance = bri_feature_style_get_importance (info->kind, info->precision);
        }

      self->index_stale = FALSE;
    }

  return self->index;
}

/* Where the geometry of @feature is: the index, or for a selected feature
 * the model does not hold (filtered out), an index of its own. */
static BriFeatureIndex *
find_geometry (BriFeatureLayer *self,
               BriFeature      *feature,
               guint           *item)
{
  BriFeatureIndex *index = ensure_index (self);

  if (feature == NULL)
    return NULL;

  if (bri_feature_index_find_item (index, feature, item))
    return index;

  if (feature != self->selected)
    return NULL;

  if (self->lone_index == NULL)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, feature);
      self->lone_index = bri_feature_index_new_from_array (one);
    }

  *item = 0;
  return self->lone_index;
}

/* Hit-testing, in the order things are stacked: the selected marker,
 * markers and bubbles, the selected line, other lines. */

static gboolean
hit_points_of (BriFeatureIndex *index,
               guint            item,
               const View      *view,
               double           x,
               double           y,
               double           radius)
{
  for (guint p = 0; p < bri_feature_index_get_n_parts (index, item); p++)
    {
      guint n;
      const BriXY *pt = bri_feature_index_get_part (index, item, p, &n);
      double dx = x - pt->x;

      dx -= round (dx);
      if (hypot (dx, y - pt->y) * view->world_px <= radius)
        return TRUE;
    }

  return FALSE;
}

static gboolean
hit_test (BriFeatureLayer *self,
          double           wx,
          double           wy,
          Hit             *hit)
{
  View view;
  BriFeatureIndex *index;
  BriFeatureIndex *selected_index;
  guint selected_item = 0;
  double x, y;
  guint item;

  view_init (self, &view);
  if (view.width <= 0 || view.height <= 0)
    return FALSE;

  index = ensure_index (self);
  selected_index = find_geometry (self, self->selected, &selected_item);
  view_from_widget (&view, wx, wy, &x, &y);
  memset (hit, 0, sizeof (Hit));

  if (selected_index != NULL &&
      bri_feature_index_item_is_point (selected_index, selected_item) &&
      hit_points_of (selected_index, selected_item, &view, x, y,
                     bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_SELECTED) + MARKER_SLACK_PX))
    {
      hit->feature = self->selected;
      hit->count = 1;
      return TRUE;
    }

  if (view_is_clustering (&view))
    {
      guint n;
      const BriFeatureCluster *clusters = bri_feature_index_get_clusters (index, view_cluster_radius (&view), &n);
      const BriFeatureCluster *best = NULL;
      double best_d = G_MAXDOUBLE;

      for (guint i = 0; i < n; i++)
        {
          const BriFeatureCluster *c = &clusters[i];
          double dx = x - c->x;
          double d, reach;

          dx -= round (dx);
          d = hypot (dx, y - c->y) * view.world_px;
          reach = (c->single_item ? bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_NORMAL)
                                  : bri_feature_style_get_cluster_radius (c->n_members)) + MARKER_SLACK_PX;
          if (d <= reach && d < best_d)
            {
              best = c;
              best_d = d;
            }
        }

      if (best != NULL)
        {
          hit->feature = best->single_item ? bri_feature_index_get_item (index, best->item) : NULL;
          hit->count = best->n_members;
          hit->x = best->x;
          hit->y = best->y;
          return TRUE;
        }
    }
  else if (bri_feature_index_pick_full (index, x, y, view.world_px,
                                        bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_NORMAL) + MARKER_SLACK_PX,
                                        BRI_FEATURE_PICK_POINTS, &item, NULL))
    {
      hit->feature = bri_feature_index_get_item (index, item);
      hit->count = 1;
      return TRUE;
    }

  if (selected_index != NULL &&
      !bri_feature_index_item_is_point (selected_index, selected_item) &&
      bri_feature_index_pick_full (selected_index, x, y, view.world_px, LINE_TOLERANCE_PX,
                                   BRI_FEATURE_PICK_LINES, NULL, NULL))
    {
      hit->feature = self->selected;
      hit->count = 1;
      return TRUE;
    }

  if (bri_feature_index_pick_full (index, x, y, view.world_px, LINE_TOLERANCE_PX,
                                   BRI_FEATURE_PICK_LINES, &item, NULL))
    {
      hit->feature = bri_feature_index_get_item (index, item);
      hit->count = 1;
      return TRUE;
    }

  return FALSE;
}

/* Drawing lines */

/* Liang–Barsky against a rectangle. */
static gboolean
clip_segment (double   *ax,
              double   *ay,
              double   *bx,
              double   *by,
              double    x1,
              double    y1,
              double    x2,
              double    y2,
              gboolean *b_clipped)
{
  double t0 = 0.0, t1 = 1.0;
  double dx = *bx - *ax, dy = *by - *ay;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *ax - x1, x2 - *ax, *ay - y1, y2 - *ay };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0.0)
        {
          if (q[i] < 0.0)
            return FALSE;
          continue;
        }

      if (p[i] < 0.0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
    }

  if (t0 > t1)
    return FALSE;

  *b_clipped = t1 < 1.0;
  *bx = *ax + t1 * dx;
  *by = *ay + t1 * dy;
  *ax = *ax + t0 * dx;
  *ay = *ay + t0 * dy;

  return TRUE;
}

/* Adds one part to the path, in widget coordinates: transforming here
 * rather than through cairo's matrix saves a matrix product per vertex. */
static void
path_add_part (cairo_t     *cr,
               const View  *view,
               const BriXY *pts,
               guint        n,
               double       shift)
{
  double w = view->world_px;
  double px = 0, py = 0;
  double lx = 0, ly = 0;
  gboolean pen = FALSE;

  for (guint i = 0; i < n; i++)
    {
      double dx = (pts[i].x + shift - view->cx) * w;
      double dy = (pts[i].y - view->cy) * w;
      double x = view->cos_r * dx - view->sin_r * dy + view->width / 2;
      double y = view->sin_r * dx + view->cos_r * dy + view->height / 2;

      if (i > 0)
        {
          if (fabs (x) < COORD_LIMIT && fabs (y) < COORD_LIMIT &&
              fabs (px) < COORD_LIMIT && fabs (py) < COORD_LIMIT)
            {
              if (!pen)
                {
                  cairo_move_to (cr, px, py);
                  lx = px;
                  ly = py;
                  pen = TRUE;
                }

              if (i == n - 1 || fabs (x - lx) + fabs (y - ly) >= MIN_STEP_PX)
                {
                  cairo_line_to (cr, x, y);
                  lx = x;
                  ly = y;
                }
            }
          else
            {
              double ax = px, ay = py, bx = x, by = y;
              gboolean b_clipped = FALSE;

              if (clip_segment (&ax, &ay, &bx, &by, -COORD_LIMIT, -COORD_LIMIT,
                                COORD_LIMIT, COORD_LIMIT, &b_clipped))
                {
                  if (!pen || ax != px || ay != py)
                    cairo_move_to (cr, ax, ay);
                  cairo_line_to (cr, bx, by);
                  lx = bx;
                  ly = by;
                  pen = !b_clipped;
                }
              else
                pen = FALSE;
            }
        }

      px = x;
      py = y;
    }
}

static void
path_add_item (cairo_t         *cr,
               const View      *view,
               BriFeatureIndex *index,
               guint            item,
               int              world)
{
  for (guint p = 0; p < bri_feature_index_get_n_parts (index, item); p++)
    {
      guint n;
      const BriXY *pts = bri_feature_index_get_part (index, item, p, &n);

      path_add_part (cr, view, pts, n, world);
    }
}

typedef struct
{
  BriFeatureLayer *self;
  BriFeatureIndex *index;
  const View      *view;
  gboolean         clustering;
} Collect;

static void
collect_visible (guint    item,
                 int      world,
                 gpointer user_data)
{
  Collect *c = user_data;
  Visible v = { item, world };
  const ItemInfo *info = &g_array_index (c->self->item_info, ItemInfo, item);
  BriFeatureBox box;

  if (info->is_point)
    {
      if (!c->clustering)
        g_array_append_val (c->self->visible_points, v);
      return;
    }

  /* A line smaller than a pixel is not worth a stroke. */
  bri_feature_index_get_item_box (c->index, item, &box);
  if ((box.x2 - box.x1) * c->view->world_px < MIN_STEP_PX &&
      (box.y2 - box.y1) * c->view->world_px < MIN_STEP_PX)
    return;

  g_array_append_val (c->self->line_buckets[info->kind][info->precision == BRI_PRECISION_SCHEMATIC], v);
}

static void
draw_highlighted_line (BriFeatureLayer *self,
                       cairo_t         *cr,
                       const View      *view,
                       BriFeature      *feature,
                       BriFeatureState  state)
{
  BriFeatureIndex *index;
  guint item;

  index = find_geometry (self, feature, &item);
  if (index == NULL || bri_feature_index_item_is_point (index, item))
    return;

  cairo_new_path (cr);
  for (int world = (int) floor (view->box.x1); world <= (int) floor (view->box.x2); world++)
    path_add_item (cr, view, index, item, world);

  bri_feature_style_stroke_path (cr, bri_feature_get_kind (feature),
                                 bri_feature_get_precision (feature), state);
}

static void
draw_lines (BriFeatureLayer *self,
            cairo_t         *cr,
            const View      *view)
{
  BriFeatureIndex *index = self->index;
  const BriFeatureKind *order;
  guint n_kinds;

  order = bri_feature_style_get_line_order (&n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    for (guint schematic = 0; schematic < 2; schematic++)
      {
        GArray *bucket = self->line_buckets[order[k]][schematic];
        gboolean any = FALSE;

        if (bucket->len == 0)
          continue;

        cairo_new_path (cr);
        for (guint i = 0; i < bucket->len; i++)
          {
            const Visible *v = &g_array_index (bucket, Visible, i);
            BriFeature *feature = bri_feature_index_get_item (index, v->item);

            /* Drawn last, on top. */
            if (feature == self->selected || feature == self->hovered)
              continue;

            path_add_item (cr, view, index, v->item, v->world);
            any = TRUE;
          }

        if (any)
          bri_feature_style_stroke_path (cr, order[k],
                                         schematic ? BRI_PRECISION_SCHEMATIC : BRI_PRECISION_EXACT,
                                         BRI_FEATURE_STATE_NORMAL);
        else
          cairo_new_path (cr);
      }

  if (self->hovered != NULL && self->hovered != self->selected)
    draw_highlighted_line (self, cr, view, self->hovered, BRI_FEATURE_STATE_HOVERED);
  if (self->selected != NULL)
    draw_highlighted_line (self, cr, view, self->selected, BRI_FEATURE_STATE_SELECTED);
}

/* Drawing points */

static int
compare_markers (gconstpointer a,
                 gconstpointer b)
{
  const Marker *ma = a, *mb = b;

  /* Bubbles over markers; among markers, the important ones on top. */
  if (ma->single != mb->single)
    return ma->single ? -1 : 1;
  if (ma->importance != mb->importance)
    return ma->importance < mb->importance ? -1 : 1;
  return ma->item < mb->item ? -1 : ma->item > mb->item;
}

static void
add_marker (BriFeatureLayer *self,
            const View      *view,
            double           x,
            double           y,
            guint            item,
            guint            count,
            gboolean         single)
{
  Marker m;

  view_to_widget (view, x, y, &m.x, &m.y);
  m.item = item;
  m.count = count;
  m.single = single;
  m.importance = single ? g_array_index (self->item_info, ItemInfo, item).importance : 0;
  g_array_append_val (self->markers, m);
}

static void
gather_markers (BriFeatureLayer *self,
                const View      *view)
{
  BriFeatureIndex *index = self->index;

  g_array_set_size (self->markers, 0);

  if (view_is_clustering (view))
    {
      guint n;
      const BriFeatureCluster *clusters = bri_feature_index_get_clusters (index, view_cluster_radius (view), &n);

      for (int world = (int) floor (view->box.x1); world <= (int) floor (view->box.x2); world++)
        for (guint i = 0; i < n; i++)
          if (view_box_contains (view, clusters[i].x + world, clusters[i].y))
            add_marker (self, view, clusters[i].x + world, clusters[i].y,
                        clusters[i].item, clusters[i].n_members, clusters[i].single_item);
    }
  else
    {
      for (guint i = 0; i < self->visible_points->len; i++)
        {
          const Visible *v = &g_array_index (self->visible_points, Visible, i);

          for (guint p = 0; p < bri_feature_index_get_n_parts (index, v->item); p++)
            {
              guint n;
              const BriXY *pt = bri_feature_index_get_part (index, v->item, p, &n);

              if (view_box_contains (view, pt->x + v->world, pt->y))
                add_marker (self, view, pt->x + v->world, pt->y, v->item, 1, TRUE);
            }
        }
    }

  g_array_sort (self->markers, compare_markers);
}

/* Sprites: a marker or a bubble drawn once into an image and then only
 * painted, which records one operation per marker instead of a dozen. */

#define SPRITE_MARKER(kind, precision) (((guint) (kind) << 4 | (guint) (precision)) + 1)
#define SPRITE_BUBBLE(count) (0x100000 + (count))

static double
sprite_half (guint key)
{
  if (key >= SPRITE_BUBBLE (0))
    return ceil (bri_feature_style_get_cluster_radius (key - SPRITE_BUBBLE (0)) + 5.0);

  return ceil (bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_NORMAL) + 2.0);
}

static cairo_surface_t *
get_sprite (BriFeatureLayer *self,
            guint            key)
{
  cairo_surface_t *sprite = g_hash_table_lookup (self->sprites, GUINT_TO_POINTER (key));
  int scale;
  double half;
  cairo_t *cr;

  if (sprite != NULL)
    return sprite;

  /* Bounded: bubbles of every count could pile up over a long session. */
  if (g_hash_table_size (self->sprites) > 2048)
    g_hash_table_remove_all (self->sprites);

  scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  half = sprite_half (key);
  sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * half * scale, 2 * half * scale);
  cairo_surface_set_device_scale (sprite, scale, scale);
  cr = cairo_create (sprite);

  if (key >= SPRITE_BUBBLE (0))
    {
      guint count = key - SPRITE_BUBBLE (0);
      g_autofree char *text = count < 10000 ? g_strdup_printf ("%u", count)
                                            : g_strdup_printf ("%uk", count / 1000);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      bri_feature_style_draw_cluster (cr, half, half, count, layout);
    }
  else
    bri_feature_style_draw_marker (cr, (key - 1) >> 4, (key - 1) & 0xf,
                                   BRI_FEATURE_STATE_NORMAL, half, half);

  cairo_destroy (cr);
  g_hash_table_insert (self->sprites, GUINT_TO_POINTER (key), sprite);

  return sprite;
}

static void
paint_sprite (BriFeatureLayer *self,
              cairo_t         *cr,
              guint            key,
              double           x,
              double           y)
{
  cairo_surface_t *sprite = get_sprite (self, key);
  double half = sprite_half (key);
  /* On whole pixels, so that the image is copied, not resampled. */
  double ox = round (x) - half, oy = round (y) - half;

  cairo_set_source_surface (cr, sprite, ox, oy);
  cairo_rectangle (cr, ox, oy, 2 * half, 2 * half);
  cairo_fill (cr);
}

static void
draw_highlighted_marker (BriFeatureLayer *self,
                         cairo_t         *cr,
                         const View      *view,
                         BriFeature      *feature,
                         BriFeatureState  state)
{
  BriFeatureIndex *index;
  guint item;

  index = find_geometry (self, feature, &item);
  if (index == NULL || !bri_feature_index_item_is_point (index, item))
    return;

  for (int world = (int) floor (view->box.x1); world <= (int) floor (view->box.x2); world++)
    for (guint p = 0; p < bri_feature_index_get_n_parts (index, item); p++)
      {
        guint n;
        const BriXY *pt = bri_feature_index_get_part (index, item, p, &n);
        double wx, wy;

        if (!view_box_contains (view, pt->x + world, pt->y))
          continue;

        view_to_widget (view, pt->x + world, pt->y, &wx, &wy);
        bri_feature_style_draw_marker (cr, bri_feature_get_kind (feature),
                                       bri_feature_get_precision (feature), state, wx, wy);
      }
}

static void
draw_markers (BriFeatureLayer *self,
              cairo_t         *cr,
              const View      *view)
{
  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *m = &g_array_index (self->markers, Marker, i);

      if (m->single)
        {
          BriFeature *feature = bri_feature_index_get_item (self->index, m->item);
          const ItemInfo *info = &g_array_index (self->item_info, ItemInfo, m->item);

          if (feature == self->selected || feature == self->hovered)
            continue;

          paint_sprite (self, cr, SPRITE_MARKER (info->kind, info->precision), m->x, m->y);
        }
      else
        paint_sprite (self, cr, SPRITE_BUBBLE (m->count), m->x, m->y);
    }

  if (self->hovered != NULL && self->hovered != self->selected)
    draw_highlighted_marker (self, cr, view, self->hovered, BRI_FEATURE_STATE_HOVERED);
  if (self->selected != NULL)
    draw_highlighted_marker (self, cr, view, self->selected, BRI_FEATURE_STATE_SELECTED);
}

/* Labels: greedy by importance over an occupancy grid of small cells. */

typedef struct
{
  int    columns;
  int    rows;
  guint8 *cells;
} Occupancy;

static gboolean
occupancy_test_and_set (Occupancy *occ,
                        double     x,
                        double     y,
                        double     w,
                        double     h,
                        gboolean   test)
{
  int c1 = (int) floor (x / LABEL_CELL_PX), c2 = (int) floor ((x + w) / LABEL_CELL_PX);
  int r1 = (int) floor (y / LABEL_CELL_PX), r2 = (int) floor ((y + h) / LABEL_CELL_PX);

  c1 = MAX (c1, 0);
  r1 = MAX (r1, 0);
  c2 = MIN (c2, occ->columns - 1);
  r2 = MIN (r2, occ->rows - 1);

  if (test)
    {
      for (int r = r1; r <= r2; r++)
        for (int c = c1; c <= c2; c++)
          if (occ->cells[r * occ->columns + c])
            return FALSE;
      return TRUE;
    }

  for (int r = r1; r <= r2; r++)
    memset (occ->cells + r * occ->columns + c1, 1, MAX (c2 - c1 + 1, 0));

  return TRUE;
}

/* A name with its halo, drawn once: stroking the outlines of glyphs is
 * the slowest thing cairo does here, far too slow to do every frame. */
typedef struct
{
  cairo_surface_t *surface;
  int              width;     /* of the text; the image has a halo margin */
  int              height;
} LabelSprite;

#define LABEL_HALO 2

static void
label_sprite_free (gpointer data)
{
  LabelSprite *sprite = data;

  cairo_surface_destroy (sprite->surface);
  g_free (sprite);
}

static const LabelSprite *
get_label_sprite (BriFeatureLayer *self,
                  BriFeature      *feature)
{
  LabelSprite *sprite = g_hash_table_lookup (self->label_sprites, feature);
  g_autoptr(PangoLayout) layout = NULL;
  PangoAttrList *attrs;
  GdkRGBA fg;
  int scale;
  cairo_t *cr;

  if (sprite != NULL)
    return sprite;

  /* Bounded: panning over a huge model must not grow it forever. */
  if (g_hash_table_size (self->label_sprites) > 1024)
    g_hash_table_remove_all (self->label_sprites);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), bri_feature_get_name (feature));
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  sprite = g_new0 (LabelSprite, 1);
  pango_layout_get_pixel_size (layout, &sprite->width, &sprite->height);
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                (sprite->width + 2 * LABEL_HALO) * scale,
                                                (sprite->height + 2 * LABEL_HALO) * scale);
  cairo_surface_set_device_scale (sprite->surface, scale, scale);

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  cr = cairo_create (sprite->surface);
  cairo_move_to (cr, LABEL_HALO, LABEL_HALO);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 3.0);
  /* A halo against the text colour: light text (dark theme) gets a dark one. */
  if (0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5)
    cairo_set_source_rgba (cr, 0, 0, 0, 0.75);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha);
  cairo_fill (cr);
  cairo_destroy (cr);

  g_hash_table_insert (self->label_sprites, feature, sprite);

  return sprite;
}

/* Keeps names off the highlighted line: marks the cells it crosses. */
static void
occupancy_mark_line (BriFeatureLayer *self,
                     Occupancy       *occ,
                     const View      *view,
                     BriFeature      *feature)
{
  BriFeatureIndex *index;
  guint item;

  index = find_geometry (self, feature, &item);
  if (index == NULL || bri_feature_index_item_is_point (index, item))
    return;

  for (int world = (int) floor (view->box.x1); world <= (int) floor (view->box.x2); world++)
    for (guint p = 0; p < bri_feature_index_get_n_parts (index, item); p++)
      {
        guint n;
        const BriXY *pts = bri_feature_index_get_part (index, item, p, &n);

        for (guint j = 0; j + 1 < n; j++)
          {
            double ax, ay, bx, by, len;
            gboolean clipped;

            view_to_widget (view, pts[j].x + world, pts[j].y, &ax, &ay);
            view_to_widget (view, pts[j + 1].x + world, pts[j + 1].y, &bx, &by);
            if (!clip_segment (&ax, &ay, &bx, &by, 0, 0, view->width, view->height, &clipped))
              continue;

            len = hypot (bx - ax, by - ay);
            for (double t = 0; t <= len; t += LABEL_CELL_PX / 2.0)
              {
                double x = ax + (bx - ax) * (len > 0 ? t / len : 0);
                double y = ay + (by - ay) * (len > 0 ? t / len : 0);

                occupancy_test_and_set (occ, x - 4, y - 4, 8, 8, FALSE);
              }
          }
      }
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Marker *ma = *(const Marker * const *) a, *mb = *(const Marker * const *) b;

  if (ma->importance != mb->importance)
    return ma->importance > mb->importance ? -1 : 1;
  return ma->item < mb->item ? -1 : ma->item > mb->item;
}

static void
draw_labels (BriFeatureLayer *self,
             cairo_t         *cr,
             const View      *view)
{
  g_autoptr(GPtrArray) candidates = NULL;
  Occupancy occ;
  guint placed = 0;
  double r_normal = bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_NORMAL);

  if (view->zoom < LABEL_MIN_ZOOM || self->markers->len == 0)
    return;

  occ.columns = (int) ceil (view->width / LABEL_CELL_PX) + 1;
  occ.rows = (int) ceil (view->height / LABEL_CELL_PX) + 1;
  if ((gsize) occ.columns * occ.rows > self->occupancy_size)
    {
      self->occupancy_size = (gsize) occ.columns * occ.rows;
      self->occupancy = g_realloc (self->occupancy, self->occupancy_size);
    }
  occ.cells = self->occupancy;
  memset (occ.cells, 0, (gsize) occ.columns * occ.rows);

  candidates = g_ptr_array_sized_new (self->markers->len);
  for (guint i = 0; i < self->markers->len; i++)
    {
      Marker *m = &g_array_index (self->markers, Marker, i);
      double mr = m->single ? r_normal : bri_feature_style_get_cluster_radius (m->count);

      /* Slightly inside the rim, so that a label just beside its own
       * marker is not refused for sharing a grid cell with it. */
      occupancy_test_and_set (&occ, m->x - mr + 2, m->y - mr + 2, 2 * mr - 4, 2 * mr - 4, FALSE);
      if (m->single && m->x >= 0 && m->x <= view->width && m->y >= 0 && m->y <= view->height)
        g_ptr_array_add (candidates, m);
    }

  g_ptr_array_sort (candidates, compare_candidates);

  if (self->selected != NULL)
    occupancy_mark_line (self, &occ, view, self->selected);
  if (self->hovered != NULL)
    occupancy_mark_line (self, &occ, view, self->hovered);

  for (guint i = 0; i < candidates->len && i < MAX_LABEL_CANDIDATES && placed < MAX_LABELS; i++)
    {
      const Marker *m = g_ptr_array_index (candidates, i);
      BriFeature *feature = bri_feature_index_get_item (self->index, m->item);
      const LabelSprite *label = get_label_sprite (self, feature);
      int lw = label->width, lh = label->height;
      double spots[4][2];
      /* Clear of the halo of a highlighted marker. */
      double r = feature == self->selected ? bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_SELECTED) + 5.0
               : feature == self->hovered ? bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_HOVERED) + 4.0
               : r_normal;

      /* Right, left, below, above. */
      spots[0][0] = m->x + r + 3;        spots[0][1] = m->y - lh / 2.0;
      spots[1][0] = m->x - r - 3 - lw;   spots[1][1] = m->y - lh / 2.0;
      spots[2][0] = m->x - lw / 2.0;     spots[2][1] = m->y + r + 2;
      spots[3][0] = m->x - lw / 2.0;     spots[3][1] = m->y - r - 2 - lh;

      for (guint s = 0; s < G_N_ELEMENTS (spots); s++)
        {
          double lx = spots[s][0], ly = spots[s][1];

          if (lx < 0 || ly < 0 || lx + lw > view->width || ly + lh > view->height ||
              !occupancy_test_and_set (&occ, lx, ly, lw, lh, TRUE))
            continue;

          occupancy_test_and_set (&occ, lx, ly, lw, lh, FALSE);
          /* On whole pixels, so that the image is copied, not resampled. */
          lx = round (lx) - LABEL_HALO;
          ly = round (ly) - LABEL_HALO;
          cairo_set_source_surface (cr, label->surface, lx, ly);
          cairo_rectangle (cr, lx, ly, lw + 2 * LABEL_HALO, lh + 2 * LABEL_HALO);
          cairo_fill (cr);
          placed++;
          break;
        }
    }
}

static void
bri_feature_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (widget);
  BriFeatureIndex *index;
  Collect collect;
  View view;
  cairo_t *cr;

  view_init (self, &view);
  if (view.width <= 0 || view.height <= 0)
    return;

  index = ensure_index (self);
  if (bri_feature_index_get_n_items (index) == 0 && self->selected == NULL)
    return;

  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    for (guint s = 0; s < 2; s++)
      g_array_set_size (self->line_buckets[k][s], 0);
  g_array_set_size (self->visible_points, 0);

  collect.self = self;
  collect.index = index;
  collect.view = &view;
  collect.clustering = view_is_clustering (&view);
  bri_feature_index_query (index, &view.box, collect_visible, &collect);
  gather_markers (self, &view);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, view.width, view.height));
  draw_lines (self, cr, &view);
  draw_markers (self, cr, &view);
  draw_labels (self, cr, &view);
  cairo_destroy (cr);
}

static gboolean
bri_feature_layer_contains (GtkWidget *widget,
                            double     x,
                            double     y)
{
  Hit hit;

  /* Only over a feature: elsewhere events go to the map beneath, which
   * pans and zooms, and to any layer under this one. */
  return hit_test (BRI_FEATURE_LAYER (widget), x, y, &hit);
}

static gboolean
bri_feature_layer_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard_mode,
                                 GtkTooltip *tooltip)
{
  Hit hit;

  if (keyboard_mode || !hit_test (BRI_FEATURE_LAYER (widget), x, y, &hit))
    return FALSE;

  if (hit.feature != NULL)
    {
      /* Plain text: names may hold an ampersand. */
      g_autofree char *text = g_strdup_printf ("%s\n%s",
                                               bri_feature_get_name (hit.feature),
                                               bri_feature_kind_get_label (bri_feature_get_kind (hit.feature)));

      gtk_tooltip_set_text (tooltip, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u place — click to zoom in",
                                                         "%u places — click to zoom in",
                                                         hit.count),
                                               hit.count);

      gtk_tooltip_set_text (tooltip, text);
    }

  return TRUE;
}

static void
bri_feature_layer_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (widget);

  GTK_WIDGET_CLASS (bri_feature_layer_parent_class)->css_changed (widget, change);

  /* The font may have changed, and the sprites' text with it. */
  g_hash_table_remove_all (self->label_sprites);
  g_hash_table_remove_all (self->sprites);
}

static void
bri_feature_layer_system_setting_changed (GtkWidget        *widget,
                                          GtkSystemSetting  setting)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (widget);

  GTK_WIDGET_CLASS (bri_feature_layer_parent_class)->system_setting_changed (widget, setting);

  g_hash_table_remove_all (self->label_sprites);
  g_hash_table_remove_all (self->sprites);
}

/* Input */

static void
set_hovered (BriFeatureLayer *self,
             BriFeature      *feature)
{
  if (g_set_object (&self->hovered, feature))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED]);
    }
}

static void
on_motion_cb (BriFeatureLayer          *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *motion)
{
  Hit hit;

  set_hovered (self, hit_test (self, x, y, &hit) ? hit.feature : NULL);
}

static void
on_leave_cb (BriFeatureLayer          *self,
             GtkEventControllerMotion *motion)
{
  set_hovered (self, NULL);
}

static void
zoom_into (BriFeatureLayer *self,
           const Hit       *hit)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  GtkWidget *map = gtk_widget_get_ancestor (GTK_WIDGET (self), SHUMATE_TYPE_MAP);
  double lat = bri_geo_y_to_lat (hit->y);
  double lon = bri_geo_x_to_lon (hit->x - floor (hit->x));
  double zoom = MIN (shumate_viewport_get_zoom_level (viewport) + 2.0,
                     shumate_viewport_get_max_zoom_level (viewport));

  if (map != NULL)
    shumate_map_go_to_full (SHUMATE_MAP (map), lat, lon, zoom);
  else
    {
      shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
      shumate_viewport_set_zoom_level (viewport, zoom);
    }
}

/* Released, not pressed: a press that turns into a drag belongs to the
 * map, which pans; a click — press and release without moving — is ours,
 * and only then is the sequence claimed. */
static void
on_click_released_cb (BriFeatureLayer *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  Hit hit;

  if (n_press != 1 || !hit_test (self, x, y, &hit))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  if (hit.feature != NULL)
    g_signal_emit (self, signals[FEATURE_ACTIVATED], 0, hit.feature);
  else
    zoom_into (self, &hit);
}

static void
on_scale_factor_changed_cb (BriFeatureLayer *self)
{
  /* Sprites are drawn for one scale: redraw them sharp for the new one. */
  g_hash_table_remove_all (self->sprites);
  g_hash_table_remove_all (self->label_sprites);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_viewport_changed_cb (BriFeatureLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_items_changed_cb (BriFeatureLayer *self,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GListModel      *model)
{
  /* Rebuilt at the next frame or pick: a filter that changes many times
   * in a row costs one index. */
  self->index_stale = TRUE;
  set_hovered (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
bri_feature_layer_constructed (GObject *object)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (object);
  ShumateViewport *viewport;
  static const char * const notifications[] = {
    "notify::latitude", "notify::longitude", "notify::zoom-level",
    "notify::rotation", "notify::reference-map-source",
  };

  G_OBJECT_CLASS (bri_feature_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  for (guint i = 0; i < G_N_ELEMENTS (notifications); i++)
    g_signal_connect_object (viewport, notifications[i], G_CALLBACK (on_viewport_changed_cb),
                             self, G_CONNECT_SWAPPED);
}

static void
bri_feature_layer_dispose (GObject *object)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->selected);
  g_clear_object (&self->hovered);
  g_clear_pointer (&self->index, bri_feature_index_unref);
  g_clear_pointer (&self->lone_index, bri_feature_index_unref);
  g_hash_table_remove_all (self->label_sprites);
  g_hash_table_remove_all (self->sprites);

  G_OBJECT_CLASS (bri_feature_layer_parent_class)->dispose (object);
}

static void
bri_feature_layer_finalize (GObject *object)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (object);

  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    for (guint s = 0; s < 2; s++)
      g_array_unref (self->line_buckets[k][s]);
  g_array_unref (self->visible_points);
  g_array_unref (self->item_info);
  g_array_unref (self->markers);
  g_free (self->occupancy);
  g_hash_table_unref (self->label_sprites);
  g_hash_table_unref (self->sprites);

  G_OBJECT_CLASS (bri_feature_layer_parent_class)->finalize (object);
}

static void
bri_feature_layer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_HOVERED:
      g_value_set_object (value, self->hovered);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_feature_layer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      bri_feature_layer_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      bri_feature_layer_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_feature_layer_class_init (BriFeatureLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bri_feature_layer_constructed;
  object_class->dispose = bri_feature_layer_dispose;
  object_class->finalize = bri_feature_layer_finalize;
  object_class->get_property = bri_feature_layer_get_property;
  object_class->set_property = bri_feature_layer_set_property;

  widget_class->snapshot = bri_feature_layer_snapshot;
  widget_class->contains = bri_feature_layer_contains;
  widget_class->query_tooltip = bri_feature_layer_query_tooltip;
  widget_class->css_changed = bri_feature_layer_css_changed;
  widget_class->system_setting_changed = bri_feature_layer_system_setting_changed;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         BRI_TYPE_FEATURE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HOVERED] =
    g_param_spec_object ("hovered", NULL, NULL,
                         BRI_TYPE_FEATURE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BriFeatureLayer::feature-activated:
   * @feature: the feature clicked or tapped
   */
  signals[FEATURE_ACTIVATED] =
    g_signal_new ("feature-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BRI_TYPE_FEATURE);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bri_feature_layer_init (BriFeatureLayer *self)
{
  GtkGesture *click;
  GtkEventController *motion;

  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    for (guint s = 0; s < 2; s++)
      self->line_buckets[k][s] = g_array_new (FALSE, FALSE, sizeof (Visible));
  self->visible_points = g_array_new (FALSE, FALSE, sizeof (Visible));
  self->item_info = g_array_new (FALSE, TRUE, sizeof (ItemInfo));
  self->markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  self->label_sprites = g_hash_table_new_full (NULL, NULL, NULL, label_sprite_free);
  self->sprites = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cairo_surface_destroy);
  self->index_stale = TRUE;

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "enter", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed_cb), NULL);

  /* contains () is true only over features, so the hand shows there only. */
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  /* Not focusable: the side list is how keyboards reach features. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map features"),
                                  -1);
}

/* Public API */

/**
 * bri_feature_layer_new:
 * @viewport: the viewport of the map the layer goes on
 *
 * Returns: (transfer floating): a new layer; add it with shumate_map_add_layer ()
 */
BriFeatureLayer *
bri_feature_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (BRI_TYPE_FEATURE_LAYER, "viewport", viewport, NULL);
}

/**
 * bri_feature_layer_set_model:
 * @features: (nullable): a model of BriFeature, which a filter may change
 */
void
bri_feature_layer_set_model (BriFeatureLayer *self,
                             GListModel      *features)
{
  g_return_if_fail (BRI_IS_FEATURE_LAYER (self));
  g_return_if_fail (features == NULL || G_IS_LIST_MODEL (features));

  if (self->model == features)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);

  g_set_object (&self->model, features);

  if (self->model != NULL)
    g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_items_changed_cb),
                             self, G_CONNECT_SWAPPED);

  self->index_stale = TRUE;
  set_hovered (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * bri_feature_layer_get_model:
 *
 * Returns: (transfer none) (nullable): the model of features
 */
GListModel *
bri_feature_layer_get_model (BriFeatureLayer *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_LAYER (self), NULL);

  return self->model;
}

/**
 * bri_feature_layer_set_selected:
 * @feature: (nullable): the feature to highlight; drawn even if the
 *   model does not hold it
 */
void
bri_feature_layer_set_selected (BriFeatureLayer *self,
                                BriFeature      *feature)
{
  g_return_if_fail (BRI_IS_FEATURE_LAYER (self));
  g_return_if_fail (feature == NULL || BRI_IS_FEATURE (feature));

  if (!g_set_object (&self->selected, feature))
    return;

  g_clear_pointer (&self->lone_index, bri_feature_index_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * bri_feature_layer_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected feature
 */
BriFeature *
bri_feature_layer_get_selected (BriFeatureLayer *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_LAYER (self), NULL);

  return self->selected;
}

/**
 * bri_feature_layer_get_hovered:
 *
 * Returns: (transfer none) (nullable): the feature under the pointer
 */
BriFeature *
bri_feature_layer_get_hovered (BriFeatureLayer *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_LAYER (self), NULL);

  return self->hovered;
}

/**
 * bri_feature_layer_pick:
 * @widget_x: a position in the layer's coordinates (the map's: the layer
 *   fills the map)
 *
 * What a click at (@widget_x, @widget_y) would activate: markers win over
 * lines, as they are drawn over them.  A bubble of several places at low
 * zoom levels is no one feature, and gives %NULL.
 *
 * Returns: (transfer none) (nullable): the feature there
 */
BriFeature *
bri_feature_layer_pick (BriFeatureLayer *self,
                        double           widget_x,
                        double           widget_y)
{
  Hit hit;

  g_return_val_if_fail (BRI_IS_FEATURE_LAYER (self), NULL);

  if (!hit_test (self, widget_x, widget_y, &hit))
    return NULL;

  return hit.feature;
}
