/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountryLabels: which country names a view of the map shows, and
 * where: each name only where it fits inside its country and clear of
 * bigger countries' names.  The map's country-name layer and the exports
 * both place names through it. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "bri-label-placer.h"
#include "bri-map-transform.h"
#include "bri-tile-renderer.h"

G_BEGIN_DECLS

typedef struct _BriCountryLabels BriCountryLabels;

BriCountryLabels *bri_country_labels_new             (void);
void              bri_country_labels_free            (BriCountryLabels      *self);
GListModel       *bri_country_labels_get_countries   (BriCountryLabels      *self);
void              bri_country_labels_set_countries   (BriCountryLabels      *self,
                                                      GListModel            *countries);
void              bri_country_labels_set_context     (BriCountryLabels      *self,
                                                      PangoContext          *context);
void              bri_country_labels_forget_layouts  (BriCountryLabels      *self);
guint             bri_country_labels_place           (BriCountryLabels      *self,
                                                      const BriMapTransform *t);
PangoLayout      *bri_country_labels_get_placed      (BriCountryLabels      *self,
                                                      guint                  i,
                                                      double                *x,
                                                      double                *y);
void              bri_country_labels_get_placed_rect (BriCountryLabels      *self,
                                                      guint                  i,
                                                      BriLabelRect          *rect);
void              bri_country_labels_get_placed_rects (BriCountryLabels   *self,
                                                      GArray                *rects);
void              bri_country_labels_set_obstacles   (BriCountryLabels      *self,
                                                      const BriLabelRect    *rects,
                                                      guint                  n_rects);
void              bri_country_labels_draw_halos      (BriCountryLabels      *self,
                                                      cairo_t               *cr,
                                                      const BriTilePalette  *palette);
void              bri_country_labels_draw            (BriCountryLabels      *self,
                                                      cairo_t               *cr,
                                                      const BriTilePalette  *palette);
gboolean          bri_country_labels_is_shown        (BriCountryLabels      *self,
                                                      int                    numeric);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriCountryLabels, bri_country_labels_free)

G_END_DECLS
