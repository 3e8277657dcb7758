/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The five built-in documents as a reader gets them: loaded from the
 * resource, cleaned, split into passages. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bri-document.h"
#include "../test-wrong-json.h"

static GPtrArray *documents;  /* loaded once: every case reads the same result */
static BriLexicon *dictionary; /* the word list alone, for the gap check */

static BriDocument *
find_document (const char *id)
{
  for (guint i = 0; i < documents->len; i++)
    {
      BriDocument *document = g_ptr_array_index (documents, i);

      if (g_str_equal (bri_document_get_id (document), id))
        return document;
    }

  g_assert_not_reached ();
}

/* The first passage whose text contains @needle, or NULL. */
static BriPassage *
find_passage (BriDocument *document,
              const char  *needle)
{
  for (guint i = 0; i < bri_document_get_n_passages (document); i++)
    {
      BriPassage *passage = bri_document_get_passage (document, i);

      if (strstr (bri_passage_get_text (passage), needle) != NULL)
        return passage;
    }

  return NULL;
}

static gboolean
document_contains (BriDocument *document,
                   const char  *needle)
{
  return find_passage (document, needle) != NULL;
}

/* Asserts that the passage reading @needle sits directly under @section. */
static void
assert_section (BriDocument *document,
                const char  *needle,
                const char  *section)
{
  BriPassage *passage = find_passage (document, needle);
  const char * const *path;
  guint n;

  if (passage == NULL)
    g_error ("no passage reads “%s”", needle);

  path = bri_passage_get_heading_path (passage);
  n = g_strv_length ((char **) path);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpstr (path[n - 1], ==, section);
}

static guint
count_kind (BriDocument    *document,
            BriPassageKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < bri_document_get_n_passages (document); i++)
    if (bri_passage_get_kind (bri_document_get_passage (document, i)) == kind)
      n++;

  return n;
}

static void
test_catalogue (void)
{
  const char *ids[] = { "forum-2017", "white-paper-2023", "progress-2019", "qiushi-2024", "big-data-2017" };
  const int years[] = { 2017, 2023, 2019, 2024, 2017 };

  g_assert_cmpuint (documents->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < documents->len; i++)
    {
      BriDocument *document = g_ptr_array_index (documents, i);

      g_assert_cmpstr (bri_document_get_id (document), ==, ids[i]);
      g_assert_cmpint (bri_document_get_year (document), ==, years[i]);
      g_assert_nonnull (bri_document_get_title (document));
      g_assert_nonnull (bri_document_get_publisher (document));
      g_assert_nonnull (bri_document_get_kind (document));
      g_assert_true (g_str_has_suffix (bri_document_get_source_file (document), ".txt"));
      g_assert_cmpuint (bri_document_get_n_passages (document), >, 5);
    }

  g_assert_cmpstr (bri_document_get_author (find_document ("qiushi-2024")), ==, "Zheng Shanjie");
  g_assert_null (bri_document_get_author (find_document ("white-paper-2023")));
  g_assert_cmpstr (bri_document_get_title (find_document ("white-paper-2023")), ==,
                   "The Belt and Road Initiative: A Key Pillar of the Global Community of Shared Future");
}

static void
test_invariants (void)
{
  for (guint d = 0; d < documents->len; d++)
    {
      BriDocument *document = g_ptr_array_index (documents, d);
      GListModel *model = bri_document_get_passages (document);

      g_assert_true (g_list_model_get_item_type (model) == BRI_TYPE_PASSAGE);
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, bri_document_get_n_passages (document));
      g_assert_null (bri_document_get_passage (document, bri_document_get_n_passages (document)));

      for (guint i = 0; i < bri_document_get_n_passages (document); i++)
        {
          BriPassage *passage = bri_document_get_passage (document, i);
          const char *text = bri_passage_get_text (passage);
          const char * const *path = bri_passage_get_heading_path (passage);
          g_autofree char *joined = g_strjoinv (" › ", (char **) path);

          g_assert_cmpuint (bri_passage_get_ordinal (passage), ==, i);
          g_assert_true (bri_passage_get_document (passage) == document);
          g_assert_cmpstr (bri_passage_get_document_id (passage), ==, bri_document_get_id (document));
          g_assert_cmpstr (bri_passage_get_heading (passage), ==, joined);
          g_assert_nonnull (bri_passage_get_mentions (passage));
          g_assert_nonnull (bri_passage_kind_to_string (bri_passage_get_kind (passage)));

          g_assert_cmpuint (strlen (text), >, 0);
          g_assert_true (g_utf8_validate (text, -1, NULL));
          g_assert_null (strstr (text, "  "));
          g_assert_false (g_ascii_isspace (text[0]));
          g_assert_false (g_ascii_isspace (text[strlen (text) - 1]));
          g_assert_null (strchr (text, '\n'));
          g_assert_null (strstr (text, "\u00a0"));

          /* A heading is never the last word of its own section. */
          if (bri_passage_get_kind (passage) == BRI_PASSAGE_HEADING)
            {
              BriPassage *next = bri_document_get_passage (document, i + 1);
              g_autofree char *own = *joined != '\0' ? g_strconcat (joined, " › ", text, NULL) : g_strdup (text);

              g_assert_nonnull (next);
              g_assert_true (g_str_has_prefix (bri_passage_get_heading (next), own));
            }
        }
    }
}

