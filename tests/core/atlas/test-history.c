/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bri-history.h"

/* The history keeps locations; these read and write their strings so
 * that the cases stay readable. */
static void
push (BriHistory *h,
      const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BriLocation) location = bri_location_parse (text, &error);

  g_assert_no_error (error);
  bri_history_push (h, location);
}

static const char *
str (BriLocation *location)
{
  return location ? bri_location_to_string (location) : NULL;
}

static void
test_back_forward (void)
{
  g_autoptr(BriHistory) h = bri_history_new ();

  g_assert_null (bri_history_get_current (h));
  g_assert_false (bri_history_can_go_back (h));
  g_assert_null (bri_history_go_back (h));

  push (h, "feature:a");
  push (h, "feature:a");
  g_assert_cmpuint (bri_history_get_length (h), ==, 1);
  push (h, "country:KE");
  push (h, "passage:doc/3");

  g_assert_true (bri_history_can_go_back (h));
  g_assert_false (bri_history_can_go_forward (h));
  g_assert_cmpstr (str (bri_history_go_back (h)), ==, "country:KE");
  g_assert_cmpstr (str (bri_history_go_back (h)), ==, "feature:a");
  g_assert_null (bri_history_go_back (h));
  g_assert_cmpstr (str (bri_history_get_current (h)), ==, "feature:a");
  g_assert_cmpstr (str (bri_history_go_forward (h)), ==, "country:KE");

  /* Something new after going back drops what was ahead. */
  push (h, "feature:b");
  g_assert_false (bri_history_can_go_forward (h));
  g_assert_cmpuint (bri_history_get_length (h), ==, 3);
  g_assert_cmpstr (str (bri_history_go_back (h)), ==, "country:KE");
}

static void
test_bounded (void)
{
  g_autoptr(BriHistory) h = bri_history_new ();

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *loc = g_strdup_printf ("feature:f%u", i);
      push (h, loc);
    }

  g_assert_cmpuint (bri_history_get_length (h), <=, 200);
  g_assert_cmpstr (str (bri_history_get_current (h)), ==, "feature:f999");
  g_assert_cmpstr (str (bri_history_go_back (h)), ==, "feature:f998");
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_notify (void)
{
  g_autoptr(BriHistory) h = bri_history_new ();
  guint count = 0;

  g_signal_connect (h, "notify::can-go-back", G_CALLBACK (on_notify), &count);
  push (h, "feature:a");
  push (h, "feature:b");
  g_assert_cmpuint (count, ==, 2);
  bri_history_go_back (h);
  g_assert_cmpuint (count, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/history/back-forward", test_back_forward);
  g_test_add_func ("/bri/history/bounded", test_bounded);
  g_test_add_func ("/bri/history/notify", test_notify);

  return g_test_run ();
}
