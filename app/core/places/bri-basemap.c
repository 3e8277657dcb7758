/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriBasemap: country outlines read in place from a "BRIB" file (format in
 * bri-basemap.h). Everything is checked once at load, so the accessors can
 * index the tables without further tests and without ever reading out of
 * bounds, whatever the file holds. */

#define G_LOG_DOMAIN "bri-basemap"

#include "config.h"

#include <math.h>
#include <string.h>

#include "bri-basemap.h"

GResource *bri_data_get_resource (void);

#define BASEMAP_VERSION 1
#define RESOURCE_PATH "/org/example/BriAtlas/data/basemap/countries-%s.bin"

typedef struct
{
  char    magic[4];
  guint32 version;
  guint32 header_size;
  guint32 file_size;
  guint32 n_countries;
  guint32 n_polygons;
  guint32 n_rings;
  guint32 n_points;
  guint32 countries_offset;
  guint32 polygons_offset;
  guint32 rings_offset;
  guint32 points_offset;
  guint32 scale;
  guint32 reserved[3];
} FileHeader;

typedef struct
{
  gint32        numeric;
  guint32       first_polygon;
  guint32       n_polygons;
  guint32       first_ring;
  guint32       n_rings;
  BriBasemapBox box;
} FileCountry;

typedef struct
{
  guint32       first_ring;
  guint32       n_rings;
  BriBasemapBox box;
} FilePolygon;

typedef struct
{
  guint32       first_point;
  guint32       n_points;
  BriBasemapBox box;
} FileRing;

G_STATIC_ASSERT (sizeof (FileHeader) == 64);
G_STATIC_ASSERT (sizeof (FileCountry) == 36);
G_STATIC_ASSERT (sizeof (FilePolygon) == 24);
G_STATIC_ASSERT (sizeof (FileRing) == 24);
G_STATIC_ASSERT (sizeof (float) == 4);

struct _BriBasemap
{
  GBytes            *bytes;      /* keeps the mapping or resource alive */
  const FileHeader  *header;
  const FileCountry *countries;
  const FilePolygon *polygons;
  const FileRing    *rings;
  const float       *points;
  BriGeoBounds      *bounds;     /* per country, lon/lat, antimeridian-aware */
};

G_DEFINE_BOXED_TYPE (BriBasemap, bri_basemap, bri_basemap_ref, bri_basemap_unref)
G_DEFINE_QUARK (bri-basemap-error-quark, bri_basemap_error)

static void
bri_basemap_clear (BriBasemap *self)
{
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->bounds, g_free);
}

BriBasemap *
bri_basemap_ref (BriBasemap *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
bri_basemap_unref (BriBasemap *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) bri_basemap_clear);
}

G_GNUC_PRINTF (3, 4)
static gboolean
set_invalid (GError     **error,
             guint64      offset,
             const char  *format,
             ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, BRI_BASEMAP_ERROR, BRI_BASEMAP_ERROR_INVALID,
               "Invalid basemap at byte %" G_GUINT64_FORMAT ": %s", offset, what);
  return FALSE;
}

static gboolean
box_is_valid (const BriBasemapBox *box)
{
  /* Written so that NaN fails every comparison and so the test. */
  return box->min_x >= 0.0f && box->min_x <= box->max_x && box->max_x <= 1.0f &&
         box->min_y >= 0.0f && box->min_y <= box->max_y && box->max_y <= 1.0f;
}

static gboolean
box_inside (const BriBasemapBox *inner,
            const BriBasemapBox *outer)
{
  return inner->min_x >= outer->min_x && inner->max_x <= outer->max_x &&
         inner->min_y >= outer->min_y && inner->max_y <= outer->max_y;
}

static gboolean
check_section (guint       field,
               guint32     offset,
               guint64     expected,
               const char *what,
               GError    **error)
{
  if (offset != expected)
    return set_invalid (error, field, "%s table at offset %u, expected %" G_GUINT64_FORMAT,
                        what, offset, expected);
  return TRUE;
}