/* A word split after a ligature ("offi cials", "object ives") shows as two
 * neighbours that make a dictionary word while one of them is no word. */
static void
test_no_ligature_gaps (void)
{
  static const char * const ligatures[] = { "ffi", "ffl", "ff", "fi", "fl", "ct" };
  guint pairs_checked = 0;

  for (guint d = 0; d < documents->len; d++)
    {
      BriDocument *document = g_ptr_array_index (documents, d);

      for (guint i = 0; i < bri_document_get_n_passages (document); i++)
        {
          const char *text = bri_passage_get_text (bri_document_get_passage (document, i));
          g_auto(GStrv) words = g_regex_split_simple ("[^\\p{L}]+", text, 0, 0);

          for (guint w = 0; words[w] != NULL && words[w + 1] != NULL; w++)
            {
              const char *x = words[w];
              const char *y = words[w + 1];
              g_autofree char *pair = NULL;
              g_autofree char *joined = NULL;
              gboolean suspect = FALSE;

              if (*x == '\0' || *y == '\0')
                continue;

              /* Only neighbours with exactly one space between them. */
              pair = g_strconcat (x, " ", y, NULL);
              if (strstr (text, pair) == NULL)
                continue;

              for (guint l = 0; l < G_N_ELEMENTS (ligatures); l++)
                if (g_str_has_suffix (x, ligatures[l]))
                  suspect = TRUE;
              if (!suspect)
                continue;

              pairs_checked++;
              joined = g_strconcat (x, y, NULL);
              if (bri_lexicon_contains (dictionary, joined) &&
                  (!bri_lexicon_contains_as_written (dictionary, x) ||
                   !bri_lexicon_contains_as_written (dictionary, y)))
                g_error ("%s passage %u: ligature gap left open: \"%s\"",
                         bri_document_get_id (document), i, pair);
            }
        }
    }

  /* The check looked at something. */
  g_assert_cmpuint (pairs_checked, >, 50);
}

static void
test_forum (void)
{
  BriDocument *forum = find_document ("forum-2017");
  BriPassage *quote;
  BriPassage *caption;
  guint backgrounds = 0;

  g_assert_true (document_contains (forum, "officials"));
  g_assert_true (document_contains (forum, "financial integration"));
  g_assert_true (document_contains (forum, "mutual benefit."));
  g_assert_true (document_contains (forum, "direct flights to 43 countries"));
  g_assert_true (document_contains (forum, "for win-win development"));
  g_assert_false (document_contains (forum, "fi nancial"));
  g_assert_false (document_contains (forum, "offi cials"));
  g_assert_false (document_contains (forum, "C h i n a"));
  g_assert_false (document_contains (forum, "c o n s t r u c t i o n"));

  /* The pull quote is one clean paragraph of its own. */
  quote = find_passage (forum, "China has similar ideas and objectives of development");
  g_assert_nonnull (quote);
  g_assert_true (g_str_has_prefix (bri_passage_get_text (quote), "China has similar ideas"));
  g_assert_true (g_str_has_suffix (bri_passage_get_text (quote), "to fuel the domestic economy."));
  g_assert_cmpint (bri_passage_get_kind (quote), ==, BRI_PASSAGE_PARAGRAPH);
  g_assert_true (document_contains (forum, "Infrastructure construction and connectivity are priorities"));
  g_assert_true (document_contains (forum, "The building of economic & trade zones"));

  caption = find_passage (forum, "President Xi Jinping and participants of the Belt and Road Forum");
  g_assert_nonnull (caption);
  g_assert_cmpint (bri_passage_get_kind (caption), ==, BRI_PASSAGE_CAPTION);
  caption = find_passage (forum, "Yanqi Lake International Convention Center");
  g_assert_nonnull (caption);
  g_assert_cmpint (bri_passage_get_kind (caption), ==, BRI_PASSAGE_CAPTION);

  /* Running headers repeat on every page; the section starts once. */
  for (guint i = 0; i < bri_document_get_n_passages (forum); i++)
    if (g_str_equal (bri_passage_get_text (bri_document_get_passage (forum, i)),
                     "Background of the Belt and Road Initiative"))
      backgrounds++;
  g_assert_cmpuint (backgrounds, ==, 1);
  g_assert_cmpstr (bri_passage_get_heading (find_passage (forum, "Fourth, financial integration.")), ==,
                   "Background of the Belt and Road Initiative");
  g_assert_cmpstr (bri_passage_get_heading (find_passage (forum, "Silk Road Book Translation Project")), ==,
                   "Important Achievements Made");

  /* The title the catalogue already gives is not a passage. */
  g_assert_false (document_contains (forum, "Cooperation Held"));
}

