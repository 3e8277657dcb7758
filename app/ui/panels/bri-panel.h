/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriPanel: what the side panel's pages built on the atlas share. */
#pragma once

#include <gtk/gtk.h>

#include "bri-atlas.h"

G_BEGIN_DECLS

#define BRI_TYPE_PANEL (bri_panel_get_type ())

G_DECLARE_DERIVABLE_TYPE (BriPanel, bri_panel, BRI, PANEL, GtkWidget)

struct _BriPanelClass
{
  GtkWidgetClass parent_class;

  /* The atlas was set or replaced: what came from the old one goes. */
  void (*atlas_changed) (BriPanel *self);
};

BriAtlas *bri_panel_get_atlas (BriPanel *self);
void      bri_panel_set_atlas (BriPanel *self,
                               BriAtlas *atlas);

G_END_DECLS
