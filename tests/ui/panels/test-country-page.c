/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The country dossier with the real atlas: Kenya's railway under
 * Railway, its passages, and China's long list shown in slices. */

#include "config.h"

#include <locale.h>

#include "bri-country-page.h"
#include "bri-passage-row.h"
#include "panel-test-util.h"

static BriAtlas *atlas;

typedef struct
{
  BriCountryPage *page;
  PanelWindow    *pw;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->page = BRI_COUNTRY_PAGE (bri_country_page_new ());
  bri_country_page_set_atlas (f->page, atlas);
  f->pw = panel_window_new (GTK_WIDGET (f->page), 380, 900);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  panel_window_free (f->pw);
}

static gboolean
is_group_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GPtrArray *
page_passage_rows (BriCountryPage *page)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (page), BRI_TYPE_PASSAGE_ROW, rows);
  return rows;
}

static void
test_kenya (Fixture       *f,
            gconstpointer  data)
{
  BriCountry *kenya = bri_atlas_lookup_country (atlas, "KE");
  BriFeature *sgr = find_feature_by_alias (atlas, "SGR", BRI_FEATURE_KIND_RAILWAY);
  g_autoptr(GListModel) passages = bri_atlas_get_country_passages (atlas, kenya);
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *group, *row;

  bri_country_page_set_country (f->page, kenya);
  g_assert_true (bri_country_page_get_country (f->page) == kenya);
  panel_window_wait_frames (f->pw, 2);

  /* The railway is listed under Railway, and its row opens its card. */
  group = find_widget (GTK_WIDGET (f->page), is_group_titled,
                       bri_feature_kind_get_label (BRI_FEATURE_KIND_RAILWAY));
  g_assert_nonnull (group);
  row = find_widget (group, is_row_titled, bri_feature_get_name (sgr));
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activated");
  {
    g_autofree char *expected = g_strconcat ("feature:", bri_feature_get_id (sgr), NULL);

    panel_window_assert_activated (f->pw, "open", expected);
  }

  /* ...and not under Port. */
  group = find_widget (GTK_WIDGET (f->page), is_group_titled,
                       bri_feature_kind_get_label (BRI_FEATURE_KIND_PORT));
  g_assert_nonnull (group);
  g_assert_null (find_widget (group, is_row_titled, bri_feature_get_name (sgr)));

  /* Its passages, in the atlas's ranking, with Kenya highlighted. */
  g_assert_cmpuint (g_list_model_get_n_items (passages), >, 0);
  rows = page_passage_rows (f->page);
  g_assert_cmpuint (rows->len, ==, MIN (g_list_model_get_n_items (passages), BRI_COUNTRY_PAGE_FIRST_PASSAGES));
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(BriPassage) passage = g_list_model_get_item (passages, i);
      BriPassageRow *passage_row = g_ptr_array_index (rows, i);

      g_assert_true (bri_passage_row_get_passage (passage_row) == passage);
      g_assert_cmpstr (bri_passage_row_get_highlight_id (passage_row), ==, "KE");
    }
}

