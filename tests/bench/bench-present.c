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

/* The frames of flights: how long each took (wall and main-thread CPU)
 * and how far apart they came. */
typedef struct
{
  GArray *frame_ms;
  GArray *cpu_ms;
  GArray *interval_ms;
} Frames;

typedef struct
{
  BriPresentation *presentation;
  gint64           before_paint;
  double           before_paint_cpu;
  gint64           last_frame_time;
  gint64           pressed;         /* 0 when no press is being timed */
  gint64           first_frame;     /* the first frame after the press */
  double           first_frame_cpu; /* its CPU time, ms */
  gint64           settled;
  Frames          *recording;       /* the frames of a flight, or NULL */
} Meter;

/* One pass through the built-in tours. */
typedef struct
{
  const char *title;
  gboolean    animate;
  GArray     *to_frame;    /* next stop: key to the first frame */
  GArray     *key_cpu;     /* next stop: CPU of the key handler and that frame */
  GArray     *handler_cpu; /* next stop: CPU of the key handler alone */
  GArray     *to_settled;  /* next stop: key to the settled frame */
  GArray     *reveal;      /* reveal: key to the settled frame */
} Pass;

static GArray *
doubles_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (double));
}

static void
append (GArray *values,
        double  value)
{
  g_array_append_val (values, value);
}

static void
frames_init (Frames *frames)
{
  frames->frame_ms = doubles_new ();
  frames->cpu_ms = doubles_new ();
  frames->interval_ms = doubles_new ();
}

static void
frames_clear (Frames *frames)
{
  g_clear_pointer (&frames->frame_ms, g_array_unref);
  g_clear_pointer (&frames->cpu_ms, g_array_unref);
  g_clear_pointer (&frames->interval_ms, g_array_unref);
}

static void
pass_init (Pass       *pass,
           const char *title,
           gboolean    animate)
{
  pass->title = title;
  pass->animate = animate;
  pass->to_frame = doubles_new ();
  pass->key_cpu = doubles_new ();
  pass->handler_cpu = doubles_new ();
  pass->to_settled = doubles_new ();
  pass->reveal = doubles_new ();
}

static void
pass_clear (Pass *pass)
{
  g_clear_pointer (&pass->to_frame, g_array_unref);
  g_clear_pointer (&pass->key_cpu, g_array_unref);
  g_clear_pointer (&pass->handler_cpu, g_array_unref);
  g_clear_pointer (&pass->to_settled, g_array_unref);
  g_clear_pointer (&pass->reveal, g_array_unref);
}

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
  double cpu = bench_cpu_ms () - m->before_paint_cpu;
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);

  if (m->pressed != 0 && m->first_frame == 0)
    {
      m->first_frame = now;
      m->first_frame_cpu = cpu;
    }

  if (m->recording != NULL)
    {
      append (m->recording->frame_ms, (now - m->before_paint) / 1000.0);
      append (m->recording->cpu_ms, cpu);
      if (m->last_frame_time != 0)
        append (m->recording->interval_ms, (frame_time - m->last_frame_time) / 1000.0);
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
wait_until (gboolean (*done) (gpointer),
            gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
presentation_settled (gpointer data)
{
  return bri_presentation_get_settled (data);
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

static guint
count_over (GArray *values,
            double  limit)
{
  guint n = 0;

  for (guint i = 0; i < values->len; i++)
    n += g_array_index (values, double, i) > limit;

  return n;
}

static BriTour *
builtin_tour (BriTourLibrary *library,
              guint           position)
{
  g_autoptr(BriTour) tour = g_list_model_get_item (G_LIST_MODEL (library), position);

  return tour != NULL && bri_tour_get_source (tour) == BRI_TOUR_SOURCE_BUILT_IN ? tour : NULL;
}

/* Presses Page Down through every built-in tour, timing each press. */
static void
run_pass (Meter          *m,
          BriTourLibrary *library,
          Pass           *pass,
          Frames         *flights)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", pass->animate, NULL);

  for (guint t = 0; t < g_list_model_get_n_items (G_LIST_MODEL (library)); t++)
    {
      BriTour *tour = builtin_tour (library, t);
      BriTourPlayer *player;

      if (tour == NULL)
        continue;

      g_assert_true (bri_presentation_start (m->presentation, tour, 0, FALSE));
      player = bri_presentation_get_player (m->presentation);
      wait_until (presentation_settled, m->presentation);

      for (;;)
        {
          guint position = bri_tour_player_get_position (player);
          guint revealed = bri_tour_player_get_revealed (player);
          double cpu;

          m->first_frame = m->settled = 0;
          m->last_frame_time = 0;
          m->recording = pass->animate ? flights : NULL;
          m->pressed = g_get_monotonic_time ();
          cpu = bench_cpu_ms ();
          g_assert_true (bri_presentation_handle_key (m->presentation, GDK_KEY_Page_Down, 0));
          cpu = bench_cpu_ms () - cpu;
          if (bri_tour_player_get_position (player) == position &&
              bri_tour_player_get_revealed (player) == revealed)
            break;   /* the end of the tour */

          wait_until (presentation_settled, m->presentation);
          if (bri_tour_player_get_position (player) != position)
            {
              append (pass->to_frame, (m->first_frame - m->pressed) / 1000.0);
              /* What the machine's other load does not stretch. */
              append (pass->key_cpu, cpu + m->first_frame_cpu);
              append (pass->handler_cpu, cpu);
              append (pass->to_settled, (m->settled - m->pressed) / 1000.0);
            }
          else
            append (pass->reveal, (m->settled - m->pressed) / 1000.0);
        }

      m->pressed = 0;
      m->recording = NULL;
      bri_presentation_stop (m->presentation);
    }
}

typedef struct
{
  BriMapView *map;
  double      lat;
  double      lon;
} MapTarget;

static gboolean
map_arrived (gpointer data)
{
  MapTarget *target = data;
  ShumateViewport *viewport = bri_map_view_get_viewport (target->map);

  return fabs (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) - target->lat) < 1e-6 &&
         fabs (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)) - target->lon) < 1e-6 &&
         bri_map_view_get_drawn (target->map);
}

