/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For tests that read real passages and places: the atlas built from the
 * data compiled into the application, loaded once on first use. */
#pragma once

#include "bri-atlas.h"

static inline BriAtlas *
test_atlas_new_loaded (void)
{
  g_autoptr(GError) error = NULL;
  BriAtlas *atlas = bri_atlas_new (NULL);

  bri_atlas_load (atlas, NULL, &error);
  g_assert_no_error (error);
  return atlas;
}

/* One atlas for all the cases of a test. */
static BriAtlas *test_atlas_instance;

static inline BriAtlas *
test_atlas (void)
{
  if (test_atlas_instance == NULL)
    test_atlas_instance = test_atlas_new_loaded ();

  return test_atlas_instance;
}

/* g_test_run(), then the atlas let go, so a leak checker sees only leaks. */
static inline int
test_atlas_run (void)
{
  int status = g_test_run ();

  g_clear_object (&test_atlas_instance);
  return status;
}
