/* SPDX-License-Identifier: GPL-3.0-or-later */
/* KML tours: what BriAtlas writes, Google Earth and Marble can play and
 * BriAtlas reads back the same; what Google Earth and Marble write,
 * BriAtlas reads into stops; a hostile or broken file is an error with a
 * line, never a crash or a network fetch. */

#include "config.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <string.h>

#include "bri-citation.h"
#include "bri-tour-kml.h"
#include "tour-test-util.h"
#include "../test-atlas-util.h"

#define loc tour_test_location


static BriTour *
import_file (const char  *name,
             GPtrArray  **warnings)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "tours", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BriTour *tour = bri_tour_new_from_kml_file (file, NULL, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tour);
  return tour;
}

static BriTour *
import_text (const char  *text,
             GPtrArray  **warnings,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return bri_tour_new_from_kml (bytes, "t.kml", warnings, error);
}

static void
assert_view (BriTourStop *stop,
             double       latitude,
             double       longitude,
             double       zoom,
             double       zoom_tolerance)
{
  double lat, lon, z;

  bri_location_get_view (bri_tour_stop_get_view (stop), &lat, &lon, &z);
  g_assert_cmpfloat_with_epsilon (lat, latitude, 1e-6);
  g_assert_cmpfloat_with_epsilon (lon, longitude, 1e-6);
  g_assert_cmpfloat_with_epsilon (z, zoom, zoom_tolerance);
}

/* The range is the height of an 800 px view in metres: at the equator
 * and zoom 0, 800 of 256 px of the whole 40 075 km circumference. */
static void
test_range (void)
{
  const double latitudes[] = { 0, 25.12, -33.9, 60, 80 };
  const double zooms[] = { 0, 2, 7.5, 12, 18 };

  g_assert_cmpfloat_with_epsilon (bri_tour_kml_range_for_zoom (0, 0), 800.0 / 256 * 40075016.686, 1.0);
  /* One zoom level halves it; at 60° north the ground is half as wide. */
  g_assert_cmpfloat_with_epsilon (bri_tour_kml_range_for_zoom (0, 1), bri_tour_kml_range_for_zoom (0, 0) / 2, 1.0);
  g_assert_cmpfloat_with_epsilon (bri_tour_kml_range_for_zoom (60, 5), bri_tour_kml_range_for_zoom (0, 5) / 2, 1.0);

  for (guint i = 0; i < G_N_ELEMENTS (latitudes); i++)
    for (guint j = 0; j < G_N_ELEMENTS (zooms); j++)
      {
        double range = bri_tour_kml_range_for_zoom (latitudes[i], zooms[j]);

        g_assert_cmpfloat_with_epsilon (bri_tour_kml_zoom_for_range (latitudes[i], range), zooms[j], 1e-9);
      }

  /* Out of reach: clamped, never a NaN. */
  g_assert_cmpfloat (bri_tour_kml_zoom_for_range (10, 1e12), ==, 0);
  g_assert_cmpfloat (bri_tour_kml_zoom_for_range (10, 0), ==, BRI_LOCATION_MAX_ZOOM);
  g_assert_cmpfloat (bri_tour_kml_zoom_for_range (90, 1000), >=, 0);
}

