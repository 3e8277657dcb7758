/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeature: one located place or line of the gazetteer, read from
 * GeoJSON.  Immutable once loaded, so worker threads may read it. */

#define G_LOG_DOMAIN "bri-feature"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bri-feature.h"
#include "bri-json-record.h"

struct _BriFeature
{
  GObject          parent_instance;

  char            *id;
  char            *name;
  char           **aliases;
  BriFeatureKind   kind;
  char            *status;
  int              status_year;
  char           **countries;
  int              started;
  int              opened;
  char            *description;
  BriPrecision     precision;

  BriGeometryType  geometry_type;
  GPtrArray       *parts;   /* of GArray of BriLonLat */
  guint8          *legs;    /* a BriLeg per part; NULL: all overland */
  double           west, south, east, north;
};

G_DEFINE_FINAL_TYPE (BriFeature, bri_feature, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_STATUS,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In BriPrecision order. */
static const char * const precision_names[] = { "exact", "town", "schematic", "flight-path", NULL };

/* In BriLeg order. */
static const char * const leg_names[] = { "land", "river", "sea", "air", NULL };

static const char * const status_names[] = {
  "operational", "under-construction", "planned", "feasibility-study",
  "agreed", "historical", "unknown", NULL
};

/* Every status a feature may have, in the order a list shows them. */
const char * const *
bri_feature_status_get_all (void)
{
  return status_names;
}

const char *
bri_precision_to_string (BriPrecision precision)
{
  g_return_val_if_fail (precision <= BRI_PRECISION_FLIGHT_PATH, NULL);

  return precision_names[precision];
}

/* The way's name in features.geojson's "legs": "sea". */
const char *
bri_leg_to_string (BriLeg leg)
{
  g_return_val_if_fail (leg <= BRI_LEG_AIR, NULL);

  return leg_names[leg];
}

const char *
bri_precision_get_label (BriPrecision precision)
{
  switch (precision)
    {
    case BRI_PRECISION_EXACT: return _("Exact site");
    case BRI_PRECISION_TOWN: return _("Town-level location");
    case BRI_PRECISION_SCHEMATIC: return _("Schematic line, not surveyed");
    case BRI_PRECISION_FLIGHT_PATH: return _("Flight path between two cities, drawn as a great circle");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bri_feature_status_get_label (const char *status)
{
  if (g_strcmp0 (status, "operational") == 0)
    return _("Operational");
  if (g_strcmp0 (status, "under-construction") == 0)
    return _("Under construction");
  if (g_strcmp0 (status, "planned") == 0)
    return _("Planned");
  if (g_strcmp0 (status, "feasibility-study") == 0)
    return _("Feasibility study");
  if (g_strcmp0 (status, "agreed") == 0)
    return _("Agreed");
  if (g_strcmp0 (status, "historical") == 0)
    return _("Historical");
  return _("Unknown");
}

static void
bri_feature_finalize (GObject *object)
{
  BriFeature *self = (BriFeature *)object;

  g_free (self->id);
  g_free (self->name);
  g_strfreev (self->aliases);
  g_free (self->status);
  g_strfreev (self->countries);
  g_free (self->description);
  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_free (self->legs);

  G_OBJECT_CLASS (bri_feature_parent_class)->finalize (object);
}

static void
bri_feature_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BriFeature *self = BRI_FEATURE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_string (value, bri_feature_kind_to_string (self->kind));
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_feature_class_init (BriFeatureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bri_feature_finalize;
  object_class->get_property = bri_feature_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bri_feature_init (BriFeature *self)
{
  self->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->west = self->south = G_MAXDOUBLE;
  self->east = self->north = -G_MAXDOUBLE;
}

const char *
bri_feature_get_id (BriFeature *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), NULL);
  return self->id;
}

const char *
bri_feature_get_name (BriFeature *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), NULL);
  return self->name;
}

const char * const *
bri_feature_get_aliases (BriFeature *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), NULL);
  return (const char * const *) self->aliases;
}

BriFeatureKind
bri_feature_get_kind (BriFeature *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), 0);
  return self->kind;
}

