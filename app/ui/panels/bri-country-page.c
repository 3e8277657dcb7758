/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountryPage: the side panel's dossier on one country — its name in
 * the user's language, how much the sources say about it, its places by
 * kind and the passages that name it or its places, best first.
 *
 * A big country has hundreds of passages: the first ones are shown, the
 * rest on request, and either way the rows are built a batch per frame,
 * so opening China's dossier or asking for all of it never holds up a
 * frame. */

#define G_LOG_DOMAIN "bri-country-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bri-country-page.h"
#include "bri-panel-util.h"
#include "bri-passage-row.h"

#define SYMBOL_SIZE 16
/* What a frame has time for on top of its own work, measured on
 * llvmpipe/cairo under Xvfb: a place row costs about 1.5 ms to build and
 * lay out, a passage row 5 ms and more. */
#define PLACES_PER_FRAME 4

struct _BriCountryPage
{
  BriPanel           parent_instance;

  BriCountry        *country;
  GPtrArray         *features;    /* by kind, then name */
  guint              n_features_shown;
  GtkWidget         *kind_group;  /* where the next place of its kind goes */
  GListModel        *passages;
  guint              n_shown;
  guint              n_wanted;    /* the first page, or all */
  guint              fill_tick;

  GtkScrolledWindow *scroller;
  GtkLabel          *overline_label;
  GtkLabel          *name_label;
  GtkLabel          *english_label;
  GtkLabel          *places_count_label;
  GtkLabel          *places_caption_label;
  GtkLabel          *passages_count_label;
  GtkLabel          *passages_caption_label;
  GtkLabel          *documents_count_label;
  GtkLabel          *documents_caption_label;
  GtkBox            *features_box;
  GtkWidget         *features_empty_label;
  GtkLabel          *passages_label;
  GtkLabel          *passages_detail_label;
  GtkListBox        *passages_list;
  GtkButton         *show_all_button;
};

G_DEFINE_FINAL_TYPE (BriCountryPage, bri_country_page, BRI_TYPE_PANEL)

enum {
  PROP_0,
  PROP_COUNTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_count (GtkLabel   *count_label,
           GtkLabel   *caption_label,
           guint       n,
           const char *caption)
{
  g_autofree char *count = g_strdup_printf ("%u", n);

  gtk_label_set_text (count_label, count);
  gtk_label_set_text (caption_label, caption);
}

/* Kinds in the gazetteer's order (ports, railways, roads, …), the places
 * of a kind by name. */
static int
compare_features (gconstpointer a,
                  gconstpointer b)
{
  BriFeature *fa = *(BriFeature **) a;
  BriFeature *fb = *(BriFeature **) b;
  int by_kind = (int) bri_feature_get_kind (fa) - (int) bri_feature_get_kind (fb);

  return by_kind != 0 ? by_kind : g_utf8_collate (bri_feature_get_name (fa), bri_feature_get_name (fb));
}

static GtkWidget *
create_feature_row (BriCountryPage *self,
                    BriFeature     *feature)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GListModel) passages = bri_atlas_get_feature_passages (bri_panel_get_atlas (BRI_PANEL (self)), feature);
  guint n_passages = g_list_model_get_n_items (passages);
  g_autofree char *status = bri_panel_format_status (feature);
  g_autofree char *count = bri_panel_format_n_passages (n_passages);
  g_autofree char *subtitle = NULL;

  /* Translators: a feature row's subtitle: status, then how many passages, as in "Operational (2023) · 23 passages" */
  subtitle = g_strdup_printf (C_("feature row", "%s · %s"), status, count);

  /* Names come from data: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bri_feature_get_name (feature));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             bri_panel_kind_symbol_new (bri_feature_get_kind (feature),
                                                        bri_feature_get_precision (feature),
                                                        SYMBOL_SIZE));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  {
    g_autoptr(BriLocation) location = bri_location_new_feature (bri_feature_get_id (feature));

    bri_panel_open_on (row, "activated", location);
  }

  return row;
}

/* Adds the next place, in a new group when it is the first of its kind. */
static void
add_next_feature (BriCountryPage *self)
{
  BriFeature *feature = g_ptr_array_index (self->features, self->n_features_shown);
  BriFeatureKind kind = bri_feature_get_kind (feature);

  if (self->n_features_shown == 0 ||
      bri_feature_get_kind (g_ptr_array_index (self->features, self->n_features_shown - 1)) != kind)
    {
      self->kind_group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->kind_group), bri_feature_kind_get_label (kind));
      gtk_box_append (self->features_box, self->kind_group);
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->kind_group), create_feature_row (self, feature));
  self->n_features_shown++;
}

