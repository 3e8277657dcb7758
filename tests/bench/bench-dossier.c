/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures China's dossier, the largest (67 places, 247 passages), in a
 * window of the side panel's size: how long until its first page and all
 * of it are shown, and the longest the main loop stalls meanwhile, in
 * the main thread's CPU time and in wall time.  Run under Xvfb with
 * GSK_RENDERER=cairo, as the tests. */

#include "config.h"

#include "bri-country-page.h"
#include "bri-passage-row.h"
#include "../ui/panels/panel-test-util.h"
#include "bench-util.h"

#define RUNS 5

static guint
count_rows (GtkWidget *page)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_widgets (page, BRI_TYPE_PASSAGE_ROW, rows);
  return rows->len;
}

/* Looks once a frame, so that looking costs the main loop little. */
static void
wait_for_rows (PanelFixture *f,
               guint         n)
{
  while (count_rows (f->panel) < n)
    panel_window_wait_frames (f->pw, 1);
}

int
main (int   argc,
      char *argv[])
{
  BriCountry *china;
  g_autoptr(GListModel) passages = NULL;
  double first_page[RUNS], all[RUNS], stall_cpu[RUNS], stall_wall[RUNS];
  guint n;

  if (!panel_test_init (&argc, &argv))
    return 1;

  china = bri_atlas_lookup_country (atlas, "CN");
  passages = bri_atlas_get_country_passages (atlas, china);
  n = g_list_model_get_n_items (passages);

  for (guint run = 0; run < RUNS; run++)
    {
      PanelFixture f;
      StallMeter meter;
      gint64 started;

      panel_fixture_set_up (&f, GSIZE_TO_POINTER (BRI_TYPE_COUNTRY_PAGE));
      stall_meter_start (&meter);
      started = g_get_monotonic_time ();
      bri_country_page_set_country (f.panel, china);
      wait_for_rows (&f, BRI_COUNTRY_PAGE_FIRST_PASSAGES);
      first_page[run] = (g_get_monotonic_time () - started) / 1000.0;
      bri_country_page_show_all_passages (f.panel);
      wait_for_rows (&f, n);
      all[run] = (g_get_monotonic_time () - started) / 1000.0;
      stall_meter_stop (&meter);
      stall_cpu[run] = meter.longest_cpu / 1000.0;
      stall_wall[run] = meter.longest / 1000.0;
      panel_fixture_tear_down (&f, NULL);
    }

  qsort (first_page, RUNS, sizeof (double), bench_compare_doubles);
  qsort (all, RUNS, sizeof (double), bench_compare_doubles);
  qsort (stall_cpu, RUNS, sizeof (double), bench_compare_doubles);
  qsort (stall_wall, RUNS, sizeof (double), bench_compare_doubles);
  g_print ("China's dossier, %u passages, median of %d runs (the worst in brackets):\n", n, RUNS);
  g_print ("  first %d passages shown  %7.0f ms (%.0f)\n", BRI_COUNTRY_PAGE_FIRST_PASSAGES,
           first_page[RUNS / 2], first_page[RUNS - 1]);
  g_print ("  all passages shown       %7.0f ms (%.0f)\n", all[RUNS / 2], all[RUNS - 1]);
  g_print ("  longest stall, CPU       %7.1f ms (%.1f)\n", stall_cpu[RUNS / 2], stall_cpu[RUNS - 1]);
  g_print ("  longest stall, wall      %7.1f ms (%.1f)\n", stall_wall[RUNS / 2], stall_wall[RUNS - 1]);

  g_clear_object (&atlas);
  return 0;
}
