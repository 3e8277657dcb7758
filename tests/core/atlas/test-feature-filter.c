/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bri-feature-filter.h"

static BriAtlas *atlas;

static guint
count_matching (BriFeatureFilter *filter)
{
  GListModel *features = bri_atlas_get_features (atlas);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(BriFeature) f = g_list_model_get_item (features, i);

      n += bri_feature_filter_matches (filter, f);
    }

  return n;
}

static void
on_changed (BriFeatureFilter *filter,
            guint            *count)
{
  (*count)++;
}

static void
test_kinds (void)
{
  g_autoptr(BriFeatureFilter) filter = bri_feature_filter_new (atlas);
  GListModel *features = bri_atlas_get_features (atlas);
  guint all = g_list_model_get_n_items (features);
  guint changed = 0;
  guint ports = 0;
  g_auto(GStrv) hidden = NULL;

  g_signal_connect (filter, "changed", G_CALLBACK (on_changed), &changed);
  g_assert_false (bri_feature_filter_is_active (filter));
  g_assert_cmpuint (count_matching (filter), ==, all);

  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    if (k != BRI_FEATURE_KIND_PORT)
      bri_feature_filter_set_kind_shown (filter, k, FALSE);
  g_assert_cmpuint (changed, ==, BRI_FEATURE_N_KINDS - 1);

  for (guint i = 0; i < all; i++)
    {
      g_autoptr(BriFeature) f = g_list_model_get_item (features, i);

      if (bri_feature_get_kind (f) == BRI_FEATURE_KIND_PORT)
        ports++;
      g_assert_cmpint (bri_feature_filter_matches (filter, f), ==,
                       bri_feature_get_kind (f) == BRI_FEATURE_KIND_PORT);
    }
  g_assert_cmpuint (ports, >, 3);

  /* The property GSettings stores round-trips. */
  g_object_get (filter, "hidden-kinds", &hidden, NULL);
  g_assert_cmpuint (g_strv_length (hidden), ==, BRI_FEATURE_N_KINDS - 1);
  g_assert_false (g_strv_contains ((const char * const *) hidden, "port"));

  bri_feature_filter_reset (filter);
  g_assert_cmpuint (count_matching (filter), ==, all);
  g_object_set (filter, "hidden-kinds", hidden, NULL);
  g_assert_cmpuint (count_matching (filter), ==, ports);
}

static void
test_status_years (void)
{
  g_autoptr(BriFeatureFilter) filter = bri_feature_filter_new (atlas);
  GListModel *features = bri_atlas_get_features (atlas);

  bri_feature_filter_set_status (filter, "operational");
  g_assert_cmpuint (count_matching (filter), >, 10);
  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(BriFeature) f = g_list_model_get_item (features, i);

      if (bri_feature_filter_matches (filter, f))
        g_assert_cmpstr (bri_feature_get_status (f), ==, "operational");
    }

  bri_feature_filter_set_status (filter, "");
  bri_feature_filter_set_years (filter, 2015, 2020);
  g_assert_true (bri_feature_filter_is_active (filter));
  g_assert_cmpuint (count_matching (filter), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(BriFeature) f = g_list_model_get_item (features, i);

      if (bri_feature_filter_matches (filter, f))
        {
          g_assert_cmpint (bri_feature_get_year (f), >=, 2015);
          g_assert_cmpint (bri_feature_get_year (f), <=, 2020);
        }
    }
}

static void
test_document (void)
{
  g_autoptr(BriFeatureFilter) filter = bri_feature_filter_new (atlas);
  GListModel *features = bri_atlas_get_features (atlas);
  guint in_white_paper, in_big_data;

  bri_feature_filter_set_document (filter, "white-paper-2023");
  in_white_paper = count_matching (filter);
  bri_feature_filter_set_document (filter, "big-data-2017");
  in_big_data = count_matching (filter);

  g_assert_cmpuint (in_white_paper, >, 30);
  g_assert_cmpuint (in_big_data, <, in_white_paper);

  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(BriFeature) f = g_list_model_get_item (features, i);
      g_autoptr(GListModel) passages = NULL;
      gboolean found = FALSE;

      if (!bri_feature_filter_matches (filter, f))
        continue;

      passages = bri_atlas_get_feature_passages (atlas, f);
      for (guint p = 0; p < g_list_model_get_n_items (passages); p++)
        {
          g_autoptr(BriPassage) passage = g_list_model_get_item (passages, p);
          found |= g_str_equal (bri_passage_get_document_id (passage), "big-data-2017");
        }
      g_assert_true (found);
    }
}

/* A region lets through the places with a country in it, and only them. */
static void
test_region (void)
{
  g_autoptr(BriFeatureFilter) filter = bri_feature_filter_new (atlas);
  GListModel *features = bri_atlas_get_features (atlas);
  BriRegion *east_africa = bri_atlas_lookup_region (atlas, "east-africa");
  guint changed = 0, n = 0;

  g_assert_nonnull (east_africa);
  g_signal_connect (filter, "changed", G_CALLBACK (on_changed), &changed);
  bri_feature_filter_set_region (filter, "east-africa");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (bri_feature_filter_is_active (filter));

  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(BriFeature) f = g_list_model_get_item (features, i);
      gboolean inside = FALSE;

      for (const char * const *c = bri_feature_get_countries (f); *c; c++)
        inside |= bri_region_has_country (east_africa, *c);
      g_assert_cmpint (bri_feature_filter_matches (filter, f), ==, inside);
      n += inside;
    }
  g_assert_cmpuint (n, >=, 2);
  g_assert_true (bri_feature_filter_matches (filter, bri_atlas_lookup_feature (atlas, "mombasa-port")));
  g_assert_false (bri_feature_filter_matches (filter, bri_atlas_lookup_feature (atlas, "piraeus-port")));

  bri_feature_filter_reset (filter);
  g_assert_null (bri_feature_filter_get_region (filter));
  g_assert_cmpuint (count_matching (filter), ==, g_list_model_get_n_items (features));
}

