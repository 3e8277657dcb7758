/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures the exports the issue names, as a user runs them from the
 * command line (no display): a 12-stop tour handout (the CPEC tour's ten
 * stops and two of the maritime tour's, written to a .briatour here), a
 * 4096 × 4096 PNG of the Belt and Road, and a PDF of the world.  Each
 * runs the real executable three times; the median wall time and the
 * largest peak RSS are reported (wait4's rusage: the child alone, atlas
 * loading included).  Then the same three exports in this process with
 * the atlas already loaded, to show what the export itself costs.
 *
 * Targets (issue 9): handout under 3 s, PNG under 1.5 s, under 300 MB. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bri-export.h"
#include "bri-handout.h"
#include "bri-map-renderer.h"
#include "bri-tour-library.h"
#include "bench-util.h"

#define RUNS 3

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Runs the executable with @args; its wall time in ms and peak RSS in MB. */
static void
run_once (const char * const *args,
          double             *ms,
          double             *mb)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  struct rusage usage;
  double start;
  int status;
  pid_t pid;

  g_ptr_array_add (argv, (gpointer) g_getenv ("BRI_ATLAS_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  start = wall_ms ();
  pid = fork ();
  if (pid == 0)
    {
      /* No display: the command line needs none. */
      g_unsetenv ("DISPLAY");
      g_unsetenv ("WAYLAND_DISPLAY");
      execv (argv->pdata[0], (char **) argv->pdata);
      _exit (127);
    }
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  *ms = wall_ms () - start;
  *mb = usage.ru_maxrss / 1024.0;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed", (const char *) argv->pdata[1]);
}

static void
measure (const char         *what,
         const char * const *args,
         double              target_ms)
{
  double ms[RUNS], peak = 0;

  for (guint i = 0; i < RUNS; i++)
    {
      double mb;

      run_once (args, &ms[i], &mb);
      peak = MAX (peak, mb);
    }
  qsort (ms, RUNS, sizeof (double), bench_compare_doubles);
  printf ("  %-34s %8.0f ms %8.0f MB   (target < %.0f ms, < 300 MB)%s\n", what, ms[RUNS / 2], peak, target_ms,
          ms[RUNS / 2] < target_ms && peak < 300 ? "" : "   ← over");
}

/* The CPEC tour's ten stops and the first two of the maritime tour's. */
static BriTour *
twelve_stops (BriTourLibrary *library)
{
  BriTour *cpec = bri_tour_library_lookup (library, "cpec");
  BriTour *sea = bri_tour_library_lookup (library, "maritime-silk-road-ports");
  BriTour *tour = bri_tour_copy (cpec, "bench-twelve-stops");

  bri_tour_set_title (tour, "Twelve stops: the corridor and the sea");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(BriTourStop) stop = g_list_model_get_item (G_LIST_MODEL (sea), i);
      g_autoptr(BriTourStop) copy = bri_tour_stop_copy (stop);

      bri_tour_append_stop (tour, copy);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tour)), ==, 12);
  return tour;
}

static void
in_process (BriAtlas *atlas,
            BriTour  *tour)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BriMapRenderer) renderer = bri_map_renderer_new_for_atlas (atlas, NULL);
  g_autoptr(BriHandout) handout = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) world = NULL;
  BriGeoBounds bri = { -20.0, -40.0, 150.0, 62.0 };
  BriRenderOptions options;
  BriRenderView view;
  double start;

  printf ("\nThe export alone, the atlas already loaded (wall time, this process):\n");

  start = wall_ms ();
  handout = bri_handout_new (tour, atlas);
  pdf = bri_handout_to_pdf (handout, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  printf ("  %-34s %8.0f ms   (%zu kB)\n", "12-stop handout, A4", wall_ms () - start,
          g_bytes_get_size (pdf) / 1024);

  bri_render_options_init (&options);
  bri_render_view_init_bounds (&view, &bri, 4096, 4096);
  start = wall_ms ();
  png = bri_export_map (renderer, &view, &options, BRI_EXPORT_FORMAT_PNG, 1.0, NULL, &error);
  g_assert_no_error (error);
  printf ("  %-34s %8.0f ms   (%zu kB)\n", "4096 × 4096 PNG", wall_ms () - start, g_bytes_get_size (png) / 1024);

  bri_render_view_init_center (&view, 20.0, 10.0, 2.6, 1600, 1000);
  start = wall_ms ();
  world = bri_export_map (renderer, &view, &options, BRI_EXPORT_FORMAT_PDF, 1.0, NULL, &error);
  g_assert_no_error (error);
  printf ("  %-34s %8.0f ms   (%zu kB)\n", "world map, PDF", wall_ms () - start, g_bytes_get_size (world) / 1024);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BriTourLibrary) library = bri_tour_library_new (NULL);
  g_autoptr(BriAtlas) atlas = bri_atlas_new (NULL);
  g_autoptr(BriTour) tour = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bri-bench-export-XXXXXX", &error);
  g_autofree char *tour_path = g_build_filename (dir, "twelve.briatour", NULL);
  g_autofree char *handout = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "bri-4096.png", NULL);
  g_autofree char *world = g_build_filename (dir, "world.pdf", NULL);
  g_autoptr(GFile) tour_file = g_file_new_for_path (tour_path);

  g_assert_no_error (error);
  if (g_getenv ("BRI_ATLAS_BIN") == NULL)
    g_error ("Set BRI_ATLAS_BIN to the bri-atlas executable (meson's benchmark does)");

  bri_tour_library_load (library, NULL, &error);
  g_assert_no_error (error);
  tour = twelve_stops (library);
  bri_tour_save (tour, tour_file, NULL, &error);
  g_assert_no_error (error);

  printf ("Exports from the command line, no display (median of %d runs; peak RSS of the process):\n", RUNS);
  {
    const char * const args[] = { "--tour", tour_path, "--export-pdf", handout, NULL };
    measure ("12-stop tour handout, A4 PDF", args, 3000);
  }
  {
    const char * const args[] = { "--export-map", png, "--size", "4096x4096", NULL };
    measure ("4096 × 4096 PNG", args, 1500);
  }
  {
    const char * const args[] = { "--export-map", world, "--view", "20,10,2.6", "--size", "1600x1000", NULL };
    measure ("world map, PDF", args, 3000);
  }

  bri_atlas_load (atlas, NULL, &error);
  g_assert_no_error (error);
  in_process (atlas, tour);

  g_unlink (tour_path);
  g_unlink (handout);
  g_unlink (png);
  g_unlink (world);
  g_rmdir (dir);
  return 0;
}
