/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command-line face of the atlas: the same executable answers
 * queries without a display, in readable text or in JSON Lines. */

#define G_LOG_DOMAIN "bri-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "bri-atlas.h"
#include "bri-cli.h"
#include "bri-cli-export.h"
#include "bri-cli-tours.h"

#define EXIT_USAGE 2

/* No --limit given: each command has its own default. */
#define LIMIT_UNSET G_MININT

typedef struct
{
  BriAtlas *atlas;
  gboolean  json;
  gboolean  tty;
  guint     limit;
} Cli;

typedef struct
{
  char     *search;
  char     *country;
  char     *feature;
  char     *kind;
  gboolean  list_features;
  gboolean  list_documents;
  gboolean  json;
  int       limit;
} Query;

static const char * const query_options[] = {
  "--search", "--country", "--feature", "--list-features", "--list-documents", NULL
};

/* What --help and --version answer, whatever else is on the line. */
static const char * const help_options[] = {
  "--help", "-h", "-?", "--help-all", "--help-export", "--help-tours", "--help-window", "--version", NULL
};

static void
query_clear (Query *q)
{
  g_free (q->search);
  g_free (q->country);
  g_free (q->feature);
  g_free (q->kind);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Query, query_clear)

/* The options of queries, the main group of --help. */
static GOptionEntry *
query_entries (Query *q)
{
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &q->search, N_("Search places and passages"), N_("QUERY") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &q->country, N_("Show a country: its places and the passages about it (with --list-features: only its places; with --export-pdf or --export-markdown: its dossier)"), N_("CODE_OR_NAME") },
    { "feature", 0, 0, G_OPTION_ARG_STRING, &q->feature, N_("Show a feature and its passages (with --export-pdf: its card)"), N_("ID") },
    { "list-features", 0, 0, G_OPTION_ARG_NONE, &q->list_features, N_("List the features of the gazetteer"), NULL },
    { "list-documents", 0, 0, G_OPTION_ARG_NONE, &q->list_documents, N_("List the source documents"), NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &q->kind, N_("With --list-features: only this kind, by name or id, in any case (Port, \"Power station\", railway, …)"), N_("KIND") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &q->limit, N_("With --search: at most N places and N passages (default 10); with --list-features or --list-documents: at most N (default all); 0 for no limit"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &q->json, N_("Print JSON Lines, one object per line (for one GeoJSON FeatureCollection instead: --list-features --format geojson)"), NULL },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

/**
 * bri_cli_has_option:
 * @options: (array zero-terminated=1): long options, "--search"
 *
 * Returns: whether @argv holds one of @options, alone or as
 *   "--option=value"
 */
gboolean
bri_cli_has_option (int                 argc,
                    char              **argv,
                    const char * const *options)
{
  for (int i = 1; i < argc; i++)
    for (guint j = 0; options[j] != NULL; j++)
      {
        gsize n = strlen (options[j]);

        if (strncmp (argv[i], options[j], n) == 0 && (argv[i][n] == '\0' || argv[i][n] == '='))
          return TRUE;
      }

  return FALSE;
}

gboolean
bri_cli_handles (int    argc,
                 char **argv)
{
  return bri_cli_has_option (argc, argv, help_options) ||
         bri_cli_export_handles (argc, argv) || bri_cli_tours_handles (argc, argv) ||
         bri_cli_has_option (argc, argv, query_options);
}

/* JSON */

static void append_json (GString  *out,
                         JsonNode *node);

/* json-glib writes a double with 17 digits (62.325409999999998): at most
 * six decimals (11 cm on the ground) say all the data knows, and trailing
 * zeros go. */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize len;

  g_ascii_formatd (buffer, sizeof buffer, "%.6f", value);
  len = strlen (buffer);
  while (len > 0 && buffer[len - 1] == '0')
    len--;
  if (len > 0 && buffer[len - 1] == '.')
    len--;
  buffer[len] = '\0';
  g_string_append (out, g_str_equal (buffer, "-0") ? "0" : buffer);
}

