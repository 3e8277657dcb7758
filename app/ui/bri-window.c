/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriWindow: lays out the map and the side panel and connects them.
 *
 * Everything the user opens — a place, a country, a passage in its
 * document, a view of the map — is a BriLocation that goes through
 * bri_window_open(), so Back and Forward, search results, map clicks,
 * links in the reader and the command line all take the same path.
 * The side list and the map read one filtered model, so the map shows
 * exactly the list. */

#define G_LOG_DOMAIN "bri-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-country-page.h"
#include "bri-feature-card.h"
#include "bri-feature-list.h"
#include "bri-map-view.h"
#include "bri-reader.h"
#include "bri-window-private.h"

G_DEFINE_FINAL_TYPE (BriWindow, bri_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ATLAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define SEARCH_LIMIT 8

/* Search */

static void
clear_list_box (GtkListBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

/* Marks the matches of a snippet with attributes: the snippet is
 * document text and is never parsed as markup. */
static PangoAttrList *
highlight_attrs (BriSearchResult *result)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  const char *snippet = bri_search_result_get_snippet (result);
  const BriSearchRange *ranges;
  guint n;

  ranges = bri_search_result_get_ranges (result, &n);
  for (guint i = 0; i < n; i++)
    {
      guint start = g_utf8_offset_to_pointer (snippet, ranges[i].start) - snippet;
      guint end = g_utf8_offset_to_pointer (snippet, ranges[i].end) - snippet;
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      PangoAttribute *under = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);

      bold->start_index = under->start_index = start;
      bold->end_index = under->end_index = end;
      pango_attr_list_insert (attrs, bold);
      pango_attr_list_insert (attrs, under);
    }

  return attrs;
}

static GtkWidget *
result_row_new (BriWindow       *self,
                BriSearchResult *result)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GObject *object = bri_search_result_get_object (result);
  g_autoptr(BriLocation) location = NULL;
  g_autofree char *sub = NULL;
  g_autoptr(PangoAttrList) attrs = highlight_attrs (result);
  BriSearchResultKind kind = bri_search_result_get_kind (result);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_lines (GTK_LABEL (subtitle), 4);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");

  switch (kind)
    {
    case BRI_SEARCH_RESULT_FEATURE:
      {
        BriFeature *feature = BRI_FEATURE (object);

        location = bri_location_new_feature (bri_feature_get_id (feature));
        gtk_label_set_text (GTK_LABEL (title), bri_feature_get_name (feature));
        sub = g_strdup_printf ("%s · %s",
                               bri_feature_kind_get_label (bri_feature_get_kind (feature)),
                               bri_feature_status_get_label (bri_feature_get_status (feature)));
        gtk_label_set_text (GTK_LABEL (subtitle), sub);
        gtk_widget_add_css_class (subtitle, "dim-label");
      }
      break;

    case BRI_SEARCH_RESULT_COUNTRY:
      {
        BriCountry *country = BRI_COUNTRY (object);
        g_autoptr(GListModel) features = bri_atlas_get_country_features (self->atlas, country);
        g_autoptr(GListModel) passages = bri_atlas_get_country_passages (self->atlas, country);
        guint nf = g_list_model_get_n_items (features);
        guint np = g_list_model_get_n_items (passages);
        g_autofree char *places = g_strdup_printf (ngettext ("%u place", "%u places", nf), nf);
        g_autofree char *texts = g_strdup_printf (ngettext ("%u passage", "%u passages", np), np);

        location = bri_location_new_country (bri_country_get_code (country));
        gtk_label_set_text (GTK_LABEL (title), bri_country_get_display_name (country));
        sub = g_strdup_printf ("%s · %s", places, texts);
        gtk_label_set_text (GTK_LABEL (subtitle), sub);
        gtk_widget_add_css_class (subtitle, "dim-label");
      }
      break;

    case BRI_SEARCH_RESULT_PASSAGE:
    default:
      {
        BriPassage *passage = BRI_PASSAGE (object);
        BriDocument *document = bri_passage_get_document (passage);
        const char *heading = bri_passage_get_heading (passage);

        location = bri_location_new_passage (bri_passage_get_document_id (passage),
                                             bri_passage_get_ordinal (passage));
        sub = g_strdup_printf ("%s (%d)%s%s", bri_document_get_title (document),
                               bri_document_get_year (document),
                               heading && *heading ? " › " : "", heading ? heading : "");
        gtk_label_set_text (GTK_LABEL (title), sub);
        gtk_widget_add_css_class (title, "caption-heading");
        gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
        gtk_label_set_wrap (GTK_LABEL (title), FALSE);
        gtk_label_set_text (GTK_LABEL (subtitle), bri_search_result_get_snippet (result));
        gtk_label_set_attributes (GTK_LABEL (subtitle), attrs);
      }
      break;
    }

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (title)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, gtk_label_get_text (GTK_LABEL (subtitle)),
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "location", g_steal_pointer (&location), g_object_unref);
  g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (kind));

  return row;
}