static gboolean
validate_header (const FileHeader  *h,
                 gsize              size,
                 GError           **error)
{
  guint64 end;

  if (memcmp (h->magic, "BRIB", 4) != 0)
    return set_invalid (error, G_STRUCT_OFFSET (FileHeader, magic), "magic is not \"BRIB\"");
  if (h->version != BASEMAP_VERSION)
    return set_invalid (error, G_STRUCT_OFFSET (FileHeader, version),
                        "version %u, this program reads version %u", h->version, BASEMAP_VERSION);
  if (h->header_size != sizeof (FileHeader))
    return set_invalid (error, G_STRUCT_OFFSET (FileHeader, header_size),
                        "header size %u, expected %u", h->header_size, (guint) sizeof (FileHeader));
  if (h->file_size != size)
    return set_invalid (error, G_STRUCT_OFFSET (FileHeader, file_size),
                        "header gives a size of %u bytes but there are %" G_GSIZE_FORMAT
                        " (truncated or padded)", h->file_size, size);
  if (h->n_countries == 0 || h->n_polygons == 0 || h->n_rings == 0 || h->n_points == 0)
    return set_invalid (error, G_STRUCT_OFFSET (FileHeader, n_countries),
                        "empty basemap (%u countries, %u polygons, %u rings, %u points)",
                        h->n_countries, h->n_polygons, h->n_rings, h->n_points);

  /* 64-bit sums: counts near 2^32 must not wrap round into a plausible offset. */
  end = h->header_size;
  if (!check_section (G_STRUCT_OFFSET (FileHeader, countries_offset),
                      h->countries_offset, end, "country", error))
    return FALSE;
  end += (guint64) h->n_countries * sizeof (FileCountry);
  if (!check_section (G_STRUCT_OFFSET (FileHeader, polygons_offset),
                      h->polygons_offset, end, "polygon", error))
    return FALSE;
  end += (guint64) h->n_polygons * sizeof (FilePolygon);
  if (!check_section (G_STRUCT_OFFSET (FileHeader, rings_offset),
                      h->rings_offset, end, "ring", error))
    return FALSE;
  end += (guint64) h->n_rings * sizeof (FileRing);
  if (!check_section (G_STRUCT_OFFSET (FileHeader, points_offset),
                      h->points_offset, end, "point", error))
    return FALSE;
  end += (guint64) h->n_points * 2 * sizeof (float);
  if (end != size)
    return set_invalid (error, G_STRUCT_OFFSET (FileHeader, n_points),
                        "the tables end at byte %" G_GUINT64_FORMAT " but the data has %"
                        G_GSIZE_FORMAT " bytes", end, size);
  return TRUE;
}

