/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriLocation: what is being shown, as an immutable value.
 *
 * The string form is made here and read here only:
 *
 *   feature:gwadar-port
 *   country:KE
 *   passage:white-paper-2023/88          (document id / ordinal)
 *   passage:white-paper-2023/88@120-164  (a character range in it)
 *   view:25.12,62.33,7.5                 (latitude, longitude, zoom)
 *   search:Gwadar%20port
 *   list:places | list:countries
 *   region:east-africa
 *
 * Ids and queries are percent-encoded (UTF-8 letters stay as they are),
 * so any id or query survives the trip.  The canonical string is made
 * once, at construction, so two locations are equal when their strings
 * are.  With the "bri-atlas:" prefix the string is also a URI, which the
 * desktop file registers. */

#define G_LOG_DOMAIN "bri-location"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bri-location.h"

struct _BriLocation
{
  GObject          parent_instance;

  BriLocationKind  kind;
  char            *id;        /* feature id, alpha-2 code, document id or query */
  guint            ordinal;
  guint            start;
  guint            end;
  gboolean         has_range;
  double           latitude;
  double           longitude;
  double           zoom;
  BriLocationList  list;
  char            *string;
};

G_DEFINE_FINAL_TYPE (BriLocation, bri_location, G_TYPE_OBJECT)

G_DEFINE_QUARK (bri-location-error-quark, bri_location_error)

static const char * const kind_names[] = {
  [BRI_LOCATION_FEATURE] = "feature",
  [BRI_LOCATION_COUNTRY] = "country",
  [BRI_LOCATION_PASSAGE] = "passage",
  [BRI_LOCATION_VIEW] = "view",
  [BRI_LOCATION_SEARCH] = "search",
  [BRI_LOCATION_LIST] = "list",
  [BRI_LOCATION_REGION] = "region",
};

static const char * const list_names[] = {
  [BRI_LOCATION_LIST_PLACES] = "places",
  [BRI_LOCATION_LIST_COUNTRIES] = "countries",
};

static void
bri_location_finalize (GObject *object)
{
  BriLocation *self = (BriLocation *)object;

  g_free (self->id);
  g_free (self->string);

  G_OBJECT_CLASS (bri_location_parent_class)->finalize (object);
}

static void
bri_location_class_init (BriLocationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bri_location_finalize;
}

static void
bri_location_init (BriLocation *self)
{
}

static char *
escape (const char *text)
{
  return g_uri_escape_string (text, NULL, TRUE);
}

/* A number with at most @decimals decimals and no trailing zeros, in
 * the C locale. */
static void
append_number (GString *out,
               double   value,
               int      decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  gsize len;

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  len = strlen (buffer);
  if (strchr (buffer, '.') != NULL)
    {
      while (len > 0 && buffer[len - 1] == '0')
        buffer[--len] = '\0';
      if (len > 0 && buffer[len - 1] == '.')
        buffer[--len] = '\0';
    }
  if (g_str_equal (buffer, "-0"))
    g_strlcpy (buffer, "0", sizeof buffer);
  g_string_append (out, buffer);
}

static void
make_string (BriLocation *self)
{
  GString *out = g_string_new (kind_names[self->kind]);
  g_autofree char *escaped = self->id ? escape (self->id) : NULL;

  g_string_append_c (out, ':');
  switch (self->kind)
    {
    case BRI_LOCATION_FEATURE:
    case BRI_LOCATION_COUNTRY:
    case BRI_LOCATION_SEARCH:
    case BRI_LOCATION_REGION:
      g_string_append (out, escaped);
      break;
    case BRI_LOCATION_PASSAGE:
      g_string_append_printf (out, "%s/%u", escaped, self->ordinal);
      if (self->has_range)
        g_string_append_printf (out, "@%u-%u", self->start, self->end);
      break;
    case BRI_LOCATION_VIEW:
      append_number (out, self->latitude, 6);
      g_string_append_c (out, ',');
      append_number (out, self->longitude, 6);
      g_string_append_c (out, ',');
      append_number (out, self->zoom, 2);
      break;
    case BRI_LOCATION_LIST:
      g_string_append (out, list_names[self->list]);
      break;
    default:
      g_assert_not_reached ();
    }

  self->string = g_string_free (out, FALSE);
}

static BriLocation *
location_new (BriLocationKind  kind,
              const char      *id)
{
  BriLocation *self = g_object_new (BRI_TYPE_LOCATION, NULL);

  self->kind = kind;
  self->id = g_strdup (id);

  return self;
}