static void
test_white_paper (void)
{
  BriDocument *paper = find_document ("white-paper-2023");
  const char *panel = "Panel 1 Mombasa-Nairobi Railway promotes Kenya’s economic and social development";
  const char *chapter = "III. Promoting All-Round Connectivity in Multiple Fields";
  const char *panel2;
  const char *panel5;
  BriPassage *heading = find_passage (paper, panel);
  BriPassage *corridor;
  g_autofree char *panel_path = NULL;
  guint i;
  guint preambles = 0;
  guint n_panels = 0;

  g_assert_false (document_contains (paper, "Skip to main content"));
  g_assert_false (document_contains (paper, "Content Start"));
  g_assert_false (document_contains (paper, "Last revision date"));
  g_assert_cmpstr (bri_document_get_metadata (paper, "last revision date"), ==, "29 December 2023");

  g_assert_nonnull (heading);
  g_assert_cmpint (bri_passage_get_kind (heading), ==, BRI_PASSAGE_HEADING);
  g_assert_cmpstr (bri_passage_get_heading (heading), ==,
                   "III. Promoting All-Round Connectivity in Multiple Fields › 2. Growing connectivity of infrastructure");

  /* The panel is one section under its heading: its own paragraphs carry
   * its title, and the main text after it goes back to the section around
   * it, so the Port of Piraeus is not filed under the Kenyan railway. */
  panel_path = g_strconcat (bri_passage_get_heading (heading), " › ", panel, NULL);
  for (i = bri_passage_get_ordinal (heading) + 1; i <= bri_passage_get_ordinal (heading) + 3; i++)
    {
      BriPassage *passage = bri_document_get_passage (paper, i);

      g_assert_cmpint (bri_passage_get_kind (passage), ==, BRI_PASSAGE_PARAGRAPH);
      g_assert_cmpstr (bri_passage_get_heading (passage), ==, panel_path);
      g_assert_cmpstr (bri_passage_get_heading_path (passage)[2], ==, panel);
    }
  g_assert_true (g_str_has_prefix (bri_passage_get_text (bri_document_get_passage (paper, bri_passage_get_ordinal (heading) + 1)),
                                   "The Mombasa-Nairobi Standard Gauge Railway"));
  assert_section (paper, "every year a number of young Kenyans", panel);
  assert_section (paper, "The annual cargo throughput of the Port of Piraeus", "2. Growing connectivity of infrastructure");
  assert_section (paper, "Maritime connectivity is steadily improving", "2. Growing connectivity of infrastructure");
  g_assert_cmpstr (bri_passage_get_heading (find_passage (paper, "Port of Piraeus")), ==,
                   "III. Promoting All-Round Connectivity in Multiple Fields › 2. Growing connectivity of infrastructure");
  g_assert_null (strstr (bri_passage_get_heading (find_passage (paper, "Port of Piraeus")), "Panel 1"));

  /* Every panel: its text, then the main text again. */
  panel2 = "Panel 2 Silk Road E-commerce expands new channels for economic and trade cooperation";
  panel5 = "Panel 5 China-Laos Railway turns land-locked Laos into a land-linked country";
  assert_section (paper, "The innovative Cloud Classroom program", panel2);
  assert_section (paper, "Through consistently enriching the content", panel2);
  assert_section (paper, "Belt and Road Initiative Space Information Corridor", "6. Steady progress in new areas");
  assert_section (paper, "Juncao technology was first launched", "Panel 3 Juncao poverty alleviation wins worldwide acclaim");
  assert_section (paper, "Delivering notable results in projects", "1. Bringing tangible benefits to participating countries");
  assert_section (paper, "62 demonstration sites had been built",
                  "Panel 4 The Sweet Spring Project improves people’s wellbeing in the Lancang-Mekong Region");
  assert_section (paper, "The Silk Road Community Building Initiative has promoted", "1. Bringing tangible benefits to participating countries");
  assert_section (paper, "The China-Laos Railway is an electrified railway", panel5);
  assert_section (paper, "the China-Laos Railway has helped Laos", panel5);
  assert_section (paper, "The China-Laos Railway is a project that wins the heart", panel5);
  assert_section (paper, "the China-Laos Railway could raise Laos", panel5);
  assert_section (paper, "As a key output of BRI cooperation, the China-Europe Railway Express", "2. Adding vitality to economic globalization");
  assert_section (paper, "Lu Ban was an ancient Chinese woodcraft master", "Panel 6 Luban Workshops");
  assert_section (paper, "Though small in scale, the workshops", "Panel 6 Luban Workshops");
  assert_section (paper, "The Chinese Youth Global Partnership", "4. Garnering strength for the progress of human civilization");

  /* A box is one run of passages: once it has ended, nothing before the
   * next heading is in it again. */
  for (i = 0; i < bri_document_get_n_passages (paper); i++)
    {
      BriPassage *box = bri_document_get_passage (paper, i);
      guint j = i + 1;
      guint inside = 0;

      if (bri_passage_get_kind (box) != BRI_PASSAGE_HEADING ||
          !g_str_has_prefix (bri_passage_get_text (box), "Panel "))
        continue;

      for (; j < bri_document_get_n_passages (paper); j++)
        {
          BriPassage *passage = bri_document_get_passage (paper, j);
          const char * const *path = bri_passage_get_heading_path (passage);
          guint n = g_strv_length ((char **) path);

          if (bri_passage_get_kind (passage) == BRI_PASSAGE_HEADING)
            break;
          if (n > 0 && g_str_equal (path[n - 1], bri_passage_get_text (box)))
            {
              g_assert_cmpuint (inside, ==, j - i - 1);
              inside++;
            }
          else
            g_assert_cmpstr (bri_passage_get_heading (passage), ==, bri_passage_get_heading (box));
        }
      g_assert_cmpuint (inside, >=, 1);
      n_panels++;
    }
  g_assert_cmpuint (n_panels, ==, 6);

  corridor = find_passage (paper, "Major projects along the China-Pakistan Economic Corridor are under way");
  g_assert_nonnull (corridor);
  g_assert_cmpstr (bri_passage_get_heading_path (corridor)[0], ==, chapter);
  g_assert_cmpstr (bri_passage_get_heading_path (corridor)[1], ==, "2. Growing connectivity of infrastructure");
  g_assert_null (bri_passage_get_heading_path (corridor)[2]);
  g_assert_cmpstr (bri_passage_get_heading (find_passage (paper, "Policy coordination underpins BRI cooperation")), ==,
                   "III. Promoting All-Round Connectivity in Multiple Fields › 1. Extensive and in-depth policy coordination");

  /* The table of contents makes no empty sections. */
  for (i = 0; i < bri_document_get_n_passages (paper); i++)
    if (g_str_equal (bri_passage_get_text (bri_document_get_passage (paper, i)), "Preamble"))
      preambles++;
  g_assert_cmpuint (preambles, ==, 1);
  g_assert_false (document_contains (paper, "Contents"));
  g_assert_cmpstr (bri_passage_get_text (bri_document_get_passage (paper, 0)), ==, "Preamble");
  g_assert_cmpstr (bri_passage_get_heading (find_passage (paper, "China stands ready to work with other countries")), ==,
                   "Conclusion");
}