static gboolean
validate_tables (BriBasemap  *self,
                 GError     **error)
{
  const FileHeader *h = self->header;
  gint64 last_numeric = G_MININT64;

  for (guint i = 0; i < h->n_countries; i++)
    {
      const FileCountry *c = &self->countries[i];
      guint64 at = h->countries_offset + (guint64) i * sizeof (FileCountry);
      guint64 ring;

      if (c->numeric <= last_numeric)
        return set_invalid (error, at, "country %u has code %d, not above the previous %"
                            G_GINT64_FORMAT, i, c->numeric, last_numeric);
      last_numeric = c->numeric;
      if (c->n_polygons == 0 ||
          (guint64) c->first_polygon + c->n_polygons > h->n_polygons)
        return set_invalid (error, at + G_STRUCT_OFFSET (FileCountry, first_polygon),
                            "country %d has polygons %u..+%u, the file has %u",
                            c->numeric, c->first_polygon, c->n_polygons, h->n_polygons);
      if ((guint64) c->first_ring + c->n_rings > h->n_rings)
        return set_invalid (error, at + G_STRUCT_OFFSET (FileCountry, first_ring),
                            "country %d has rings %u..+%u, the file has %u",
                            c->numeric, c->first_ring, c->n_rings, h->n_rings);
      if (!box_is_valid (&c->box))
        return set_invalid (error, at + G_STRUCT_OFFSET (FileCountry, box),
                            "country %d has an invalid box", c->numeric);

      /* A country's polygons must tile exactly its run of rings, so that
       * walking either gives the same outlines. */
      ring = c->first_ring;
      for (guint p = c->first_polygon; p < c->first_polygon + c->n_polygons; p++)
        {
          const FilePolygon *poly = &self->polygons[p];
          guint64 pat = h->polygons_offset + (guint64) p * sizeof (FilePolygon);

          if (poly->first_ring != ring || poly->n_rings == 0 ||
              ring + poly->n_rings > (guint64) c->first_ring + c->n_rings)
            return set_invalid (error, pat, "polygon %u of country %d has rings %u..+%u, "
                                "outside the country's rings %u..+%u", p, c->numeric,
                                poly->first_ring, poly->n_rings, c->first_ring, c->n_rings);
          if (!box_is_valid (&poly->box) || !box_inside (&poly->box, &c->box))
            return set_invalid (error, pat + G_STRUCT_OFFSET (FilePolygon, box),
                                "polygon %u has a box outside its country's", p);
          for (guint r = poly->first_ring; r < poly->first_ring + poly->n_rings; r++)
            {
              guint64 rat = h->rings_offset + (guint64) r * sizeof (FileRing);

              if (!box_is_valid (&self->rings[r].box) ||
                  !box_inside (&self->rings[r].box, &poly->box))
                return set_invalid (error, rat + G_STRUCT_OFFSET (FileRing, box),
                                    "ring %u has a box outside its polygon's", r);
            }
          ring += poly->n_rings;
        }
      if (ring != (guint64) c->first_ring + c->n_rings)
        return set_invalid (error, at + G_STRUCT_OFFSET (FileCountry, n_rings),
                            "country %d has %u rings but its polygons have %" G_GUINT64_FORMAT,
                            c->numeric, c->n_rings, ring - c->first_ring);
    }

  for (guint r = 0; r < h->n_rings; r++)
    {
      const FileRing *ring = &self->rings[r];
      guint64 at = h->rings_offset + (guint64) r * sizeof (FileRing);
      const float *pt;

      if (ring->n_points < 3 || (guint64) ring->first_point + ring->n_points > h->n_points)
        return set_invalid (error, at, "ring %u has points %u..+%u, the file has %u",
                            r, ring->first_point, ring->n_points, h->n_points);

      /* The boxes are what lets a tile skip a ring: a point outside its
       * ring's box would silently vanish from lookups and drawing. */
      pt = self->points + 2 * (gsize) ring->first_point;
      for (guint i = 0; i < ring->n_points; i++, pt += 2)
        {
          if (!(pt[0] >= ring->box.min_x && pt[0] <= ring->box.max_x &&
                pt[1] >= ring->box.min_y && pt[1] <= ring->box.max_y))
            return set_invalid (error, h->points_offset + 8 * ((guint64) ring->first_point + i),
                                "point %u of ring %u (%g, %g) lies outside the ring's box",
                                i, r, pt[0], pt[1]);
        }
    }

  return TRUE;
}

static int
compare_floats (gconstpointer a,
                gconstpointer b)
{
  const float *fa = a, *fb = b;

  return (fa[0] > fb[0]) - (fa[0] < fb[0]);
}

/* Longitude bounds from the rings' x ranges: the box is the complement of
 * the widest stretch of longitude no ring covers, which may straddle the
 * antimeridian (Russia's is between Chukotka's east tip and the Baltic). */
static void
compute_bounds (BriBasemap   *self,
                guint         country,
                BriGeoBounds *bounds)
{
  const FileCountry *c = &self->countries[country];
  g_autofree float *spans = g_new (float, 2 * c->n_rings);
  float reach, gap_start, gap_end, best_gap;

  for (guint i = 0; i < c->n_rings; i++)
    {
      spans[2 * i] = self->rings[c->first_ring + i].box.min_x;
      spans[2 * i + 1] = self->rings[c->first_ring + i].box.max_x;
    }
  qsort (spans, c->n_rings, 2 * sizeof (float), compare_floats);

  /* The gap round the back of the world, from the last span's end to the
   * first span's start, is the default. */
  reach = spans[1];
  for (guint i = 1; i < c->n_rings; i++)
    reach = MAX (reach, spans[2 * i + 1]);
  best_gap = spans[0] + 1.0f - reach;
  gap_start = reach;
  gap_end = spans[0];

  reach = spans[1];
  for (guint i = 1; i < c->n_rings; i++)
    {
      if (spans[2 * i] - reach > best_gap)
        {
          best_gap = spans[2 * i] - reach;
          gap_start = reach;
          gap_end = spans[2 * i];
        }
      reach = MAX (reach, spans[2 * i + 1]);
    }

  bounds->min_lon = bri_geo_x_to_lon (gap_end);
  bounds->max_lon = bri_geo_x_to_lon (gap_start);
  bounds->min_lat = bri_geo_y_to_lat (c->box.max_y);
  bounds->max_lat = bri_geo_y_to_lat (c->box.min_y);
}