static void
append_leaf (GString  *out,
             JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  g_string_append (out, text);
}

static void
append_object (GString    *out,
               JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);

  g_string_append_c (out, '{');
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autoptr(JsonNode) name = json_node_init_string (json_node_alloc (), l->data);

      if (l != members)
        g_string_append_c (out, ',');
      append_leaf (out, name);
      g_string_append_c (out, ':');
      append_json (out, json_object_get_member (object, l->data));
    }
  g_string_append_c (out, '}');
}

static void
append_json (GString  *out,
             JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      append_object (out, json_node_get_object (node));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      g_string_append_c (out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_json (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ']');
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      append_number (out, json_node_get_double (node));
    }
  else
    {
      append_leaf (out, node);
    }
}

/**
 * bri_cli_print_json:
 * @root: an object
 *
 * Prints @root on one line, as JSON Lines wants, its numbers with at most
 * six decimals.
 */
void
bri_cli_print_json (JsonNode *root)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_return_if_fail (root != NULL);

  append_json (line, root);
  g_print ("%s\n", line->str);
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  bri_cli_print_json (root);
}

/**
 * bri_cli_parse_kind:
 * @value: a kind as the user gave it: "Port", "power station", "railway"
 *
 * Returns: whether @value names a kind, stored in @kind; if not, the
 *   kinds there are are printed
 */
gboolean
bri_cli_parse_kind (const char     *value,
                    BriFeatureKind *kind)
{
  if (bri_feature_kind_parse (value, kind))
    return TRUE;

  g_printerr (_("Unknown kind “%s”. Kinds, by name or id:\n"), value);
  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    g_printerr ("  %s (%s)\n", bri_feature_kind_get_label (k), bri_feature_kind_to_string (k));
  return FALSE;
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_year (JsonBuilder *builder,
          const char  *member,
          int          year)
{
  json_builder_set_member_name (builder, member);
  if (year > 0)
    json_builder_add_int_value (builder, year);
  else
    json_builder_add_null_value (builder);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *member,
          const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_positions (JsonBuilder     *builder,
               const BriLonLat *vertices,
               guint            n)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, vertices[i].lon);
      json_builder_add_double_value (builder, vertices[i].lat);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
}

static void
add_geometry (JsonBuilder *builder,
              BriFeature  *feature)
{
  static const char * const types[] = { "Point", "MultiPoint", "LineString", "MultiLineString" };
  BriGeometryType type = bri_feature_get_geometry_type (feature);
  const BriLonLat *v;
  guint n;

  json_builder_set_member_name (builder, "geometry");
  json_builder_begin_object (builder);
  add_string (builder, "type", types[type]);
  json_builder_set_member_name (builder, "coordinates");

  switch (type)
    {
    case BRI_GEOMETRY_POINT:
      v = bri_feature_get_part (feature, 0, &n);
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, v[0].lon);
      json_builder_add_double_value (builder, v[0].lat);
      json_builder_end_array (builder);
      break;

    case BRI_GEOMETRY_MULTI_POINT:
    case BRI_GEOMETRY_LINE_STRING:
      v = bri_feature_get_part (feature, 0, &n);
      add_positions (builder, v, n);
      break;

    case BRI_GEOMETRY_MULTI_LINE_STRING:
    default:
      json_builder_begin_array (builder);
      for (guint p = 0; p < bri_feature_get_n_parts (feature); p++)
        {
          v = bri_feature_get_part (feature, p, &n);
          add_positions (builder, v, n);
        }
      json_builder_end_array (builder);
      break;
    }

  json_builder_end_object (builder);
}