static void
test_show_all (Fixture       *f,
               gconstpointer  data)
{
  BriCountry *china = bri_atlas_lookup_country (atlas, "CN");
  g_autoptr(GListModel) passages = bri_atlas_get_country_passages (atlas, china);
  guint n = g_list_model_get_n_items (passages);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *label = NULL;
  GtkWidget *button;
  gint64 started;

  /* China is the one country with more passages than the first page. */
  g_assert_cmpuint (n, >, BRI_COUNTRY_PAGE_FIRST_PASSAGES);

  started = g_get_monotonic_time ();
  bri_country_page_set_country (f->page, china);
  g_test_message ("China's dossier built in %.1f ms",
                  (g_get_monotonic_time () - started) / 1000.0);
  panel_window_wait_frames (f->pw, 2);

  rows = page_passage_rows (f->page);
  g_assert_cmpuint (rows->len, ==, BRI_COUNTRY_PAGE_FIRST_PASSAGES);
  g_clear_pointer (&rows, g_ptr_array_unref);

  label = g_strdup_printf ("Show All %u Passages", n);
  button = find_widget (GTK_WIDGET (f->page), is_button_labelled, label);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));

  started = g_get_monotonic_time ();
  g_signal_emit_by_name (button, "clicked");
  while (TRUE)
    {
      rows = page_passage_rows (f->page);
      if (rows->len == n)
        break;
      g_clear_pointer (&rows, g_ptr_array_unref);
      g_assert_cmpint (g_get_monotonic_time () - started, <, 20 * G_USEC_PER_SEC);
      g_main_context_iteration (NULL, TRUE);
    }
  g_test_message ("All %u passages in %.1f ms", n, (g_get_monotonic_time () - started) / 1000.0);
  g_assert_false (gtk_widget_get_visible (button));

  /* Another country starts again from its first page. */
  bri_country_page_set_country (f->page, bri_atlas_lookup_country (atlas, "KE"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = page_passage_rows (f->page);
  g_assert_cmpuint (rows->len, <=, BRI_COUNTRY_PAGE_FIRST_PASSAGES);
}

static gboolean
is_visible_label (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A country the atlas knows nothing about still gets a dossier that
 * says so, rather than empty boxes. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  GListModel *countries = bri_atlas_get_countries (atlas);
  BriCountry *empty = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (countries) && empty == NULL; i++)
    {
      g_autoptr(BriCountry) country = g_list_model_get_item (countries, i);
      g_autoptr(GListModel) features = bri_atlas_get_country_features (atlas, country);
      g_autoptr(GListModel) passages = bri_atlas_get_country_passages (atlas, country);

      if (g_list_model_get_n_items (features) == 0 && g_list_model_get_n_items (passages) == 0)
        empty = country;
    }
  g_assert_nonnull (empty);

  /* After a full dossier, so that nothing of it may linger. */
  bri_country_page_set_country (f->page, bri_atlas_lookup_country (atlas, "KE"));
  bri_country_page_set_country (f->page, empty);
  panel_window_wait_frames (f->pw, 2);

  rows = page_passage_rows (f->page);
  g_assert_cmpuint (rows->len, ==, 0);
  collect_widgets (GTK_WIDGET (f->page), ADW_TYPE_PREFERENCES_GROUP, groups);
  g_assert_cmpuint (groups->len, ==, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (f->page), is_visible_label, "No passages"));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->page), is_visible_label,
                                 "The atlas maps no place in this country yet."));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->page), is_visible_label,
                                 bri_country_get_display_name (empty)));
}

/* In German the dossier is Kenia's, with the English name under it. */
static void
test_translated_name (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));

  /* gettext ignores LANGUAGE under C; build-aux/deps generates this one. */
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed");
      return;
    }
  g_unsetenv ("LANGUAGE");

  bri_country_page_set_country (f->page, bri_atlas_lookup_country (atlas, "KE"));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->page), is_visible_label, "Kenia"));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->page), is_visible_label, "Kenya"));

  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  setlocale (LC_ALL, old_locale);

  /* Back in English the name is not repeated. */
  bri_country_page_set_country (f->page, bri_atlas_lookup_country (atlas, "GR"));
  bri_country_page_set_country (f->page, bri_atlas_lookup_country (atlas, "KE"));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->page), is_visible_label, "Kenya"));
  g_assert_null (find_widget (GTK_WIDGET (f->page), is_visible_label, "Kenia"));
}

static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  bri_country_page_set_country (f->page, bri_atlas_lookup_country (atlas, "KE"));
  panel_window_wait_frames (f->pw, 3);
  save_png (f->pw->window, "country-page.png");

  bri_country_page_set_country (f->page, bri_atlas_lookup_country (atlas, "CN"));
  gtk_window_set_default_size (GTK_WINDOW (f->pw->window), 300, 900);
  panel_window_wait_frames (f->pw, 3);
  save_png (f->pw->window, "country-page-cn-300.png");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!panel_test_init (&argc, &argv))
    return 1;

  atlas = load_atlas ();

  g_test_add ("/bri/country-page/kenya", Fixture, NULL, fixture_set_up, test_kenya, fixture_tear_down);
  g_test_add ("/bri/country-page/show-all", Fixture, NULL, fixture_set_up, test_show_all, fixture_tear_down);
  g_test_add ("/bri/country-page/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/bri/country-page/translated-name", Fixture, NULL, fixture_set_up, test_translated_name, fixture_tear_down);
  g_test_add ("/bri/country-page/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (atlas);

  return status;
}