static void
result_header_func (GtkListBoxRow *row,
                    GtkListBoxRow *before,
                    gpointer       user_data)
{
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));
  const char *title;
  GtkWidget *header;

  if (before != NULL && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (before), "kind")) == kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  switch (kind)
    {
    case BRI_SEARCH_RESULT_FEATURE: title = _("Places"); break;
    case BRI_SEARCH_RESULT_COUNTRY: title = _("Countries"); break;
    default: title = _("Passages"); break;
    }

  header = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, before ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_list_box_row_set_header (row, header);
}

static void
run_search (BriWindow  *self,
            const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  guint n;

  clear_list_box (self->search_results);

  /* A few places and countries first, then more passages. */
  results = bri_atlas_search (self->atlas, query, BRI_SEARCH_FLAGS_PREFIX, SEARCH_LIMIT, 30, &error);
  if (results == NULL)
    {
      g_warning ("Search for “%s” failed: %s", query, error->message);
      gtk_stack_set_visible_child_name (self->side_stack, "no-results");
      return;
    }

  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriSearchResult) result = g_list_model_get_item (results, i);
      gtk_list_box_append (self->search_results, result_row_new (self, result));
    }

  if (n == 0)
    gtk_stack_set_visible_child_name (self->side_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->side_stack, "search");
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      BriWindow      *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *page = gtk_stack_get_visible_child_name (self->side_stack);

  if (self->atlas == NULL || !bri_atlas_is_loaded (self->atlas))
    return;

  if (text[0] == '\0')
    {
      if (g_strcmp0 (page, "search") == 0 || g_strcmp0 (page, "no-results") == 0)
        gtk_stack_set_visible_child_name (self->side_stack,
                                          self->page_before_search ? self->page_before_search : "browse");
      return;
    }

  if (g_strcmp0 (page, "search") != 0 && g_strcmp0 (page, "no-results") != 0)
    {
      g_free (self->page_before_search);
      self->page_before_search = g_strdup (page);
    }

  adw_flap_set_reveal_flap (self->flap, TRUE);
  run_search (self, text);
}

static void
on_search_activate_cb (GtkSearchEntry *entry,
                       BriWindow      *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->search_results);

  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->search_results, 0);
  if (row != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "search") == 0)
    g_signal_emit_by_name (row, "activate");
}

static void
on_search_stop_cb (GtkSearchEntry *entry,
                   BriWindow      *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (self->map_view);
}

static void
on_search_row_activated_cb (GtkListBox    *box,
                            GtkListBoxRow *row,
                            BriWindow     *self)
{
  BriLocation *location = g_object_get_data (G_OBJECT (row), "location");

  if (location != NULL)
    bri_window_open (self, location, TRUE);
}

