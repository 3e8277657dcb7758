/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureIndex: gazetteer features projected to normalized Web Mercator,
 * cut at the antimeridian, in short pieces filed in a uniform grid.
 *
 * Immutable once built, apart from two caches (the query stamps and the
 * clusters): build it in any thread, then use it from one thread. */

#define G_LOG_DOMAIN "bri-feature-index"

#include "config.h"

#include <math.h>
#include <string.h>

#include "bri-feature-index.h"
#include "bri-geo.h"

/* Segments per piece: short pieces keep the boxes tight, so a query or a
 * pick looks at few segments; the grid holds pieces, not whole lines. */
#define PIECE_SEGMENTS 8

/* A piece whose box covers more cells than this (a corridor drawn across
 * a continent in three vertices) is kept aside and looked at every time
 * rather than filed in thousands of cells. */
#define MAX_CELLS_PER_PIECE 4096

#define MAX_CLUSTER_SETS 32

typedef struct
{
  guint    first_part;
  guint    n_parts;
  gboolean is_point;
  BriFeatureBox box;
} Item;

typedef struct
{
  guint first_point;
  guint n_points;
} Part;

typedef struct
{
  guint item;
  guint first_point;
  guint n_points;
  BriFeatureBox box;
} Piece;

typedef struct
{
  double  radius;
  GArray *clusters;   /* of BriFeatureCluster */
} ClusterSet;

struct _BriFeatureIndex
{
  GPtrArray  *features;     /* of BriFeature, in model order */
  GArray     *items;        /* of Item, parallel to features */
  GArray     *parts;        /* of Part */
  GArray     *points;       /* of BriXY */
  GArray     *pieces;       /* of Piece */

  guint       grid_size;    /* cells along x and along y */
  guint      *cell_start;   /* grid_size² + 1 offsets into cell_pieces */
  guint      *cell_pieces;
  GArray     *big_pieces;   /* of guint: pieces not filed in cells */

  guint      *stamps;       /* per item: the last query that reported it */
  guint       stamp;

  GHashTable *by_feature;   /* BriFeature → item + 1, built on demand */
  GArray     *cluster_sets; /* of ClusterSet */
};

static void
cluster_set_clear (gpointer data)
{
  ClusterSet *set = data;

  g_clear_pointer (&set->clusters, g_array_unref);
}

static void
bri_feature_index_free (gpointer data)
{
  BriFeatureIndex *self = data;

  g_clear_pointer (&self->features, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->parts, g_array_unref);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_pointer (&self->cell_start, g_free);
  g_clear_pointer (&self->cell_pieces, g_free);
  g_clear_pointer (&self->big_pieces, g_array_unref);
  g_clear_pointer (&self->stamps, g_free);
  g_clear_pointer (&self->by_feature, g_hash_table_unref);
  g_clear_pointer (&self->cluster_sets, g_array_unref);
}

void
bri_feature_index_unref (BriFeatureIndex *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, bri_feature_index_free);
}

static inline void
box_extend (BriFeatureBox *box,
            const BriXY   *p)
{
  box->x1 = MIN (box->x1, p->x);
  box->y1 = MIN (box->y1, p->y);
  box->x2 = MAX (box->x2, p->x);
  box->y2 = MAX (box->y2, p->y);
}

static inline void
box_init_empty (BriFeatureBox *box)
{
  box->x1 = box->y1 = G_MAXDOUBLE;
  box->x2 = box->y2 = -G_MAXDOUBLE;
}

/* Building */

typedef struct
{
  BriFeatureIndex *self;
  Part             part;
} PartBuilder;

static void
part_begin (PartBuilder *pb)
{
  pb->part.first_point = pb->self->points->len;
  pb->part.n_points = 0;
}

static void
part_add (PartBuilder *pb,
          double       x,
          double       y)
{
  BriXY p = { x, y };

  if (pb->part.n_points > 0)
    {
      const BriXY *last = &g_array_index (pb->self->points, BriXY, pb->self->points->len - 1);

      if (last->x == x && last->y == y)
        return;
    }

  g_array_append_val (pb->self->points, p);
  pb->part.n_points++;
}

