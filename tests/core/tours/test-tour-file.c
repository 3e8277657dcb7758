/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The .briatour file: what is written is read back the same; a file that
 * is wrong in any way gives an error with the file, the line, the column
 * and what was wrong, never a crash. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bri-tour.h"
#include "tour-test-util.h"
#include "../test-wrong-json.h"

#define loc tour_test_location

/* Two stops; the second one's caption starts at line 13, column 18. */
static const char valid[] =
  "{\n"
  "  \"version\": 1,\n"
  "  \"id\": \"ports\",\n"
  "  \"title\": \"Ports\",\n"
  "  \"stops\": [\n"
  "    {\n"
  "      \"title\": \"Gwadar\",\n"
  "      \"view\": \"view:25.12,62.33,7\"\n"
  "    },\n"
  "    {\n"
  "      \"title\": \"Hambantota\",\n"
  "      \"view\": \"view:6.12,81.12,8\",\n"
  "      \"caption\": \"A port.\",\n"
  "      \"reveal\": [\"hambantota-port\"]\n"
  "    }\n"
  "  ]\n"
  "}\n";

static BriTour *
load (const char  *text,
      gssize       length,
      GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return bri_tour_new_from_bytes (bytes, "t.briatour", error);
}

static void
assert_same_tour (BriTour *a,
                  BriTour *b)
{
  g_assert_cmpstr (bri_tour_get_id (a), ==, bri_tour_get_id (b));
  g_assert_cmpstr (bri_tour_get_title (a), ==, bri_tour_get_title (b));
  g_assert_cmpstr (bri_tour_get_author (a), ==, bri_tour_get_author (b));
  g_assert_cmpstr (bri_tour_get_description (a), ==, bri_tour_get_description (b));
  g_assert_cmpstr (bri_tour_get_language (a), ==, bri_tour_get_language (b));
  /* The file keeps whole seconds. */
  g_assert_cmpint (g_date_time_to_unix (bri_tour_get_created (a)), ==,
                   g_date_time_to_unix (bri_tour_get_created (b)));
  g_assert_cmpint (g_date_time_to_unix (bri_tour_get_modified (a)), ==,
                   g_date_time_to_unix (bri_tour_get_modified (b)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (a)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (b)));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (a)); i++)
    g_assert_true (bri_tour_stop_equal (bri_tour_get_stop (a, i), bri_tour_get_stop (b, i)));
}

/* A tour with every field set, and text that JSON must escape. */
static BriTour *
full_tour (void)
{
  BriTour *tour = bri_tour_new ("full-tour", "Ports “and” <rails> & more");
  g_autoptr(BriLocation) view1 = loc ("view:25.121630,62.325410,7.25");
  g_autoptr(BriLocation) view2 = loc ("view:-4.04,39.68,9");
  g_autoptr(BriLocation) subject = loc ("country:KE");
  g_autoptr(BriLocation) quote = loc ("passage:white-paper-2023/89@4-28");
  g_autoptr(BriLocation) whole = loc ("passage:qiushi-2024/55");
  g_autoptr(BriTourStop) a = bri_tour_stop_new ("Gwadar", view1);
  g_autoptr(BriTourStop) b = bri_tour_stop_new ("Mombasa\tand \"Nairobi\"", view2);
  const char * const reveal[] = { "mombasa-port", "mombasa-nairobi-sgr", NULL };

  bri_tour_set_author (tour, "Ms. Ngũgĩ");
  bri_tour_set_description (tour, "Line one.\nLine two with \\ backslash.");
  bri_tour_set_language (tour, "en-KE");
  bri_tour_stop_set_subject (a, subject);
  bri_tour_stop_set_caption (a, "Deep water.\n\nA second paragraph: 5 > 4 & 3 < 4.");
  bri_tour_stop_set_quote (a, quote);
  bri_tour_stop_set_notes (a, "Point at the bay.");
  bri_tour_stop_set_duration (a, 7.5);
  bri_tour_stop_set_quote (b, whole);
  bri_tour_stop_set_reveal (b, reveal);
  bri_tour_append_stop (tour, a);
  bri_tour_append_stop (tour, b);

  return tour;
}

