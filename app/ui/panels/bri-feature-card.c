/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureCard: the side panel's page about one feature — what it is,
 * where, how far along, and every passage of the sources that speaks of
 * it.  Clicks leave as window actions; the card never reaches into the
 * map or another panel. */

#define G_LOG_DOMAIN "bri-feature-card"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-feature-card.h"
#include "bri-panel-util.h"
#include "bri-passage-row.h"

#define SYMBOL_SIZE 16

struct _BriFeatureCard
{
  BriPanel           parent_instance;

  BriFeature        *feature;

  GtkScrolledWindow *scroller;
  GtkBox            *kind_box;
  GtkWidget         *kind_symbol;
  GtkLabel          *kind_label;
  GtkLabel          *name_label;
  GtkLabel          *description_label;
  GtkLabel          *status_label;
  GtkWidget         *started_title;
  GtkLabel          *started_label;
  GtkWidget         *opened_title;
  GtkLabel          *opened_label;
  GtkLabel          *precision_label;
  GtkLabel          *countries_title;
  GtkFlowBox        *countries_box;
  GtkLabel          *passages_label;
  GtkLabel          *passages_detail_label;
  GtkListBox        *passages_list;
};

G_DEFINE_FINAL_TYPE (BriFeatureCard, bri_feature_card, BRI_TYPE_PANEL)

enum {
  PROP_0,
  PROP_FEATURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
remove_all (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_flow_box_remove (GTK_FLOW_BOX (container), child);
    }
}

static void
set_year (GtkWidget *title,
          GtkLabel  *label,
          int        year)
{
  g_autofree char *text = year > 0 ? g_strdup_printf ("%d", year) : NULL;

  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (title, text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
update_countries (BriFeatureCard *self)
{
  const char * const *codes = bri_feature_get_countries (self->feature);
  guint n = codes != NULL ? g_strv_length ((char **) codes) : 0;

  remove_all (GTK_WIDGET (self->countries_box));

  gtk_label_set_text (self->countries_title,
                      g_dngettext (GETTEXT_PACKAGE, "Country", "Countries", n));
  gtk_widget_set_visible (GTK_WIDGET (self->countries_title), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->countries_box), n > 0);

  for (guint i = 0; i < n; i++)
    {
      BriCountry *country = bri_atlas_lookup_country (bri_panel_get_atlas (BRI_PANEL (self)), codes[i]);
      const char *name = country != NULL ? bri_country_get_display_name (country) : codes[i];
      GtkWidget *button = gtk_button_new_with_label (name);
      g_autofree char *tooltip = NULL;

      /* Translators: tooltip of a country button on a feature's card */
      tooltip = g_strdup_printf (_("About %s and its places"), name);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "bri-country-button");
      {
        g_autoptr(BriLocation) location = bri_location_new_country (codes[i]);

        bri_panel_open_on (button, "clicked", location);
      }
      gtk_flow_box_append (self->countries_box, button);
    }
}

static guint
count_documents (GListModel *passages)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (passages);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriPassage) passage = g_list_model_get_item (passages, i);

      g_hash_table_add (seen, (gpointer) bri_passage_get_document_id (passage));
    }

  return g_hash_table_size (seen);
}

static void
update_passages (BriFeatureCard *self)
{
  g_autoptr(GListModel) passages = bri_atlas_get_feature_passages (bri_panel_get_atlas (BRI_PANEL (self)),
                                                                   self->feature);
  guint n = g_list_model_get_n_items (passages);
  const char *id = bri_feature_get_id (self->feature);
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;

  remove_all (GTK_WIDGET (self->passages_list));

  if (n == 0)
    {
      gtk_label_set_text (self->passages_label, _("No passages"));
      gtk_label_set_text (self->passages_detail_label,
                          _("None of the source documents speaks of this place."));
      gtk_widget_set_visible (GTK_WIDGET (self->passages_list), FALSE);
      return;
    }

  title = bri_panel_format_n_passages (n);
  gtk_label_set_text (self->passages_label, title);

  {
    guint n_documents = count_documents (passages);

    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "From %u source document, in document order",
                                           "From %u source documents, in document order",
                                           n_documents),
                              n_documents);
    gtk_label_set_text (self->passages_detail_label, detail);
  }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriPassage) passage = g_list_model_get_item (passages, i);

      gtk_list_box_append (self->passages_list, bri_passage_row_new (passage, id));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->passages_list), TRUE);
}

