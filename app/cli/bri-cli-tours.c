/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tours on the command line, without a display:
 *
 *   bri-atlas --list-tours [--json]
 *   bri-atlas --tour TOUR [--json]          the stops, quotes resolved
 *   bri-atlas --tour TOUR --export-kml FILE
 *   bri-atlas --import-tour FILE [--json]   prints the new id
 *
 * TOUR is a built-in tour's id, one of the user's, or a .briatour or
 * .kml file.  Any error prints the file, the line and what was wrong,
 * and exits with 2. */

#define G_LOG_DOMAIN "bri-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bri-atlas.h"
#include "bri-cli.h"
#include "bri-cli-tours.h"
#include "bri-resolved-stop.h"
#include "bri-tour-kml.h"
#include "bri-tour-library.h"

#define EXIT_USAGE 2

static const char * const tour_options[] = {
  "--list-tours", "--tour", "--export-kml", "--import-tour", NULL
};

gboolean
bri_cli_tours_handles (int    argc,
                       char **argv)
{
  return bri_cli_has_option (argc, argv, tour_options);
}

/* One JSON object on one line. */
static void
print_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  bri_cli_print_json (node);
}

static void
set_text (JsonObject *object,
          const char *member,
          const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

static JsonArray *
strv_array (const char * const *values)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);

  return array;
}

static void
print_warnings (GPtrArray *warnings)
{
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    /* TRANSLATORS: before something a KML import skipped */
    g_printerr (_("warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));
}

static int
fail (GError *error)
{
  g_printerr ("%s\n", error->message);
  if (g_error_matches (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_NOT_FOUND))
    g_printerr (_("See --list-tours for the tours there are.\n"));
  return EXIT_USAGE;
}

static JsonObject *
tour_summary (BriTour *tour)
{
  JsonObject *object = json_object_new ();
  GFile *file = bri_tour_get_file (tour);
  g_autofree char *path = NULL;

  if (file != NULL && bri_tour_get_source (tour) != BRI_TOUR_SOURCE_BUILT_IN)
    path = g_file_get_path (file);

  json_object_set_string_member (object, "type", "tour");
  json_object_set_string_member (object, "id", bri_tour_get_id (tour));
  json_object_set_string_member (object, "title", bri_tour_get_title (tour));
  json_object_set_int_member (object, "stops", g_list_model_get_n_items (G_LIST_MODEL (tour)));
  json_object_set_string_member (object, "source", bri_tour_source_to_string (bri_tour_get_source (tour)));
  set_text (object, "file", path);

  return object;
}

static void
print_summary (BriTour  *tour,
               gboolean  json)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (tour));

  if (json)
    {
      g_autoptr(JsonObject) object = tour_summary (tour);
      print_object (object);
      return;
    }

  g_print ("%s  %s\n", bri_tour_get_id (tour), bri_tour_get_title (tour));
  /* TRANSLATORS: the number of stops, then where the tour comes from
   * ("built-in", "user", "file") */
  g_print (ngettext ("    %u stop · %s\n", "    %u stops · %s\n", n), n,
           bri_tour_source_to_string (bri_tour_get_source (tour)));
}

static int
run_list (BriTourLibrary *library,
          gboolean        json)
{
  GPtrArray *problems = bri_tour_library_get_problems (library);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(BriTour) tour = g_list_model_get_item (G_LIST_MODEL (library), i);
      print_summary (tour, json);
    }

  /* A file of one's own that cannot be read is reported, not fatal. */
  for (guint i = 0; i < problems->len; i++)
    g_printerr (_("warning: %s\n"), ((GError *) g_ptr_array_index (problems, i))->message);

  return 0;
}