static BriLocation *
finish (BriLocation *self)
{
  make_string (self);
  return self;
}

BriLocation *
bri_location_new_feature (const char *feature_id)
{
  g_return_val_if_fail (feature_id != NULL && feature_id[0] != '\0', NULL);

  return finish (location_new (BRI_LOCATION_FEATURE, feature_id));
}

/* @alpha2: an ISO 3166-1 alpha-2 code, any case */
BriLocation *
bri_location_new_country (const char *alpha2)
{
  g_autofree char *upper = NULL;

  g_return_val_if_fail (alpha2 != NULL && strlen (alpha2) == 2, NULL);

  upper = g_ascii_strup (alpha2, -1);
  return finish (location_new (BRI_LOCATION_COUNTRY, upper));
}

BriLocation *
bri_location_new_passage (const char *document_id,
                          guint       ordinal)
{
  BriLocation *self;

  g_return_val_if_fail (document_id != NULL && document_id[0] != '\0', NULL);

  self = location_new (BRI_LOCATION_PASSAGE, document_id);
  self->ordinal = ordinal;
  return finish (self);
}

/* @start, @end: characters into the passage's text, @start <= @end */
BriLocation *
bri_location_new_passage_range (const char *document_id,
                                guint       ordinal,
                                guint       start,
                                guint       end)
{
  BriLocation *self;

  g_return_val_if_fail (document_id != NULL && document_id[0] != '\0', NULL);
  g_return_val_if_fail (start <= end, NULL);

  self = location_new (BRI_LOCATION_PASSAGE, document_id);
  self->ordinal = ordinal;
  self->start = start;
  self->end = end;
  self->has_range = TRUE;
  return finish (self);
}

static double
round_to (double value,
          double scale)
{
  return round (value * scale) / scale;
}

/* Rounded to what the string keeps (six decimals of a degree, about
 * 10 cm; two of a zoom level), so that a view survives its string. */
BriLocation *
bri_location_new_view (double latitude,
                       double longitude,
                       double zoom)
{
  BriLocation *self;

  g_return_val_if_fail (isfinite (latitude) && isfinite (longitude) && isfinite (zoom), NULL);

  self = location_new (BRI_LOCATION_VIEW, NULL);
  self->latitude = round_to (CLAMP (latitude, -90.0, 90.0), 1e6);
  longitude = fmod (longitude, 360.0);
  if (longitude > 180.0)
    longitude -= 360.0;
  else if (longitude < -180.0)
    longitude += 360.0;
  self->longitude = round_to (longitude, 1e6);
  self->zoom = round_to (CLAMP (zoom, 0.0, BRI_LOCATION_MAX_ZOOM), 100.0);
  return finish (self);
}

BriLocation *
bri_location_new_search (const char *query)
{
  g_return_val_if_fail (query != NULL && query[0] != '\0', NULL);
  g_return_val_if_fail (g_utf8_validate (query, -1, NULL), NULL);

  return finish (location_new (BRI_LOCATION_SEARCH, query));
}

BriLocation *
bri_location_new_list (BriLocationList list)
{
  BriLocation *self;

  g_return_val_if_fail (list <= BRI_LOCATION_LIST_COUNTRIES, NULL);

  self = location_new (BRI_LOCATION_LIST, NULL);
  self->list = list;
  return finish (self);
}

/* @region_id: a region's id, "east-africa" */
BriLocation *
bri_location_new_region (const char *region_id)
{
  g_return_val_if_fail (region_id != NULL && region_id[0] != '\0', NULL);

  return finish (location_new (BRI_LOCATION_REGION, region_id));
}

/* Parsing */

G_GNUC_PRINTF (4, 5)
static gpointer
fail (GError          **error,
      BriLocationError  code,
      const char       *text,
      const char       *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, BRI_LOCATION_ERROR, code, _("“%s” is not a location: %s"), text, what);
  return NULL;
}

/* Unescapes a percent-encoded part; NULL if it is empty, has a broken
 * escape, is not UTF-8 or holds control characters. */
static char *
unescape (const char *part,
          gsize       len)
{
  g_autofree char *copy = g_strndup (part, len);
  g_autofree char *text = g_uri_unescape_string (copy, NULL);

  if (text == NULL || text[0] == '\0' || !g_utf8_validate (text, -1, NULL))
    return NULL;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return NULL;

  return g_steal_pointer (&text);
}

static gboolean
parse_uint (const char  *start,
            const char  *end,
            guint       *out)
{
  guint64 value = 0;

  if (start == end || end - start > 9)
    return FALSE;

  for (const char *p = start; p < end; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      value = value * 10 + (*p - '0');
    }

  *out = (guint) value;
  return TRUE;
}

