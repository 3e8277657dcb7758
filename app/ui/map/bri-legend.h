/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriLegend: explains the map's styles and chooses the kinds shown. */
#pragma once

#include <gtk/gtk.h>

#include "bri-feature-filter.h"

G_BEGIN_DECLS

#define BRI_TYPE_LEGEND (bri_legend_get_type ())

G_DECLARE_FINAL_TYPE (BriLegend, bri_legend, BRI, LEGEND, GtkWidget)

GtkWidget *bri_legend_new        (void);
void       bri_legend_set_filter (BriLegend        *self,
                                  BriFeatureFilter *filter,
                                  GListModel       *all_features);
void       bri_legend_compute_allocation (BriLegend          *self,
                                          int                 map_width,
                                          int                 map_height,
                                          const GdkRectangle *avoid,
                                          const GdkRectangle *avoid_top,
                                          GdkRectangle       *alloc);

G_END_DECLS