static void
test_round_trip (void)
{
  g_autoptr(BriTour) tour = full_tour ();
  g_autoptr(BriTour) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = bri_tour_to_json (tour);
  g_autofree char *again = NULL;

  g_assert_true (g_str_has_prefix (json, "{\n  \"version\" : 1,\n"));
  g_assert_true (g_str_has_suffix (json, "}\n"));

  back = load (json, -1, &error);
  g_assert_no_error (error);
  assert_same_tour (tour, back);
  g_assert_false (bri_tour_can_undo (back));
  g_assert_null (bri_tour_get_file (back));

  /* Stable: the same tour writes the same text. */
  again = bri_tour_to_json (back);
  g_assert_cmpstr (again, ==, json);
}

/* Optional members may be absent or null; unknown members are skipped
 * (a later version 1 may add some). */
static void
test_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BriTour) tour = load ("{\"version\": 1, \"id\": \"m\", \"title\": \"M\", \"stops\": [],"
                                  " \"author\": null, \"colour\": \"red\"}", -1, &error);
  g_autoptr(BriTour) two = load (valid, -1, &error);
  BriTourStop *stop;

  g_assert_no_error (error);
  g_assert_cmpstr (bri_tour_get_id (tour), ==, "m");
  g_assert_cmpstr (bri_tour_get_author (tour), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tour)), ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (two)), ==, 2);
  stop = bri_tour_get_stop (two, 1);
  g_assert_cmpstr (bri_tour_stop_get_title (stop), ==, "Hambantota");
  g_assert_cmpstr (bri_tour_stop_get_caption (stop), ==, "A port.");
  g_assert_cmpstr (bri_location_to_string (bri_tour_stop_get_view (stop)), ==, "view:6.12,81.12,8");
  g_assert_cmpstr (bri_tour_stop_get_reveal (stop)[0], ==, "hambantota-port");
  g_assert_null (bri_tour_stop_get_quote (stop));
  g_assert_null (bri_tour_stop_get_subject (stop));
  g_assert_cmpfloat (bri_tour_stop_get_duration (stop), ==, 0);
}

static void
test_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bri-tour-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "full-tour.briatour", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BriTour) tour = full_tour ();
  g_autoptr(BriTour) back = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_no_error (error);
  g_assert_true (bri_tour_save (tour, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (bri_tour_get_file (tour), file));

  /* Over the old file, and nothing else left behind. */
  bri_tour_set_stop_caption (tour, 0, "Changed.");
  g_assert_true (bri_tour_save (tour, file, NULL, &error));
  g_assert_no_error (error);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpstr (name, ==, "full-tour.briatour");
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 1);

  back = bri_tour_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  assert_same_tour (tour, back);
  g_assert_cmpstr (bri_tour_stop_get_caption (bri_tour_get_stop (back, 0)), ==, "Changed.");
  g_assert_true (g_file_equal (bri_tour_get_file (back), file));
  g_assert_cmpint (bri_tour_get_source (back), ==, BRI_TOUR_SOURCE_FILE);

  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/x.briatour");
  g_autoptr(BriTour) tour = bri_tour_new_from_file (file, NULL, &error);

  g_assert_null (tour);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/x.briatour: "));
}