static BriTour *
sample_tour (void)
{
  BriTour *tour = bri_tour_new ("sample", "Ports & <rails>");
  const struct {
    const char *title, *view, *subject, *caption, *quote, *notes;
    const char *reveal[3];
    double duration;
  } stops[] = {
    { "Gwadar", "view:25.12163,62.32541,9.5", "feature:gwadar-port",
      "Deep water on the Makran coast. 5 < 6 & <b>not bold</b>.", "passage:white-paper-2023/89@4-27",
      "Ask where the road from Kashgar ends.", { NULL }, 0 },
    { "Piraeus", "view:37.94,23.64,11", "feature:piraeus-port", "Fourth in Europe.",
      "passage:white-paper-2023/88", "", { "piraeus-port", "china-europe-land-sea-express-line", NULL }, 12 },
    { "Kenya", "view:-1.5,38,6", "country:KE", "", NULL, "No quote here.", { NULL }, 3.5 },
  };

  bri_tour_set_author (tour, "A teacher");
  bri_tour_set_description (tour, "Three stops.");
  bri_tour_set_language (tour, "en");
  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    {
      g_autoptr(BriLocation) view = loc (stops[i].view);
      g_autoptr(BriLocation) subject = loc (stops[i].subject);
      g_autoptr(BriTourStop) stop = bri_tour_stop_new (stops[i].title, view);

      bri_tour_stop_set_subject (stop, subject);
      bri_tour_stop_set_caption (stop, stops[i].caption);
      if (stops[i].quote != NULL)
        {
          g_autoptr(BriLocation) quote = loc (stops[i].quote);
          bri_tour_stop_set_quote (stop, quote);
        }
      bri_tour_stop_set_notes (stop, stops[i].notes);
      bri_tour_stop_set_reveal (stop, stops[i].reveal);
      bri_tour_stop_set_duration (stop, stops[i].duration);
      bri_tour_append_stop (tour, stop);
    }

  return tour;
}

static int
count_xpath (xmlXPathContextPtr  context,
             const char         *expression)
{
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) expression, context);
  int n;

  g_assert_nonnull (result);
  n = result->nodesetval != NULL ? result->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (result);
  return n;
}

static char *
xpath_string (xmlXPathContextPtr  context,
              const char         *expression)
{
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) expression, context);
  char *text;

  g_assert_nonnull (result);
  text = g_strdup ((const char *) result->stringval);
  xmlXPathFreeObject (result);
  return text;
}

/* The export holds what Google Earth and Marble need to play the tour. */
static void
test_export_shape (void)
{
  g_autoptr(BriTour) tour = sample_tour ();
  g_autofree char *kml = bri_tour_to_kml (tour, test_atlas ());
  g_autofree char *description = NULL;
  g_autofree char *range = NULL;
  g_autofree char *citation = bri_citation_format (bri_atlas_lookup_passage (test_atlas (), "white-paper-2023", 89));
  g_autofree char *expected = NULL;
  xmlDocPtr doc = xmlReadMemory (kml, strlen (kml), NULL, NULL, XML_PARSE_NONET);
  xmlXPathContextPtr context;

  g_assert_nonnull (doc);
  context = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (context, (const xmlChar *) "k", (const xmlChar *) "http://www.opengis.net/kml/2.2");
  xmlXPathRegisterNs (context, (const xmlChar *) "gx", (const xmlChar *) "http://www.google.com/kml/ext/2.2");

  g_assert_cmpint (count_xpath (context, "/k:kml/k:Document/k:Placemark"), ==, 3);
  g_assert_cmpint (count_xpath (context, "//gx:Tour/gx:Playlist/gx:FlyTo[gx:flyToMode='bounce']/k:LookAt"), ==, 3);
  g_assert_cmpint (count_xpath (context, "//gx:Playlist/gx:AnimatedUpdate/k:Update/k:Change"
                                         "/k:Placemark[@targetId='stop-2'][gx:balloonVisibility='1']"), ==, 1);
  g_assert_cmpint (count_xpath (context, "//gx:Playlist/gx:TourControl[gx:playMode='pause']"), ==, 3);
  g_assert_cmpint (count_xpath (context, "//gx:Playlist/gx:Wait"), ==, 2);
  /* Pause after the balloon opens, close it after the pause. */
  g_assert_cmpint (count_xpath (context, "//gx:Playlist/gx:TourControl[1]/following-sibling::*[1]"
                                         "/k:Update/k:Change/k:Placemark[gx:balloonVisibility='0']"), ==, 1);

  /* The LookAt's range is the view's height at 800 px. */
  range = xpath_string (context, "string(//gx:FlyTo[1]/k:LookAt/k:range)");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (range, NULL), bri_tour_kml_range_for_zoom (25.12163, 9.5), 0.1);

  /* The balloon: caption, quote and citation, as text: markup in a
   * caption stays text (escaped once in the XML). */
  description = xpath_string (context, "string(//k:Placemark[@id='stop-1']/k:description)");
  expected = g_strdup_printf ("Deep water on the Makran coast. 5 < 6 & <b>not bold</b>.\n\n"
                              "“Gwadar Port in Pakistan”\n— %s", citation);
  g_assert_cmpstr (description, ==, expected);
  g_assert_nonnull (strstr (kml, "5 &lt; 6 &amp; &lt;b&gt;not bold&lt;/b&gt;"));
  /* A point feature's Placemark sits on the feature. */
  g_assert_nonnull (strstr (kml, "<coordinates>62.325410,25.121630</coordinates>"));

  xmlXPathFreeContext (context);
  xmlFreeDoc (doc);
}

