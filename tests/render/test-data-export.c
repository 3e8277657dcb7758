/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The data exports, read as other programs read them: GeoJSON by RFC
 * 7946's rules (a FeatureCollection, longitude before latitude, nothing
 * across the antimeridian, closed and counter-clockwise rings if any),
 * with simplestyle colours that are the map's; KML as Google Earth reads
 * it (the 2.2 namespace, every Placemark named, styled by a Style that
 * exists, with coordinates "lon,lat"); CSV through two parsers — one
 * here, and Python's csv module — with quotes, commas and line breaks in
 * passages surviving the round trip. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>

#include "bri-feature-style.h"
#include "bri-feature-table.h"
#include "bri-passage-table.h"
#include "pdf-test-util.h"
#include "../core/test-atlas-util.h"

static GBytes *
export_all (BriExportFormat format)
{
  g_autoptr(BriFeatureTable) table = bri_feature_table_new (test_atlas (), bri_atlas_get_features (test_atlas ()));
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  g_assert_cmpuint (bri_feature_table_get_n_rows (table), ==,
                    g_list_model_get_n_items (bri_atlas_get_features (test_atlas ())));
  bytes = bri_feature_table_to_bytes (table, format, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return bytes;
}

/* GeoJSON */

static void
check_position (JsonArray *position)
{
  double lon, lat;

  /* RFC 7946 3.1.1: longitude, latitude; two numbers here. */
  g_assert_cmpuint (json_array_get_length (position), ==, 2);
  lon = json_array_get_double_element (position, 0);
  lat = json_array_get_double_element (position, 1);
  g_assert_cmpfloat (lon, >=, -180.0);
  g_assert_cmpfloat (lon, <=, 180.0);
  g_assert_cmpfloat (lat, >=, -90.0);
  g_assert_cmpfloat (lat, <=, 90.0);
}

/* RFC 7946 3.1.9: no line crosses the antimeridian; it is cut there. */
static void
check_line (JsonArray *line)
{
  g_assert_cmpuint (json_array_get_length (line), >=, 2);
  for (guint i = 0; i < json_array_get_length (line); i++)
    {
      check_position (json_array_get_array_element (line, i));
      if (i > 0)
        {
          double a = json_array_get_double_element (json_array_get_array_element (line, i - 1), 0);
          double b = json_array_get_double_element (json_array_get_array_element (line, i), 0);

          g_assert_cmpfloat (fabs (b - a), <=, 180.0);
        }
    }
}

/* RFC 7946 3.1.6: a ring is closed, exterior counter-clockwise, holes
 * clockwise (the right-hand rule). */
static void
check_polygon (JsonArray *rings)
{
  for (guint r = 0; r < json_array_get_length (rings); r++)
    {
      JsonArray *ring = json_array_get_array_element (rings, r);
      guint n = json_array_get_length (ring);
      double area = 0.0;

      g_assert_cmpuint (n, >=, 4);
      check_line (ring);
      g_assert_cmpfloat (json_array_get_double_element (json_array_get_array_element (ring, 0), 0), ==,
                         json_array_get_double_element (json_array_get_array_element (ring, n - 1), 0));
      g_assert_cmpfloat (json_array_get_double_element (json_array_get_array_element (ring, 0), 1), ==,
                         json_array_get_double_element (json_array_get_array_element (ring, n - 1), 1));
      for (guint i = 0; i + 1 < n; i++)
        {
          JsonArray *p = json_array_get_array_element (ring, i);
          JsonArray *q = json_array_get_array_element (ring, i + 1);

          area += json_array_get_double_element (p, 0) * json_array_get_double_element (q, 1) -
                  json_array_get_double_element (q, 0) * json_array_get_double_element (p, 1);
        }
      g_assert_true (r == 0 ? area > 0 : area < 0);
    }
}

static void
check_geometry (JsonObject *geometry,
                guint      *n_polygons)
{
  const char *type = json_object_get_string_member (geometry, "type");
  JsonArray *coordinates = json_object_get_array_member (geometry, "coordinates");

  g_assert_nonnull (coordinates);
  if (g_str_equal (type, "Point"))
    check_position (coordinates);
  else if (g_str_equal (type, "MultiPoint"))
    for (guint i = 0; i < json_array_get_length (coordinates); i++)
      check_position (json_array_get_array_element (coordinates, i));
  else if (g_str_equal (type, "LineString"))
    check_line (coordinates);
  else if (g_str_equal (type, "MultiLineString"))
    for (guint i = 0; i < json_array_get_length (coordinates); i++)
      check_line (json_array_get_array_element (coordinates, i));
  else if (g_str_equal (type, "Polygon"))
    {
      check_polygon (coordinates);
      (*n_polygons)++;
    }
  else
    g_error ("unexpected geometry %s", type);
}

static void
test_geojson (void)
{
  g_autoptr(GBytes) bytes = export_all (BRI_EXPORT_FORMAT_GEOJSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonArray *features;
  guint n_polygons = 0;
  gboolean saw_mombasa = FALSE, saw_cut = FALSE;

  pdf_test_keep (bytes, "places.geojson");
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "FeatureCollection");
  features = json_object_get_array_member (root, "features");
  g_assert_cmpuint (json_array_get_length (features), ==,
                    g_list_model_get_n_items (bri_atlas_get_features (test_atlas ())));

  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *f = json_array_get_object_element (features, i);
      JsonObject *props = json_object_get_object_member (f, "properties");
      JsonObject *geometry = json_object_get_object_member (f, "geometry");
      const char *id = json_object_get_string_member (f, "id");
      BriFeature *feature = bri_atlas_lookup_feature (test_atlas (), id);
      g_autofree char *color = NULL;
      g_autoptr(GListModel) passages = NULL;

      g_assert_cmpstr (json_object_get_string_member (f, "type"), ==, "Feature");
      g_assert_nonnull (feature);
      g_assert_true (g_hash_table_add (ids, (gpointer) id));
      g_assert_cmpstr (json_object_get_string_member (props, "name"), ==, bri_feature_get_name (feature));
      g_assert_cmpstr (json_object_get_string_member (props, "kind"), ==,
                       bri_feature_kind_to_string (bri_feature_get_kind (feature)));
      passages = bri_atlas_get_feature_passages (test_atlas (), feature);
      g_assert_cmpint (json_object_get_int_member (props, "passages"), ==, g_list_model_get_n_items (passages));
      check_geometry (geometry, &n_polygons);

      /* simplestyle: lines by their stroke, points by their marker. */
      color = g_strdup_printf ("#%06x", bri_feature_style_get_rgb (bri_feature_get_kind (feature)));
      if (bri_feature_is_line (feature))
        g_assert_cmpstr (json_object_get_string_member (props, "stroke"), ==, color);
      else
        g_assert_cmpstr (json_object_get_string_member (props, "marker-color"), ==, color);

      if (g_str_equal (id, "mombasa-port"))
        {
          JsonArray *c = json_object_get_array_member (geometry, "coordinates");

          /* Longitude first: Mombasa is at 39.6° E, 4.0° S. */
          g_assert_cmpfloat_with_epsilon (json_array_get_double_element (c, 0), 39.6, 0.2);
          g_assert_cmpfloat_with_epsilon (json_array_get_double_element (c, 1), -4.05, 0.2);
          saw_mombasa = TRUE;
        }
      if (g_str_equal (id, "polar-silk-road"))
        {
          g_assert_cmpstr (json_object_get_string_member (geometry, "type"), ==, "MultiLineString");
          saw_cut = TRUE;
        }
    }

  g_assert_true (saw_mombasa);
  g_assert_true (saw_cut);
  /* The gazetteer has no areas; were there any, their rings are checked. */
  g_assert_cmpuint (n_polygons, ==, 0);
}

