/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeaturePainter: every feature of a model, drawn in one pass — no
 * object per feature, so ten thousand cost what a few do.
 *
 * Features are projected and filed once, in a BriFeatureIndex; a frame
 * asks the index what is in view, strokes all lines of one style as one
 * cairo path, gathers points into clusters at low zoom levels and labels
 * the most important points where their names fit.  The map repeats the
 * world east and west, and so does the painter.  On screen markers are
 * painted from images drawn once; for vector output (PDF, SVG) every
 * marker is drawn as paths and every name as text.
 *
 * Where markers would hide each other once the points are no longer
 * gathered — places that share a town's coordinate — they fan out round
 * their common place, each on a leg from where it is, so that every one
 * can be seen and clicked.  A feature a keyboard has reached is drawn
 * with a focus ring and its name. */

#define G_LOG_DOMAIN "bri-feature-painter"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bri-feature-index.h"
#include "bri-feature-labels.h"
#include "bri-feature-painter.h"
#include "bri-geo.h"
#include "bri-render-text.h"

/* Below this zoom level, points whose markers would overlap — nearer
 * than CLUSTER_RADIUS_PX — are drawn as one bubble with a count. */
#define CLUSTER_MAX_ZOOM 9.5
#define CLUSTER_RADIUS_PX 24.0

/* Names of points from this zoom level on (and of a focused one at any). */
#define LABEL_MIN_ZOOM 5.0

/* Markers nearer each other than a marker's width fan out (a "spider")
 * on a circle at least this wide, with this much room between them. */
#define SPIDER_MIN_RADIUS_PX 18.0
#define SPIDER_GAP_PX 4.0

/* The reading order of the features in view: rows this high, read west
 * to east, from the top. */
#define READING_ROW_PX 48.0

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
  double   x;           /* widget coordinates, where it is drawn */
  double   y;
  double   ox;          /* where the point is: apart from x, y in a spider */
  double   oy;
  guint    item;
  guint    count;       /* points behind the marker */
  gboolean single;      /* one feature: a marker, not a bubble */
  gboolean spread;      /* moved out of the way of others */
  int      importance;
} Marker;

typedef struct
{
  BriMapTransform t;
  double          width;
  double          height;
  BriFeatureBox   box;      /* what is in view, with a margin */
} View;

struct _BriFeaturePainter
{
  GListModel      *model;
  BriFeatureIndex *index;
  GArray          *item_info;      /* of ItemInfo, parallel to the index */
  gboolean         index_stale;

  BriFeature      *selected;
  BriFeature      *hovered;
  BriFeature      *focused;        /* reached with the keyboard */
  BriFeatureIndex *lone_index;     /* the selected feature, if not in the model */

  BriFeatureLabels *labels;
  GHashTable      *sprites;        /* key → cairo_surface_t */

  /* How text and images are drawn (see bri_feature_painter_set_style). */
  PangoContext    *context;
  int              scale;
  gboolean         vector;
  BriTileStyle     tile_style;     /* the basemap's, light or dark */

  GArray          *label_obstacles;   /* of BriLabelRect */
  gboolean         hide_points;       /* lines only */

  /* Scratch space, reused frame after frame. */
  GArray          *line_buckets[BRI_FEATURE_N_KINDS][2];  /* of Visible; [1] schematic */
  GArray          *visible_points;                        /* of Visible */
  GArray          *markers;                               /* of Marker */

  /* What the scratch space holds: the layout of this view, of this
   * index, so that picking under a still pointer, and the frame after
   * it, reuse the frame's layout. */
  View             laid_out;
  guint            laid_out_generation;   /* 0: nothing laid out */
  gboolean         laid_out_hide_points;
  guint            index_generation;
};

/* The view: normalized Web Mercator ↔ the drawing's pixels. */

static void
view_init (View                  *view,
           const BriMapTransform *t)
{
  view->t = *t;
  view->width = 2 * t->half_width;
  view->height = 2 * t->half_height;
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
ensure_index (BriFeaturePainter *self)
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
      self->index_generation++;
    }

  return self->index;
}

/* Where the geometry of @feature is: the index, or for a selected feature
 * the model does not hold (filtered out), an index of its own. */
static BriFeatureIndex *
find_geometry (BriFeaturePainter *self,
               BriFeature        *feature,
               guint             *item)
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

/* Where the markers are: see "Drawing points" below. */
static void layout_view (BriFeaturePainter *self,
                         const View        *view);

/* Hit-testing, in the order things are stacked: the selected marker,
 * markers and bubbles (where they are drawn, fanned out or not), the
 * selected line, other lines. */

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

/* Whether a marker of @item is within @radius of (@wx, @wy); *@found
 * tells whether the item has a marker at all. */
static gboolean
hit_marker_of (BriFeaturePainter *self,
               guint              item,
               double             wx,
               double             wy,
               double             radius,
               gboolean          *found)
{
  *found = FALSE;
  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *m = &g_array_index (self->markers, Marker, i);

      if (!m->single || m->item != item)
        continue;
      *found = TRUE;
      if (hypot (m->x - wx, m->y - wy) <= radius)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  BriFeaturePainter *self;
  double x1, y1, x2, y2;
} Span;

static void
extend_span (guint    item,
             int      world,
             gpointer user_data)
{
  Span *span = user_data;
  BriFeatureIndex *index = span->self->index;

  if (!g_array_index (span->self->item_info, ItemInfo, item).is_point)
    return;

  for (guint p = 0; p < bri_feature_index_get_n_parts (index, item); p++)
    {
      guint n;
      const BriXY *pt = bri_feature_index_get_part (index, item, p, &n);

      span->x1 = MIN (span->x1, pt->x + world);
      span->y1 = MIN (span->y1, pt->y);
      span->x2 = MAX (span->x2, pt->x + world);
      span->y2 = MAX (span->y2, pt->y);
    }
}