static gboolean
parse_double (const char *text,
              double     *out)
{
  char *end = NULL;

  /* g_ascii_strtod takes hex, "inf" and "nan": only decimals here. */
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && *p != '-' && *p != '+')
      return FALSE;

  *out = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*out);
}

static BriLocation *
parse_passage (const char  *text,
               const char  *value,
               GError     **error)
{
  const char *slash = strrchr (value, '/');
  const char *at = strchr (value, '@');
  const char *ordinal_end = at ? at : value + strlen (value);
  g_autofree char *document = NULL;
  guint ordinal, start, end;

  if (slash == NULL || (at != NULL && at < slash))
    return fail (error, BRI_LOCATION_ERROR_SYNTAX, text,
                 _("a passage is “document/number”, e.g. “passage:white-paper-2023/88”"));

  document = unescape (value, slash - value);
  if (document == NULL)
    return fail (error, BRI_LOCATION_ERROR_SYNTAX, text, _("the document id is empty or badly encoded"));

  if (!parse_uint (slash + 1, ordinal_end, &ordinal))
    return fail (error, BRI_LOCATION_ERROR_SYNTAX, text,
                 _("the passage number must be a whole number of at most 9 digits"));

  if (at == NULL)
    return bri_location_new_passage (document, ordinal);

  {
    const char *dash = strchr (at + 1, '-');

    if (dash == NULL || !parse_uint (at + 1, dash, &start) ||
        !parse_uint (dash + 1, dash + 1 + strlen (dash + 1), &end))
      return fail (error, BRI_LOCATION_ERROR_SYNTAX, text,
                   _("a range is “@start-end”, in characters, e.g. “@120-164”"));
    if (start > end)
      return fail (error, BRI_LOCATION_ERROR_RANGE, text,
                   _("the range starts after it ends"));
  }

  return bri_location_new_passage_range (document, ordinal, start, end);
}

static BriLocation *
parse_view (const char  *text,
            const char  *value,
            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);
  double lat, lon, zoom;

  if (g_strv_length (parts) != 3 ||
      !parse_double (parts[0], &lat) || !parse_double (parts[1], &lon) ||
      !parse_double (parts[2], &zoom))
    return fail (error, BRI_LOCATION_ERROR_SYNTAX, text,
                 _("a view is “latitude,longitude,zoom” in decimal degrees, e.g. “view:25.12,62.33,7.5”"));

  if (lat < -90.0 || lat > 90.0)
    return fail (error, BRI_LOCATION_ERROR_RANGE, text, _("the latitude must lie between −90 and 90"));
  if (lon < -180.0 || lon > 180.0)
    return fail (error, BRI_LOCATION_ERROR_RANGE, text, _("the longitude must lie between −180 and 180"));
  if (zoom < 0.0 || zoom > BRI_LOCATION_MAX_ZOOM)
    return fail (error, BRI_LOCATION_ERROR_RANGE, text, _("the zoom must lie between 0 and %g"),
                 BRI_LOCATION_MAX_ZOOM);

  return bri_location_new_view (lat, lon, zoom);
}

/**
 * bri_location_parse:
 * @text: a location ("country:KE"), or its URI ("bri-atlas:country:KE")
 *
 * Returns: (transfer full) (nullable): the location, or %NULL with
 *   @error saying what is wrong
 */
