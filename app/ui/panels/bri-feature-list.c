/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureList: the side panel's list of places — exactly the features
 * the map shows, since both read the same filtered model — with the
 * filters by status, document and years above it, and a chip for each
 * filter that is on.  When the filters leave nothing, it says so and
 * offers to reset them, rather than show an empty list.  Choosing a
 * place activates win.open. */

#define G_LOG_DOMAIN "bri-feature-list"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-feature-list.h"
#include "bri-panel-util.h"
#include "bri-feature-style.h"

struct _BriFeatureList
{
  BriPanel          parent_instance;

  GtkWidget        *count_label;
  GtkWidget        *filter_button;
  GtkWidget        *status_dropdown;
  GtkStringList    *statuses;
  GtkWidget        *document_dropdown;
  GtkStringList    *documents;
  GtkWidget        *min_year;
  GtkWidget        *max_year;
  GtkWidget        *years_check;
  GtkWidget        *chips_box;
  GtkWidget        *list_stack;
  GtkWidget        *list_view;

  BriFeatureFilter *filter;
  GListModel       *filtered;
  GPtrArray        *document_ids;
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (BriFeatureList, bri_feature_list, BRI_TYPE_PANEL)

static void
draw_row_symbol (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  BriFeature *feature = g_object_get_data (G_OBJECT (area), "feature");

  if (feature != NULL)
    bri_feature_style_draw_legend_symbol (cr, bri_feature_get_kind (feature),
                                          bri_feature_get_precision (feature), bri_panel_get_tile_style (),
                                          width, height);
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 BriFeatureList           *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *symbol = gtk_drawing_area_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (symbol), 28);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (symbol), 20);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (symbol), draw_row_symbol, NULL, NULL);
  gtk_widget_set_valign (symbol, GTK_ALIGN_CENTER);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (row), symbol);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);

  g_object_set_data (G_OBJECT (row), "symbol", symbol);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  gtk_list_item_set_child (item, row);
}

static char *
describe (BriAtlas   *atlas,
          BriFeature *feature)
{
  g_autoptr(GString) s = g_string_new (bri_feature_kind_get_label (bri_feature_get_kind (feature)));
  const char * const *countries = bri_feature_get_countries (feature);

  g_string_append (s, " · ");
  g_string_append (s, bri_feature_status_get_label (bri_feature_get_status (feature)));
  for (guint i = 0; countries[i] != NULL && i < 3; i++)
    {
      BriCountry *country = atlas ? bri_atlas_lookup_country (atlas, countries[i]) : NULL;

      g_string_append (s, i == 0 ? " · " : ", ");
      g_string_append (s, country ? bri_country_get_display_name (country) : countries[i]);
    }
  if (g_strv_length ((char **) countries) > 3)
    g_string_append (s, ", …");

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                BriFeatureList           *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  BriFeature *feature = gtk_list_item_get_item (item);
  GtkWidget *symbol = g_object_get_data (G_OBJECT (row), "symbol");
  g_autofree char *subtitle = describe (bri_panel_get_atlas (BRI_PANEL (self)), feature);

  g_object_set_data_full (G_OBJECT (symbol), "feature", g_object_ref (feature), g_object_unref);
  gtk_widget_queue_draw (symbol);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "title"), bri_feature_get_name (feature));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "subtitle"), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bri_feature_get_name (feature),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

static void
on_list_view_activate_cb (GtkListView    *view,
                          guint           position,
                          BriFeatureList *self)
{
  g_autoptr(BriFeature) feature = g_list_model_get_item (self->filtered, position);

  if (feature != NULL)
    {
      g_autoptr(BriLocation) location = bri_location_new_feature (bri_feature_get_id (feature));

      bri_panel_open (GTK_WIDGET (self), "win.open", location);
    }
}

static void
update_count (BriFeatureList *self)
{
  g_autofree char *text = NULL;
  guint shown = g_list_model_get_n_items (self->filtered);
  guint all = g_list_model_get_n_items (bri_atlas_get_features (bri_panel_get_atlas (BRI_PANEL (self))));

  if (shown == all)
    text = bri_panel_format_n_places (all);
  else
    /* TRANSLATORS: shown places of all places, when filters are on */
    text = g_strdup_printf (ngettext ("%u of %u place", "%u of %u places", all), shown, all);

  gtk_label_set_text (GTK_LABEL (self->count_label), text);
  if (bri_feature_filter_is_active (self->filter))
    gtk_widget_add_css_class (self->filter_button, "accent");
  else
    gtk_widget_remove_css_class (self->filter_button, "accent");

  gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack), shown == 0 && all > 0 ? "empty" : "list");
}

