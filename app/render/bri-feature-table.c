/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureTable: rows of features with what the atlas knows of them —
 * their passages' count and the first one's citation, read from the atlas
 * when the table is made, so that writing needs nothing but the table.
 *
 * Geometry is written in longitude, latitude order.  A line crossing the
 * antimeridian (the Polar Silk Road) is cut there into two, as RFC 7946
 * asks, so no program draws it the long way round the world. */

#define G_LOG_DOMAIN "bri-feature-table"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bri-citation.h"
#include "bri-csv.h"
#include "bri-feature-style.h"
#include "bri-feature-table.h"

typedef struct
{
  BriFeature *feature;
  guint       n_passages;
  char       *first_citation;
  GPtrArray  *parts;          /* of GArray of BriLonLat, cut at the antimeridian */
} Row;

struct _BriFeatureTable
{
  GObject  parent_instance;

  GArray  *rows;              /* of Row */
};

G_DEFINE_FINAL_TYPE (BriFeatureTable, bri_feature_table, G_TYPE_OBJECT)

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->feature);
  g_clear_pointer (&row->first_citation, g_free);
  g_clear_pointer (&row->parts, g_ptr_array_unref);
}

static void
bri_feature_table_finalize (GObject *object)
{
  BriFeatureTable *self = BRI_FEATURE_TABLE (object);

  g_array_unref (self->rows);

  G_OBJECT_CLASS (bri_feature_table_parent_class)->finalize (object);
}

static void
bri_feature_table_class_init (BriFeatureTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bri_feature_table_finalize;
}

static void
bri_feature_table_init (BriFeatureTable *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
}

/* Appends @part to @parts, cut wherever it jumps more than half the
 * world: that is a crossing of the antimeridian, not a line across the
 * whole map.  Both ends of the cut are at ±180°, at the latitude the
 * segment has there. */
static void
add_part_cut (GPtrArray       *parts,
              const BriLonLat *v,
              guint            n)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (BriLonLat));

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && fabs (v[i].lon - v[i - 1].lon) > 180.0)
        {
          double east = v[i - 1].lon > 0 ? 180.0 : -180.0;
          double next_lon = v[i].lon + (east > 0 ? 360.0 : -360.0);
          double t = (east - v[i - 1].lon) / (next_lon - v[i - 1].lon);
          BriLonLat end = { east, v[i - 1].lat + t * (v[i].lat - v[i - 1].lat) };
          BriLonLat start = { -east, end.lat };

          g_array_append_val (out, end);
          g_ptr_array_add (parts, out);
          out = g_array_new (FALSE, FALSE, sizeof (BriLonLat));
          g_array_append_val (out, start);
        }
      g_array_append_val (out, v[i]);
    }

  g_ptr_array_add (parts, out);
}

/**
 * bri_feature_table_new:
 * @features: a model of #BriFeature: what the map shows
 *
 * Reads each feature's passages from @atlas: call it on the thread that
 * owns the atlas.
 */
BriFeatureTable *
bri_feature_table_new (BriAtlas   *atlas,
                       GListModel *features)
{
  BriFeatureTable *self;
  guint n;

  g_return_val_if_fail (BRI_IS_ATLAS (atlas), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (features), NULL);

  self = g_object_new (BRI_TYPE_FEATURE_TABLE, NULL);
  n = g_list_model_get_n_items (features);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriFeature) feature = g_list_model_get_item (features, i);
      g_autoptr(GListModel) passages = bri_atlas_get_feature_passages (atlas, feature);
      Row row = { 0, };

      row.n_passages = g_list_model_get_n_items (passages);
      if (row.n_passages > 0)
        {
          g_autoptr(BriPassage) first = g_list_model_get_item (passages, 0);

          row.first_citation = bri_citation_format (first);
        }

      row.parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      for (guint p = 0; p < bri_feature_get_n_parts (feature); p++)
        {
          guint n_vertices;
          const BriLonLat *v = bri_feature_get_part (feature, p, &n_vertices);

          if (bri_feature_is_line (feature))
            add_part_cut (row.parts, v, n_vertices);
          else
            for (guint k = 0; k < n_vertices; k++)
              add_part_cut (row.parts, &v[k], 1);
        }

      row.feature = g_steal_pointer (&feature);
      g_array_append_val (self->rows, row);
    }

  return self;
}

