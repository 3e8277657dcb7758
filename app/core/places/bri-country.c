/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountry: one country of the basemap, read from
 * data/countries/countries.json (written by build-aux/countries/make-countries.py).
 * Immutable once loaded. */

#define G_LOG_DOMAIN "bri-country"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bri-country.h"
#include "bri-json-record.h"

/* Where Debian's iso-codes installs its translations. */
#ifndef ISO_CODES_LOCALEDIR
# define ISO_CODES_LOCALEDIR "/usr/share/locale"
#endif

struct _BriCountry
{
  GObject       parent_instance;

  char         *code;
  char         *alpha3;
  int           numeric;
  char         *name;
  char         *iso_name;
  char         *official_name;
  char        **demonyms;
  char        **alt_names;
  BriGeoBounds  bounds;
  double        label_lon;
  double        label_lat;
};

G_DEFINE_FINAL_TYPE (BriCountry, bri_country, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_ALPHA3,
  PROP_NUMERIC,
  PROP_NAME,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bri_country_finalize (GObject *object)
{
  BriCountry *self = BRI_COUNTRY (object);

  g_free (self->code);
  g_free (self->alpha3);
  g_free (self->name);
  g_free (self->iso_name);
  g_free (self->official_name);
  g_strfreev (self->demonyms);
  g_strfreev (self->alt_names);

  G_OBJECT_CLASS (bri_country_parent_class)->finalize (object);
}

static void
bri_country_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BriCountry *self = BRI_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_ALPHA3:
      g_value_set_string (value, self->alpha3);
      break;

    case PROP_NUMERIC:
      g_value_set_int (value, self->numeric);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, bri_country_get_display_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_country_class_init (BriCountryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bri_country_finalize;
  object_class->get_property = bri_country_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALPHA3] =
    g_param_spec_string ("alpha3", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMERIC] =
    g_param_spec_int ("numeric", NULL, NULL, 0, 999, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Once per process, before any country can be asked for its name. */
  bindtextdomain (BRI_COUNTRY_ISO_DOMAIN, ISO_CODES_LOCALEDIR);
  bind_textdomain_codeset (BRI_COUNTRY_ISO_DOMAIN, "UTF-8");
}

static void
bri_country_init (BriCountry *self)
{
}

/* The ISO 3166-1 alpha-2 code, or one of ours (XK, …) for features ISO
 * has none for. */
const char *
bri_country_get_code (BriCountry *self)
{
  g_return_val_if_fail (BRI_IS_COUNTRY (self), NULL);
  return self->code;
}

const char *
bri_country_get_alpha3 (BriCountry *self)
{
  g_return_val_if_fail (BRI_IS_COUNTRY (self), NULL);
  return self->alpha3;
}

/* The ISO 3166-1 numeric code, as the basemap knows the country. */
int
bri_country_get_numeric (BriCountry *self)
{
  g_return_val_if_fail (BRI_IS_COUNTRY (self), 0);
  return self->numeric;
}

/* The English short name ("Laos", "South Korea"). */
const char *
bri_country_get_name (BriCountry *self)
{
  g_return_val_if_fail (BRI_IS_COUNTRY (self), NULL);
  return self->name;
}

/* iso-codes' own name ("Lao People's Democratic Republic"); the msgid
 * its translations are filed under. */
const char *
bri_country_get_iso_name (BriCountry *self)
{
  g_return_val_if_fail (BRI_IS_COUNTRY (self), NULL);
  return self->iso_name;
}

/* Returns: (nullable): e.g. "Republic of Kenya" */
const char *
bri_country_get_official_name (BriCountry *self)
{
  g_return_val_if_fail (BRI_IS_COUNTRY (self), NULL);
  return self->official_name;
}

/**
 * bri_country_get_display_name:
 *
 * The name in the user's language from iso-codes' translations. The short
 * name is tried first ("Südkorea" reads better than "Korea, Republik"),
 * then the ISO name; with neither translated, the English short name.
 * gettext returns its argument itself when it has no translation, which
 * is how an untranslated name is told from one that reads the same.
 */
const char *
bri_country_get_display_name (BriCountry *self)
{
  const char *translated;

  g_return_val_if_fail (BRI_IS_COUNTRY (self), NULL);

  translated = dgettext (BRI_COUNTRY_ISO_DOMAIN, self->name);
  if (translated != self->name)
    return translated;

  if (self->iso_name != NULL)
    {
      translated = dgettext (BRI_COUNTRY_ISO_DOMAIN, self->iso_name);
      if (translated != self->iso_name)
        return translated;
    }

  return self->name;
}

/* Returns: (array zero-terminated=1): "Kenyan", … */
const char * const *
bri_country_get_demonyms (BriCountry *self)
{
  g_return_val_if_fail (BRI_IS_COUNTRY (self), NULL);
  return (const char * const *) self->demonyms;
}

/* Returns: (array zero-terminated=1): other names and spellings */
const char * const *
bri_country_get_alt_names (BriCountry *self)
{
  g_return_val_if_fail (BRI_IS_COUNTRY (self), NULL);
  return (const char * const *) self->alt_names;
}

/* min_lon > max_lon when the country spans the antimeridian (Russia, Fiji). */
void
bri_country_get_bounds (BriCountry   *self,
                        BriGeoBounds *bounds)
{
  g_return_if_fail (BRI_IS_COUNTRY (self));
  g_return_if_fail (bounds != NULL);

  *bounds = self->bounds;
}

/* A point well inside the largest polygon, where a label fits best. */
void
bri_country_get_label (BriCountry *self,
                       double     *lon,
                       double     *lat)
{
  g_return_if_fail (BRI_IS_COUNTRY (self));

  if (lon != NULL)
    *lon = self->label_lon;
  if (lat != NULL)
    *lat = self->label_lat;
}

static gboolean
is_code (const char *s,
         gsize       len)
{
  if (strlen (s) != len)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isupper (s[i]))
      return FALSE;
  return TRUE;
}