/**
 * bri_basemap_new_from_bytes:
 * @bytes: a "BRIB" file
 *
 * Checks every count, offset and box of @bytes and uses it in place when it
 * is 4-byte aligned and the host is little-endian (otherwise it works on a
 * converted copy).
 *
 * Returns: (transfer full): the basemap, or %NULL with @error naming the
 *   byte offset and what is wrong there
 */
BriBasemap *
bri_basemap_new_from_bytes (GBytes  *bytes,
                            GError **error)
{
  g_autoptr(BriBasemap) self = NULL;
  g_autoptr(GBytes) usable = NULL;
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size < sizeof (FileHeader))
    {
      set_invalid (error, size, "the data ends before the %u-byte header does",
                   (guint) sizeof (FileHeader));
      return NULL;
    }
  if (memcmp (data, "BRIB", 4) != 0)
    {
      set_invalid (error, 0, "magic is not \"BRIB\"");
      return NULL;
    }

  if (G_BYTE_ORDER != G_LITTLE_ENDIAN || ((guintptr) data % 4) != 0)
    {
      guint32 *words = g_malloc (size);

      memcpy (words, data, size);
#if G_BYTE_ORDER != G_LITTLE_ENDIAN
      /* Every field after the magic is a 32-bit word. */
      for (gsize i = 1; i < size / 4; i++)
        words[i] = GUINT32_FROM_LE (words[i]);
#endif
      usable = g_bytes_new_take (words, size);
    }
  else
    usable = g_bytes_ref (bytes);

  data = g_bytes_get_data (usable, &size);
  self = g_atomic_rc_box_new0 (BriBasemap);
  self->bytes = g_steal_pointer (&usable);
  self->header = (const FileHeader *) data;

  if (!validate_header (self->header, size, error))
    return NULL;

  self->countries = (const FileCountry *) (data + self->header->countries_offset);
  self->polygons = (const FilePolygon *) (data + self->header->polygons_offset);
  self->rings = (const FileRing *) (data + self->header->rings_offset);
  self->points = (const float *) (data + self->header->points_offset);

  if (!validate_tables (self, error))
    return NULL;

  self->bounds = g_new (BriGeoBounds, self->header->n_countries);
  for (guint i = 0; i < self->header->n_countries; i++)
    compute_bounds (self, i, &self->bounds[i]);

  return g_steal_pointer (&self);
}

/**
 * bri_basemap_load_resolution:
 * @resolution: "110m", "50m" or "10m"
 *
 * Loads the built-in outlines at that Natural Earth scale, or, when
 * $BRI_ATLAS_DATA_DIR is set, maps $BRI_ATLAS_DATA_DIR/basemap/countries-@resolution.bin.
 *
 * Returns: (transfer full): the basemap, or %NULL with @error set
 */
BriBasemap *
bri_basemap_load_resolution (const char  *resolution,
                             GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  const char *dir;
  BriBasemap *self;

  g_return_val_if_fail (resolution != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_str_equal (resolution, "110m") &&
      !g_str_equal (resolution, "50m") &&
      !g_str_equal (resolution, "10m"))
    {
      g_set_error (error, BRI_BASEMAP_ERROR, BRI_BASEMAP_ERROR_UNKNOWN_RESOLUTION,
                   "No basemap at resolution “%s” (there are 110m, 50m and 10m)", resolution);
      return NULL;
    }

  dir = g_getenv ("BRI_ATLAS_DATA_DIR");
  if (dir != NULL && dir[0] != '\0')
    {
      g_autoptr(GMappedFile) mapped = NULL;

      name = g_strdup_printf ("%s/basemap/countries-%s.bin", dir, resolution);
      mapped = g_mapped_file_new (name, FALSE, error);
      if (mapped == NULL)
        return NULL;
      bytes = g_mapped_file_get_bytes (mapped);
    }
  else
    {
      name = g_strdup_printf (RESOURCE_PATH, resolution);
      /* Looking up in our own resource, rather than the global registry,
       * also links it into binaries that use only the basemap. */
      bytes = g_resource_lookup_data (bri_data_get_resource (), name,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;
    }

  self = bri_basemap_new_from_bytes (bytes, error);
  if (self == NULL)
    g_prefix_error (error, "%s: ", name);
  return self;
}

guint
bri_basemap_get_scale (BriBasemap *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->header->scale;
}

guint
bri_basemap_get_n_countries (BriBasemap *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->header->n_countries;
}

guint
bri_basemap_get_n_polygons (BriBasemap *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->header->n_polygons;
}

guint
bri_basemap_get_n_rings (BriBasemap *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->header->n_rings;
}

guint
bri_basemap_get_n_points (BriBasemap *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->header->n_points;
}

int
bri_basemap_get_country_numeric (BriBasemap *self,
                                 guint       country)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (country < self->header->n_countries, -1);

  return self->countries[country].numeric;
}