/* A line part needs two distinct points; a shorter one (a line that only
 * touched the antimeridian) is dropped. */
static void
part_end (PartBuilder *pb,
          guint        min_points)
{
  if (pb->part.n_points >= min_points)
    g_array_append_val (pb->self->parts, pb->part);
  else
    g_array_set_size (pb->self->points, pb->part.first_point);
}

/* Lines are straight in the projected plane, which is how they are drawn;
 * a segment whose longitudes differ by more than 180° is taken to run the
 * short way, across the antimeridian, and is cut there into two parts. */
static void
add_line (PartBuilder     *pb,
          const BriLonLat *v,
          guint            n)
{
  part_begin (pb);
  part_add (pb, bri_geo_lon_to_x (v[0].lon), bri_geo_lat_to_y (v[0].lat));

  for (guint j = 1; j < n; j++)
    {
      double lon0 = v[j - 1].lon, lon1 = v[j].lon;

      if (fabs (lon1 - lon0) > 180.0)
        {
          gboolean eastward = lon0 > lon1;   /* e.g. 175 → -175 */
          double edge = eastward ? 180.0 : -180.0;
          double lon1u = eastward ? lon1 + 360.0 : lon1 - 360.0;
          /* 180 → -180 is no step at all: t = 0 keeps it so. */
          double t = lon1u != lon0 ? (edge - lon0) / (lon1u - lon0) : 0.0;
          double y0 = bri_geo_lat_to_y (v[j - 1].lat);
          double y1 = bri_geo_lat_to_y (v[j].lat);
          double yc = y0 + t * (y1 - y0);

          part_add (pb, eastward ? 1.0 : 0.0, yc);
          part_end (pb, 2);
          part_begin (pb);
          part_add (pb, eastward ? 0.0 : 1.0, yc);
        }

      part_add (pb, bri_geo_lon_to_x (lon1), bri_geo_lat_to_y (v[j].lat));
    }

  part_end (pb, 2);
}

static void
add_feature (BriFeatureIndex *self,
             BriFeature      *feature)
{
  PartBuilder pb = { self, { 0, 0 } };
  Item item;

  item.first_part = self->parts->len;
  item.is_point = !bri_feature_is_line (feature);
  box_init_empty (&item.box);

  for (guint p = 0; p < bri_feature_get_n_parts (feature); p++)
    {
      guint n;
      const BriLonLat *v = bri_feature_get_part (feature, p, &n);

      if (item.is_point)
        {
          /* One part per point, so that each is a piece of its own. */
          for (guint j = 0; j < n; j++)
            {
              part_begin (&pb);
              part_add (&pb, bri_geo_lon_to_x (v[j].lon), bri_geo_lat_to_y (v[j].lat));
              part_end (&pb, 1);
            }
        }
      else if (n >= 2)
        add_line (&pb, v, n);
    }

  item.n_parts = self->parts->len - item.first_part;

  for (guint p = item.first_part; p < self->parts->len; p++)
    {
      const Part *part = &g_array_index (self->parts, Part, p);

      for (guint j = 0; j < part->n_points; j++)
        box_extend (&item.box, &g_array_index (self->points, BriXY, part->first_point + j));
    }

  g_array_append_val (self->items, item);
}

static void
add_pieces (BriFeatureIndex *self,
            guint            item_index)
{
  const Item *item = &g_array_index (self->items, Item, item_index);

  for (guint p = item->first_part; p < item->first_part + item->n_parts; p++)
    {
      const Part *part = &g_array_index (self->parts, Part, p);
      guint step = item->is_point ? 1 : PIECE_SEGMENTS;
      guint last = item->is_point ? part->n_points : part->n_points - 1;

      for (guint s = 0; s < last; s += step)
        {
          Piece piece;

          piece.item = item_index;
          piece.first_point = part->first_point + s;
          piece.n_points = item->is_point ? 1 : MIN (step, last - s) + 1;
          box_init_empty (&piece.box);
          for (guint j = 0; j < piece.n_points; j++)
            box_extend (&piece.box, &g_array_index (self->points, BriXY, piece.first_point + j));

          g_array_append_val (self->pieces, piece);
        }
    }
}

