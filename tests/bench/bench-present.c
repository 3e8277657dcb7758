/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Presenting, measured at 1920×1080 with the real map and atlas: every
 * next-stop key press through the three built-in tours, from the press
 * to the first frame after it and to the settled frame (the map at the
 * stop with every tile drawn), with animations off (the map jumps) and on
 * (it flies for 1.5 s); and during the flights, how long each frame takes
 * (from the frame clock's before-paint to its after-paint: update, layout
 * and paint) and how far apart frames come.  Reveal presses on build-up
 * stops are counted apart.  Run under Xvfb with GSK_RENDERER=cairo, as
 * the tests:
 *
 *   xvfb-run -a -s '-screen 0 1920x1080x24' meson test -C _build --benchmark --suite bench present -v
 */

#include "config.h"

#include "bri-map-view.h"
#include "bri-presentation.h"
#include "bri-tour-library.h"
#include "../ui/panels/panel-test-util.h"
#include "bench-util.h"

#define WIDTH  1920
#define HEIGHT 1080
/* One frame at 60 Hz. */
#define FRAME_BUDGET_MS 16.7

typedef struct
{
  BriPresentation *presentation;
  GdkFrameClock   *clock;
  gint64           before_paint;
  double           before_paint_cpu;
  gint64           last_frame_time;
  gint64           pressed;         /* 0 when no press is being timed */
  gint64           first_frame;     /* the first frame after the press */
  double           first_frame_cpu; /* its CPU time, ms */
  gint64           settled;
  gboolean         recording;       /* frames of a flight */
  GArray          *frame_ms;
  GArray          *frame_cpu_ms;
  GArray          *interval_ms;
} Meter;

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Meter         *m)
{
  m->before_paint = g_get_monotonic_time ();
  m->before_paint_cpu = bench_cpu_ms ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Meter         *m)
{
  gint64 now = g_get_monotonic_time ();
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);

  if (m->pressed != 0 && m->first_frame == 0)
    {
      m->first_frame = now;
      m->first_frame_cpu = bench_cpu_ms () - m->before_paint_cpu;
    }

  if (m->recording)
    {
      double ms = (now - m->before_paint) / 1000.0;
      double cpu = bench_cpu_ms () - m->before_paint_cpu;

      g_array_append_val (m->frame_ms, ms);
      g_array_append_val (m->frame_cpu_ms, cpu);
      if (m->last_frame_time != 0)
        {
          double interval = (frame_time - m->last_frame_time) / 1000.0;

          g_array_append_val (m->interval_ms, interval);
        }
    }
  m->last_frame_time = frame_time;
}

static void
on_settled_cb (BriPresentation *presentation,
               GParamSpec      *pspec,
               Meter           *m)
{
  if (bri_presentation_get_settled (presentation) && m->pressed != 0 && m->settled == 0)
    m->settled = g_get_monotonic_time ();
}

static void
wait_settled (Meter *m)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!bri_presentation_get_settled (m->presentation))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

static double
percentile (GArray *values,
            double  p)
{
  double *v = (double *) values->data;

  if (values->len == 0)
    return 0.0;

  g_array_sort (values, bench_compare_doubles);
  return v[MIN (values->len - 1, (guint) (p * (values->len - 1) + 0.5))];
}

static double
maximum (GArray *values)
{
  return values->len > 0 ? percentile (values, 1.0) : 0.0;
}

static guint
count_over (GArray *values,
            double  limit)
{
  guint n = 0;

  for (guint i = 0; i < values->len; i++)
    n += g_array_index (values, double, i) > limit;

  return n;
}

/* Presses Page Down through every built-in tour; adds to the arrays the
 * times of presses that moved to another stop, and of reveals. */
