/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriPanel: a page of the side panel that shows the atlas — the places,
 * the countries, the search results, a place's card, a country's
 * dossier.  The window gives each its atlas once, as the "atlas"
 * property, and lays it out; the page takes its one child from its
 * template. */

#define G_LOG_DOMAIN "bri-panel"

#include "config.h"

#include "bri-panel.h"

typedef struct
{
  BriAtlas *atlas;
} BriPanelPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (BriPanel, bri_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ATLAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bri_panel_dispose (GObject *object)
{
  BriPanel *self = BRI_PANEL (object);
  BriPanelPrivate *priv = bri_panel_get_instance_private (self);
  GtkWidget *child;

  /* A template's top child that is not bound to a field outlives
   * gtk_widget_dispose_template(). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->atlas);

  G_OBJECT_CLASS (bri_panel_parent_class)->dispose (object);
}

static void
bri_panel_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BriPanel *self = BRI_PANEL (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      g_value_set_object (value, bri_panel_get_atlas (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_panel_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BriPanel *self = BRI_PANEL (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      bri_panel_set_atlas (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_panel_class_init (BriPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bri_panel_dispose;
  object_class->get_property = bri_panel_get_property;
  object_class->set_property = bri_panel_set_property;

  /**
   * BriPanel:atlas:
   *
   * The loaded atlas the panel shows.
   */
  properties[PROP_ATLAS] =
    g_param_spec_object ("atlas", NULL, NULL,
                         BRI_TYPE_ATLAS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bri_panel_init (BriPanel *self)
{
}

/**
 * bri_panel_get_atlas:
 *
 * Returns: (transfer none) (nullable): the atlas the panel shows
 */
BriAtlas *
bri_panel_get_atlas (BriPanel *self)
{
  BriPanelPrivate *priv;

  g_return_val_if_fail (BRI_IS_PANEL (self), NULL);

  priv = bri_panel_get_instance_private (self);
  return priv->atlas;
}

/**
 * bri_panel_set_atlas:
 * @atlas: (nullable): the loaded atlas to show
 *
 * Set once by the window, before the panel is asked to show anything.
 */
void
bri_panel_set_atlas (BriPanel *self,
                     BriAtlas *atlas)
{
  BriPanelPrivate *priv;

  g_return_if_fail (BRI_IS_PANEL (self));
  g_return_if_fail (atlas == NULL || BRI_IS_ATLAS (atlas));

  priv = bri_panel_get_instance_private (self);
  if (!g_set_object (&priv->atlas, atlas))
    return;

  if (BRI_PANEL_GET_CLASS (self)->atlas_changed != NULL)
    BRI_PANEL_GET_CLASS (self)->atlas_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATLAS]);
}
