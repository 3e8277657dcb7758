/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports on the command line, without a display:
 *
 *   bri-atlas --export-map OUT.{png,svg,pdf} [--view LAT,LON,ZOOM | --country CODE | --feature ID]
 *             [--size WxH] [--scale N] [--title TEXT] [--dark]
 *   bri-atlas --tour TOUR --export-pdf OUT.pdf [--paper a4|letter] [--no-notes]
 *   bri-atlas --country CODE --export-pdf OUT.pdf | --export-markdown OUT.md
 *   bri-atlas --feature ID --export-pdf OUT.pdf
 *   bri-atlas --list-features [--kind K] [--country C] [--status S] [--document D]
 *             [--region R] [--from-year Y] [--to-year Y] --format geojson|kml|csv [--output FILE]
 *   bri-atlas --country CODE --export-passages OUT.csv
 *   bri-atlas --search QUERY --export-passages OUT.csv
 *
 * Files are written atomically.  A bad option, an unknown format, a
 * name that is nothing, a path that cannot be written: a message and exit
 * status 2. */

#define G_LOG_DOMAIN "bri-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bri-atlas.h"
#include "bri-cli.h"
#include "bri-cli-export.h"
#include "bri-country-dossier.h"
#include "bri-export.h"
#include "bri-feature-filter.h"
#include "bri-feature-sheet.h"
#include "bri-feature-table.h"
#include "bri-handout.h"
#include "bri-map-renderer.h"
#include "bri-passage-table.h"
#include "bri-tour-library.h"

#define EXIT_USAGE 2

/* The window's "Overview": the Belt and Road from West Africa to the
 * Pacific. */
static const BriGeoBounds overview = { -20.0, -40.0, 150.0, 62.0 };

static const char * const export_options[] = {
  "--export-map", "--export-pdf", "--export-markdown", "--export-passages", "--format", NULL
};

typedef struct
{
  char     *export_map;
  char     *export_pdf;
  char     *export_markdown;
  char     *export_passages;
  char     *format;
  char     *output;
  char     *view;
  char     *country;
  char     *feature;
  char     *tour;
  char     *search;
  char     *size;
  char     *title;
  char     *paper;
  char     *kind;
  char     *status;
  char     *document;
  char     *region;
  double    scale;
  int       from_year;
  int       to_year;
  gboolean  list_features;
  gboolean  dark;
  gboolean  no_notes;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->export_map);
  g_free (o->export_pdf);
  g_free (o->export_markdown);
  g_free (o->export_passages);
  g_free (o->format);
  g_free (o->output);
  g_free (o->view);
  g_free (o->country);
  g_free (o->feature);
  g_free (o->tour);
  g_free (o->search);
  g_free (o->size);
  g_free (o->title);
  g_free (o->paper);
  g_free (o->kind);
  g_free (o->status);
  g_free (o->document);
  g_free (o->region);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

gboolean
bri_cli_export_handles (int    argc,
                        char **argv)
{
  return bri_cli_has_option (argc, argv, export_options);
}

static int
usage (const char *message)
{
  g_printerr ("%s\n", message);
  return EXIT_USAGE;
}

static int
fail (GError *error)
{
  g_printerr ("%s\n", error->message);
  return EXIT_USAGE;
}

static int
write_file (const char *path,
            GBytes     *bytes)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  if (!bri_export_write (file, bytes, NULL, &error))
    return fail (error);

  return 0;
}

/* Checks @path's extension is @format's, or names one of @allowed. */
static gboolean
check_format (const char            *path,
              const BriExportFormat *allowed,
              guint                  n_allowed,
              BriExportFormat       *format)
{
  if (bri_export_format_from_path (path, format))
    for (guint i = 0; i < n_allowed; i++)
      if (allowed[i] == *format)
        return TRUE;

  {
    GString *names = g_string_new (NULL);

    for (guint i = 0; i < n_allowed; i++)
      g_string_append_printf (names, "%s.%s", i > 0 ? ", " : "", bri_export_format_get_extension (allowed[i]));
    g_printerr (_("Cannot tell what to write to “%s”: give a file ending in %s.\n"), path, names->str);
    g_string_free (names, TRUE);
  }
  return FALSE;
}

static BriCountry *
find_country (BriAtlas   *atlas,
              const char *code_or_name)
{
  BriCountry *country = bri_atlas_find_country (atlas, code_or_name);

  if (country == NULL)
    g_printerr (_("No country “%s”: give an ISO code (KE, KEN, 404), a name or a demonym.\n"),
                code_or_name);
  return country;
}

