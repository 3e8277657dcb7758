/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriMapRenderer: the whole map for any view, at any size and scale, on
 * any cairo surface — the basemap at the resolution the output needs,
 * the country names, the features in their kinds' styles with their
 * names, and a legend, a scale bar, a north arrow and the attribution.
 * Exports, printing, handouts and the command line all draw through it.
 * No GTK: it runs in worker threads and without a display. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "bri-atlas.h"
#include "bri-feature.h"
#include "bri-feature-painter.h"
#include "bri-geo.h"
#include "bri-label-placer.h"
#include "bri-map-transform.h"
#include "bri-pages.h"
#include "bri-tile-renderer.h"

G_BEGIN_DECLS

/* On paper a map pixel is a pixel of a 96 dpi screen: ¾ of a point. */
#define BRI_RENDER_POINTS_PER_PIXEL 0.75
/* Vector output's outlines are chosen and thinned as for a 300 dpi printer. */
#define BRI_RENDER_PRINT_DETAIL 4.0

/* What part of the map to draw: a centre and zoom, or bounds to fit. */
typedef struct
{
  double       latitude;
  double       longitude;
  double       zoom;        /* of 256-pixel tiles, fractional */
  gboolean     fit;         /* fit @bounds instead of centre and zoom */
  BriGeoBounds bounds;
  double       padding;     /* around fitted bounds, in map pixels */
  double       width;       /* of the drawing, in map pixels */
  double       height;
} BriRenderView;

void bri_render_view_init_center (BriRenderView      *view,
                                  double              latitude,
                                  double              longitude,
                                  double              zoom,
                                  double              width,
                                  double              height);
void bri_render_view_init_bounds (BriRenderView      *view,
                                  const BriGeoBounds *bounds,
                                  double              width,
                                  double              height);
void bri_render_view_get_transform (const BriRenderView *view,
                                    BriMapTransform     *t);

typedef enum
{
  BRI_RENDER_BASEMAP       = 1 << 0,
  BRI_RENDER_COUNTRY_NAMES = 1 << 1,
  BRI_RENDER_FEATURES      = 1 << 2,
  BRI_RENDER_LEGEND        = 1 << 3,
  BRI_RENDER_SCALE_BAR     = 1 << 4,
  BRI_RENDER_NORTH_ARROW   = 1 << 5,
  BRI_RENDER_ATTRIBUTION   = 1 << 6,
  BRI_RENDER_MARKERS       = 1 << 7,   /* with BRI_RENDER_FEATURES: the points, not only the lines */
  BRI_RENDER_MAP           = BRI_RENDER_BASEMAP | BRI_RENDER_COUNTRY_NAMES | BRI_RENDER_FEATURES |
                             BRI_RENDER_MARKERS,
  BRI_RENDER_DECORATIONS   = BRI_RENDER_LEGEND | BRI_RENDER_SCALE_BAR | BRI_RENDER_NORTH_ARROW |
                             BRI_RENDER_ATTRIBUTION,
  BRI_RENDER_ALL           = BRI_RENDER_MAP | BRI_RENDER_DECORATIONS,
} BriRenderParts;

typedef struct
{
  BriRenderParts      parts;
  BriTileStyle        style;
  double              detail;       /* device units per map pixel: picks the basemap's resolution */
  gboolean            vector;       /* markers as paths, names as text (PDF, SVG, print) */
  int                 country;      /* ISO 3166-1 numeric code to outline, or -1 */
  const char         *title;        /* on a card in the top left corner, or NULL */
  const BriLabelRect *obstacles;    /* more that names keep clear of, in map pixels */
  guint               n_obstacles;
} BriRenderOptions;

void bri_render_options_init (BriRenderOptions *options);

#define BRI_TYPE_MAP_RENDERER (bri_map_renderer_get_type ())

G_DECLARE_FINAL_TYPE (BriMapRenderer, bri_map_renderer, BRI, MAP_RENDERER, GObject)

BriMapRenderer *bri_map_renderer_new              (void);
BriMapRenderer *bri_map_renderer_new_for_atlas    (BriAtlas               *atlas,
                                                   GListModel             *features);
void            bri_map_renderer_set_features     (BriMapRenderer         *self,
                                                   GListModel             *features);
void            bri_map_renderer_set_countries    (BriMapRenderer         *self,
                                                   GListModel             *countries);
void            bri_map_renderer_set_selected     (BriMapRenderer         *self,
                                                   BriFeature             *feature);
PangoContext   *bri_map_renderer_get_context      (BriMapRenderer         *self);
gboolean        bri_map_renderer_draw             (BriMapRenderer         *self,
                                                   cairo_t                *cr,
                                                   const BriRenderView    *view,
                                                   const BriRenderOptions *options,
                                                   GError                **error);
gboolean        bri_map_renderer_draw_on_page     (BriMapRenderer         *self,
                                                   cairo_t                *cr,
                                                   double                  x,
                                                   double                  y,
                                                   double                  width,
                                                   double                  height,
                                                   BriRenderView          *view,
                                                   const BriRenderOptions *options,
                                                   GError                **error);
double          bri_map_renderer_page_legend      (BriMapRenderer         *self,
                                                   cairo_t                *cr,
                                                   double                  x,
                                                   double                  y,
                                                   double                  max_width,
                                                   BriLabelRect           *area);
void            bri_map_renderer_legend_on_pages  (BriMapRenderer         *self,
                                                   BriPages               *pages);
void            bri_map_renderer_get_label_rects  (BriMapRenderer         *self,
                                                   GArray                 *country_names,
                                                   GArray                 *feature_names);
void            bri_map_renderer_get_shown        (BriMapRenderer         *self,
                                                   BriFeaturesShown       *shown);

const char     *bri_map_renderer_resolution_for_detail (const BriMapTransform *t,
                                                        double                 detail);

G_END_DECLS