/* Down from the search entry goes into the results. */
static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       BriWindow             *self)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "search") != 0)
    return FALSE;

  first = gtk_list_box_get_row_at_index (self->search_results, 0);
  if (first == NULL)
    return FALSE;

  gtk_list_box_select_row (self->search_results, first);
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

/* Detail pages get a way back to the list they came from that does not
 * move the map, unlike Back. */
static void
on_side_page_changed (GtkStack   *stack,
                      GParamSpec *pspec,
                      BriWindow  *self)
{
  const char *page = gtk_stack_get_visible_child_name (stack);
  gboolean detail = g_strcmp0 (page, "feature") == 0 || g_strcmp0 (page, "country") == 0 ||
                    g_strcmp0 (page, "reader") == 0;

  if (g_strcmp0 (page, "browse") == 0)
    {
      self->list_page = g_strcmp0 (adw_view_stack_get_visible_child_name (self->browse_stack), "countries") == 0
                        ? BRI_LOCATION_LIST_COUNTRIES : BRI_LOCATION_LIST_PLACES;
    }

  /* GTK 4.8 tells assistive technologies nothing about which page of a
   * stack is shown; mark the others hidden so a screen reader (and our
   * end-to-end test) reads only the page on screen. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN,
                                 child != gtk_stack_get_visible_child (stack), -1);

  {
    const char *label = self->list_page == BRI_LOCATION_LIST_COUNTRIES ? _("All Countries") : _("All Places");

    gtk_label_set_text (self->list_button_label, label);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  gtk_revealer_set_reveal_child (self->detail_bar, detail);
}

static void
on_search_focus_enter (GtkEventControllerFocus *controller,
                       BriWindow               *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *page = gtk_stack_get_visible_child_name (self->side_stack);

  if (text[0] != '\0' && g_strcmp0 (page, "search") != 0 && g_strcmp0 (page, "no-results") != 0)
    on_search_changed_cb (self->search_entry, self);
}

void
bri_window_focus_search (BriWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* Opening things */

static void
toast (BriWindow  *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
open_feature (BriWindow   *self,
              BriFeature  *feature)
{
  bri_feature_card_set_feature (BRI_FEATURE_CARD (self->feature_card), self->atlas, feature);
  bri_map_view_show_country (BRI_MAP_VIEW (self->map_view), NULL);
  bri_map_view_select_feature (BRI_MAP_VIEW (self->map_view), feature);
  bri_map_view_fly_to_feature (BRI_MAP_VIEW (self->map_view), feature);
  gtk_stack_set_visible_child_name (self->side_stack, "feature");
}

static void
open_country (BriWindow  *self,
              BriCountry *country)
{
  bri_country_page_set_country (BRI_COUNTRY_PAGE (self->country_page), self->atlas, country);
  bri_map_view_select_feature (BRI_MAP_VIEW (self->map_view), NULL);
  bri_map_view_show_country (BRI_MAP_VIEW (self->map_view), country);
  gtk_stack_set_visible_child_name (self->side_stack, "country");
}

/* Shows @location; returns FALSE, having told the user, when it names
 * something the atlas does not have. */
static gboolean
show_location (BriWindow   *self,
               BriLocation *location)
{
  const char *id = bri_location_get_id (location);

  switch (bri_location_get_kind (location))
    {
    case BRI_LOCATION_FEATURE:
      {
        BriFeature *feature = bri_atlas_lookup_feature (self->atlas, id);

        if (feature == NULL)
          return toast (self, _("That place is not in the atlas")), FALSE;
        open_feature (self, feature);
        return TRUE;
      }

    case BRI_LOCATION_COUNTRY:
      {
        BriCountry *country = bri_atlas_lookup_country (self->atlas, id);

        if (country == NULL)
          return toast (self, _("That country is not in the atlas")), FALSE;
        open_country (self, country);
        return TRUE;
      }

    case BRI_LOCATION_PASSAGE:
      {
        BriDocument *document = bri_atlas_lookup_document (self->atlas, id);
        guint ordinal = bri_location_get_ordinal (location);

        if (document == NULL || ordinal >= bri_document_get_n_passages (document))
          return toast (self, _("That passage is not in the atlas")), FALSE;
        bri_reader_show (BRI_READER (self->reader), self->atlas, document, ordinal);
        gtk_stack_set_visible_child_name (self->side_stack, "reader");
        return TRUE;
      }

    case BRI_LOCATION_VIEW:
      {
        double lat, lon, zoom;

        bri_location_get_view (location, &lat, &lon, &zoom);
        bri_map_view_go_to (BRI_MAP_VIEW (self->map_view), lat, lon, zoom);
        return TRUE;
      }

    case BRI_LOCATION_SEARCH:
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), bri_location_get_query (location));
      return TRUE;

    case BRI_LOCATION_LIST:
      adw_view_stack_set_visible_child_name (self->browse_stack,
                                             bri_location_get_list (location) == BRI_LOCATION_LIST_COUNTRIES
                                             ? "countries" : "places");
      gtk_stack_set_visible_child_name (self->side_stack, "browse");
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * bri_window_open:
 * @location: what to show
 * @record: whether Back should return here
 *
 * Shows @location: the one way anything is opened in the window, from
 * search, the map, the panels, history and the command line.  Before the
 * atlas is ready the location waits for it.
 */
void
bri_window_open (BriWindow   *self,
                 BriLocation *location,
                 gboolean     record)
{
  BriLocationKind kind;

  g_return_if_fail (BRI_IS_WINDOW (self));
  g_return_if_fail (BRI_IS_LOCATION (location));

  if (self->filter == NULL)
    {
      g_set_object (&self->pending, location);
      return;
    }

  if (!show_location (self, location))
    return;

  /* A search and a view leave the side panel as it is; the results stay
   * in the entry's text, not on a hidden page: focusing the entry again
   * brings them back. */
  kind = bri_location_get_kind (location);
  if (kind == BRI_LOCATION_SEARCH)
    bri_window_focus_search (self);
  else if (kind != BRI_LOCATION_VIEW)
    clear_list_box (self->search_results);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  if (record && kind != BRI_LOCATION_SEARCH && kind != BRI_LOCATION_VIEW)
    bri_history_push (self->history, location);
  bri_window_update_actions (self);
}

/**
 * bri_window_open_string:
 * @text: a location's string form ("country:KE") or URI
 *
 * Returns: whether @text was a location; if not, @error says why
 */
gboolean
bri_window_open_string (BriWindow   *self,
                        const char  *text,
                        GError     **error)
{
  g_autoptr(BriLocation) location = NULL;

  g_return_val_if_fail (BRI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  location = bri_location_parse (text, error);
  if (location == NULL)
    return FALSE;

  bri_window_open (self, location, TRUE);
  return TRUE;
}

void
bri_window_show_load_error (BriWindow    *self,
                            const GError *error)
{
  g_return_if_fail (BRI_IS_WINDOW (self));

  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_widget_set_visible (self->spinner, FALSE);
  adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->status_page, _("The Atlas Could Not Be Loaded"));
  /* The description is markup; the message (which names the file and
   * what was wrong) is plain text. */
  {
    g_autofree char *escaped = g_markup_escape_text (error->message, -1);
    adw_status_page_set_description (self->status_page, escaped);
  }
}

void
bri_window_show_overview (BriWindow *self)
{
  BriGeoBounds bri = { -20.0, -40.0, 150.0, 62.0 };

  bri_map_view_fit_bounds (BRI_MAP_VIEW (self->map_view), &bri, TRUE);
}

static void
on_map_feature_activated_cb (BriMapView *view,
                             BriFeature *feature,
                             BriWindow  *self)
{
  g_autoptr(BriLocation) location = bri_location_new_feature (bri_feature_get_id (feature));

  bri_window_open (self, location, TRUE);
}

static void
on_map_country_activated_cb (BriMapView *view,
                             int         numeric,
                             BriWindow  *self)
{
  BriCountry *country = bri_atlas_lookup_country_numeric (self->atlas, numeric);
  g_autoptr(BriLocation) location = NULL;

  if (country == NULL)
    return;

  location = bri_location_new_country (bri_country_get_code (country));
  bri_window_open (self, location, TRUE);
}

/* Countries list */

static void
setup_country_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_country_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  BriWindow                *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  BriCountry *country = gtk_list_item_get_item (item);
  g_autoptr(GListModel) features = bri_atlas_get_country_features (self->atlas, country);
  g_autoptr(GListModel) passages = bri_atlas_get_country_passages (self->atlas, country);
  guint nf = g_list_model_get_n_items (features);
  guint np = g_list_model_get_n_items (passages);
  g_autofree char *places = g_strdup_printf (ngettext ("%u place", "%u places", nf), nf);
  g_autofree char *texts = g_strdup_printf (ngettext ("%u passage", "%u passages", np), np);
  g_autofree char *sub = g_strdup_printf ("%s · %s", places, texts);

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "title"), bri_country_get_display_name (country));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "subtitle"), sub);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bri_country_get_display_name (country),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, sub,
                                  -1);
}