static inline int
cell_of (double v,
         guint  grid_size)
{
  return (int) floor (v * grid_size);
}

static inline guint
clamp_cell (int   c,
            guint grid_size)
{
  return (guint) CLAMP (c, 0, (int) grid_size - 1);
}

static gboolean
piece_cells (BriFeatureIndex *self,
             const Piece     *piece,
             guint           *cx1,
             guint           *cy1,
             guint           *cx2,
             guint           *cy2)
{
  guint g = self->grid_size;

  *cx1 = clamp_cell (cell_of (piece->box.x1, g), g);
  *cx2 = clamp_cell (cell_of (piece->box.x2, g), g);
  *cy1 = clamp_cell (cell_of (piece->box.y1, g), g);
  *cy2 = clamp_cell (cell_of (piece->box.y2, g), g);

  return (guint64) (*cx2 - *cx1 + 1) * (*cy2 - *cy1 + 1) <= MAX_CELLS_PER_PIECE;
}

static void
build_grid (BriFeatureIndex *self)
{
  guint n_pieces = self->pieces->len;
  guint g = (guint) ceil (sqrt ((double) n_pieces));
  guint n_cells;
  g_autofree guint *fill = NULL;

  self->grid_size = g = CLAMP (g, 4, 1024);
  n_cells = g * g;
  self->cell_start = g_new0 (guint, n_cells + 1);
  self->big_pieces = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Counting pass, then prefix sums, then the filling pass. */
  for (guint i = 0; i < n_pieces; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);
      guint cx1, cy1, cx2, cy2;

      if (!piece_cells (self, piece, &cx1, &cy1, &cx2, &cy2))
        {
          g_array_append_val (self->big_pieces, i);
          continue;
        }

      for (guint cy = cy1; cy <= cy2; cy++)
        for (guint cx = cx1; cx <= cx2; cx++)
          self->cell_start[cy * g + cx + 1]++;
    }

  for (guint c = 0; c < n_cells; c++)
    self->cell_start[c + 1] += self->cell_start[c];

  self->cell_pieces = g_new (guint, MAX (self->cell_start[n_cells], 1));
  fill = g_memdup2 (self->cell_start, sizeof (guint) * n_cells);

  for (guint i = 0; i < n_pieces; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);
      guint cx1, cy1, cx2, cy2;

      if (!piece_cells (self, piece, &cx1, &cy1, &cx2, &cy2))
        continue;

      for (guint cy = cy1; cy <= cy2; cy++)
        for (guint cx = cx1; cx <= cx2; cx++)
          self->cell_pieces[fill[cy * g + cx]++] = i;
    }
}

/**
 * bri_feature_index_new_from_array:
 * @features: (element-type BriFeature): the features to index
 *
 * Projects and files every feature.  Reads nothing but the immutable
 * features, so it may run in a worker thread.
 *
 * Returns: (transfer full): a new index
 */
BriFeatureIndex *
bri_feature_index_new_from_array (GPtrArray *features)
{
  BriFeatureIndex *self;

  g_return_val_if_fail (features != NULL, NULL);
  for (guint i = 0; i < features->len; i++)
    g_return_val_if_fail (BRI_IS_FEATURE (g_ptr_array_index (features, i)), NULL);

  self = g_atomic_rc_box_new0 (BriFeatureIndex);
  self->features = g_ptr_array_new_full (features->len, g_object_unref);
  self->items = g_array_sized_new (FALSE, FALSE, sizeof (Item), features->len);
  self->parts = g_array_sized_new (FALSE, FALSE, sizeof (Part), features->len);
  self->points = g_array_sized_new (FALSE, FALSE, sizeof (BriXY), features->len * 2);
  self->pieces = g_array_sized_new (FALSE, FALSE, sizeof (Piece), features->len);
  self->cluster_sets = g_array_new (FALSE, FALSE, sizeof (ClusterSet));
  g_array_set_clear_func (self->cluster_sets, cluster_set_clear);

  for (guint i = 0; i < features->len; i++)
    {
      BriFeature *feature = g_ptr_array_index (features, i);

      g_ptr_array_add (self->features, g_object_ref (feature));
      add_feature (self, feature);
      add_pieces (self, i);
    }

  build_grid (self);
  self->stamps = g_new0 (guint, MAX (features->len, 1));

  return self;
}