static void
emit_feature (Cli        *cli,
              BriFeature *feature)
{
  g_autoptr(GListModel) passages = bri_atlas_get_feature_passages (cli->atlas, feature);
  g_autoptr(JsonBuilder) builder = NULL;
  guint n = g_list_model_get_n_items (passages);

  if (!cli->json)
    {
      g_autofree char *countries = g_strjoinv (", ", (char **) bri_feature_get_countries (feature));

      g_print ("%s  %s\n", bri_feature_get_id (feature), bri_feature_get_name (feature));
      /* TRANSLATORS: kind · status · countries · number of passages */
      g_print (ngettext ("    %s · %s · %s · %u passage\n", "    %s · %s · %s · %u passages\n", n),
               bri_feature_kind_get_label (bri_feature_get_kind (feature)),
               bri_feature_status_get_label (bri_feature_get_status (feature)),
               countries, n);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "type", "feature");
  add_string (builder, "id", bri_feature_get_id (feature));
  add_string (builder, "name", bri_feature_get_name (feature));
  add_strv (builder, "aliases", bri_feature_get_aliases (feature));
  add_string (builder, "kind", bri_feature_kind_to_string (bri_feature_get_kind (feature)));
  add_string (builder, "status", bri_feature_get_status (feature));
  add_year (builder, "status_year", bri_feature_get_status_year (feature));
  add_strv (builder, "countries", bri_feature_get_countries (feature));
  add_year (builder, "started", bri_feature_get_started (feature));
  add_year (builder, "opened", bri_feature_get_opened (feature));
  add_string (builder, "description", bri_feature_get_description (feature));
  add_string (builder, "precision", bri_precision_to_string (bri_feature_get_precision (feature)));
  add_geometry (builder, feature);
  json_builder_set_member_name (builder, "passages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriPassage) passage = g_list_model_get_item (passages, i);

      json_builder_begin_object (builder);
      add_string (builder, "document", bri_passage_get_document_id (passage));
      json_builder_set_member_name (builder, "ordinal");
      json_builder_add_int_value (builder, bri_passage_get_ordinal (passage));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  print_json (builder);
}

static void
emit_country (Cli        *cli,
              BriCountry *country)
{
  g_autoptr(GListModel) features = bri_atlas_get_country_features (cli->atlas, country);
  g_autoptr(GListModel) passages = bri_atlas_get_country_passages (cli->atlas, country);
  g_autoptr(JsonBuilder) builder = NULL;
  guint n_features = g_list_model_get_n_items (features);
  guint n_passages = g_list_model_get_n_items (passages);

  if (!cli->json)
    {
      g_autofree char *places = g_strdup_printf (ngettext ("%u place", "%u places", n_features), n_features);

      g_print ("%s  %s", bri_country_get_code (country), bri_country_get_display_name (country));
      if (g_strcmp0 (bri_country_get_display_name (country), bri_country_get_name (country)) != 0)
        g_print (" (%s)", bri_country_get_name (country));
      g_print ("\n");

      /* TRANSLATORS: the number of places (“3 places”) · the number of passages */
      g_print (ngettext ("    %s · %u passage\n", "    %s · %u passages\n", n_passages), places, n_passages);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "type", "country");
  add_string (builder, "code", bri_country_get_code (country));
  add_string (builder, "alpha3", bri_country_get_alpha3 (country));
  json_builder_set_member_name (builder, "numeric");
  json_builder_add_int_value (builder, bri_country_get_numeric (country));
  add_string (builder, "name", bri_country_get_name (country));
  add_string (builder, "display_name", bri_country_get_display_name (country));
  add_strv (builder, "demonyms", bri_country_get_demonyms (country));
  json_builder_set_member_name (builder, "n_features");
  json_builder_add_int_value (builder, g_list_model_get_n_items (features));
  json_builder_set_member_name (builder, "n_passages");
  json_builder_add_int_value (builder, g_list_model_get_n_items (passages));
  json_builder_end_object (builder);
  print_json (builder);
}

static void
add_mentions (JsonBuilder *builder,
              BriPassage  *passage)
{
  GPtrArray *mentions = bri_passage_get_mentions (passage);
  g_autoptr(GStrvBuilder) context = g_strv_builder_new ();
  g_auto(GStrv) context_ids = NULL;

  json_builder_set_member_name (builder, "mentions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mentions->len; i++)
    {
      BriMention *m = g_ptr_array_index (mentions, i);

      if (bri_mention_is_context (m))
        {
          g_strv_builder_add (context, bri_mention_get_target_id (m));
          continue;
        }

      json_builder_begin_object (builder);
      add_string (builder,
                  bri_mention_get_target (m) == BRI_MENTION_FEATURE ? "feature" : "country",
                  bri_mention_get_target_id (m));
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, bri_mention_get_start_char (m));
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, bri_mention_get_end_char (m));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* What the passage's headings name: linked, but not in its text. */
  context_ids = g_strv_builder_end (context);
  add_strv (builder, "context", (const char * const *) context_ids);
}

static void
emit_passage (Cli             *cli,
              BriPassage      *passage,
              BriSearchResult *result)
{
  BriDocument *document = bri_passage_get_document (passage);
  g_autoptr(JsonBuilder) builder = NULL;

  if (!cli->json)
    {
      const char *heading = bri_passage_get_heading (passage);

      g_print ("%s #%u  %s (%s)\n", bri_passage_get_document_id (passage),
               bri_passage_get_ordinal (passage), bri_document_get_title (document),
               bri_document_get_date (document));
      if (heading != NULL && heading[0] != '\0')
        g_print ("    %s\n", heading);

      if (result != NULL)
        {
          g_autofree char *marked =
            bri_search_result_mark_snippet (result, cli->tty ? "\033[1m" : "",
                                            cli->tty ? "\033[0m" : "");
          g_print ("    %s\n\n", marked);
        }
      else
        {
          g_print ("    %s\n\n", bri_passage_get_text (passage));
        }
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "type", "passage");
  add_string (builder, "document", bri_passage_get_document_id (passage));
  add_string (builder, "source_file", bri_document_get_source_file (document));
  add_string (builder, "title", bri_document_get_title (document));
  add_string (builder, "date", bri_document_get_date (document));
  json_builder_set_member_name (builder, "ordinal");
  json_builder_add_int_value (builder, bri_passage_get_ordinal (passage));
  add_string (builder, "heading", bri_passage_get_heading (passage));
  add_string (builder, "kind", bri_passage_kind_to_string (bri_passage_get_kind (passage)));
  add_string (builder, "text", bri_passage_get_text (passage));
  if (result != NULL)
    {
      guint n_ranges;
      const BriSearchRange *ranges = bri_search_result_get_ranges (result, &n_ranges);

      add_string (builder, "snippet", bri_search_result_get_snippet (result));
      json_builder_set_member_name (builder, "highlights");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_ranges; i++)
        {
          json_builder_begin_array (builder);
          json_builder_add_int_value (builder, ranges[i].start);
          json_builder_add_int_value (builder, ranges[i].end);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, bri_search_result_get_score (result));
    }
  else
    {
      add_string (builder, "snippet", NULL);
      json_builder_set_member_name (builder, "score");
      json_builder_add_null_value (builder);
    }
  add_mentions (builder, passage);
  json_builder_end_object (builder);
  print_json (builder);
}

