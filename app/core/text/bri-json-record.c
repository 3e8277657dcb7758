/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriJsonRecord: type-checked reading of one record of a JSON data file.
 * json-glib's own getters return a default, or raise a critical, when a
 * member has the wrong type; a data file with a number where a string
 * belongs must instead give the reader an error that says so. */

#define G_LOG_DOMAIN "bri-json-record"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "bri-json-record.h"

void
bri_json_record_init (BriJsonRecord *record,
                      GQuark         domain,
                      int            code)
{
  g_return_if_fail (record != NULL);

  record->domain = domain;
  record->code = code;
  record->where = NULL;
  record->parent = NULL;
}

/* What the errors start with: the file and the record. */
void
bri_json_record_set_where (BriJsonRecord *record,
                           const char    *format,
                           ...)
{
  va_list args;

  g_return_if_fail (record != NULL);

  g_free (record->where);
  va_start (args, format);
  record->where = g_strdup_vprintf (format, args);
  va_end (args);
}

void
bri_json_record_clear (BriJsonRecord *record)
{
  g_return_if_fail (record != NULL);

  g_clear_pointer (&record->where, g_free);
}

/* Always returns FALSE, so that a reader can `return fail (…)`. */
gboolean
bri_json_record_fail (const BriJsonRecord  *record,
                      GError              **error,
                      const char           *format,
                      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, record->domain, record->code, "%s: %s",
               record->where != NULL ? record->where : "?", what);
  return FALSE;
}

/**
 * bri_json_record_field_name:
 *
 * Returns: (transfer full): how errors name @member: "geometry.type" for
 *   the member "type" while the geometry is read
 */
char *
bri_json_record_field_name (const BriJsonRecord *record,
                            const char          *member)
{
  if (record->parent != NULL)
    return g_strconcat (record->parent, ".", member, NULL);

  return g_strdup (member);
}

/**
 * bri_json_node_describe:
 * @node: (nullable): a node, or %NULL for a member that is not there
 *
 * Returns: what @node holds, for "… must be a string, not a number"
 */
const char *
bri_json_node_describe (JsonNode *node)
{
  if (node == NULL)
    return _("nothing");

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      /* JSON's own words, not to be translated. */
      return json_node_get_boolean (node) ? "true" : "false";
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
    default:
      return _("a number");
    }
}

/* A JSON number that is finite (json-glib reads 1e999 as infinity). */
gboolean
bri_json_node_is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  return (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE) && isfinite (json_node_get_double (node));
}

/**
 * bri_json_record_fail_type:
 * @expected: what @member must be: "a string", "an object"…
 * @found: (nullable): what it is instead
 *
 * Returns: %FALSE
 */
gboolean
bri_json_record_fail_type (const BriJsonRecord  *record,
                           GError              **error,
                           const char           *member,
                           const char           *expected,
                           JsonNode             *found)
{
  g_autofree char *field = bri_json_record_field_name (record, member);

  /* TRANSLATORS: a field name, what it must hold ("a string"), then
   * what it holds instead ("a number") */
  return bri_json_record_fail (record, error, _("“%s” must be %s, not %s"),
                               field, expected, bri_json_node_describe (found));
}

static gboolean
fail_missing (const BriJsonRecord  *record,
              GError              **error,
              const char           *member)
{
  g_autofree char *field = bri_json_record_field_name (record, member);

  return bri_json_record_fail (record, error, _("“%s” is missing"), field);
}

/* The member, or NULL when it is absent or null and may be; FALSE when it
 * is absent or null and may not be. */
static gboolean
lookup (const BriJsonRecord  *record,
        JsonObject           *object,
        const char           *member,
        BriJsonFlags          flags,
        JsonNode            **out,
        GError              **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return (flags & BRI_JSON_REQUIRED) == 0 || fail_missing (record, error, member);

  *out = node;
  return TRUE;
}

static gboolean
holds_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
holds_array (JsonNode *node)
{
  return JSON_NODE_HOLDS_ARRAY (node);
}

static gboolean
holds_object (JsonNode *node)
{
  return JSON_NODE_HOLDS_OBJECT (node);
}

/* Like lookup(), and the member must pass @holds: else an error saying
 * it must be @expected. */
static gboolean
lookup_typed (const BriJsonRecord  *record,
              JsonObject           *object,
              const char           *member,
              BriJsonFlags          flags,
              gboolean            (*holds) (JsonNode *node),
              const char           *expected,
              JsonNode            **out,
              GError              **error)
{
  if (!lookup (record, object, member, flags, out, error))
    return FALSE;

  if (*out != NULL && !holds (*out))
    return bri_json_record_fail_type (record, error, member, expected, *out);

  return TRUE;
}

/**
 * bri_json_record_get_member:
 * @out: (out) (transfer none): the member; %NULL if it is absent or null
 *   and @flags allow that
 *
 * For a member of a type the caller checks itself.
 */
gboolean
bri_json_record_get_member (const BriJsonRecord  *record,
                            JsonObject           *object,
                            const char           *member,
                            BriJsonFlags          flags,
                            JsonNode            **out,
                            GError              **error)
{
  return lookup (record, object, member, flags, out, error);
}

/**
 * bri_json_record_get_string:
 * @out: (out) (transfer none): the string, owned by @object; %NULL if it
 *   is absent or null and @flags allow that
 */