/* KML */

static guint
count (xmlXPathContextPtr  xpath,
       const char         *expression)
{
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) expression, xpath);
  guint n = result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  return n;
}

static char *
string_of (xmlXPathContextPtr  xpath,
           const char         *expression)
{
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", expression);
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) wrapped, xpath);
  char *value = g_strdup ((const char *) result->stringval);

  xmlXPathFreeObject (result);
  return value;
}

static void
check_coordinates (const char *text)
{
  g_auto(GStrv) tuples = g_strsplit_set (g_strstrip ((char *) text), " \n\t", -1);

  for (guint i = 0; tuples[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      double lon, lat;

      if (tuples[i][0] == '\0')
        continue;
      parts = g_strsplit (tuples[i], ",", -1);
      g_assert_cmpuint (g_strv_length (parts), >=, 2);
      lon = g_ascii_strtod (parts[0], NULL);
      lat = g_ascii_strtod (parts[1], NULL);
      g_assert_cmpfloat (fabs (lon), <=, 180.0);
      g_assert_cmpfloat (fabs (lat), <=, 90.0);
    }
}

static void
test_kml (void)
{
  g_autoptr(GBytes) bytes = export_all (BRI_EXPORT_FORMAT_KML);
  guint n_features = g_list_model_get_n_items (bri_atlas_get_features (test_atlas ()));
  xmlDocPtr doc;
  xmlXPathContextPtr xpath;
  xmlXPathObjectPtr placemarks;
  g_autofree char *mombasa_style = NULL;
  g_autofree char *mombasa_color = NULL;
  g_autofree char *color_path = NULL;
  g_autofree char *expected = NULL;
  guint32 rgb = bri_feature_style_get_rgb (BRI_FEATURE_KIND_PORT);

  pdf_test_keep (bytes, "places.kml");
  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes), "places.kml", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  xpath = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (xpath, (const xmlChar *) "k", (const xmlChar *) "http://www.opengis.net/kml/2.2");

  g_assert_cmpuint (count (xpath, "/k:kml/k:Document"), ==, 1);
  g_assert_cmpuint (count (xpath, "/k:kml/k:Document/k:Placemark"), ==, n_features);
  /* Every Placemark has a name, one geometry and a style that exists. */
  g_assert_cmpuint (count (xpath, "//k:Placemark[k:name != '']"), ==, n_features);
  g_assert_cmpuint (count (xpath, "//k:Placemark[count(k:Point | k:LineString | k:MultiGeometry) = 1]"), ==, n_features);
  g_assert_cmpuint (count (xpath, "//k:Placemark[k:styleUrl]"), ==, n_features);

  placemarks = xmlXPathEvalExpression ((const xmlChar *) "//k:Placemark", xpath);
  for (int i = 0; i < placemarks->nodesetval->nodeNr; i++)
    {
      xmlNodePtr placemark = placemarks->nodesetval->nodeTab[i];
      g_autofree char *style = NULL;
      g_autofree char *style_path = NULL;
      xmlXPathObjectPtr coordinates;

      xpath->node = placemark;
      style = string_of (xpath, "k:styleUrl");
      g_assert_true (style[0] == '#');
      style_path = g_strdup_printf ("/k:kml/k:Document/k:Style[@id='%s']", style + 1);
      g_assert_cmpuint (count (xpath, style_path), ==, 1);

      coordinates = xmlXPathEvalExpression ((const xmlChar *) ".//k:coordinates", xpath);
      g_assert_cmpint (coordinates->nodesetval->nodeNr, >=, 1);
      for (int k = 0; k < coordinates->nodesetval->nodeNr; k++)
        {
          xmlChar *text = xmlNodeGetContent (coordinates->nodesetval->nodeTab[k]);

          check_coordinates ((const char *) text);
          xmlFree (text);
        }
      xmlXPathFreeObject (coordinates);
    }
  xmlXPathFreeObject (placemarks);

  /* The port's style: KML's aabbggrr of the map's colour. */
  xpath->node = NULL;
  mombasa_style = string_of (xpath, "//k:Placemark[@id='mombasa-port']/k:styleUrl");
  color_path = g_strdup_printf ("/k:kml/k:Document/k:Style[@id='%s']/k:IconStyle/k:color", mombasa_style + 1);
  mombasa_color = string_of (xpath, color_path);
  expected = g_strdup_printf ("ff%02x%02x%02x", rgb & 0xff, (rgb >> 8) & 0xff, (rgb >> 16) & 0xff);
  g_assert_cmpstr (mombasa_color, ==, expected);

  xmlXPathFreeContext (xpath);
  xmlFreeDoc (doc);
}

