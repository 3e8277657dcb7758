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
#include "bri-feature-labels.h"
#include "bri-feature-layer.h"
#include "bri-feature-style.h"
#include "bri-geo.h"
#include "bri-map-layer.h"
#include "bri-map-transform.h"

/* Below this zoom level, points whose markers would overlap — nearer
 * than CLUSTER_RADIUS_PX — are drawn as one bubble with a count. */
#define CLUSTER_MAX_ZOOM 9.5
#define CLUSTER_RADIUS_PX 24.0

/* Names of points from this zoom level on. */
#define LABEL_MIN_ZOOM 5.0

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
  BriMapTransform t;
  double          width;
  double          height;
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

  BriFeatureLabels *labels;
  GHashTable      *sprites;        /* key → cairo_surface_t */

  /* Scratch space, reused frame after frame. */
  GArray          *line_buckets[BRI_FEATURE_N_KINDS][2];  /* of Visible; [1] schematic */
  GArray          *visible_points;                        /* of Visible */
  GArray          *markers;                               /* of Marker */
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

  bri_map_transform_init (&view->t, viewport, GTK_WIDGET (self));
  view->width = gtk_widget_get_width (GTK_WIDGET (self));
  view->height = gtk_widget_get_height (GTK_WIDGET (self));
  bri_map_transform_get_visible (&view->t, CULL_MARGIN_PX,
                                 &view->box.x1, &view->box.y1, &view->box.x2, &view->box.y2);
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
  return view->t.zoom < CLUSTER_MAX_ZOOM;
}

/* Clusters follow whole zoom levels, so they hold still while the zoom
 * animates between two levels. */
static inline double
view_cluster_radius (const View *view)
{
  return CLUSTER_RADIUS_PX / (view->t.tile_size * exp2 (round (view->t.zoom)));
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
      bri_feature_labels_forget (self->labels);

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
      if (hypot (dx, y - pt->y) * view->t.world <= radius)
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
  bri_map_transform_to_map (&view.t, wx, wy, &x, &y);
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
          d = hypot (dx, y - c->y) * view.t.world;
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
  else if (bri_feature_index_pick_full (index, x, y, view.t.world,
                                        bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_NORMAL) + MARKER_SLACK_PX,
                                        BRI_FEATURE_PICK_POINTS, &item, NULL))
    {
      hit->feature = bri_feature_index_get_item (index, item);
      hit->count = 1;
      return TRUE;
    }

  if (selected_index != NULL &&
      !bri_feature_index_item_is_point (selected_index, selected_item) &&
      bri_feature_index_pick_full (selected_index, x, y, view.t.world, LINE_TOLERANCE_PX,
                                   BRI_FEATURE_PICK_LINES, NULL, NULL))
    {
      hit->feature = self->selected;
      hit->count = 1;
      return TRUE;
    }

  if (bri_feature_index_pick_full (index, x, y, view.t.world, LINE_TOLERANCE_PX,
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
  double px = 0, py = 0;
  double lx = 0, ly = 0;
  gboolean pen = FALSE;

  for (guint i = 0; i < n; i++)
    {
      double x, y;

      bri_map_transform_to_widget (&view->t, pts[i].x + shift, pts[i].y, &x, &y);

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
  if ((box.x2 - box.x1) * c->view->t.world < MIN_STEP_PX &&
      (box.y2 - box.y1) * c->view->t.world < MIN_STEP_PX)
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

  bri_map_transform_to_widget (&view->t, x, y, &m.x, &m.y);
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

        bri_map_transform_to_widget (&view->t, pt->x + world, pt->y, &wx, &wy);
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

/* Labels: the layer says where its markers and highlighted lines are and
 * which points want a name; BriFeatureLabels chooses and paints. */

static void
add_line_obstacle (BriFeatureLayer *self,
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
            double ax, ay, bx, by;
            gboolean clipped;

            bri_map_transform_to_widget (&view->t, pts[j].x + world, pts[j].y, &ax, &ay);
            bri_map_transform_to_widget (&view->t, pts[j + 1].x + world, pts[j + 1].y, &bx, &by);
            if (clip_segment (&ax, &ay, &bx, &by, 0, 0, view->width, view->height, &clipped))
              bri_feature_labels_add_line (self->labels, ax, ay, bx, by);
          }
      }
}

static void
draw_labels (BriFeatureLayer *self,
             cairo_t         *cr,
             const View      *view)
{
  double r_normal = bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_NORMAL);

  bri_feature_labels_begin (self->labels, view->width, view->height);
  if (view->t.zoom < LABEL_MIN_ZOOM || self->markers->len == 0)
    return;

  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *m = &g_array_index (self->markers, Marker, i);
      BriFeature *feature;
      double r;

      bri_feature_labels_add_marker (self->labels, m->x, m->y,
                                     m->single ? r_normal : bri_feature_style_get_cluster_radius (m->count));
      if (!m->single)
        continue;

      /* Clear of the halo of a highlighted marker. */
      feature = bri_feature_index_get_item (self->index, m->item);
      r = feature == self->selected ? bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_SELECTED) + 5.0
        : feature == self->hovered ? bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_HOVERED) + 4.0
        : r_normal;
      bri_feature_labels_add_candidate (self->labels, feature, m->importance, m->item, m->x, m->y, r);
    }

  if (self->selected != NULL)
    add_line_obstacle (self, view, self->selected);
  if (self->hovered != NULL)
    add_line_obstacle (self, view, self->hovered);

  bri_feature_labels_draw (self->labels, cr);
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
  bri_feature_labels_forget (self->labels);
  g_hash_table_remove_all (self->sprites);
}

static void
bri_feature_layer_system_setting_changed (GtkWidget        *widget,
                                          GtkSystemSetting  setting)
{
  BriFeatureLayer *self = BRI_FEATURE_LAYER (widget);

  GTK_WIDGET_CLASS (bri_feature_layer_parent_class)->system_setting_changed (widget, setting);

  bri_feature_labels_forget (self->labels);
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
  bri_feature_labels_forget (self->labels);
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
  G_OBJECT_CLASS (bri_feature_layer_parent_class)->constructed (object);

  bri_map_layer_redraw_on_viewport_change (SHUMATE_LAYER (object));
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
  bri_feature_labels_forget (self->labels);
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
  bri_feature_labels_free (self->labels);
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
  self->labels = bri_feature_labels_new (GTK_WIDGET (self));
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

/**
 * bri_feature_layer_get_label_area:
 * @area: (out): where the name is, in the layer's coordinates
 *
 * Returns: whether the last frame wrote @feature's name on the map
 */
gboolean
bri_feature_layer_get_label_area (BriFeatureLayer *self,
                                  BriFeature      *feature,
                                  graphene_rect_t *area)
{
  g_return_val_if_fail (BRI_IS_FEATURE_LAYER (self), FALSE);
  g_return_val_if_fail (BRI_IS_FEATURE (feature), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  return bri_feature_labels_get_area (self->labels, feature, area);
}
