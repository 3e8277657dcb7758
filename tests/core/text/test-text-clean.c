/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Each cleaning rule on small made-up inputs: what it repairs, and what it
 * must leave alone. */

#include "config.h"

#include <string.h>

#include "bri-lexicon.h"
#include "bri-text-clean.h"

static BriLexicon *
make_lexicon (const char *words)
{
  BriLexicon *lexicon = bri_lexicon_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (words, strlen (words));

  bri_lexicon_add_dictionary (lexicon, bytes);
  return lexicon;
}

/* The blocks as "kind:level:text" lines, for one-line comparisons. */
static char *
describe (GPtrArray *blocks)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      BriTextBlock *block = g_ptr_array_index (blocks, i);

      g_string_append_printf (out, "%s:%u:%s\n",
                              bri_text_block_kind_to_string (block->kind),
                              block->level, block->text);
    }

  return g_string_free (out, FALSE);
}

static char *
clean_to_string (const char  *text,
                 BriLexicon  *lexicon,
                 const char  *title,
                 GHashTable **metadata)
{
  g_autoptr(GPtrArray) blocks = bri_text_clean (text, lexicon, title, metadata);

  return describe (blocks);
}

static void
test_lexicon_basics (void)
{
  g_autoptr(BriLexicon) lexicon = make_lexicon ("China\nfinancial\nIves\nofficial's\r\n\nflight\n");
  g_autoptr(BriLexicon) child = NULL;
  guint before;

  g_assert_true (bri_lexicon_contains (lexicon, "china"));
  g_assert_true (bri_lexicon_contains (lexicon, "CHINA"));
  g_assert_true (bri_lexicon_contains (lexicon, "Financial"));
  g_assert_true (bri_lexicon_contains (lexicon, "official’s"));
  g_assert_false (bri_lexicon_contains (lexicon, "fi"));
  g_assert_false (bri_lexicon_contains (lexicon, ""));

  /* "ives" in lower case is not the name "Ives". */
  g_assert_true (bri_lexicon_contains (lexicon, "ives"));
  g_assert_false (bri_lexicon_contains_as_written (lexicon, "ives"));
  g_assert_true (bri_lexicon_contains_as_written (lexicon, "Ives"));
  g_assert_true (bri_lexicon_contains_as_written (lexicon, "flight"));
  g_assert_true (bri_lexicon_contains_as_written (lexicon, "Flight"));

  /* Corpus words count whole; the halves of a ligature gap do not. */
  bri_lexicon_add_text (lexicon, "The Port of Piraeus, run proactively; offi cials and the win-win idea.");
  g_assert_true (bri_lexicon_contains (lexicon, "piraeus"));
  g_assert_true (bri_lexicon_contains (lexicon, "proactively"));
  g_assert_true (bri_lexicon_contains (lexicon, "win-win"));
  g_assert_false (bri_lexicon_contains (lexicon, "offi"));
  g_assert_false (bri_lexicon_contains (lexicon, "cials"));

  /* A child sees its parent's words; its own stay out of the parent. */
  before = bri_lexicon_get_n_words (lexicon);
  child = bri_lexicon_new_child (lexicon);
  bri_lexicon_add_text (child, "Kyaukphyu deep-sea port");
  g_assert_true (bri_lexicon_contains (child, "Kyaukphyu"));
  g_assert_true (bri_lexicon_contains (child, "Piraeus"));
  g_assert_false (bri_lexicon_contains (lexicon, "Kyaukphyu"));
  g_assert_cmpuint (bri_lexicon_get_n_words (lexicon), ==, before);
}

static void
test_lexicon_default (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BriLexicon) lexicon = bri_lexicon_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (lexicon);
  g_assert_cmpuint (bri_lexicon_get_n_words (lexicon), >, 50000);
  g_assert_true (bri_lexicon_contains (lexicon, "financial"));
  g_assert_true (bri_lexicon_contains (lexicon, "Kenya"));
  g_assert_false (bri_lexicon_contains (lexicon, "nancial"));
}