/* The whole zoom level from which the points round a bubble at (@x, @y)
 * are drawn apart: where they lie further apart than a bubble reaches, or
 * where bubbles end and markers at one place fan out. */
static double
zoom_apart (BriFeaturePainter *self,
            const View        *view,
            double             x,
            double             y)
{
  double reach = view_cluster_radius (view);
  BriFeatureBox box = { x - reach, y - reach, x + reach, y + reach };
  Span span = { self, G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double extent, level;

  bri_feature_index_query (self->index, &box, extend_span, &span);
  extent = MAX (span.x2 - span.x1, span.y2 - span.y1);
  if (extent <= 0.0)
    return ceil (CLUSTER_MAX_ZOOM);

  level = floor (log2 (CLUSTER_RADIUS_PX / (extent * view->t.tile_size))) + 1.0;
  return MIN (level, ceil (CLUSTER_MAX_ZOOM));
}

static gboolean
hit_test (BriFeaturePainter     *self,
          const BriMapTransform *t,
          double                 wx,
          double                 wy,
          BriFeatureHit         *hit)
{
  View view;
  BriFeatureIndex *index;
  BriFeatureIndex *selected_index;
  guint selected_item = 0;
  const Marker *best = NULL;
  double best_d = G_MAXDOUBLE;
  double x, y;
  guint item;

  view_init (&view, t);
  if (view.width <= 0 || view.height <= 0)
    return FALSE;

  index = ensure_index (self);
  selected_index = find_geometry (self, self->selected, &selected_item);
  bri_map_transform_to_map (&view.t, wx, wy, &x, &y);
  memset (hit, 0, sizeof (BriFeatureHit));
  layout_view (self, &view);

  if (selected_index != NULL && !self->hide_points &&
      bri_feature_index_item_is_point (selected_index, selected_item))
    {
      double reach = bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_SELECTED) + MARKER_SLACK_PX;
      gboolean found = FALSE;

      /* Where it is drawn: fanned out, or, if it has no marker of its own
       * (in a bubble, or filtered out of the model), at its place. */
      if ((selected_index == index && hit_marker_of (self, selected_item, wx, wy, reach, &found)) ||
          (!found && hit_points_of (selected_index, selected_item, &view, x, y, reach)))
        {
          hit->feature = self->selected;
          hit->count = 1;
          return TRUE;
        }
    }

  /* The nearest marker or bubble the pointer is on. */
  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *m = &g_array_index (self->markers, Marker, i);
      double d = hypot (m->x - wx, m->y - wy);
      double reach = (m->single ? bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_NORMAL)
                                : bri_feature_style_get_cluster_radius (m->count)) + MARKER_SLACK_PX;

      if (d <= reach && d <= best_d)
        {
          best = m;
          best_d = d;
        }
    }

  if (best != NULL)
    {
      hit->feature = best->single ? bri_feature_index_get_item (index, best->item) : NULL;
      hit->count = best->count;
      bri_map_transform_to_map (&view.t, best->x, best->y, &hit->x, &hit->y);
      hit->zoom_apart = best->single ? view.t.zoom : zoom_apart (self, &view, hit->x, hit->y);
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
  BriFeaturePainter *self;
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
draw_highlighted_line (BriFeaturePainter *self,
                       cairo_t           *cr,
                       const View        *view,
                       BriFeature        *feature,
                       BriFeatureState    state)
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
                                 bri_feature_get_precision (feature), state, self->tile_style);
}

static void
draw_lines (BriFeaturePainter *self,
            cairo_t           *cr,
            const View        *view)
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
            if (feature == self->selected || feature == self->hovered || feature == self->focused)
              continue;

            path_add_item (cr, view, index, v->item, v->world);
            any = TRUE;
          }

        if (any)
          bri_feature_style_stroke_path (cr, order[k],
                                         schematic ? BRI_PRECISION_SCHEMATIC : BRI_PRECISION_EXACT,
                                         BRI_FEATURE_STATE_NORMAL, self->tile_style);
        else
          cairo_new_path (cr);
      }

  if (self->hovered != NULL && self->hovered != self->selected)
    draw_highlighted_line (self, cr, view, self->hovered, BRI_FEATURE_STATE_HOVERED);
  if (self->focused != NULL && self->focused != self->selected && self->focused != self->hovered)
    draw_highlighted_line (self, cr, view, self->focused, BRI_FEATURE_STATE_HOVERED);
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
add_marker (BriFeaturePainter *self,
            const View        *view,
            double             x,
            double             y,
            guint              item,
            guint              count,
            gboolean           single)
{
  Marker m;

  bri_map_transform_to_widget (&view->t, x, y, &m.x, &m.y);
  m.ox = m.x;
  m.oy = m.y;
  m.item = item;
  m.count = count;
  m.single = single;
  m.spread = FALSE;
  m.importance = single ? g_array_index (self->item_info, ItemInfo, item).importance : 0;
  g_array_append_val (self->markers, m);
}

/* Spiders.  Markers that overlap are gathered into groups (a marker may
 * link a group through its neighbours), and each group's markers are
 * set on a circle round the group's middle, in the model's order from
 * the top, clockwise: the same places always take the same seats. */