/* Each way a file can be wrong, with the exact error. */
static void
test_malformed (void)
{
  const TourTestBad cases[] = {
    /* truncated */
    { "{\n  \"version\": 1,\n  \"id\": \"x\",\n  \"title\": \"Ports\",\n  \"stops\": [\n    {\n      \"title\": \"Gwa",
      BRI_TOUR_ERROR_SYNTAX, "t.briatour:7:20: scanner: unterminated string constant" },
    { "", BRI_TOUR_ERROR_SYNTAX, "t.briatour:1:1: the file is empty" },
    { "  \n ", BRI_TOUR_ERROR_SYNTAX, "t.briatour:1:1: the file is empty" },
    { "{\"version\": 1,\n \"id\": tru}", BRI_TOUR_ERROR_SYNTAX, "t.briatour:2:10: unexpected identifier `tru', expected value" },
    { "{\"version\": 1,\n \"title\": \"\xc3\x28\"}", BRI_TOUR_ERROR_SYNTAX, "t.briatour:2:12: not UTF-8 text" },
    /* wrong types */
    { "[1, 2]", BRI_TOUR_ERROR_INVALID, "t.briatour:1:1: a tour must be a JSON object, not an array" },
    { "{\"version\": \"1\"}", BRI_TOUR_ERROR_INVALID, "t.briatour:1:13: tour: “version” must be a whole number, not a string" },
    { "{\"version\": 1.5}", BRI_TOUR_ERROR_INVALID, "t.briatour:1:13: tour: “version” must be a whole number, not a number" },
    { "{\"version\": 1, \"id\": \"x\", \"title\": [\"Ports\"], \"stops\": []}", BRI_TOUR_ERROR_INVALID,
      "t.briatour:1:36: tour: “title” must be a string, not an array" },
    { "{\"version\": 1, \"id\": \"x\", \"title\": \"P\", \"stops\": {}}", BRI_TOUR_ERROR_INVALID,
      "t.briatour:1:50: tour: “stops” must be a list of stops, not an object" },
    { "{\"version\": 1, \"id\": \"x\", \"title\": \"P\", \"stops\": [1]}", BRI_TOUR_ERROR_INVALID,
      "t.briatour:1:51: stop 1 must be an object, not a number" },
    { "{\"version\": 1, \"id\": \"Not An Id\", \"title\": \"P\", \"stops\": []}", BRI_TOUR_ERROR_INVALID,
      "t.briatour:1:22: tour: “id” must be lower-case letters, digits and dashes, at most 64, not “Not An Id”" },
    { "{\"version\": 1, \"id\": \"x\", \"title\": \"P\", \"created\": \"yesterday\", \"stops\": []}", BRI_TOUR_ERROR_INVALID,
      "t.briatour:1:52: tour: “created” must be a date and time such as “2024-03-01T09:30:00Z”, not “yesterday”" },
    /* unknown version */
    { "{\n  \"version\": 2,\n  \"stops\": \"anything\"\n}", BRI_TOUR_ERROR_VERSION,
      "t.briatour:2:14: tour format version 2 is not supported: this BriAtlas reads version 1" },
    /* missing fields */
    { "{\"id\": \"x\"}", BRI_TOUR_ERROR_INVALID, "t.briatour:1:1: tour: “version” is missing" },
    { "{\"version\": 1, \"id\": \"x\", \"stops\": []}", BRI_TOUR_ERROR_INVALID, "t.briatour:1:1: tour: “title” is missing" },
    { "{\"version\": 1, \"id\": \"x\", \"title\": \"P\"}", BRI_TOUR_ERROR_INVALID, "t.briatour:1:1: tour: “stops” is missing" },
    { "{\"version\": 1, \"id\": \"x\", \"title\": \"P\",\n \"stops\": [{\"title\": \"a\", \"view\": \"view:1,2,3\"},\n  {\"title\": \"b\"}]}",
      BRI_TOUR_ERROR_INVALID, "t.briatour:3:3: stop 2: “view” is missing" },
    /* bad values in a stop */
    { "{\"version\": 1, \"id\": \"x\", \"title\": \"P\", \"stops\": [{\"title\": \"a\", \"view\": \"feature:gwadar-port\"}]}",
      BRI_TOUR_ERROR_INVALID, "t.briatour:1:74: stop 1: “view” must be a view, “view:LATITUDE,LONGITUDE,ZOOM”, not “feature:gwadar-port”" },
    { "{\"version\": 1, \"id\": \"x\", \"title\": \"P\", \"stops\": [{\"title\": \"a\", \"view\": \"view:91,2,3\"}]}",
      BRI_TOUR_ERROR_INVALID, "t.briatour:1:74: stop 1: “view” must be a view, “view:LATITUDE,LONGITUDE,ZOOM”: “view:91,2,3” is not a location" },
    { "{\"version\": 1, \"id\": \"x\", \"title\": \"P\", \"stops\": [{\"title\": \"a\", \"view\": \"view:1,2,3\", \"quote\": \"country:KE\"}]}",
      BRI_TOUR_ERROR_INVALID, "t.briatour:1:97: stop 1: “quote” must be a passage, “passage:DOCUMENT/NUMBER” or “passage:DOCUMENT/NUMBER@START-END”, not “country:KE”" },
    { "{\"version\": 1, \"id\": \"x\", \"title\": \"P\", \"stops\": [{\"title\": \"a\", \"view\": \"view:1,2,3\", \"subject\": \"view:1,2,3\"}]}",
      BRI_TOUR_ERROR_INVALID, "t.briatour:1:99: stop 1: “subject” must be a feature, a country or a passage" },
    { "{\"version\": 1, \"id\": \"x\", \"title\": \"P\", \"stops\": [{\"title\": \"a\", \"view\": \"view:1,2,3\", \"duration\": -3}]}",
      BRI_TOUR_ERROR_INVALID, "t.briatour:1:100: stop 1: “duration” must not be negative" },
    { "{\"version\": 1, \"id\": \"x\", \"title\": \"P\", \"stops\": [{\"title\": \"a\", \"view\": \"view:1,2,3\", \"reveal\": [\"a\", 2]}]}",
      BRI_TOUR_ERROR_INVALID, "t.briatour:1:98: stop 1: item 1 of “reveal” must be a string, not a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BriTour) tour = load (cases[i].text, -1, &error);

      /* The index only: some texts are not UTF-8, which TAP must not see. */
      g_test_message ("case %u", i);
      tour_test_assert_bad (tour, error, &cases[i]);
    }
}

/* The second stop's caption, wrong: the error says where. */
static void
test_wrong_caption_position (void)
{
  g_autofree char *text = g_strdup (valid);
  g_autoptr(GError) error = NULL;
  g_autoptr(BriTour) tour = NULL;
  char *caption = strstr (text, "\"A port.\"");

  memcpy (caption, "123456789", 9);
  tour = load (text, -1, &error);
  g_assert_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "t.briatour:13:18: stop 2: “caption” must be a string, not a number");
}