/* CSV: a reader of RFC 4180, to check the writer against. */

static GPtrArray *
parse_csv (const char *text,
           gsize       length)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (quoted)
        {
          if (c == '"' && i + 1 < length && text[i + 1] == '"')
            g_string_append_c (field, text[++i]);
          else if (c == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, c);
        }
      else if (c == '"')
        {
          g_assert_cmpuint (field->len, ==, 0);
          quoted = TRUE;
        }
      else if (c == ',')
        {
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (c == '\r')
        {
          g_assert_cmpint (text[i + 1], ==, '\n');
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
          i++;
        }
      else
        {
          g_assert_cmpint (c, !=, '\n');
          g_string_append_c (field, c);
        }
    }

  g_assert_false (quoted);
  g_assert_cmpuint (record->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);
  g_ptr_array_unref (record);
  g_string_free (field, TRUE);
  return records;
}

static const char *
cell (GPtrArray *records,
      guint      row,
      guint      column)
{
  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (records, row), column);
}

/* Python's csv module reads the file back: the row count and each row's
 * field count, one line per row on its output. */
static char *
python_csv (GBytes *bytes)
{
  g_autofree char *path = pdf_test_save_temp (bytes, ".csv");
  const char *script =
    "import csv, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
    "    for row in csv.reader(f, strict=True):\n"
    "        print(len(row), sum(len(c) for c in row))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  char *out = pdf_test_tool (argv);

  g_unlink (path);
  return out;
}