static void
test_round_trip (void)
{
  g_autoptr(BriTour) tour = sample_tour ();
  g_autofree char *kml = bri_tour_to_kml (tour, test_atlas ());
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BriTour) back = import_text (kml, &warnings, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpstr (bri_tour_get_id (back), ==, "sample");
  g_assert_cmpstr (bri_tour_get_title (back), ==, "Ports & <rails>");
  g_assert_cmpstr (bri_tour_get_description (back), ==, "Three stops.");
  g_assert_cmpstr (bri_tour_get_author (back), ==, "A teacher");
  g_assert_cmpstr (bri_tour_get_language (back), ==, "en");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (back)), ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      BriTourStop *a = bri_tour_get_stop (tour, i);
      BriTourStop *b = bri_tour_get_stop (back, i);
      double lat, lon, zoom;

      g_assert_cmpstr (bri_tour_stop_get_title (b), ==, bri_tour_stop_get_title (a));
      g_assert_cmpstr (bri_tour_stop_get_caption (b), ==, bri_tour_stop_get_caption (a));
      g_assert_cmpstr (bri_tour_stop_get_notes (b), ==, bri_tour_stop_get_notes (a));
      g_assert_true (g_strv_equal (bri_tour_stop_get_reveal (b), bri_tour_stop_get_reveal (a)));
      g_assert_cmpfloat (bri_tour_stop_get_duration (b), ==, bri_tour_stop_get_duration (a));
      g_assert_cmpstr (bri_location_to_string (bri_tour_stop_get_subject (b)), ==,
                       bri_location_to_string (bri_tour_stop_get_subject (a)));
      if (bri_tour_stop_get_quote (a) != NULL)
        g_assert_cmpstr (bri_location_to_string (bri_tour_stop_get_quote (b)), ==,
                         bri_location_to_string (bri_tour_stop_get_quote (a)));
      else
        g_assert_null (bri_tour_stop_get_quote (b));

      /* Through a LookAt and back: the range keeps a tenth of a metre. */
      bri_location_get_view (bri_tour_stop_get_view (a), &lat, &lon, &zoom);
      assert_view (b, lat, lon, zoom, 0.01);
    }
}

/* Without the atlas the balloons hold the captions only. */
static void
test_export_without_atlas (void)
{
  g_autoptr(BriTour) tour = sample_tour ();
  g_autofree char *kml = bri_tour_to_kml (tour, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BriTour) back = import_text (kml, NULL, &error);

  g_assert_no_error (error);
  g_assert_null (strstr (kml, "—"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (back)), ==, 3);
}