static gboolean
country_in_atlas (gpointer item,
                  gpointer user_data)
{
  BriWindow *self = user_data;
  g_autoptr(GListModel) features = bri_atlas_get_country_features (self->atlas, item);
  g_autoptr(GListModel) passages = NULL;

  if (g_list_model_get_n_items (features) > 0)
    return TRUE;
  passages = bri_atlas_get_country_passages (self->atlas, item);
  return g_list_model_get_n_items (passages) > 0;
}

static void
on_country_activate (GtkListView *view,
                     guint        position,
                     BriWindow   *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(BriCountry) country = g_list_model_get_item (model, position);
  g_autoptr(BriLocation) location = bri_location_new_country (bri_country_get_code (country));

  bri_window_open (self, location, TRUE);
}

static GtkWidget *
build_country_list (BriWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkCustomFilter *filter = gtk_custom_filter_new (country_in_atlas, self, NULL);
  GtkFilterListModel *in_atlas;
  GtkStringSorter *sorter;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  GtkWidget *view;
  GtkWidget *scroller = gtk_scrolled_window_new ();

  in_atlas = gtk_filter_list_model_new (g_object_ref (bri_atlas_get_countries (self->atlas)),
                                        GTK_FILTER (filter));
  sorter = gtk_string_sorter_new (gtk_property_expression_new (BRI_TYPE_COUNTRY, NULL, "display-name"));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (in_atlas), GTK_SORTER (sorter));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_country_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_country_row), self);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Countries"), -1);
  g_signal_connect (view, "activate", G_CALLBACK (on_country_activate), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_set_vexpand (scroller, TRUE);

  return scroller;
}