static guint
group_root (guint *parent,
            guint  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

static int
compare_by_x (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Marker *markers = user_data;
  double xa = markers[*(const guint *) a].x, xb = markers[*(const guint *) b].x;

  return xa < xb ? -1 : xa > xb;
}

typedef struct
{
  const Marker *markers;
  const guint  *root;
} GroupOrder;

/* By group, then in the model's order within a group. */
static int
compare_in_groups (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const GroupOrder *g = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  const Marker *ma = &g->markers[ia], *mb = &g->markers[ib];

  if (g->root[ia] != g->root[ib])
    return g->root[ia] < g->root[ib] ? -1 : 1;
  if (ma->item != mb->item)
    return ma->item < mb->item ? -1 : 1;
  if (ma->oy != mb->oy)
    return ma->oy < mb->oy ? -1 : 1;
  return ma->ox < mb->ox ? -1 : ma->ox > mb->ox;
}

static void
spread_group (Marker      *markers,
              const guint *members,
              guint        n)
{
  double spacing = 2 * bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_NORMAL) + SPIDER_GAP_PX;
  double radius = MAX (SPIDER_MIN_RADIUS_PX, spacing / (2 * sin (G_PI / n)));
  double cx = 0, cy = 0;

  for (guint i = 0; i < n; i++)
    {
      cx += markers[members[i]].ox / n;
      cy += markers[members[i]].oy / n;
    }

  for (guint i = 0; i < n; i++)
    {
      Marker *m = &markers[members[i]];
      double angle = -G_PI / 2 + 2 * G_PI * i / n;

      m->x = cx + radius * cos (angle);
      m->y = cy + radius * sin (angle);
      m->spread = TRUE;
    }
}

static void
spread_overlapping (BriFeaturePainter *self)
{
  Marker *markers = (Marker *) self->markers->data;
  guint n = self->markers->len;
  double near = 2 * bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_NORMAL);
  g_autofree guint *parent = NULL;
  g_autofree guint *order = NULL;
  GroupOrder groups;

  if (n < 2)
    return;

  parent = g_new (guint, n);
  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    parent[i] = order[i] = i;

  /* Sweep west to east: only markers less than a width apart in x can
   * overlap. */
  g_qsort_with_data (order, n, sizeof (guint), compare_by_x, markers);
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n && markers[order[b]].x - markers[order[a]].x < near; b++)
      if (hypot (markers[order[b]].x - markers[order[a]].x,
                 markers[order[b]].y - markers[order[a]].y) < near)
        parent[group_root (parent, order[b])] = group_root (parent, order[a]);

  /* The groups, each as a run of markers. */
  for (guint i = 0; i < n; i++)
    parent[i] = group_root (parent, i);
  groups.markers = markers;
  groups.root = parent;
  g_qsort_with_data (order, n, sizeof (guint), compare_in_groups, &groups);
  for (guint start = 0, end; start < n; start = end)
    {
      for (end = start + 1; end < n && parent[order[end]] == parent[order[start]]; end++)
        ;
      if (end - start > 1)
        spread_group (markers, order + start, end - start);
    }
}

static void
gather_markers (BriFeaturePainter *self,
                const View        *view)
{
  BriFeatureIndex *index = self->index;

  g_array_set_size (self->markers, 0);

  if (self->hide_points)
    return;

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

      spread_overlapping (self);
    }

  g_array_sort (self->markers, compare_markers);
}

/* What is in @view: the lines by kind and style, and the markers where
 * they are drawn. */
static void
layout_view (BriFeaturePainter *self,
             const View        *view)
{
  Collect collect;

  /* Laid out already: the same view of the same index. */
  ensure_index (self);
  if (self->laid_out_generation == self->index_generation &&
      self->laid_out_hide_points == self->hide_points &&
      memcmp (&self->laid_out, view, sizeof (View)) == 0)
    return;

  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    for (guint s = 0; s < 2; s++)
      g_array_set_size (self->line_buckets[k][s], 0);
  g_array_set_size (self->visible_points, 0);

  collect.self = self;
  collect.index = ensure_index (self);
  collect.view = view;
  collect.clustering = view_is_clustering (view);
  bri_feature_index_query (collect.index, &view->box, collect_visible, &collect);
  gather_markers (self, view);

  self->laid_out = *view;
  self->laid_out_generation = self->index_generation;
  self->laid_out_hide_points = self->hide_points;
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

/* The count on a bubble, in the bold small print of the map's font. */
static PangoLayout *
create_count_layout (BriFeaturePainter *self,
                     guint              count)
{
  g_autofree char *text = count < 10000 ? g_strdup_printf ("%u", count)
                                        : g_strdup_printf ("%uk", count / 1000);
  PangoLayout *layout = bri_render_layout_new (self->context, text);
  PangoAttrList *attrs;

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static cairo_surface_t *
get_sprite (BriFeaturePainter *self,
            guint              key)
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

  scale = self->scale;
  half = sprite_half (key);
  sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * half * scale, 2 * half * scale);
  cairo_surface_set_device_scale (sprite, scale, scale);
  cr = cairo_create (sprite);

  if (key >= SPRITE_BUBBLE (0))
    {
      guint count = key - SPRITE_BUBBLE (0);
      g_autoptr(PangoLayout) layout = create_count_layout (self, count);

      bri_feature_style_draw_cluster (cr, half, half, count, layout);
    }
  else
    bri_feature_style_draw_marker (cr, (key - 1) >> 4, (key - 1) & 0xf,
                                   BRI_FEATURE_STATE_NORMAL, self->tile_style, half, half);

  cairo_destroy (cr);
  g_hash_table_insert (self->sprites, GUINT_TO_POINTER (key), sprite);

  return sprite;
}

