/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriCountryDossier: what the window's country page shows, read into
 * strings when the dossier is made — the places grouped by kind in the
 * legend's order, the passages in the atlas's ranking — and a renderer of
 * its own for the map. */

#define G_LOG_DOMAIN "bri-country-dossier"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bri-country-dossier.h"
#include "bri-map-decorations.h"
#include "bri-map-renderer.h"
#include "bri-passage-table.h"

#define MAP_SHARE 0.5

typedef struct
{
  BriFeatureKind  kind;
  char           *name;
  char           *facts;      /* status, year, precision */
} Place;

struct _BriCountryDossier
{
  GObject          parent_instance;

  char            *name;
  char            *code;
  int              numeric;
  BriGeoBounds     bounds;
  GArray          *places;    /* of Place, by kind */
  BriPassageTable *passages;
  BriMapRenderer  *renderer;
  BriPaper         paper;
};

G_DEFINE_FINAL_TYPE (BriCountryDossier, bri_country_dossier, G_TYPE_OBJECT)

static void
place_clear (gpointer data)
{
  Place *place = data;

  g_free (place->name);
  g_free (place->facts);
}

static void
bri_country_dossier_finalize (GObject *object)
{
  BriCountryDossier *self = BRI_COUNTRY_DOSSIER (object);

  g_free (self->name);
  g_free (self->code);
  g_array_unref (self->places);
  g_clear_object (&self->passages);
  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (bri_country_dossier_parent_class)->finalize (object);
}

static void
bri_country_dossier_class_init (BriCountryDossierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bri_country_dossier_finalize;
}

static void
bri_country_dossier_init (BriCountryDossier *self)
{
  self->places = g_array_new (FALSE, TRUE, sizeof (Place));
  g_array_set_clear_func (self->places, place_clear);
  self->paper = BRI_PAPER_A4;
}

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const Place *pa = a, *pb = b;
  int ra = bri_feature_kind_get_legend_rank (pa->kind);
  int rb = bri_feature_kind_get_legend_rank (pb->kind);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  return g_utf8_collate (pa->name, pb->name);
}

/* "Operational, 2019 · Exact site": what a row of places says. */
static char *
place_facts (BriFeature *feature)
{
  GString *facts = g_string_new (bri_feature_status_get_label (bri_feature_get_status (feature)));

  if (bri_feature_get_year (feature) > 0)
    g_string_append_printf (facts, ", %d", bri_feature_get_year (feature));
  g_string_append_printf (facts, " · %s", bri_precision_get_label (bri_feature_get_precision (feature)));
  return g_string_free (facts, FALSE);
}

/**
 * bri_country_dossier_new:
 *
 * Reads @country's places and passages from @atlas: call it on the thread
 * that owns the atlas.
 */
BriCountryDossier *
bri_country_dossier_new (BriAtlas   *atlas,
                         BriCountry *country)
{
  BriCountryDossier *self;
  g_autoptr(GListModel) features = NULL;
  g_autoptr(GListModel) passages = NULL;

  g_return_val_if_fail (BRI_IS_ATLAS (atlas), NULL);
  g_return_val_if_fail (BRI_IS_COUNTRY (country), NULL);

  self = g_object_new (BRI_TYPE_COUNTRY_DOSSIER, NULL);
  self->name = g_strdup (bri_country_get_display_name (country));
  self->code = g_strdup (bri_country_get_code (country));
  self->numeric = bri_country_get_numeric (country);
  bri_country_get_bounds (country, &self->bounds);

  features = bri_atlas_get_country_features (atlas, country);
  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(BriFeature) feature = g_list_model_get_item (features, i);
      Place place = {
        bri_feature_get_kind (feature),
        g_strdup (bri_feature_get_name (feature)),
        place_facts (feature),
      };

      g_array_append_val (self->places, place);
    }
  g_array_sort (self->places, compare_places);

  passages = bri_atlas_get_country_passages (atlas, country);
  self->passages = bri_passage_table_new (passages);
  self->renderer = bri_map_renderer_new_for_atlas (atlas, NULL);

  return self;
}

void
bri_country_dossier_set_paper (BriCountryDossier *self,
                               BriPaper           paper)
{
  g_return_if_fail (BRI_IS_COUNTRY_DOSSIER (self));

  self->paper = paper;
}

static char *
title (BriCountryDossier *self)
{
  /* TRANSLATORS: the title of a country's dossier; %s is the country */
  return g_strdup_printf (_("%s: country dossier"), self->name);
}

static char *
summary (BriCountryDossier *self)
{
  g_autofree char *places = g_strdup_printf (ngettext ("%u place", "%u places", self->places->len),
                                             self->places->len);
  guint n = bri_passage_table_get_n_rows (self->passages);
  g_autofree char *passages = g_strdup_printf (ngettext ("%u passage", "%u passages", n), n);

  return g_strdup_printf ("%s · %s", places, passages);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%e %B %Y");

  return g_strdup (g_strstrip (date));
}

/**
 * bri_country_dossier_to_pdf:
 *
 * Returns: (transfer full): the dossier as PDF, or %NULL with @error set
 */
