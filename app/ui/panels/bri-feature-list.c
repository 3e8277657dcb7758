/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureList: the side panel's list of places — exactly the features
 * the map shows, since both read the same filtered model — with the
 * filters by status, document and years above it.  Choosing a place
 * activates win.open. */

#define G_LOG_DOMAIN "bri-feature-list"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-feature-list.h"
#include "bri-panel-util.h"
#include "bri-feature-style.h"

struct _BriFeatureList
{
  GtkWidget         parent_instance;

  GtkWidget        *box;
  GtkWidget        *count_label;
  GtkWidget        *filter_button;
  GtkWidget        *status_dropdown;
  GtkWidget        *document_dropdown;
  GtkWidget        *min_year;
  GtkWidget        *max_year;
  GtkWidget        *years_check;
  GtkWidget        *list_view;

  BriAtlas         *atlas;
  BriFeatureFilter *filter;
  GListModel       *filtered;
  GPtrArray        *document_ids;
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (BriFeatureList, bri_feature_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ATLAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
                                          bri_feature_get_precision (feature), width, height);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
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
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          BriFeatureList           *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  BriFeature *feature = gtk_list_item_get_item (item);
  GtkWidget *symbol = g_object_get_data (G_OBJECT (row), "symbol");
  g_autofree char *subtitle = describe (self->atlas, feature);

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
on_activate (GtkListView    *view,
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
  guint all = g_list_model_get_n_items (bri_atlas_get_features (self->atlas));

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
}

static void
on_filter_changed (BriFeatureFilter *filter,
                   BriFeatureList   *self)
{
  sync_controls (self);
}

static void
on_status_selected (GtkDropDown    *dropdown,
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
on_document_selected (GtkDropDown    *dropdown,
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
on_years_changed (BriFeatureList *self)
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
on_reset_clicked (GtkButton      *button,
                  BriFeatureList *self)
{
  if (self->filter != NULL)
    bri_feature_filter_reset (self->filter);
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *control)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), control);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), control);

  return box;
}

static GtkWidget *
build_filter_popover (BriFeatureList *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *years = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *reset;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  const char * const *all = bri_feature_status_get_all ();

  gtk_string_list_append (statuses, _("Any status"));
  for (guint i = 0; all[i] != NULL; i++)
    gtk_string_list_append (statuses, bri_feature_status_get_label (all[i]));

  self->status_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&statuses)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  g_signal_connect (self->status_dropdown, "notify::selected", G_CALLBACK (on_status_selected), self);
  gtk_box_append (GTK_BOX (box), labelled (_("_Status"), self->status_dropdown));

  self->document_dropdown = gtk_drop_down_new (G_LIST_MODEL (gtk_string_list_new (NULL)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->document_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mentioned in"), -1);
  g_signal_connect (self->document_dropdown, "notify::selected", G_CALLBACK (on_document_selected), self);
  gtk_box_append (GTK_BOX (box), labelled (_("_Mentioned in"), self->document_dropdown));

  self->years_check = gtk_check_button_new_with_mnemonic (_("Only _years"));
  self->min_year = gtk_spin_button_new_with_range (-200, 2100, 1);
  self->max_year = gtk_spin_button_new_with_range (-200, 2100, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->min_year), 2013);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->max_year), 2023);
  gtk_widget_set_sensitive (self->min_year, FALSE);
  gtk_widget_set_sensitive (self->max_year, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->min_year),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("From year"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->max_year),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("To year"), -1);
  g_signal_connect_swapped (self->years_check, "toggled", G_CALLBACK (on_years_changed), self);
  g_signal_connect_swapped (self->min_year, "value-changed", G_CALLBACK (on_years_changed), self);
  g_signal_connect_swapped (self->max_year, "value-changed", G_CALLBACK (on_years_changed), self);
  gtk_box_append (GTK_BOX (years), self->min_year);
  gtk_box_append (GTK_BOX (years), gtk_label_new ("–"));
  gtk_box_append (GTK_BOX (years), self->max_year);
  gtk_box_append (GTK_BOX (box), self->years_check);
  gtk_box_append (GTK_BOX (box), years);

  reset = gtk_button_new_with_mnemonic (_("_Reset Filters"));
  gtk_widget_set_tooltip_text (reset, _("Show every place again, of every kind"));
  g_signal_connect (reset, "clicked", G_CALLBACK (on_reset_clicked), self);
  gtk_box_append (GTK_BOX (box), reset);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static void
fill_documents (BriFeatureList *self)
{
  GtkStringList *documents = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (self->document_dropdown)));
  GListModel *docs = bri_atlas_get_documents (self->atlas);
  guint n = g_list_model_get_n_items (docs);
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
  gtk_string_list_splice (documents, 0, g_list_model_get_n_items (G_LIST_MODEL (documents)),
                          (const char * const *) labels->pdata);
  self->updating = FALSE;
}

/**
 * bri_feature_list_set_atlas:
 * @atlas: the loaded atlas the listed features belong to
 *
 * Set once by the window, before the model.
 */
void
bri_feature_list_set_atlas (BriFeatureList *self,
                            BriAtlas       *atlas)
{
  g_return_if_fail (BRI_IS_FEATURE_LIST (self));
  g_return_if_fail (BRI_IS_ATLAS (atlas));

  if (!g_set_object (&self->atlas, atlas))
    return;

  fill_documents (self);
  if (self->filter != NULL)
    sync_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATLAS]);
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
  g_return_if_fail (self->atlas != NULL);
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

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->atlas);
  g_clear_object (&self->filter);
  g_clear_object (&self->filtered);
  g_clear_pointer (&self->document_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (bri_feature_list_parent_class)->dispose (object);
}

static void
bri_feature_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BriFeatureList *self = BRI_FEATURE_LIST (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      g_value_set_object (value, self->atlas);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_feature_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BriFeatureList *self = BRI_FEATURE_LIST (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      bri_feature_list_set_atlas (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_feature_list_class_init (BriFeatureListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bri_feature_list_dispose;
  object_class->get_property = bri_feature_list_get_property;
  object_class->set_property = bri_feature_list_set_property;

  properties[PROP_ATLAS] =
    g_param_spec_object ("atlas", NULL, NULL,
                         BRI_TYPE_ATLAS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bri_feature_list_init (BriFeatureList *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->document_ids = g_ptr_array_new_with_free_func (g_free);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->count_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->count_label), 0.0);
  gtk_widget_set_hexpand (self->count_label, TRUE);
  gtk_widget_add_css_class (self->count_label, "dim-label");

  self->filter_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->filter_button), "bri-filter-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->filter_button), build_filter_popover (self));
  gtk_widget_set_tooltip_text (self->filter_button, _("Filter by status, document and years"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filters"), -1);

  gtk_box_append (GTK_BOX (bar), self->count_label);
  gtk_box_append (GTK_BOX (bar), self->filter_button);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (self->box), bar);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  self->list_view = gtk_list_view_new (NULL, factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), TRUE);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Places"), -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list_view);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self->box), scroller);
}