/* Every proper prefix of a valid file is an error, never a crash, and
 * the error says where the file stops. */
static void
test_every_truncation (void)
{
  gsize length = strlen (valid);

  for (gsize cut = 0; cut < length - 1; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BriTour) tour = load (valid, cut, &error);

      g_assert_null (tour);
      g_assert_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_SYNTAX);
      g_assert_true (g_regex_match_simple ("^t\\.briatour:[0-9]+:[0-9]+: ", error->message, 0, 0));
    }
}

static void
test_nesting (void)
{
  gsize n = 100000;
  g_autofree char *deep = g_malloc (n + 20);
  g_autoptr(GError) error = NULL;
  g_autoptr(BriTour) tour = NULL;

  strcpy (deep, "{\"version\": ");
  memset (deep + strlen (deep), '[', n);
  deep[12 + n] = '\0';
  tour = load (deep, -1, &error);
  g_assert_null (tour);
  g_assert_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "t.briatour:1:44: lists and objects nested more than 32 deep");

  /* A NUL byte is not text either. */
  g_clear_error (&error);
  tour = load ("{\"a\": \"\0\"}", 10, &error);
  g_assert_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "t.briatour:1:8: not UTF-8 text");
}

typedef struct
{
  const char *member;
  guint       ok;      /* the replacements that are valid */
} Member;

/* Each member of a stop and of the tour replaced by each JSON type: a
 * valid file or an error that names the member and its line, never a
 * crash or a silent default. */