/* Atlas */

static gboolean
feature_matches (gpointer item,
                 gpointer user_data)
{
  return bri_feature_filter_matches (user_data, item);
}

static void
on_filter_changed (BriFeatureFilter *filter,
                   GtkFilter        *custom)
{
  gtk_filter_changed (custom, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
setup_atlas (BriWindow *self)
{
  GtkCustomFilter *custom;

  self->filter = bri_feature_filter_new (self->atlas);
  g_settings_bind (self->settings, "hidden-kinds", self->filter, "hidden-kinds", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "filter-status", self->filter, "status", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "filter-document", self->filter, "document", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "filter-min-year", self->filter, "min-year", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "filter-max-year", self->filter, "max-year", G_SETTINGS_BIND_DEFAULT);

  custom = gtk_custom_filter_new (feature_matches, g_object_ref (self->filter), g_object_unref);
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed), custom, 0);
  self->filtered = gtk_filter_list_model_new (g_object_ref (bri_atlas_get_features (self->atlas)),
                                              GTK_FILTER (custom));

  self->feature_list = bri_feature_list_new ();
  gtk_widget_set_vexpand (self->feature_list, TRUE);
  bri_feature_list_set_atlas (BRI_FEATURE_LIST (self->feature_list), self->atlas,
                              G_LIST_MODEL (self->filtered), self->filter);
  gtk_box_append (self->places_box, self->feature_list);

  self->country_list = build_country_list (self);
  gtk_box_append (self->countries_box, self->country_list);

  bri_map_view_set_atlas (BRI_MAP_VIEW (self->map_view), self->atlas,
                          G_LIST_MODEL (self->filtered), self->filter);

  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_stack_set_visible_child_name (self->side_stack, "browse");
  bri_window_update_actions (self);

  if (self->pending != NULL)
    {
      g_autoptr(BriLocation) pending = g_steal_pointer (&self->pending);

      bri_window_open (self, pending, TRUE);
    }
}

