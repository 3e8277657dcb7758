/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bri-linker.h"

typedef struct
{
  BriLinker *linker;
  GObject   *railway;
  GObject   *bridge;
  GObject   *china;
  GObject   *laos;
  GObject   *kenya;
  GObject   *sgr;
  GObject   *usa;
  GObject   *puer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->linker = bri_linker_new ();
  f->railway = g_object_new (G_TYPE_OBJECT, NULL);
  f->bridge = g_object_new (G_TYPE_OBJECT, NULL);
  f->china = g_object_new (G_TYPE_OBJECT, NULL);
  f->laos = g_object_new (G_TYPE_OBJECT, NULL);
  f->kenya = g_object_new (G_TYPE_OBJECT, NULL);
  f->sgr = g_object_new (G_TYPE_OBJECT, NULL);
  f->usa = g_object_new (G_TYPE_OBJECT, NULL);
  f->puer = g_object_new (G_TYPE_OBJECT, NULL);

  bri_linker_add_term (f->linker, "China-Laos Railway", BRI_MENTION_FEATURE, f->railway, "china-laos-railway");
  bri_linker_add_term (f->linker, "Pelješac Bridge", BRI_MENTION_FEATURE, f->bridge, "peljesac-bridge");
  bri_linker_add_term (f->linker, "China", BRI_MENTION_COUNTRY, f->china, "CN");
  bri_linker_add_term (f->linker, "Chinese", BRI_MENTION_COUNTRY, f->china, "CN");
  bri_linker_add_term (f->linker, "Laos", BRI_MENTION_COUNTRY, f->laos, "LA");
  bri_linker_add_term (f->linker, "Lao", BRI_MENTION_COUNTRY, f->laos, "LA");
  bri_linker_add_term (f->linker, "Kenya", BRI_MENTION_COUNTRY, f->kenya, "KE");
  bri_linker_add_term (f->linker, "SGR", BRI_MENTION_FEATURE, f->sgr, "sgr");
  bri_linker_add_term (f->linker, "Mombasa-Nairobi Standard Gauge Railway", BRI_MENTION_FEATURE, f->sgr, "sgr");
  bri_linker_add_term (f->linker, "US", BRI_MENTION_COUNTRY, f->usa, "US");
  bri_linker_add_term (f->linker, "Pu'er", BRI_MENTION_FEATURE, f->puer, "puer");
  bri_linker_add_term (f->linker, "Indian", BRI_MENTION_COUNTRY, f->china, "IN");
  bri_linker_add_stop_phrase (f->linker, "Indian Ocean");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  bri_linker_unref (f->linker);
  g_object_unref (f->railway);
  g_object_unref (f->bridge);
  g_object_unref (f->china);
  g_object_unref (f->laos);
  g_object_unref (f->kenya);
  g_object_unref (f->sgr);
  g_object_unref (f->usa);
  g_object_unref (f->puer);
}

static char *
ids_of (GPtrArray *mentions)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < mentions->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, bri_mention_get_target_id (g_ptr_array_index (mentions, i)));
    }

  return g_string_free (s, FALSE);
}

static void
check (Fixture    *f,
       const char *text,
       const char *expected)
{
  g_autoptr(GPtrArray) mentions = bri_linker_find (f->linker, text, -1, FALSE);
  g_autofree char *ids = ids_of (mentions);

  g_assert_cmpstr (ids, ==, expected);
}

static void
test_longest_first (Fixture       *f,
                    gconstpointer  data)
{
  check (f, "The China-Laos Railway opened.", "china-laos-railway");
  check (f, "the china–laos railway (en dash, lower case)", "china-laos-railway");
  check (f, "China and Laos signed", "CN LA");
  check (f, "China Laos railway", "china-laos-railway");
}

static void
test_whole_words (Fixture       *f,
                  gconstpointer  data)
{
  check (f, "Chinatown and Laoshan and Kenyan", "");
  check (f, "Kenya's railway", "KE");
  check (f, "Lao workers, Chinese engineers", "LA CN");
  /* A stop phrase hides the names inside it. */
  check (f, "across the Indian Ocean, Indian engineers", "IN");
}

static void
test_diacritics_and_apostrophes (Fixture       *f,
                                 gconstpointer  data)
{
  check (f, "the PELJESAC BRIDGE", "peljesac-bridge");
  check (f, "Pelješac Bridge", "peljesac-bridge");
  check (f, "from Pu’er to Mohan", "puer");
}

static void
test_acronym_case (Fixture       *f,
                   gconstpointer  data)
{
  check (f, "the SGR carries", "sgr");
  check (f, "sgr is not an acronym here", "");
  check (f, "let us go to the US", "US");
}

static void
test_offsets (Fixture       *f,
              gconstpointer  data)
{
  const char *text = "« Pelješac Bridge » and the China–Laos Railway";
  g_autoptr(GPtrArray) mentions = bri_linker_find (f->linker, text, -1, FALSE);
  BriMention *m;

  g_assert_cmpuint (mentions->len, ==, 2);
  m = g_ptr_array_index (mentions, 0);
  g_assert_cmpint (strncmp (text + bri_mention_get_start (m), "Pelješac Bridge",
                            bri_mention_get_end (m) - bri_mention_get_start (m)), ==, 0);
  g_assert_cmpint (bri_mention_get_end (m) - bri_mention_get_start (m), ==, strlen ("Pelješac Bridge"));
  g_assert_cmpint (bri_mention_get_start_char (m), ==, 2);
  g_assert_cmpint (bri_mention_get_end_char (m), ==, 17);

  m = g_ptr_array_index (mentions, 1);
  g_assert_cmpint (bri_mention_get_end (m), ==, strlen (text));
  g_assert_cmpint (bri_mention_get_end_char (m), ==, g_utf8_strlen (text, -1));
  g_assert_false (bri_mention_is_context (m));
}

static void
test_context (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) mentions = bri_linker_find (f->linker, "Panel 1 Mombasa-Nairobi Standard Gauge Railway", -1, TRUE);
  BriMention *m;

  g_assert_cmpuint (mentions->len, ==, 1);
  m = g_ptr_array_index (mentions, 0);
  g_assert_true (bri_mention_is_context (m));
  g_assert_cmpint (bri_mention_get_start (m), ==, -1);
  g_assert_true (bri_mention_get_object (m) == f->sgr);
}

static void
test_terms_for (Fixture       *f,
                gconstpointer  data)
{
  GPtrArray *terms = bri_linker_get_terms_for (f->linker, f->sgr);

  g_assert_nonnull (terms);
  g_assert_cmpuint (terms->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (terms, 0), ==, "SGR");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/bri/linker/longest-first", test_longest_first);
  ADD ("/bri/linker/whole-words", test_whole_words);
  ADD ("/bri/linker/diacritics-apostrophes", test_diacritics_and_apostrophes);
  ADD ("/bri/linker/acronym-case", test_acronym_case);
  ADD ("/bri/linker/offsets", test_offsets);
  ADD ("/bri/linker/context", test_context);
  ADD ("/bri/linker/terms-for", test_terms_for);
#undef ADD

  return g_test_run ();
}
