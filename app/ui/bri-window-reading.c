/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading in the window: the side panel widens when its edge is dragged
 * (the width is kept in GSettings; it is the panel's size request, as
 * AdwFlap gives the panel no more than that), the reader opens in a window of its
 * own at the same passage (win.open-reader-window), and the Documents
 * page lists every document, each opening at its start
 * (win.show-documents). */

#define G_LOG_DOMAIN "bri-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-document-list.h"
#include "bri-reader-window.h"
#include "bri-window-private.h"

/* The map keeps at least this much of the window. */
#define MIN_MAP_WIDTH 360

static int
clamp_side_width (BriWindow *self,
                  int        width)
{
  int window_width = gtk_widget_get_width (GTK_WIDGET (self));
  int min_width = BRI_WINDOW_SIDE_MIN_WIDTH;
  int max_width = BRI_WINDOW_SIDE_MAX_WIDTH;

  if (window_width > 0)
    max_width = MAX (min_width, MIN (max_width, window_width - MIN_MAP_WIDTH));

  return CLAMP (width, min_width, max_width);
}

/**
 * _bri_window_set_side_width:
 *
 * Widens or narrows the side panel to @width pixels (within what the
 * window leaves the map) and remembers it.
 */
void
_bri_window_set_side_width (BriWindow *self,
                            int        width)
{
  width = clamp_side_width (self, width);
  gtk_widget_set_size_request (adw_flap_get_flap (self->flap), width, -1);
  if (g_settings_get_int (self->settings, "sidebar-width") != width)
    g_settings_set_int (self->settings, "sidebar-width", width);
}

int
_bri_window_get_side_width (BriWindow *self)
{
  int width;

  gtk_widget_get_size_request (adw_flap_get_flap (self->flap), &width, NULL);
  return width;
}

static void
on_handle_drag_begin_cb (GtkGestureDrag *gesture,
                         double          x,
                         double          y,
                         BriWindow      *self)
{
  /* As wide as it is drawn, which its pages may make wider than asked. */
  self->drag_start_width = gtk_widget_get_width (adw_flap_get_flap (self->flap));
}

static void
on_handle_drag_update_cb (GtkGestureDrag *gesture,
                          double          dx,
                          double          dy,
                          BriWindow      *self)
{
  gboolean start = adw_flap_get_flap_position (self->flap) == GTK_PACK_START;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self->flap)) == GTK_TEXT_DIR_RTL;

  /* The panel grows towards the map, whichever side it is on. */
  if (start == rtl)
    dx = -dx;
  _bri_window_set_side_width (self, self->drag_start_width + (int) dx);
}

/* A double click gives the panel back its usual width. */
static void
on_handle_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      BriWindow       *self)
{
  if (n_press == 2)
    _bri_window_set_side_width (self, BRI_WINDOW_SIDE_MIN_WIDTH);
}

/* win.open-reader-window: the document the reader shows, at its passage,
 * in a window of its own. */
static void
open_reader_window_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  BriReader *reader = BRI_READER (self->reader);
  BriDocument *document = bri_reader_get_document (reader);
  GtkWidget *window;

  if (document == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "reader") != 0)
    return;

  window = bri_reader_window_new (GTK_WINDOW (self), document, bri_reader_get_ordinal (reader));
  gtk_window_present (GTK_WINDOW (window));
}

/* win.show-documents: the Documents page, its list focused. */
static void
show_documents_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BriWindow *self = BRI_WINDOW (widget);
  GtkWidget *list = bri_document_list_get_list (BRI_DOCUMENT_LIST (self->document_list));

  if (self->atlas == NULL || !bri_atlas_is_loaded (self->atlas))
    return;

  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_stack_set_visible_child_name (self->side_stack, "documents");
  gtk_widget_child_focus (list, GTK_DIR_TAB_FORWARD);
}

void
_bri_window_reading_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (BRI_TYPE_DOCUMENT_LIST);

  gtk_widget_class_bind_template_child (widget_class, BriWindow, side_handle);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, open_window_button);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, document_list);

  gtk_widget_class_install_action (widget_class, "win.open-reader-window", NULL, open_reader_window_action);
  gtk_widget_class_install_action (widget_class, "win.show-documents", NULL, show_documents_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-reader-window", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-documents", NULL);
}

void
_bri_window_reading_init (BriWindow *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_handle_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_handle_drag_update_cb), self);
  gtk_widget_add_controller (self->side_handle, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (click, "pressed", G_CALLBACK (on_handle_pressed_cb), self);
  gtk_widget_add_controller (self->side_handle, GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_cursor_from_name (self->side_handle, "col-resize");
  gtk_widget_set_tooltip_text (self->side_handle, _("Drag to widen the side panel"));

  /* Not clamped to the window yet: it has no width before it is shown. */
  gtk_widget_set_size_request (adw_flap_get_flap (self->flap),
                               MAX (BRI_WINDOW_SIDE_MIN_WIDTH,
                                    g_settings_get_int (self->settings, "sidebar-width")), -1);
}

void
_bri_window_reading_setup_atlas (BriWindow *self)
{
  bri_panel_set_atlas (BRI_PANEL (self->document_list), self->atlas);
}

void
_bri_window_reading_page_changed (BriWindow  *self,
                                  const char *page)
{
  gtk_widget_set_visible (self->open_window_button, g_strcmp0 (page, "reader") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-reader-window",
                                 g_strcmp0 (page, "reader") == 0);
}