static void
on_chip_clicked_cb (GtkButton      *button,
                    BriFeatureList *self)
{
  GtkWidget *first;

  bri_feature_filter_clear_facet (self->filter,
                                  GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "facet")));

  /* The chip is gone: keyboard focus goes to the next one, or to the
   * filters' button once there is none. */
  first = GTK_WIDGET (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (self->chips_box), 0));
  gtk_widget_grab_focus (first != NULL ? gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (first))
                                       : self->filter_button);
}

static GtkWidget *
chip_new (BriFeatureList        *self,
          BriFeatureFilterFacet  facet,
          const char            *text)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (text);
  g_autofree char *remove = NULL;

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "bri-filter-chip");

  /* TRANSLATORS: a chip's tooltip and accessible name; %s is the filter ("Status: Planned") */
  remove = g_strdup_printf (_("Remove the filter “%s”"), text);
  gtk_widget_set_tooltip_text (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);

  g_object_set_data (G_OBJECT (button), "facet", GUINT_TO_POINTER (facet));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_chip_clicked_cb), self, 0);
  return button;
}

static void
update_chips (BriFeatureList *self)
{
  GtkWidget *child;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (self->chips_box)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->chips_box), child);

  for (guint facet = 0; facet < BRI_FEATURE_FILTER_N_FACETS; facet++)
    {
      g_autofree char *text = bri_feature_filter_describe_facet (self->filter, facet);

      if (text == NULL)
        continue;

      gtk_flow_box_append (GTK_FLOW_BOX (self->chips_box), chip_new (self, facet, text));
      /* One stop for Tab, the button, not its flow box child as well. */
      gtk_widget_set_focusable (gtk_widget_get_last_child (self->chips_box), FALSE);
      any = TRUE;
    }

  gtk_widget_set_visible (self->chips_box, any);
}

static void
on_items_changed (GListModel     *model,
                  guint           position,
                  guint           removed,
                  guint           added,
                  BriFeatureList *self)
{
  update_count (self);
}

static void
sync_controls (BriFeatureList *self)
{
  const char *status = bri_feature_filter_get_status (self->filter);
  const char *document = bri_feature_filter_get_document (self->filter);
  const char * const *statuses = bri_feature_status_get_all ();
  guint status_pos = 0, document_pos = 0;
  int min = bri_feature_filter_get_min_year (self->filter);
  int max = bri_feature_filter_get_max_year (self->filter);

  self->updating = TRUE;
  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      status_pos = i + 1;
  for (guint i = 0; i < self->document_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->document_ids, i), document) == 0)
      document_pos = i + 1;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->status_dropdown), status_pos);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->document_dropdown), document_pos);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->years_check), min != 0 || max != 0);
  if (min != 0)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->min_year), min);
  if (max != 0)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->max_year), max);
  self->updating = FALSE;
  update_count (self);
  update_chips (self);
}

static void
on_filter_changed (BriFeatureFilter *filter,
                   BriFeatureList   *self)
{
  sync_controls (self);
}

static void
on_status_selected_cb (GtkDropDown    *dropdown,
                       GParamSpec     *pspec,
                       BriFeatureList *self)
{
  guint pos = gtk_drop_down_get_selected (dropdown);

  if (self->updating || self->filter == NULL)
    return;

  bri_feature_filter_set_status (self->filter,
                                 pos == 0 || pos == GTK_INVALID_LIST_POSITION
                                 ? NULL : bri_feature_status_get_all ()[pos - 1]);
}

static void
on_document_selected_cb (GtkDropDown    *dropdown,
                         GParamSpec     *pspec,
                         BriFeatureList *self)
{
  guint pos = gtk_drop_down_get_selected (dropdown);

  if (self->updating || self->filter == NULL)
    return;

  bri_feature_filter_set_document (self->filter,
                                   pos == 0 || pos == GTK_INVALID_LIST_POSITION
                                   ? NULL : g_ptr_array_index (self->document_ids, pos - 1));
}

static void
on_years_changed_cb (BriFeatureList *self)
{
  gboolean on;

  if (self->updating || self->filter == NULL)
    return;

  on = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->years_check));
  gtk_widget_set_sensitive (self->min_year, on);
  gtk_widget_set_sensitive (self->max_year, on);
  if (on)
    bri_feature_filter_set_years (self->filter,
                                  gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->min_year)),
                                  gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->max_year)));
  else
    bri_feature_filter_set_years (self->filter, 0, 0);
}

