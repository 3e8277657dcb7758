/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading features.geojson: every member of a feature is type-checked, and
 * a wrong type is an error naming the file, the feature and the member,
 * never a crash, a critical (the suite runs with fatal-criticals) or a
 * silent default. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bri-feature.h"
#include "../test-wrong-json.h"

/* A valid feature with every member the format has. */
#define BASE_FEATURE \
  "{\"type\": \"Feature\", \"id\": \"gwadar-port\"," \
  " \"geometry\": {\"type\": \"Point\", \"coordinates\": [62.33, 25.12]}," \
  " \"properties\": {\"id\": \"gwadar-port\", \"name\": \"Gwadar Port\", \"aliases\": [\"Gwadar\"]," \
  "  \"kind\": \"port\", \"status\": \"operational\", \"status_year\": 2021, \"countries\": [\"PK\"]," \
  "  \"started\": 2002, \"opened\": 2007, \"description\": \"A deep-sea port.\", \"precision\": \"exact\"}}"

#define FIRST_FEATURE \
  "{\"type\": \"Feature\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[1, 2], [3, 4]]}," \
  " \"properties\": {\"id\": \"first\", \"name\": \"First\", \"kind\": \"railway\", \"precision\": \"schematic\"}}"

/* Each member, and which of the replacements are in fact valid for it
 * (a string where a string belongs; null where the format allows it). */
static const struct {
  const char *field;
  guint       valid;
} fields[] = {
  { "id",                   OK (WRONG_STRING) },
  { "name",                 OK (WRONG_STRING) },
  { "aliases",              OK (WRONG_NULL) },
  { "kind",                 0 },
  { "status",               OK (WRONG_NULL) },
  { "status_year",          OK (WRONG_NUMBER) | OK (WRONG_NULL) },
  { "countries",            OK (WRONG_NULL) },
  { "started",              OK (WRONG_NUMBER) | OK (WRONG_NULL) },
  { "opened",               OK (WRONG_NUMBER) | OK (WRONG_NULL) },
  { "description",          OK (WRONG_STRING) | OK (WRONG_NULL) },
  { "precision",            0 },
  { "geometry",             0 },
  { "geometry.type",        0 },
  { "geometry.coordinates", 0 },
};

typedef struct
{
  char  *dir;
  GFile *file;
} Scratch;

static void
scratch_init (Scratch *scratch)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  scratch->dir = g_dir_make_tmp ("bri-features-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (scratch->dir, "features.geojson", NULL);
  scratch->file = g_file_new_for_path (path);
}

static void
scratch_clear (Scratch *scratch)
{
  g_file_delete (scratch->file, NULL, NULL);
  g_clear_object (&scratch->file);
  g_rmdir (scratch->dir);
  g_clear_pointer (&scratch->dir, g_free);
}

/* Loads a collection of FIRST_FEATURE and @second. */
static GPtrArray *
load_with (Scratch     *scratch,
           const char  *second,
           GError     **error)
{
  g_autofree char *json = g_strdup_printf ("{\"type\": \"FeatureCollection\", \"features\": [%s,\n%s]}",
                                           FIRST_FEATURE, second);
  g_autoptr(GError) local_error = NULL;

  g_file_replace_contents (scratch->file, json, strlen (json), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &local_error);
  g_assert_no_error (local_error);

  return bri_feature_load_all (scratch->file, error);
}

/* BASE_FEATURE with @field (a property, or "geometry" or one of its
 * members) set to the JSON @value. */
static char *
feature_with (const char *field,
              const char *value)
{
  g_autofree char *path = g_str_has_prefix (field, "geometry") ? g_strdup (field)
                                                                : g_strconcat ("properties.", field, NULL);

  return json_with_member (BASE_FEATURE, path, value);
}

static void
assert_defaults (BriFeature *feature,
                 const char *field)
{
  /* An optional member that is null reads as absent. */
  if (g_str_equal (field, "status"))
    g_assert_cmpstr (bri_feature_get_status (feature), ==, "unknown");
  else if (g_str_equal (field, "aliases"))
    g_assert_cmpuint (g_strv_length ((char **) bri_feature_get_aliases (feature)), ==, 0);
  else if (g_str_equal (field, "countries"))
    g_assert_cmpuint (g_strv_length ((char **) bri_feature_get_countries (feature)), ==, 0);
  else if (g_str_equal (field, "status_year"))
    g_assert_cmpint (bri_feature_get_status_year (feature), ==, 0);
  else if (g_str_equal (field, "started"))
    g_assert_cmpint (bri_feature_get_started (feature), ==, 0);
  else if (g_str_equal (field, "opened"))
    g_assert_cmpint (bri_feature_get_opened (feature), ==, 0);
  else if (g_str_equal (field, "description"))
    g_assert_cmpstr (bri_feature_get_description (feature), ==, "");
  else
    g_assert_not_reached ();
}