/**
 * bri_feature_index_new:
 * @features: a model of BriFeature; other items are skipped
 *
 * Returns: (transfer full): an index of the items @features holds now;
 *   it does not follow later changes to the model.
 */
BriFeatureIndex *
bri_feature_index_new (GListModel *features)
{
  g_autoptr(GPtrArray) array = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (features), NULL);

  n = g_list_model_get_n_items (features);
  array = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_list_model_get_item (features, i);

      if (BRI_IS_FEATURE (item))
        g_ptr_array_add (array, item);
      else
        g_clear_object (&item);
    }

  return bri_feature_index_new_from_array (array);
}

/* Accessors */

guint
bri_feature_index_get_n_items (BriFeatureIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->features->len;
}

/**
 * bri_feature_index_get_item:
 *
 * Returns: (transfer none): the feature of @item
 */
BriFeature *
bri_feature_index_get_item (BriFeatureIndex *self,
                            guint            item)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (item < self->features->len, NULL);

  return g_ptr_array_index (self->features, item);
}

gboolean
bri_feature_index_find_item (BriFeatureIndex *self,
                             BriFeature      *feature,
                             guint           *item)
{
  gpointer value;

  g_return_val_if_fail (self != NULL, FALSE);

  if (feature == NULL)
    return FALSE;

  if (self->by_feature == NULL)
    {
      self->by_feature = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < self->features->len; i++)
        g_hash_table_insert (self->by_feature,
                             g_ptr_array_index (self->features, i),
                             GUINT_TO_POINTER (i + 1));
    }

  value = g_hash_table_lookup (self->by_feature, feature);
  if (value == NULL)
    return FALSE;

  if (item != NULL)
    *item = GPOINTER_TO_UINT (value) - 1;

  return TRUE;
}

gboolean
bri_feature_index_item_is_point (BriFeatureIndex *self,
                                 guint            item)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (item < self->items->len, FALSE);

  return g_array_index (self->items, Item, item).is_point;
}

/* The box of every part together: for a line cut at the antimeridian it
 * spans the world, so cull with bri_feature_index_query () instead. */
void
bri_feature_index_get_item_box (BriFeatureIndex *self,
                                guint            item,
                                BriFeatureBox   *box)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (item < self->items->len);
  g_return_if_fail (box != NULL);

  *box = g_array_index (self->items, Item, item).box;
}

/* A point feature has one part per point; a line one per polyline, plus
 * one for each crossing of the antimeridian. */
guint
bri_feature_index_get_n_parts (BriFeatureIndex *self,
                               guint            item)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (item < self->items->len, 0);

  return g_array_index (self->items, Item, item).n_parts;
}

