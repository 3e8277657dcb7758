/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The .briatour file: JSON, version 1 (the README describes it).
 *
 * Reading never trusts the file: it must be UTF-8, at most 4 MiB, nested
 * at most 32 deep (json-glib reads by recursion), and every member is
 * type-checked.  Every error names the file, the line and the column,
 * and what was wrong; for a member of the wrong type the position comes
 * from bri_json_locate(), since json-glib 1.6 keeps none. */

#define G_LOG_DOMAIN "bri-tour-json"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bri-json-locate.h"
#include "bri-json-record.h"
#include "bri-tour-private.h"

#define MAX_FILE_SIZE (4 * 1024 * 1024)
#define MAX_DEPTH 32

/* What a location member must hold. */
typedef enum
{
  WANT_VIEW,
  WANT_SUBJECT,
  WANT_PASSAGE,
} Want;

typedef struct
{
  const char    *name;    /* the file, as errors name it */
  const char    *text;
  gsize          length;
  BriJsonRecord  record;
} Reader;

/* Puts "NAME:LINE:COLUMN: " before @error's message, with the position
 * of the value at @path. */
static gboolean
locate_error (Reader      *reader,
              const char  *path,
              GError     **error)
{
  guint line, column;

  bri_json_locate (reader->text, reader->length, path, &line, &column);
  g_prefix_error (error, "%s:%u:%u: ", reader->name, line, column);
  return FALSE;
}

/* Sets the error, then puts the position of @path before it. */
#define fail(reader, error, code, path, ...) \
  (g_set_error ((error), BRI_TOUR_ERROR, (code), __VA_ARGS__), locate_error ((reader), (path), (error)))

/* json-glib words its syntax errors "<data>:LINE:COLUMN: Parse error:
 * WHAT"; ours say "NAME:LINE:COLUMN: WHAT". */
static void
set_syntax_error (Reader  *reader,
                  GError  *parse_error,
                  GError **error)
{
  const char *message = parse_error->message;
  guint line = 1, column = 1;
  const char *what = message;

  if (g_str_has_prefix (message, "<data>:"))
    {
      char *end = NULL;

      line = (guint) g_ascii_strtoull (message + 7, &end, 10);
      if (end != NULL && *end == ':')
        column = (guint) g_ascii_strtoull (end + 1, &end, 10);
      if (end != NULL && *end == ':')
        {
          const char *colon;

          what = end + 1;
          while (*what == ' ')
            what++;
          /* Drop json-glib's "Parse error: ", which says nothing more. */
          colon = strstr (what, ": ");
          if (colon != NULL)
            what = colon + 2;
        }
      else
        {
          what = message;
        }
    }

  g_set_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_SYNTAX, "%s:%u:%u: %s",
               reader->name, MAX (line, 1), MAX (column, 1), what);
}

static gboolean
read_string (Reader      *reader,
             JsonObject  *object,
             const char  *member,
             const char  *path,
             BriJsonFlags flags,
             const char **out,
             GError     **error)
{
  if (!bri_json_record_get_string (&reader->record, object, member, flags, out, error))
    return locate_error (reader, path, error);

  return TRUE;
}