static void
emit_document (Cli         *cli,
               BriDocument *document)
{
  g_autoptr(JsonBuilder) builder = NULL;
  guint n = g_list_model_get_n_items (bri_document_get_passages (document));

  if (!cli->json)
    {
      g_print ("%s  %s\n", bri_document_get_id (document), bri_document_get_title (document));
      /* TRANSLATORS: kind · publisher · date · number of passages */
      g_print (ngettext ("    %s · %s · %s · %u passage\n", "    %s · %s · %s · %u passages\n", n),
               bri_document_get_kind (document), bri_document_get_publisher (document),
               bri_document_get_date (document), n);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "type", "document");
  add_string (builder, "id", bri_document_get_id (document));
  add_string (builder, "title", bri_document_get_title (document));
  add_string (builder, "publisher", bri_document_get_publisher (document));
  add_string (builder, "date", bri_document_get_date (document));
  add_string (builder, "kind", bri_document_get_kind (document));
  add_string (builder, "source_file", bri_document_get_source_file (document));
  json_builder_set_member_name (builder, "n_passages");
  json_builder_add_int_value (builder, n);
  json_builder_end_object (builder);
  print_json (builder);
}

static void
heading (Cli        *cli,
         const char *title)
{
  if (!cli->json)
    g_print (cli->tty ? "\033[1m%s\033[0m\n" : "%s\n", title);
}