static void
test_ligatures (void)
{
  g_autoptr(BriLexicon) lexicon =
    make_lexicon ("financial\nofficials\nbenefit\nflights\nfive\nobject\nobjectives\nIves\n"
                  "of\nthe\noff\nice\noffice\nstaff\nwill\nscientific\nspecific\nfine\nfirst\nt\n");
  struct { const char *in; const char *out; } cases[] = {
    { "delegates from fi nancial institutes", "delegates from financial institutes" },
    { "guests including offi cials,", "guests including officials," },
    { "mutual benefi t.", "mutual benefit." },
    { "direct fl ights to 43 countries", "direct flights to 43 countries" },
    { "has fi ve priorities", "has five priorities" },
    { "ideas and object ives of development", "ideas and objectives of development" },
    { "Scientifi c and technological", "Scientific and technological" },
    { "country-specifi c conditions", "country-specific conditions" },
    { "for the fi rst time", "for the first time" },
    /* The joined word must be known... */
    { "the scientifi zork method", "the scientifi zork method" },
    /* ...and at least one side must not be a word by itself. */
    { "of the", "of the" },
    { "the staff will", "the staff will" },
    { "fell off ice floes", "fell off ice floes" },
    /* Only gaps after a ligature are considered. */
    { "fin ancial", "fin ancial" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = bri_text_repair_ligatures (cases[i].in, lexicon);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_ligatures_corpus_words (void)
{
  g_autoptr(BriLexicon) lexicon = make_lexicon ("have\nresponded\n");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* "proactively" is in no dictionary here; until a text spells it out
   * whole, the gap stays. */
  before = bri_text_repair_ligatures ("have proact ively responded", lexicon);
  g_assert_cmpstr (before, ==, "have proact ively responded");

  bri_lexicon_add_text (lexicon, "Young people engaged proactively.");
  after = bri_text_repair_ligatures ("have proact ively responded", lexicon);
  g_assert_cmpstr (after, ==, "have proactively responded");
}

static void
test_letter_spacing (void)
{
  g_autoptr(BriLexicon) lexicon = make_lexicon ("China\nconstruction\nand\nthe\nThe\nbuilding\na\n");
  struct { const char *in; const char *out; } cases[] = {
    { "C h i n a has similar ideas", "China has similar ideas" },
    { "c o n s t r u c t i o n  a n d connectivity", "construction and connectivity" },
    { "T h e building", "The building" },
    /* Single spaces only: the lexicon finds the word breaks. */
    { "c o n s t r u c t i o n a n d t h e", "construction and the" },
    /* A name the lexicon does not know is still one word. */
    { "visit K y a u k p h y u now", "visit Kyaukphyu now" },
    /* Ordinary single-letter words are left alone. */
    { "a plan B for a city", "a plan B for a city" },
    { "grades A  B  C", "grades A  B  C" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = bri_text_join_letter_spacing (cases[i].in, lexicon);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_whitespace (void)
{
  g_autofree char *a = bri_text_normalize_space ("  one\u00a0\u00a0 two\t three \n");
  g_autofree char *b = bri_text_clean_inline ("“Quoted” text – with an en dash,  and  ‘single’ quotes…", NULL);
  g_autofree char *c = bri_text_clean_inline ("the China- Mongolia Joint Laboratory, step- by-step", NULL);
  g_autofree char *d = bri_text_clean_inline ("short- and long-term, pre- or post-war", NULL);

  g_assert_cmpstr (a, ==, "one two three");
  /* Punctuation and Unicode are the text's own and stay as they are. */
  g_assert_cmpstr (b, ==, "“Quoted” text – with an en dash, and ‘single’ quotes…");
  /* A hyphen that lost its partner to a line break gets it back... */
  g_assert_cmpstr (c, ==, "the China-Mongolia Joint Laboratory, step-by-step");
  /* ...but a suspended hyphen is English. */
  g_assert_cmpstr (d, ==, "short- and long-term, pre- or post-war");
}

static void
test_boilerplate (void)
{
  g_autoptr(GHashTable) metadata = NULL;
  g_autofree char *out = clean_to_string ("Skip to main content\n"
                                          "Content Start\n"
                                          "Nav Search\n"
                                          "\n"
                                          "A Report on Ports\n"
                                          "22 Apr., 2019\u00a0\u00a0|\u00a0\u00a0 Source: Harbour Portal\u00a0\u00a0|\u00a0\u00a0 Hits:10349\n"
                                          "\n"
                                          "By Jane Doe Source: Harbour Weekly Updated: 2024-01-05\n"
                                          "\n"
                                          "The port opened in 2017.\n"
                                          "\n"
                                          "Last revision date: 29 December 2023\n"
                                          "\n"
                                          "Editor:\u00a0someone\n",
                                          NULL, "A Report on Ports", &metadata);

  g_assert_cmpstr (out, ==, "paragraph:0:The port opened in 2017.\n");
  g_assert_cmpstr (g_hash_table_lookup (metadata, "title"), ==, "A Report on Ports");
  g_assert_cmpstr (g_hash_table_lookup (metadata, "date"), ==, "22 Apr., 2019");
  g_assert_cmpstr (g_hash_table_lookup (metadata, "source"), ==, "Harbour Portal");
  g_assert_cmpstr (g_hash_table_lookup (metadata, "hits"), ==, "10349");
  g_assert_cmpstr (g_hash_table_lookup (metadata, "author"), ==, "Jane Doe");
  g_assert_cmpstr (g_hash_table_lookup (metadata, "updated"), ==, "2024-01-05");
  g_assert_cmpstr (g_hash_table_lookup (metadata, "editor"), ==, "someone");
  g_assert_cmpstr (g_hash_table_lookup (metadata, "last revision date"), ==, "29 December 2023");

  /* A note by the editor is text, not a trailer. */
  g_clear_pointer (&out, g_free);
  out = clean_to_string ("Editor’s Note: This is the first part.\n\nEditor:\n", NULL, NULL, NULL);
  g_assert_cmpstr (out, ==, "paragraph:0:Editor’s Note: This is the first part.\n");
}

static void
test_pagination (void)
{
  const char *endings[] = {
    "1 2 3 4 5 6 7 8 9 10 11 12",
    "1 2 3 … 12",
    "1 2 3 ... 12 Next",
    "Previous",
    "Next",
    "« Previous 2 Next »",
    "Page 2 of 5",
  };

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      g_autofree char *text = g_strdup_printf ("Trade grew in 2018.\n\n%s", endings[i]);
      g_autofree char *out = clean_to_string (text, NULL, NULL, NULL);

      g_assert_cmpstr (out, ==, "paragraph:0:Trade grew in 2018.\n");
    }

  /* Numbers in prose are prose. */
  {
    g_autofree char *out = clean_to_string ("Trade grew in 2018.\n\n2013 2014 2015\n\nIn 2 of 3 ports.", NULL, NULL, NULL);

    g_assert_cmpstr (out, ==,
                     "paragraph:0:Trade grew in 2018.\n"
                     "paragraph:0:2013 2014 2015\n"
                     "paragraph:0:In 2 of 3 ports.\n");
  }
}

static void
test_hard_wrap (void)
{
  g_autoptr(BriLexicon) lexicon = make_lexicon ("development\nwin\ncooperation\nfinancial\n");
  g_autofree char *out = NULL;

  bri_lexicon_add_text (lexicon, "We seek win-win results.");

  /* A PDF extraction: every line wrapped at the margin, blank lines
   * sometimes inside a paragraph. */
  out = clean_to_string ("Ports and Railways\n"
                         "\n"
                         "The forum was attended by heads of state, and over 1,500 guests including \n"
                         "\n"
                         "scholars and delegates from fi nancial institutes from 130 countries as well as \n"
                         "\n"
                         "representatives of organizations. The theme was cooperation for win-\n"
                         "\n"
                         "win results and shared develop-\n"
                         "ment, as agreed in 2017 by all the participants of that meeting in Beijing. \n"
                         "\n"
                         "A second paragraph starts here and runs on to the margin of the page as it \n"
                         "was wrapped by the program that extracted the text from the document for us. \n"
                         "\n"
                         "The Leaders Roundtable of the Forum for International Cooperation met on May \n"
                         "\n"
                         "15th in Beijing and agreed a communique on cooperation with each other there.\n",
                         lexicon, "Forum Report", NULL);

  g_assert_cmpstr (out, ==,
                   "heading:1:Ports and Railways\n"
                   "paragraph:0:The forum was attended by heads of state, and over 1,500 guests including "
                   "scholars and delegates from financial institutes from 130 countries as well as "
                   "representatives of organizations. The theme was cooperation for win-win results and "
                   "shared development, as agreed in 2017 by all the participants of that meeting in Beijing.\n"
                   "paragraph:0:A second paragraph starts here and runs on to the margin of the page as it "
                   "was wrapped by the program that extracted the text from the document for us.\n"
                   "paragraph:0:The Leaders Roundtable of the Forum for International Cooperation met on May "
                   "15th in Beijing and agreed a communique on cooperation with each other there.\n");
}

static void
test_web_lines (void)
{
  /* One line per paragraph: a line break is a paragraph break, except
   * where a line obviously continues the one before. */
  g_autofree char *out = clean_to_string ("First paragraph, long enough to be one on the web page without any wrapping at all, ends here.\n"
                                          "Second paragraph follows directly on the next line and also ends properly.\n"
                                          "\n"
                                          "A third one is cut by a stray break in the middle of\n"
                                          "its sentence, which the cleaner mends.\n",
                                          NULL, NULL, NULL);

  g_assert_cmpstr (out, ==,
                   "paragraph:0:First paragraph, long enough to be one on the web page without any wrapping at all, ends here.\n"
                   "paragraph:0:Second paragraph follows directly on the next line and also ends properly.\n"
                   "paragraph:0:A third one is cut by a stray break in the middle of its sentence, which the cleaner mends.\n");
}

static void
test_captions (void)
{
  g_autofree char *out = clean_to_string ("Ports\n"
                                          "\n"
                                          "The port handles five million containers a year.\n"
                                          "\n"
                                          "\n"
                                          "Cranes at the container terminal, Piraeus, September 21, 2023. The terminal was expanded. XINHUA / PHOTO BY JANE DOE\n"
                                          "\n"
                                          "The forum was held in Beijing on May 14-15, 2017. [Source: Xinhua]\n"
                                          "\n"
                                          "(Source: Xinhua News Agency, May 15, 2017)\n"
                                          "\n"
                                          "President Xi Jinping and participants of the forum for international cooperation\n"
                                          "\n"
                                          "\n"
                                          "\n"
                                          "Railways\n"
                                          "\n"
                                          "The railway opened in 2021.\n"
                                          "\n"
                                          "Guests at the opening of the convention center by the lake\n",
                                          NULL, NULL, NULL);

  /* "Ports" is taken as the title when none is given. */
  g_assert_cmpstr (out, ==,
                   "paragraph:0:The port handles five million containers a year.\n"
                   "caption:0:Cranes at the container terminal, Piraeus, September 21, 2023. The terminal was expanded. XINHUA / PHOTO BY JANE DOE\n"
                   "caption:0:The forum was held in Beijing on May 14-15, 2017. [Source: Xinhua]\n"
                   "paragraph:0:(Source: Xinhua News Agency, May 15, 2017)\n"
                   "caption:0:President Xi Jinping and participants of the forum for international cooperation\n"
                   "heading:1:Railways\n"
                   "paragraph:0:The railway opened in 2021.\n"
                   "caption:0:Guests at the opening of the convention center by the lake\n");
}

static void
test_headings (void)
{
  g_autoptr(GHashTable) metadata = NULL;
  g_autofree char *out = clean_to_string ("A White Paper on Roads\n"
                                          "\n"
                                          "The Office of Road Studies\n"
                                          "\n"
                                          "October 2023\n"
                                          "\n"
                                          "Contents\n"
                                          "\n"
                                          "Preamble\n"
                                          "\n"
                                          "I. Roads Old and New\n"
                                          "\n"
                                          "Conclusion\n"
                                          "\n"
                                          "Preamble\n"
                                          "\n"
                                          "Roads have long joined peoples.\n"
                                          "\n"
                                          "I. Roads Old and New\n"
                                          "\n"
                                          "Roads are old.\n"
                                          "\n"
                                          "1. Rooted in history, roads carry trade\n"
                                          "\n"
                                          "Caravans used them.\n"
                                          "\n"
                                          "(1) Early caravans\n"
                                          "\n"
                                          "They carried silk.\n"
                                          "\n"
                                          "Panel 1 The Old Road promotes trade in the region\n"
                                          "\n"
                                          "The old road carried silk.\n"
                                          "\n"
                                          "2) Steady progress in road building. As growth came, roads followed, and more roads were built.\n"
                                          "\n"
                                          "2. Roads today\n"
                                          "\n"
                                          "Roads are new.\n"
                                          "\n"
                                          "Roads Today in the World\n"
                                          "\n"
                                          "More roads are built every year.\n"
                                          "\n"
                                          "Roads Today in the World\n"
                                          "\n"
                                          "Even more roads.\n"
                                          "\n"
                                          "Conclusion\n"
                                          "\n"
                                          "Roads matter.\n",
                                          NULL, "A White Paper on Roads", &metadata);

  g_assert_cmpstr (out, ==,
                   "heading:1:Preamble\n"
                   "paragraph:0:Roads have long joined peoples.\n"
                   "heading:1:I. Roads Old and New\n"
                   "paragraph:0:Roads are old.\n"
                   "heading:2:1. Rooted in history, roads carry trade\n"
                   "paragraph:0:Caravans used them.\n"
                   "heading:3:(1) Early caravans\n"
                   "paragraph:0:They carried silk.\n"
                   "heading:4:Panel 1 The Old Road promotes trade in the region\n"
                   "paragraph:0:The old road carried silk.\n"
                   "paragraph:0:2) Steady progress in road building. As growth came, roads followed, and more roads were built.\n"
                   "heading:2:2. Roads today\n"
                   "paragraph:0:Roads are new.\n"
                   "heading:3:Roads Today in the World\n"
                   "paragraph:0:More roads are built every year.\n"
                   "paragraph:0:Even more roads.\n"
                   "heading:1:Conclusion\n"
                   "paragraph:0:Roads matter.\n");

  /* Front matter says who and when, and is not a section. */
  g_assert_cmpstr (g_hash_table_lookup (metadata, "front-matter"), ==, "The Office of Road Studies");
  g_assert_cmpstr (g_hash_table_lookup (metadata, "date"), ==, "October 2023");
}

static void
test_unlabelled_contents (void)
{
  g_autofree char *out = clean_to_string ("Ports of Call\n"
                                          "\n"
                                          "I. The North\n"
                                          "\n"
                                          "II. The South\n"
                                          "\n"
                                          "III. The West\n"
                                          "\n"
                                          "I. The North\n"
                                          "\n"
                                          "Cold ports.\n"
                                          "\n"
                                          "II. The South\n"
                                          "\n"
                                          "Warm ports.\n"
                                          "\n"
                                          "III. The West\n"
                                          "\n"
                                          "Windy ports.\n",
                                          NULL, "Ports of Call", NULL);

  g_assert_cmpstr (out, ==,
                   "heading:1:I. The North\n"
                   "paragraph:0:Cold ports.\n"
                   "heading:1:II. The South\n"
                   "paragraph:0:Warm ports.\n"
                   "heading:1:III. The West\n"
                   "paragraph:0:Windy ports.\n");
}

static void
test_bullets (void)
{
  g_autofree char *out = clean_to_string ("It works with mechanisms such as:\n"
                                          "\n"
                                          "· G20,\n"
                                          "\n"
                                          "\n"
                                          "· Shanghai Cooperation Organization,\n"
                                          "\n"
                                          "• Boao Forum for Asia.\n"
                                          "\n"
                                          "- Building platforms. In May 2017, a forum was held.\n",
                                          NULL, NULL, NULL);

  g_assert_cmpstr (out, ==,
                   "paragraph:0:It works with mechanisms such as:\n"
                   "list-item:0:G20,\n"
                   "list-item:0:Shanghai Cooperation Organization,\n"
                   "list-item:0:Boao Forum for Asia.\n"
                   "list-item:0:Building platforms. In May 2017, a forum was held.\n");
}

static void
test_pull_quote (void)
{
  g_autoptr(BriLexicon) lexicon = make_lexicon ("China\nobjectives\nobject\nIves\nThe\nconstruction\nand\n");
  g_autofree char *out = NULL;

  /* Display type from a PDF: letter-spaced first word, narrow lines, blank
   * lines inside, a ligature gap; around it ordinary wrapped text. */
  out = clean_to_string ("Background of the Plan\n"
                         "\n"
                         "In the wake of the crisis, trade protectionism and isolationism have been on \n"
                         "the rise in the absence of fundamental changes in the sluggish global economy. \n"
                         "\n"
                         "C h i n a \n"
                         "has similar ideas and \n"
                         "\n"
                         "object ives of  development \n"
                         "and adopts a similar path as many \n"
                         "\n"
                         "other countries. That is why over 100 \n"
                         "countries have responded. Even more hope to leverage \n"
                         "\n"
                         "China’s experience and growth momentum to fuel the \n"
                         "\n"
                         "domestic economy. \n"
                         "\n"
                         "Infrastructure \n"
                         "c o n s t r u c t i o n  a n d \n"
                         "\n"
                         "connectivity are priorities of the plan. \n",
                         lexicon, "Plan Report", NULL);

  g_assert_cmpstr (out, ==,
                   "heading:1:Background of the Plan\n"
                   "paragraph:0:In the wake of the crisis, trade protectionism and isolationism have been on "
                   "the rise in the absence of fundamental changes in the sluggish global economy.\n"
                   "paragraph:0:China has similar ideas and objectives of development and adopts a similar path "
                   "as many other countries. That is why over 100 countries have responded. Even more hope to "
                   "leverage China’s experience and growth momentum to fuel the domestic economy.\n"
                   "paragraph:0:Infrastructure construction and connectivity are priorities of the plan.\n");
}

/* Where each body block sits: "Section › Box | text", the heading path a
 * reader sees, built from the blocks' levels and depths. */
static char *
describe_sections (GPtrArray *blocks)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  for (guint i = 0; i < blocks->len; i++)
    {
      BriTextBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == BRI_TEXT_BLOCK_HEADING)
        {
          g_assert_cmpuint (block->depth, ==, block->level - 1);
          g_assert_cmpuint (block->depth, <=, path->len);
          g_ptr_array_set_size (path, block->depth);
          g_ptr_array_add (path, block->text);
          continue;
        }

      /* A body block never claims a heading that was not there. */
      g_assert_cmpuint (block->depth, <=, path->len);
      g_ptr_array_set_size (path, block->depth);
      for (guint k = 0; k < path->len; k++)
        g_string_append_printf (out, "%s%s", k > 0 ? " › " : "", (char *) g_ptr_array_index (path, k));
      g_string_append_printf (out, " | %s\n", block->text);
    }

  return g_string_free (out, FALSE);
}

static void
test_box_extent (void)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *out = NULL;

  /* Boxes set in the main text, as a plain-text capture keeps them: a
   * title, the box's paragraphs, then the main text with no mark at all. */
  blocks = bri_text_clean ("Roads and Rivers of the Plain\n"
                           "\n"
                           "I. Transport on the plain\n"
                           "\n"
                           "Transport on the plain has grown. Roads and rivers carry trade across the plain.\n"
                           "\n"
                           "Roads on the plain now reach every town. Trade on the roads has doubled.\n"
                           "\n"
                           "Rivers on the plain carry most heavy goods. Trade by river is cheaper.\n"
                           "\n"
                           "Box 1 The Kessel Canal links two rivers\n"
                           "\n"
                           "The Kessel Canal was dug in 1890 between the Amber and the Sill. Barges on the canal carry timber.\n"
                           "\n"
                           "Today the canal is kept by a trust. Its locks were rebuilt with stone from the Marrow quarry.\n"
                           "\n"
                           "Visitors are welcome from May to September.\n"
                           "\n"
                           "Boats pass the Kessel locks every hour, and the trust sells three kinds of tickets:\n"
                           "\n"
                           "· day tickets,\n"
                           "\n"
                           "· season tickets.\n"
                           "\n"
                           "Roads on the plain are busy as well. Trade on the roads grew by a third last year.\n"
                           "\n"
                           "The port of Valmy on the coast has new quays. Ships from the south call there.\n"
                           "\n"
                           "Case Study 2 Tolls on the Ridge Road\n"
                           "\n"
                           "Tolls on the Ridge Road paid for its repair. The ridge tolls end next year.\n"
                           "\n"
                           "Drivers on the ridge pay at Hollin Gate.\n"
                           "\n"
                           "II. Outlook\n"
                           "\n"
                           "Plans for the plain put roads first. Rivers and trade come next.\n"
                           "\n"
                           "Box 3 A quiet harbour\n"
                           "\n"
                           "Fishermen land their catch at dawn. The auction starts at six.\n"
                           "\n"
                           "Much has changed since then.\n"
                           "\n"
                           "Transport on the plain will keep growing. Roads and trade will grow with it.\n",
                           NULL, "Roads and Rivers of the Plain", NULL);
  out = describe_sections (blocks);

  g_assert_cmpstr (out, ==,
                   "I. Transport on the plain | Transport on the plain has grown. Roads and rivers carry trade across the plain.\n"
                   "I. Transport on the plain | Roads on the plain now reach every town. Trade on the roads has doubled.\n"
                   "I. Transport on the plain | Rivers on the plain carry most heavy goods. Trade by river is cheaper.\n"
                   /* The first block belongs to the box; the next ones share
                    * a rare word with it ("canal", "Kessel"); the short one
                    * between them waits for its neighbour; the list belongs
                    * to the line that introduces it. */
                   "I. Transport on the plain › Box 1 The Kessel Canal links two rivers | The Kessel Canal was dug in 1890 between the Amber and the Sill. Barges on the canal carry timber.\n"
                   "I. Transport on the plain › Box 1 The Kessel Canal links two rivers | Today the canal is kept by a trust. Its locks were rebuilt with stone from the Marrow quarry.\n"
                   "I. Transport on the plain › Box 1 The Kessel Canal links two rivers | Visitors are welcome from May to September.\n"
                   "I. Transport on the plain › Box 1 The Kessel Canal links two rivers | Boats pass the Kessel locks every hour, and the trust sells three kinds of tickets:\n"
                   "I. Transport on the plain › Box 1 The Kessel Canal links two rivers | day tickets,\n"
                   "I. Transport on the plain › Box 1 The Kessel Canal links two rivers | season tickets.\n"
                   /* Words all over the document ("roads", "plain", "trade")
                    * are no topic: the main text is back. */
                   "I. Transport on the plain | Roads on the plain are busy as well. Trade on the roads grew by a third last year.\n"
                   "I. Transport on the plain | The port of Valmy on the coast has new quays. Ships from the south call there.\n"
                   "I. Transport on the plain › Case Study 2 Tolls on the Ridge Road | Tolls on the Ridge Road paid for its repair. The ridge tolls end next year.\n"
                   "I. Transport on the plain › Case Study 2 Tolls on the Ridge Road | Drivers on the ridge pay at Hollin Gate.\n"
                   "II. Outlook | Plans for the plain put roads first. Rivers and trade come next.\n"
                   /* A box whose first paragraph shares nothing with its
                    * title still has it. */
                   "II. Outlook › Box 3 A quiet harbour | Fishermen land their catch at dawn. The auction starts at six.\n"
                   /* A short line that shares nothing goes with what
                    * follows it: here, the main text. */
                   "II. Outlook | Much has changed since then.\n"
                   "II. Outlook | Transport on the plain will keep growing. Roads and trade will grow with it.\n");

  /* The headings themselves are unchanged by where the boxes end. */
  g_clear_pointer (&out, g_free);
  out = describe (blocks);
  g_assert_nonnull (strstr (out, "heading:2:Box 1 The Kessel Canal links two rivers\n"));
  g_assert_nonnull (strstr (out, "heading:2:Case Study 2 Tolls on the Ridge Road\n"));
  g_assert_nonnull (strstr (out, "heading:1:II. Outlook\n"));
}

static void
test_kinds (void)
{
  g_assert_cmpstr (bri_text_block_kind_to_string (BRI_TEXT_BLOCK_HEADING), ==, "heading");
  g_assert_cmpstr (bri_text_block_kind_to_string (BRI_TEXT_BLOCK_PARAGRAPH), ==, "paragraph");
  g_assert_cmpstr (bri_text_block_kind_to_string (BRI_TEXT_BLOCK_LIST_ITEM), ==, "list-item");
  g_assert_cmpstr (bri_text_block_kind_to_string (BRI_TEXT_BLOCK_CAPTION), ==, "caption");
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) none = bri_text_clean ("", NULL, NULL, NULL);
  g_autoptr(GPtrArray) blank = bri_text_clean ("\n \n\u00a0\n\r\n", NULL, NULL, NULL);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/text-clean/lexicon", test_lexicon_basics);
  g_test_add_func ("/bri/text-clean/lexicon-default", test_lexicon_default);
  g_test_add_func ("/bri/text-clean/ligatures", test_ligatures);
  g_test_add_func ("/bri/text-clean/ligatures-corpus-words", test_ligatures_corpus_words);
  g_test_add_func ("/bri/text-clean/letter-spacing", test_letter_spacing);
  g_test_add_func ("/bri/text-clean/whitespace", test_whitespace);
  g_test_add_func ("/bri/text-clean/boilerplate", test_boilerplate);
  g_test_add_func ("/bri/text-clean/pagination", test_pagination);
  g_test_add_func ("/bri/text-clean/hard-wrap", test_hard_wrap);
  g_test_add_func ("/bri/text-clean/web-lines", test_web_lines);
  g_test_add_func ("/bri/text-clean/captions", test_captions);
  g_test_add_func ("/bri/text-clean/headings", test_headings);
  g_test_add_func ("/bri/text-clean/unlabelled-contents", test_unlabelled_contents);
  g_test_add_func ("/bri/text-clean/box-extent", test_box_extent);
  g_test_add_func ("/bri/text-clean/bullets", test_bullets);
  g_test_add_func ("/bri/text-clean/pull-quote", test_pull_quote);
  g_test_add_func ("/bri/text-clean/kinds", test_kinds);
  g_test_add_func ("/bri/text-clean/empty", test_empty);

  return g_test_run ();
}