static BriFeature *
find_feature (BriAtlas   *atlas,
              const char *id)
{
  BriFeature *feature = bri_atlas_lookup_feature (atlas, id);

  if (feature == NULL)
    g_printerr (_("No feature with the id “%s” (see --list-features).\n"), id);
  return feature;
}

static BriPaper
paper_or_default (const char *name,
                  gboolean   *ok)
{
  BriPaper paper = BRI_PAPER_A4;

  *ok = name == NULL || bri_paper_from_name (name, &paper);
  if (!*ok)
    g_printerr (_("Unknown paper “%s”: give a4 or letter.\n"), name);
  return paper;
}

/* --export-map */

static gboolean
parse_view (const char *text,
            double     *lat,
            double     *lon,
            double     *zoom)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  char *end;

  if (g_strv_length (parts) != 3)
    return FALSE;

  *lat = g_ascii_strtod (parts[0], &end);
  if (end == parts[0] || *end != '\0' || *lat < -90 || *lat > 90)
    return FALSE;
  *lon = g_ascii_strtod (parts[1], &end);
  if (end == parts[1] || *end != '\0' || *lon < -180 || *lon > 180)
    return FALSE;
  *zoom = g_ascii_strtod (parts[2], &end);
  return end != parts[2] && *end == '\0' && *zoom >= 0 && *zoom <= BRI_TILE_RENDERER_MAX_ZOOM;
}

static gboolean
parse_size (const char *text,
            double     *width,
            double     *height)
{
  guint64 w, h;
  char *end;

  w = g_ascii_strtoull (text, &end, 10);
  if (end == text || (*end != 'x' && *end != 'X'))
    return FALSE;
  text = end + 1;
  h = g_ascii_strtoull (text, &end, 10);
  if (end == text || *end != '\0' || w < 16 || h < 16 || w > BRI_EXPORT_MAX_PIXELS || h > BRI_EXPORT_MAX_PIXELS)
    return FALSE;

  *width = w;
  *height = h;
  return TRUE;
}

static int
run_export_map (Options  *o,
                BriAtlas *atlas)
{
  static const BriExportFormat allowed[] = { BRI_EXPORT_FORMAT_PNG, BRI_EXPORT_FORMAT_SVG, BRI_EXPORT_FORMAT_PDF };
  g_autoptr(BriMapRenderer) renderer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BriExportFormat format;
  BriRenderOptions options;
  BriRenderView view;
  double width = 1280, height = 800;

  if (!check_format (o->export_map, allowed, G_N_ELEMENTS (allowed), &format))
    return EXIT_USAGE;
  if ((o->view != NULL) + (o->country != NULL) + (o->feature != NULL) > 1)
    return usage (_("Give at most one of --view, --country and --feature."));
  if (o->size != NULL && !parse_size (o->size, &width, &height))
    return usage (_("--size must be WIDTHxHEIGHT in pixels, each from 16 to 16384 (1280x800)."));
  if (!(o->scale > 0 && o->scale <= 16))
    return usage (_("--scale must be more than 0 and at most 16 (2 for a 2× image)."));

  renderer = bri_map_renderer_new ();
  bri_map_renderer_set_features (renderer, bri_atlas_get_features (atlas));
  bri_map_renderer_set_countries (renderer, bri_atlas_get_countries (atlas));
  bri_render_options_init (&options);
  options.style = o->dark ? BRI_TILE_STYLE_DARK : BRI_TILE_STYLE_LIGHT;
  options.title = o->title;

  if (o->view != NULL)
    {
      double lat, lon, zoom;

      if (!parse_view (o->view, &lat, &lon, &zoom))
        return usage (_("--view must be LAT,LON,ZOOM (latitude −90 to 90, longitude −180 to 180, zoom 0 to 12)."));
      bri_render_view_init_center (&view, lat, lon, zoom, width, height);
    }
  else if (o->country != NULL)
    {
      BriCountry *country = find_country (atlas, o->country);
      BriGeoBounds bounds;

      if (country == NULL)
        return EXIT_USAGE;
      bri_country_get_bounds (country, &bounds);
      bri_render_view_init_bounds (&view, &bounds, width, height);
      options.country = bri_country_get_numeric (country);
    }
  else if (o->feature != NULL)
    {
      BriFeature *feature = find_feature (atlas, o->feature);
      BriGeoBounds bounds;

      if (feature == NULL)
        return EXIT_USAGE;
      bri_feature_get_bounds (feature, &bounds.min_lon, &bounds.min_lat, &bounds.max_lon, &bounds.max_lat);
      bri_render_view_init_bounds (&view, &bounds, width, height);
      bri_map_renderer_set_selected (renderer, feature);
    }
  else
    bri_render_view_init_bounds (&view, &overview, width, height);

  bytes = bri_export_map (renderer, &view, &options, format, o->scale, NULL, &error);
  if (bytes == NULL)
    return fail (error);

  return write_file (o->export_map, bytes);
}