/* A blank line, the heading, then every passage of @passages in full. */
static void
emit_passages (Cli        *cli,
               GListModel *passages)
{
  if (!cli->json)
    g_print ("\n");
  heading (cli, _("Passages"));
  for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
    {
      g_autoptr(BriPassage) passage = g_list_model_get_item (passages, i);
      emit_passage (cli, passage, NULL);
    }
}

/* Commands */

/* How the query was read: the correction made to it and what could not
 * be used, on stderr (or as the first JSON line), so that stdout keeps
 * only results. */
static void
emit_query (Cli              *cli,
            BriSearchResults *answer)
{
  const char *corrected = bri_search_results_get_corrected (answer);
  const char * const *messages = bri_search_results_get_messages (answer);
  g_autoptr(JsonBuilder) builder = NULL;

  if (!cli->json)
    {
      if (corrected != NULL)
        g_printerr (_("Showing results for “%s” — nothing is spelt “%s”.\n"), corrected,
                    bri_search_results_get_query (answer));
      for (guint i = 0; messages[i] != NULL; i++)
        g_printerr ("%s\n", messages[i]);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "type", "query");
  add_string (builder, "query", bri_search_results_get_query (answer));
  json_builder_set_member_name (builder, "corrected");
  if (corrected != NULL)
    json_builder_add_string_value (builder, corrected);
  else
    json_builder_add_null_value (builder);
  add_strv (builder, "messages", messages);
  json_builder_end_object (builder);
  print_json (builder);
}

static void
emit_region (Cli       *cli,
             BriRegion *region)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (!cli->json)
    {
      g_autofree char *countries = g_strjoinv (" ", (char **) bri_region_get_countries (region));

      g_print ("%s  %s\n    %s\n", bri_region_get_id (region), bri_region_get_name (region), countries);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "type", "region");
  add_string (builder, "id", bri_region_get_id (region));
  add_string (builder, "name", bri_region_get_name (region));
  add_strv (builder, "countries", bri_region_get_countries (region));
  json_builder_end_object (builder);
  print_json (builder);
}

/* A heading over each run of results of one kind: "Places", "Countries",
 * "Regions", "Passages", with a blank line between runs. */
static void
section (Cli                 *cli,
         BriSearchResultKind  kind,
         int                 *current)
{
  const char *title;

  if (*current == (int) kind)
    return;

  switch (kind)
    {
    case BRI_SEARCH_RESULT_FEATURE:
      title = _("Places");
      break;
    case BRI_SEARCH_RESULT_COUNTRY:
      title = _("Countries");
      break;
    case BRI_SEARCH_RESULT_REGION:
      title = _("Regions");
      break;
    case BRI_SEARCH_RESULT_PASSAGE:
    default:
      title = _("Passages");
      break;
    }

  if (*current >= 0 && !cli->json)
    g_print ("\n");
  heading (cli, title);
  *current = kind;
}