/* The map alone, no presentation over it: the same views, flown to as
 * the presentation flies, for a baseline of its frames. */
static void
fly_map_alone (Meter          *m,
               BriMapView     *map,
               BriTourLibrary *library,
               Frames         *frames)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);

  for (guint t = 0; t < g_list_model_get_n_items (G_LIST_MODEL (library)); t++)
    {
      BriTour *tour = builtin_tour (library, t);

      for (guint i = 0; tour != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (tour)); i++)
        {
          MapTarget target = { map };
          double lat, lon, zoom;

          bri_location_get_view (bri_tour_stop_get_view (bri_tour_get_stop (tour, i)), &lat, &lon, &zoom);
          m->recording = frames;
          m->last_frame_time = 0;
          bri_map_view_show_view (map, lat, lon, zoom, BRI_PRESENTATION_FLIGHT_MS, &target.lat, &target.lon, NULL);
          wait_until (map_arrived, &target);
          m->recording = NULL;
        }
    }
}

static void
report (const char *what,
        GArray     *values)
{
  g_print ("  %-34s n=%-4u median %7.1f ms   p95 %7.1f ms   max %7.1f ms\n",
           what, values->len, percentile (values, 0.5), percentile (values, 0.95), percentile (values, 1.0));
}

static void
report_pass (const Pass *pass)
{
  g_print ("%s:\n", pass->title);
  report ("next stop: key to first frame", pass->to_frame);
  report ("  CPU: key handler + first frame", pass->key_cpu);
  report ("  CPU: key handler alone", pass->handler_cpu);
  report ("next stop: key to settled frame", pass->to_settled);
  report ("reveal: key to settled frame", pass->reveal);
}

static void
report_frames (const Frames *frames)
{
  report ("frame time", frames->frame_ms);
  report ("frame CPU time", frames->cpu_ms);
  report ("frame interval", frames->interval_ms);
  g_print ("  frames over %.1f ms: %u of %u; intervals over 1.5 frames: %u of %u\n", FRAME_BUDGET_MS,
           count_over (frames->frame_ms, FRAME_BUDGET_MS), frames->frame_ms->len,
           count_over (frames->interval_ms, 1.5 * FRAME_BUDGET_MS), frames->interval_ms->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BriTourLibrary) library = NULL;
  g_autoptr(BriFeatureFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  Pass passes[3];
  Frames flights, alone;
  Meter m = { 0 };
  GdkFrameClock *clock;
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

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), &m);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &m);
  g_signal_connect (m.presentation, "notify::settled", G_CALLBACK (on_settled_cb), &m);

  /* Animations off, the map jumps: the first pass draws every stop's
   * tiles for the first time, the second finds them in the map's cache.
   * Then animations on: it flies. */
  pass_init (&passes[0], "Animations off (the map jumps), tiles drawn for the first time", FALSE);
  pass_init (&passes[1], "Animations off, tiles from the map's cache", FALSE);
  pass_init (&passes[2], "Animations on (the map flies)", TRUE);
  frames_init (&flights);
  frames_init (&alone);
  for (guint i = 0; i < G_N_ELEMENTS (passes); i++)
    run_pass (&m, library, &passes[i], &flights);
  fly_map_alone (&m, map, library, &alone);

  g_print ("Presenting the built-in tours at %d×%d, %s renderer; flights of %d ms\n", WIDTH, HEIGHT,
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default",
           BRI_PRESENTATION_FLIGHT_MS);
  for (guint i = 0; i < G_N_ELEMENTS (passes); i++)
    report_pass (&passes[i]);
  g_print ("Frames during the presentation's flights:\n");
  report_frames (&flights);
  g_print ("The map alone, flying between the same views (a baseline):\n");
  report_frames (&alone);

  g_signal_handlers_disconnect_by_data (clock, &m);
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (passes); i++)
    pass_clear (&passes[i]);
  frames_clear (&flights);
  frames_clear (&alone);
  return panel_test_run ();
}