static void
bri_feature_card_update (BriFeatureCard *self)
{
  BriFeatureKind kind = bri_feature_get_kind (self->feature);
  const char *description = bri_feature_get_description (self->feature);
  g_autofree char *status = bri_panel_format_status (self->feature);

  if (self->kind_symbol != NULL)
    gtk_box_remove (self->kind_box, self->kind_symbol);
  self->kind_symbol = bri_panel_kind_symbol_new (kind, bri_feature_get_precision (self->feature),
                                                 SYMBOL_SIZE);
  gtk_box_prepend (self->kind_box, self->kind_symbol);
  gtk_label_set_text (self->kind_label, bri_feature_kind_get_label (kind));

  gtk_label_set_text (self->name_label, bri_feature_get_name (self->feature));

  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && *description != '\0');

  gtk_label_set_text (self->status_label, status);
  set_year (self->started_title, self->started_label, bri_feature_get_started (self->feature));
  set_year (self->opened_title, self->opened_label, bri_feature_get_opened (self->feature));
  gtk_label_set_text (self->precision_label,
                      bri_precision_get_label (bri_feature_get_precision (self->feature)));

  update_countries (self);
  update_passages (self);

  /* A new feature starts at its top, not where the last one was left. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
bri_feature_card_dispose (GObject *object)
{
  BriFeatureCard *self = BRI_FEATURE_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BRI_TYPE_FEATURE_CARD);
  self->kind_symbol = NULL;
  g_clear_object (&self->feature);

  G_OBJECT_CLASS (bri_feature_card_parent_class)->dispose (object);
}

static void
bri_feature_card_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BriFeatureCard *self = BRI_FEATURE_CARD (object);

  switch (prop_id)
    {
    case PROP_FEATURE:
      g_value_set_object (value, self->feature);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What was shown came from the old atlas. */
static void
bri_feature_card_atlas_changed (BriPanel *panel)
{
  bri_feature_card_set_feature (BRI_FEATURE_CARD (panel), NULL);
}

static void
bri_feature_card_class_init (BriFeatureCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BriPanelClass *panel_class = BRI_PANEL_CLASS (klass);

  object_class->dispose = bri_feature_card_dispose;
  object_class->get_property = bri_feature_card_get_property;
  panel_class->atlas_changed = bri_feature_card_atlas_changed;

  properties[PROP_FEATURE] =
    g_param_spec_object ("feature", NULL, NULL,
                         BRI_TYPE_FEATURE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "bri-feature-card");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  bri_panel_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BriAtlas/ui/bri-feature-card.ui");
  gtk_widget_class_bind_template_child (widget_class, BriFeatureCard, scroller);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureCard, kind_box);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureCard, kind_label);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureCard, description_label);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureCard, started_title);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureCard, started_label);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureCard, opened_title);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureCard, opened_label);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureCard, precision_label);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureCard, countries_title);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureCard, countries_box);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureCard, passages_label);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureCard, passages_detail_label);
  gtk_widget_class_bind_template_child (widget_class, BriFeatureCard, passages_list);
}

static void
bri_feature_card_init (BriFeatureCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bri_feature_card_new (void)
{
  return g_object_new (BRI_TYPE_FEATURE_CARD, NULL);
}

/**
 * bri_feature_card_set_feature:
 * @feature: (nullable): the feature to show, or %NULL to let go of the
 *   current one
 *
 * The card must have its atlas before it shows a feature.
 */
void
bri_feature_card_set_feature (BriFeatureCard *self,
                              BriFeature     *feature)
{
  g_return_if_fail (BRI_IS_FEATURE_CARD (self));
  g_return_if_fail (feature == NULL || BRI_IS_FEATURE (feature));
  g_return_if_fail (feature == NULL || bri_panel_get_atlas (BRI_PANEL (self)) != NULL);

  if (!g_set_object (&self->feature, feature))
    return;

  if (self->feature != NULL)
    {
      bri_feature_card_update (self);
    }
  else
    {
      remove_all (GTK_WIDGET (self->passages_list));
      remove_all (GTK_WIDGET (self->countries_box));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEATURE]);
}

BriFeature *
bri_feature_card_get_feature (BriFeatureCard *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_CARD (self), NULL);

  return self->feature;
}