static void
test_google_earth (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(BriTour) tour = import_file ("google-earth-tour.kml", &warnings);
  BriTourStop *piraeus, *vado;

  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpstr (bri_tour_get_title (tour), ==, "Two ports");
  g_assert_cmpstr (bri_tour_get_id (tour), ==, "two-ports");
  g_assert_cmpstr (bri_tour_get_description (tour), ==, "From the Aegean to the Ligurian Sea.");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tour)), ==, 2);

  piraeus = bri_tour_get_stop (tour, 0);
  g_assert_cmpstr (bri_tour_stop_get_title (piraeus), ==, "Piraeus");
  /* The HTML balloon as text: tags gone, entities read, spaces kept. */
  g_assert_cmpstr (bri_tour_stop_get_caption (piraeus), ==,
                   "The container terminal at Piraeus,\nGreece & its\u00a0cranes.");
  g_assert_cmpfloat (bri_tour_stop_get_duration (piraeus), ==, 6.5);
  assert_view (piraeus, 37.942, 23.6462, bri_tour_kml_zoom_for_range (37.942, 38000), 0.005);
  g_assert_null (bri_tour_stop_get_quote (piraeus));

  vado = bri_tour_get_stop (tour, 1);
  g_assert_cmpstr (bri_tour_stop_get_title (vado), ==, "Vado Ligure");
  g_assert_cmpstr (bri_tour_stop_get_caption (vado), ==, "A semi-automatic terminal near Savona.");
  /* Two waits after one stop add up. */
  g_assert_cmpfloat (bri_tour_stop_get_duration (vado), ==, 3);
  assert_view (vado, 44.2691, 8.4338, bri_tour_kml_zoom_for_range (44.2691, 9500), 0.005);
  /* 9.5 km of ground on 800 px at 44° is a town's zoom. */
  {
    double lat, lon, zoom;

    bri_location_get_view (bri_tour_stop_get_view (vado), &lat, &lon, &zoom);
    g_assert_cmpfloat (zoom, >, 12);
    g_assert_cmpfloat (zoom, <, 14);
  }
}

static void
test_marble (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(BriTour) tour = import_file ("marble-tour.kml", &warnings);
  BriTourStop *lekki, *mombasa;

  g_assert_cmpstr (bri_tour_get_title (tour), ==, "Two African ports");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tour)), ==, 2);

  /* The sound cue is the one thing skipped, and said so with its line. */
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (warnings, 0),
                                   "marble-tour.kml:38: a sound cue was skipped: tours in BriAtlas have no sound"));

  lekki = bri_tour_get_stop (tour, 0);
  g_assert_cmpstr (bri_tour_stop_get_title (lekki), ==, "Lekki Deep Sea Port");
  g_assert_cmpstr (bri_tour_stop_get_caption (lekki), ==, "Nigeria's deepest port, east of Lagos.");
  g_assert_cmpfloat (bri_tour_stop_get_duration (lekki), ==, 4);
  /* A Camera's altitude is its range. */
  assert_view (lekki, 6.4175, 4.0915, bri_tour_kml_zoom_for_range (6.4175, 52000), 0.005);

  mombasa = bri_tour_get_stop (tour, 1);
  g_assert_cmpstr (bri_tour_stop_get_title (mombasa), ==, "Port of Mombasa");
  g_assert_cmpstr (bri_tour_stop_get_caption (mombasa), ==, "Kenya's gateway to the sea.");
  g_assert_cmpfloat (bri_tour_stop_get_duration (mombasa), ==, 5);
  assert_view (mombasa, -4.0447, 39.6836, bri_tour_kml_zoom_for_range (-4.0447, 20000), 0.005);
}

/* Stops without balloons are numbered; what cannot be read is skipped
 * with a warning naming its line. */
