/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers the benchmarks share. */
#pragma once

#include <glib.h>
#include <time.h>

/* For qsort() and g_array_sort() of doubles, smallest first. */
static inline int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

/* CPU time of the calling thread, in milliseconds: steadier than wall
 * time on a machine that is busy with other work. */
static inline double
bench_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1.0e6;
}
