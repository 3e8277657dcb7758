/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriReaderWindow: the reader in a window of its own, opened from the side
 * panel's reader at the same passage.  A link in it opens in the atlas's
 * window, through that window's own actions, as it would from the panel. */

#define G_LOG_DOMAIN "bri-reader-window"

#include "config.h"

#include "bri-panel-util.h"
#include "bri-reader-window.h"

struct _BriReaderWindow
{
  AdwWindow       parent_instance;

  GtkWindow      *main_window;   /* weak: the window links open in */

  AdwWindowTitle *window_title;
  BriReader      *reader;
};

G_DEFINE_FINAL_TYPE (BriReaderWindow, bri_reader_window, ADW_TYPE_WINDOW)

/* win.open and win.show-on-map: the main window's, which it then shows. */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BriReaderWindow *self = BRI_READER_WINDOW (widget);

  if (self->main_window == NULL)
    return;

  gtk_widget_activate_action_variant (GTK_WIDGET (self->main_window), action_name, param);
  gtk_window_present (self->main_window);
}

static void
bri_reader_window_dispose (GObject *object)
{
  BriReaderWindow *self = BRI_READER_WINDOW (object);

  g_clear_weak_pointer (&self->main_window);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRI_TYPE_READER_WINDOW);

  G_OBJECT_CLASS (bri_reader_window_parent_class)->dispose (object);
}

static void
bri_reader_window_class_init (BriReaderWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bri_reader_window_dispose;

  g_type_ensure (BRI_TYPE_READER);
  bri_panel_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BriAtlas/ui/bri-reader-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BriReaderWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BriReaderWindow, reader);

  gtk_widget_class_install_action (widget_class, "win.open", "s", forward_action);
  gtk_widget_class_install_action (widget_class, "win.show-on-map", "s", forward_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
bri_reader_window_init (BriReaderWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bri_reader_window_new:
 * @main_window: the atlas's window, where links open
 * @ordinal: the passage to show, highlighted
 *
 * Returns: (transfer floating): a window reading @document at @ordinal
 */
GtkWidget *
bri_reader_window_new (GtkWindow   *main_window,
                       BriDocument *document,
                       guint        ordinal)
{
  BriReaderWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (main_window), NULL);
  g_return_val_if_fail (BRI_IS_DOCUMENT (document), NULL);

  self = g_object_new (BRI_TYPE_READER_WINDOW,
                       "application", gtk_window_get_application (main_window),
                       "title", bri_document_get_title (document),
                       NULL);
  g_set_weak_pointer (&self->main_window, main_window);

  adw_window_title_set_title (self->window_title, bri_document_get_title (document));
  adw_window_title_set_subtitle (self->window_title, bri_document_get_publisher (document));
  bri_reader_show (self->reader, document, ordinal);

  return GTK_WIDGET (self);
}

BriReader *
bri_reader_window_get_reader (BriReaderWindow *self)
{
  g_return_val_if_fail (BRI_IS_READER_WINDOW (self), NULL);

  return self->reader;
}
