/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The country dossier with the real atlas: Kenya's railway under
 * Railway, its passages, and China's long list shown in slices. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "bri-country-page.h"
#include "bri-passage-row.h"
#include "panel-test-util.h"

/* Generous against a frame (16.7 ms): the stall a user would notice,
 * with room for a machine busy with other work.  Building the first 50
 * of China's passages at once took 80 ms. */
/* The dossier adds one passage row a frame. */
#define MAX_PASSAGES_PER_FRAME 1

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

/* The dossier adds its passages a batch per frame: runs the main loop
 * until it shows @n of them, then a few frames more to be sure it stops
 * there, and returns them. */
static GPtrArray *
wait_for_passage_rows (PanelFixture *f,
                       guint         n)
{
  gint64 started = g_get_monotonic_time ();
  GPtrArray *rows;

  while (TRUE)
    {
      rows = page_passage_rows (f->panel);
      if (rows->len >= n)
        break;
      g_ptr_array_unref (rows);
      g_assert_cmpint (g_get_monotonic_time () - started, <, 20 * G_USEC_PER_SEC);
      panel_window_wait_frames (f->pw, 1);
    }
  g_ptr_array_unref (rows);

  panel_window_wait_frames (f->pw, 3);
  rows = page_passage_rows (f->panel);
  g_assert_cmpuint (rows->len, ==, n);
  return rows;
}

/* Waits for the first page of @country's passages. */
static GPtrArray *
wait_for_first_page (PanelFixture *f,
                     BriCountry   *country)
{
  g_autoptr(GListModel) passages = bri_atlas_get_country_passages (atlas, country);

  return wait_for_passage_rows (f, MIN (g_list_model_get_n_items (passages), BRI_COUNTRY_PAGE_FIRST_PASSAGES));
}