/* Filling the side panel costs a frame of its own (a hundred rows to
 * measure).  When the atlas arrives while the map, which fills most of the
 * window, is still drawing its tiles, the map gets its frame first: the
 * panel waits until the map shows every tile, or half a second at most. */
static void on_map_drawn (BriMapView *map,
                          GParamSpec *pspec,
                          BriWindow  *self);

static void
setup_atlas_after_map (BriWindow *self)
{
  g_clear_handle_id (&self->setup_timeout_id, g_source_remove);
  g_signal_handlers_disconnect_by_func (self->map_view, on_map_drawn, self);
  if (self->filter == NULL)
    setup_atlas (self);
}

static void
on_map_drawn (BriMapView *map,
              GParamSpec *pspec,
              BriWindow  *self)
{
  if (bri_map_view_get_drawn (map))
    setup_atlas_after_map (self);
}

static gboolean
on_setup_timeout (gpointer user_data)
{
  BriWindow *self = user_data;

  self->setup_timeout_id = 0;
  setup_atlas_after_map (self);
  return G_SOURCE_REMOVE;
}

static void
on_atlas_loaded (BriAtlas   *atlas,
                 GParamSpec *pspec,
                 BriWindow  *self)
{
  if (!bri_atlas_is_loaded (atlas) || self->filter != NULL || self->setup_timeout_id != 0)
    return;

  if (bri_map_view_get_drawn (BRI_MAP_VIEW (self->map_view)) || !gtk_widget_get_mapped (self->map_view))
    {
      setup_atlas (self);
      return;
    }

  g_signal_connect (self->map_view, "notify::drawn", G_CALLBACK (on_map_drawn), self);
  self->setup_timeout_id = g_timeout_add (500, on_setup_timeout, self);
}

static void
set_atlas (BriWindow *self,
           BriAtlas  *atlas)
{
  if (atlas == NULL)
    return;

  self->atlas = g_object_ref (atlas);
  if (bri_atlas_is_loaded (atlas))
    setup_atlas (self);
  else
    g_signal_connect_object (atlas, "notify::loaded", G_CALLBACK (on_atlas_loaded), self, 0);
}

/* Window state */

static void
on_dark_changed (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 BriWindow       *self)
{
  bri_map_view_set_dark (BRI_MAP_VIEW (self->map_view), adw_style_manager_get_dark (manager));
}

static gboolean
bri_window_close_request (GtkWindow *window)
{
  BriWindow *self = BRI_WINDOW (window);
  ShumateViewport *viewport = bri_map_view_get_viewport (BRI_MAP_VIEW (self->map_view));
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && !gtk_window_is_fullscreen (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_double (self->settings, "map-latitude",
                         CLAMP (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), -85.05, 85.05));
  g_settings_set_double (self->settings, "map-longitude",
                         CLAMP (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), -180.0, 180.0));
  g_settings_set_double (self->settings, "map-zoom",
                         CLAMP (shumate_viewport_get_zoom_level (viewport), 0.0, 12.0));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (bri_window_parent_class)->close_request (window);
}