static void
test_every_field_type_checked (void)
{
  Scratch scratch;
  g_autoptr(GPtrArray) good = NULL;
  g_autoptr(GError) error = NULL;

  scratch_init (&scratch);

  good = load_with (&scratch, BASE_FEATURE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (good->len, ==, 2);

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    for (Wrong w = 0; w < N_WRONG; w++)
      {
        g_autofree char *feature = feature_with (fields[f].field, wrong_json[w]);
        g_autofree char *quoted = g_strdup_printf ("“%s", fields[f].field);
        g_autoptr(GPtrArray) features = NULL;
        g_autoptr(GError) local_error = NULL;

        g_test_message ("%s = %s", fields[f].field, wrong_json[w]);
        features = load_with (&scratch, feature, &local_error);

        if (fields[f].valid & OK (w))
          {
            BriFeature *second;

            g_assert_no_error (local_error);
            g_assert_cmpuint (features->len, ==, 2);
            second = g_ptr_array_index (features, 1);
            if (w == WRONG_NULL)
              assert_defaults (second, fields[f].field);
            else if (w == WRONG_STRING && !g_str_equal (fields[f].field, "description"))
              g_assert_cmpstr (g_str_equal (fields[f].field, "id") ? bri_feature_get_id (second)
                                                                   : bri_feature_get_name (second), ==, "x");
            else if (w == WRONG_NUMBER && g_str_equal (fields[f].field, "started"))
              g_assert_cmpint (bri_feature_get_started (second), ==, 5);
            continue;
          }

        g_assert_null (features);
        g_assert_error (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
        if (!g_str_has_prefix (local_error->message, "features.geojson: feature 1") ||
            strstr (local_error->message, quoted) == NULL)
          g_error ("%s = %s: the error does not name the file, the feature and the field: %s",
                   fields[f].field, wrong_json[w], local_error->message);
      }

  scratch_clear (&scratch);
}

/* The whole message, for a few cases. */
static void
test_messages (void)
{
  const struct {
    const char *field;
    const char *value;
    const char *message;
  } cases[] = {
    { "status", "5",
      "features.geojson: feature 1 (“gwadar-port”): “status” must be a string, not a number" },
    { "status", "\"finished\"",
      "features.geojson: feature 1 (“gwadar-port”): “status” must be one of operational, under-construction, "
      "planned, feasibility-study, agreed, historical, unknown, not “finished”" },
    { "id", "[\"gwadar-port\"]",
      "features.geojson: feature 1: “id” must be a string, not an array" },
    { "id", "\"\"",
      "features.geojson: feature 1: “id” must not be empty" },
    { "id", "\"first\"",
      "features.geojson: feature 1 (“first”): the id is already taken by an earlier feature" },
    { "name", "null",
      "features.geojson: feature 1 (“gwadar-port”): “name” is missing" },
    { "aliases", "[\"Gwadar\", 3]",
      "features.geojson: feature 1 (“gwadar-port”): item 1 of “aliases” must be a string, not a number" },
    { "countries", "[\"PK\", \"\"]",
      "features.geojson: feature 1 (“gwadar-port”): item 1 of “countries” must not be empty" },
    { "countries", "\"PK\"",
      "features.geojson: feature 1 (“gwadar-port”): “countries” must be a list of strings, not a string" },
    { "opened", "2007.5",
      "features.geojson: feature 1 (“gwadar-port”): “opened” must be a whole number from -9999 to 9999, not 2007.5" },
    { "started", "\"2002\"",
      "features.geojson: feature 1 (“gwadar-port”): “started” must be a whole number from -9999 to 9999, not a string" },
    { "description", "false",
      "features.geojson: feature 1 (“gwadar-port”): “description” must be a string, not false" },
    { "geometry", "[]",
      "features.geojson: feature 1 (“gwadar-port”): “geometry” must be an object, not an array" },
    { "geometry.type", "\"Polygon\"",
      "features.geojson: feature 1 (“gwadar-port”): “geometry.type” must be one of Point, MultiPoint, LineString, "
      "MultiLineString, not “Polygon”" },
    { "geometry.coordinates", "[62.33, \"25.12\"]",
      "features.geojson: feature 1 (“gwadar-port”): item 1 of “geometry.coordinates” must be a number, not a string" },
    { "geometry.coordinates", "[200, 25]",
      "features.geojson: feature 1 (“gwadar-port”): “geometry.coordinates”: position [200, 25] is outside the world" },
  };
  Scratch scratch;

  scratch_init (&scratch);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *feature = feature_with (cases[i].field, cases[i].value);
      g_autoptr(GPtrArray) features = NULL;
      g_autoptr(GError) error = NULL;

      features = load_with (&scratch, feature, &error);
      g_assert_null (features);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  scratch_clear (&scratch);
}

/* Lines name the position that is wrong. */
static void
test_line_positions (void)
{
  const struct {
    const char *geometry;
    const char *message;
  } cases[] = {
    { "{\"type\": \"LineString\", \"coordinates\": [[1, 2], [3, \"x\"]]}",
      "item 1 of “geometry.coordinates[1]” must be a number, not a string" },
    { "{\"type\": \"LineString\", \"coordinates\": [[1, 2]]}",
      "“geometry.coordinates”: a line needs at least 2 positions, it has 1" },
    { "{\"type\": \"MultiLineString\", \"coordinates\": [[[1, 2], [3, 4]], [[1, 2], {}]]}",
      "“geometry.coordinates[1][1]” must be a position [longitude, latitude], not an object" },
    { "{\"type\": \"MultiLineString\", \"coordinates\": [[1, 2]]}",
      "“geometry.coordinates[0][0]” must be a position [longitude, latitude], not a number" },
    { "{\"type\": \"MultiLineString\", \"coordinates\": [[[1, 2], [3, 4]], 5]}",
      "“geometry.coordinates[1]” must be a list of positions, not a number" },
    { "{\"type\": \"MultiLineString\", \"coordinates\": []}",
      "“geometry.coordinates”: a MultiLineString needs at least one line" },
    { "{\"type\": \"MultiPoint\", \"coordinates\": {\"a\": 1}}",
      "“geometry.coordinates” must be a list of positions, not an object" },
    { "{\"type\": \"MultiPoint\", \"coordinates\": [[1]]}",
      "“geometry.coordinates[0]” must be a position [longitude, latitude], not a list of 1" },
  };
  Scratch scratch;

  scratch_init (&scratch);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *feature = feature_with ("geometry", cases[i].geometry);
      g_autoptr(GPtrArray) features = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strconcat ("features.geojson: feature 1 (“gwadar-port”): ",
                                               cases[i].message, NULL);

      features = load_with (&scratch, feature, &error);
      g_assert_null (features);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, expected);
    }

  scratch_clear (&scratch);
}