static void
test_kenya (PanelFixture  *f,
            gconstpointer  data)
{
  BriCountry *kenya = bri_atlas_lookup_country (atlas, "KE");
  BriFeature *sgr = find_feature_by_alias (atlas, "SGR", BRI_FEATURE_KIND_RAILWAY);
  g_autoptr(GListModel) passages = bri_atlas_get_country_passages (atlas, kenya);
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *group, *row;

  bri_country_page_set_country (f->panel, kenya);
  g_assert_true (bri_country_page_get_country (f->panel) == kenya);
  rows = wait_for_first_page (f, kenya);

  /* The railway is listed under Railway, and its row opens its card. */
  group = find_widget (GTK_WIDGET (f->panel), is_group_titled,
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
  group = find_widget (GTK_WIDGET (f->panel), is_group_titled,
                       bri_feature_kind_get_label (BRI_FEATURE_KIND_PORT));
  g_assert_nonnull (group);
  g_assert_null (find_widget (group, is_row_titled, bri_feature_get_name (sgr)));

  /* Its passages, in the atlas's ranking, with Kenya highlighted. */
  g_assert_cmpuint (g_list_model_get_n_items (passages), >, 0);
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
test_show_all (PanelFixture  *f,
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
  bri_country_page_set_country (f->panel, china);
  g_test_message ("China's dossier set in %.1f ms",
                  (g_get_monotonic_time () - started) / 1000.0);

  rows = wait_for_passage_rows (f, BRI_COUNTRY_PAGE_FIRST_PASSAGES);
  g_assert_cmpuint (rows->len, ==, BRI_COUNTRY_PAGE_FIRST_PASSAGES);
  g_clear_pointer (&rows, g_ptr_array_unref);

  label = g_strdup_printf ("Show All %u Passages", n);
  button = find_widget (GTK_WIDGET (f->panel), is_button_labelled, label);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));

  started = g_get_monotonic_time ();
  g_signal_emit_by_name (button, "clicked");
  while (TRUE)
    {
      rows = page_passage_rows (f->panel);
      if (rows->len == n)
        break;
      g_clear_pointer (&rows, g_ptr_array_unref);
      g_assert_cmpint (g_get_monotonic_time () - started, <, 20 * G_USEC_PER_SEC);
      g_main_context_iteration (NULL, TRUE);
    }
  g_test_message ("All %u passages in %.1f ms", n, (g_get_monotonic_time () - started) / 1000.0);
  g_assert_false (gtk_widget_get_visible (button));

  /* Another country starts again from its first page. */
  bri_country_page_set_country (f->panel, bri_atlas_lookup_country (atlas, "KE"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = page_passage_rows (f->panel);
  g_assert_cmpuint (rows->len, <=, BRI_COUNTRY_PAGE_FIRST_PASSAGES);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = wait_for_first_page (f, bri_atlas_lookup_country (atlas, "KE"));
  g_assert_false (gtk_widget_get_visible (button));
}

typedef struct
{
  BriCountryPage *page;
  guint           shown;
  guint           most_in_a_frame;
  guint           frames;
} FrameCount;

static gboolean
on_count_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  FrameCount *count = user_data;
  g_autoptr(GPtrArray) rows = page_passage_rows (count->page);

  if (rows->len > count->shown)
    count->most_in_a_frame = MAX (count->most_in_a_frame, rows->len - count->shown);
  count->shown = rows->len;
  count->frames++;
  return G_SOURCE_CONTINUE;
}

/* China's dossier, all of it, is built a passage per frame — it never
 * holds the main loop up for all 247 rows at once.  How long a frame
 * takes is measured in tests/bench/bench-dossier.c, not asserted here
 * (a sanitizer build is several times slower). */
static void
test_no_stall (PanelFixture  *f,
               gconstpointer  data)
{
  BriCountry *china = bri_atlas_lookup_country (atlas, "CN");
  g_autoptr(GListModel) passages = bri_atlas_get_country_passages (atlas, china);
  guint n = g_list_model_get_n_items (passages);
  g_autoptr(GPtrArray) rows = NULL;
  StallMeter meter;
  gint64 started;
  double longest;

  g_assert_cmpuint (n, >=, 200);

  stall_meter_start (&meter);
  started = g_get_monotonic_time ();
  bri_country_page_set_country (f->panel, china);
  bri_country_page_show_all_passages (f->panel);

  /* Frame by frame, the rows grow by one passage at most: a tick
   * callback of our own counts them at every frame. */
  {
    FrameCount count = { f->panel, 0, 0, 0 };
    guint tick = gtk_widget_add_tick_callback (GTK_WIDGET (f->panel), on_count_tick_cb, &count, NULL);

    rows = wait_for_passage_rows (f, n);
    gtk_widget_remove_tick_callback (GTK_WIDGET (f->panel), tick);
    g_assert_cmpuint (count.most_in_a_frame, <=, MAX_PASSAGES_PER_FRAME);
    g_assert_cmpuint (count.frames, >=, n / MAX_PASSAGES_PER_FRAME);
    g_clear_pointer (&rows, g_ptr_array_unref);
  }
  rows = wait_for_passage_rows (f, n);
  longest = stall_meter_stop (&meter);

  g_test_message ("China's %u passages in %.0f ms; the longest stall %.1f ms",
                  n, (g_get_monotonic_time () - started) / 1000.0, longest);
  g_assert_cmpuint (rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriPassage) passage = g_list_model_get_item (passages, i);

      g_assert_true (bri_passage_row_get_passage (g_ptr_array_index (rows, i)) == passage);
    }
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
test_empty (PanelFixture  *f,
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
  bri_country_page_set_country (f->panel, bri_atlas_lookup_country (atlas, "KE"));
  g_ptr_array_unref (wait_for_first_page (f, bri_atlas_lookup_country (atlas, "KE")));
  bri_country_page_set_country (f->panel, empty);
  panel_window_wait_frames (f->pw, 2);

  rows = page_passage_rows (f->panel);
  g_assert_cmpuint (rows->len, ==, 0);
  collect_widgets (GTK_WIDGET (f->panel), ADW_TYPE_PREFERENCES_GROUP, groups);
  g_assert_cmpuint (groups->len, ==, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (f->panel), is_visible_label, "No passages"));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->panel), is_visible_label,
                                 "The atlas maps no place in this country yet."));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->panel), is_visible_label,
                                 bri_country_get_display_name (empty)));
}