static gboolean
read_location (Reader           *reader,
               JsonObject       *object,
               const char       *member,
               const char       *path,
               gboolean          required,
               Want              want,
               BriLocation     **out,
               GError          **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(BriLocation) location = NULL;
  const char *text;
  gboolean ok = FALSE;

  *out = NULL;
  if (!read_string (reader, object, member, path, (required ? BRI_JSON_REQUIRED : 0) | BRI_JSON_NON_EMPTY,
                    &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  location = bri_location_parse (text, &parse_error);
  if (location != NULL)
    {
      BriLocationKind found = bri_location_get_kind (location);

      switch (want)
        {
        case WANT_VIEW:
          ok = found == BRI_LOCATION_VIEW;
          break;
        case WANT_PASSAGE:
          ok = found == BRI_LOCATION_PASSAGE;
          break;
        case WANT_SUBJECT:
        default:
          ok = bri_tour_stop_is_subject (location);
          break;
        }
    }

  if (!ok)
    {
      const char *expected;

      switch (want)
        {
        case WANT_VIEW:
          expected = _("a view, “view:LATITUDE,LONGITUDE,ZOOM”");
          break;
        case WANT_PASSAGE:
          expected = _("a passage, “passage:DOCUMENT/NUMBER” or “passage:DOCUMENT/NUMBER@START-END”");
          break;
        default:
          expected = _("a feature, a country or a passage, “feature:ID”, “country:CODE” or “passage:DOCUMENT/NUMBER”");
          break;
        }

      if (parse_error != NULL)
        return fail (reader, error, BRI_TOUR_ERROR_INVALID, path,
                     /* TRANSLATORS: where, a field name, what it must hold, then why not */
                     _("%s: “%s” must be %s: %s"), reader->record.where, member, expected,
                     parse_error->message);

      return fail (reader, error, BRI_TOUR_ERROR_INVALID, path,
                   _("%s: “%s” must be %s, not “%s”"), reader->record.where, member, expected, text);
    }

  *out = g_steal_pointer (&location);
  return TRUE;
}

static BriTourStop *
read_stop (Reader    *reader,
           JsonNode  *node,
           guint      index,
           GError   **error)
{
  g_autoptr(BriTourStop) stop = NULL;
  g_autoptr(BriLocation) view = NULL;
  g_autoptr(BriLocation) subject = NULL;
  g_autoptr(BriLocation) quote = NULL;
  g_auto(GStrv) reveal = NULL;
  g_autofree char *base = g_strdup_printf ("stops.%u", index);
  g_autofree char *path = NULL;
  const char *title, *caption, *notes;
  JsonObject *object;
  JsonNode *duration;

#define PATH(member) (g_free (path), path = g_strconcat (base, ".", member, NULL))

  /* TRANSLATORS: "stop 3", counting from 1, in error messages */
  bri_json_record_set_where (&reader->record, _("stop %u"), index + 1);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (reader, error, BRI_TOUR_ERROR_INVALID, base, _("stop %u must be an object, not %s"),
            index + 1, bri_json_node_describe (node));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!read_string (reader, object, "title", PATH ("title"), BRI_JSON_REQUIRED, &title, error) ||
      !read_location (reader, object, "view", PATH ("view"), TRUE, WANT_VIEW, &view, error) ||
      !read_location (reader, object, "subject", PATH ("subject"), FALSE, WANT_SUBJECT, &subject, error) ||
      !read_string (reader, object, "caption", PATH ("caption"), 0, &caption, error) ||
      !read_location (reader, object, "quote", PATH ("quote"), FALSE, WANT_PASSAGE, &quote, error) ||
      !read_string (reader, object, "notes", PATH ("notes"), 0, &notes, error))
    return NULL;

  if (!bri_json_record_get_strv (&reader->record, object, "reveal", BRI_JSON_NON_EMPTY, &reveal, error))
    {
      locate_error (reader, PATH ("reveal"), error);
      return NULL;
    }

  if (!bri_json_record_get_member (&reader->record, object, "duration", 0, &duration, error))
    return NULL;
  if (duration != NULL && (!bri_json_node_is_number (duration) || json_node_get_double (duration) < 0))
    {
      if (!bri_json_node_is_number (duration))
        bri_json_record_fail_type (&reader->record, error, "duration", _("a number of seconds"), duration);
      else
        bri_json_record_fail (&reader->record, error, _("“%s” must not be negative"), "duration");
      locate_error (reader, PATH ("duration"), error);
      return NULL;
    }

#undef PATH

  stop = bri_tour_stop_new (title, view);
  bri_tour_stop_set_subject (stop, subject);
  bri_tour_stop_set_caption (stop, caption);
  bri_tour_stop_set_quote (stop, quote);
  bri_tour_stop_set_notes (stop, notes);
  bri_tour_stop_set_reveal (stop, (const char * const *) reveal);
  if (duration != NULL)
    bri_tour_stop_set_duration (stop, json_node_get_double (duration));

  return g_steal_pointer (&stop);
}

static gboolean
read_date (Reader      *reader,
           JsonObject  *object,
           const char  *member,
           GDateTime  **out,
           GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *text;

  *out = NULL;
  if (!read_string (reader, object, member, member, 0, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  *out = g_date_time_new_from_iso8601 (text, utc);
  if (*out == NULL)
    return fail (reader, error, BRI_TOUR_ERROR_INVALID, member,
                 _("%s: “%s” must be a date and time such as “2024-03-01T09:30:00Z”, not “%s”"),
                 reader->record.where, member, text);

  return TRUE;
}

static BriTour *
read_tour (Reader    *reader,
           JsonNode  *root,
           GError   **error)
{
  g_autoptr(BriTour) tour = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  const char *id, *title, *author, *description, *language;
  JsonObject *object;
  JsonNode *version;
  JsonNode *stops;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (reader, error, BRI_TOUR_ERROR_INVALID, NULL,
            _("a tour must be a JSON object, not %s"), bri_json_node_describe (root));
      return NULL;
    }
  object = json_node_get_object (root);

  /* TRANSLATORS: the top level of a tour file, in error messages */
  bri_json_record_set_where (&reader->record, "%s", _("tour"));

  /* The version first: a newer file may differ in anything else. */
  /* Absent, the error points at the object; null, at the member. */
  if (!bri_json_record_get_member (&reader->record, object, "version", BRI_JSON_REQUIRED, &version, error))
    {
      locate_error (reader, "version", error);
      return NULL;
    }
  if (!bri_json_node_is_number (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      bri_json_record_fail_type (&reader->record, error, "version", _("a whole number"), version);
      locate_error (reader, "version", error);
      return NULL;
    }
  if (json_node_get_int (version) != BRI_TOUR_FORMAT_VERSION)
    {
      fail (reader, error, BRI_TOUR_ERROR_VERSION, "version",
            _("tour format version %" G_GINT64_FORMAT " is not supported: this BriAtlas reads version %d"),
            json_node_get_int (version), BRI_TOUR_FORMAT_VERSION);
      return NULL;
    }

  if (!read_string (reader, object, "id", "id", BRI_JSON_REQUIRED | BRI_JSON_NON_EMPTY, &id, error) ||
      !read_string (reader, object, "title", "title", BRI_JSON_REQUIRED | BRI_JSON_NON_EMPTY, &title, error) ||
      !read_string (reader, object, "author", "author", 0, &author, error) ||
      !read_string (reader, object, "description", "description", 0, &description, error) ||
      !read_string (reader, object, "language", "language", 0, &language, error) ||
      !read_date (reader, object, "created", &created, error) ||
      !read_date (reader, object, "modified", &modified, error))
    return NULL;

  if (!bri_tour_id_is_valid (id))
    {
      fail (reader, error, BRI_TOUR_ERROR_INVALID, "id",
            _("tour: “id” must be lower-case letters, digits and dashes, at most 64, not “%s”"), id);
      return NULL;
    }

  if (!bri_json_record_get_member (&reader->record, object, "stops", BRI_JSON_REQUIRED, &stops, error))
    {
      locate_error (reader, "stops", error);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (stops))
    {
      bri_json_record_fail_type (&reader->record, error, "stops", _("a list of stops"), stops);
      locate_error (reader, "stops", error);
      return NULL;
    }

  tour = bri_tour_new (id, title);
  bri_tour_set_fields_internal (tour, NULL, author, description, language);
  bri_tour_set_dates (tour, created, modified != NULL ? modified : created);

  array = json_node_get_array (stops);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(BriTourStop) stop = read_stop (reader, json_array_get_element (array, i), i, error);

      if (stop == NULL)
        return NULL;
      bri_tour_add_stop_internal (tour, stop);
    }

  return g_steal_pointer (&tour);
}

/**
 * bri_tour_new_from_bytes:
 * @bytes: the content of a .briatour file
 * @display_name: how errors name the file
 *
 * Returns: (transfer full) (nullable): the tour, with no file and no
 *   history; or %NULL and an error "NAME:LINE:COLUMN: what was wrong"
 */
BriTour *
bri_tour_new_from_bytes (GBytes      *bytes,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *text = NULL;
  const char *invalid = NULL;
  Reader reader = { 0 };
  BriTour *tour;
  gsize length;
  guint line, column;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader.name = display_name != NULL ? display_name : "<tour>";
  length = g_bytes_get_size (bytes);
  if (length > MAX_FILE_SIZE)
    {
      g_set_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_SYNTAX,
                   _("%s: larger than %d MiB: not a tour file"), reader.name, MAX_FILE_SIZE >> 20);
      return NULL;
    }

  /* A copy with a terminating NUL, for the scanner and json-glib (empty
   * bytes may have no data at all). */
  text = length > 0 ? g_strndup (g_bytes_get_data (bytes, NULL), length) : g_strdup ("");
  reader.text = text;
  reader.length = length;

  if (strlen (text) != length || !g_utf8_validate (text, length, &invalid))
    {
      gsize offset = invalid != NULL ? (gsize) (invalid - text) : strlen (text);

      bri_json_offset_position (text, offset, &line, &column);
      g_set_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_SYNTAX,
                   _("%s:%u:%u: not UTF-8 text"), reader.name, line, column);
      return NULL;
    }

  if (!bri_json_check_depth (text, length, MAX_DEPTH, &line, &column))
    {
      g_set_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_SYNTAX,
                   _("%s:%u:%u: lists and objects nested more than %d deep"),
                   reader.name, line, column, MAX_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, length, &parse_error))
    {
      set_syntax_error (&reader, parse_error, error);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_SYNTAX,
                   _("%s:1:1: the file is empty"), reader.name);
      return NULL;
    }

  bri_json_record_init (&reader.record, BRI_TOUR_ERROR, BRI_TOUR_ERROR_INVALID);
  tour = read_tour (&reader, json_parser_get_root (parser), error);
  bri_json_record_clear (&reader.record);

  return tour;
}