/* --export-pdf, --export-markdown */

static int
run_tour_pdf (Options  *o,
              BriAtlas *atlas)
{
  g_autoptr(BriTourLibrary) library = bri_tour_library_new (NULL);
  g_autoptr(BriTour) tour = NULL;
  g_autoptr(BriHandout) handout = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;
  BriPaper paper = paper_or_default (o->paper, &ok);

  if (!ok)
    return EXIT_USAGE;
  if (!bri_tour_library_load (library, NULL, &error))
    return fail (error);

  tour = bri_tour_library_open (library, o->tour, &warnings, &error);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_printerr (_("warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));
  if (tour == NULL)
    {
      fail (error);
      return usage (_("See --list-tours for the tours there are."));
    }

  handout = bri_handout_new (tour, atlas);
  bri_handout_set_paper (handout, paper);
  bri_handout_set_notes (handout, !o->no_notes);
  bytes = bri_handout_to_pdf (handout, NULL, NULL, NULL, &error);
  if (bytes == NULL)
    return fail (error);

  return write_file (o->export_pdf, bytes);
}

static int
run_document (Options  *o,
              BriAtlas *atlas)
{
  static const BriExportFormat pdf_only[] = { BRI_EXPORT_FORMAT_PDF };
  static const BriExportFormat markdown_only[] = { BRI_EXPORT_FORMAT_MARKDOWN };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BriExportFormat format;
  gboolean ok;
  BriPaper paper = paper_or_default (o->paper, &ok);

  if (!ok)
    return EXIT_USAGE;
  if (o->export_pdf != NULL && !check_format (o->export_pdf, pdf_only, 1, &format))
    return EXIT_USAGE;
  if (o->export_markdown != NULL && !check_format (o->export_markdown, markdown_only, 1, &format))
    return EXIT_USAGE;

  if (o->country != NULL)
    {
      BriCountry *country = find_country (atlas, o->country);
      g_autoptr(BriCountryDossier) dossier = NULL;

      if (country == NULL)
        return EXIT_USAGE;
      dossier = bri_country_dossier_new (atlas, country);
      bri_country_dossier_set_paper (dossier, paper);
      if (o->export_markdown != NULL)
        {
          bytes = bri_country_dossier_to_markdown (dossier);
          return write_file (o->export_markdown, bytes);
        }
      bytes = bri_country_dossier_to_pdf (dossier, NULL, &error);
    }
  else
    {
      BriFeature *feature = find_feature (atlas, o->feature);
      g_autoptr(BriFeatureSheet) sheet = NULL;

      if (feature == NULL)
        return EXIT_USAGE;
      sheet = bri_feature_sheet_new (atlas, feature);
      bri_feature_sheet_set_paper (sheet, paper);
      bytes = bri_feature_sheet_to_pdf (sheet, NULL, &error);
    }

  if (bytes == NULL)
    return fail (error);

  return write_file (o->export_pdf, bytes);
}

/* --list-features --format, --export-passages */

static int
run_list_features (Options  *o,
                   BriAtlas *atlas)
{
  g_autoptr(BriFeatureFilter) filter = bri_feature_filter_new (atlas);
  g_autoptr(GListStore) shown = g_list_store_new (BRI_TYPE_FEATURE);
  g_autoptr(BriFeatureTable) table = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *features = bri_atlas_get_features (atlas);
  BriCountry *country = NULL;
  BriExportFormat format;

  if (o->format == NULL || !bri_export_format_from_name (o->format, &format) ||
      (format != BRI_EXPORT_FORMAT_GEOJSON && format != BRI_EXPORT_FORMAT_KML && format != BRI_EXPORT_FORMAT_CSV))
    {
      g_printerr (_("Unknown format “%s”: give geojson, kml or csv.\n"), o->format != NULL ? o->format : "");
      return EXIT_USAGE;
    }

  /* The window's filters, so that the file has what the map would show. */
  if (o->kind != NULL)
    {
      BriFeatureKind kind;

      if (!bri_cli_parse_kind (o->kind, &kind))
        return EXIT_USAGE;
      for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
        bri_feature_filter_set_kind_shown (filter, k, k == kind);
    }
  if (o->status != NULL)
    {
      if (!g_strv_contains (bri_feature_status_get_all (), o->status))
        {
          g_autofree char *all = g_strjoinv (" ", (char **) bri_feature_status_get_all ());

          g_printerr (_("Unknown status “%s”. Statuses: %s\n"), o->status, all);
          return EXIT_USAGE;
        }
      bri_feature_filter_set_status (filter, o->status);
    }
  if (o->document != NULL)
    {
      if (bri_atlas_lookup_document (atlas, o->document) == NULL)
        {
          g_printerr (_("No document “%s” (see --list-documents).\n"), o->document);
          return EXIT_USAGE;
        }
      bri_feature_filter_set_document (filter, o->document);
    }
  if (o->region != NULL)
    {
      if (bri_atlas_lookup_region (atlas, o->region) == NULL)
        {
          g_printerr (_("No region “%s”.\n"), o->region);
          return EXIT_USAGE;
        }
      bri_feature_filter_set_region (filter, o->region);
    }
  if (o->from_year != 0 || o->to_year != 0)
    bri_feature_filter_set_years (filter, o->from_year, o->to_year);
  if (o->country != NULL && (country = find_country (atlas, o->country)) == NULL)
    return EXIT_USAGE;

  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(BriFeature) feature = g_list_model_get_item (features, i);

      if (!bri_feature_filter_matches (filter, feature))
        continue;
      if (country != NULL && !bri_feature_has_country (feature, bri_country_get_code (country)))
        continue;
      g_list_store_append (shown, feature);
    }

  table = bri_feature_table_new (atlas, G_LIST_MODEL (shown));
  bytes = bri_feature_table_to_bytes (table, format, &error);
  if (bytes == NULL)
    return fail (error);

  if (o->output != NULL)
    return write_file (o->output, bytes);

  fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);
  return ferror (stdout) ? EXIT_USAGE : 0;
}