static void
check_python_agrees (GBytes    *bytes,
                     GPtrArray *records)
{
  g_autofree char *out = python_csv (bytes);
  g_auto(GStrv) lines = g_strsplit (g_strchomp (out), "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, records->len);
  for (guint i = 0; i < records->len; i++)
    {
      GPtrArray *record = g_ptr_array_index (records, i);
      glong chars = 0;
      g_autofree char *expected = NULL;

      for (guint k = 0; k < record->len; k++)
        chars += g_utf8_strlen (g_ptr_array_index (record, k), -1);
      expected = g_strdup_printf ("%u %ld", record->len, chars);
      g_assert_cmpstr (lines[i], ==, expected);
    }
}

static void
test_features_csv (void)
{
  g_autoptr(GBytes) bytes = export_all (BRI_EXPORT_FORMAT_CSV);
  g_autoptr(GPtrArray) records = parse_csv (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  static const char * const header[] = {
    "id", "name", "kind", "status", "year", "countries", "precision", "lat", "lon", "wkt",
    "passages", "first_citation",
  };
  gboolean saw_line = FALSE, saw_point = FALSE;

  pdf_test_keep (bytes, "places.csv");
  g_assert_cmpuint (records->len, ==, g_list_model_get_n_items (bri_atlas_get_features (test_atlas ())) + 1);
  for (guint k = 0; k < G_N_ELEMENTS (header); k++)
    g_assert_cmpstr (cell (records, 0, k), ==, header[k]);

  for (guint i = 1; i < records->len; i++)
    {
      BriFeature *feature = bri_atlas_lookup_feature (test_atlas (), cell (records, i, 0));

      g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (records, i))->len, ==, G_N_ELEMENTS (header));
      g_assert_nonnull (feature);
      g_assert_cmpstr (cell (records, i, 1), ==, bri_feature_get_name (feature));
      if (bri_feature_get_geometry_type (feature) == BRI_GEOMETRY_POINT)
        {
          g_assert_cmpstr (cell (records, i, 9), ==, "");
          g_assert_cmpfloat (fabs (g_ascii_strtod (cell (records, i, 7), NULL)), <=, 90.0);
          saw_point = TRUE;
        }
      if (bri_feature_is_line (feature))
        {
          g_assert_cmpstr (cell (records, i, 7), ==, "");
          g_assert_true (g_str_has_prefix (cell (records, i, 9), "LINESTRING (") ||
                         g_str_has_prefix (cell (records, i, 9), "MULTILINESTRING (("));
          saw_line = TRUE;
        }
    }
  g_assert_true (saw_line && saw_point);
  check_python_agrees (bytes, records);
}