BriLocation *
bri_location_parse (const char  *text,
                    GError     **error)
{
  const char *colon;
  const char *value;
  g_autofree char *kind = NULL;
  guint k;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, BRI_LOCATION_ERROR, BRI_LOCATION_ERROR_SYNTAX,
                           _("A location must be UTF-8 text"));
      return NULL;
    }

  value = text;
  if (g_ascii_strncasecmp (value, BRI_LOCATION_URI_SCHEME ":", strlen (BRI_LOCATION_URI_SCHEME) + 1) == 0)
    {
      value += strlen (BRI_LOCATION_URI_SCHEME) + 1;
      /* "bri-atlas://country:KE", as some programs write a URI. */
      if (g_str_has_prefix (value, "//"))
        value += 2;
    }

  colon = strchr (value, ':');
  if (colon == NULL || colon == value)
    return fail (error, BRI_LOCATION_ERROR_SYNTAX, text,
                 _("it must be “kind:value”, e.g. “feature:gwadar-port” or “country:KE”"));

  kind = g_ascii_strdown (value, colon - value);
  for (k = 0; k < G_N_ELEMENTS (kind_names); k++)
    if (g_str_equal (kind, kind_names[k]))
      break;
  if (k == G_N_ELEMENTS (kind_names))
    return fail (error, BRI_LOCATION_ERROR_KIND, text,
                 _("unknown kind “%s” (feature, country, passage, view, search, list or region)"), kind);

  value = colon + 1;
  if (value[0] == '\0')
    return fail (error, BRI_LOCATION_ERROR_SYNTAX, text, _("nothing after “%s:”"), kind);

  switch ((BriLocationKind) k)
    {
    case BRI_LOCATION_FEATURE:
    case BRI_LOCATION_SEARCH:
    case BRI_LOCATION_REGION:
      {
        g_autofree char *id = unescape (value, strlen (value));

        if (id == NULL)
          return fail (error, BRI_LOCATION_ERROR_SYNTAX, text, _("badly encoded text after “%s:”"), kind);

        if (k == BRI_LOCATION_FEATURE)
          return bri_location_new_feature (id);
        if (k == BRI_LOCATION_REGION)
          return bri_location_new_region (id);
        return bri_location_new_search (id);
      }

    case BRI_LOCATION_COUNTRY:
      if (strlen (value) != 2 || !g_ascii_isalpha (value[0]) || !g_ascii_isalpha (value[1]))
        return fail (error, BRI_LOCATION_ERROR_SYNTAX, text,
                     _("a country is its two-letter ISO code, e.g. “country:KE”"));
      return bri_location_new_country (value);

    case BRI_LOCATION_PASSAGE:
      return parse_passage (text, value, error);

    case BRI_LOCATION_VIEW:
      return parse_view (text, value, error);

    case BRI_LOCATION_LIST:
      for (guint l = 0; l < G_N_ELEMENTS (list_names); l++)
        if (g_str_equal (value, list_names[l]))
          return bri_location_new_list (l);
      return fail (error, BRI_LOCATION_ERROR_SYNTAX, text, _("a list is “places” or “countries”"));

    default:
      g_assert_not_reached ();
    }
}

BriLocationKind
bri_location_get_kind (BriLocation *self)
{
  g_return_val_if_fail (BRI_IS_LOCATION (self), 0);
  return self->kind;
}

/* The feature id, the country's alpha-2 code, the passage's document id
 * or the region's id; %NULL for other kinds. */
const char *
bri_location_get_id (BriLocation *self)
{
  g_return_val_if_fail (BRI_IS_LOCATION (self), NULL);
  return self->kind == BRI_LOCATION_SEARCH ? NULL : self->id;
}

const char *
bri_location_get_query (BriLocation *self)
{
  g_return_val_if_fail (BRI_IS_LOCATION (self), NULL);
  return self->kind == BRI_LOCATION_SEARCH ? self->id : NULL;
}

guint
bri_location_get_ordinal (BriLocation *self)
{
  g_return_val_if_fail (BRI_IS_LOCATION (self), 0);
  return self->ordinal;
}

/* Returns: whether the passage location names a character range */
gboolean
bri_location_get_range (BriLocation *self,
                        guint       *start,
                        guint       *end)
{
  g_return_val_if_fail (BRI_IS_LOCATION (self), FALSE);

  if (start != NULL)
    *start = self->start;
  if (end != NULL)
    *end = self->end;
  return self->has_range;
}

void
bri_location_get_view (BriLocation *self,
                       double      *latitude,
                       double      *longitude,
                       double      *zoom)
{
  g_return_if_fail (BRI_IS_LOCATION (self));
  g_return_if_fail (self->kind == BRI_LOCATION_VIEW);

  if (latitude != NULL)
    *latitude = self->latitude;
  if (longitude != NULL)
    *longitude = self->longitude;
  if (zoom != NULL)
    *zoom = self->zoom;
}

BriLocationList
bri_location_get_list (BriLocation *self)
{
  g_return_val_if_fail (BRI_IS_LOCATION (self), 0);
  return self->list;
}

const char *
bri_location_to_string (BriLocation *self)
{
  g_return_val_if_fail (BRI_IS_LOCATION (self), NULL);
  return self->string;
}

char *
bri_location_to_uri (BriLocation *self)
{
  g_return_val_if_fail (BRI_IS_LOCATION (self), NULL);
  return g_strconcat (BRI_LOCATION_URI_SCHEME ":", self->string, NULL);
}

gboolean
bri_location_equal (BriLocation *a,
                    BriLocation *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return g_str_equal (a->string, b->string);
}