static int
run_search (Cli        *cli,
            const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BriSearchResults) answer = bri_atlas_search (cli->atlas, query, BRI_SEARCH_FLAGS_NONE,
                                                         cli->limit, cli->limit, &error);
  GListModel *results = G_LIST_MODEL (answer);
  guint n;
  int current = -1;

  if (answer == NULL)
    {
      g_printerr (_("Search failed: %s\n"), error->message);
      return 1;
    }

  emit_query (cli, answer);
  n = g_list_model_get_n_items (results);
  if (n == 0 && !cli->json)
    {
      g_printerr (_("Nothing found for “%s”.\n"), query);
      return 0;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriSearchResult) result = g_list_model_get_item (results, i);
      GObject *object = bri_search_result_get_object (result);
      BriSearchResultKind kind = bri_search_result_get_kind (result);

      section (cli, kind, &current);
      switch (kind)
        {
        case BRI_SEARCH_RESULT_FEATURE:
          emit_feature (cli, BRI_FEATURE (object));
          break;

        case BRI_SEARCH_RESULT_COUNTRY:
          emit_country (cli, BRI_COUNTRY (object));
          break;

        case BRI_SEARCH_RESULT_REGION:
          emit_region (cli, BRI_REGION (object));
          break;

        case BRI_SEARCH_RESULT_PASSAGE:
        default:
          emit_passage (cli, BRI_PASSAGE (object), result);
          break;
        }
    }

  return 0;
}

static void
print_suggestions (char **suggestions)
{
  if (suggestions == NULL || suggestions[0] == NULL)
    return;

  g_printerr (_("Did you mean:\n"));
  for (guint i = 0; suggestions[i] != NULL; i++)
    g_printerr ("  %s\n", suggestions[i]);
}

static int
run_country (Cli        *cli,
             const char *code_or_name)
{
  BriCountry *country = bri_atlas_find_country (cli->atlas, code_or_name);
  g_autoptr(GListModel) features = NULL;
  g_autoptr(GListModel) passages = NULL;

  if (country == NULL)
    {
      g_auto(GStrv) suggestions = bri_atlas_suggest_countries (cli->atlas, code_or_name);

      g_printerr (_("No country “%s”: give an ISO code (KE, KEN, 404), a name or a demonym.\n"),
                  code_or_name);
      print_suggestions (suggestions);
      return EXIT_USAGE;
    }

  emit_country (cli, country);

  features = bri_atlas_get_country_features (cli->atlas, country);
  if (g_list_model_get_n_items (features) > 0)
    {
      if (!cli->json)
        g_print ("\n");
      heading (cli, _("Places"));
      for (guint i = 0; i < g_list_model_get_n_items (features); i++)
        {
          g_autoptr(BriFeature) feature = g_list_model_get_item (features, i);
          emit_feature (cli, feature);
        }
    }

  passages = bri_atlas_get_country_passages (cli->atlas, country);
  if (g_list_model_get_n_items (passages) > 0)
    emit_passages (cli, passages);

  return 0;
}

static int
run_feature (Cli        *cli,
             const char *id)
{
  BriFeature *feature = bri_atlas_lookup_feature (cli->atlas, id);
  g_autoptr(GListModel) passages = NULL;

  if (feature == NULL)
    {
      g_auto(GStrv) suggestions = bri_atlas_suggest_features (cli->atlas, id);

      g_printerr (_("No feature with the id “%s” (see --list-features).\n"), id);
      print_suggestions (suggestions);
      return EXIT_USAGE;
    }

  emit_feature (cli, feature);
  if (!cli->json)
    {
      g_print ("    %s\n", bri_feature_get_description (feature));
      g_print ("    %s\n", bri_precision_get_label (bri_feature_get_precision (feature)));
    }

  passages = bri_atlas_get_feature_passages (cli->atlas, feature);
  emit_passages (cli, passages);

  return 0;
}