/* In German the dossier is Kenia's, with the English name under it. */
static void
test_translated_name (PanelFixture  *f,
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

  bri_country_page_set_country (f->panel, bri_atlas_lookup_country (atlas, "KE"));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->panel), is_visible_label, "Kenia"));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->panel), is_visible_label, "Kenya"));

  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  setlocale (LC_ALL, old_locale);

  /* Back in English the name is not repeated. */
  bri_country_page_set_country (f->panel, bri_atlas_lookup_country (atlas, "GR"));
  bri_country_page_set_country (f->panel, bri_atlas_lookup_country (atlas, "KE"));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->panel), is_visible_label, "Kenya"));
  g_assert_null (find_widget (GTK_WIDGET (f->panel), is_visible_label, "Kenia"));
}

static void
test_render (PanelFixture  *f,
             gconstpointer  data)
{
  BriCountry *kenya = bri_atlas_lookup_country (atlas, "KE");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(Picture) picture = NULL;
  GtkWidget *row = NULL;
  GdkRectangle header;
  guchar background[3];

  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));

  bri_country_page_set_country (f->panel, kenya);
  rows = wait_for_first_page (f, kenya);
  texture = save_png (f->pw->window, "country-page.png");
  picture = picture_new (texture);

  /* The dossier draws its name, counts and places: dark text on the
   * light page. */
  assert_picture_not_blank (picture, NULL, 0.03, background);
  assert_picture_dark_on_light (picture, NULL);
  header = widget_area_in_window (find_widget (GTK_WIDGET (f->panel), is_visible_label,
                                               bri_country_get_display_name (kenya)));
  g_assert_cmpint (header.y, <, 100);
  assert_picture_not_blank (picture, &header, 0.05, background);

  /* Scrolled to its first passage that names Kenya, the dossier shows
   * the name on the marker-pen highlight, which is nowhere else. */
  for (guint i = 0; i < rows->len && row == NULL; i++)
    {
      GtkLabel *label = passage_row_text_label (g_ptr_array_index (rows, i));
      const char *text = gtk_label_get_text (label);
      const char *found = strstr (text, "Kenya");

      if (found != NULL && label_has_background_over (label, found - text, found - text + 5))
        row = g_ptr_array_index (rows, i);
    }
  g_assert_nonnull (row);
  scroll_into_view (row);
  panel_window_wait_frames (f->pw, 3);
  g_clear_object (&texture);
  g_clear_pointer (&picture, picture_free);
  texture = save_png (f->pw->window, "country-page-passage.png");
  picture = picture_new (texture);
  assert_strong_highlight (picture, row);

  bri_country_page_set_country (f->panel, bri_atlas_lookup_country (atlas, "CN"));
  gtk_window_set_default_size (GTK_WINDOW (f->pw->window), 300, 900);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = wait_for_passage_rows (f, BRI_COUNTRY_PAGE_FIRST_PASSAGES);
  g_clear_object (&texture);
  g_clear_pointer (&picture, picture_free);
  texture = save_png (f->pw->window, "country-page-cn-300.png");
  picture = picture_new (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 300);
  assert_picture_not_blank (picture, NULL, 0.03, background);
  assert_picture_dark_on_light (picture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!panel_test_init (&argc, &argv))
    return 1;

  panel_test_add ("/bri/country-page/kenya", BRI_TYPE_COUNTRY_PAGE, test_kenya);
  panel_test_add ("/bri/country-page/show-all", BRI_TYPE_COUNTRY_PAGE, test_show_all);
  panel_test_add ("/bri/country-page/no-stall", BRI_TYPE_COUNTRY_PAGE, test_no_stall);
  panel_test_add ("/bri/country-page/empty", BRI_TYPE_COUNTRY_PAGE, test_empty);
  panel_test_add ("/bri/country-page/translated-name", BRI_TYPE_COUNTRY_PAGE, test_translated_name);
  panel_test_add ("/bri/country-page/render", BRI_TYPE_COUNTRY_PAGE, test_render);

  return panel_test_run ();
}