static void
paint_sprite (BriFeaturePainter *self,
              cairo_t           *cr,
              guint              key,
              double             x,
              double             y)
{
  cairo_surface_t *sprite;
  double half = sprite_half (key);
  double ox, oy;

  /* Vector output draws each marker: paths scale, images would not. */
  if (self->vector)
    {
      if (key >= SPRITE_BUBBLE (0))
        {
          g_autoptr(PangoLayout) layout = create_count_layout (self, key - SPRITE_BUBBLE (0));

          bri_feature_style_draw_cluster (cr, x, y, key - SPRITE_BUBBLE (0), layout);
        }
      else
        bri_feature_style_draw_marker (cr, (key - 1) >> 4, (key - 1) & 0xf,
                                       BRI_FEATURE_STATE_NORMAL, self->tile_style, x, y);
      return;
    }

  sprite = get_sprite (self, key);
  /* On whole pixels, so that the image is copied, not resampled. */
  ox = round (x) - half;
  oy = round (y) - half;

  cairo_set_source_surface (cr, sprite, ox, oy);
  cairo_rectangle (cr, ox, oy, 2 * half, 2 * half);
  cairo_fill (cr);
}

/* A ring round a marker a keyboard has reached, light and dark so that
 * it shows on land, sea and either style. */
static void
draw_focus_ring (cairo_t *cr,
                 double   x,
                 double   y)
{
  double r = bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_HOVERED) + 6.0;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.95);
  cairo_set_line_width (cr, 6.0);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, 0.08, 0.33, 0.75);
  cairo_set_line_width (cr, 3.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Calls @func for every place a point feature's marker is drawn: where
 * its markers are (fanned out or not), or, for a feature with no marker
 * of its own — in a bubble, or a selected one the model does not hold —
 * at its points in view. */
typedef void (*PositionFunc) (BriFeaturePainter *self,
                              cairo_t           *cr,
                              BriFeature        *feature,
                              double             x,
                              double             y,
                              gpointer           user_data);

static guint
foreach_position (BriFeaturePainter *self,
                  cairo_t           *cr,
                  const View        *view,
                  BriFeature        *feature,
                  PositionFunc       func,
                  gpointer           user_data)
{
  BriFeatureIndex *index;
  guint item;
  guint n = 0;

  index = find_geometry (self, feature, &item);
  if (index == NULL || !bri_feature_index_item_is_point (index, item))
    return 0;

  if (index == self->index)
    for (guint i = 0; i < self->markers->len; i++)
      {
        const Marker *m = &g_array_index (self->markers, Marker, i);

        if (m->single && m->item == item)
          {
            func (self, cr, feature, m->x, m->y, user_data);
            n++;
          }
      }
  if (n > 0)
    return n;

  for (int world = (int) floor (view->box.x1); world <= (int) floor (view->box.x2); world++)
    for (guint p = 0; p < bri_feature_index_get_n_parts (index, item); p++)
      {
        guint n_points;
        const BriXY *pt = bri_feature_index_get_part (index, item, p, &n_points);
        double wx, wy;

        if (!view_box_contains (view, pt->x + world, pt->y))
          continue;

        bri_map_transform_to_widget (&view->t, pt->x + world, pt->y, &wx, &wy);
        func (self, cr, feature, wx, wy, user_data);
        n++;
      }

  return n;
}

static void
draw_marker_at (BriFeaturePainter *self,
                cairo_t           *cr,
                BriFeature        *feature,
                double             x,
                double             y,
                gpointer           user_data)
{
  bri_feature_style_draw_marker (cr, bri_feature_get_kind (feature), bri_feature_get_precision (feature),
                                 GPOINTER_TO_INT (user_data), self->tile_style, x, y);
}

static void
draw_focus_ring_at (BriFeaturePainter *self,
                    cairo_t           *cr,
                    BriFeature        *feature,
                    double             x,
                    double             y,
                    gpointer           user_data)
{
  draw_focus_ring (cr, x, y);
}

static void
draw_highlighted_marker (BriFeaturePainter *self,
                         cairo_t           *cr,
                         const View        *view,
                         BriFeature        *feature,
                         BriFeatureState    state)
{
  foreach_position (self, cr, view, feature, draw_marker_at, GINT_TO_POINTER (state));
}

/* From where each fanned-out marker's place is to the marker. */
static void
draw_spider_legs (BriFeaturePainter *self,
                  cairo_t           *cr)
{
  gboolean any = FALSE;

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *m = &g_array_index (self->markers, Marker, i);

      if (!m->spread)
        continue;
      cairo_move_to (cr, m->ox, m->oy);
      cairo_line_to (cr, m->x, m->y);
      any = TRUE;
    }

  if (any)
    {
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      cairo_set_line_width (cr, 3.5);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgba (cr, 0.15, 0.15, 0.2, 0.9);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);

      /* The place itself, where the legs meet. */
      for (guint i = 0; i < self->markers->len; i++)
        {
          const Marker *m = &g_array_index (self->markers, Marker, i);

          if (m->spread)
            cairo_arc (cr, m->ox, m->oy, 3.0, 0, 2 * G_PI);
          cairo_new_sub_path (cr);
        }
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
draw_markers (BriFeaturePainter *self,
              cairo_t           *cr,
              const View        *view)
{
  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *m = &g_array_index (self->markers, Marker, i);

      if (m->single)
        {
          BriFeature *feature = bri_feature_index_get_item (self->index, m->item);
          const ItemInfo *info = &g_array_index (self->item_info, ItemInfo, m->item);

          if (feature == self->selected || feature == self->hovered || feature == self->focused)
            continue;

          paint_sprite (self, cr, SPRITE_MARKER (info->kind, info->precision), m->x, m->y);
        }
      else
        paint_sprite (self, cr, SPRITE_BUBBLE (m->count), m->x, m->y);
    }

  if (self->hovered != NULL && self->hovered != self->selected)
    draw_highlighted_marker (self, cr, view, self->hovered, BRI_FEATURE_STATE_HOVERED);
  if (self->focused != NULL && self->focused != self->selected)
    draw_highlighted_marker (self, cr, view, self->focused, BRI_FEATURE_STATE_HOVERED);
  if (self->selected != NULL)
    draw_highlighted_marker (self, cr, view, self->selected, BRI_FEATURE_STATE_SELECTED);
  if (self->focused != NULL)
    foreach_position (self, cr, view, self->focused, draw_focus_ring_at, NULL);
}

