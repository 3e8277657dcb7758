/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A tour presented over the real map with the real atlas: the caption
 * card shows the stop's title, caption, quote and citation in type as
 * large as the window asks; the keys of a remote move, reveal, blank and
 * end; the map flies (or, with animations off, jumps) and settles on the
 * stop with its places beside the card; unattended play loops; the
 * presenter view follows.  Screenshots in light and dark at 1280×800 and
 * 1920×1080 go to $BRI_TEST_OUTPUT_DIR. */

#include "config.h"

#include <string.h>

#include "bri-map-view.h"
#include "bri-presentation.h"
#include "bri-presenter-window.h"
#include "bri-tour-library.h"
#include "../panels/panel-test-util.h"

static BriTourLibrary *library;

typedef struct
{
  GtkWidget        *window;
  BriMapView       *map;
  BriPresentation  *presentation;
  BriFeatureFilter *filter;
} Fixture;

static void
fixture_open (Fixture *f,
              int      width,
              int      height)
{
  GtkWidget *overlay = gtk_overlay_new ();

  f->map = BRI_MAP_VIEW (bri_map_view_new ());
  f->presentation = BRI_PRESENTATION (bri_presentation_new ());
  f->filter = bri_feature_filter_new (atlas);
  bri_map_view_set_atlas (f->map, atlas, bri_atlas_get_features (atlas), f->filter);
  bri_map_view_set_dark (f->map, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  bri_presentation_set_atlas (f->presentation, atlas);
  bri_presentation_set_map_view (f->presentation, f->map);

  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (f->map));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (f->presentation));

  f->window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (f->window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  /* GTK keeps a window's default size within the screen (Xvfb's is
   * 1280×800); a size request is not, and rendering in the app does not
   * care. */
  gtk_widget_set_size_request (overlay, width, height);
  gtk_window_set_child (GTK_WINDOW (f->window), overlay);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_frames (f->window, 3);
  g_assert_cmpint (gtk_widget_get_width (f->window), ==, width);
  g_assert_cmpint (gtk_widget_get_height (f->window), ==, height);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_open (f, 1280, 800);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->filter);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static BriTour *
builtin (const char *id)
{
  BriTour *tour = bri_tour_library_lookup (library, id);

  g_assert_nonnull (tour);
  return tour;
}

/* Runs the main loop until the presentation has settled on its step;
 * returns how long that took, in ms. */
static double
wait_settled (Fixture *f)
{
  gint64 start = g_get_monotonic_time ();
  gint64 end = start + 15 * G_USEC_PER_SEC;

  while (!bri_presentation_get_settled (f->presentation))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }

  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
press (Fixture *f,
       guint    keyval)
{
  g_assert_true (bri_presentation_handle_key (f->presentation, keyval, 0));
}

static gboolean
is_label_of_class (GtkWidget     *widget,
                   gconstpointer  css_class)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class);
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static GtkLabel *
card_label (Fixture    *f,
            const char *css_class)
{
  GtkWidget *label = find_widget (GTK_WIDGET (f->presentation), is_label_of_class, css_class);

  g_assert_nonnull (label);
  return GTK_LABEL (label);
}

static const char *
shown_title (Fixture *f)
{
  GtkLabel *title = card_label (f, "stop-title");

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (title)));
  return gtk_label_get_text (title);
}

static BriTourStop *
stop_at (const char *tour,
         guint       position)
{
  return bri_tour_get_stop (builtin (tour), position);
}

/* The height of the first line @label draws, in pixels. */
static int
first_line_height (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  PangoRectangle logical;

  pango_layout_line_get_pixel_extents (pango_layout_get_line_readonly (layout, 0), NULL, &logical);
  return logical.height;
}

static guint
n_features_shown (Fixture *f)
{
  return g_list_model_get_n_items (bri_map_view_get_features (f->map));
}