/* Every member is type-checked: a wrong type is an error naming the
 * member, never a default. */
static BriCountry *
country_from_json (JsonNode       *node,
                   BriJsonRecord  *record,
                   const char     *file,
                   guint           index,
                   GError        **error)
{
  g_autoptr(BriCountry) self = NULL;
  JsonObject *object;
  const char *code, *alpha3, *name, *iso_name, *official_name;
  gint64 numeric = 0;
  double bounds[4], label[2];

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      bri_json_record_fail (record, error, _("a country must be an object, not %s"),
                            bri_json_node_describe (node));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!bri_json_record_get_string (record, object, "alpha2", BRI_JSON_REQUIRED | BRI_JSON_NON_EMPTY, &code, error))
    return NULL;
  bri_json_record_set_where (record, _("%s: entry %u (%s)"), file, index, code);
  if (!is_code (code, 2))
    {
      bri_json_record_fail (record, error, _("“alpha2” must be two capital letters"));
      return NULL;
    }
  if (!bri_json_record_get_string (record, object, "alpha3", BRI_JSON_REQUIRED | BRI_JSON_NON_EMPTY, &alpha3, error))
    return NULL;
  if (!is_code (alpha3, 3))
    {
      bri_json_record_fail (record, error, _("“alpha3” must be three capital letters"));
      return NULL;
    }

  self = g_object_new (BRI_TYPE_COUNTRY, NULL);
  if (!bri_json_record_get_int (record, object, "numeric", BRI_JSON_REQUIRED, 1, 999, &numeric, error) ||
      !bri_json_record_get_string (record, object, "name", BRI_JSON_REQUIRED | BRI_JSON_NON_EMPTY, &name, error) ||
      !bri_json_record_get_string (record, object, "iso_name", BRI_JSON_NON_EMPTY, &iso_name, error) ||
      !bri_json_record_get_string (record, object, "official_name", BRI_JSON_NON_EMPTY, &official_name, error) ||
      !bri_json_record_get_strv (record, object, "demonyms", BRI_JSON_NON_EMPTY, &self->demonyms, error) ||
      !bri_json_record_get_strv (record, object, "alt_names", BRI_JSON_NON_EMPTY, &self->alt_names, error) ||
      !bri_json_record_get_numbers (record, object, "bounds", 4, bounds, error) ||
      !bri_json_record_get_numbers (record, object, "label", 2, label, error))
    return NULL;

  self->code = g_strdup (code);
  self->alpha3 = g_strdup (alpha3);
  self->numeric = numeric;
  self->name = g_strdup (name);
  self->iso_name = g_strdup (iso_name);
  self->official_name = g_strdup (official_name);

  /* West may exceed east (across the antimeridian); south may not exceed north. */
  if (bounds[0] < -180 || bounds[0] > 180 || bounds[2] < -180 || bounds[2] > 180 ||
      bounds[1] < -90 || bounds[3] > 90 || bounds[1] > bounds[3])
    {
      bri_json_record_fail (record, error, _("“bounds” must be [west, south, east, north] in degrees"));
      return NULL;
    }
  self->bounds.min_lon = bounds[0];
  self->bounds.min_lat = bounds[1];
  self->bounds.max_lon = bounds[2];
  self->bounds.max_lat = bounds[3];

  if (!bri_geo_bounds_contains (&self->bounds, label[0], label[1]))
    {
      bri_json_record_fail (record, error, _("“label” lies outside the country’s bounds"));
      return NULL;
    }
  self->label_lon = label[0];
  self->label_lat = label[1];

  return g_steal_pointer (&self);
}

/**
 * bri_country_load_all:
 * @countries_json: data/countries/countries.json or a file like it
 * @error: where a problem is reported, naming the file, the entry and
 *   what is wrong with it
 *
 * Returns: (transfer full) (element-type BriCountry): the countries, in
 *   file order
 */
GPtrArray *
bri_country_load_all (GFile   *countries_json,
                      GError **error)
{
  g_autoptr(GPtrArray) countries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) numerics = g_hash_table_new (NULL, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *file = NULL;
  JsonNode *root;
  JsonArray *array;

  g_return_val_if_fail (G_IS_FILE (countries_json), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Make sure the class, and so the iso-codes text domain, is set up. */
  g_type_ensure (BRI_TYPE_COUNTRY);

  file = g_file_get_basename (countries_json);
  bytes = g_file_load_bytes (countries_json, NULL, NULL, error);
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
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: not a list of countries"), file);
      return NULL;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      BriJsonRecord record;
      g_autoptr(BriCountry) country = NULL;

      bri_json_record_init (&record, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      /* TRANSLATORS: file name, entry number, country code ("?" before it is known) */
      bri_json_record_set_where (&record, _("%s: entry %u (%s)"), file, i, "?");
      country = country_from_json (json_array_get_element (array, i), &record, file, i, error);

      if (country != NULL && !g_hash_table_add (codes, country->code))
        {
          bri_json_record_fail (&record, error, _("a second entry with this code"));
          g_clear_object (&country);
        }
      else if (country != NULL && !g_hash_table_add (numerics, GINT_TO_POINTER (country->numeric)))
        {
          bri_json_record_fail (&record, error, _("numeric code %d is already taken"), country->numeric);
          g_clear_object (&country);
        }

      bri_json_record_clear (&record);
      if (country == NULL)
        return NULL;

      g_ptr_array_add (countries, g_steal_pointer (&country));
    }

  return g_steal_pointer (&countries);
}