const char *
bri_feature_get_status (BriFeature *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), NULL);
  return self->status;
}

int
bri_feature_get_status_year (BriFeature *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), 0);
  return self->status_year;
}

const char * const *
bri_feature_get_countries (BriFeature *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), NULL);
  return (const char * const *) self->countries;
}

gboolean
bri_feature_has_country (BriFeature *self,
                         const char *alpha2)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), FALSE);

  for (guint i = 0; self->countries[i]; i++)
    if (g_ascii_strcasecmp (self->countries[i], alpha2) == 0)
      return TRUE;

  return FALSE;
}

int
bri_feature_get_started (BriFeature *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), 0);
  return self->started;
}

int
bri_feature_get_opened (BriFeature *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), 0);
  return self->opened;
}

const char *
bri_feature_get_description (BriFeature *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), NULL);
  return self->description;
}

/**
 * bri_feature_describe:
 *
 * The feature in a few words, as a screen reader says it when the
 * keyboard reaches it on the map or in a list: "Port of Piraeus, port,
 * operational".
 *
 * Returns: (transfer full): the text
 */
char *
bri_feature_describe (BriFeature *self)
{
  g_autofree char *kind = NULL;
  g_autofree char *status = NULL;

  g_return_val_if_fail (BRI_IS_FEATURE (self), NULL);

  kind = g_utf8_strdown (bri_feature_kind_get_label (self->kind), -1);
  status = g_utf8_strdown (bri_feature_status_get_label (self->status), -1);
  /* Translators: a place as a screen reader says it: its name, its kind
   * ("port") and its status ("operational"), both in lower case */
  return g_strdup_printf (C_("feature description", "%s, %s, %s"), self->name, kind, status);
}

BriPrecision
bri_feature_get_precision (BriFeature *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), 0);
  return self->precision;
}

BriGeometryType
bri_feature_get_geometry_type (BriFeature *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), 0);
  return self->geometry_type;
}

gboolean
bri_feature_is_line (BriFeature *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), FALSE);
  return self->geometry_type == BRI_GEOMETRY_LINE_STRING ||
         self->geometry_type == BRI_GEOMETRY_MULTI_LINE_STRING;
}

guint
bri_feature_get_n_parts (BriFeature *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), 0);
  return self->parts->len;
}

const BriLonLat *
bri_feature_get_part (BriFeature *self,
                      guint       part,
                      guint      *n_vertices)
{
  GArray *vertices;

  g_return_val_if_fail (BRI_IS_FEATURE (self), NULL);
  g_return_val_if_fail (part < self->parts->len, NULL);

  vertices = g_ptr_array_index (self->parts, part);
  *n_vertices = vertices->len;

  return (const BriLonLat *) (gpointer) vertices->data;
}

/* How @part was travelled: the parts of a feature without "legs" in the
 * GeoJSON, points included, are overland. */
BriLeg
bri_feature_get_part_leg (BriFeature *self,
                          guint       part)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), BRI_LEG_LAND);
  g_return_val_if_fail (part < self->parts->len, BRI_LEG_LAND);

  return self->legs != NULL ? self->legs[part] : BRI_LEG_LAND;
}

void
bri_feature_get_bounds (BriFeature *self,
                        double     *west,
                        double     *south,
                        double     *east,
                        double     *north)
{
  g_return_if_fail (BRI_IS_FEATURE (self));

  *west = self->west;
  *south = self->south;
  *east = self->east;
  *north = self->north;
}

/* The year that places the feature in time, for the year filter: when
 * it opened, else when it started, else the year of its status. */
int
bri_feature_get_year (BriFeature *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE (self), 0);

  if (self->opened != 0)
    return self->opened;
  if (self->started != 0)
    return self->started;
  return self->status_year;
}

/* Loading */

/* Years before the common era are negative; four digits either way. */
#define MIN_YEAR (-9999)
#define MAX_YEAR 9999

/* A string member that must be one of @names (%NULL-terminated): its
 * index, or FALSE and an error listing them. */