static int
run_list_features (Cli        *cli,
                   const char *kind_filter,
                   const char *country_filter)
{
  GListModel *features = bri_atlas_get_features (cli->atlas);
  BriFeatureKind kind = 0;
  BriCountry *country = NULL;
  guint n_shown = 0;

  if (kind_filter != NULL && !bri_cli_parse_kind (kind_filter, &kind))
    return EXIT_USAGE;

  if (country_filter != NULL)
    {
      country = bri_atlas_find_country (cli->atlas, country_filter);
      if (country == NULL)
        {
          g_auto(GStrv) suggestions = bri_atlas_suggest_countries (cli->atlas, country_filter);

          g_printerr (_("No country “%s”.\n"), country_filter);
          print_suggestions (suggestions);
          return EXIT_USAGE;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (features) && n_shown < cli->limit; i++)
    {
      g_autoptr(BriFeature) feature = g_list_model_get_item (features, i);

      if (kind_filter != NULL && bri_feature_get_kind (feature) != kind)
        continue;
      if (country != NULL && !bri_feature_has_country (feature, bri_country_get_code (country)))
        continue;

      emit_feature (cli, feature);
      n_shown++;
    }

  return 0;
}

static int
run_list_documents (Cli *cli)
{
  GListModel *documents = bri_atlas_get_documents (cli->atlas);

  for (guint i = 0; i < g_list_model_get_n_items (documents) && i < cli->limit; i++)
    {
      g_autoptr(BriDocument) document = g_list_model_get_item (documents, i);
      emit_document (cli, document);
    }

  return 0;
}

/**
 * bri_cli_load_atlas:
 *
 * Returns: (transfer full) (nullable): the atlas, loaded; %NULL, the
 *   reason printed, if it could not be
 */
BriAtlas *
bri_cli_load_atlas (void)
{
  g_autoptr(BriAtlas) atlas = bri_atlas_new (NULL);
  g_autoptr(GError) error = NULL;

  if (!bri_atlas_load (atlas, NULL, &error))
    {
      g_printerr (_("Cannot load the atlas: %s\n"), error->message);
      return NULL;
    }

  return g_steal_pointer (&atlas);
}

/**
 * bri_cli_parse_options:
 * @summary: what the options do, for --help
 *
 * Parses @entries out of @argv.
 *
 * Returns: %FALSE, the reason printed, for an unknown option, a bad
 *   value or an argument that is not an option
 */
gboolean
bri_cli_parse_options (const char          *summary,
                       const GOptionEntry  *entries,
                       int                 *argc,
                       char              ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  if (*argc > 1)
    {
      g_printerr (_("Unexpected argument “%s”.\n"), (*argv)[1]);
      return FALSE;
    }

  return TRUE;
}

/* --help: every option, grouped; each appears once, described where it
 * belongs (the first group to list it), though several commands read it. */
static void
add_help_group (GOptionContext *context,
                GHashTable     *seen,
                GOptionEntry   *entries,
                const char     *name,
                const char     *description,
                const char     *help_description)
{
  g_autoptr(GArray) kept = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  GOptionGroup *group;

  for (guint i = 0; entries[i].long_name != NULL; i++)
    if (g_hash_table_add (seen, (gpointer) entries[i].long_name))
      g_array_append_val (kept, entries[i]);

  group = g_option_group_new (name, description, help_description, NULL, NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, (GOptionEntry *) kept->data);
  if (g_str_equal (name, "query"))
    g_option_context_set_main_group (context, group);
  else
    g_option_context_add_group (context, group);
}

/* The window's options, read by BriApplication: listed here so that
 * --help shows them with the others. */
static GOptionEntry *
window_entries (void)
{
  static char *present;
  static gboolean unattended;
  const GOptionEntry entries[] = {
    { "present", 0, 0, G_OPTION_ARG_STRING, &present,
      N_("Present a tour full screen: a built-in tour’s id (cpec, maritime-silk-road-ports, "
         "china-europe-rail), one of yours, or a .briatour or KML file"), N_("TOUR") },
    { "unattended", 0, 0, G_OPTION_ARG_NONE, &unattended,
      N_("With --present: play the tour by itself, looping, until a key is pressed"), NULL },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

static int
run_help (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(Query) q = { 0 };
  g_autofree GOptionEntry *query = query_entries (&q);
  g_autofree GOptionEntry *tours = bri_cli_tours_entries ();
  g_autofree GOptionEntry *export = bri_cli_export_entries ();
  g_autofree GOptionEntry *window = window_entries ();
  g_autoptr(GError) error = NULL;
  gboolean version = FALSE;
  const GOptionEntry version_entry[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL }
  };
  char *help_argv[] = { argv[0], NULL, NULL };
  char **help_args = help_argv;
  int help_argc = 2;

  if (bri_cli_has_option (argc, argv, (const char * const []) { "--version", NULL }))
    {
      g_print ("bri-atlas %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_option_context_set_summary (context,
                                _("Without options: the atlas’s window. With a query, an export "
                                  "or a tour: the answer, printed, without opening a window."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  add_help_group (context, seen, query, "query", _("Search and List Options:"), _("Show search and list options"));
  g_option_context_add_main_entries (context, version_entry, GETTEXT_PACKAGE);
  add_help_group (context, seen, tours, "tours", _("Tour Options:"), _("Show tour options"));
  add_help_group (context, seen, export, "export", _("Export Options:"), _("Show export options"));
  add_help_group (context, seen, window, "window", _("Window Options:"), _("Show the window’s options"));

  /* Only the help option itself is parsed: the others would be stored in
   * memory nobody reads. */
  for (int i = 1; i < argc && help_argv[1] == NULL; i++)
    if (g_strv_contains (help_options, argv[i]))
      help_argv[1] = argv[i];
  if (help_argv[1] == NULL)
    help_argv[1] = (char *) "--help";   /* "--help=…" */

  if (!g_option_context_parse (context, &help_argc, &help_args, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }

  return 0;
}

static int
run_query (int    argc,
           char **argv)
{
  g_auto(Query) q = { .limit = LIMIT_UNSET };
  g_autofree GOptionEntry *entries = query_entries (&q);
  g_autoptr(BriAtlas) atlas = NULL;
  int n_commands;
  Cli cli = { 0 };

  if (!bri_cli_parse_options (_("Query the Belt and Road atlas without opening a window."),
                              entries, &argc, &argv))
    return EXIT_USAGE;

  n_commands = (q.search != NULL) + (q.feature != NULL) + q.list_features + q.list_documents +
               (q.country != NULL && !q.list_features);
  if (n_commands != 1)
    {
      g_printerr (_("Give one of --search, --country, --feature, --list-features or --list-documents.\n"));
      return EXIT_USAGE;
    }

  if (q.limit != LIMIT_UNSET && q.limit < 0)
    {
      g_printerr (_("--limit must be 0 (no limit) or more.\n"));
      return EXIT_USAGE;
    }
  if (q.limit != LIMIT_UNSET && q.search == NULL && !q.list_features && !q.list_documents)
    {
      g_printerr (_("--limit goes with --search, --list-features or --list-documents.\n"));
      return EXIT_USAGE;
    }

  atlas = bri_cli_load_atlas ();
  if (atlas == NULL)
    return 1;

  cli.atlas = atlas;
  cli.json = q.json;
  cli.tty = !q.json && isatty (STDOUT_FILENO);
  if (q.limit == LIMIT_UNSET)
    cli.limit = q.search != NULL ? 10 : G_MAXUINT;
  else
    cli.limit = q.limit > 0 ? (guint) q.limit : G_MAXUINT;

  if (q.search != NULL)
    return run_search (&cli, q.search);
  if (q.feature != NULL)
    return run_feature (&cli, q.feature);
  if (q.list_features)
    return run_list_features (&cli, q.kind, q.country);
  if (q.list_documents)
    return run_list_documents (&cli);

  return run_country (&cli, q.country);
}

int
bri_cli_run (int    argc,
             char **argv)
{
  if (bri_cli_has_option (argc, argv, help_options))
    return run_help (argc, argv);

  /* Exports and tours have their own options (bri-cli-export.c,
   * bri-cli-tours.c); a tour's handout is an export. */
  if (bri_cli_export_handles (argc, argv))
    return bri_cli_export_run (argc, argv);
  if (bri_cli_tours_handles (argc, argv))
    return bri_cli_tours_run (argc, argv);

  return run_query (argc, argv);
}