static void
restore_state (BriWindow *self)
{
  ShumateViewport *viewport = bri_map_view_get_viewport (BRI_MAP_VIEW (self->map_view));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 g_settings_get_double (self->settings, "map-latitude"),
                                 g_settings_get_double (self->settings, "map-longitude"));
  shumate_viewport_set_zoom_level (viewport, g_settings_get_double (self->settings, "map-zoom"));
}

static void
bri_window_constructed (GObject *object)
{
  BriWindow *self = BRI_WINDOW (object);
  AdwStyleManager *style = adw_style_manager_get_default ();

  G_OBJECT_CLASS (bri_window_parent_class)->constructed (object);

  restore_state (self);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (on_dark_changed), self, 0);
  on_dark_changed (style, NULL, self);
  bri_window_update_actions (self);
}

static void
bri_window_dispose (GObject *object)
{
  BriWindow *self = (BriWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BRI_TYPE_WINDOW);

  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->atlas);
  g_clear_object (&self->history);
  g_clear_object (&self->pending);
  g_clear_object (&self->settings);
  g_clear_handle_id (&self->setup_timeout_id, g_source_remove);

  G_OBJECT_CLASS (bri_window_parent_class)->dispose (object);
}

static void
bri_window_finalize (GObject *object)
{
  BriWindow *self = (BriWindow *)object;

  g_free (self->page_before_search);

  G_OBJECT_CLASS (bri_window_parent_class)->finalize (object);
}

static void
bri_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BriWindow *self = BRI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      set_atlas (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BriWindow *self = BRI_WINDOW (object);

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
bri_window_class_init (BriWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bri_window_constructed;
  object_class->dispose = bri_window_dispose;
  object_class->finalize = bri_window_finalize;
  object_class->get_property = bri_window_get_property;
  object_class->set_property = bri_window_set_property;
  window_class->close_request = bri_window_close_request;

  properties[PROP_ATLAS] =
    g_param_spec_object ("atlas", NULL, NULL, BRI_TYPE_ATLAS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BRI_TYPE_FEATURE_CARD);
  g_type_ensure (BRI_TYPE_COUNTRY_PAGE);
  g_type_ensure (BRI_TYPE_READER);
  g_type_ensure (BRI_TYPE_MAP_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BriAtlas/ui/bri-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BriWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, detail_bar);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, list_button_label);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, list_button);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, browse_stack);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, places_box);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, countries_box);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, search_results);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, feature_card);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, country_page);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, map_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_feature_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_country_activated_cb);

  bri_window_class_install_actions (widget_class);
}

static void
bri_window_init (BriWindow *self)
{
  GtkEventController *keys;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = bri_history_new ();
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "sidebar-visible", self->flap, "reveal-flap", G_SETTINGS_BIND_DEFAULT);

  /* Typing over the map starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_search_focus_enter), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), focus);

  gtk_list_box_set_header_func (self->search_results, result_header_func, NULL, NULL);
  g_signal_connect (self->side_stack, "notify::visible-child-name", G_CALLBACK (on_side_page_changed), self);
  self->list_page = BRI_LOCATION_LIST_PLACES;
  on_side_page_changed (self->side_stack, NULL, self);
  g_signal_connect_object (self->history, "notify::current",
                           G_CALLBACK (bri_window_update_actions), self, G_CONNECT_SWAPPED);
}

BriWindow *
bri_window_new (GtkApplication *application,
                BriAtlas       *atlas)
{
  return g_object_new (BRI_TYPE_WINDOW,
                       "application", application,
                       "atlas", atlas,
                       NULL);
}