static gboolean
read_choice (const BriJsonRecord  *record,
             JsonObject           *object,
             const char           *member,
             BriJsonFlags          flags,
             const char * const   *names,
             guint                *out,
             GError              **error)
{
  g_autofree char *allowed = NULL;
  g_autofree char *field = NULL;
  const char *value;

  if (!bri_json_record_get_string (record, object, member, flags, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (value, names[i]))
      {
        *out = i;
        return TRUE;
      }

  allowed = g_strjoinv (", ", (char **) names);
  field = bri_json_record_field_name (record, member);
  /* TRANSLATORS: a field name, the values it may have, then its value */
  return bri_json_record_fail (record, error, _("“%s” must be one of %s, not “%s”"),
                               field, allowed, value);
}

/* One position: @path says where it is ("geometry.coordinates[3]"). */
static gboolean
read_vertex (const BriJsonRecord  *record,
             JsonNode             *node,
             const char           *path,
             BriLonLat            *out,
             GError              **error)
{
  JsonArray *pair;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    /* TRANSLATORS: where the position is, then what is there instead */
    return bri_json_record_fail (record, error, _("“%s” must be a position [longitude, latitude], not %s"),
                                 path, bri_json_node_describe (node));

  pair = json_node_get_array (node);
  if (json_array_get_length (pair) < 2)
    return bri_json_record_fail (record, error, _("“%s” must be a position [longitude, latitude], not a list of %u"),
                                 path, json_array_get_length (pair));

  for (guint i = 0; i < 2; i++)
    if (!bri_json_node_is_number (json_array_get_element (pair, i)))
      return bri_json_record_fail (record, error, _("item %u of “%s” must be a number, not %s"),
                                   i, path, bri_json_node_describe (json_array_get_element (pair, i)));

  out->lon = json_array_get_double_element (pair, 0);
  out->lat = json_array_get_double_element (pair, 1);

  if (out->lon < -180.0 || out->lon > 180.0 || out->lat < -90.0 || out->lat > 90.0)
    return bri_json_record_fail (record, error, _("“%s”: position [%g, %g] is outside the world"),
                                 path, out->lon, out->lat);

  return TRUE;
}

static void
extend_bounds (BriFeature      *self,
               const BriLonLat *v)
{
  self->west = MIN (self->west, v->lon);
  self->east = MAX (self->east, v->lon);
  self->south = MIN (self->south, v->lat);
  self->north = MAX (self->north, v->lat);
}

/* A list of positions: a MultiPoint, a LineString or one line of a
 * MultiLineString. */
static gboolean
read_part (BriFeature           *self,
           const BriJsonRecord  *record,
           JsonNode             *node,
           const char           *path,
           guint                 min_vertices,
           GError              **error)
{
  g_autoptr(GArray) vertices = g_array_new (FALSE, FALSE, sizeof (BriLonLat));
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return bri_json_record_fail (record, error, _("“%s” must be a list of positions, not %s"),
                                 path, bri_json_node_describe (node));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n < min_vertices)
    return bri_json_record_fail (record, error, _("“%s”: a line needs at least %u positions, it has %u"),
                                 path, min_vertices, n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *vertex_path = g_strdup_printf ("%s[%u]", path, i);
      BriLonLat v;

      if (!read_vertex (record, json_array_get_element (array, i), vertex_path, &v, error))
        return FALSE;

      g_array_append_val (vertices, v);
      extend_bounds (self, &v);
    }

  g_ptr_array_add (self->parts, g_steal_pointer (&vertices));

  return TRUE;
}

