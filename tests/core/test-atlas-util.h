/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For tests that read real passages and places: the atlas built from the
 * data compiled into the application. */
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