static void
run_tours (Meter          *m,
           BriTourLibrary *library,
           gboolean        record_frames,
           GArray         *to_frame,
           GArray         *to_settled,
           GArray         *reveal_settled,
           GArray         *key_cpu)
{
  for (guint t = 0; t < g_list_model_get_n_items (G_LIST_MODEL (library)); t++)
    {
      g_autoptr(BriTour) tour = g_list_model_get_item (G_LIST_MODEL (library), t);
      BriTourPlayer *player;

      if (bri_tour_get_source (tour) != BRI_TOUR_SOURCE_BUILT_IN)
        continue;

      g_assert_true (bri_presentation_start (m->presentation, tour, 0, FALSE));
      player = bri_presentation_get_player (m->presentation);
      wait_settled (m);

      for (;;)
        {
          guint position = bri_tour_player_get_position (player);
          guint revealed = bri_tour_player_get_revealed (player);
          gboolean moved;
          double frame_ms, settled_ms, cpu;

          m->first_frame = m->settled = 0;
          m->recording = record_frames;
          m->last_frame_time = 0;
          m->pressed = g_get_monotonic_time ();
          cpu = bench_cpu_ms ();
          g_assert_true (bri_presentation_handle_key (m->presentation, GDK_KEY_Page_Down, 0));
          cpu = bench_cpu_ms () - cpu;
          if (bri_tour_player_get_position (player) == position && bri_tour_player_get_revealed (player) == revealed)
            {
              m->pressed = 0;
              m->recording = FALSE;
              break;   /* the end of the tour */
            }
          moved = bri_tour_player_get_position (player) != position;
          wait_settled (m);
          m->recording = FALSE;

          frame_ms = (m->first_frame - m->pressed) / 1000.0;
          settled_ms = (m->settled - m->pressed) / 1000.0;
          if (moved)
            {
              /* The press's own work and its first frame's, in CPU time:
               * what the machine's other load does not stretch. */
              double work = cpu + m->first_frame_cpu;

              g_array_append_val (to_frame, frame_ms);
              g_array_append_val (to_settled, settled_ms);
              g_array_append_val (key_cpu, work);
            }
          else
            g_array_append_val (reveal_settled, settled_ms);
          m->pressed = 0;
        }

      bri_presentation_stop (m->presentation);
    }
}

/* The map alone, no presentation over it: the same views, flown to as
 * the presentation flies, for a baseline of its frames. */
static void
fly_map_alone (Meter          *m,
               BriMapView     *map,
               BriTourLibrary *library)
{
  ShumateViewport *viewport = bri_map_view_get_viewport (map);

  for (guint t = 0; t < g_list_model_get_n_items (G_LIST_MODEL (library)); t++)
    {
      g_autoptr(BriTour) tour = g_list_model_get_item (G_LIST_MODEL (library), t);

      if (bri_tour_get_source (tour) != BRI_TOUR_SOURCE_BUILT_IN)
        continue;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tour)); i++)
        {
          double lat, lon, zoom, tlat, tlon, tzoom;
          gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

          bri_location_get_view (bri_tour_stop_get_view (bri_tour_get_stop (tour, i)), &lat, &lon, &zoom);
          m->recording = TRUE;
          m->last_frame_time = 0;
          bri_map_view_show_view (map, lat, lon, zoom, BRI_PRESENTATION_FLIGHT_MS, &tlat, &tlon, &tzoom);
          while (fabs (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) - tlat) > 1e-6 ||
                 fabs (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)) - tlon) > 1e-6 ||
                 !bri_map_view_get_drawn (map))
            {
              g_assert_cmpint (g_get_monotonic_time (), <, end);
              g_main_context_iteration (NULL, TRUE);
            }
          m->recording = FALSE;
        }
    }
}