static gboolean
read_geometry (BriFeature     *self,
               BriJsonRecord  *record,
               JsonObject     *geometry,
               GError        **error)
{
  /* In BriGeometryType order. */
  static const char * const types[] = { "Point", "MultiPoint", "LineString", "MultiLineString", NULL };
  static const char coordinates[] = "geometry.coordinates";
  guint type = 0;
  JsonNode *coords;
  gboolean ok;

  record->parent = "geometry";
  ok = read_choice (record, geometry, "type", BRI_JSON_REQUIRED, types, &type, error) &&
       bri_json_record_get_member (record, geometry, "coordinates", BRI_JSON_REQUIRED, &coords, error);
  record->parent = NULL;
  if (!ok)
    return FALSE;

  switch (type)
    {
    case BRI_GEOMETRY_POINT:
      {
        g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (BriLonLat));
        BriLonLat v;

        if (!read_vertex (record, coords, coordinates, &v, error))
          return FALSE;

        g_array_append_val (one, v);
        extend_bounds (self, &v);
        g_ptr_array_add (self->parts, g_steal_pointer (&one));
        self->geometry_type = BRI_GEOMETRY_POINT;
        return TRUE;
      }

    case BRI_GEOMETRY_MULTI_POINT:
    case BRI_GEOMETRY_LINE_STRING:
      self->geometry_type = type;
      return read_part (self, record, coords, coordinates, type == BRI_GEOMETRY_LINE_STRING ? 2 : 1, error);

    case BRI_GEOMETRY_MULTI_LINE_STRING:
    default:
      {
        JsonArray *lines;

        if (!JSON_NODE_HOLDS_ARRAY (coords))
          return bri_json_record_fail (record, error, _("“%s” must be a list of lines, not %s"),
                                       coordinates, bri_json_node_describe (coords));

        lines = json_node_get_array (coords);
        if (json_array_get_length (lines) == 0)
          return bri_json_record_fail (record, error, _("“%s”: a MultiLineString needs at least one line"),
                                       coordinates);

        self->geometry_type = BRI_GEOMETRY_MULTI_LINE_STRING;
        for (guint i = 0; i < json_array_get_length (lines); i++)
          {
            g_autofree char *line_path = g_strdup_printf ("%s[%u]", coordinates, i);

            if (!read_part (self, record, json_array_get_element (lines, i), line_path, 2, error))
              return FALSE;
          }

        return TRUE;
      }
    }
}