/* Labels: the layer says where its markers and highlighted lines are and
 * which points want a name; BriFeatureLabels chooses and paints. */

/* Calls @func with each stretch of @item's line, in copy @world of the
 * map, that lies in the drawing, clipped to it, in its pixels. */
typedef void (*SegmentFunc) (double   ax,
                             double   ay,
                             double   bx,
                             double   by,
                             gpointer user_data);

static void
foreach_segment_in_view (const View      *view,
                         BriFeatureIndex *index,
                         guint            item,
                         int              world,
                         SegmentFunc      func,
                         gpointer         user_data)
{
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
            func (ax, ay, bx, by, user_data);
        }
    }
}

static void
add_line_segment (double   ax,
                  double   ay,
                  double   bx,
                  double   by,
                  gpointer user_data)
{
  BriFeaturePainter *self = user_data;

  bri_feature_labels_add_line (self->labels, ax, ay, bx, by);
}

static void
add_line_obstacle (BriFeaturePainter *self,
                   const View        *view,
                   BriFeature        *feature)
{
  BriFeatureIndex *index;
  guint item;

  index = find_geometry (self, feature, &item);
  if (index == NULL || bri_feature_index_item_is_point (index, item))
    return;

  for (int world = (int) floor (view->box.x1); world <= (int) floor (view->box.x2); world++)
    foreach_segment_in_view (view, index, item, world, add_line_segment, self);
}

/* The focused feature's name goes first, and is written even where the
 * map is too small for names, and for a feature inside a bubble. */
#define FOCUSED_IMPORTANCE (G_MAXINT / 2)

static void
add_focused_candidate (BriFeaturePainter *self,
                       cairo_t           *cr,
                       BriFeature        *feature,
                       double             x,
                       double             y,
                       gpointer           user_data)
{
  gboolean *added = user_data;

  if (*added)
    return;
  bri_feature_labels_add_candidate (self->labels, feature, FOCUSED_IMPORTANCE, 0, x, y,
                                    bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_HOVERED) + 7.0);
  *added = TRUE;
}

static guint
draw_labels (BriFeaturePainter *self,
             cairo_t           *cr,
             const View        *view)
{
  double r_normal = bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_NORMAL);
  gboolean few = view->t.zoom < LABEL_MIN_ZOOM;
  gboolean focused_added = FALSE;

  bri_feature_labels_begin (self->labels, view->width, view->height);
  if ((few && self->focused == NULL) || self->markers->len == 0)
    return 0;

  for (guint i = 0; i < self->label_obstacles->len; i++)
    bri_feature_labels_add_obstacle (self->labels, &g_array_index (self->label_obstacles, BriLabelRect, i));

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
      if (feature == self->focused)
        add_focused_candidate (self, cr, feature, m->x, m->y, &focused_added);
      if (few || feature == self->focused)
        continue;
      r = feature == self->selected ? bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_SELECTED) + 5.0
        : feature == self->hovered ? bri_feature_style_get_marker_radius (BRI_FEATURE_STATE_HOVERED) + 4.0
        : r_normal;
      bri_feature_labels_add_candidate (self->labels, feature, m->importance, m->item, m->x, m->y, r);
    }

  if (self->focused != NULL && !focused_added)
    foreach_position (self, cr, view, self->focused, add_focused_candidate, &focused_added);

  if (self->selected != NULL)
    add_line_obstacle (self, view, self->selected);
  if (self->hovered != NULL)
    add_line_obstacle (self, view, self->hovered);

  return bri_feature_labels_draw (self->labels, cr);
}

/* Public API */

BriFeaturePainter *
bri_feature_painter_new (void)
{
  BriFeaturePainter *self = g_new0 (BriFeaturePainter, 1);

  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    for (guint s = 0; s < 2; s++)
      self->line_buckets[k][s] = g_array_new (FALSE, FALSE, sizeof (Visible));
  self->visible_points = g_array_new (FALSE, FALSE, sizeof (Visible));
  self->item_info = g_array_new (FALSE, TRUE, sizeof (ItemInfo));
  self->markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  self->labels = bri_feature_labels_new ();
  self->label_obstacles = g_array_new (FALSE, FALSE, sizeof (BriLabelRect));
  self->sprites = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cairo_surface_destroy);
  self->scale = 1;
  self->index_stale = TRUE;

  return self;
}