static JsonObject *
stop_object (BriResolvedStop *resolved,
             guint            index)
{
  BriTourStop *stop = bri_resolved_stop_get_stop (resolved);
  BriLocation *subject = bri_tour_stop_get_subject (stop);
  BriLocation *quote = bri_tour_stop_get_quote (stop);
  JsonObject *object = json_object_new ();
  double lat, lon, zoom;

  bri_location_get_view (bri_tour_stop_get_view (stop), &lat, &lon, &zoom);
  json_object_set_string_member (object, "type", "stop");
  json_object_set_int_member (object, "index", index + 1);
  json_object_set_string_member (object, "title", bri_tour_stop_get_title (stop));
  json_object_set_string_member (object, "view", bri_location_to_string (bri_tour_stop_get_view (stop)));
  json_object_set_double_member (object, "latitude", lat);
  json_object_set_double_member (object, "longitude", lon);
  json_object_set_double_member (object, "zoom", zoom);
  set_text (object, "subject", subject != NULL ? bri_location_to_string (subject) : NULL);
  set_text (object, "subject_name", bri_resolved_stop_get_subject_name (resolved));
  json_object_set_string_member (object, "caption", bri_tour_stop_get_caption (stop));
  json_object_set_string_member (object, "notes", bri_tour_stop_get_notes (stop));
  json_object_set_array_member (object, "reveal", strv_array (bri_tour_stop_get_reveal (stop)));
  if (bri_tour_stop_get_duration (stop) > 0)
    json_object_set_double_member (object, "duration", bri_tour_stop_get_duration (stop));
  else
    json_object_set_null_member (object, "duration");

  if (quote != NULL)
    {
      JsonObject *q = json_object_new ();
      guint start, end;

      json_object_set_string_member (q, "location", bri_location_to_string (quote));
      json_object_set_string_member (q, "document", bri_location_get_id (quote));
      json_object_set_int_member (q, "ordinal", bri_location_get_ordinal (quote));
      if (bri_location_get_range (quote, &start, &end))
        {
          json_object_set_int_member (q, "start", start);
          json_object_set_int_member (q, "end", end);
        }
      else
        {
          json_object_set_null_member (q, "start");
          json_object_set_null_member (q, "end");
        }
      set_text (q, "text", bri_resolved_stop_get_quote_text (resolved));
      set_text (q, "citation", bri_resolved_stop_get_citation (resolved));
      json_object_set_object_member (object, "quote", q);
    }
  else
    {
      json_object_set_null_member (object, "quote");
    }

  json_object_set_array_member (object, "missing", strv_array (bri_resolved_stop_get_missing (resolved)));
  return object;
}

static void
print_stop (BriResolvedStop *resolved,
            guint            index)
{
  BriTourStop *stop = bri_resolved_stop_get_stop (resolved);
  const char * const *missing = bri_resolved_stop_get_missing (resolved);
  const char * const *reveal = bri_tour_stop_get_reveal (stop);

  g_print ("\n%u. %s\n", index + 1, bri_tour_stop_get_title (stop));
  g_print ("    %s", bri_location_to_string (bri_tour_stop_get_view (stop)));
  if (bri_resolved_stop_get_subject_name (resolved) != NULL)
    g_print (" · %s", bri_resolved_stop_get_subject_name (resolved));
  g_print ("\n");
  if (reveal[0] != NULL)
    {
      g_autofree char *ids = g_strjoinv (", ", (char **) reveal);
      /* TRANSLATORS: the places a build-up stop shows one at a time */
      g_print (_("    Reveals: %s\n"), ids);
    }
  if (bri_tour_stop_get_caption (stop)[0] != '\0')
    g_print ("    %s\n", bri_tour_stop_get_caption (stop));
  if (bri_resolved_stop_get_quote_text (resolved) != NULL)
    g_print (_("    “%s”\n    — %s\n"), bri_resolved_stop_get_quote_text (resolved),
             bri_resolved_stop_get_citation (resolved));
  if (bri_tour_stop_get_notes (stop)[0] != '\0')
    g_print (_("    Notes: %s\n"), bri_tour_stop_get_notes (stop));
  for (guint i = 0; missing[i] != NULL; i++)
    g_print (_("    Missing: %s\n"), missing[i]);
}

