/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small pieces the side panel's widgets share, so that a date or a status
 * reads the same on the feature card, the dossier and the reader. */

#define G_LOG_DOMAIN "bri-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "bri-feature-style.h"
#include "bri-panel-util.h"

GResource *bri_ui_get_resource (void);

/**
 * bri_panel_ensure_resources:
 *
 * The templates live in the ui library's resource, which registers
 * itself when linked; a widget's class_init calls this so that any
 * program using the widget links it, tests included.
 */
void
bri_panel_ensure_resources (void)
{
  (void) bri_ui_get_resource ();
}

/**
 * bri_panel_open:
 * @action: "win.open", or "win.show-on-map" to move the map only
 *
 * Panels never call each other or the window: they ask the window to
 * open a location, through its action.
 */
void
bri_panel_open (GtkWidget   *widget,
                const char  *action,
                BriLocation *location)
{
  const char *target = bri_location_to_string (location);

  if (!gtk_widget_activate_action (widget, action, "s", target))
    g_debug ("No %s action to open %s", action, target);
}

static void
on_widget_open_cb (GtkWidget *widget)
{
  bri_panel_open (widget, "win.open", g_object_get_data (G_OBJECT (widget), "bri-location"));
}

/**
 * bri_panel_open_on:
 * @signal: "clicked" for a button, "activated" for a row
 *
 * Makes @widget open @location when it emits @signal.
 */
void
bri_panel_open_on (GtkWidget   *widget,
                   const char  *signal,
                   BriLocation *location)
{
  g_object_set_data_full (G_OBJECT (widget), "bri-location", g_object_ref (location), g_object_unref);
  g_signal_connect (widget, signal, G_CALLBACK (on_widget_open_cb), NULL);
}

/**
 * bri_panel_format_date:
 * @iso_date: (nullable): "2019-04-22", "2023-10" or "2017"
 *
 * The catalogue dates are as precise as the source was, so the text keeps
 * exactly that precision, in the user's language.  Anything else is shown
 * as written.
 *
 * Returns: (transfer full) (nullable): the date for people
 */
char *
bri_panel_format_date (const char *iso_date)
{
  int year = 0, month = 0, day = 0;
  int n;
  g_autoptr(GDateTime) date = NULL;

  if (iso_date == NULL || *iso_date == '\0')
    return NULL;

  n = sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day);
  if (n < 1 || year < 1 || year > 9999)
    return g_strdup (iso_date);
  if (n == 1)
    return g_strdup_printf ("%d", year);

  date = g_date_time_new_utc (year, month, n == 3 ? day : 1, 0, 0, 0);
  if (date == NULL)
    return g_strdup (iso_date);

  if (n == 2)
    /* Translators: a month and year, as in "October 2023"; see g_date_time_format() */
    return g_date_time_format (date, C_("document date", "%B %Y"));

  /* Translators: a full date, as in "22 April 2019"; see g_date_time_format() */
  return g_date_time_format (date, C_("document date", "%-d %B %Y"));
}

/**
 * bri_panel_format_n_places:
 *
 * Returns: (transfer full): "1 place", "12 places"
 */
char *
bri_panel_format_n_places (guint n_places)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u place", "%u places", n_places), n_places);
}

/**
 * bri_panel_format_n_passages:
 *
 * Returns: (transfer full): "1 passage", "247 passages"
 */
char *
bri_panel_format_n_passages (guint n_passages)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", n_passages),
                          n_passages);
}

/**
 * bri_panel_format_counts:
 *
 * How much the atlas has on a country, the same wherever a country is
 * listed: in search results, the list of countries and the dossier.
 *
 * Returns: (transfer full): "9 places · 120 passages"
 */
char *
bri_panel_format_counts (guint n_places,
                         guint n_passages)
{
  g_autofree char *places = bri_panel_format_n_places (n_places);
  g_autofree char *passages = bri_panel_format_n_passages (n_passages);

  /* Translators: how many places and passages the atlas has on a country, as in "9 places · 120 passages" */
  return g_strdup_printf (C_("counts", "%s · %s"), places, passages);
}

/**
 * bri_panel_format_status:
 *
 * Returns: (transfer full): "Under construction (2023)", or the status
 *   alone when the gazetteer gives no year for it or it is historical
 */
char *
bri_panel_format_status (BriFeature *feature)
{
  const char *label;
  int year;

  g_return_val_if_fail (BRI_IS_FEATURE (feature), NULL);

  label = bri_feature_status_get_label (bri_feature_get_status (feature));
  year = bri_feature_get_status_year (feature);

  /* The year says when the status was true; "Historical" always is. */
  if (year <= 0 || g_strcmp0 (bri_feature_get_status (feature), "historical") == 0)
    return g_strdup (label);

  /* Translators: a feature's status and the year it was true, as in "Under construction (2023)" */
  return g_strdup_printf (C_("feature status", "%s (%d)"), label, year);
}

/**
 * bri_panel_get_tile_style:
 *
 * Returns: the style of the map with the window's (light or dark): what
 *   the kinds' symbols and exported maps take their colours from
 */
BriTileStyle
bri_panel_get_tile_style (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? BRI_TILE_STYLE_DARK
                                                                       : BRI_TILE_STYLE_LIGHT;
}

static void
draw_symbol (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  guint packed = GPOINTER_TO_UINT (user_data);

  bri_feature_style_draw_legend_symbol (cr, packed & 0xff, packed >> 8, bri_panel_get_tile_style (),
                                        width, height);
}

/**
 * bri_panel_kind_symbol_new:
 *
 * The symbol the map and its legend use for @kind, so a reader can match
 * a row in the panel with what is on the map.  It is decoration: the kind
 * is always written next to it.
 *
 * Returns: (transfer floating): the symbol
 */
GtkWidget *
bri_panel_kind_symbol_new (BriFeatureKind kind,
                           BriPrecision   precision,
                           int            size)
{
  GtkWidget *area;

  g_return_val_if_fail (kind < BRI_FEATURE_N_KINDS, NULL);

  /* A line is easier to recognise a little wider than it is tall; markers
   * get the same box so that rows of mixed kinds line up. */
  area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), size * 3 / 2);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), size);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_symbol,
                                  GUINT_TO_POINTER ((guint) kind | ((guint) precision << 8)),
                                  NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  return area;
}
