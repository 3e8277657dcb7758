/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriSearchRow: one search result — a place, a country or a passage —
 * with a title and a line under it, and the location it opens.  A
 * passage's snippet is document text: its matches are marked with
 * attributes, never markup. */

#define G_LOG_DOMAIN "bri-search-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-panel-util.h"
#include "bri-search-row.h"

struct _BriSearchRow
{
  GtkListBoxRow        parent_instance;

  BriSearchResultKind  kind;
  BriLocation         *location;

  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
};

G_DEFINE_FINAL_TYPE (BriSearchRow, bri_search_row, GTK_TYPE_LIST_BOX_ROW)

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

static void
show_feature (BriSearchRow *self,
              BriFeature   *feature)
{
  g_autofree char *subtitle = g_strdup_printf ("%s · %s",
                                               bri_feature_kind_get_label (bri_feature_get_kind (feature)),
                                               bri_feature_status_get_label (bri_feature_get_status (feature)));

  self->location = bri_location_new_feature (bri_feature_get_id (feature));
  gtk_label_set_text (self->title_label, bri_feature_get_name (feature));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "dim-label");
}

static void
show_country (BriSearchRow *self,
              BriAtlas     *atlas,
              BriCountry   *country)
{
  g_autoptr(GListModel) features = bri_atlas_get_country_features (atlas, country);
  g_autoptr(GListModel) passages = bri_atlas_get_country_passages (atlas, country);
  g_autofree char *subtitle = bri_panel_format_counts (g_list_model_get_n_items (features),
                                                       g_list_model_get_n_items (passages));

  self->location = bri_location_new_country (bri_country_get_code (country));
  gtk_label_set_text (self->title_label, bri_country_get_display_name (country));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "dim-label");
}

static void
show_region (BriSearchRow *self,
             BriRegion    *region)
{
  guint n = g_strv_length ((char **) bri_region_get_countries (region));
  g_autofree char *subtitle = g_strdup_printf (ngettext ("Region · %u country", "Region · %u countries", n), n);

  self->location = bri_location_new_region (bri_region_get_id (region));
  gtk_label_set_text (self->title_label, bri_region_get_name (region));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "dim-label");
}

/* The document and heading on one line, the matching snippet under it. */
static void
show_passage (BriSearchRow    *self,
              BriSearchResult *result,
              BriPassage      *passage)
{
  BriDocument *document = bri_passage_get_document (passage);
  const char *heading = bri_passage_get_heading (passage);
  g_autoptr(PangoAttrList) attrs = highlight_attrs (result);
  g_autofree char *title = NULL;

  title = g_strdup_printf ("%s (%d)%s%s", bri_document_get_title (document),
                           bri_document_get_year (document),
                           heading && *heading ? " › " : "", heading ? heading : "");

  self->location = bri_location_new_passage (bri_passage_get_document_id (passage),
                                             bri_passage_get_ordinal (passage));
  gtk_label_set_text (self->title_label, title);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "caption-heading");
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (self->title_label, FALSE);
  gtk_label_set_text (self->subtitle_label, bri_search_result_get_snippet (result));
  gtk_label_set_attributes (self->subtitle_label, attrs);
}

static void
bri_search_row_dispose (GObject *object)
{
  BriSearchRow *self = BRI_SEARCH_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BRI_TYPE_SEARCH_ROW);
  g_clear_object (&self->location);

  G_OBJECT_CLASS (bri_search_row_parent_class)->dispose (object);
}

static void
bri_search_row_class_init (BriSearchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bri_search_row_dispose;

  bri_panel_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BriAtlas/ui/bri-search-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BriSearchRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BriSearchRow, subtitle_label);
}

static void
bri_search_row_init (BriSearchRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bri_search_row_new:
 * @atlas: the loaded atlas @result comes from, for a country's counts
 *
 * Returns: (transfer floating): a row showing @result
 */
GtkWidget *
bri_search_row_new (BriAtlas        *atlas,
                    BriSearchResult *result)
{
  BriSearchRow *self;
  GObject *object;

  g_return_val_if_fail (BRI_IS_ATLAS (atlas), NULL);
  g_return_val_if_fail (BRI_IS_SEARCH_RESULT (result), NULL);

  self = g_object_new (BRI_TYPE_SEARCH_ROW, NULL);
  self->kind = bri_search_result_get_kind (result);
  object = bri_search_result_get_object (result);

  switch (self->kind)
    {
    case BRI_SEARCH_RESULT_FEATURE:
      show_feature (self, BRI_FEATURE (object));
      break;

    case BRI_SEARCH_RESULT_COUNTRY:
      show_country (self, atlas, BRI_COUNTRY (object));
      break;

    case BRI_SEARCH_RESULT_REGION:
      show_region (self, BRI_REGION (object));
      break;

    case BRI_SEARCH_RESULT_PASSAGE:
      show_passage (self, result, BRI_PASSAGE (object));
      break;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (self->title_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, gtk_label_get_text (self->subtitle_label),
                                  -1);

  return GTK_WIDGET (self);
}

BriSearchResultKind
bri_search_row_get_kind (BriSearchRow *self)
{
  g_return_val_if_fail (BRI_IS_SEARCH_ROW (self), BRI_SEARCH_RESULT_FEATURE);

  return self->kind;
}

/**
 * bri_search_row_get_location:
 *
 * Returns: (transfer none): what choosing the row opens
 */
BriLocation *
bri_search_row_get_location (BriSearchRow *self)
{
  g_return_val_if_fail (BRI_IS_SEARCH_ROW (self), NULL);

  return self->location;
}