/* "legs": how each part of a line was travelled, one name per part. */
static gboolean
read_legs (BriFeature           *self,
           const BriJsonRecord  *record,
           JsonObject           *props,
           GError              **error)
{
  g_auto(GStrv) legs = NULL;
  JsonNode *node;
  guint n;

  /* Absent or null: every part overland. */
  if (!bri_json_record_get_member (record, props, "legs", BRI_JSON_OPTIONAL, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!bri_json_record_get_strv (record, props, "legs", BRI_JSON_OPTIONAL, &legs, error))
    return FALSE;

  n = g_strv_length (legs);
  if (!bri_feature_is_line (self))
    return bri_json_record_fail (record, error, _("“legs” belong to a line, not to a point"));
  if (n != self->parts->len)
    /* TRANSLATORS: how many legs, then how many lines the geometry has */
    return bri_json_record_fail (record, error, _("“legs” must name one way for each line: it has %u for %u"),
                                 n, self->parts->len);

  self->legs = g_new (guint8, n);
  for (guint i = 0; i < n; i++)
    {
      guint leg = BRI_LEG_LAND;

      while (leg_names[leg] != NULL && !g_str_equal (legs[i], leg_names[leg]))
        leg++;
      if (leg_names[leg] == NULL)
        {
          g_autofree char *allowed = g_strjoinv (", ", (char **) leg_names);

          /* TRANSLATORS: the item's number, the values it may have, then its value */
          return bri_json_record_fail (record, error, _("item %u of “legs” must be one of %s, not “%s”"),
                                       i, allowed, legs[i]);
        }
      self->legs[i] = leg;
    }

  return TRUE;
}

static gboolean
read_year (const BriJsonRecord  *record,
           JsonObject           *object,
           const char           *member,
           int                  *out,
           GError              **error)
{
  gint64 year = 0;

  if (!bri_json_record_get_int (record, object, member, BRI_JSON_OPTIONAL, MIN_YEAR, MAX_YEAR, &year, error))
    return FALSE;

  *out = (int) year;
  return TRUE;
}

/* Every member is type-checked: a wrong type is an error naming the
 * member, never a default. */
static BriFeature *
feature_from_json (JsonNode       *node,
                   BriJsonRecord  *record,
                   const char     *file,
                   guint           index,
                   GError        **error)
{
  g_autoptr(BriFeature) self = NULL;
  JsonObject *props;
  JsonObject *geometry;
  const char *id;
  const char *name;
  const char *description;
  const char *kinds[BRI_FEATURE_N_KINDS + 1] = { NULL, };
  guint kind = 0;
  guint precision = 0;
  guint status = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bri_json_record_fail (record, error, _("a feature must be an object, not %s"),
                                 bri_json_node_describe (node)), NULL;

  if (!bri_json_record_get_object (record, json_node_get_object (node), "properties",
                                   BRI_JSON_REQUIRED, &props, error) ||
      !bri_json_record_get_string (record, props, "id", BRI_JSON_REQUIRED | BRI_JSON_NON_EMPTY, &id, error))
    return NULL;

  bri_json_record_set_where (record, _("%s: feature %u (“%s”)"), file, index, id);

  self = g_object_new (BRI_TYPE_FEATURE, NULL);
  self->id = g_strdup (id);

  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    kinds[k] = bri_feature_kind_to_string (k);
  /* The status is "unknown" when absent or null. */
  while (!g_str_equal (status_names[status], "unknown"))
    status++;

  if (!bri_json_record_get_string (record, props, "name", BRI_JSON_REQUIRED | BRI_JSON_NON_EMPTY, &name, error) ||
      !read_choice (record, props, "kind", BRI_JSON_REQUIRED,
                    kinds, &kind, error) ||
      !read_choice (record, props, "precision", BRI_JSON_REQUIRED,
                    precision_names, &precision, error) ||
      !read_choice (record, props, "status", BRI_JSON_OPTIONAL,
                    status_names, &status, error) ||
      !bri_json_record_get_strv (record, props, "aliases", BRI_JSON_NON_EMPTY, &self->aliases, error) ||
      !bri_json_record_get_strv (record, props, "countries", BRI_JSON_NON_EMPTY, &self->countries, error) ||
      !read_year (record, props, "status_year", &self->status_year, error) ||
      !read_year (record, props, "started", &self->started, error) ||
      !read_year (record, props, "opened", &self->opened, error) ||
      !bri_json_record_get_string (record, props, "description", BRI_JSON_OPTIONAL, &description, error) ||
      !bri_json_record_get_object (record, json_node_get_object (node), "geometry",
                                   BRI_JSON_REQUIRED, &geometry, error) ||
      !read_geometry (self, record, geometry, error) ||
      !read_legs (self, record, props, error))
    return NULL;

  self->name = g_strdup (name);
  self->kind = kind;
  self->precision = precision;
  self->status = g_strdup (status_names[status]);
  self->description = g_strdup (description != NULL ? description : "");

  return g_steal_pointer (&self);
}

/**
 * bri_feature_load_all:
 * @geojson: a GeoJSON FeatureCollection
 * @error: where a problem is reported, naming the file, the feature and
 *   the member, and what the member should have been
 *
 * Returns: (transfer full): the features, in file order
 */
GPtrArray *
bri_feature_load_all (GFile   *geojson,
                      GError **error)
{
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file = g_file_get_basename (geojson);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonNode *list;
  JsonArray *array;

  bytes = g_file_load_bytes (geojson, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: %s", file, local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (list = json_object_get_member (json_node_get_object (root), "features")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: not a GeoJSON FeatureCollection (no “features” array)"), file);
      return NULL;
    }

  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      BriJsonRecord record;
      BriFeature *feature;

      bri_json_record_init (&record, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      bri_json_record_set_where (&record, _("%s: feature %u"), file, i);
      feature = feature_from_json (json_array_get_element (array, i), &record, file, i, error);

      if (feature != NULL && !g_hash_table_add (ids, feature->id))
        {
          bri_json_record_fail (&record, error, _("the id is already taken by an earlier feature"));
          g_clear_object (&feature);
        }

      bri_json_record_clear (&record);
      if (feature == NULL)
        return NULL;

      g_ptr_array_add (features, feature);
    }

  return g_steal_pointer (&features);
}
