/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeature: one located place or line of the gazetteer, read from
 * GeoJSON.  Immutable once loaded, so worker threads may read it. */

#define G_LOG_DOMAIN "bri-feature"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bri-feature.h"

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

static const char * const precision_names[] = { "exact", "town", "schematic" };

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
  g_return_val_if_fail (precision <= BRI_PRECISION_SCHEMATIC, NULL);

  return precision_names[precision];
}

const char *
bri_precision_get_label (BriPrecision precision)
{
  switch (precision)
    {
    case BRI_PRECISION_EXACT: return _("Exact site");
    case BRI_PRECISION_TOWN: return _("Town-level location");
    case BRI_PRECISION_SCHEMATIC: return _("Schematic line, not surveyed");
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

typedef struct
{
  const char *file;
  guint       index;
  const char *id;
} Ctx;

G_GNUC_PRINTF (3, 4)
static gboolean
fail (GError    **error,
      const Ctx  *ctx,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (ctx->id != NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("%s: feature %u (“%s”): %s"), ctx->file, ctx->index, ctx->id, what);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("%s: feature %u: %s"), ctx->file, ctx->index, what);

  return FALSE;
}

static gboolean
read_vertex (JsonNode   *node,
             BriLonLat  *out,
             const Ctx  *ctx,
             GError    **error)
{
  JsonArray *pair;

  if (!JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (pair = json_node_get_array (node)) < 2 ||
      !JSON_NODE_HOLDS_VALUE (json_array_get_element (pair, 0)) ||
      !JSON_NODE_HOLDS_VALUE (json_array_get_element (pair, 1)) ||
      json_node_get_value_type (json_array_get_element (pair, 0)) == G_TYPE_STRING ||
      json_node_get_value_type (json_array_get_element (pair, 1)) == G_TYPE_STRING)
    return fail (error, ctx, _("a position must be an array [longitude, latitude]"));

  out->lon = json_array_get_double_element (pair, 0);
  out->lat = json_array_get_double_element (pair, 1);

  if (out->lon < -180.0 || out->lon > 180.0 || out->lat < -90.0 || out->lat > 90.0)
    return fail (error, ctx, _("position [%g, %g] is outside the world"), out->lon, out->lat);

  return TRUE;
}

static gboolean
read_part (BriFeature  *self,
           JsonNode    *node,
           guint        min_vertices,
           const Ctx   *ctx,
           GError     **error)
{
  g_autoptr(GArray) vertices = g_array_new (FALSE, FALSE, sizeof (BriLonLat));
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, ctx, _("coordinates must be an array"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n < min_vertices)
    return fail (error, ctx, _("a line needs at least %u positions, it has %u"), min_vertices, n);

  for (guint i = 0; i < n; i++)
    {
      BriLonLat v;

      if (!read_vertex (json_array_get_element (array, i), &v, ctx, error))
        return FALSE;

      g_array_append_val (vertices, v);
      self->west = MIN (self->west, v.lon);
      self->east = MAX (self->east, v.lon);
      self->south = MIN (self->south, v.lat);
      self->north = MAX (self->north, v.lat);
    }

  g_ptr_array_add (self->parts, g_steal_pointer (&vertices));

  return TRUE;
}

static gboolean
read_geometry (BriFeature  *self,
               JsonObject  *geometry,
               const Ctx   *ctx,
               GError     **error)
{
  const char *type = json_object_get_string_member_with_default (geometry, "type", NULL);
  JsonNode *coords = json_object_get_member (geometry, "coordinates");

  if (type == NULL || coords == NULL)
    return fail (error, ctx, _("the geometry needs “type” and “coordinates”"));

  if (g_str_equal (type, "Point"))
    {
      g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (BriLonLat));
      BriLonLat v;

      if (!read_vertex (coords, &v, ctx, error))
        return FALSE;

      g_array_append_val (one, v);
      self->west = self->east = v.lon;
      self->south = self->north = v.lat;
      g_ptr_array_add (self->parts, g_steal_pointer (&one));
      self->geometry_type = BRI_GEOMETRY_POINT;
      return TRUE;
    }

  if (g_str_equal (type, "MultiPoint") || g_str_equal (type, "LineString"))
    {
      gboolean line = g_str_equal (type, "LineString");

      self->geometry_type = line ? BRI_GEOMETRY_LINE_STRING : BRI_GEOMETRY_MULTI_POINT;
      return read_part (self, coords, line ? 2 : 1, ctx, error);
    }

  if (g_str_equal (type, "MultiLineString"))
    {
      JsonArray *lines;

      if (!JSON_NODE_HOLDS_ARRAY (coords) ||
          json_array_get_length (lines = json_node_get_array (coords)) == 0)
        return fail (error, ctx, _("a MultiLineString needs at least one line"));

      self->geometry_type = BRI_GEOMETRY_MULTI_LINE_STRING;
      for (guint i = 0; i < json_array_get_length (lines); i++)
        if (!read_part (self, json_array_get_element (lines, i), 2, ctx, error))
          return FALSE;

      return TRUE;
    }

  return fail (error, ctx, _("unsupported geometry type “%s”"), type);
}