static void
test_caption (Fixture       *f,
              gconstpointer  data)
{
  BriTourStop *first = stop_at ("cpec", 0);
  GtkLabel *quote, *citation, *caption, *progress;
  graphene_rect_t card;
  GListModel *desktop_features = bri_map_view_get_features (f->map);

  g_assert_true (bri_presentation_start (f->presentation, builtin ("cpec"), 0, FALSE));
  wait_settled (f);
  wait_frames (f->window, 2);

  /* Title, caption, the quote and its full citation, as plain text. */
  g_assert_cmpstr (shown_title (f), ==, bri_tour_stop_get_title (first));
  caption = card_label (f, "stop-caption");
  g_assert_cmpstr (gtk_label_get_text (caption), ==, bri_tour_stop_get_caption (first));
  quote = card_label (f, "stop-quote");
  g_assert_cmpstr (gtk_label_get_text (quote), ==,
                   "“Major projects along the China-Pakistan Economic Corridor are under way.”");
  g_assert_false (gtk_label_get_use_markup (quote));
  citation = card_label (f, "stop-citation");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (citation),
                                   "— The State Council Information Office of the People's Republic of China, "
                                   "“The Belt and Road Initiative: A Key Pillar of the Global Community of Shared Future”, 2023-10, "));
  g_assert_true (g_str_has_suffix (gtk_label_get_text (citation), "¶ 76"));
  progress = card_label (f, "progress");
  g_assert_cmpstr (gtk_label_get_text (progress), ==, "1 / 10");

  /* Read from the back of a room: titles at least 1/18 of the height,
   * body text at least 1/40, as drawn. */
  g_assert_cmpint (first_line_height (card_label (f, "stop-title")), >=, 800 / 18);
  g_assert_cmpint (first_line_height (caption), >=, 800 / 40);
  g_assert_cmpint (first_line_height (quote), >=, 800 / 40);
  g_assert_cmpint (first_line_height (citation), >=, 800 / 40);

  /* The card sits on the left, the map shows the stop beside it. */
  g_assert_true (gtk_widget_compute_bounds (find_widget (GTK_WIDGET (f->presentation), has_class, "caption-card"),
                                            GTK_WIDGET (f->presentation), &card));
  g_assert_cmpfloat (card.origin.x + card.size.width, <, 1280 * 0.5);
  g_assert_cmpint (bri_map_view_get_obscured (f->map, GTK_POS_LEFT), >=, card.origin.x + card.size.width - 2);

  /* The map: heavier, without its controls, only the tour's places. */
  g_assert_cmpfloat (bri_map_view_get_line_scale (f->map), >=, 1.5);
  g_assert_cmpuint (n_features_shown (f), ==, 1);

  /* Ending gives the desktop map back. */
  press (f, GDK_KEY_Escape);
  g_assert_false (bri_presentation_get_presenting (f->presentation));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->presentation)));
  g_assert_true (bri_map_view_get_features (f->map) == desktop_features);
  g_assert_cmpfloat (bri_map_view_get_line_scale (f->map), ==, 1.0);
  g_assert_cmpint (bri_map_view_get_obscured (f->map, GTK_POS_LEFT), ==, 0);
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  BriTourPlayer *player;
  GtkWidget *help;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_assert_true (bri_presentation_start (f->presentation, builtin ("cpec"), 0, FALSE));
  player = bri_presentation_get_player (f->presentation);
  wait_settled (f);

  /* Stop 2 builds up: three presses reveal its three places. */
  press (f, GDK_KEY_Page_Down);
  g_assert_cmpstr (shown_title (f), ==, bri_tour_stop_get_title (stop_at ("cpec", 1)));
  g_assert_cmpuint (n_features_shown (f), ==, 0);
  press (f, GDK_KEY_space);
  g_assert_cmpuint (n_features_shown (f), ==, 1);
  press (f, GDK_KEY_Right);
  press (f, GDK_KEY_Down);
  g_assert_cmpuint (n_features_shown (f), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (card_label (f, "progress")), ==, "2 / 10");
  press (f, GDK_KEY_n);
  g_assert_cmpstr (shown_title (f), ==, "Karot: a dam on the Jhelum");
  press (f, GDK_KEY_BackSpace);
  g_assert_cmpuint (bri_tour_player_get_revealed (player), ==, 3);
  press (f, GDK_KEY_Page_Up);
  press (f, GDK_KEY_Left);
  press (f, GDK_KEY_Up);
  press (f, GDK_KEY_p);
  g_assert_cmpuint (bri_tour_player_get_position (player), ==, 0);

  /* A number, then Return; End, Home. */
  press (f, GDK_KEY_1);
  press (f, GDK_KEY_KP_0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card_label (f, "typed"))));
  press (f, GDK_KEY_Return);
  g_assert_cmpuint (bri_tour_player_get_position (player), ==, 9);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (card_label (f, "typed"))));
  press (f, GDK_KEY_Home);
  g_assert_cmpuint (bri_tour_player_get_position (player), ==, 0);
  press (f, GDK_KEY_End);
  g_assert_cmpuint (bri_tour_player_get_position (player), ==, 9);
  g_assert_cmpstr (gtk_label_get_text (card_label (f, "progress")), ==, "10 / 10");

  /* b, period, KP_Decimal blank the screen; any key brings it back,
   * and does nothing else. */
  for (guint i = 0; i < 3; i++)
    {
      const guint keys[] = { GDK_KEY_b, GDK_KEY_period, GDK_KEY_KP_Decimal };

      press (f, keys[i]);
      g_assert_cmpint (bri_tour_player_get_blank (player), ==, BRI_TOUR_BLANK_BLACK);
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (card_label (f, "stop-title"))) &&
                      gtk_widget_get_mapped (GTK_WIDGET (card_label (f, "stop-title"))));
      press (f, GDK_KEY_Home);
      g_assert_cmpint (bri_tour_player_get_blank (player), ==, BRI_TOUR_BLANK_NONE);
      g_assert_cmpuint (bri_tour_player_get_position (player), ==, 9);
    }
  press (f, GDK_KEY_W);
  g_assert_cmpint (bri_tour_player_get_blank (player), ==, BRI_TOUR_BLANK_WHITE);

  /* Escape: first the blank screen goes, then the presentation. */
  press (f, GDK_KEY_Escape);
  g_assert_true (bri_presentation_get_presenting (f->presentation));
  g_assert_cmpint (bri_tour_player_get_blank (player), ==, BRI_TOUR_BLANK_NONE);

  /* "?" shows the keys; any key hides them. */
  press (f, GDK_KEY_question);
  help = find_widget (GTK_WIDGET (f->presentation), is_label_of_class, "key");
  g_assert_nonnull (help);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (help)));
  press (f, GDK_KEY_Escape);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (help)));
  g_assert_true (bri_presentation_get_presenting (f->presentation));

  /* F5 while presenting does nothing; keys with Control are the
   * application's (Ctrl+Q quits). */
  press (f, GDK_KEY_F5);
  g_assert_true (bri_presentation_get_presenting (f->presentation));
  g_assert_false (bri_presentation_handle_key (f->presentation, GDK_KEY_q, GDK_CONTROL_MASK));
  g_assert_false (bri_presentation_handle_key (f->presentation, GDK_KEY_Shift_L, 0));

  press (f, GDK_KEY_Escape);
  g_assert_false (bri_presentation_get_presenting (f->presentation));
  /* Escape and F5 when not presenting: not the presentation's. */
  g_assert_false (bri_presentation_handle_key (f->presentation, GDK_KEY_Escape, 0));
  g_assert_false (bri_presentation_handle_key (f->presentation, GDK_KEY_F5, 0));
}