static void
test_partial (void)
{
  const char *kml =
    "<kml xmlns=\"http://www.opengis.net/kml/2.2\" xmlns:gx=\"http://www.google.com/kml/ext/2.2\">\n"
    "<gx:Tour><gx:Playlist>\n"
    "<gx:Wait><gx:duration>2</gx:duration></gx:Wait>\n"
    "<gx:FlyTo><LookAt><longitude>10</longitude><latitude>50</latitude><range>1e6</range></LookAt></gx:FlyTo>\n"
    "<gx:FlyTo><LookAt><longitude>east</longitude><latitude>50</latitude></LookAt></gx:FlyTo>\n"
    "<gx:FlyTo><gx:duration>1</gx:duration></gx:FlyTo>\n"
    "<gx:FlyTo><Camera><longitude>-70</longitude><latitude>-33</latitude></Camera></gx:FlyTo>\n"
    "<gx:Wait><gx:duration>-1</gx:duration></gx:Wait>\n"
    "<gx:AnimatedUpdate><Update><Change><Placemark targetId=\"nowhere\"><gx:balloonVisibility>1</gx:balloonVisibility></Placemark></Change></Update></gx:AnimatedUpdate>\n"
    "<Folder/>\n"
    "</gx:Playlist></gx:Tour></kml>\n";
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BriTour) tour = import_text (kml, &warnings, &error);
  const char *expected[] = {
    "t.kml:3: a Wait before the first FlyTo was skipped",
    "t.kml:5: a FlyTo without a valid longitude and latitude was skipped",
    "t.kml:6: a FlyTo without a LookAt or a Camera was skipped",
    "t.kml:8: a Wait without a valid duration was skipped",
    "t.kml:9: a balloon for “nowhere”, which is not in the file, was skipped",
    "t.kml:10: <Folder> was skipped: it is not part of a KML tour",
  };

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tour)), ==, 2);
  g_assert_cmpstr (bri_tour_stop_get_title (bri_tour_get_stop (tour, 0)), ==, "Stop 1");
  g_assert_cmpstr (bri_tour_stop_get_title (bri_tour_get_stop (tour, 1)), ==, "Stop 2");
  /* No title anywhere: the file's name. */
  g_assert_cmpstr (bri_tour_get_title (tour), ==, "t.kml");
  g_assert_cmpstr (bri_tour_get_id (tour), ==, "t-kml");
  g_assert_cmpuint (warnings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (warnings, i), ==, expected[i]);
}

static void
test_errors (void)
{
  const TourTestBad cases[] = {
    { "", BRI_TOUR_ERROR_SYNTAX, "t.kml:1:1: the file is empty" },
    { "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n<name>x</nam", BRI_TOUR_ERROR_SYNTAX, "t.kml:3:" },
    { "{\"version\": 1}", BRI_TOUR_ERROR_SYNTAX, "t.kml:1:1: Start tag expected" },
    { "<?xml version=\"1.0\"?>\n<gpx/>", BRI_TOUR_ERROR_KML, "t.kml:2: not KML: the document is <gpx>" },
    { "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark/></Document></kml>",
      BRI_TOUR_ERROR_KML, "t.kml: no tour (gx:Tour) in this KML file" },
    /* Billion laughs: refused before any entity could expand. */
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE kml [\n <!ENTITY a \"aaaaaaaaaa\">\n <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n"
      "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><name>&b;</name></Document></kml>",
      BRI_TOUR_ERROR_KML, "t.kml: a document type declaration (<!DOCTYPE>) is not allowed in KML" },
    /* An entity nobody declared is not fetched or expanded. */
    { "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><name>&xxe;</name></Document></kml>",
      BRI_TOUR_ERROR_SYNTAX, "t.kml:1:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BriTour) tour = import_text (cases[i].text, NULL, &error);

      g_test_message ("case %u", i);
      tour_test_assert_bad (tour, error, &cases[i]);
    }
}

/* Every prefix of a real tour file: an error or a tour, never a crash. */
static void
test_every_truncation (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "tours", "marble-tour.kml", NULL);
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  for (gsize cut = 0; cut < length; cut += 3)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (text, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(BriTour) tour = bri_tour_new_from_kml (bytes, "t.kml", NULL, &error);

      g_assert_true ((tour == NULL) != (error == NULL));
      if (error != NULL)
        g_assert_true (g_str_has_prefix (error->message, "t.kml"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/tour-kml/range", test_range);
  g_test_add_func ("/bri/tour-kml/export-shape", test_export_shape);
  g_test_add_func ("/bri/tour-kml/round-trip", test_round_trip);
  g_test_add_func ("/bri/tour-kml/export-without-atlas", test_export_without_atlas);
  g_test_add_func ("/bri/tour-kml/google-earth", test_google_earth);
  g_test_add_func ("/bri/tour-kml/marble", test_marble);
  g_test_add_func ("/bri/tour-kml/partial", test_partial);
  g_test_add_func ("/bri/tour-kml/errors", test_errors);
  g_test_add_func ("/bri/tour-kml/every-truncation", test_every_truncation);

  return test_atlas_run ();
}
