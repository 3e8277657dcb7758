/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the tour tests: locations from their strings, and the check
 * of a file that must not load. */
#pragma once

#include "bri-tour.h"

static inline BriLocation *
tour_test_location (const char *text)
{
  g_autoptr(GError) error = NULL;
  BriLocation *location = bri_location_parse (text, &error);

  g_assert_no_error (error);
  return location;
}

/* A file that must not load, and how its error must begin. */
typedef struct
{
  const char *text;
  int         code;
  const char *message;
} TourTestBad;

static inline void
tour_test_assert_bad (BriTour           *tour,
                      const GError      *error,
                      const TourTestBad *bad)
{
  g_assert_null (tour);
  g_assert_error (error, BRI_TOUR_ERROR, bad->code);
  if (!g_str_has_prefix (error->message, bad->message))
    g_error ("“%s” does not start with “%s”", error->message, bad->message);
}