static char **
read_strv (JsonObject *object,
           const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }

  return g_strv_builder_end (builder);
}

static int
read_year (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return 0;

  return (int) json_node_get_int (node);
}

static BriFeature *
feature_from_json (JsonNode   *node,
                   Ctx        *ctx,
                   GError    **error)
{
  g_autoptr(BriFeature) self = NULL;
  JsonObject *object;
  JsonObject *props;
  JsonNode *member;
  const char *kind;
  const char *precision;
  gboolean precision_ok = FALSE;
  gboolean status_ok = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, ctx, _("not an object")), NULL;

  object = json_node_get_object (node);
  member = json_object_get_member (object, "properties");
  if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    return fail (error, ctx, _("missing “properties”")), NULL;
  props = json_node_get_object (member);

  self = g_object_new (BRI_TYPE_FEATURE, NULL);
  self->id = g_strdup (json_object_get_string_member_with_default (props, "id", NULL));
  ctx->id = self->id;
  if (self->id == NULL || self->id[0] == '\0')
    return fail (error, ctx, _("missing “id”")), NULL;

  self->name = g_strdup (json_object_get_string_member_with_default (props, "name", NULL));
  if (self->name == NULL || self->name[0] == '\0')
    return fail (error, ctx, _("missing “name”")), NULL;

  kind = json_object_get_string_member_with_default (props, "kind", NULL);
  if (!bri_feature_kind_from_string (kind, &self->kind))
    return fail (error, ctx, _("unknown kind “%s”"), kind ? kind : "(none)"), NULL;

  precision = json_object_get_string_member_with_default (props, "precision", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (precision_names); i++)
    if (g_strcmp0 (precision, precision_names[i]) == 0)
      {
        self->precision = i;
        precision_ok = TRUE;
      }
  if (!precision_ok)
    return fail (error, ctx, _("unknown precision “%s”"), precision ? precision : "(none)"), NULL;

  self->status = g_strdup (json_object_get_string_member_with_default (props, "status", "unknown"));
  for (guint i = 0; status_names[i] != NULL; i++)
    status_ok |= g_str_equal (self->status, status_names[i]);
  if (!status_ok)
    return fail (error, ctx, _("unknown status “%s”"), self->status), NULL;

  self->aliases = read_strv (props, "aliases");
  self->countries = read_strv (props, "countries");
  self->status_year = read_year (props, "status_year");
  self->started = read_year (props, "started");
  self->opened = read_year (props, "opened");
  self->description = g_strdup (json_object_get_string_member_with_default (props, "description", ""));

  member = json_object_get_member (object, "geometry");
  if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    return fail (error, ctx, _("missing “geometry”")), NULL;

  if (!read_geometry (self, json_node_get_object (member), ctx, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * bri_feature_load_all:
 * @geojson: a GeoJSON FeatureCollection
 * @error: where a problem is reported, naming the file and the feature
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
      Ctx ctx = { file, i, NULL };
      BriFeature *feature = feature_from_json (json_array_get_element (array, i), &ctx, error);

      if (feature == NULL)
        return NULL;

      if (!g_hash_table_add (ids, feature->id))
        {
          fail (error, &ctx, _("duplicate id"));
          g_object_unref (feature);
          return NULL;
        }

      g_ptr_array_add (features, feature);
    }

  return g_steal_pointer (&features);
}