/* Whether @feature's first point is in the part of the map beside the
 * card. */
static gboolean
feature_beside_card (Fixture    *f,
                     const char *id)
{
  BriFeature *feature = bri_atlas_lookup_feature (atlas, id);
  ShumateViewport *viewport = bri_map_view_get_viewport (f->map);
  double west, south, east, north, x, y;
  int left = bri_map_view_get_obscured (f->map, GTK_POS_LEFT);

  bri_feature_get_bounds (feature, &west, &south, &east, &north);
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (f->map),
                                              (south + north) / 2, (west + east) / 2, &x, &y);
  g_test_message ("%s at %.0f,%.0f; the card ends at %d", id, x, y, left);
  return x > left && x < gtk_widget_get_width (GTK_WIDGET (f->map)) && y > 0 &&
         y < gtk_widget_get_height (GTK_WIDGET (f->map));
}

static void
test_flight (Fixture       *f,
             gconstpointer  data)
{
  ShumateViewport *viewport = bri_map_view_get_viewport (f->map);
  double lat0, ms;
  gboolean between = FALSE;

  g_assert_true (bri_presentation_start (f->presentation, builtin ("maritime-silk-road-ports"), 2, FALSE));
  wait_settled (f);
  g_assert_true (feature_beside_card (f, "ningbo-zhoushan-port"));
  lat0 = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));

  /* With animations on, the map flies: it passes places in between and
   * settles after about 1.5 s. */
  press (f, GDK_KEY_Page_Down);
  g_assert_false (bri_presentation_get_settled (f->presentation));
  {
    gint64 start = g_get_monotonic_time ();

    while (!bri_presentation_get_settled (f->presentation))
      {
        double lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));

        g_assert_cmpint (g_get_monotonic_time () - start, <, 15 * G_USEC_PER_SEC);
        if (lat < lat0 - 1.0 && lat > 19.4279 + 1.0)
          between = TRUE;
        g_main_context_iteration (NULL, TRUE);
      }
    ms = (g_get_monotonic_time () - start) / 1000.0;
  }
  g_test_message ("the flight settled after %.0f ms", ms);
  g_assert_true (between);
  g_assert_cmpfloat (ms, >=, BRI_PRESENTATION_FLIGHT_MS * 0.9);
  g_assert_true (feature_beside_card (f, "kyaukphyu-deep-sea-port"));

  /* With animations off it jumps: the next settled frame is there. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  press (f, GDK_KEY_Page_Down);
  g_assert_cmpfloat (fabs (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) - 6.1241), <, 3.0);
  ms = wait_settled (f);
  g_test_message ("the jump settled after %.0f ms", ms);
  g_assert_cmpfloat (ms, <, BRI_PRESENTATION_FLIGHT_MS / 2.0);
  g_assert_true (feature_beside_card (f, "hambantota-port"));
  bri_presentation_stop (f->presentation);
}

/* Every stop of every built-in tour has its places beside the card. */
static void
test_stops_in_view (Fixture       *f,
                    gconstpointer  data)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  for (guint t = 0; t < g_list_model_get_n_items (G_LIST_MODEL (library)); t++)
    {
      g_autoptr(BriTour) tour = g_list_model_get_item (G_LIST_MODEL (library), t);

      if (bri_tour_get_source (tour) != BRI_TOUR_SOURCE_BUILT_IN)
        continue;

      g_assert_true (bri_presentation_start (f->presentation, tour, 0, FALSE));
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tour)); i++)
        {
          BriTourStop *stop = bri_tour_get_stop (tour, i);
          const char * const *reveal = bri_tour_stop_get_reveal (stop);
          BriLocation *subject = bri_tour_stop_get_subject (stop);

          bri_tour_player_go_to (bri_presentation_get_player (f->presentation), i, 0);
          wait_settled (f);
          for (guint j = 0; reveal[j] != NULL; j++)
            g_assert_true (feature_beside_card (f, reveal[j]));
          if (subject != NULL && bri_location_get_kind (subject) == BRI_LOCATION_FEATURE &&
              bri_feature_get_n_parts (bri_atlas_lookup_feature (atlas, bri_location_get_id (subject))) == 1 &&
              !bri_feature_is_line (bri_atlas_lookup_feature (atlas, bri_location_get_id (subject))))
            g_assert_true (feature_beside_card (f, bri_location_get_id (subject)));
        }
      bri_presentation_stop (f->presentation);
    }
}