static void
update_features (BriCountryPage *self,
                 GListModel     *features)
{
  guint n = g_list_model_get_n_items (features);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->features, g_list_model_get_item (features, i));
  g_ptr_array_sort (self->features, compare_features);

  gtk_widget_set_visible (GTK_WIDGET (self->features_box), n > 0);
  gtk_widget_set_visible (self->features_empty_label, n == 0);
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
update_show_all_button (BriCountryPage *self)
{
  guint n = self->passages != NULL ? g_list_model_get_n_items (self->passages) : 0;
  g_autofree char *label = NULL;

  /* Translators: the button under the first passages of a country; %u is how many there are in all */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u Passages", "Show All %u Passages", n), n);
  gtk_button_set_label (self->show_all_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button), self->n_wanted < n);
}

/* Adds the next row the dossier is waiting for, places first; returns
 * FALSE when there is none. */
static gboolean
add_next_row (BriCountryPage *self)
{
  g_autoptr(BriPassage) passage = NULL;

  if (self->n_features_shown < self->features->len)
    {
      add_next_feature (self);
      return TRUE;
    }

  if (self->n_shown >= self->n_wanted)
    return FALSE;

  passage = g_list_model_get_item (self->passages, self->n_shown++);
  gtk_list_box_append (self->passages_list, bri_passage_row_new (passage, bri_country_get_code (self->country)));
  return TRUE;
}

static gboolean
fill_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  BriCountryPage *self = BRI_COUNTRY_PAGE (widget);
  /* A passage's wrapped text costs as much to lay out as a few places'
   * titles: a frame gets a few places, or one passage. */
  guint batch = self->n_features_shown < self->features->len ? PLACES_PER_FRAME : 1;

  for (guint added = 0; added < batch; added++)
    {
      if (!add_next_row (self))
        {
          self->fill_tick = 0;
          return G_SOURCE_REMOVE;
        }
    }

  return G_SOURCE_CONTINUE;
}

/* Adds the rows the dossier does not show yet, a batch per frame. */
static void
fill (BriCountryPage *self)
{
  if (self->fill_tick != 0)
    return;

  self->fill_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_cb, NULL, NULL);
}

/* Shows the first @n_wanted passages. */
static void
fill_passages (BriCountryPage *self,
               guint           n_wanted)
{
  self->n_wanted = MIN (n_wanted, g_list_model_get_n_items (self->passages));
  fill (self);
  update_show_all_button (self);
}

static void
stop_filling (BriCountryPage *self)
{
  if (self->fill_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_tick);
  self->fill_tick = 0;
}

static void
clear (BriCountryPage *self)
{
  GtkWidget *child;

  stop_filling (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->passages_list))) != NULL)
    gtk_list_box_remove (self->passages_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->features_box))) != NULL)
    gtk_box_remove (self->features_box, child);
  g_ptr_array_set_size (self->features, 0);
  self->n_features_shown = 0;
  self->kind_group = NULL;
  self->n_shown = 0;
  self->n_wanted = 0;
}

static void
update_passages (BriCountryPage *self)
{
  guint n = g_list_model_get_n_items (self->passages);
  g_autofree char *title = NULL;

  if (n == 0)
    {
      gtk_label_set_text (self->passages_label, _("No passages"));
      gtk_label_set_text (self->passages_detail_label,
                          _("None of the source documents names this country or its places."));
    }
  else
    {
      title = bri_panel_format_n_passages (n);
      gtk_label_set_text (self->passages_label, title);
      gtk_label_set_text (self->passages_detail_label,
                          _("Naming the country or its places, most relevant first"));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->passages_list), n > 0);
  fill_passages (self, BRI_COUNTRY_PAGE_FIRST_PASSAGES);
}

