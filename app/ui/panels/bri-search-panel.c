/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSearchPanel: what the atlas finds for the search entry's text —
 * places, then countries, then passages, each group under its heading —
 * or a page saying nothing was found.  Choosing a result activates
 * win.open; the entry itself belongs to the window's header bar, which
 * hands Enter and Down over to this panel. */

#define G_LOG_DOMAIN "bri-search-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bri-panel-util.h"
#include "bri-search-panel.h"
#include "bri-search-row.h"

/* A few places and countries first, then more passages. */
#define MAX_PLACES   8
#define MAX_PASSAGES 30

struct _BriSearchPanel
{
  BriPanel    parent_instance;

  GtkWidget  *notice;
  GtkLabel   *correction_label;
  GtkButton  *original_button;
  GtkLabel   *messages_label;
  GtkWidget  *results_scroller;
  GtkListBox *results;
  GtkWidget  *no_results_page;

  char       *query;        /* the last one searched */
  char       *exact_query;  /* one the user asked to take as typed */
};

G_DEFINE_FINAL_TYPE (BriSearchPanel, bri_search_panel, BRI_TYPE_PANEL)

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return bri_search_row_new (bri_panel_get_atlas (user_data), item);
}

/* A heading over the first row of each kind. */
static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  BriSearchResultKind kind = bri_search_row_get_kind (BRI_SEARCH_ROW (row));
  const char *title = NULL;
  GtkWidget *header;

  if (before != NULL && bri_search_row_get_kind (BRI_SEARCH_ROW (before)) == kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  switch (kind)
    {
    case BRI_SEARCH_RESULT_FEATURE: title = _("Places"); break;
    case BRI_SEARCH_RESULT_COUNTRY: title = _("Countries"); break;
    case BRI_SEARCH_RESULT_REGION: title = _("Regions"); break;
    case BRI_SEARCH_RESULT_PASSAGE: title = _("Passages"); break;
    }
  g_return_if_fail (title != NULL);

  header = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, before ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_list_box_row_set_header (row, header);
}

static void
on_results_row_activated_cb (GtkListBox     *box,
                             GtkListBoxRow  *row,
                             BriSearchPanel *self)
{
  bri_panel_open (GTK_WIDGET (self), "win.open", bri_search_row_get_location (BRI_SEARCH_ROW (row)));
}

static void
show_results (BriSearchPanel *self,
              GListModel     *results)
{
  gboolean any = results != NULL && g_list_model_get_n_items (results) > 0;

  if (results != NULL)
    gtk_list_box_bind_model (self->results, results, create_row_cb, self, NULL);
  else
    gtk_list_box_bind_model (self->results, NULL, NULL, NULL, NULL);

  gtk_widget_set_visible (self->results_scroller, results == NULL || any);
  gtk_widget_set_visible (self->no_results_page, results != NULL && !any);
}

/* "Showing results for Gwadar — Search instead for Gwadr", and what the
 * filters could not use.  Plain text: the query is the user's. */
static void
show_notice (BriSearchPanel   *self,
             BriSearchResults *results)
{
  const char *corrected = results ? bri_search_results_get_corrected (results) : NULL;
  const char * const *messages = results ? bri_search_results_get_messages (results) : NULL;
  g_autofree char *joined = messages ? g_strjoinv ("\n", (char **) messages) : NULL;

  if (corrected != NULL)
    {
      g_autofree char *showing = g_strdup_printf (_("Showing results for “%s”"), corrected);
      g_autofree char *instead = g_strdup_printf (_("Search instead for “%s”"),
                                                  bri_search_results_get_query (results));

      gtk_label_set_text (self->correction_label, showing);
      gtk_button_set_label (self->original_button, instead);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->original_button), instead);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->correction_label), corrected != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->original_button), corrected != NULL);

  gtk_label_set_text (self->messages_label, joined ? joined : "");
  gtk_widget_set_visible (GTK_WIDGET (self->messages_label), joined != NULL && joined[0] != '\0');

  gtk_widget_set_visible (self->notice, corrected != NULL || (joined != NULL && joined[0] != '\0'));
}

static void
on_original_button_clicked_cb (BriSearchPanel *self)
{
  g_autofree char *query = g_strdup (self->query);

  g_free (self->exact_query);
  self->exact_query = g_strdup (query);
  if (query != NULL)
    bri_search_panel_search (self, query);
}