static void
report (const char *what,
        GArray     *values)
{
  g_print ("  %-34s n=%-3u median %7.1f ms   p95 %7.1f ms   max %7.1f ms\n",
           what, values->len, percentile (values, 0.5), percentile (values, 0.95), maximum (values));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BriTourLibrary) library = NULL;
  g_autoptr(BriFeatureFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) jump_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jump_settled = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jump_reveal = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) warm_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) warm_settled = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) warm_reveal = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) flight_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) flight_settled = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) flight_reveal = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jump_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) warm_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) flight_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) alone_frames = NULL;
  g_autoptr(GArray) alone_cpu = NULL;
  g_autoptr(GArray) alone_intervals = NULL;
  Meter m = { 0 };
  GtkWidget *window, *overlay;
  BriMapView *map;

  if (!panel_test_init (&argc, &argv))
    return 1;

  library = bri_tour_library_new (NULL);
  g_assert_true (bri_tour_library_load (library, NULL, &error));

  map = BRI_MAP_VIEW (bri_map_view_new ());
  m.presentation = BRI_PRESENTATION (bri_presentation_new ());
  filter = bri_feature_filter_new (atlas);
  bri_map_view_set_atlas (map, atlas, bri_atlas_get_features (atlas), filter);
  bri_presentation_set_atlas (m.presentation, atlas);
  bri_presentation_set_map_view (m.presentation, map);
  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (map));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (m.presentation));
  /* A size request, not a default size: GTK keeps those within the
   * screen. */
  gtk_widget_set_size_request (overlay, WIDTH, HEIGHT);
  window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window, 5);
  g_assert_cmpint (gtk_widget_get_width (window), ==, WIDTH);
  g_assert_cmpint (gtk_widget_get_height (window), ==, HEIGHT);

  m.clock = gtk_widget_get_frame_clock (window);
  m.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  m.frame_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  m.interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (m.clock, "before-paint", G_CALLBACK (on_before_paint_cb), &m);
  g_signal_connect (m.clock, "after-paint", G_CALLBACK (on_after_paint_cb), &m);
  g_signal_connect (m.presentation, "notify::settled", G_CALLBACK (on_settled_cb), &m);

  /* Animations off: the map jumps.  The first pass draws every stop's
   * tiles for the first time; the second finds them in the map's cache. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  run_tours (&m, library, FALSE, jump_frame, jump_settled, jump_reveal, jump_cpu);
  run_tours (&m, library, FALSE, warm_frame, warm_settled, warm_reveal, warm_cpu);

  /* Animations on: it flies. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  run_tours (&m, library, TRUE, flight_frame, flight_settled, flight_reveal, flight_cpu);
  {
    GArray *frames = m.frame_ms, *cpu = m.frame_cpu_ms, *intervals = m.interval_ms;

    m.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
    m.frame_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
    m.interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
    fly_map_alone (&m, map, library);
    alone_frames = m.frame_ms;
    alone_cpu = m.frame_cpu_ms;
    alone_intervals = m.interval_ms;
    m.frame_ms = frames;
    m.frame_cpu_ms = cpu;
    m.interval_ms = intervals;
  }

  g_print ("Presenting the built-in tours at %d×%d, %s renderer\n", WIDTH, HEIGHT,
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("Animations off (the map jumps), tiles drawn for the first time:\n");
  report ("next stop: key to first frame", jump_frame);
  report ("  CPU: key handler + first frame", jump_cpu);
  report ("next stop: key to settled frame", jump_settled);
  report ("reveal: key to settled frame", jump_reveal);
  g_print ("Animations off, tiles from the map's cache:\n");
  report ("next stop: key to first frame", warm_frame);
  report ("  CPU: key handler + first frame", warm_cpu);
  report ("next stop: key to settled frame", warm_settled);
  report ("reveal: key to settled frame", warm_reveal);
  g_print ("Animations on (the map flies %d ms):\n", BRI_PRESENTATION_FLIGHT_MS);
  report ("next stop: key to first frame", flight_frame);
  report ("  CPU: key handler + first frame", flight_cpu);
  report ("next stop: key to settled frame", flight_settled);
  report ("reveal: key to settled frame", flight_reveal);
  report ("frame time during flights", m.frame_ms);
  report ("frame CPU time during flights", m.frame_cpu_ms);
  report ("frame interval during flights", m.interval_ms);
  g_print ("  frames over %.1f ms: %u of %u; intervals over 1.5 frames: %u of %u\n", FRAME_BUDGET_MS,
           count_over (m.frame_ms, FRAME_BUDGET_MS), m.frame_ms->len,
           count_over (m.interval_ms, 1.5 * FRAME_BUDGET_MS), m.interval_ms->len);
  g_print ("The map alone, flying between the same views (a baseline):\n");
  report ("frame time", alone_frames);
  report ("frame CPU time", alone_cpu);
  report ("frame interval", alone_intervals);

  g_signal_handlers_disconnect_by_data (m.clock, &m);
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (m.frame_ms);
  g_array_unref (m.frame_cpu_ms);
  g_array_unref (m.interval_ms);
  return panel_test_run ();
}