static void
test_wrong_types (void)
{
  const Member stop_members[] = {
    { "title", OK (WRONG_STRING) },
    { "view", 0 },
    { "subject", OK (WRONG_NULL) },
    { "caption", OK (WRONG_STRING) | OK (WRONG_NULL) },
    { "quote", OK (WRONG_NULL) },
    { "notes", OK (WRONG_STRING) | OK (WRONG_NULL) },
    { "reveal", OK (WRONG_NULL) },
    { "duration", OK (WRONG_NUMBER) | OK (WRONG_NULL) },
  };
  const Member tour_members[] = {
    { "version", 0 },
    { "id", OK (WRONG_STRING) },
    { "title", OK (WRONG_STRING) },
    { "author", OK (WRONG_STRING) | OK (WRONG_NULL) },
    { "description", OK (WRONG_STRING) | OK (WRONG_NULL) },
    { "language", OK (WRONG_STRING) | OK (WRONG_NULL) },
    { "created", OK (WRONG_NULL) },
    { "stops", 0 },
  };

  for (guint m = 0; m < G_N_ELEMENTS (stop_members) + G_N_ELEMENTS (tour_members); m++)
    for (Wrong w = 0; w < N_WRONG; w++)
      {
        gboolean in_stop = m < G_N_ELEMENTS (stop_members);
        const Member *member = in_stop ? &stop_members[m] : &tour_members[m - G_N_ELEMENTS (stop_members)];
        g_autoptr(JsonNode) root = json_from_string (valid, NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(BriTour) tour = NULL;
        g_autofree char *text = NULL;
        g_autofree char *quoted = g_strdup_printf ("\"%s\"", member->member);
        g_autofree char *named = g_strdup_printf ("“%s”", member->member);
        g_auto(GStrv) lines = NULL;
        JsonObject *object = json_node_get_object (root);
        guint line;

        if (in_stop)
          object = json_array_get_object_element (json_object_get_array_member (object, "stops"), 1);
        json_object_set_member (object, member->member, json_from_string (wrong_json[w], NULL));
        text = json_to_string (root, TRUE);

        tour = load (text, -1, &error);
        g_test_message ("%s = %s: %s", member->member, wrong_json[w], error ? error->message : "ok");
        if (member->ok & OK (w))
          {
            g_assert_no_error (error);
            g_assert_nonnull (tour);
            continue;
          }

        g_assert_null (tour);
        g_assert_nonnull (error);
        g_assert_true (error->domain == BRI_TOUR_ERROR);
        g_assert_true (error->code == BRI_TOUR_ERROR_INVALID || error->code == BRI_TOUR_ERROR_VERSION);
        /* A list of something else than stops: the first item is wrong. */
        if (g_str_equal (member->member, "stops") && w == WRONG_ARRAY)
          {
            g_assert_nonnull (strstr (error->message, ": stop 1 must be an object, not true"));
            continue;
          }

        if (error->code == BRI_TOUR_ERROR_VERSION)
          g_assert_nonnull (strstr (error->message, "version"));
        else
          g_assert_nonnull (strstr (error->message, named));
        if (in_stop)
          g_assert_nonnull (strstr (error->message, ": stop 2: "));

        /* The line the error names holds the member. */
        g_assert_true (g_str_has_prefix (error->message, "t.briatour:"));
        line = (guint) g_ascii_strtoull (error->message + strlen ("t.briatour:"), NULL, 10);
        lines = g_strsplit (text, "\n", -1);
        g_assert_cmpuint (line, >=, 1);
        g_assert_cmpuint (line, <=, g_strv_length (lines));
        g_assert_nonnull (strstr (lines[line - 1], quoted));
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/tour-file/round-trip", test_round_trip);
  g_test_add_func ("/bri/tour-file/minimal", test_minimal);
  g_test_add_func ("/bri/tour-file/save", test_save);
  g_test_add_func ("/bri/tour-file/unreadable", test_unreadable);
  g_test_add_func ("/bri/tour-file/malformed", test_malformed);
  g_test_add_func ("/bri/tour-file/wrong-caption-position", test_wrong_caption_position);
  g_test_add_func ("/bri/tour-file/every-truncation", test_every_truncation);
  g_test_add_func ("/bri/tour-file/nesting", test_nesting);
  g_test_add_func ("/bri/tour-file/wrong-types", test_wrong_types);

  return g_test_run ();
}