static void
test_progress (void)
{
  BriDocument *progress = find_document ("progress-2019");
  BriPassage *lead = find_passage (progress, "2) Steady progress in international cooperation");
  BriPassage *item = find_passage (progress, "Shanghai Cooperation Organization,");
  BriPassage *last = bri_document_get_passage (progress, bri_document_get_n_passages (progress) - 1);

  g_assert_false (document_contains (progress, "Hits:"));
  g_assert_false (document_contains (progress, "1 2 3"));
  g_assert_false (document_contains (progress, "·"));
  g_assert_cmpstr (bri_document_get_metadata (progress, "hits"), ==, "10349");

  /* A numbered paragraph with a lead sentence stays a paragraph. */
  g_assert_nonnull (lead);
  g_assert_cmpint (bri_passage_get_kind (lead), ==, BRI_PASSAGE_PARAGRAPH);

  g_assert_nonnull (item);
  g_assert_cmpint (bri_passage_get_kind (item), ==, BRI_PASSAGE_LIST_ITEM);
  g_assert_cmpstr (bri_passage_get_text (item), ==, "Shanghai Cooperation Organization,");
  g_assert_cmpuint (count_kind (progress, BRI_PASSAGE_LIST_ITEM), >=, 17);
  g_assert_cmpstr (bri_passage_get_text (last), ==, "Boao Forum for Asia.");
  g_assert_cmpstr (bri_passage_get_heading (item), ==,
                   "II. Contributions › 1. Extensive consultation: from a Chinese proposal to a global consensus");
}

static void
test_qiushi (void)
{
  BriDocument *qiushi = find_document ("qiushi-2024");
  BriPassage *caption = find_passage (qiushi, "A train on the Lagos Rail Mass Transit");

  g_assert_false (document_contains (qiushi, "Nav Search"));
  g_assert_false (document_contains (qiushi, "By Zheng Shanjie"));
  g_assert_nonnull (caption);
  g_assert_cmpint (bri_passage_get_kind (caption), ==, BRI_PASSAGE_CAPTION);
  g_assert_cmpuint (count_kind (qiushi, BRI_PASSAGE_CAPTION), ==, 3);
  g_assert_cmpstr (bri_passage_get_heading (find_passage (qiushi, "Infrastructure connectivity is a priority area")), ==,
                   "I. Fruitful results from ten years of Belt and Road cooperation › Enhanced infrastructure connectivity");
}

static void
test_big_data (void)
{
  BriDocument *numbers = find_document ("big-data-2017");
  BriPassage *caption = find_passage (numbers, "[Source: Xinhua]");

  g_assert_false (document_contains (numbers, "Editor:"));
  g_assert_false (document_contains (numbers, "liuyue"));
  g_assert_true (document_contains (numbers, "step-by-step"));
  g_assert_nonnull (caption);
  g_assert_cmpint (bri_passage_get_kind (caption), ==, BRI_PASSAGE_CAPTION);
}