GBytes *
bri_country_dossier_to_pdf (BriCountryDossier  *self,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_autofree char *heading = title (self);
  g_autofree char *line = NULL;
  g_autofree char *date = today ();
  g_autoptr(BriPages) pages = NULL;
  BriRenderOptions options;
  BriRenderView view;
  double x, y, height;
  cairo_t *cr;

  g_return_val_if_fail (BRI_IS_COUNTRY_DOSSIER (self), NULL);

  pages = bri_pages_new (self->paper, heading, NULL);
  bri_pages_outline (pages, 0, heading, FALSE);
  bri_pages_text (pages, BRI_TEXT_TITLE, heading);
  line = summary (self);
  bri_pages_text (pages, BRI_TEXT_SUBTITLE, line);
  bri_pages_text (pages, BRI_TEXT_SMALL, date);
  bri_pages_space (pages, 6);

  bri_render_view_init_bounds (&view, &self->bounds, 1, 1);
  bri_render_options_init (&options);
  /* The legend goes under the map (bri_map_renderer_legend_on_pages). */
  options.parts &= ~BRI_RENDER_LEGEND;
  options.country = self->numeric;
  height = bri_pages_get_remaining (pages) * MAP_SHARE;
  cr = bri_pages_box (pages, height, &x, &y);
  if (!bri_map_renderer_draw_on_page (self->renderer, cr, x, y, bri_pages_get_width (pages), height,
                                      &view, &options, error))
    return NULL;
  bri_map_renderer_legend_on_pages (self->renderer, pages);
  bri_pages_space (pages, 12);

  if (self->places->len > 0)
    {
      bri_pages_outline (pages, 0, _("Places"), FALSE);
      bri_pages_text (pages, BRI_TEXT_HEADING, _("Places"));
      for (guint i = 0; i < self->places->len; i++)
        {
          const Place *place = &g_array_index (self->places, Place, i);
          g_autofree char *row = g_strdup_printf ("%s — %s", place->name, place->facts);

          if (i == 0 || g_array_index (self->places, Place, i - 1).kind != place->kind)
            bri_pages_text (pages, BRI_TEXT_SUBHEADING, bri_feature_kind_get_plural_label (place->kind));
          bri_pages_text (pages, BRI_TEXT_SMALL, row);
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (bri_passage_table_get_n_rows (self->passages) > 0)
    {
      bri_pages_new_page (pages);
      bri_pages_outline (pages, 0, _("Passages"), FALSE);
      bri_pages_text (pages, BRI_TEXT_HEADING, _("Passages"));
      bri_pages_text (pages, BRI_TEXT_SMALL, _("The passages that name the country or its places, most relevant first."));
      for (guint i = 0; i < bri_passage_table_get_n_rows (self->passages); i++)
        {
          g_autofree char *quote = g_strdup_printf ("%u. %s", i + 1, bri_passage_table_get_text (self->passages, i));

          bri_pages_text (pages, BRI_TEXT_QUOTE, quote);
          bri_pages_text (pages, BRI_TEXT_CITATION, bri_passage_table_get_citation (self->passages, i));
        }
    }

  bri_pages_text (pages, BRI_TEXT_SMALL, bri_map_decorations_get_attribution ());
  return bri_pages_finish (pages, error);
}

/* Markdown */

/* Document text is not Markdown: every character Markdown would read as
 * markup inside a line is escaped, so it shows as written.  Text never
 * starts a line here (it follows "- " or "> "), so "1." or "-" at its
 * start stays text. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        {
          g_string_append (out, "\n> ");
          continue;
        }
      if (strchr ("\\`*_[]<>#|", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/**
 * bri_country_dossier_to_markdown:
 *
 * Returns: (transfer full): the dossier as CommonMark, UTF-8
 */
GBytes *
bri_country_dossier_to_markdown (BriCountryDossier *self)
{
  g_autofree char *heading = title (self);
  g_autofree char *line = summary (self);
  g_autofree char *date = today ();
  GString *out = g_string_new ("# ");

  g_return_val_if_fail (BRI_IS_COUNTRY_DOSSIER (self), NULL);

  append_escaped (out, heading);
  g_string_append (out, "\n\n");
  append_escaped (out, line);
  g_string_append (out, " · ");
  append_escaped (out, date);
  g_string_append (out, "\n");

  if (self->places->len > 0)
    {
      g_string_append_printf (out, "\n## %s\n", _("Places"));
      for (guint i = 0; i < self->places->len; i++)
        {
          const Place *place = &g_array_index (self->places, Place, i);

          if (i == 0 || g_array_index (self->places, Place, i - 1).kind != place->kind)
            g_string_append_printf (out, "\n### %s\n\n", bri_feature_kind_get_plural_label (place->kind));
          g_string_append (out, "- **");
          append_escaped (out, place->name);
          g_string_append (out, "** — ");
          append_escaped (out, place->facts);
          g_string_append_c (out, '\n');
        }
    }

  if (bri_passage_table_get_n_rows (self->passages) > 0)
    {
      g_string_append_printf (out, "\n## %s\n", _("Passages"));
      for (guint i = 0; i < bri_passage_table_get_n_rows (self->passages); i++)
        {
          g_string_append_printf (out, "\n> **%u.** ", i + 1);
          append_escaped (out, bri_passage_table_get_text (self->passages, i));
          g_string_append (out, "\n>\n> — ");
          append_escaped (out, bri_passage_table_get_citation (self->passages, i));
          g_string_append_c (out, '\n');
        }
    }

  g_string_append (out, "\n---\n\n");
  append_escaped (out, bri_map_decorations_get_attribution ());
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}
