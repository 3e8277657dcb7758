/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kind table covers every kind, and the gazetteer script reads the
 * same ids as the app. */

#include "config.h"

#include <string.h>

#include "bri-feature-kind.h"

static void
test_every_kind_has_a_row (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_linear = 0;

  for (BriFeatureKind kind = 0; kind < BRI_FEATURE_N_KINDS; kind++)
    {
      const char *id = bri_feature_kind_to_string (kind);
      const char *label = bri_feature_kind_get_label (kind);
      const char *plural = bri_feature_kind_get_plural_label (kind);
      BriFeatureKind back = BRI_FEATURE_N_KINDS;

      g_test_message ("kind %u: %s", kind, id);
      g_assert_nonnull (id);
      g_assert_cmpuint (strlen (id), >, 0);
      g_assert_true (bri_feature_kind_from_string (id, &back));
      g_assert_cmpint (back, ==, kind);
      g_assert_true (g_hash_table_add (ids, (gpointer) id));

      g_assert_nonnull (label);
      g_assert_cmpuint (strlen (label), >, 0);
      g_assert_true (g_hash_table_add (labels, (gpointer) label));
      g_assert_nonnull (plural);
      g_assert_cmpuint (strlen (plural), >, 0);
      g_assert_cmpstr (plural, !=, label);

      n_linear += bri_feature_kind_is_linear (kind);
    }

  /* The legend needs an example of each: a marker kind and a line kind. */
  g_assert_cmpuint (n_linear, >, 0);
  g_assert_cmpuint (n_linear, <, BRI_FEATURE_N_KINDS);

  g_assert_cmpstr (bri_feature_kind_to_string (BRI_FEATURE_KIND_POWER_STATION), ==, "power-station");
  g_assert_cmpstr (bri_feature_kind_get_label (BRI_FEATURE_KIND_CORRIDOR), ==, "Economic corridor");
  g_assert_cmpstr (bri_feature_kind_get_plural_label (BRI_FEATURE_KIND_CITY), ==, "Cities");
  g_assert_true (bri_feature_kind_is_linear (BRI_FEATURE_KIND_RAILWAY));
  g_assert_false (bri_feature_kind_is_linear (BRI_FEATURE_KIND_PORT));
}

static void
test_from_string_rejects (void)
{
  const char *bad[] = { NULL, "", "Port", "ports", "power station", "port ", "unknown" };
  BriFeatureKind kind = BRI_FEATURE_KIND_CITY;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (bri_feature_kind_from_string (bad[i], &kind));
      g_assert_cmpint (kind, ==, BRI_FEATURE_KIND_CITY);
    }
}

/* As printed and as typed: by label or id, in any case. */
static void
test_parse (void)
{
  const struct { const char *text; BriFeatureKind kind; } good[] = {
    { "port", BRI_FEATURE_KIND_PORT },
    { "Port", BRI_FEATURE_KIND_PORT },
    { "PORT", BRI_FEATURE_KIND_PORT },
    { "Power station", BRI_FEATURE_KIND_POWER_STATION },
    { "power-station", BRI_FEATURE_KIND_POWER_STATION },
    { " power_station ", BRI_FEATURE_KIND_POWER_STATION },
    { "Economic corridor", BRI_FEATURE_KIND_CORRIDOR },
    { "corridor", BRI_FEATURE_KIND_CORRIDOR },
  };
  const char *bad[] = { NULL, "", "ports", "harbour", "power" };
  BriFeatureKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      kind = BRI_FEATURE_N_KINDS;
      g_assert_true (bri_feature_kind_parse (good[i].text, &kind));
      g_assert_cmpint (kind, ==, good[i].kind);
    }

  for (BriFeatureKind k = 0; k < BRI_FEATURE_N_KINDS; k++)
    {
      g_assert_true (bri_feature_kind_parse (bri_feature_kind_get_label (k), &kind));
      g_assert_cmpint (kind, ==, k);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      kind = BRI_FEATURE_KIND_CITY;
      g_assert_false (bri_feature_kind_parse (bad[i], &kind));
      g_assert_cmpint (kind, ==, BRI_FEATURE_KIND_CITY);
    }
}