const BriXY *
bri_feature_index_get_part (BriFeatureIndex *self,
                            guint            item,
                            guint            part,
                            guint           *n_points)
{
  const Item *it;
  const Part *p;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (item < self->items->len, NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  it = &g_array_index (self->items, Item, item);
  g_return_val_if_fail (part < it->n_parts, NULL);

  p = &g_array_index (self->parts, Part, it->first_part + part);
  *n_points = p->n_points;

  return &g_array_index (self->points, BriXY, p->first_point);
}

/* Picking */

static inline double
box_distance2 (const BriFeatureBox *box,
               double               x,
               double               y)
{
  double dx = MAX (MAX (box->x1 - x, 0.0), x - box->x2);
  double dy = MAX (MAX (box->y1 - y, 0.0), y - box->y2);

  return dx * dx + dy * dy;
}

typedef struct
{
  double              r2;
  BriFeaturePickFlags flags;
  double              best_point_d2;
  guint               best_point;
  double              best_line_d2;
  guint               best_line;
} PickState;

static void
pick_piece (BriFeatureIndex *self,
            guint            piece_index,
            double           x,
            double           y,
            PickState       *st)
{
  const Piece *piece = &g_array_index (self->pieces, Piece, piece_index);
  const BriXY *pts = &g_array_index (self->points, BriXY, piece->first_point);
  gboolean is_point = g_array_index (self->items, Item, piece->item).is_point;
  double d2;

  if (is_point ? !(st->flags & BRI_FEATURE_PICK_POINTS) : !(st->flags & BRI_FEATURE_PICK_LINES))
    return;

  if (box_distance2 (&piece->box, x, y) > st->r2)
    return;

  if (is_point)
    {
      d2 = (pts->x - x) * (pts->x - x) + (pts->y - y) * (pts->y - y);
      if (d2 <= st->r2 &&
          (d2 < st->best_point_d2 || (d2 == st->best_point_d2 && piece->item < st->best_point)))
        {
          st->best_point_d2 = d2;
          st->best_point = piece->item;
        }
      return;
    }

  for (guint j = 0; j + 1 < piece->n_points; j++)
    {
      d2 = bri_geo_segment_distance2 (x, y, pts[j].x, pts[j].y, pts[j + 1].x, pts[j + 1].y);
      if (d2 <= st->r2 &&
          (d2 < st->best_line_d2 || (d2 == st->best_line_d2 && piece->item < st->best_line)))
        {
          st->best_line_d2 = d2;
          st->best_line = piece->item;
        }
    }
}

static inline int
floor_div (int a,
           int b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/**
 * bri_feature_index_pick_full:
 * @x: (in normalized Web Mercator), may lie outside [0, 1]: the world repeats
 * @world_px: the width of the world in pixels at the zoom level of interest
 * @tolerance_px: how far from the feature, in pixels, still counts
 * @flags: whether points, lines or both may be found
 * @item: (out) (optional): the item found
 * @distance_px: (out) (optional): how far it is
 *
 * Finds the feature under a point.  Points win over lines; among each, the
 * nearest wins, then the first in model order.
 *
 * Returns: whether a feature lies within @tolerance_px
 */
gboolean
bri_feature_index_pick_full (BriFeatureIndex     *self,
                             double               x,
                             double               y,
                             double               world_px,
                             double               tolerance_px,
                             BriFeaturePickFlags  flags,
                             guint               *item,
                             double              *distance_px)
{
  PickState st = { 0, flags, G_MAXDOUBLE, G_MAXUINT, G_MAXDOUBLE, G_MAXUINT };
  int g;
  double r;
  int cx1, cx2, cy1, cy2;
  guint found;
  double found_d2;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (world_px > 0.0, FALSE);
  g_return_val_if_fail (tolerance_px >= 0.0, FALSE);

  /* Bring x into the first world; the copy it came from does not matter. */
  x -= floor (x);
  g = self->grid_size;
  r = MIN (tolerance_px / world_px, 0.5);
  st.r2 = r * r;

  cx1 = cell_of (x - r, g);
  cx2 = cell_of (x + r, g);
  cy1 = clamp_cell (cell_of (y - r, g), g);
  cy2 = clamp_cell (cell_of (y + r, g), g);

  for (int cx = cx1; cx <= cx2; cx++)
    {
      /* A cell beyond the east or west edge is a cell of the first world,
       * seen from a neighbouring copy: shift the query point instead. */
      int world = floor_div (cx, g);
      int wcx = cx - world * g;
      double qx = x - world;

      for (int cy = cy1; cy <= cy2; cy++)
        {
          guint c = (guint) (cy * g + wcx);

          for (guint k = self->cell_start[c]; k < self->cell_start[c + 1]; k++)
            pick_piece (self, self->cell_pieces[k], qx, y, &st);
        }
    }

  for (guint k = 0; k < self->big_pieces->len; k++)
    for (int world = -1; world <= 1; world++)
      pick_piece (self, g_array_index (self->big_pieces, guint, k), x - world, y, &st);

  if (st.best_point != G_MAXUINT)
    {
      found = st.best_point;
      found_d2 = st.best_point_d2;
    }
  else if (st.best_line != G_MAXUINT)
    {
      found = st.best_line;
      found_d2 = st.best_line_d2;
    }
  else
    return FALSE;

  if (item != NULL)
    *item = found;
  if (distance_px != NULL)
    *distance_px = sqrt (found_d2) * world_px;

  return TRUE;
}

/**
 * bri_feature_index_pick:
 *
 * See bri_feature_index_pick_full ().
 *
 * Returns: (transfer none) (nullable): the feature under (@x, @y)
 */
BriFeature *
bri_feature_index_pick (BriFeatureIndex *self,
                        double           x,
                        double           y,
                        double           world_px,
                        double           tolerance_px)
{
  guint item;

  g_return_val_if_fail (self != NULL, NULL);

  if (!bri_feature_index_pick_full (self, x, y, world_px, tolerance_px,
                                    BRI_FEATURE_PICK_ALL, &item, NULL))
    return NULL;

  return g_ptr_array_index (self->features, item);
}

/* Queries */

static inline gboolean
boxes_intersect (const BriFeatureBox *a,
                 const BriFeatureBox *b)
{
  return a->x1 <= b->x2 && b->x1 <= a->x2 && a->y1 <= b->y2 && b->y1 <= a->y2;
}

static void
next_stamp (BriFeatureIndex *self)
{
  if (++self->stamp == 0)
    {
      memset (self->stamps, 0, sizeof (guint) * MAX (self->features->len, 1));
      self->stamp = 1;
    }
}

static inline void
report_piece (BriFeatureIndex     *self,
              guint                piece_index,
              const BriFeatureBox *box,
              int                  world,
              BriFeatureIndexFunc  func,
              gpointer             user_data)
{
  const Piece *piece = &g_array_index (self->pieces, Piece, piece_index);

  if (self->stamps[piece->item] == self->stamp || !boxes_intersect (&piece->box, box))
    return;

  self->stamps[piece->item] = self->stamp;
  func (piece->item, world, user_data);
}

/**
 * bri_feature_index_query:
 * @box: the region of interest; it may reach into the copies of the world
 *   east and west of the first one
 * @func: (scope call): called once per item and copy of the world, for
 *   each item with a piece whose bounding box intersects @box
 *
 * Pieces are short stretches of a line, so a long line that only passes
 * near the box is not reported.
 */
void
bri_feature_index_query (BriFeatureIndex     *self,
                         const BriFeatureBox *box,
                         BriFeatureIndexFunc  func,
                         gpointer             user_data)
{
  int g;
  int first_world, last_world;

  g_return_if_fail (self != NULL);
  g_return_if_fail (box != NULL);
  g_return_if_fail (func != NULL);

  if (box->x1 > box->x2 || box->y1 > box->y2 || self->features->len == 0)
    return;

  g = self->grid_size;
  first_world = (int) floor (box->x1);
  last_world = (int) floor (box->x2);
  /* Nobody looks at more than a few copies at once; a runaway box
   * (zoom level 0 in a huge window) is cut down rather than looped over. */
  last_world = MIN (last_world, first_world + 63);

  for (int world = first_world; world <= last_world; world++)
    {
      BriFeatureBox sub;
      guint cx1, cx2, cy1, cy2;
      guint64 n_cells;

      sub.x1 = MAX (box->x1 - world, 0.0);
      sub.x2 = MIN (box->x2 - world, 1.0);
      sub.y1 = box->y1;
      sub.y2 = box->y2;
      if (sub.x1 > sub.x2)
        continue;

      next_stamp (self);

      cx1 = clamp_cell (cell_of (sub.x1, g), g);
      cx2 = clamp_cell (cell_of (sub.x2, g), g);
      cy1 = clamp_cell (cell_of (sub.y1, g), g);
      cy2 = clamp_cell (cell_of (sub.y2, g), g);
      n_cells = (guint64) (cx2 - cx1 + 1) * (cy2 - cy1 + 1);

      if (n_cells > self->pieces->len)
        {
          /* Most of the world is in view: a plain scan beats the cells. */
          for (guint k = 0; k < self->pieces->len; k++)
            report_piece (self, k, &sub, world, func, user_data);
          continue;
        }

      for (guint cy = cy1; cy <= cy2; cy++)
        for (guint cx = cx1; cx <= cx2; cx++)
          {
            guint c = cy * g + cx;

            for (guint k = self->cell_start[c]; k < self->cell_start[c + 1]; k++)
              report_piece (self, self->cell_pieces[k], &sub, world, func, user_data);
          }

      for (guint k = 0; k < self->big_pieces->len; k++)
        report_piece (self, g_array_index (self->big_pieces, guint, k), &sub, world, func, user_data);
    }
}

static void
collect_feature (guint    item,
                 int      world,
                 gpointer user_data)
{
  gpointer *data = user_data;
  BriFeatureIndex *self = data[0];
  GHashTable *seen = data[1];
  GPtrArray *result = data[2];
  BriFeature *feature = g_ptr_array_index (self->features, item);

  if (g_hash_table_add (seen, feature))
    g_ptr_array_add (result, g_object_ref (feature));
}

/**
 * bri_feature_index_query_features:
 *
 * Like bri_feature_index_query (), for callers that only want to know
 * which features are in the box, once each, whichever the copy.
 *
 * Returns: (transfer container) (element-type BriFeature): the features
 */
GPtrArray *
bri_feature_index_query_features (BriFeatureIndex     *self,
                                  const BriFeatureBox *box)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  gpointer data[3] = { self, seen, result };

  g_return_val_if_fail (self != NULL, result);

  bri_feature_index_query (self, box, collect_feature, data);

  return result;
}

/* Clusters */

typedef struct
{
  double sum_x;
  double sum_y;
  int    next;     /* the next seed in the same cell, or -1 */
} Seed;

/* g_int64_hash () folds the two halves together, and column ^ row
 * collides all along the diagonals: mix the bits instead. */
static guint
cell_hash (gconstpointer key)
{
  return (guint) ((*(const guint64 *) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32);
}

static GArray *
compute_clusters (BriFeatureIndex *self,
                  double           radius)
{
  g_autoptr(GHashTable) cells = g_hash_table_new (cell_hash, g_int64_equal);
  g_autoptr(GArray) seeds = g_array_new (FALSE, FALSE, sizeof (Seed));
  g_autofree gint64 *keys = NULL;
  GArray *clusters = g_array_new (FALSE, FALSE, sizeof (BriFeatureCluster));
  guint n_point_parts = 0;
  gint64 n_columns;
  double cell;
  double r2 = radius * radius;

  /* Cells at least as wide as the radius, a whole number of them around
   * the world, so that the 3 × 3 cells around a point hold every seed
   * within reach, across the antimeridian too. */
  n_columns = MAX ((gint64) floor (1.0 / radius), 1);
  cell = 1.0 / n_columns;

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (item->is_point)
        n_point_parts += item->n_parts;
    }

  /* One key per cell at most, and the hash table keeps pointers into
   * this array, so it must never move. */
  keys = g_new (gint64, MAX (n_point_parts, 1));

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (!item->is_point)
        continue;

      for (guint p = item->first_part; p < item->first_part + item->n_parts; p++)
        {
          const Part *part = &g_array_index (self->parts, Part, p);
          const BriXY *pt = &g_array_index (self->points, BriXY, part->first_point);
          gint64 ix = MIN ((gint64) floor (pt->x / cell), n_columns - 1);
          gint64 iy = (gint64) floor (pt->y / cell);
          int best = -1;
          double best_d2 = G_MAXDOUBLE;
          BriFeatureCluster *cluster;
          Seed *seed;

          /* The nearest seed within reach, if any. */
          for (gint64 dy = -1; dy <= 1; dy++)
            for (gint64 dx = -1; dx <= 1; dx++)
              {
                gint64 key = (((ix + dx + n_columns) % n_columns) << 32) | ((iy + dy) & 0xffffffff);
                gpointer found = g_hash_table_lookup (cells, &key);

                for (int k = found ? GPOINTER_TO_INT (found) - 1 : -1; k >= 0;
                     k = g_array_index (seeds, Seed, k).next)
                  {
                    const BriFeatureCluster *c = &g_array_index (clusters, BriFeatureCluster, k);
                    double ddx = pt->x - c->x, ddy = pt->y - c->y;
                    double d2;

                    ddx -= round (ddx);
                    d2 = ddx * ddx + ddy * ddy;
                    if (d2 <= r2 && d2 < best_d2)
                      {
                        best = k;
                        best_d2 = d2;
                      }
                  }
              }

          if (best < 0)
            {
              /* A new seed: its position is the one others are measured
               * against, so that the clusters do not drift with order. */
              BriFeatureCluster c = { pt->x, pt->y, 0, i, TRUE };
              Seed s = { 0.0, 0.0, -1 };
              gint64 key = (ix << 32) | (iy & 0xffffffff);
              gpointer head = g_hash_table_lookup (cells, &key);

              g_array_append_val (clusters, c);
              g_array_append_val (seeds, s);
              best = clusters->len - 1;

              /* The new seed heads its cell's list.  Inserting under a key
               * already there keeps the stored key, so a stack key does. */
              if (head != NULL)
                {
                  g_array_index (seeds, Seed, best).next = GPOINTER_TO_INT (head) - 1;
                  g_hash_table_insert (cells, &key, GINT_TO_POINTER (best + 1));
                }
              else
                {
                  guint n = g_hash_table_size (cells);

                  keys[n] = key;
                  g_hash_table_insert (cells, &keys[n], GINT_TO_POINTER (best + 1));
                }
            }

          cluster = &g_array_index (clusters, BriFeatureCluster, best);
          seed = &g_array_index (seeds, Seed, best);
          seed->sum_x += pt->x - round (pt->x - cluster->x);
          seed->sum_y += pt->y;
          cluster->n_members++;
          if (cluster->item != i)
            cluster->single_item = FALSE;
        }
    }

  /* Bubbles sit at the mean of their members; a lone point stays put. */
  for (guint c = 0; c < clusters->len; c++)
    {
      BriFeatureCluster *cluster = &g_array_index (clusters, BriFeatureCluster, c);
      const Seed *seed = &g_array_index (seeds, Seed, c);

      if (cluster->n_members > 1)
        {
          cluster->x = seed->sum_x / cluster->n_members;
          cluster->y = seed->sum_y / cluster->n_members;
          cluster->x -= floor (cluster->x);
        }
    }

  return clusters;
}

