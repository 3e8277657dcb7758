/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureSheet: the feature card's facts in the card's order, a map
 * fitted to the place with the place highlighted, and its passages. */

#define G_LOG_DOMAIN "bri-feature-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-feature-sheet.h"
#include "bri-map-decorations.h"
#include "bri-map-renderer.h"
#include "bri-passage-table.h"

#define MAP_SHARE 0.45
/* A place on its own is shown with this much of the world around it:
 * close enough that the places near it are drawn apart, each named,
 * not gathered in a bubble. */
#define POINT_MARGIN_DEGREES 0.25

struct _BriFeatureSheet
{
  GObject          parent_instance;

  BriFeature      *feature;
  GPtrArray       *facts;      /* of char *: "Status: Operational" */
  BriPassageTable *passages;
  BriMapRenderer  *renderer;
  BriPaper         paper;
};

G_DEFINE_FINAL_TYPE (BriFeatureSheet, bri_feature_sheet, G_TYPE_OBJECT)

static void
bri_feature_sheet_finalize (GObject *object)
{
  BriFeatureSheet *self = BRI_FEATURE_SHEET (object);

  g_clear_object (&self->feature);
  g_ptr_array_unref (self->facts);
  g_clear_object (&self->passages);
  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (bri_feature_sheet_parent_class)->finalize (object);
}

static void
bri_feature_sheet_class_init (BriFeatureSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bri_feature_sheet_finalize;
}

static void
bri_feature_sheet_init (BriFeatureSheet *self)
{
  self->facts = g_ptr_array_new_with_free_func (g_free);
  self->paper = BRI_PAPER_A4;
}

static void
add_fact (BriFeatureSheet *self,
          const char      *label,
          const char      *value)
{
  if (value == NULL || value[0] == '\0')
    return;

  /* TRANSLATORS: a fact on a place's printed card: "Status: Operational" */
  g_ptr_array_add (self->facts, g_strdup_printf (_("%s: %s"), label, value));
}

static void
add_year (BriFeatureSheet *self,
          const char      *label,
          int              year)
{
  g_autofree char *text = year > 0 ? g_strdup_printf ("%d", year) : NULL;

  add_fact (self, label, text);
}

/**
 * bri_feature_sheet_new:
 *
 * Reads @feature's passages and countries from @atlas: call it on the
 * thread that owns the atlas.
 */
BriFeatureSheet *
bri_feature_sheet_new (BriAtlas   *atlas,
                       BriFeature *feature)
{
  BriFeatureSheet *self;
  g_autoptr(GListModel) passages = NULL;
  const char * const *codes;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *countries = NULL;
  g_autofree char *aliases = NULL;

  g_return_val_if_fail (BRI_IS_ATLAS (atlas), NULL);
  g_return_val_if_fail (BRI_IS_FEATURE (feature), NULL);

  self = g_object_new (BRI_TYPE_FEATURE_SHEET, NULL);
  self->feature = g_object_ref (feature);

  codes = bri_feature_get_countries (feature);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      BriCountry *country = bri_atlas_lookup_country (atlas, codes[i]);

      g_ptr_array_add (names, (gpointer) (country != NULL ? bri_country_get_display_name (country) : codes[i]));
    }
  g_ptr_array_add (names, NULL);
  countries = g_strjoinv (", ", (char **) names->pdata);
  aliases = g_strjoinv (", ", (char **) bri_feature_get_aliases (feature));

  add_fact (self, _("Kind"), bri_feature_kind_get_label (bri_feature_get_kind (feature)));
  add_fact (self, _("Status"), bri_feature_status_get_label (bri_feature_get_status (feature)));
  add_year (self, _("Construction started"), bri_feature_get_started (feature));
  add_year (self, _("Opened"), bri_feature_get_opened (feature));
  add_fact (self, _("Countries"), countries);
  add_fact (self, _("Location"), bri_precision_get_label (bri_feature_get_precision (feature)));
  add_fact (self, _("Also called"), aliases);

  passages = bri_atlas_get_feature_passages (atlas, feature);
  self->passages = bri_passage_table_new (passages);
  self->renderer = bri_map_renderer_new_for_atlas (atlas, NULL);
  bri_map_renderer_set_selected (self->renderer, feature);

  return self;
}

void
bri_feature_sheet_set_paper (BriFeatureSheet *self,
                             BriPaper         paper)
{
  g_return_if_fail (BRI_IS_FEATURE_SHEET (self));

  self->paper = paper;
}

/**
 * bri_feature_sheet_to_pdf:
 *
 * Returns: (transfer full): the card as PDF, or %NULL with @error set
 */
GBytes *
bri_feature_sheet_to_pdf (BriFeatureSheet  *self,
                          GCancellable     *cancellable,
                          GError          **error)
{
  const char *name;
  g_autoptr(BriPages) pages = NULL;
  BriRenderOptions options;
  BriRenderView view;
  BriGeoBounds bounds;
  double west, south, east, north, x, y, height;
  cairo_t *cr;
  guint n;

  g_return_val_if_fail (BRI_IS_FEATURE_SHEET (self), NULL);

  name = bri_feature_get_name (self->feature);
  pages = bri_pages_new (self->paper, name, NULL);
  bri_pages_outline (pages, 0, name, FALSE);
  bri_pages_text (pages, BRI_TEXT_TITLE, name);
  bri_pages_text (pages, BRI_TEXT_SUBTITLE, bri_feature_kind_get_label (bri_feature_get_kind (self->feature)));

  /* A line fitted to its length; a place with its surroundings. */
  bri_feature_get_bounds (self->feature, &west, &south, &east, &north);
  bounds = (BriGeoBounds) { west, south, east, north };
  if (!bri_feature_is_line (self->feature))
    bounds = (BriGeoBounds) { west - POINT_MARGIN_DEGREES, south - POINT_MARGIN_DEGREES,
                              east + POINT_MARGIN_DEGREES, north + POINT_MARGIN_DEGREES };
  bri_render_view_init_bounds (&view, &bounds, 1, 1);
  bri_render_options_init (&options);
  /* The legend goes under the map (bri_map_renderer_legend_on_pages). */
  options.parts &= ~BRI_RENDER_LEGEND;
  height = bri_pages_get_remaining (pages) * MAP_SHARE;
  cr = bri_pages_box (pages, height, &x, &y);
  if (!bri_map_renderer_draw_on_page (self->renderer, cr, x, y, bri_pages_get_width (pages), height,
                                      &view, &options, error))
    return NULL;
  bri_map_renderer_legend_on_pages (self->renderer, pages);
  bri_pages_space (pages, 12);

  for (guint i = 0; i < self->facts->len; i++)
    bri_pages_text (pages, BRI_TEXT_SMALL, g_ptr_array_index (self->facts, i));
  bri_pages_space (pages, 6);
  bri_pages_text (pages, BRI_TEXT_BODY, bri_feature_get_description (self->feature));

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  n = bri_passage_table_get_n_rows (self->passages);
  if (n > 0)
    {
      bri_pages_outline (pages, 0, _("Passages"), FALSE);
      bri_pages_text (pages, BRI_TEXT_HEADING, _("Passages"));
      for (guint i = 0; i < n; i++)
        {
          bri_pages_text (pages, BRI_TEXT_QUOTE, bri_passage_table_get_text (self->passages, i));
          bri_pages_text (pages, BRI_TEXT_CITATION, bri_passage_table_get_citation (self->passages, i));
        }
    }

  bri_pages_space (pages, 8);
  bri_pages_text (pages, BRI_TEXT_SMALL, bri_map_decorations_get_attribution ());
  return bri_pages_finish (pages, error);
}