gboolean
bri_json_record_get_string (const BriJsonRecord  *record,
                            JsonObject           *object,
                            const char           *member,
                            BriJsonFlags          flags,
                            const char          **out,
                            GError              **error)
{
  JsonNode *node;

  *out = NULL;
  if (!lookup_typed (record, object, member, flags, holds_string, _("a string"), &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if ((flags & BRI_JSON_NON_EMPTY) != 0 && json_node_get_string (node)[0] == '\0')
    {
      g_autofree char *field = bri_json_record_field_name (record, member);

      return bri_json_record_fail (record, error, _("“%s” must not be empty"), field);
    }

  *out = json_node_get_string (node);
  return TRUE;
}

/**
 * bri_json_record_get_strv:
 * @out: (out) (transfer full): the strings; empty if the list is absent
 *   or null and @flags allow that
 */
gboolean
bri_json_record_get_strv (const BriJsonRecord   *record,
                          JsonObject            *object,
                          const char            *member,
                          BriJsonFlags           flags,
                          char                ***out,
                          GError               **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node;

  *out = NULL;
  if (!lookup_typed (record, object, member, flags, holds_array, _("a list of strings"), &node, error))
    return FALSE;

  if (node != NULL)
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          g_autofree char *field = NULL;

          if (holds_string (item) &&
              ((flags & BRI_JSON_NON_EMPTY) == 0 || json_node_get_string (item)[0] != '\0'))
            {
              g_strv_builder_add (builder, json_node_get_string (item));
              continue;
            }

          field = bri_json_record_field_name (record, member);
          if (!holds_string (item))
            /* TRANSLATORS: a position in a list (from 0), the list's
             * field name, then what the item holds ("a number") */
            return bri_json_record_fail (record, error, _("item %u of “%s” must be a string, not %s"),
                                         i, field, bri_json_node_describe (item));

          return bri_json_record_fail (record, error, _("item %u of “%s” must not be empty"), i, field);
        }
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

/**
 * bri_json_record_get_int:
 * @out: (inout): the number; left as it is if the member is absent or null
 *   and @flags allow that
 *
 * The member must be a whole number from @min to @max.
 */
gboolean
bri_json_record_get_int (const BriJsonRecord  *record,
                         JsonObject           *object,
                         const char           *member,
                         BriJsonFlags          flags,
                         gint64                min,
                         gint64                max,
                         gint64               *out,
                         GError              **error)
{
  g_autofree char *expected = NULL;
  g_autofree char *field = NULL;
  JsonNode *node;

  if (!lookup (record, object, member, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) >= min && json_node_get_int (node) <= max)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }

  /* TRANSLATORS: the smallest and the largest number allowed */
  expected = g_strdup_printf (_("a whole number from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT), min, max);
  if (!bri_json_node_is_number (node))
    return bri_json_record_fail_type (record, error, member, expected, node);

  /* A number, but a fraction or out of range: say which. */
  field = bri_json_record_field_name (record, member);
  return bri_json_record_fail (record, error, _("“%s” must be %s, not %g"),
                               field, expected, json_node_get_double (node));
}

/**
 * bri_json_record_get_numbers:
 * @out: (out caller-allocates) (array length=n): the numbers
 *
 * The member must be a list of exactly @n finite numbers.
 */
gboolean
bri_json_record_get_numbers (const BriJsonRecord  *record,
                             JsonObject           *object,
                             const char           *member,
                             guint                 n,
                             double               *out,
                             GError              **error)
{
  g_autofree char *expected = NULL;
  JsonNode *node;
  JsonArray *array;

  /* TRANSLATORS: how many numbers the list must hold */
  expected = g_strdup_printf (ngettext ("a list of %u number", "a list of %u numbers", n), n);
  if (!lookup_typed (record, object, member, BRI_JSON_REQUIRED, holds_array, expected, &node, error))
    return FALSE;

  array = json_node_get_array (node);
  if (json_array_get_length (array) != n)
    {
      g_autofree char *field = bri_json_record_field_name (record, member);

      /* TRANSLATORS: a field name, what it must hold ("a list of 4
       * numbers"), then how many items it has */
      return bri_json_record_fail (record, error, _("“%s” must be %s, not a list of %u"),
                                   field, expected, json_array_get_length (array));
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!bri_json_node_is_number (item))
        {
          g_autofree char *field = bri_json_record_field_name (record, member);

          return bri_json_record_fail (record, error, _("item %u of “%s” must be a number, not %s"),
                                       i, field, bri_json_node_describe (item));
        }
      out[i] = json_node_get_double (item);
    }

  return TRUE;
}

/**
 * bri_json_record_get_object:
 * @out: (out) (transfer none): the object; %NULL if it is absent or null
 *   and @flags allow that
 */
gboolean
bri_json_record_get_object (const BriJsonRecord  *record,
                            JsonObject           *object,
                            const char           *member,
                            BriJsonFlags          flags,
                            JsonObject          **out,
                            GError              **error)
{
  JsonNode *node;

  *out = NULL;
  if (!lookup_typed (record, object, member, flags, holds_object, _("an object"), &node, error))
    return FALSE;

  if (node != NULL)
    *out = json_node_get_object (node);
  return TRUE;
}