/* "legs" says how each part of a line was travelled, one way per part. */
static void
test_legs (void)
{
  static const char line[] =
    "{\"type\": \"MultiLineString\", \"coordinates\": [[[1, 2], [3, 4]], [[3, 4], [5, 6]]]}";
  const struct {
    const char *geometry;
    const char *legs;
    const char *message;   /* NULL: loads */
  } cases[] = {
    { line, "[\"river\", \"sea\"]", NULL },
    { line, "null", NULL },
    { line, "[\"sea\"]", "“legs” must name one way for each line: it has 1 for 2" },
    { line, "[\"sea\", \"boat\"]", "item 1 of “legs” must be one of land, river, sea, air, not “boat”" },
    { line, "\"sea\"", "“legs” must be a list of strings, not a string" },
    { NULL, "[\"sea\"]", "“legs” belong to a line, not to a point" },
  };
  Scratch scratch;

  scratch_init (&scratch);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *with_geometry = cases[i].geometry != NULL ? feature_with ("geometry", cases[i].geometry)
                                                                 : g_strdup (BASE_FEATURE);
      g_autofree char *feature = json_with_member (with_geometry, "properties.legs", cases[i].legs);
      g_autoptr(GPtrArray) features = NULL;
      g_autoptr(GError) error = NULL;

      features = load_with (&scratch, feature, &error);
      if (cases[i].message == NULL)
        {
          BriFeature *f;

          g_assert_no_error (error);
          f = g_ptr_array_index (features, 1);
          g_assert_cmpint (bri_feature_get_part_leg (f, 0), ==, i == 0 ? BRI_LEG_RIVER : BRI_LEG_LAND);
          g_assert_cmpint (bri_feature_get_part_leg (f, 1), ==, i == 0 ? BRI_LEG_SEA : BRI_LEG_LAND);
          g_assert_cmpstr (bri_leg_to_string (bri_feature_get_part_leg (f, 1)), ==, i == 0 ? "sea" : "land");
        }
      else
        {
          g_autofree char *expected = g_strconcat ("features.geojson: feature 1 (“gwadar-port”): ",
                                                   cases[i].message, NULL);

          g_assert_null (features);
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
          g_assert_cmpstr (error->message, ==, expected);
        }
    }

  /* A point is overland, and so is a line without legs. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) features = load_with (&scratch, BASE_FEATURE, &error);

    g_assert_no_error (error);
    g_assert_cmpint (bri_feature_get_part_leg (g_ptr_array_index (features, 0), 0), ==, BRI_LEG_LAND);
    g_assert_cmpint (bri_feature_get_part_leg (g_ptr_array_index (features, 1), 0), ==, BRI_LEG_LAND);
  }

  scratch_clear (&scratch);
}

/* A record that is not an object, or has no properties. */
static void
test_not_a_feature (void)
{
  const struct {
    const char *feature;
    const char *message;
  } cases[] = {
    { "3", "features.geojson: feature 1: a feature must be an object, not a number" },
    { "{\"type\": \"Feature\"}", "features.geojson: feature 1: “properties” is missing" },
    { "{\"type\": \"Feature\", \"properties\": \"x\"}",
      "features.geojson: feature 1: “properties” must be an object, not a string" },
  };
  Scratch scratch;

  scratch_init (&scratch);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) features = NULL;
      g_autoptr(GError) error = NULL;

      features = load_with (&scratch, cases[i].feature, &error);
      g_assert_null (features);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  scratch_clear (&scratch);
}