static int
run_show (BriTour  *tour,
          BriAtlas *atlas,
          gboolean  json)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (tour));

  if (json)
    {
      g_autoptr(JsonObject) object = tour_summary (tour);
      g_autoptr(GDateTime) created = g_date_time_to_utc (bri_tour_get_created (tour));
      g_autoptr(GDateTime) modified = g_date_time_to_utc (bri_tour_get_modified (tour));
      g_autofree char *created_text = g_date_time_format (created, "%Y-%m-%dT%H:%M:%SZ");
      g_autofree char *modified_text = g_date_time_format (modified, "%Y-%m-%dT%H:%M:%SZ");

      json_object_set_string_member (object, "author", bri_tour_get_author (tour));
      json_object_set_string_member (object, "description", bri_tour_get_description (tour));
      json_object_set_string_member (object, "language", bri_tour_get_language (tour));
      json_object_set_string_member (object, "created", created_text);
      json_object_set_string_member (object, "modified", modified_text);
      print_object (object);
    }
  else
    {
      print_summary (tour, FALSE);
      if (bri_tour_get_description (tour)[0] != '\0')
        g_print ("    %s\n", bri_tour_get_description (tour));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriResolvedStop) resolved = bri_resolved_stop_new (bri_tour_get_stop (tour, i), atlas);

      if (json)
        {
          g_autoptr(JsonObject) object = stop_object (resolved, i);
          print_object (object);
        }
      else
        {
          print_stop (resolved, i);
        }
    }

  return 0;
}

typedef struct
{
  char     *tour;
  char     *export_kml;
  char     *import;
  gboolean  list;
  gboolean  json;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->tour);
  g_free (o->export_kml);
  g_free (o->import);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static GOptionEntry *
tour_entries (Options *o)
{
  const GOptionEntry entries[] = {
    { "list-tours", 0, 0, G_OPTION_ARG_NONE, &o->list, N_("List the built-in tours and your own"), NULL },
    { "tour", 0, 0, G_OPTION_ARG_FILENAME, &o->tour, N_("Show a tour's stops with their quotes and citations"), N_("TOUR") },
    { "export-kml", 0, 0, G_OPTION_ARG_FILENAME, &o->export_kml, N_("With --tour: write it as a KML tour for Google Earth or Marble"), N_("FILE") },
    { "import-tour", 0, 0, G_OPTION_ARG_FILENAME, &o->import, N_("Copy a .briatour or KML tour into your tours and print its id"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o->json, N_("Print JSON Lines, one object per line"), NULL },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

/**
 * bri_cli_tours_entries:
 *
 * Returns: (transfer full): the options of tours, for --help
 */
GOptionEntry *
bri_cli_tours_entries (void)
{
  static Options help_options;

  return tour_entries (&help_options);
}

int
bri_cli_tours_run (int    argc,
                   char **argv)
{
  g_auto(Options) o = { 0 };
  g_autofree GOptionEntry *entries = tour_entries (&o);
  g_autoptr(GError) error = NULL;
  g_autoptr(BriTourLibrary) library = NULL;
  g_autoptr(BriAtlas) atlas = NULL;
  g_autoptr(BriTour) tour = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  if (!bri_cli_parse_options (_("Tours: TOUR is the id of a built-in tour or of one of yours, or a .briatour or .kml file."),
                              entries, &argc, &argv))
    return EXIT_USAGE;

  if (o.list + (o.tour != NULL) + (o.import != NULL) != 1 || (o.export_kml != NULL && o.tour == NULL) ||
      (o.export_kml != NULL && o.json))
    {
      g_printerr (_("Give one of --list-tours, --tour TOUR [--export-kml FILE] or --import-tour FILE.\n"));
      return EXIT_USAGE;
    }

  library = bri_tour_library_new (NULL);
  if (!bri_tour_library_load (library, NULL, &error))
    return fail (error);

  if (o.list)
    return run_list (library, o.json);

  if (o.import != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (o.import);
      BriTour *added = bri_tour_library_import (library, file, &warnings, &error);

      print_warnings (warnings);
      if (added == NULL)
        return fail (error);

      if (o.json)
        print_summary (added, TRUE);
      else
        g_print ("%s\n", bri_tour_get_id (added));
      return 0;
    }

  tour = bri_tour_library_open (library, o.tour, &warnings, &error);
  print_warnings (warnings);
  if (tour == NULL)
    return fail (error);

  atlas = bri_cli_load_atlas ();
  if (atlas == NULL)
    return 1;

  if (o.export_kml != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (o.export_kml);

      if (!bri_tour_export_kml (tour, atlas, file, NULL, &error))
        return fail (error);
      return 0;
    }

  return run_show (tour, atlas, o.json);
}