/* ------------------------------------------------------------------------ */
/* The loader's errors, on a scratch directory */

static void
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

static GPtrArray *
load_scratch (const char  *catalogue,
              GPtrArray  **problems,
              GError     **error)
{
  g_autofree char *dir = g_dir_make_tmp ("bri-documents-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  GPtrArray *result;

  g_assert_nonnull (dir);
  write_file (dir, "documents.json", catalogue, -1);
  write_file (dir, "good.txt", "A Title\n\nA paragraph about Gwadar.\n", -1);
  write_file (dir, "bad.txt", "Fine text, then \xff\xfe bytes.", -1);

  result = bri_document_load_all (file, dictionary, problems, error);

  for (guint i = 0; i < 3; i++)
    {
      const char *names[] = { "documents.json", "good.txt", "bad.txt" };
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (dir);

  return result;
}

static void
test_errors (void)
{
  /* documents.json itself unreadable: nothing loads. */
  struct {
    const char *catalogue;
    int         code;
    const char *message;
  } fatal[] = {
    { "[\n  {\"id\": \"a\",\n  }\n]", BRI_DOCUMENT_ERROR_SYNTAX,
      "documents.json: JSON syntax error at line 2, column 13" },
    { "{\"id\": \"a\"}", BRI_DOCUMENT_ERROR_INVALID, "documents.json: expected an array of documents" },
    { "[{\"id\": \"caf\xe9\"}]", BRI_DOCUMENT_ERROR_ENCODING,
      "documents.json: not UTF-8 text (invalid byte 0xE9 at byte 12); save it as UTF-8" },
  };
  /* One bad document: it is a problem, and the others load. */
  struct {
    const char *catalogue;
    guint       n_loaded;
    int         code;
    const char *message;
  } problems[] = {
    { "[{\"id\": \"a\", \"title\": \"A\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"good.txt\"},"
      " {\"id\": \"b\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"good.txt\"}]",
      1, BRI_DOCUMENT_ERROR_INVALID, "documents.json: entry 1 (“b”): “title” is missing" },
    { "[{\"id\": \"a\", \"title\": 3, \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"good.txt\"}]",
      0, BRI_DOCUMENT_ERROR_INVALID, "documents.json: entry 0 (“a”): “title” must be a string, not a number" },
    { "[{\"id\": \"a\", \"title\": \"A\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"missing.txt\"}]",
      0, BRI_DOCUMENT_ERROR_UNKNOWN_SOURCE, "documents.json: unknown source file \"missing.txt\" in entry 0" },
    { "[{\"id\": \"a\", \"title\": \"A\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"../good.txt\"}]",
      0, BRI_DOCUMENT_ERROR_UNKNOWN_SOURCE, "documents.json: unknown source file \"../good.txt\" in entry 0" },
    { "[{\"id\": \"a\", \"title\": \"A\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"bad.txt\"}]",
      0, BRI_DOCUMENT_ERROR_ENCODING, "bad.txt: not UTF-8 text (invalid byte 0xFF at byte 16); save it as UTF-8" },
    { "[{\"id\": \"a\", \"title\": \"A\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"good.txt\"},"
      " {\"id\": \"a\", \"title\": \"B\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"good.txt\"}]",
      1, BRI_DOCUMENT_ERROR_INVALID, "documents.json: entry 1 repeats the id \"a\"" },
    { "[3, {\"id\": \"a\", \"title\": \"A Title\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"good.txt\"}]",
      1, BRI_DOCUMENT_ERROR_INVALID, "documents.json: entry 0: a document must be an object, not a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fatal); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GPtrArray) result = load_scratch (fatal[i].catalogue, &found, &error);

      g_assert_null (result);
      g_assert_null (found);
      g_assert_error (error, BRI_DOCUMENT_ERROR, fatal[i].code);
      if (!g_str_has_prefix (error->message, fatal[i].message))
        g_error ("case %u: expected \"%s…\", got \"%s\"", i, fatal[i].message, error->message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (problems); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GPtrArray) result = load_scratch (problems[i].catalogue, &found, &error);
      GError *problem;

      g_assert_no_error (error);
      g_assert_cmpuint (result->len, ==, problems[i].n_loaded);
      g_assert_cmpuint (found->len, ==, 1);
      problem = g_ptr_array_index (found, 0);
      g_assert_error (problem, BRI_DOCUMENT_ERROR, problems[i].code);
      if (!g_str_has_prefix (problem->message, problems[i].message))
        g_error ("case %u: expected \"%s…\", got \"%s\"", i, problems[i].message, problem->message);
    }

  /* And a good one, with the optional author. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) found = NULL;
    g_autoptr(GPtrArray) result =
      load_scratch ("[{\"id\": \"a\", \"title\": \"A Title\", \"publisher\": \"P\", \"author\": \"Au Thor\","
                    " \"date\": \"2020-05\", \"kind\": \"k\", \"source_file\": \"good.txt\"}]", &found, &error);
    BriDocument *document;

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 0);
    g_assert_cmpuint (result->len, ==, 1);
    document = g_ptr_array_index (result, 0);
    g_assert_cmpstr (bri_document_get_author (document), ==, "Au Thor");
    g_assert_cmpint (bri_document_get_year (document), ==, 2020);
    g_assert_cmpuint (bri_document_get_n_passages (document), ==, 1);
    g_assert_cmpstr (bri_passage_get_text (bri_document_get_passage (document, 0)), ==, "A paragraph about Gwadar.");
  }
}

static const GError *
problem_at (GPtrArray *problems,
            guint      i)
{
  g_assert_cmpuint (i, <, problems->len);
  return g_ptr_array_index (problems, i);
}

/* Texts in other encodings: what a byte-order mark announces is
 * converted, anything else that is not UTF-8 is a problem naming the file
 * and the byte; the documents that can be read still load. */
static void
test_encodings (void)
{
  static const char catalogue[] =
    "[{\"id\": \"plain\", \"title\": \"Plain\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"plain.txt\"},\n"
    " {\"id\": \"bom8\", \"title\": \"Marked\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"bom8.txt\"},\n"
    " {\"id\": \"utf16\", \"title\": \"Wide\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"utf16le.txt\"},\n"
    " {\"id\": \"latin1\", \"title\": \"Latin\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"latin1.txt\"},\n"
    " {\"id\": \"gone\", \"title\": \"Gone\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"missing.txt\"},\n"
    " {\"id\": \"utf32\", \"title\": \"Wider\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"utf32be.txt\"}]";
  static const char * const names[] = {
    "documents.json", "plain.txt", "bom8.txt", "utf16le.txt", "latin1.txt", "utf32be.txt"
  };
  g_autofree char *dir = g_dir_make_tmp ("bri-documents-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *utf16 = NULL;
  g_autofree char *utf32 = NULL;
  g_autofree char *bom16 = NULL;
  g_autofree char *bom32 = NULL;
  gsize len16 = 0, len32 = 0;
  const char *expected[][2] = {
    { "plain", "The café at the port of Gwadar." },
    { "bom8", "The café at the port of Gwadar." },
    { "utf16", "The café at the port of Gwadar, in UTF-16." },
    { "utf32", "The café at the port of Gwadar, in UTF-32." },
  };

  g_assert_nonnull (dir);
  utf16 = g_convert ("Wide\n\nThe café at the port of Gwadar, in UTF-16.\n", -1, "UTF-16LE", "UTF-8", NULL, &len16, &error);
  g_assert_no_error (error);
  bom16 = g_malloc (len16 + 2);
  memcpy (bom16, "\xff\xfe", 2);
  memcpy (bom16 + 2, utf16, len16);
  utf32 = g_convert ("Wider\n\nThe café at the port of Gwadar, in UTF-32.\n", -1, "UTF-32BE", "UTF-8", NULL, &len32, &error);
  g_assert_no_error (error);
  bom32 = g_malloc (len32 + 4);
  memcpy (bom32, "\x00\x00\xfe\xff", 4);
  memcpy (bom32 + 4, utf32, len32);

  write_file (dir, "documents.json", catalogue, -1);
  write_file (dir, "plain.txt", "Plain\n\nThe café at the port of Gwadar.\n", -1);
  write_file (dir, "bom8.txt", "\xef\xbb\xbfMarked\n\nThe café at the port of Gwadar.\n", -1);
  write_file (dir, "utf16le.txt", bom16, len16 + 2);
  write_file (dir, "latin1.txt", "Latin\n\nThe caf\xe9 at the port of Gwadar.\n", -1);
  write_file (dir, "utf32be.txt", bom32, len32 + 4);

  documents = bri_document_load_all (file, dictionary, &problems, &error);
  g_assert_no_error (error);

  /* The readable ones, in catalogue order, with their text intact: no
   * byte-order mark left at the start, the é where it was. */
  g_assert_cmpuint (documents->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < documents->len; i++)
    {
      BriDocument *document = g_ptr_array_index (documents, i);

      g_assert_cmpstr (bri_document_get_id (document), ==, expected[i][0]);
      g_assert_cmpuint (bri_document_get_n_passages (document), ==, 1);
      g_assert_cmpstr (bri_passage_get_text (bri_document_get_passage (document, 0)), ==, expected[i][1]);
    }

  /* The others, each naming its file; the Latin-1 one the byte too. */
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_error (problem_at (problems, 0), BRI_DOCUMENT_ERROR, BRI_DOCUMENT_ERROR_ENCODING);
  g_assert_cmpstr (problem_at (problems, 0)->message, ==,
                   "latin1.txt: not UTF-8 text (invalid byte 0xE9 at byte 14); save it as UTF-8");
  g_assert_error (problem_at (problems, 1), BRI_DOCUMENT_ERROR, BRI_DOCUMENT_ERROR_UNKNOWN_SOURCE);
  g_assert_cmpstr (problem_at (problems, 1)->message, ==,
                   "documents.json: unknown source file \"missing.txt\" in entry 4 (\"gone\")");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* A byte-order mark that lies, and NUL bytes: problems, not garbled text. */
static void
test_bad_encodings (void)
{
  static const char catalogue[] =
    "[{\"id\": \"a\", \"title\": \"A\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"odd16.txt\"},\n"
    " {\"id\": \"b\", \"title\": \"B\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"nul8.txt\"},\n"
    " {\"id\": \"c\", \"title\": \"C\", \"publisher\": \"P\", \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"nul16.txt\"}]";
  static const char * const names[] = { "documents.json", "odd16.txt", "nul8.txt", "nul16.txt" };
  g_autofree char *dir = g_dir_make_tmp ("bri-documents-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const char *messages[] = {
    "odd16.txt: not UTF-16BE text as its byte-order mark says (invalid sequence at byte 6)",
    "nul8.txt: not UTF-8 text (NUL byte at byte 3); save it as UTF-8",
    "nul16.txt: the UTF-16LE text has a NUL character in it",
  };

  g_assert_nonnull (dir);
  write_file (dir, "documents.json", catalogue, -1);
  /* "AB" then a lone high surrogate, then "C". */
  write_file (dir, "odd16.txt", "\xfe\xff\x00\x41\x00\x42\xd8\x00\x00\x43", 10);
  write_file (dir, "nul8.txt", "abc\0def", 7);
  write_file (dir, "nul16.txt", "\xff\xfe\x41\x00\x00\x00\x42\x00", 8);

  documents = bri_document_load_all (file, dictionary, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (messages));
  for (guint i = 0; i < problems->len; i++)
    {
      g_assert_error (problem_at (problems, i), BRI_DOCUMENT_ERROR, BRI_DOCUMENT_ERROR_ENCODING);
      g_assert_cmpstr (problem_at (problems, i)->message, ==, messages[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* Each member of a catalogue entry, with a value of every JSON type: a
 * wrong type is an error naming the entry and the member. */
static void
test_field_types (void)
{
  static const char entry[] =
    "{\"id\": \"a\", \"title\": \"A\", \"publisher\": \"P\", \"author\": \"Au Thor\","
    " \"date\": \"2020\", \"kind\": \"k\", \"source_file\": \"good.txt\"}";
  static const struct {
    const char *field;
    guint       valid;
  } fields[] = {
    { "id",          OK (WRONG_STRING) },
    { "title",       OK (WRONG_STRING) },
    { "publisher",   OK (WRONG_STRING) },
    { "author",      OK (WRONG_STRING) | OK (WRONG_NULL) },
    { "date",        OK (WRONG_STRING) },
    { "kind",        OK (WRONG_STRING) },
    { "source_file", 0 },
  };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    for (Wrong w = 0; w < N_WRONG; w++)
      {
        g_autofree char *changed = json_with_member (entry, fields[f].field, wrong_json[w]);
        g_autofree char *catalogue = g_strdup_printf ("[%s]", changed);
        g_autofree char *quoted = g_strdup_printf ("“%s”", fields[f].field);
        g_autoptr(GPtrArray) result = NULL;
        g_autoptr(GPtrArray) found = NULL;
        g_autoptr(GError) error = NULL;
        GError *problem;

        /* A file name that is not there is a missing document, not a
         * wrong type: test_errors has it. */
        if (g_str_equal (fields[f].field, "source_file") && w == WRONG_STRING)
          continue;

        g_test_message ("%s = %s", fields[f].field, wrong_json[w]);
        result = load_scratch (catalogue, &found, &error);
        g_assert_no_error (error);

        if (fields[f].valid & OK (w))
          {
            g_assert_cmpuint (found->len, ==, 0);
            g_assert_cmpuint (result->len, ==, 1);
            continue;
          }

        /* The entry is left out, with the reason. */
        g_assert_cmpuint (result->len, ==, 0);
        g_assert_cmpuint (found->len, ==, 1);
        problem = g_ptr_array_index (found, 0);
        g_assert_error (problem, BRI_DOCUMENT_ERROR, BRI_DOCUMENT_ERROR_INVALID);
        if (!g_str_has_prefix (problem->message, "documents.json: entry 0") ||
            strstr (problem->message, quoted) == NULL)
          g_error ("%s = %s: the error does not name the entry and the field: %s",
                   fields[f].field, wrong_json[w], problem->message);
      }
}

/* The source tree's copy reads the same as the resource. */
static void
test_real_directory (void)
{
  const char *data_dir = g_getenv ("BRI_ATLAS_SOURCE_DATA_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BriLexicon) lexicon = NULL;
  g_autoptr(GPtrArray) copy = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (data_dir == NULL)
    {
      g_test_skip ("BRI_ATLAS_SOURCE_DATA_DIR is not set");
      return;
    }

  path = g_build_filename (data_dir, "documents", NULL);
  dir = g_file_new_for_path (path);
  lexicon = bri_lexicon_new_default (&error);
  g_assert_no_error (error);
  copy = bri_document_load_all (dir, lexicon, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_cmpuint (copy->len, ==, documents->len);
  for (guint d = 0; d < copy->len; d++)
    {
      BriDocument *a = g_ptr_array_index (copy, d);
      BriDocument *b = g_ptr_array_index (documents, d);

      g_assert_cmpuint (bri_document_get_n_passages (a), ==, bri_document_get_n_passages (b));
      for (guint i = 0; i < bri_document_get_n_passages (a); i++)
        g_assert_cmpstr (bri_passage_get_text (bri_document_get_passage (a, i)), ==,
                         bri_passage_get_text (bri_document_get_passage (b, i)));
    }
}

static void
test_new_from_text (void)
{
  g_autoptr(BriDocument) document = NULL;
  guint words = bri_lexicon_get_n_words (dictionary);
  BriPassage *passage;

  document = bri_document_new_from_text ("import-1", "Ports of the South", "A Press", NULL, "2021-03-04", "article",
                                         "import.txt",
                                         "Ports of the South\n"
                                         "By Ann Lee Source: A Press Updated: 2021-03-04\n"
                                         "\n"
                                         "The port at Kyaukphyu handles fi nancial flows and offi cials visit it.\n"
                                         "\n"
                                         "Kyaukphyu has grown. Bad byte: \xff.\n",
                                         dictionary);

  g_assert_cmpstr (bri_document_get_id (document), ==, "import-1");
  g_assert_cmpint (bri_document_get_year (document), ==, 2021);
  g_assert_cmpstr (bri_document_get_author (document), ==, "Ann Lee");
  g_assert_cmpuint (bri_document_get_n_passages (document), ==, 2);
  passage = bri_document_get_passage (document, 0);
  g_assert_cmpstr (bri_passage_get_text (passage), ==,
                   "The port at Kyaukphyu handles financial flows and officials visit it.");
  g_assert_true (g_utf8_validate (bri_passage_get_text (bri_document_get_passage (document, 1)), -1, NULL));

  /* The shared lexicon did not learn the import's words. */
  g_assert_cmpuint (bri_lexicon_get_n_words (dictionary), ==, words);
  g_assert_false (bri_lexicon_contains (dictionary, "Kyaukphyu"));
}

static void
test_passage_outlives_document (void)
{
  BriDocument *document = bri_document_new_from_text ("short", "Short", NULL, NULL, NULL, NULL, NULL,
                                                       "One paragraph.\n", NULL);
  g_autoptr(BriPassage) passage = g_object_ref (bri_document_get_passage (document, 0));
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *heading = NULL;
  BriPassageKind kind;

  g_assert_true (bri_passage_get_document (passage) == document);
  g_assert_cmpint (bri_document_get_year (document), ==, 0);
  g_object_unref (document);
  g_assert_null (bri_passage_get_document (passage));
  g_assert_cmpstr (bri_passage_get_text (passage), ==, "One paragraph.");

  g_ptr_array_add (mentions, g_object_new (G_TYPE_OBJECT, NULL));
  bri_passage_set_mentions (passage, mentions);
  g_assert_true (bri_passage_get_mentions (passage) == mentions);

  g_object_get (passage, "heading", &heading, "kind", &kind, NULL);
  g_assert_cmpstr (heading, ==, "");
  g_assert_cmpint (kind, ==, BRI_PASSAGE_PARAGRAPH);
  g_assert_cmpstr (bri_passage_kind_to_string (BRI_PASSAGE_LIST_ITEM), ==, "list-item");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(BriLexicon) lexicon = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dictionary = bri_lexicon_new_default (&error);
  g_assert_no_error (error);
  lexicon = bri_lexicon_new_default (&error);
  g_assert_no_error (error);
  dir = g_file_new_for_uri (BRI_DOCUMENTS_RESOURCE_URI);
  documents = bri_document_load_all (dir, lexicon, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_test_add_func ("/bri/documents/catalogue", test_catalogue);
  g_test_add_func ("/bri/documents/invariants", test_invariants);
  g_test_add_func ("/bri/documents/no-ligature-gaps", test_no_ligature_gaps);
  g_test_add_func ("/bri/documents/forum-2017", test_forum);
  g_test_add_func ("/bri/documents/white-paper-2023", test_white_paper);
  g_test_add_func ("/bri/documents/progress-2019", test_progress);
  g_test_add_func ("/bri/documents/qiushi-2024", test_qiushi);
  g_test_add_func ("/bri/documents/big-data-2017", test_big_data);
  g_test_add_func ("/bri/documents/errors", test_errors);
  g_test_add_func ("/bri/documents/field-types", test_field_types);
  g_test_add_func ("/bri/documents/encodings", test_encodings);
  g_test_add_func ("/bri/documents/bad-encodings", test_bad_encodings);
  g_test_add_func ("/bri/documents/real-directory", test_real_directory);
  g_test_add_func ("/bri/documents/new-from-text", test_new_from_text);
  g_test_add_func ("/bri/documents/passage-outlives-document", test_passage_outlives_document);

  status = g_test_run ();

  g_clear_pointer (&documents, g_ptr_array_unref);
  g_clear_object (&dictionary);

  return status;
}