static int
run_export_passages (Options  *o,
                     BriAtlas *atlas)
{
  static const BriExportFormat csv_only[] = { BRI_EXPORT_FORMAT_CSV };
  g_autoptr(BriPassageTable) table = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BriExportFormat format;

  if (!check_format (o->export_passages, csv_only, 1, &format))
    return EXIT_USAGE;

  if (o->search != NULL)
    {
      table = bri_passage_table_new_search (atlas, o->search, &error);
      if (table == NULL)
        return fail (error);
    }
  else
    {
      BriCountry *country = find_country (atlas, o->country);
      g_autoptr(GListModel) passages = NULL;

      if (country == NULL)
        return EXIT_USAGE;
      passages = bri_atlas_get_country_passages (atlas, country);
      table = bri_passage_table_new (passages);
    }

  bytes = bri_passage_table_to_csv (table);
  return write_file (o->export_passages, bytes);
}

static GOptionEntry *
export_entries (Options *o)
{
  const GOptionEntry entries[] = {
    { "export-map", 0, 0, G_OPTION_ARG_FILENAME, &o->export_map, N_("Draw the map into a PNG, SVG or PDF file"), N_("FILE") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &o->view, N_("With --export-map: the view, as in view: locations"), N_("LAT,LON,ZOOM") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o->size, N_("With --export-map: the map's size in pixels (default 1280x800)"), N_("WxH") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &o->scale, N_("With --export-map to PNG: pixels per map pixel (2 for 2×)"), N_("N") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &o->title, N_("With --export-map: a title on the map"), N_("TEXT") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &o->dark, N_("With --export-map: the dark style"), NULL },
    { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, &o->export_pdf, N_("With --tour: the handout; with --country: the dossier; with --feature: the card"), N_("FILE") },
    { "export-markdown", 0, 0, G_OPTION_ARG_FILENAME, &o->export_markdown, N_("With --country: the dossier as Markdown"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &o->paper, N_("With --export-pdf: a4 (default) or letter"), N_("PAPER") },
    { "no-notes", 0, 0, G_OPTION_ARG_NONE, &o->no_notes, N_("With --tour --export-pdf: leave out the teacher's notes"), NULL },
    { "tour", 0, 0, G_OPTION_ARG_FILENAME, &o->tour, N_("The tour: a built-in id, one of yours, or a file"), N_("TOUR") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &o->country, N_("The country: an ISO code, a name or a demonym"), N_("CODE") },
    { "feature", 0, 0, G_OPTION_ARG_STRING, &o->feature, N_("The feature's id"), N_("ID") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &o->search, N_("With --export-passages: the passages this search finds"), N_("QUERY") },
    { "export-passages", 0, 0, G_OPTION_ARG_FILENAME, &o->export_passages, N_("With --country or --search: the passages as CSV"), N_("FILE") },
    { "list-features", 0, 0, G_OPTION_ARG_NONE, &o->list_features, N_("With --format: the features, filtered as the options say"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o->format, N_("With --list-features: print or write (--output) the features as one GeoJSON FeatureCollection (geojson), KML (kml) or CSV (csv)"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &o->output, N_("With --list-features --format: write to FILE, not to standard output"), N_("FILE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &o->kind, N_("With --list-features --format: only this kind"), N_("KIND") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &o->status, N_("With --list-features --format: only this status"), N_("STATUS") },
    { "document", 0, 0, G_OPTION_ARG_STRING, &o->document, N_("With --list-features --format: only the places this document names"), N_("ID") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &o->region, N_("With --list-features --format: only the places in this region"), N_("ID") },
    { "from-year", 0, 0, G_OPTION_ARG_INT, &o->from_year, N_("With --list-features --format: only from this year on"), N_("YEAR") },
    { "to-year", 0, 0, G_OPTION_ARG_INT, &o->to_year, N_("With --list-features --format: only up to this year"), N_("YEAR") },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

/**
 * bri_cli_export_entries:
 *
 * Returns: (transfer full): the options of exports, for --help
 */
GOptionEntry *
bri_cli_export_entries (void)
{
  static Options help_options;

  return export_entries (&help_options);
}

int
bri_cli_export_run (int    argc,
                    char **argv)
{
  g_auto(Options) o = { .scale = 1.0 };
  g_autoptr(BriAtlas) atlas = NULL;
  g_autofree GOptionEntry *entries = export_entries (&o);

  /* Both print JSON, differently: say which is which. */
  if (bri_cli_has_option (argc, argv, (const char * const []) { "--json", NULL }))
    return usage (_("--json prints JSON Lines and goes with the queries; --list-features --format geojson "
                    "prints one GeoJSON FeatureCollection: give one of them."));

  if (!bri_cli_parse_options (_("Export maps, handouts, dossiers, cards and data without opening a window."),
                              entries, &argc, &argv))
    return EXIT_USAGE;

  if ((o.export_map != NULL) + (o.export_pdf != NULL || o.export_markdown != NULL) +
      (o.export_passages != NULL) + (o.format != NULL || o.list_features) != 1)
    return usage (_("Give one of --export-map FILE, --export-pdf FILE, --export-markdown FILE, "
                    "--export-passages FILE or --list-features --format FORMAT."));

  if ((o.export_pdf != NULL || o.export_markdown != NULL) &&
      (o.tour != NULL) + (o.country != NULL) + (o.feature != NULL) != 1)
    return usage (_("--export-pdf needs one of --tour, --country or --feature."));
  if (o.export_pdf != NULL && o.export_markdown != NULL)
    return usage (_("Give --export-pdf or --export-markdown, not both."));
  if (o.export_markdown != NULL && o.country == NULL)
    return usage (_("--export-markdown needs --country."));
  if (o.export_passages != NULL && (o.country != NULL) + (o.search != NULL) != 1)
    return usage (_("--export-passages needs one of --country or --search."));
  if ((o.format != NULL || o.list_features) && (!o.list_features || o.format == NULL))
    return usage (_("Give --list-features with --format geojson, kml or csv."));

  atlas = bri_cli_load_atlas ();
  if (atlas == NULL)
    return 1;

  if (o.export_map != NULL)
    return run_export_map (&o, atlas);
  if (o.export_pdf != NULL && o.tour != NULL)
    return run_tour_pdf (&o, atlas);
  if (o.export_pdf != NULL || o.export_markdown != NULL)
    return run_document (&o, atlas);
  if (o.export_passages != NULL)
    return run_export_passages (&o, atlas);
  return run_list_features (&o, atlas);
}