guint
bri_feature_table_get_n_rows (BriFeatureTable *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_TABLE (self), 0);

  return self->rows->len;
}

/* Shared */

static char *
hex_color (BriFeatureKind kind)
{
  return g_strdup_printf ("#%06x", bri_feature_style_get_rgb (kind));
}

static const BriLonLat *
part_vertices (const Row *row,
               guint      part,
               guint     *n)
{
  GArray *a = g_ptr_array_index (row->parts, part);

  *n = a->len;
  return (const BriLonLat *) a->data;
}

/* Coordinates to a millionth of a degree: 11 cm, finer than any source. */
#define COORD "%.6f"

static void
append_coord (GString    *out,
              double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, COORD, value));
}

/* GeoJSON */

static void
json_string (GString    *out,
             const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void
json_member (GString    *out,
             const char *name,
             const char *value)
{
  g_string_append (out, ", ");
  json_string (out, name);
  g_string_append (out, ": ");
  json_string (out, value);
}

static void
json_int_member (GString    *out,
                 const char *name,
                 int         value,
                 gboolean    zero_is_null)
{
  g_string_append (out, ", ");
  json_string (out, name);
  if (zero_is_null && value == 0)
    g_string_append (out, ": null");
  else
    g_string_append_printf (out, ": %d", value);
}

static void
json_position (GString         *out,
               const BriLonLat *p)
{
  g_string_append_c (out, '[');
  append_coord (out, p->lon);
  g_string_append (out, ", ");
  append_coord (out, p->lat);
  g_string_append_c (out, ']');
}

static void
json_positions (GString   *out,
                const Row *row,
                guint      part)
{
  guint n;
  const BriLonLat *v = part_vertices (row, part, &n);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      json_position (out, &v[i]);
    }
  g_string_append_c (out, ']');
}

static void
json_geometry (GString   *out,
               const Row *row)
{
  gboolean line = bri_feature_is_line (row->feature);
  guint n_parts = row->parts->len;
  guint n;

  g_string_append (out, "\"geometry\": {\"type\": ");
  if (!line && n_parts == 1)
    {
      g_string_append (out, "\"Point\", \"coordinates\": ");
      json_position (out, part_vertices (row, 0, &n));
    }
  else if (!line)
    {
      g_string_append (out, "\"MultiPoint\", \"coordinates\": [");
      for (guint p = 0; p < n_parts; p++)
        {
          if (p > 0)
            g_string_append (out, ", ");
          json_position (out, part_vertices (row, p, &n));
        }
      g_string_append_c (out, ']');
    }
  else if (n_parts == 1)
    {
      g_string_append (out, "\"LineString\", \"coordinates\": ");
      json_positions (out, row, 0);
    }
  else
    {
      g_string_append (out, "\"MultiLineString\", \"coordinates\": [");
      for (guint p = 0; p < n_parts; p++)
        {
          if (p > 0)
            g_string_append (out, ", ");
          json_positions (out, row, p);
        }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, '}');
}

/* Our own properties, then simplestyle-spec 1.1.0's, so that geojson.io,
 * GitHub and uMap colour each kind as the atlas does: lines by their
 * stroke, points by their marker colour; a town-level place keeps the
 * atlas's hollow look with a white fill. */