static void
bri_search_panel_dispose (GObject *object)
{
  BriSearchPanel *self = BRI_SEARCH_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), BRI_TYPE_SEARCH_PANEL);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->exact_query, g_free);

  G_OBJECT_CLASS (bri_search_panel_parent_class)->dispose (object);
}

static void
bri_search_panel_atlas_changed (BriPanel *panel)
{
  bri_search_panel_clear (BRI_SEARCH_PANEL (panel));
}

static void
bri_search_panel_class_init (BriSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BriPanelClass *panel_class = BRI_PANEL_CLASS (klass);

  object_class->dispose = bri_search_panel_dispose;
  panel_class->atlas_changed = bri_search_panel_atlas_changed;

  gtk_widget_class_set_css_name (widget_class, "bri-search-panel");

  bri_panel_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BriAtlas/ui/bri-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BriSearchPanel, notice);
  gtk_widget_class_bind_template_child (widget_class, BriSearchPanel, correction_label);
  gtk_widget_class_bind_template_child (widget_class, BriSearchPanel, original_button);
  gtk_widget_class_bind_template_child (widget_class, BriSearchPanel, messages_label);
  gtk_widget_class_bind_template_child (widget_class, BriSearchPanel, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, BriSearchPanel, results);
  gtk_widget_class_bind_template_child (widget_class, BriSearchPanel, no_results_page);
  gtk_widget_class_bind_template_callback (widget_class, on_results_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_original_button_clicked_cb);
}

static void
bri_search_panel_init (BriSearchPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->results, update_header_cb, NULL, NULL);
}

/**
 * bri_search_panel_search:
 * @query: what the user typed
 *
 * Shows what the atlas finds for @query, or that it finds nothing.
 *
 * Returns: how many results are shown
 */
guint
bri_search_panel_search (BriSearchPanel *self,
                         const char     *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BriSearchResults) results = NULL;
  BriSearchFlags flags = BRI_SEARCH_FLAGS_PREFIX;
  BriAtlas *atlas;

  g_return_val_if_fail (BRI_IS_SEARCH_PANEL (self), 0);
  g_return_val_if_fail (query != NULL, 0);

  atlas = bri_panel_get_atlas (BRI_PANEL (self));
  g_return_val_if_fail (atlas != NULL, 0);

  /* "Search instead for …" holds until the text changes. */
  if (g_strcmp0 (query, self->exact_query) == 0)
    flags |= BRI_SEARCH_FLAGS_EXACT;
  else
    g_clear_pointer (&self->exact_query, g_free);
  g_free (self->query);
  self->query = g_strdup (query);

  results = bri_atlas_search (atlas, query, flags, MAX_PLACES, MAX_PASSAGES, &error);
  if (results == NULL)
    {
      g_warning ("Search for “%s” failed: %s", query, error->message);
      results = bri_search_results_new (query);
    }

  show_notice (self, results);
  show_results (self, G_LIST_MODEL (results));
  return g_list_model_get_n_items (G_LIST_MODEL (results));
}

/**
 * bri_search_panel_clear:
 *
 * Lets go of the results, so that a hidden page holds no stale ones.
 */
void
bri_search_panel_clear (BriSearchPanel *self)
{
  g_return_if_fail (BRI_IS_SEARCH_PANEL (self));

  show_notice (self, NULL);
  show_results (self, NULL);
}

/**
 * bri_search_panel_activate:
 *
 * What Enter in the search entry does: opens the selected result, or
 * the first one.
 *
 * Returns: whether there was a result to open
 */
gboolean
bri_search_panel_activate (BriSearchPanel *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (BRI_IS_SEARCH_PANEL (self), FALSE);

  row = gtk_list_box_get_selected_row (self->results);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->results, 0);
  if (row == NULL)
    return FALSE;

  g_signal_emit_by_name (row, "activate");
  return TRUE;
}

/**
 * bri_search_panel_focus_results:
 *
 * What Down in the search entry does: moves the keyboard to the first
 * result.
 *
 * Returns: whether there was a result to move to
 */
gboolean
bri_search_panel_focus_results (BriSearchPanel *self)
{
  GtkListBoxRow *first;

  g_return_val_if_fail (BRI_IS_SEARCH_PANEL (self), FALSE);

  first = gtk_list_box_get_row_at_index (self->results, 0);
  if (first == NULL)
    return FALSE;

  gtk_list_box_select_row (self->results, first);
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}