void
bri_basemap_get_country_box (BriBasemap    *self,
                             guint          country,
                             BriBasemapBox *box)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (country < self->header->n_countries);
  g_return_if_fail (box != NULL);

  *box = self->countries[country].box;
}

void
bri_basemap_get_country_polygons (BriBasemap *self,
                                  guint       country,
                                  guint      *first_polygon,
                                  guint      *n_polygons)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (country < self->header->n_countries);

  if (first_polygon != NULL)
    *first_polygon = self->countries[country].first_polygon;
  if (n_polygons != NULL)
    *n_polygons = self->countries[country].n_polygons;
}

void
bri_basemap_get_country_rings (BriBasemap *self,
                               guint       country,
                               guint      *first_ring,
                               guint      *n_rings)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (country < self->header->n_countries);

  if (first_ring != NULL)
    *first_ring = self->countries[country].first_ring;
  if (n_rings != NULL)
    *n_rings = self->countries[country].n_rings;
}

void
bri_basemap_get_polygon (BriBasemap    *self,
                         guint          polygon,
                         guint         *first_ring,
                         guint         *n_rings,
                         BriBasemapBox *box)
{
  const FilePolygon *p;

  g_return_if_fail (self != NULL);
  g_return_if_fail (polygon < self->header->n_polygons);

  p = &self->polygons[polygon];
  if (first_ring != NULL)
    *first_ring = p->first_ring;
  if (n_rings != NULL)
    *n_rings = p->n_rings;
  if (box != NULL)
    *box = p->box;
}

void
bri_basemap_get_ring (BriBasemap     *self,
                      guint           ring,
                      BriBasemapRing *out)
{
  const FileRing *r;

  g_return_if_fail (self != NULL);
  g_return_if_fail (ring < self->header->n_rings);
  g_return_if_fail (out != NULL);

  r = &self->rings[ring];
  out->points = self->points + 2 * (gsize) r->first_point;
  out->n_points = r->n_points;
  out->box = r->box;
}

/**
 * bri_basemap_lookup_country:
 * @numeric: an ISO 3166-1 numeric code
 *
 * Returns: the country's index, or -1 when the basemap has no such country
 */
int
bri_basemap_lookup_country (BriBasemap *self,
                            int         numeric)
{
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, -1);

  hi = self->header->n_countries;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->countries[mid].numeric < numeric)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo < self->header->n_countries && self->countries[lo].numeric == numeric)
    return lo;
  return -1;
}

static inline gboolean
box_contains (const BriBasemapBox *box,
              double               x,
              double               y)
{
  return x >= box->min_x && x <= box->max_x && y >= box->min_y && y <= box->max_y;
}

static void
to_map (double  lon,
        double  lat,
        double *x,
        double *y)
{
  *x = bri_geo_lon_to_x (lon);
  /* A point beyond the Mercator limit is kept just inside the map, so that
   * the South Pole is still in Antarctica (whose ring runs along y = 1). */
  *y = CLAMP (bri_geo_lat_to_y (lat), 1e-9, 1.0 - 1e-9);
}

static gboolean
country_contains_xy (BriBasemap *self,
                     guint       country,
                     double      x,
                     double      y)
{
  const FileCountry *c = &self->countries[country];
  gboolean inside = FALSE;

  if (!box_contains (&c->box, x, y))
    return FALSE;

  /* Even-odd over all the country's rings: holes and islands in lakes
   * come out right whatever polygon they were filed under. */
  for (guint r = c->first_ring; r < c->first_ring + c->n_rings; r++)
    {
      const FileRing *ring = &self->rings[r];

      if (box_contains (&ring->box, x, y) &&
          bri_geo_point_in_ring (self->points + 2 * (gsize) ring->first_point,
                                 ring->n_points, x, y))
        inside = !inside;
    }

  return inside;
}