static void
json_properties (GString   *out,
                 const Row *row)
{
  BriFeature *f = row->feature;
  BriFeatureKind kind = bri_feature_get_kind (f);
  const char * const *countries = bri_feature_get_countries (f);
  g_autofree char *color = hex_color (kind);

  g_string_append (out, "\"properties\": {");
  json_string (out, "id");
  g_string_append (out, ": ");
  json_string (out, bri_feature_get_id (f));
  json_member (out, "name", bri_feature_get_name (f));
  json_member (out, "kind", bri_feature_kind_to_string (kind));
  json_member (out, "kind_label", bri_feature_kind_get_label (kind));
  json_member (out, "status", bri_feature_get_status (f));
  json_int_member (out, "status_year", bri_feature_get_status_year (f), TRUE);
  json_int_member (out, "year", bri_feature_get_year (f), TRUE);
  json_int_member (out, "started", bri_feature_get_started (f), TRUE);
  json_int_member (out, "opened", bri_feature_get_opened (f), TRUE);
  g_string_append (out, ", \"countries\": [");
  for (guint i = 0; countries != NULL && countries[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      json_string (out, countries[i]);
    }
  g_string_append_c (out, ']');
  json_member (out, "precision", bri_precision_to_string (bri_feature_get_precision (f)));
  json_member (out, "description", bri_feature_get_description (f));
  json_int_member (out, "passages", row->n_passages, FALSE);
  json_member (out, "first_citation", row->first_citation);

  if (bri_feature_is_line (f))
    {
      json_member (out, "stroke", color);
      g_string_append_printf (out, ", \"stroke-width\": %d, \"stroke-opacity\": %.2f",
                              kind == BRI_FEATURE_KIND_CORRIDOR ? 6 : 3,
                              kind == BRI_FEATURE_KIND_CORRIDOR ? 0.5 : 1.0);
    }
  else
    {
      json_member (out, "marker-color", color);
      json_member (out, "marker-size", "medium");
      json_member (out, "stroke", color);
      json_member (out, "fill", bri_feature_get_precision (f) == BRI_PRECISION_EXACT ? color : "#ffffff");
    }
  g_string_append_c (out, '}');
}

static GBytes *
to_geojson (BriFeatureTable *self)
{
  GString *out = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": [\n");

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      g_string_append (out, "{\"type\": \"Feature\", \"id\": ");
      json_string (out, bri_feature_get_id (row->feature));
      g_string_append (out, ", ");
      json_geometry (out, row);
      g_string_append (out, ", ");
      json_properties (out, row);
      g_string_append (out, i + 1 < self->rows->len ? "},\n" : "}\n");
    }

  g_string_append (out, "]}\n");
  return g_string_free_to_bytes (out);
}

/* KML */

/* KML's colours are aabbggrr. */
static char *
kml_color (BriFeatureKind kind,
           double         alpha)
{
  guint32 rgb = bri_feature_style_get_rgb (kind);

  return g_strdup_printf ("%02x%02x%02x%02x", (guint) round (alpha * 255),
                          rgb & 0xff, (rgb >> 8) & 0xff, (rgb >> 16) & 0xff);
}

static void
kml_text (GString    *out,
          const char *element,
          const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value != NULL ? value : "", -1);

  g_string_append_printf (out, "<%s>%s</%s>", element, escaped, element);
}

static void
kml_data (GString    *out,
          const char *name,
          const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value != NULL ? value : "", -1);

  g_string_append_printf (out, "<Data name=\"%s\"><value>%s</value></Data>", name, escaped);
}

static void
kml_coordinates (GString         *out,
                 const BriLonLat *v,
                 guint            n)
{
  g_string_append (out, "<coordinates>");
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_coord (out, v[i].lon);
      g_string_append_c (out, ',');
      append_coord (out, v[i].lat);
    }
  g_string_append (out, "</coordinates>");
}

static void
kml_geometry (GString   *out,
              const Row *row)
{
  gboolean line = bri_feature_is_line (row->feature);
  gboolean multi = row->parts->len > 1;

  if (multi)
    g_string_append (out, "<MultiGeometry>");
  for (guint p = 0; p < row->parts->len; p++)
    {
      guint n;
      const BriLonLat *v = part_vertices (row, p, &n);

      g_string_append (out, line ? "<LineString><tessellate>1</tessellate>" : "<Point>");
      kml_coordinates (out, v, n);
      g_string_append (out, line ? "</LineString>" : "</Point>");
    }
  if (multi)
    g_string_append (out, "</MultiGeometry>");
}