/* The shipped gazetteer passes every check, and reads as written. */
static void
test_real_gazetteer (void)
{
  const char *data_dir = g_getenv ("BRI_ATLAS_SOURCE_DATA_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) features = NULL;
  g_autoptr(GError) error = NULL;
  BriFeature *gwadar = NULL;

  if (data_dir == NULL)
    {
      g_test_skip ("BRI_ATLAS_SOURCE_DATA_DIR is not set");
      return;
    }

  path = g_build_filename (data_dir, "gazetteer", "features.geojson", NULL);
  file = g_file_new_for_path (path);
  features = bri_feature_load_all (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (features->len, >, 50);

  for (guint i = 0; i < features->len; i++)
    if (g_str_equal (bri_feature_get_id (g_ptr_array_index (features, i)), "gwadar-port"))
      gwadar = g_ptr_array_index (features, i);

  g_assert_nonnull (gwadar);
  g_assert_cmpint (bri_feature_get_kind (gwadar), ==, BRI_FEATURE_KIND_PORT);
  g_assert_true (bri_feature_has_country (gwadar, "PK"));
  g_assert_cmpint (bri_feature_get_geometry_type (gwadar), ==, BRI_GEOMETRY_POINT);
}

/* What a screen reader says for a place: name, kind, status. */
static void
test_describe (void)
{
  Scratch scratch;
  g_autoptr(GPtrArray) features = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  scratch_init (&scratch);
  features = load_with (&scratch, BASE_FEATURE, &error);
  scratch_clear (&scratch);
  g_assert_no_error (error);
  g_assert_cmpuint (features->len, ==, 2);

  text = bri_feature_describe (g_ptr_array_index (features, 1));
  g_assert_cmpstr (text, ==, "Gwadar Port, port, operational");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/features/every-field-type-checked", test_every_field_type_checked);
  g_test_add_func ("/bri/features/messages", test_messages);
  g_test_add_func ("/bri/features/line-positions", test_line_positions);
  g_test_add_func ("/bri/features/legs", test_legs);
  g_test_add_func ("/bri/features/not-a-feature", test_not_a_feature);
  g_test_add_func ("/bri/features/real-gazetteer", test_real_gazetteer);
  g_test_add_func ("/bri/features/describe", test_describe);

  return g_test_run ();
}