/**
 * bri_basemap_find_country:
 *
 * Returns: the numeric code of the country at @lon, @lat, or -1 at sea
 */
int
bri_basemap_find_country (BriBasemap *self,
                          double      lon,
                          double      lat)
{
  double x, y;

  g_return_val_if_fail (self != NULL, -1);

  if (!isfinite (lon) || !isfinite (lat))
    return -1;

  to_map (lon, lat, &x, &y);
  for (guint i = 0; i < self->header->n_countries; i++)
    {
      if (country_contains_xy (self, i, x, y))
        return self->countries[i].numeric;
    }

  return -1;
}

gboolean
bri_basemap_country_contains (BriBasemap *self,
                              int         numeric,
                              double      lon,
                              double      lat)
{
  double x, y;
  int i;

  g_return_val_if_fail (self != NULL, FALSE);

  i = bri_basemap_lookup_country (self, numeric);
  if (i < 0 || !isfinite (lon) || !isfinite (lat))
    return FALSE;

  to_map (lon, lat, &x, &y);
  return country_contains_xy (self, i, x, y);
}

static double
box_distance2 (const BriBasemapBox *box,
               double               x,
               double               y)
{
  double dx = MAX (MAX (box->min_x - x, 0.0), x - box->max_x);
  double dy = MAX (MAX (box->min_y - y, 0.0), y - box->max_y);

  return dx * dx + dy * dy;
}

/**
 * bri_basemap_get_distance_inside:
 * @numeric: (out) (optional): the country the point is in, or -1
 *
 * How far a point lies inside a country: the distance to the nearest
 * edge of the country's outline, its coast or a land border, in
 * kilometres; 0 at sea.  What checks that a sea route keeps to the sea,
 * sample by sample.  The cuts along the antimeridian are not edges.
 *
 * Returns: the distance, or 0 outside every country
 */
double
bri_basemap_get_distance_inside (BriBasemap *self,
                                 double      lon,
                                 double      lat,
                                 int        *numeric)
{
  const FileCountry *c = NULL;
  double x, y;
  double best2 = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, 0.0);

  if (numeric != NULL)
    *numeric = -1;
  if (!isfinite (lon) || !isfinite (lat))
    return 0.0;

  to_map (lon, lat, &x, &y);
  for (guint i = 0; i < self->header->n_countries && c == NULL; i++)
    if (country_contains_xy (self, i, x, y))
      c = &self->countries[i];
  if (c == NULL)
    return 0.0;
  if (numeric != NULL)
    *numeric = c->numeric;

  /* The nearest edge of any of the country's rings is an edge of the
   * polygon the point is in: the others lie outside it. */
  for (guint r = c->first_ring; r < c->first_ring + c->n_rings; r++)
    {
      const FileRing *ring = &self->rings[r];
      const float *p = self->points + 2 * (gsize) ring->first_point;

      if (box_distance2 (&ring->box, x, y) >= best2)
        continue;

      for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
        {
          double ax = p[2 * j], ay = p[2 * j + 1];
          double bx = p[2 * i], by = p[2 * i + 1];

          if (ax == bx && (ax == 0.0 || ax == 1.0))
            continue;
          best2 = MIN (best2, bri_geo_segment_distance2 (x, y, ax, ay, bx, by));
        }
    }

  /* Web Mercator is conformal: near the point, a map unit is the
   * equator's length times the cosine of the latitude. */
  return sqrt (best2) * 2.0 * G_PI * BRI_GEO_EARTH_RADIUS_KM * cos (lat * G_PI / 180.0);
}

/**
 * bri_basemap_get_country_bounds:
 * @bounds: (out): the country's extent in degrees; min_lon > max_lon when
 *   it is smallest across the antimeridian
 *
 * Returns: %FALSE when the basemap has no country @numeric
 */
gboolean
bri_basemap_get_country_bounds (BriBasemap   *self,
                                int           numeric,
                                BriGeoBounds *bounds)
{
  int i;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  i = bri_basemap_lookup_country (self, numeric);
  if (i < 0)
    return FALSE;

  *bounds = self->bounds[i];
  return TRUE;
}