static void
on_reset_clicked_cb (GtkButton      *button,
                     BriFeatureList *self)
{
  if (self->filter != NULL)
    bri_feature_filter_reset (self->filter);
}

/* "Mentioned in": any document, or one of the atlas's. */
static void
fill_documents (BriFeatureList *self)
{
  BriAtlas *atlas = bri_panel_get_atlas (BRI_PANEL (self));
  GListModel *docs = atlas != NULL ? bri_atlas_get_documents (atlas) : NULL;
  guint n = docs != NULL ? g_list_model_get_n_items (docs) : 0;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_set_size (self->document_ids, 0);
  g_ptr_array_add (labels, g_strdup (_("Any document")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriDocument) doc = g_list_model_get_item (docs, i);

      g_ptr_array_add (self->document_ids, g_strdup (bri_document_get_id (doc)));
      g_ptr_array_add (labels, g_strdup_printf ("%s (%d)", bri_document_get_title (doc),
                                                bri_document_get_year (doc)));
    }
  g_ptr_array_add (labels, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->documents, 0, g_list_model_get_n_items (G_LIST_MODEL (self->documents)),
                          (const char * const *) labels->pdata);
  self->updating = FALSE;
}

static void
bri_feature_list_atlas_changed (BriPanel *panel)
{
  BriFeatureList *self = BRI_FEATURE_LIST (panel);

  fill_documents (self);
  if (self->filter != NULL)
    sync_controls (self);
}

/**
 * bri_feature_list_set_model:
 * @filtered: the features to list: the ones the map shows
 * @filter: what @filtered is filtered by, which the list's controls set
 */
void
bri_feature_list_set_model (BriFeatureList   *self,
                            GListModel       *filtered,
                            BriFeatureFilter *filter)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  g_return_if_fail (BRI_IS_FEATURE_LIST (self));
  g_return_if_fail (G_IS_LIST_MODEL (filtered));
  g_return_if_fail (BRI_IS_FEATURE_FILTER (filter));
  g_return_if_fail (bri_panel_get_atlas (BRI_PANEL (self)) != NULL);
  g_return_if_fail (self->filtered == NULL);

  self->filter = g_object_ref (filter);
  self->filtered = g_object_ref (filtered);

  selection = gtk_single_selection_new (g_object_ref (filtered));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view), GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (filtered, "items-changed", G_CALLBACK (on_items_changed), self, 0);
  g_signal_connect_object (filter, "changed", G_CALLBACK (on_filter_changed), self, 0);
  sync_controls (self);
}

static void
bri_feature_list_dispose (GObject *object)
{
  BriFeatureList *self = (BriFeatureList *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BRI_TYPE_FEATURE_LIST);
  g_clear_object (&self->filter);
  g_clear_object (&self->filtered);
  g_clear_pointer (&self->document_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (bri_feature_list_parent_class)->dispose (object);
}

static void
bri_feature_list_class_init (BriFeatureListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BriPanelClass *panel_class = BRI_PANEL_CLASS (klass);

  object_class->dispose = bri_feature_list_dispose;
  panel_class->atlas_changed = bri_feature_list_atlas_changed;

  gtk_widget_class_set_css_name (widget_class, "bri-feature-list");

  bri_panel_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BriAtlas/ui/bri-feature-list.ui");
  gtk_widget_class_bind_template_child (widget_class, BriFeatureList, count_label);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureList, filter_button);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureList, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureList, statuses);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureList, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureList, documents);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureList, min_year);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureList, max_year);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureList, years_check);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureList, chips_box);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureList, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_document_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_years_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked_cb);
}

static void
bri_feature_list_init (BriFeatureList *self)
{
  const char * const *all = bri_feature_status_get_all ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->document_ids = g_ptr_array_new_with_free_func (g_free);

  self->updating = TRUE;
  gtk_string_list_append (self->statuses, _("Any status"));
  for (guint i = 0; all[i] != NULL; i++)
    gtk_string_list_append (self->statuses, bri_feature_status_get_label (all[i]));
  self->updating = FALSE;
}

/**
 * bri_feature_list_focus_list:
 *
 * Moves the keyboard focus into the list of places (to the row it had).
 *
 * Returns: whether the focus moved
 */
gboolean
bri_feature_list_focus_list (BriFeatureList *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_LIST (self), FALSE);

  return gtk_widget_grab_focus (self->list_view);
}