/**
 * bri_tour_new_from_file:
 *
 * Returns: (transfer full) (nullable): the tour read from @file, which
 *   it keeps as its file; or %NULL and an error naming the file, the
 *   line and what was wrong
 */
BriTour *
bri_tour_new_from_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  BriTour *tour;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = bri_tour_read_file (file, cancellable, &name, error);
  if (bytes == NULL)
    return NULL;

  tour = bri_tour_new_from_bytes (bytes, name, error);
  if (tour != NULL)
    bri_tour_set_origin (tour, BRI_TOUR_SOURCE_FILE, file);

  return tour;
}

/* Reading and writing files, for the KML side too */

/**
 * bri_tour_read_file:
 * @name: (out): how errors name @file
 *
 * Returns: (transfer full) (nullable): the content of @file, or %NULL and
 *   an error starting with its name
 */
GBytes *
bri_tour_read_file (GFile         *file,
                    GCancellable  *cancellable,
                    char         **name,
                    GError       **error)
{
  GBytes *bytes;

  *name = g_file_get_parse_name (file);
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    g_prefix_error (error, "%s: ", *name);

  return bytes;
}

/* Writes @contents to @file atomically: a new file is written, then
 * renamed over the old one, so a crash leaves the old file or the new
 * one, never half of one. */