void
bri_feature_painter_free (BriFeaturePainter *self)
{
  if (self == NULL)
    return;

  /* The labels are keyed by features the index keeps alive: first. */
  bri_feature_labels_free (self->labels);
  g_hash_table_unref (self->sprites);
  g_clear_pointer (&self->index, bri_feature_index_unref);
  g_clear_pointer (&self->lone_index, bri_feature_index_unref);
  g_clear_object (&self->model);
  g_clear_object (&self->selected);
  g_clear_object (&self->hovered);
  g_clear_object (&self->focused);
  g_clear_object (&self->context);
  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    for (guint s = 0; s < 2; s++)
      g_array_unref (self->line_buckets[k][s]);
  g_array_unref (self->visible_points);
  g_array_unref (self->item_info);
  g_array_unref (self->markers);
  g_array_unref (self->label_obstacles);
  g_free (self);
}

/**
 * bri_feature_painter_set_model:
 * @features: (nullable): a model of BriFeature
 *
 * The painter reads @features again at the next frame; call
 * bri_feature_painter_invalidate() whenever @features changes.  Drawing
 * from a worker thread needs a model nobody changes meanwhile.
 */
void
bri_feature_painter_set_model (BriFeaturePainter *self,
                               GListModel        *features)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (features == NULL || G_IS_LIST_MODEL (features));

  g_set_object (&self->model, features);
  /* Let go of the old features now, not at the next frame. */
  g_clear_pointer (&self->index, bri_feature_index_unref);
  g_clear_pointer (&self->lone_index, bri_feature_index_unref);
  bri_feature_labels_forget (self->labels);
  self->index_stale = TRUE;
}

/* Rebuilt at the next frame or pick: a filter that changes many times in
 * a row costs one index. */
void
bri_feature_painter_invalidate (BriFeaturePainter *self)
{
  g_return_if_fail (self != NULL);

  self->index_stale = TRUE;
}

/**
 * bri_feature_painter_set_selected:
 * @feature: (nullable): the feature to highlight; drawn even if the model
 *   does not hold it
 */
void
bri_feature_painter_set_selected (BriFeaturePainter *self,
                                  BriFeature        *feature)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (feature == NULL || BRI_IS_FEATURE (feature));

  if (g_set_object (&self->selected, feature))
    g_clear_pointer (&self->lone_index, bri_feature_index_unref);
}

void
bri_feature_painter_set_hovered (BriFeaturePainter *self,
                                 BriFeature        *feature)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (feature == NULL || BRI_IS_FEATURE (feature));

  g_set_object (&self->hovered, feature);
}

/**
 * bri_feature_painter_set_focused:
 * @feature: (nullable): the feature a keyboard has reached, drawn
 *   highlighted with a focus ring and its name
 */
void
bri_feature_painter_set_focused (BriFeaturePainter *self,
                                 BriFeature        *feature)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (feature == NULL || BRI_IS_FEATURE (feature));

  g_set_object (&self->focused, feature);
}

/**
 * bri_feature_painter_set_style:
 * @context: (nullable): the font of names and counts (on screen, the
 *   widget's); %NULL for Pango's default
 * @text_color: the names' colour
 * @scale: device pixels per pixel of the marker and name images
 * @vector: draw markers as paths and names as text, for PDF, SVG and
 *   printing, instead of painting images drawn once
 *
 * Forgets what was drawn in another style.
 */
void
bri_feature_painter_set_style (BriFeaturePainter *self,
                               PangoContext      *context,
                               const BriRgba     *text_color,
                               int                scale,
                               gboolean           vector)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (context == NULL || PANGO_IS_CONTEXT (context));
  g_return_if_fail (text_color != NULL);
  g_return_if_fail (scale >= 1);

  bri_feature_labels_set_style (self->labels, context, text_color, scale, vector);
  if (self->context == context && self->scale == scale && self->vector == !!vector)
    return;

  g_set_object (&self->context, context);
  self->scale = scale;
  self->vector = !!vector;
  g_hash_table_remove_all (self->sprites);
}

/**
 * bri_feature_painter_set_tile_style:
 * @style: the style of the basemap under the features, whose colours
 *   the kinds take (see bri-feature-style.c)
 */
void
bri_feature_painter_set_tile_style (BriFeaturePainter *self,
                                    BriTileStyle       style)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (style == BRI_TILE_STYLE_LIGHT || style == BRI_TILE_STYLE_DARK);

  if (self->tile_style == style)
    return;

  self->tile_style = style;
  g_hash_table_remove_all (self->sprites);
}

/* Drops the images of markers and names: the font, the colours or the
 * scale changed under the same context. */
void
bri_feature_painter_forget (BriFeaturePainter *self)
{
  g_return_if_fail (self != NULL);

  bri_feature_labels_forget (self->labels);
  g_hash_table_remove_all (self->sprites);
}

/* Whether a frame would draw nothing at all, wherever it looked. */
gboolean
bri_feature_painter_is_empty (BriFeaturePainter *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return bri_feature_index_get_n_items (ensure_index (self)) == 0 && self->selected == NULL;
}

/**
 * bri_feature_painter_draw:
 * @t: the view; the drawing covers 2 × @t->half_width by 2 × @t->half_height
 *   pixels from the origin of @cr
 *
 * Returns: the number of names written
 */
guint
bri_feature_painter_draw (BriFeaturePainter     *self,
                          cairo_t               *cr,
                          const BriMapTransform *t)
{
  BriFeatureIndex *index;
  View view;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (t != NULL, 0);

  view_init (&view, t);
  if (view.width <= 0 || view.height <= 0)
    return 0;

  index = ensure_index (self);
  if (bri_feature_index_get_n_items (index) == 0 && self->selected == NULL)
    return 0;

  layout_view (self, &view);
  draw_lines (self, cr, &view);
  draw_spider_legs (self, cr);
  draw_markers (self, cr, &view);
  return draw_labels (self, cr, &view);
}