/* Passages with every character CSV must guard: they come back whole. */
static void
test_passages_csv_round_trip (void)
{
  const char * const texts[] = {
    "Plain text, with a comma.",
    "He said \"the port, the railway\" and left.",
    "Two lines:\nthe first, and\r\nthe second \"quoted\".",
    "\"Starts with a quote",
    "Ends with a comma,",
    "Ünïcödé — ¶ 3 · 中国",
  };
  g_autoptr(GListStore) store = g_list_store_new (BRI_TYPE_PASSAGE);
  g_autoptr(BriPassageTable) table = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) records = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char * const heading[] = { "A \"heading\", with, commas", NULL };
      g_autoptr(BriPassage) passage = bri_passage_new (NULL, "doc,with \"odd\" id", i + 1,
                                                       BRI_PASSAGE_PARAGRAPH, heading, texts[i]);

      g_list_store_append (store, passage);
    }

  table = bri_passage_table_new (G_LIST_MODEL (store));
  bytes = bri_passage_table_to_csv (table);
  records = parse_csv (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpuint (records->len, ==, G_N_ELEMENTS (texts) + 1);
  g_assert_cmpstr (cell (records, 0, 0), ==, "document_id");
  g_assert_cmpstr (cell (records, 0, 5), ==, "text");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *ordinal = g_strdup_printf ("%u", i + 1);

      g_assert_cmpstr (cell (records, i + 1, 0), ==, "doc,with \"odd\" id");
      g_assert_cmpstr (cell (records, i + 1, 3), ==, "A \"heading\", with, commas");
      g_assert_cmpstr (cell (records, i + 1, 4), ==, ordinal);
      g_assert_cmpstr (cell (records, i + 1, 5), ==, texts[i]);
    }
  check_python_agrees (bytes, records);
}

static void
test_country_passages_csv (void)
{
  BriCountry *kenya = bri_atlas_lookup_country (test_atlas (), "KE");
  g_autoptr(GListModel) passages = bri_atlas_get_country_passages (test_atlas (), kenya);
  g_autoptr(BriPassageTable) table = bri_passage_table_new (passages);
  g_autoptr(GBytes) bytes = bri_passage_table_to_csv (table);
  g_autoptr(GPtrArray) records = parse_csv (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  gboolean names_mombasa = FALSE;

  pdf_test_keep (bytes, "passages-kenya.csv");
  g_assert_cmpuint (records->len, ==, g_list_model_get_n_items (passages) + 1);
  for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
    {
      g_autoptr(BriPassage) passage = g_list_model_get_item (passages, i);

      g_assert_cmpstr (cell (records, i + 1, 0), ==, bri_passage_get_document_id (passage));
      g_assert_cmpstr (cell (records, i + 1, 1), ==, bri_document_get_title (bri_passage_get_document (passage)));
      g_assert_cmpstr (cell (records, i + 1, 5), ==, bri_passage_get_text (passage));
      names_mombasa |= strstr (cell (records, i + 1, 6), "Port of Mombasa") != NULL;
    }
  g_assert_true (names_mombasa);
  check_python_agrees (bytes, records);
}

static void
test_search_passages_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BriPassageTable) table = bri_passage_table_new_search (test_atlas (), "Gwadar port", &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) records = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (bri_passage_table_get_n_rows (table), >, 0);
  bytes = bri_passage_table_to_csv (table);
  records = parse_csv (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (records->len, ==, bri_passage_table_get_n_rows (table) + 1);
  g_assert_nonnull (strstr (cell (records, 1, 5), "Gwadar"));
}

static void
test_unknown_format (void)
{
  g_autoptr(BriFeatureTable) table = bri_feature_table_new (test_atlas (), bri_atlas_get_features (test_atlas ()));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bri_feature_table_to_bytes (table, BRI_EXPORT_FORMAT_PNG, &error);

  g_assert_error (error, BRI_EXPORT_ERROR, BRI_EXPORT_ERROR_FORMAT);
  g_assert_null (bytes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/data-export/geojson", test_geojson);
  g_test_add_func ("/bri/data-export/kml", test_kml);
  g_test_add_func ("/bri/data-export/features-csv", test_features_csv);
  g_test_add_func ("/bri/data-export/passages-csv-round-trip", test_passages_csv_round_trip);
  g_test_add_func ("/bri/data-export/country-passages-csv", test_country_passages_csv);
  g_test_add_func ("/bri/data-export/search-passages-csv", test_search_passages_csv);
  g_test_add_func ("/bri/data-export/unknown-format", test_unknown_format);

  return test_atlas_run ();
}