gboolean
bri_tour_write_file (GFile         *file,
                     const char    *contents,
                     GCancellable  *cancellable,
                     GError       **error)
{
  if (!g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, cancellable, error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }

  return TRUE;
}

/* Writing */

/* Optional members are left out when empty, so a file holds what a
 * teacher wrote and nothing else. */
static void
set_optional (JsonObject *object,
              const char *member,
              const char *value)
{
  if (value != NULL && value[0] != '\0')
    json_object_set_string_member (object, member, value);
}

static void
set_date (JsonObject *object,
          const char *member,
          GDateTime  *date)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date);
  g_autofree char *text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  json_object_set_string_member (object, member, text);
}

static JsonObject *
stop_to_json (BriTourStop *stop)
{
  const char * const *reveal = bri_tour_stop_get_reveal (stop);
  BriLocation *subject = bri_tour_stop_get_subject (stop);
  BriLocation *quote = bri_tour_stop_get_quote (stop);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "title", bri_tour_stop_get_title (stop));
  json_object_set_string_member (object, "view", bri_location_to_string (bri_tour_stop_get_view (stop)));
  set_optional (object, "subject", subject != NULL ? bri_location_to_string (subject) : NULL);
  set_optional (object, "caption", bri_tour_stop_get_caption (stop));
  set_optional (object, "quote", quote != NULL ? bri_location_to_string (quote) : NULL);
  set_optional (object, "notes", bri_tour_stop_get_notes (stop));
  if (reveal[0] != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; reveal[i] != NULL; i++)
        json_array_add_string_element (array, reveal[i]);
      json_object_set_array_member (object, "reveal", array);
    }
  if (bri_tour_stop_get_duration (stop) > 0)
    json_object_set_double_member (object, "duration", bri_tour_stop_get_duration (stop));

  return object;
}

/**
 * bri_tour_to_json:
 *
 * Returns: (transfer full): the tour as a .briatour file, indented
 */
char *
bri_tour_to_json (BriTour *self)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *stops;
  g_autofree char *json = NULL;

  g_return_val_if_fail (BRI_IS_TOUR (self), NULL);

  object = json_object_new ();
  json_object_set_int_member (object, "version", BRI_TOUR_FORMAT_VERSION);
  json_object_set_string_member (object, "id", bri_tour_get_id (self));
  json_object_set_string_member (object, "title", bri_tour_get_title (self));
  set_optional (object, "author", bri_tour_get_author (self));
  set_optional (object, "description", bri_tour_get_description (self));
  set_optional (object, "language", bri_tour_get_language (self));
  set_date (object, "created", bri_tour_get_created (self));
  set_date (object, "modified", bri_tour_get_modified (self));
  stops = json_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self)); i++)
    json_array_add_object_element (stops, stop_to_json (bri_tour_get_stop (self, i)));
  json_object_set_array_member (object, "stops", stops);

  root = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, NULL);

  return g_strconcat (json, "\n", NULL);
}

/**
 * bri_tour_save:
 *
 * Writes the tour to @file atomically (see bri_tour_write_file()).  The
 * tour keeps @file as its file.
 */
gboolean
bri_tour_save (BriTour       *self,
               GFile         *file,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (BRI_IS_TOUR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  json = bri_tour_to_json (self);
  if (!bri_tour_write_file (file, json, cancellable, error))
    return FALSE;

  if (bri_tour_get_file (self) == NULL || !g_file_equal (bri_tour_get_file (self), file))
    bri_tour_set_origin (self, BRI_TOUR_SOURCE_FILE, file);

  return TRUE;
}