/* The description Google Earth shows in the balloon: plain text, escaped. */
static char *
kml_description (const Row *row)
{
  BriFeature *f = row->feature;
  g_autofree char *countries = g_strjoinv (", ", (char **) bri_feature_get_countries (f));
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s · %s", bri_feature_kind_get_label (bri_feature_get_kind (f)),
                          bri_feature_status_get_label (bri_feature_get_status (f)));
  if (bri_feature_get_year (f) > 0)
    g_string_append_printf (text, " · %d", bri_feature_get_year (f));
  if (countries[0] != '\0')
    g_string_append_printf (text, " · %s", countries);
  g_string_append_printf (text, "\n%s\n%s", bri_feature_get_description (f),
                          bri_precision_get_label (bri_feature_get_precision (f)));
  if (row->first_citation != NULL)
    g_string_append_printf (text, "\n%s", row->first_citation);

  return g_string_free (text, FALSE);
}

static GBytes *
to_kml (BriFeatureTable *self)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n");
  gboolean used[BRI_FEATURE_N_KINDS][2] = { { FALSE, }, };

  kml_text (out, "name", _("BriAtlas places"));
  g_string_append_c (out, '\n');

  /* A style for each kind and precision shown: the kind's colour, a solid
   * dot for an exact site, a ring for a town-level place. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      used[bri_feature_get_kind (row->feature)][bri_feature_get_precision (row->feature) != BRI_PRECISION_EXACT] = TRUE;
    }
  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    for (guint hollow = 0; hollow < 2; hollow++)
      {
        g_autofree char *solid = NULL;
        g_autofree char *line = NULL;

        if (!used[k][hollow])
          continue;

        solid = kml_color (k, 1.0);
        line = kml_color (k, k == BRI_FEATURE_KIND_CORRIDOR ? 0.5 : 1.0);
        g_string_append_printf (out,
                                "<Style id=\"%s-%s\"><IconStyle><color>%s</color><scale>%s</scale>"
                                "<Icon><href>https://maps.google.com/mapfiles/kml/shapes/%s.png</href></Icon>"
                                "</IconStyle><LineStyle><color>%s</color><width>%d</width></LineStyle></Style>\n",
                                bri_feature_kind_to_string (k), hollow ? "town" : "exact",
                                solid, hollow ? "0.8" : "1.0",
                                hollow ? "donut" : "placemark_circle",
                                line, k == BRI_FEATURE_KIND_CORRIDOR ? 6 : 3);
      }

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);
      BriFeature *f = row->feature;
      g_autofree char *description = kml_description (row);
      g_autofree char *id = g_markup_escape_text (bri_feature_get_id (f), -1);
      g_autofree char *passages = g_strdup_printf ("%u", row->n_passages);
      g_autofree char *countries = g_strjoinv (",", (char **) bri_feature_get_countries (f));

      g_string_append_printf (out, "<Placemark id=\"%s\">", id);
      kml_text (out, "name", bri_feature_get_name (f));
      kml_text (out, "description", description);
      g_string_append_printf (out, "<styleUrl>#%s-%s</styleUrl>",
                              bri_feature_kind_to_string (bri_feature_get_kind (f)),
                              bri_feature_get_precision (f) != BRI_PRECISION_EXACT ? "town" : "exact");
      g_string_append (out, "<ExtendedData>");
      kml_data (out, "id", bri_feature_get_id (f));
      kml_data (out, "kind", bri_feature_kind_to_string (bri_feature_get_kind (f)));
      kml_data (out, "status", bri_feature_get_status (f));
      kml_data (out, "countries", countries);
      kml_data (out, "precision", bri_precision_to_string (bri_feature_get_precision (f)));
      kml_data (out, "passages", passages);
      if (row->first_citation != NULL)
        kml_data (out, "first_citation", row->first_citation);
      g_string_append (out, "</ExtendedData>");
      kml_geometry (out, row);
      g_string_append (out, "</Placemark>\n");
    }

  g_string_append (out, "</Document>\n</kml>\n");
  return g_string_free_to_bytes (out);
}

/* CSV */