/**
 * bri_feature_index_get_clusters:
 * @radius: how near, in normalized units (pixels / world_px), a point must
 *   be to a cluster's first point to join it
 * @n_clusters: (out): how many clusters there are
 *
 * Gathers the points of point features, greedily in model order: each
 * point joins the nearest cluster whose first point is within @radius,
 * or starts one.  Nothing depends on the view, so clusters stay put while
 * the map pans.  Cached per radius.
 *
 * Returns: (array length=n_clusters) (transfer none): the clusters, in
 *   the order of their first member
 */
const BriFeatureCluster *
bri_feature_index_get_clusters (BriFeatureIndex *self,
                                double           radius,
                                guint           *n_clusters)
{
  ClusterSet set;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (radius > 0.0 && radius <= 0.5, NULL);
  g_return_val_if_fail (n_clusters != NULL, NULL);

  for (guint i = 0; i < self->cluster_sets->len; i++)
    {
      ClusterSet *cached = &g_array_index (self->cluster_sets, ClusterSet, i);

      if (cached->radius == radius)
        {
          *n_clusters = cached->clusters->len;
          return (const BriFeatureCluster *) (gpointer) cached->clusters->data;
        }
    }

  if (self->cluster_sets->len >= MAX_CLUSTER_SETS)
    g_array_set_size (self->cluster_sets, 0);

  set.radius = radius;
  set.clusters = compute_clusters (self, radius);
  g_array_append_val (self->cluster_sets, set);

  *n_clusters = set.clusters->len;
  return (const BriFeatureCluster *) (gpointer) set.clusters->data;
}