static void
bri_country_page_update (BriCountryPage *self)
{
  const char *display_name = bri_country_get_display_name (self->country);
  const char *english_name = bri_country_get_name (self->country);
  BriAtlas *atlas = bri_panel_get_atlas (BRI_PANEL (self));
  g_autoptr(GListModel) features = bri_atlas_get_country_features (atlas, self->country);
  g_autofree char *overline = NULL;
  guint n_places, n_passages, n_documents;

  /* Translators: the small line over a country's name; %s is its ISO code, as in "Country · KE" */
  overline = g_strdup_printf (_("Country · %s"), bri_country_get_code (self->country));
  gtk_label_set_text (self->overline_label, overline);
  gtk_label_set_text (self->name_label, display_name);
  gtk_label_set_text (self->english_label, english_name);
  gtk_widget_set_visible (GTK_WIDGET (self->english_label),
                          g_strcmp0 (display_name, english_name) != 0);

  clear (self);
  g_clear_object (&self->passages);
  self->passages = bri_atlas_get_country_passages (atlas, self->country);

  n_places = g_list_model_get_n_items (features);
  n_passages = g_list_model_get_n_items (self->passages);
  n_documents = count_documents (self->passages);
  set_count (self->places_count_label, self->places_caption_label, n_places,
             /* Translators: under the number of places on a country's dossier */
             g_dngettext (GETTEXT_PACKAGE, "place", "places", n_places));
  set_count (self->passages_count_label, self->passages_caption_label, n_passages,
             /* Translators: under the number of passages on a country's dossier */
             g_dngettext (GETTEXT_PACKAGE, "passage", "passages", n_passages));
  set_count (self->documents_count_label, self->documents_caption_label, n_documents,
             /* Translators: under the number of source documents on a country's dossier */
             g_dngettext (GETTEXT_PACKAGE, "document", "documents", n_documents));

  update_features (self, features);
  update_passages (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
on_show_all_button_clicked_cb (BriCountryPage *self,
                               GtkButton      *button)
{
  bri_country_page_show_all_passages (self);
}

static void
bri_country_page_dispose (GObject *object)
{
  BriCountryPage *self = BRI_COUNTRY_PAGE (object);

  stop_filling (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRI_TYPE_COUNTRY_PAGE);
  g_clear_pointer (&self->features, g_ptr_array_unref);
  g_clear_object (&self->passages);
  g_clear_object (&self->country);

  G_OBJECT_CLASS (bri_country_page_parent_class)->dispose (object);
}

static void
bri_country_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BriCountryPage *self = BRI_COUNTRY_PAGE (object);

  switch (prop_id)
    {
    case PROP_COUNTRY:
      g_value_set_object (value, self->country);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What was shown came from the old atlas. */
static void
bri_country_page_atlas_changed (BriPanel *panel)
{
  bri_country_page_set_country (BRI_COUNTRY_PAGE (panel), NULL);
}

static void
bri_country_page_class_init (BriCountryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BriPanelClass *panel_class = BRI_PANEL_CLASS (klass);

  object_class->dispose = bri_country_page_dispose;
  object_class->get_property = bri_country_page_get_property;
  panel_class->atlas_changed = bri_country_page_atlas_changed;

  properties[PROP_COUNTRY] =
    g_param_spec_object ("country", NULL, NULL,
                         BRI_TYPE_COUNTRY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "bri-country-page");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  bri_panel_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BriAtlas/ui/bri-country-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BriCountryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BriCountryPage, overline_label);
  gtk_widget_class_bind_template_child (widget_class, BriCountryPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, BriCountryPage, english_label);
  gtk_widget_class_bind_template_child (widget_class, BriCountryPage, places_count_label);
  gtk_widget_class_bind_template_child (widget_class, BriCountryPage, places_caption_label);
  gtk_widget_class_bind_template_child (widget_class, BriCountryPage, passages_count_label);
  gtk_widget_class_bind_template_child (widget_class, BriCountryPage, passages_caption_label);
  gtk_widget_class_bind_template_child (widget_class, BriCountryPage, documents_count_label);
  gtk_widget_class_bind_template_child (widget_class, BriCountryPage, documents_caption_label);
  gtk_widget_class_bind_template_child (widget_class, BriCountryPage, features_box);
  gtk_widget_class_bind_template_child (widget_class, BriCountryPage, features_empty_label);
  gtk_widget_class_bind_template_child (widget_class, BriCountryPage, passages_label);
  gtk_widget_class_bind_template_child (widget_class, BriCountryPage, passages_detail_label);
  gtk_widget_class_bind_template_child (widget_class, BriCountryPage, passages_list);
  gtk_widget_class_bind_template_child (widget_class, BriCountryPage, show_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_button_clicked_cb);
}

static void
bri_country_page_init (BriCountryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->features = g_ptr_array_new_with_free_func (g_object_unref);
}

GtkWidget *
bri_country_page_new (void)
{
  return g_object_new (BRI_TYPE_COUNTRY_PAGE, NULL);
}

/**
 * bri_country_page_set_country:
 * @country: (nullable): the country to show, or %NULL to let go of the
 *   current one
 *
 * The page must have its atlas before it shows a country.
 */
void
bri_country_page_set_country (BriCountryPage *self,
                              BriCountry     *country)
{
  g_return_if_fail (BRI_IS_COUNTRY_PAGE (self));
  g_return_if_fail (country == NULL || BRI_IS_COUNTRY (country));
  g_return_if_fail (country == NULL || bri_panel_get_atlas (BRI_PANEL (self)) != NULL);

  if (!g_set_object (&self->country, country))
    return;

  if (self->country != NULL)
    {
      bri_country_page_update (self);
    }
  else
    {
      clear (self);
      g_clear_object (&self->passages);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

BriCountry *
bri_country_page_get_country (BriCountryPage *self)
{
  g_return_val_if_fail (BRI_IS_COUNTRY_PAGE (self), NULL);

  return self->country;
}

/**
 * bri_country_page_show_all_passages:
 *
 * Adds the passages past the first %BRI_COUNTRY_PAGE_FIRST_PASSAGES, a
 * batch per frame; what "Show All" does.
 */
void
bri_country_page_show_all_passages (BriCountryPage *self)
{
  gboolean had_focus;

  g_return_if_fail (BRI_IS_COUNTRY_PAGE (self));

  if (self->passages == NULL)
    return;

  had_focus = gtk_widget_has_focus (GTK_WIDGET (self->show_all_button));
  fill_passages (self, G_MAXUINT);

  /* The button has gone: keep the keyboard in the list. */
  if (had_focus && self->n_shown > 0)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->passages_list, self->n_shown - 1)));
}
