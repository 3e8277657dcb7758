/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application object: one window, the app-wide actions. */

#define G_LOG_DOMAIN "bri-app"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-application.h"

struct _BriApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (BriApplication, bri_application, ADW_TYPE_APPLICATION)

static void
bri_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/example/BriAtlas/ui/bri-window.ui");

      window = GTK_WINDOW (gtk_builder_get_object (builder, "window"));
      gtk_window_set_application (window, GTK_APPLICATION (app));
    }

  gtk_window_present (window);
}

static void
on_quit_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = on_quit_activated },
};

static void
bri_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (bri_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
bri_application_class_init (BriApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = bri_application_activate;
  app_class->startup = bri_application_startup;
}

static void
bri_application_init (BriApplication *self)
{
}

BriApplication *
bri_application_new (void)
{
  return g_object_new (BRI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/example/BriAtlas",
                       NULL);
}