static char *
wkt (const Row *row)
{
  gboolean line = bri_feature_is_line (row->feature);
  GString *out = g_string_new (NULL);

  if (!line && row->parts->len == 1)
    return g_string_free (out, FALSE);

  g_string_append (out, line ? (row->parts->len == 1 ? "LINESTRING " : "MULTILINESTRING (")
                             : "MULTIPOINT (");
  for (guint p = 0; p < row->parts->len; p++)
    {
      guint n;
      const BriLonLat *v = part_vertices (row, p, &n);

      if (p > 0)
        g_string_append (out, ", ");
      g_string_append_c (out, '(');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          append_coord (out, v[i].lon);
          g_string_append_c (out, ' ');
          append_coord (out, v[i].lat);
        }
      g_string_append_c (out, ')');
    }
  if (!line || row->parts->len > 1)
    g_string_append_c (out, ')');

  return g_string_free (out, FALSE);
}

static GBytes *
to_csv (BriFeatureTable *self)
{
  static const char * const header[] = {
    "id", "name", "kind", "status", "year", "countries", "precision",
    "lat", "lon", "wkt", "passages", "first_citation",
  };
  GString *out = g_string_new (NULL);

  bri_csv_append_record (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);
      BriFeature *f = row->feature;
      g_autofree char *year = bri_feature_get_year (f) > 0 ? g_strdup_printf ("%d", bri_feature_get_year (f)) : NULL;
      g_autofree char *countries = g_strjoinv (";", (char **) bri_feature_get_countries (f));
      g_autofree char *geometry = wkt (row);
      g_autofree char *passages = g_strdup_printf ("%u", row->n_passages);
      char lat[G_ASCII_DTOSTR_BUF_SIZE] = "", lon[G_ASCII_DTOSTR_BUF_SIZE] = "";
      const char *fields[G_N_ELEMENTS (header)];

      /* A point's position in columns; lines (and several points) as WKT. */
      if (!bri_feature_is_line (f) && row->parts->len == 1)
        {
          guint n;
          const BriLonLat *v = part_vertices (row, 0, &n);

          g_ascii_formatd (lat, sizeof lat, COORD, v[0].lat);
          g_ascii_formatd (lon, sizeof lon, COORD, v[0].lon);
        }

      fields[0] = bri_feature_get_id (f);
      fields[1] = bri_feature_get_name (f);
      fields[2] = bri_feature_kind_to_string (bri_feature_get_kind (f));
      fields[3] = bri_feature_get_status (f);
      fields[4] = year;
      fields[5] = countries;
      fields[6] = bri_precision_to_string (bri_feature_get_precision (f));
      fields[7] = lat;
      fields[8] = lon;
      fields[9] = geometry;
      fields[10] = passages;
      fields[11] = row->first_citation;
      bri_csv_append_record (out, fields, G_N_ELEMENTS (fields));
    }

  return g_string_free_to_bytes (out);
}

/**
 * bri_feature_table_to_bytes:
 * @format: GeoJSON, KML or CSV
 *
 * Returns: (transfer full): the file, UTF-8, or %NULL with @error set for
 *   another format
 */
GBytes *
bri_feature_table_to_bytes (BriFeatureTable  *self,
                            BriExportFormat   format,
                            GError          **error)
{
  g_return_val_if_fail (BRI_IS_FEATURE_TABLE (self), NULL);

  switch (format)
    {
    case BRI_EXPORT_FORMAT_GEOJSON:
      return to_geojson (self);
    case BRI_EXPORT_FORMAT_KML:
      return to_kml (self);
    case BRI_EXPORT_FORMAT_CSV:
      return to_csv (self);
    default:
      g_set_error (error, BRI_EXPORT_ERROR, BRI_EXPORT_ERROR_FORMAT,
                   _("Places are exported as GeoJSON, KML or CSV, not as %s"),
                   bri_export_format_get_extension (format));
      return NULL;
    }
}