static void
assert_facet (BriFeatureFilter      *filter,
              BriFeatureFilterFacet  facet,
              const char            *expected)
{
  g_autofree char *text = bri_feature_filter_describe_facet (filter, facet);

  g_assert_cmpstr (text, ==, expected);
}

/* Each part of a filter says what it keeps out, in a few words, and can
 * be lifted alone; a filter with nothing on says nothing. */
static void
test_facets (void)
{
  g_autoptr(BriFeatureFilter) filter = bri_feature_filter_new (atlas);
  guint all = g_list_model_get_n_items (bri_atlas_get_features (atlas));
  guint changed = 0;

  for (guint facet = 0; facet < BRI_FEATURE_FILTER_N_FACETS; facet++)
    assert_facet (filter, facet, NULL);

  bri_feature_filter_set_kind_shown (filter, BRI_FEATURE_KIND_PORT, FALSE);
  assert_facet (filter, BRI_FEATURE_FILTER_FACET_KINDS, "Hidden: Ports");
  bri_feature_filter_set_kind_shown (filter, BRI_FEATURE_KIND_RAILWAY, FALSE);
  assert_facet (filter, BRI_FEATURE_FILTER_FACET_KINDS, "Hidden: Ports, Railways");
  bri_feature_filter_set_kind_shown (filter, BRI_FEATURE_KIND_BRIDGE, FALSE);
  assert_facet (filter, BRI_FEATURE_FILTER_FACET_KINDS, "3 kinds hidden");
  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    bri_feature_filter_set_kind_shown (filter, k, k == BRI_FEATURE_KIND_PORT);
  assert_facet (filter, BRI_FEATURE_FILTER_FACET_KINDS, "Only Ports");
  bri_feature_filter_set_kind_shown (filter, BRI_FEATURE_KIND_PORT, FALSE);
  assert_facet (filter, BRI_FEATURE_FILTER_FACET_KINDS, "Every kind hidden");
  g_assert_cmpuint (count_matching (filter), ==, 0);

  bri_feature_filter_set_status (filter, "planned");
  assert_facet (filter, BRI_FEATURE_FILTER_FACET_STATUS, "Status: Planned");
  bri_feature_filter_set_document (filter, "big-data-2017");
  assert_facet (filter, BRI_FEATURE_FILTER_FACET_DOCUMENT,
                "Mentioned in “B&R by the Numbers: International cooperation further enhanced”");
  bri_feature_filter_set_years (filter, 2015, 0);
  assert_facet (filter, BRI_FEATURE_FILTER_FACET_YEARS, "From 2015");
  bri_feature_filter_set_years (filter, 0, 2020);
  assert_facet (filter, BRI_FEATURE_FILTER_FACET_YEARS, "Until 2020");
  bri_feature_filter_set_years (filter, 2015, 2020);
  assert_facet (filter, BRI_FEATURE_FILTER_FACET_YEARS, "Years 2015–2020");
  bri_feature_filter_set_region (filter, "east-africa");
  assert_facet (filter, BRI_FEATURE_FILTER_FACET_REGION, "Region: East Africa");

  /* Lifting one leaves the others. */
  g_signal_connect (filter, "changed", G_CALLBACK (on_changed), &changed);
  bri_feature_filter_clear_facet (filter, BRI_FEATURE_FILTER_FACET_KINDS);
  g_assert_cmpuint (changed, ==, 1);
  assert_facet (filter, BRI_FEATURE_FILTER_FACET_KINDS, NULL);
  g_assert_cmpstr (bri_feature_filter_get_status (filter), ==, "planned");
  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    g_assert_true (bri_feature_filter_get_kind_shown (filter, k));

  bri_feature_filter_clear_facet (filter, BRI_FEATURE_FILTER_FACET_STATUS);
  g_assert_null (bri_feature_filter_get_status (filter));
  g_assert_cmpstr (bri_feature_filter_get_document (filter), ==, "big-data-2017");
  bri_feature_filter_clear_facet (filter, BRI_FEATURE_FILTER_FACET_DOCUMENT);
  g_assert_null (bri_feature_filter_get_document (filter));
  bri_feature_filter_clear_facet (filter, BRI_FEATURE_FILTER_FACET_YEARS);
  g_assert_cmpint (bri_feature_filter_get_min_year (filter), ==, 0);
  g_assert_cmpint (bri_feature_filter_get_max_year (filter), ==, 0);
  g_assert_cmpstr (bri_feature_filter_get_region (filter), ==, "east-africa");
  bri_feature_filter_clear_facet (filter, BRI_FEATURE_FILTER_FACET_REGION);
  g_assert_false (bri_feature_filter_is_active (filter));
  g_assert_cmpuint (count_matching (filter), ==, all);
  g_assert_cmpuint (changed, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  atlas = bri_atlas_new (NULL);
  if (!bri_atlas_load (atlas, NULL, &error))
    g_error ("%s", error->message);

  g_test_add_func ("/bri/feature-filter/kinds", test_kinds);
  g_test_add_func ("/bri/feature-filter/status-years", test_status_years);
  g_test_add_func ("/bri/feature-filter/document", test_document);
  g_test_add_func ("/bri/feature-filter/region", test_region);
  g_test_add_func ("/bri/feature-filter/facets", test_facets);

  ret = g_test_run ();
  g_clear_object (&atlas);

  return ret;
}