/**
 * bri_feature_painter_pick:
 * @x: a position in the drawing, in pixels
 * @hit: (out): what is there
 *
 * What a click at (@x, @y) would activate: markers win over lines, as
 * they are drawn over them.
 *
 * Returns: whether anything is there
 */
gboolean
bri_feature_painter_pick (BriFeaturePainter     *self,
                          const BriMapTransform *t,
                          double                 x,
                          double                 y,
                          BriFeatureHit         *hit)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (t != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  return hit_test (self, t, x, y, hit);
}

/**
 * bri_feature_painter_get_label_area:
 * @area: (out): where the name is, in the drawing's pixels
 *
 * Returns: whether the last frame wrote @feature's name
 */
gboolean
bri_feature_painter_get_label_area (BriFeaturePainter *self,
                                    BriFeature        *feature,
                                    BriLabelRect      *area)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return bri_feature_labels_get_area (self->labels, feature, area);
}

/**
 * bri_feature_painter_set_show_points:
 * @show: %FALSE to draw the lines only
 *
 * For a map whose own marks stand for the places (a tour's numbered
 * stops).
 */
void
bri_feature_painter_set_show_points (BriFeaturePainter *self,
                                     gboolean           show)
{
  g_return_if_fail (self != NULL);

  self->hide_points = !show;
}

/**
 * bri_feature_painter_set_label_obstacles:
 * @rects: (array length=n_rects): areas of the drawing names must leave
 *   clear, in its pixels
 *
 * For a drawing with more on it than the features: a legend, a scale
 * bar, the names of countries.
 *
 * Returns: whether they differ from the last ones set
 */
gboolean
bri_feature_painter_set_label_obstacles (BriFeaturePainter  *self,
                                         const BriLabelRect *rects,
                                         guint               n_rects)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rects != NULL || n_rects == 0, FALSE);

  if (self->label_obstacles->len == n_rects &&
      (n_rects == 0 || memcmp (self->label_obstacles->data, rects, n_rects * sizeof (BriLabelRect)) == 0))
    return FALSE;

  g_array_set_size (self->label_obstacles, 0);
  g_array_append_vals (self->label_obstacles, rects, n_rects);
  return TRUE;
}

typedef struct
{
  BriFeaturePainter *self;
  BriFeaturesShown  *shown;
} CollectShown;

static void
collect_shown (guint    item,
               int      world,
               gpointer user_data)
{
  CollectShown *c = user_data;
  const ItemInfo *info = &g_array_index (c->self->item_info, ItemInfo, item);

  if (info->is_point && c->self->hide_points)
    return;

  c->shown->kinds[info->kind] = TRUE;
  if (info->is_point && info->precision == BRI_PRECISION_EXACT)
    c->shown->exact = TRUE;
  else if (info->is_point)
    c->shown->town = TRUE;
  else if (info->precision == BRI_PRECISION_SCHEMATIC)
    c->shown->schematic = TRUE;
}

/**
 * bri_feature_painter_get_shown:
 * @shown: (out caller-allocates): the kinds and precisions of the
 *   features in view, in a bubble or on their own
 *
 * What a legend of the view needs to explain.
 */
void
bri_feature_painter_get_shown (BriFeaturePainter     *self,
                               const BriMapTransform *t,
                               BriFeaturesShown      *shown)
{
  CollectShown collect;
  View view;

  g_return_if_fail (self != NULL);
  g_return_if_fail (t != NULL);
  g_return_if_fail (shown != NULL);

  memset (shown, 0, sizeof (BriFeaturesShown));
  collect.self = self;
  collect.shown = shown;
  /* Only what reaches the drawing: no margin for wide lines here. */
  view_init (&view, t);
  bri_map_transform_get_visible (&view.t, 0.0, &view.box.x1, &view.box.y1, &view.box.x2, &view.box.y2);
  bri_feature_index_query (ensure_index (self), &view.box, collect_shown, &collect);

  if (view_is_clustering (&view) && !self->hide_points)
    {
      guint n;
      const BriFeatureCluster *clusters = bri_feature_index_get_clusters (self->index, view_cluster_radius (&view), &n);

      for (guint i = 0; i < n && !shown->clusters; i++)
        for (int world = (int) floor (view.box.x1); world <= (int) floor (view.box.x2); world++)
          if (!clusters[i].single_item && view_box_contains (&view, clusters[i].x + world, clusters[i].y))
            shown->clusters = TRUE;
    }

  if (self->selected != NULL)
    shown->kinds[bri_feature_get_kind (self->selected)] = TRUE;
}

/* The features in view, for a keyboard and a screen reader. */

typedef struct
{
  BriFeatureInView in_view;
  double           distance;     /* from the middle of the view */
  int              importance;
  guint            item;
} Found;

typedef struct
{
  BriFeaturePainter *self;
  View               view;        /* the drawing only, no margin */
  const int         *marker_of;   /* item → a single marker, or -1 */
  int               *found_of;    /* item → its entry in found, or -1 */
  GArray            *found;       /* of Found */
  guint              item;        /* the line being offered */
} CollectInView;

