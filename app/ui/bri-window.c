/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriWindow: lays out the map and the side panel and routes what the
 * user opens to them.
 *
 *   map        BriMapView (map/), filling the window
 *   side panel a stack of pages, each its own widget (panels/):
 *     browse   BriFeatureList — the places, with their filters —,
 *              BriInViewList — the places the map shows —,
 *              BriCountryList and BriTourList, under a view switcher
 *     search   BriSearchPanel, for the header bar's entry
 *     feature  BriFeatureCard     country  BriCountryPage
 *     reader   BriReader
 *   actions    bri-window-actions.c: win.open, Back, Forward, zoom, …
 *
 * Everything the user opens — a place, a country, a passage in its
 * document, a view of the map — is a BriLocation that goes through
 * _bri_window_open(), so Back and Forward, search results, map clicks,
 * links in the reader and the command line all take the same path.
 * The list of places and the map read one filtered model, so the map
 * shows exactly the list. */

#define G_LOG_DOMAIN "bri-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-country-list.h"
#include "bri-country-page.h"
#include "bri-feature-card.h"
#include "bri-feature-list.h"
#include "bri-in-view-list.h"
#include "bri-map-view.h"
#include "bri-presentation.h"
#include "bri-reader.h"
#include "bri-search-panel.h"
#include "bri-tour-editor.h"
#include "bri-tour-list.h"
#include "bri-window-private.h"

G_DEFINE_FINAL_TYPE (BriWindow, bri_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ATLAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Search */

static gboolean
showing_search (BriWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "search") == 0;
}

/* Shows what the atlas finds for @text in the side panel. */
static void
search (BriWindow  *self,
        const char *text)
{
  if (!showing_search (self))
    {
      g_free (self->page_before_search);
      self->page_before_search = g_strdup (gtk_stack_get_visible_child_name (self->side_stack));
    }

  g_free (self->query);
  self->query = g_strdup (text);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  bri_search_panel_search (BRI_SEARCH_PANEL (self->search_panel), text);
  gtk_stack_set_visible_child_name (self->side_stack, "search");
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      BriWindow      *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->atlas == NULL || !bri_atlas_is_loaded (self->atlas))
    return;

  if (text[0] == '\0')
    {
      g_clear_pointer (&self->query, g_free);
      if (showing_search (self))
        gtk_stack_set_visible_child_name (self->side_stack,
                                          self->page_before_search ? self->page_before_search : "browse");
      return;
    }

  /* The entry reports a change a moment late; the text may have been
   * searched since (on focus, or as a search: location) and a result
   * chosen, which a late report must not undo. */
  if (g_strcmp0 (text, self->query) != 0)
    search (self, text);
}

static void
on_search_activate_cb (GtkSearchEntry *entry,
                       BriWindow      *self)
{
  if (showing_search (self))
    bri_search_panel_activate (BRI_SEARCH_PANEL (self->search_panel));
}

static void
on_search_stop_cb (GtkSearchEntry *entry,
                   BriWindow      *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (self->map_view);
}

/* Down from the search entry goes into the results. */
static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          BriWindow             *self)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  if (!showing_search (self))
    return FALSE;

  return bri_search_panel_focus_results (BRI_SEARCH_PANEL (self->search_panel));
}

/* Focusing the entry again brings back the results of its text. */
static void
on_search_focus_enter_cb (GtkEventControllerFocus *controller,
                          BriWindow               *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->atlas != NULL && bri_atlas_is_loaded (self->atlas) && text[0] != '\0' && !showing_search (self))
    search (self, text);
}