static void
test_legend_order (void)
{
  gboolean seen[BRI_FEATURE_N_KINDS] = { FALSE, };
  guint n_kinds = 0;
  const BriFeatureKind *order = bri_feature_kind_get_legend_order (&n_kinds);

  /* A permutation of the kinds, by strictly rising rank: two kinds of
   * one rank would be listed in an order nobody chose. */
  g_assert_cmpuint (n_kinds, ==, BRI_FEATURE_N_KINDS);
  for (guint i = 0; i < n_kinds; i++)
    {
      g_assert_cmpuint (order[i], <, BRI_FEATURE_N_KINDS);
      g_assert_false (seen[order[i]]);
      seen[order[i]] = TRUE;
      if (i > 0)
        g_assert_cmpint (bri_feature_kind_get_legend_rank (order[i - 1]), <,
                         bri_feature_kind_get_legend_rank (order[i]));
    }

  g_assert_cmpint (order[0], ==, BRI_FEATURE_KIND_PORT);
}

static int
reversed_rank (BriFeatureKind kind)
{
  return BRI_FEATURE_N_KINDS - kind;
}

static int
odd_last_rank (BriFeatureKind kind)
{
  return kind % 2;
}

static void
test_order_by_rank (void)
{
  static BriFeatureKindOrder reversed;
  static BriFeatureKindOrder odd_last;
  const BriFeatureKind *kinds;

  /* Reversed ranks give the reversed enum. */
  kinds = bri_feature_kind_order_get (&reversed, reversed_rank);
  for (guint i = 0; i < BRI_FEATURE_N_KINDS; i++)
    g_assert_cmpint (kinds[i], ==, BRI_FEATURE_N_KINDS - 1 - i);

  /* Equal ranks keep enum order: the even kinds, then the odd ones. */
  kinds = bri_feature_kind_order_get (&odd_last, odd_last_rank);
  for (guint i = 0; i < BRI_FEATURE_N_KINDS; i++)
    g_assert_cmpint (kinds[i], ==, i < (BRI_FEATURE_N_KINDS + 1) / 2 ? 2 * i
                                   : 2 * (i - (BRI_FEATURE_N_KINDS + 1) / 2) + 1);

  /* Sorted once: the same array the second time. */
  g_assert_true (bri_feature_kind_order_get (&odd_last, reversed_rank) == kinds);
  g_assert_cmpint (kinds[0], ==, 0);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* build-aux/gazetteer/make-gazetteer.py takes its kinds from the C table:
 * the ids it reads are exactly the app's. */
static void
test_gazetteer_script (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "..", "build-aux", "gazetteer",
                                                   "make-gazetteer.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, "--print-kinds", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_auto(GStrv) lines = NULL;
  int status = -1;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no /usr/bin/python3");
      return;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("make-gazetteer.py --print-kinds: %s\n%s", error->message, err);

  lines = g_strsplit (g_strchomp (out), "\n", -1);
  qsort (lines, g_strv_length (lines), sizeof (char *), compare_strings);

  for (BriFeatureKind kind = 0; kind < BRI_FEATURE_N_KINDS; kind++)
    g_ptr_array_add (expected, (gpointer) bri_feature_kind_to_string (kind));
  g_ptr_array_sort (expected, compare_strings);

  g_assert_cmpuint (g_strv_length (lines), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (lines[i], ==, g_ptr_array_index (expected, i));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/feature-kind/every-kind-has-a-row", test_every_kind_has_a_row);
  g_test_add_func ("/bri/feature-kind/from-string-rejects", test_from_string_rejects);
  g_test_add_func ("/bri/feature-kind/parse", test_parse);
  g_test_add_func ("/bri/feature-kind/legend-order", test_legend_order);
  g_test_add_func ("/bri/feature-kind/order-by-rank", test_order_by_rank);
  g_test_add_func ("/bri/feature-kind/gazetteer-script", test_gazetteer_script);

  return g_test_run ();
}