static BriTour *
short_tour (void)
{
  BriTour *tour = bri_tour_new ("kiosk", "Kiosk");
  const char *views[] = { "view:25.12,62.33,6", "view:37.94,23.65,6" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BriLocation) view = bri_location_parse (views[i], &error);
      g_autoptr(BriTourStop) stop = bri_tour_stop_new (i == 0 ? "Gwadar" : "Piraeus", view);

      bri_tour_stop_set_duration (stop, 0.3);
      bri_tour_append_stop (tour, stop);
    }

  return tour;
}

static void
test_unattended (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BriTour) tour = short_tour ();
  BriTourPlayer *player;
  guint visited = 0, last = 0;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_assert_true (bri_presentation_start (f->presentation, tour, 0, TRUE));
  g_assert_true (bri_presentation_get_unattended (f->presentation));
  player = bri_presentation_get_player (f->presentation);

  /* Stops advance by their durations, and loop. */
  while (visited < 3)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
      if (bri_tour_player_get_position (player) != last)
        {
          last = bri_tour_player_get_position (player);
          visited++;
        }
    }
  g_assert_cmpuint (visited, ==, 3);

  /* Any key takes control: play stops. */
  press (f, GDK_KEY_a);
  g_assert_false (bri_presentation_get_unattended (f->presentation));
  last = bri_tour_player_get_position (player);
  {
    gint64 wait_end = g_get_monotonic_time () + G_USEC_PER_SEC;

    while (g_get_monotonic_time () < wait_end)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpuint (bri_tour_player_get_position (player), ==, last);
  bri_presentation_stop (f->presentation);
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static void
test_presenter_view (Fixture       *f,
                     gconstpointer  data)
{
  BriTour *cpec = builtin ("cpec");
  GtkWidget *presenter;
  g_autofree char *next = NULL;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_assert_null (bri_presentation_show_presenter_view (f->presentation));
  g_assert_true (bri_presentation_start (f->presentation, cpec, 0, FALSE));
  press (f, GDK_KEY_s);
  presenter = bri_presentation_show_presenter_view (f->presentation);
  g_assert_true (BRI_IS_PRESENTER_WINDOW (presenter));
  g_object_add_weak_pointer (G_OBJECT (presenter), (gpointer *) &presenter);
  wait_frames (presenter, 2);

  /* The notes, the next stop, the whole passage. */
  g_assert_nonnull (find_widget (presenter, is_label_with_text, bri_tour_stop_get_notes (bri_tour_get_stop (cpec, 0))));
  next = g_strdup_printf ("Next: %s", bri_tour_stop_get_title (bri_tour_get_stop (cpec, 1)));
  g_assert_nonnull (find_widget (presenter, is_label_with_text, next));
  g_assert_nonnull (find_widget (presenter, is_label_with_text,
                                 bri_passage_get_text (bri_atlas_lookup_passage (atlas, "white-paper-2023", 76))));

  /* It follows the presentation. */
  press (f, GDK_KEY_Page_Down);
  g_assert_nonnull (find_widget (presenter, is_label_with_text, bri_tour_stop_get_notes (bri_tour_get_stop (cpec, 1))));
  g_assert_nonnull (find_widget (presenter, is_label_with_text, "Next: another place at this stop"));

  /* It closes when the presentation ends. */
  press (f, GDK_KEY_Escape);
  wait_frames (f->window, 2);
  g_assert_null (presenter);
}

/* Saves the window as a PNG and checks the card: a light (or dark) page
 * with text of the opposite end of the scale. */
static void
check_screenshot (Fixture    *f,
                  const char *name,
                  gboolean    dark)
{
  g_autoptr(GdkTexture) texture = save_png (f->window, name);
  g_autoptr(Picture) picture = picture_new (texture);
  GdkRectangle area = widget_area_in_window (find_widget (GTK_WIDGET (f->presentation), has_class, "caption-card"));
  double page, extreme;
  guint text;

  picture_text_contrast (picture, &area, dark, &page, &extreme, &text);
  g_test_message ("%s: card background luminance %.0f, text reaches %.0f, %u text pixels",
                  name, page, extreme, text);
  if (dark)
    {
      g_assert_cmpfloat (page, <, 30.0);
      g_assert_cmpfloat (extreme, >, 230.0);
    }
  else
    {
      g_assert_cmpfloat (page, >, 240.0);
      g_assert_cmpfloat (extreme, <, 30.0);
    }
  g_assert_cmpuint (text, >, 2000);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const struct { int width, height; } sizes[] = { { 1280, 800 }, { 1920, 1080 } };

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->filter);

  for (guint dark = 0; dark < 2; dark++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autofree char *name = g_strdup_printf ("presentation-cpec-%dx%d-%s.png", sizes[s].width,
                                                 sizes[s].height, dark ? "dark" : "light");
        int height = sizes[s].height;

        adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                            dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
        fixture_open (f, sizes[s].width, height);
        /* Stop 2, all three places revealed. */
        g_assert_true (bri_presentation_start (f->presentation, builtin ("cpec"), 1, FALSE));
        for (guint i = 0; i < 3; i++)
          press (f, GDK_KEY_Page_Down);
        wait_settled (f);
        wait_frames (f->window, 3);

        /* The type grew with the window. */
        g_assert_cmpint (first_line_height (card_label (f, "stop-title")), >=, height / 18);
        g_assert_cmpint (first_line_height (card_label (f, "stop-caption")), >=, height / 40);
        g_assert_cmpint (first_line_height (card_label (f, "stop-citation")), >=, height / 40);
        check_screenshot (f, name, dark);

        /* A black screen is black. */
        if (s == 0)
          {
            g_autofree char *black_name = g_strdup_printf ("presentation-black-%s.png", dark ? "dark" : "light");
            g_autoptr(GdkTexture) texture = NULL;
            g_autoptr(Picture) picture = NULL;
            const guchar black[3] = { 0, 0, 0 };

            press (f, GDK_KEY_b);
            wait_frames (f->window, 2);
            texture = save_png (f->window, black_name);
            picture = picture_new (texture);
            g_assert_cmpuint (picture_count_near (picture, NULL, black, 4), ==,
                              (guint) (picture->width * picture->height));
            press (f, GDK_KEY_b);
          }

        gtk_window_destroy (GTK_WINDOW (f->window));
        g_clear_object (&f->filter);
      }

  /* The fixture's tear down closes a window. */
  fixture_open (f, 1280, 800);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!panel_test_init (&argc, &argv))
    return 1;

  library = bri_tour_library_new (NULL);
  g_assert_true (bri_tour_library_load (library, NULL, &error));
  g_assert_no_error (error);

  g_test_add ("/bri/presentation/caption", Fixture, NULL, fixture_set_up, test_caption, fixture_tear_down);
  g_test_add ("/bri/presentation/keys", Fixture, NULL, fixture_set_up, test_keys, fixture_tear_down);
  g_test_add ("/bri/presentation/flight", Fixture, NULL, fixture_set_up, test_flight, fixture_tear_down);
  g_test_add ("/bri/presentation/stops-in-view", Fixture, NULL, fixture_set_up, test_stops_in_view, fixture_tear_down);
  g_test_add ("/bri/presentation/unattended", Fixture, NULL, fixture_set_up, test_unattended, fixture_tear_down);
  g_test_add ("/bri/presentation/presenter-view", Fixture, NULL, fixture_set_up, test_presenter_view, fixture_tear_down);
  g_test_add ("/bri/presentation/screenshots", Fixture, NULL, fixture_set_up, test_screenshots, fixture_tear_down);

  status = panel_test_run ();
  g_clear_object (&library);
  return status;
}