void
_bri_window_focus_search (BriWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* Side panel */

/* Detail pages get a way back to a list that does not move the map,
 * unlike Back: to the countries from a dossier, to the places from a
 * card, and to the list last shown from the reader. */
static void
set_list_page (BriWindow       *self,
               BriLocationList  list)
{
  const char *label = list == BRI_LOCATION_LIST_COUNTRIES ? _("All Countries") : _("All Places");

  self->list_page = list;
  gtk_label_set_text (self->list_button_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_browse_page_changed_cb (AdwViewStack *stack,
                           GParamSpec   *pspec,
                           BriWindow    *self)
{
  set_list_page (self, g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "countries") == 0
                       ? BRI_LOCATION_LIST_COUNTRIES : BRI_LOCATION_LIST_PLACES);
}

static void
on_side_page_changed_cb (GtkStack   *stack,
                         GParamSpec *pspec,
                         BriWindow  *self)
{
  const char *page = gtk_stack_get_visible_child_name (stack);
  gboolean detail = g_strcmp0 (page, "feature") == 0 || g_strcmp0 (page, "country") == 0 ||
                    g_strcmp0 (page, "reader") == 0 || g_strcmp0 (page, "documents") == 0;

  /* GTK 4.8 tells assistive technologies nothing about which page of a
   * stack is shown; mark the others hidden so a screen reader (and our
   * end-to-end test) reads only the page on screen. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN,
                                 child != gtk_stack_get_visible_child (stack), -1);

  gtk_revealer_set_reveal_child (self->detail_bar, detail);
  _bri_window_tours_page_changed (self);
  _bri_window_reading_page_changed (self, page);
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
  bri_feature_card_set_feature (BRI_FEATURE_CARD (self->feature_card), feature);
  bri_map_view_show_country (BRI_MAP_VIEW (self->map_view), NULL);
  bri_map_view_select_feature (BRI_MAP_VIEW (self->map_view), feature);
  bri_map_view_fly_to_feature (BRI_MAP_VIEW (self->map_view), feature);
  gtk_stack_set_visible_child_name (self->side_stack, "feature");
  set_list_page (self, BRI_LOCATION_LIST_PLACES);
}

static void
open_country (BriWindow  *self,
              BriCountry *country)
{
  bri_country_page_set_country (BRI_COUNTRY_PAGE (self->country_page), country);
  bri_map_view_select_feature (BRI_MAP_VIEW (self->map_view), NULL);
  bri_map_view_show_country (BRI_MAP_VIEW (self->map_view), country);
  gtk_stack_set_visible_child_name (self->side_stack, "country");
  set_list_page (self, BRI_LOCATION_LIST_COUNTRIES);
}

/* A region filters the places to its countries and fits the map to
 * them; "All Places" and the filters' reset lift it. */
static void
show_region (BriWindow *self,
             BriRegion *region)
{
  BriGeoBounds bounds;

  bri_geo_bounds_init_empty (&bounds);
  for (const char * const *c = bri_region_get_countries (region); *c; c++)
    {
      BriCountry *country = bri_atlas_lookup_country (self->atlas, *c);
      BriGeoBounds b;

      if (country == NULL)
        continue;
      bri_country_get_bounds (country, &b);
      if (bri_geo_bounds_crosses_antimeridian (&b))
        continue;
      bri_geo_bounds_extend (&bounds, b.min_lon, b.min_lat);
      bri_geo_bounds_extend (&bounds, b.max_lon, b.max_lat);
    }

  bri_feature_filter_set_region (self->filter, bri_region_get_id (region));
  bri_map_view_select_feature (BRI_MAP_VIEW (self->map_view), NULL);
  bri_map_view_show_country (BRI_MAP_VIEW (self->map_view), NULL);
  if (!bri_geo_bounds_is_empty (&bounds))
    bri_map_view_fit_bounds (BRI_MAP_VIEW (self->map_view), &bounds, TRUE);
  adw_view_stack_set_visible_child_name (self->browse_stack, "places");
  gtk_stack_set_visible_child_name (self->side_stack, "browse");
  set_list_page (self, BRI_LOCATION_LIST_PLACES);
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
        bri_reader_show (BRI_READER (self->reader), document, ordinal);
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
      set_list_page (self, bri_location_get_list (location));
      bri_feature_filter_set_region (self->filter, NULL);
      /* Back at a list, no place is the one chosen. */
      bri_map_view_select_feature (BRI_MAP_VIEW (self->map_view), NULL);
      return TRUE;

    case BRI_LOCATION_REGION:
      {
        BriRegion *region = bri_atlas_lookup_region (self->atlas, id);

        if (region == NULL)
          return toast (self, _("That region is not in the atlas")), FALSE;
        show_region (self, region);
        return TRUE;
      }

    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * _bri_window_open:
 * @location: what to show
 * @record: whether Back should return here
 *
 * Shows @location: the one way anything is opened in the window, from
 * search, the map, the panels, history and the command line.  Before the
 * atlas is ready the location waits for it.
 */
void
_bri_window_open (BriWindow   *self,
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
  _bri_window_tours_shown (self, location);

  /* A search and a view leave the side panel as it is; the results stay
   * in the entry's text, not on a hidden page: focusing the entry again
   * brings them back. */
  kind = bri_location_get_kind (location);
  if (kind == BRI_LOCATION_SEARCH)
    _bri_window_focus_search (self);
  else if (kind != BRI_LOCATION_VIEW)
    bri_search_panel_clear (BRI_SEARCH_PANEL (self->search_panel));

  adw_flap_set_reveal_flap (self->flap, TRUE);
  if (record && kind != BRI_LOCATION_SEARCH && kind != BRI_LOCATION_VIEW)
    bri_history_push (self->history, location);
  _bri_window_update_actions (self);
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

  _bri_window_open (self, location, TRUE);
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

static void
on_map_feature_activated_cb (BriMapView *view,
                             BriFeature *feature,
                             BriWindow  *self)
{
  g_autoptr(BriLocation) location = bri_location_new_feature (bri_feature_get_id (feature));

  _bri_window_open (self, location, TRUE);
}

/* Escape on the map: back to the list the side panel shows (the card's
 * or the reader's first control when it shows one). */
static void
on_map_focus_leave_cb (BriMapView *view,
                       BriWindow  *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->side_stack);
  const char *name = gtk_stack_get_visible_child_name (self->side_stack);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  if (g_strcmp0 (name, "browse") == 0)
    {
      page = adw_view_stack_get_visible_child (self->browse_stack);
      if (page == self->feature_list)
        {
          bri_feature_list_focus_list (BRI_FEATURE_LIST (page));
          return;
        }
      if (page == self->in_view_list)
        {
          bri_in_view_list_focus_list (BRI_IN_VIEW_LIST (page));
          return;
        }
      if (page == self->tour_list && bri_tour_list_focus_list (BRI_TOUR_LIST (page)))
        return;
    }

  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
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
  _bri_window_open (self, location, TRUE);
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

/* A place the filters hide is no longer on the map: neither is its
 * selection. */
static void
on_filter_changed_selection (BriFeatureFilter *filter,
                             BriWindow        *self)
{
  BriFeature *selected = bri_map_view_get_selected_feature (BRI_MAP_VIEW (self->map_view));

  if (selected != NULL && !bri_feature_filter_matches (filter, selected))
    bri_map_view_select_feature (BRI_MAP_VIEW (self->map_view), NULL);
}

/* A document a source could not read was left out, and the rest loaded:
 * say which, in a toast that stays until dismissed. */
static void
report_problems (BriWindow *self)
{
  GPtrArray *problems = bri_atlas_get_problems (self->atlas);
  g_autofree char *first = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (problems->len == 0)
    return;

  /* A toast's title is markup in libadwaita 1.2; the message names a file
   * and what was wrong with it, which is text. */
  first = g_markup_escape_text (((GError *) g_ptr_array_index (problems, 0))->message, -1);
  if (problems->len == 1)
    title = g_strdup_printf (_("A document was left out: %s"), first);
  else
    title = g_strdup_printf (ngettext ("%u document was left out; the first: %s",
                                       "%u documents were left out; the first: %s", problems->len),
                             problems->len, first);

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed_selection), self, 0);
  self->filtered = gtk_filter_list_model_new (g_object_ref (bri_atlas_get_features (self->atlas)),
                                              GTK_FILTER (custom));

  /* Each panel gets the atlas once; the list of places and the map show
   * the same filtered model. */
  bri_panel_set_atlas (BRI_PANEL (self->feature_list), self->atlas);
  bri_feature_list_set_model (BRI_FEATURE_LIST (self->feature_list), G_LIST_MODEL (self->filtered), self->filter);
  bri_panel_set_atlas (BRI_PANEL (self->country_list), self->atlas);
  bri_panel_set_atlas (BRI_PANEL (self->search_panel), self->atlas);
  bri_panel_set_atlas (BRI_PANEL (self->feature_card), self->atlas);
  bri_panel_set_atlas (BRI_PANEL (self->country_page), self->atlas);
  bri_map_view_set_atlas (BRI_MAP_VIEW (self->map_view), self->atlas,
                          G_LIST_MODEL (self->filtered), self->filter);

  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_stack_set_visible_child_name (self->side_stack, "browse");
  _bri_window_update_actions (self);
  report_problems (self);

  if (self->pending != NULL)
    {
      g_autoptr(BriLocation) pending = g_steal_pointer (&self->pending);

      _bri_window_open (self, pending, TRUE);
    }
  _bri_window_tours_setup_atlas (self);
  _bri_window_reading_setup_atlas (self);
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
  _bri_window_update_actions (self);
}

static void
bri_window_dispose (GObject *object)
{
  BriWindow *self = (BriWindow *)object;

  _bri_window_tours_dispose (self);
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
  g_free (self->query);

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

/* A folded flap lies over the map: the map leaves the strip it covers
 * free when it fits a country or a place. */
static void
update_map_obscured (BriWindow *self)
{
  gboolean start = adw_flap_get_flap_position (self->flap) == GTK_PACK_START;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self->flap)) == GTK_TEXT_DIR_RTL;
  int width = 0;

  if (adw_flap_get_folded (self->flap) && adw_flap_get_reveal_flap (self->flap))
    gtk_widget_measure (adw_flap_get_flap (self->flap), GTK_ORIENTATION_HORIZONTAL, -1,
                        NULL, &width, NULL, NULL);
  bri_map_view_set_obscured (BRI_MAP_VIEW (self->map_view), GTK_POS_LEFT, start != rtl ? width : 0);
  bri_map_view_set_obscured (BRI_MAP_VIEW (self->map_view), GTK_POS_RIGHT, start != rtl ? 0 : width);
}

void
_bri_window_update_map_obscured (BriWindow *self)
{
  update_map_obscured (self);
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

  g_type_ensure (BRI_TYPE_FEATURE_LIST);
  g_type_ensure (BRI_TYPE_COUNTRY_LIST);
  g_type_ensure (BRI_TYPE_IN_VIEW_LIST);
  g_type_ensure (BRI_TYPE_SEARCH_PANEL);
  g_type_ensure (BRI_TYPE_FEATURE_CARD);
  g_type_ensure (BRI_TYPE_COUNTRY_PAGE);
  g_type_ensure (BRI_TYPE_READER);
  g_type_ensure (BRI_TYPE_MAP_VIEW);
  g_type_ensure (BRI_TYPE_TOUR_LIST);
  g_type_ensure (BRI_TYPE_TOUR_EDITOR);
  g_type_ensure (BRI_TYPE_PRESENTATION);

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
  gtk_widget_class_bind_template_child (widget_class, BriWindow, feature_list);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, country_list);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, in_view_list);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, search_panel);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, feature_card);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, country_page);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, tour_list);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, tour_editor);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, tour_bar);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, tour_bar_label);
  gtk_widget_class_bind_template_child (widget_class, BriWindow, presentation);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_focus_enter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_side_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_browse_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_feature_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_country_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_focus_leave_cb);

  _bri_window_class_install_actions (widget_class);
  _bri_window_reading_class_init (widget_class);
}

static void
bri_window_init (BriWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = bri_history_new ();
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "sidebar-visible", self->flap, "reveal-flap", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (update_map_obscured),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (update_map_obscured),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::flap-position", G_CALLBACK (update_map_obscured),
                           self, G_CONNECT_SWAPPED);
  /* Typing over the map starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  bri_in_view_list_set_model (BRI_IN_VIEW_LIST (self->in_view_list),
                              bri_map_view_get_features_in_view (BRI_MAP_VIEW (self->map_view)));
  _bri_window_tours_init (self);
  _bri_window_reading_init (self);

  set_list_page (self, BRI_LOCATION_LIST_PLACES);
  on_side_page_changed_cb (self->side_stack, NULL, self);
  g_signal_connect_object (self->history, "notify::current",
                           G_CALLBACK (_bri_window_update_actions), self, G_CONNECT_SWAPPED);
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