static void
offer_position (CollectInView *c,
                guint          item,
                double         x,
                double         y)
{
  double distance = hypot (x - c->view.width / 2, y - c->view.height / 2);
  Found *f;

  if (c->found_of[item] >= 0)
    {
      /* The copy of the world nearest the middle. */
      f = &g_array_index (c->found, Found, c->found_of[item]);
      if (distance >= f->distance)
        return;
    }
  else
    {
      c->found_of[item] = c->found->len;
      g_array_set_size (c->found, c->found->len + 1);
      f = &g_array_index (c->found, Found, c->found_of[item]);
      f->item = item;
      f->in_view.feature = bri_feature_index_get_item (c->self->index, item);
      f->importance = g_array_index (c->self->item_info, ItemInfo, item).importance;
    }

  f->in_view.x = x;
  f->in_view.y = y;
  f->distance = distance;
}

static void
offer_segment (double   ax,
               double   ay,
               double   bx,
               double   by,
               gpointer user_data)
{
  CollectInView *c = user_data;

  offer_position (c, c->item, (ax + bx) / 2, (ay + by) / 2);
}

static void
collect_in_view (guint    item,
                 int      world,
                 gpointer user_data)
{
  CollectInView *c = user_data;
  BriFeatureIndex *index = c->self->index;
  const ItemInfo *info = &g_array_index (c->self->item_info, ItemInfo, item);

  if (info->is_point)
    {
      if (c->self->hide_points)
        return;

      /* Where its marker is drawn; in a bubble, where the place is. */
      if (c->marker_of[item] >= 0)
        {
          const Marker *m = &g_array_index (c->self->markers, Marker, c->marker_of[item]);

          offer_position (c, item, m->x, m->y);
          return;
        }

      for (guint p = 0; p < bri_feature_index_get_n_parts (index, item); p++)
        {
          guint n;
          const BriXY *pt = bri_feature_index_get_part (index, item, p, &n);
          double x, y;

          if (!view_box_contains (&c->view, pt->x + world, pt->y))
            continue;
          bri_map_transform_to_widget (&c->view.t, pt->x + world, pt->y, &x, &y);
          if (x >= 0 && y >= 0 && x <= c->view.width && y <= c->view.height)
            offer_position (c, item, x, y);
        }
      return;
    }

  /* A line: the middle of its stretch in view nearest the middle of the
   * view, so that the line is found where the eye is. */
  c->item = item;
  foreach_segment_in_view (&c->view, index, item, world, offer_segment, c);
}

static int
compare_importance (gconstpointer a,
                    gconstpointer b)
{
  const Found *fa = a, *fb = b;

  if (fa->importance != fb->importance)
    return fa->importance > fb->importance ? -1 : 1;
  return fa->distance < fb->distance ? -1 : fa->distance > fb->distance;
}

static int
compare_reading (gconstpointer a,
                 gconstpointer b)
{
  const Found *fa = a, *fb = b;
  double row_a = floor (fa->in_view.y / READING_ROW_PX), row_b = floor (fb->in_view.y / READING_ROW_PX);

  if (row_a != row_b)
    return row_a < row_b ? -1 : 1;
  if (fa->in_view.x != fb->in_view.x)
    return fa->in_view.x < fb->in_view.x ? -1 : 1;
  return fa->item < fb->item ? -1 : fa->item > fb->item;
}

/**
 * bri_feature_painter_list_in_view:
 * @t: the view
 * @max_features: how many to list at most: the most important ones when
 *   more are in view
 *
 * The features a frame of @t shows, markers where they are drawn
 * (fanned out or not; for a place in a bubble, where the place is) and
 * lines by the middle of their stretch in view, in reading order: in
 * rows from the top, west to east in each.  The features are the
 * model's: the list is valid until the model changes.
 *
 * Returns: (transfer full) (element-type BriFeatureInView): the features
 */
GArray *
bri_feature_painter_list_in_view (BriFeaturePainter     *self,
                                  const BriMapTransform *t,
                                  guint                  max_features)
{
  g_autofree int *marker_of = NULL;
  g_autofree int *found_of = NULL;
  g_autoptr(GArray) found = NULL;
  CollectInView collect;
  GArray *result;
  View view;
  guint n_items;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (t != NULL, NULL);

  result = g_array_new (FALSE, FALSE, sizeof (BriFeatureInView));
  view_init (&view, t);
  if (view.width <= 0 || view.height <= 0)
    return result;

  n_items = bri_feature_index_get_n_items (ensure_index (self));
  layout_view (self, &view);

  marker_of = g_new (int, n_items + 1);
  found_of = g_new (int, n_items + 1);
  for (guint i = 0; i < n_items; i++)
    marker_of[i] = found_of[i] = -1;
  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *m = &g_array_index (self->markers, Marker, i);

      if (m->single && m->x >= 0 && m->y >= 0 && m->x <= view.width && m->y <= view.height)
        marker_of[m->item] = i;
    }

  found = g_array_new (FALSE, FALSE, sizeof (Found));
  collect.self = self;
  collect.view = view;
  bri_map_transform_get_visible (&collect.view.t, 0.0, &collect.view.box.x1, &collect.view.box.y1,
                                 &collect.view.box.x2, &collect.view.box.y2);
  collect.marker_of = marker_of;
  collect.found_of = found_of;
  collect.found = found;
  bri_feature_index_query (self->index, &collect.view.box, collect_in_view, &collect);

  if (found->len > max_features)
    {
      g_array_sort (found, compare_importance);
      g_array_set_size (found, max_features);
    }
  g_array_sort (found, compare_reading);

  for (guint i = 0; i < found->len; i++)
    g_array_append_val (result, g_array_index (found, Found, i).in_view);

  return result;
}
