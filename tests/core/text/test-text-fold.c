/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bri-text-fold.h"

static void
test_fold_basic (void)
{
  g_autofree char *a = bri_text_fold ("Pelješac  BRIDGE", -1);
  g_autofree char *b = bri_text_fold ("China–Laos Railway", -1);
  g_autofree char *c = bri_text_fold ("Pu’er", -1);
  g_autofree char *d = bri_text_fold ("  Türkiye — Straße ", -1);

  g_assert_cmpstr (a, ==, "peljesac bridge");
  g_assert_cmpstr (b, ==, "china laos railway");
  g_assert_cmpstr (c, ==, "pu'er");
  g_assert_cmpstr (d, ==, "turkiye strasse");
}

static void
test_fold_offsets (void)
{
  const char *text = "The Pelješac Bridge—opened";
  g_autoptr(BriFolded) f = bri_folded_new (text, -1);
  const char *hit = strstr (f->text, "bridge");
  gsize start, end;

  g_assert_nonnull (hit);
  bri_folded_source_range (f, hit - f->text, hit - f->text + strlen ("bridge"), &start, &end);
  /* The folded match maps back onto the original spelling. */
  g_assert_cmpint (strncmp (text + start, "Bridge", end - start), ==, 0);
  g_assert_cmpuint (end - start, ==, 6);

  hit = strstr (f->text, "peljesac");
  g_assert_nonnull (hit);
  bri_folded_source_range (f, hit - f->text, hit - f->text + strlen ("peljesac"), &start, &end);
  g_assert_cmpint (strncmp (text + start, "Pelješac", end - start), ==, 0);
  g_assert_cmpint (bri_text_utf8_to_chars (text, end), ==, 12);
}

static void
test_fold_invalid_utf8 (void)
{
  g_autofree char *a = bri_text_fold ("ab\xff" "cd", -1);

  g_assert_cmpstr (a, ==, "abcd");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/text-fold/basic", test_fold_basic);
  g_test_add_func ("/bri/text-fold/offsets", test_fold_offsets);
  g_test_add_func ("/bri/text-fold/invalid-utf8", test_fold_invalid_utf8);

  return g_test_run ();
}
