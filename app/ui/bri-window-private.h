/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared between bri-window.c and bri-window-actions.c. */
#pragma once

#include <shumate/shumate.h>

#include "bri-feature-filter.h"
#include "bri-history.h"
#include "bri-tour-library.h"
#include "bri-window.h"

G_BEGIN_DECLS

struct _BriWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  GtkToggleButton      *sidebar_button;
  GtkSearchEntry       *search_entry;
  AdwFlap              *flap;
  GtkStack             *side_stack;
  GtkRevealer          *detail_bar;
  GtkLabel             *list_button_label;
  GtkWidget            *list_button;
  AdwViewStack         *browse_stack;
  GtkWidget            *feature_list;
  GtkWidget            *country_list;
  GtkWidget            *in_view_list;
  GtkWidget            *search_panel;
  AdwStatusPage        *status_page;
  GtkWidget            *spinner;
  GtkWidget            *feature_card;
  GtkWidget            *country_page;
  GtkWidget            *reader;
  GtkWidget            *map_view;
  GtkWidget            *tour_list;
  GtkWidget            *tour_editor;
  GtkRevealer          *tour_bar;
  GtkLabel             *tour_bar_label;
  GtkWidget            *presentation;
  GtkWidget            *side_handle;
  GtkWidget            *open_window_button;
  GtkWidget            *document_list;

  /* State */
  BriAtlas             *atlas;
  BriFeatureFilter     *filter;
  GtkFilterListModel   *filtered;
  BriHistory           *history;
  GSettings            *settings;
  BriLocation          *pending;     /* opened before the atlas was ready */
  char                 *page_before_search;
  char                 *query;       /* the text last searched for */
  BriLocationList       list_page;   /* where "All …" leads */
  guint                 setup_timeout_id;   /* the side panel waits for the map's tiles */

  /* Tours (bri-window-tours.c) */
  BriTourLibrary       *tours;
  BriTour              *tour;          /* open in the editor */
  BriLocation          *subject;       /* the place, country or passage last opened: "Add Stop Here" */
  guint                 save_timeout_id;
  BriTour              *pending_tour;  /* to present once the atlas is ready */
  guint                 pending_position;
  gboolean              pending_unattended;
  gboolean              was_fullscreen;

  /* Reading (bri-window-reading.c) */
  int                   drag_start_width;
};

/* The side panel's usual width, and the narrowest it gets. */
#define BRI_WINDOW_SIDE_MIN_WIDTH 340
/* The widest: the reader's text is at most 720 px wide (bri-reader.ui),
 * and AdwFlap gives the panel its minimum width, so that a wider one
 * would only keep the window from getting narrow. */
#define BRI_WINDOW_SIDE_MAX_WIDTH 760

void _bri_window_class_install_actions (GtkWidgetClass *widget_class);
void _bri_window_update_actions        (BriWindow      *self);
void _bri_window_open                  (BriWindow      *self,
                                        BriLocation    *location,
                                        gboolean        record);
void _bri_window_focus_search          (BriWindow      *self);
void _bri_window_update_map_obscured   (BriWindow      *self);

/* bri-window-tours.c */
void _bri_window_tours_class_init      (GtkWidgetClass *widget_class);
void _bri_window_tours_init            (BriWindow      *self);
void _bri_window_tours_setup_atlas     (BriWindow      *self);
void _bri_window_tours_dispose         (BriWindow      *self);
void _bri_window_tours_shown           (BriWindow      *self,
                                        BriLocation    *location);
void _bri_window_tours_page_changed    (BriWindow      *self);

/* bri-window-reading.c */
void _bri_window_reading_class_init    (GtkWidgetClass *widget_class);
void _bri_window_reading_init          (BriWindow      *self);
void _bri_window_reading_setup_atlas   (BriWindow      *self);
void _bri_window_reading_page_changed  (BriWindow      *self,
                                        const char     *page);
void _bri_window_set_side_width        (BriWindow      *self,
                                        int             width);
int  _bri_window_get_side_width        (BriWindow      *self);

G_END_DECLS
