/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriDocumentList: the documents of the atlas — the five it ships with and
 * any the user added, as the atlas's model grows — with their publisher,
 * date and number of passages.  Choosing one activates win.open with its
 * first passage, so the reader opens it at the start. */

#define G_LOG_DOMAIN "bri-document-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bri-document-list.h"
#include "bri-panel-util.h"

struct _BriDocumentList
{
  BriPanel    parent_instance;

  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (BriDocumentList, bri_document_list, BRI_TYPE_PANEL)

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BriDocument *document = item;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(BriLocation) start = bri_location_new_passage (bri_document_get_id (document), 0);
  g_autofree char *date = bri_panel_format_date (bri_document_get_date (document));
  g_autofree char *passages = bri_panel_format_n_passages (bri_document_get_n_passages (document));
  g_auto(GStrv) parts = NULL;
  g_autofree char *subtitle = NULL;
  const char *publisher = bri_document_get_publisher (document);
  GtkWidget *row = adw_action_row_new ();

  if (publisher != NULL && *publisher != '\0')
    g_strv_builder_add (builder, publisher);
  if (date != NULL)
    g_strv_builder_add (builder, date);
  g_strv_builder_add (builder, passages);
  parts = g_strv_builder_end (builder);
  subtitle = g_strjoinv (" · ", parts);

  /* Titles and publishers are the documents' own text, not markup
   * ("B&R by the Numbers"). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bri_document_get_title (document));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  bri_panel_open_on (row, "activated", start);

  return row;
}

static void
bri_document_list_atlas_changed (BriPanel *panel)
{
  BriDocumentList *self = BRI_DOCUMENT_LIST (panel);
  BriAtlas *atlas = bri_panel_get_atlas (panel);

  gtk_list_box_bind_model (self->list_box, atlas != NULL ? bri_atlas_get_documents (atlas) : NULL,
                           create_row, NULL, NULL);
}

static void
bri_document_list_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BRI_TYPE_DOCUMENT_LIST);

  G_OBJECT_CLASS (bri_document_list_parent_class)->dispose (object);
}

static void
bri_document_list_class_init (BriDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BriPanelClass *panel_class = BRI_PANEL_CLASS (klass);

  object_class->dispose = bri_document_list_dispose;
  panel_class->atlas_changed = bri_document_list_atlas_changed;

  bri_panel_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BriAtlas/ui/bri-document-list.ui");
  gtk_widget_class_bind_template_child (widget_class, BriDocumentList, list_box);
}

static void
bri_document_list_init (BriDocumentList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bri_document_list_new (void)
{
  return g_object_new (BRI_TYPE_DOCUMENT_LIST, NULL);
}

/* The list box, for the window to give it the focus. */
GtkWidget *
bri_document_list_get_list (BriDocumentList *self)
{
  g_return_val_if_fail (BRI_IS_DOCUMENT_LIST (self), NULL);

  return GTK_WIDGET (self->list_box);
}
