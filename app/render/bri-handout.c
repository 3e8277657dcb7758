/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriHandout: each stop is resolved against the atlas when the handout
 * is made — its quote, citation, subject and what the atlas lacks — and
 * the features and countries are copied into lists of their own, so the
 * PDF can be drawn in a worker thread while the window goes on.
 *
 * A stop's view was framed for a 1280 × 800 screen; on paper the map box
 * is smaller, so the zoom drops by as much as the box is, and the page
 * shows what the class saw. */

#define G_LOG_DOMAIN "bri-handout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "bri-citation.h"
#include "bri-handout.h"
#include "bri-resolved-stop.h"

/* The screen a stop's view was framed on (see the tours' test). */
#define STOP_SCREEN_WIDTH 1280.0
#define STOP_SCREEN_HEIGHT 800.0
#define STOP_MAP_SHARE 0.42
#define TITLE_MAP_SHARE 0.45
/* The numbered stops on the title page's map, in map pixels. */
#define NUMBER_RADIUS 9.5

typedef struct
{
  char        *title;
  char        *caption;
  char        *notes;
  char        *quote;
  char        *citation;
  char        *missing;       /* what the atlas lacks, or NULL */
  gboolean     has_view;
  double       latitude;
  double       longitude;
  double       zoom;
  BriFeature  *feature;       /* the subject, if a place */
  int          country;       /* the subject, if a country: ISO numeric; else -1 */
  int          source;        /* index into sources, or -1 */
} Stop;

typedef struct
{
  char   *id;
  char   *citation;
  GArray *stops;              /* of guint: the stops quoting it, from 0 */
} Source;

struct _BriHandout
{
  GObject     parent_instance;

  char       *title;
  char       *author;
  char       *description;
  GArray     *stops;          /* of Stop */
  GPtrArray  *sources;        /* of Source, in the order first quoted */
  BriMapRenderer *renderer;   /* of copies of the atlas's lists */
  BriPaper    paper;
  gboolean    notes;
};

G_DEFINE_FINAL_TYPE (BriHandout, bri_handout, G_TYPE_OBJECT)

static void
stop_clear (gpointer data)
{
  Stop *stop = data;

  g_free (stop->title);
  g_free (stop->caption);
  g_free (stop->notes);
  g_free (stop->quote);
  g_free (stop->citation);
  g_free (stop->missing);
  g_clear_object (&stop->feature);
}

static void
source_free (gpointer data)
{
  Source *source = data;

  g_free (source->id);
  g_free (source->citation);
  g_array_unref (source->stops);
  g_free (source);
}

static void
bri_handout_finalize (GObject *object)
{
  BriHandout *self = BRI_HANDOUT (object);

  g_free (self->title);
  g_free (self->author);
  g_free (self->description);
  g_array_unref (self->stops);
  g_ptr_array_unref (self->sources);
  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (bri_handout_parent_class)->finalize (object);
}

static void
bri_handout_class_init (BriHandoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bri_handout_finalize;
}

static void
bri_handout_init (BriHandout *self)
{
  self->stops = g_array_new (FALSE, TRUE, sizeof (Stop));
  g_array_set_clear_func (self->stops, stop_clear);
  self->sources = g_ptr_array_new_with_free_func (source_free);
  self->paper = BRI_PAPER_A4;
  self->notes = TRUE;
}

static int
add_source (BriHandout *self,
            BriPassage *passage,
            guint       stop)
{
  BriDocument *document = bri_passage_get_document (passage);
  const char *id = bri_passage_get_document_id (passage);
  Source *source;

  for (guint i = 0; i < self->sources->len; i++)
    {
      source = g_ptr_array_index (self->sources, i);
      if (g_str_equal (source->id, id))
        {
          g_array_append_val (source->stops, stop);
          return i;
        }
    }

  source = g_new0 (Source, 1);
  source->id = g_strdup (id);
  source->citation = document != NULL ? bri_citation_format_document (document) : g_strdup (id);
  source->stops = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (source->stops, stop);
  g_ptr_array_add (self->sources, source);
  return self->sources->len - 1;
}

/**
 * bri_handout_new:
 *
 * Resolves every stop of @tour against @atlas: call it on the thread that
 * owns the atlas.
 */
BriHandout *
bri_handout_new (BriTour  *tour,
                 BriAtlas *atlas)
{
  BriHandout *self;
  guint n;

  g_return_val_if_fail (BRI_IS_TOUR (tour), NULL);
  g_return_val_if_fail (BRI_IS_ATLAS (atlas), NULL);

  self = g_object_new (BRI_TYPE_HANDOUT, NULL);
  self->title = g_strdup (bri_tour_get_title (tour));
  self->author = g_strdup (bri_tour_get_author (tour));
  self->description = g_strdup (bri_tour_get_description (tour));
  self->renderer = bri_map_renderer_new_for_atlas (atlas, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (tour));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriTourStop) tour_stop = g_list_model_get_item (G_LIST_MODEL (tour), i);
      g_autoptr(BriResolvedStop) resolved = bri_resolved_stop_new (tour_stop, atlas);
      BriLocation *view = bri_tour_stop_get_view (tour_stop);
      BriLocation *subject = bri_tour_stop_get_subject (tour_stop);
      const char * const *missing = bri_resolved_stop_get_missing (resolved);
      BriPassage *passage = bri_resolved_stop_get_passage (resolved);
      Stop stop = { 0, };

      stop.title = g_strdup (bri_tour_stop_get_title (tour_stop));
      stop.caption = g_strdup (bri_tour_stop_get_caption (tour_stop));
      stop.notes = g_strdup (bri_tour_stop_get_notes (tour_stop));
      stop.quote = g_strdup (bri_resolved_stop_get_quote_text (resolved));
      stop.citation = g_strdup (bri_resolved_stop_get_citation (resolved));
      if (missing != NULL && missing[0] != NULL)
        stop.missing = g_strjoinv (" ", (char **) missing);
      stop.country = -1;
      stop.source = passage != NULL ? add_source (self, passage, i) : -1;

      if (view != NULL && bri_location_get_kind (view) == BRI_LOCATION_VIEW)
        {
          bri_location_get_view (view, &stop.latitude, &stop.longitude, &stop.zoom);
          stop.has_view = TRUE;
        }

      if (subject != NULL && bri_location_get_kind (subject) == BRI_LOCATION_FEATURE)
        {
          BriFeature *feature = bri_atlas_lookup_feature (atlas, bri_location_get_id (subject));

          stop.feature = feature != NULL ? g_object_ref (feature) : NULL;
        }
      else if (subject != NULL && bri_location_get_kind (subject) == BRI_LOCATION_COUNTRY)
        {
          BriCountry *country = bri_atlas_lookup_country (atlas, bri_location_get_id (subject));

          stop.country = country != NULL ? bri_country_get_numeric (country) : -1;
        }

      g_array_append_val (self->stops, stop);
    }

  return self;
}

void
bri_handout_set_paper (BriHandout *self,
                       BriPaper    paper)
{
  g_return_if_fail (BRI_IS_HANDOUT (self));

  self->paper = paper;
}

/* Whether the teacher's notes are printed under each stop. */
void
bri_handout_set_notes (BriHandout *self,
                       gboolean    notes)
{
  g_return_if_fail (BRI_IS_HANDOUT (self));

  self->notes = !!notes;
}

guint
bri_handout_get_n_stops (BriHandout *self)
{
  g_return_val_if_fail (BRI_IS_HANDOUT (self), 0);

  return self->stops->len;
}

/* Drawing */

static void
draw_number (cairo_t      *cr,
             PangoContext *context,
             double        x,
             double        y,
             guint         number)
{
  g_autofree char *text = g_strdup_printf ("%u", number);
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 8");
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, NUMBER_RADIUS, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_arc (cr, x, y, NUMBER_RADIUS - 1.5, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, x - w / 2.0, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

typedef struct
{
  guint  stop;       /* from 1 */
  double x;          /* in map pixels */
  double y;
} Number;

/* Where a stop is on the overview: its place, or the middle of its view. */
static gboolean
stop_position (const Stop *stop,
               double     *lon,
               double     *lat)
{
  if (stop->feature != NULL && !bri_feature_is_line (stop->feature))
    {
      guint n;
      const BriLonLat *v = bri_feature_get_part (stop->feature, 0, &n);

      *lon = v[0].lon;
      *lat = v[0].lat;
      return TRUE;
    }

  *lon = stop->longitude;
  *lat = stop->latitude;
  return stop->has_view;
}

/* The map of every stop, each marked with its number where it is; numbers
 * that would cover one another are moved apart. */
static gboolean
draw_overview (BriHandout      *self,
               BriMapRenderer  *renderer,
               BriPages        *pages,
               double           height,
               GError         **error)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (Number));
  g_autoptr(GArray) obstacles = g_array_new (FALSE, FALSE, sizeof (BriLabelRect));
  BriGeoBounds bounds;
  BriRenderOptions options;
  BriRenderView view;
  BriMapTransform t;
  double x, y, width = bri_pages_get_width (pages);
  cairo_t *cr;

  bri_geo_bounds_init_empty (&bounds);
  for (guint i = 0; i < self->stops->len; i++)
    {
      const Stop *stop = &g_array_index (self->stops, Stop, i);
      double lon, lat;

      if (stop_position (stop, &lon, &lat))
        bri_geo_bounds_extend (&bounds, lon, lat);
    }
  if (bri_geo_bounds_is_empty (&bounds))
    return TRUE;

  /* The numbers first, so the map's names keep clear of them. */
  bri_render_view_init_bounds (&view, &bounds, width / BRI_RENDER_POINTS_PER_PIXEL,
                               height / BRI_RENDER_POINTS_PER_PIXEL);
  view.padding = 40.0;
  bri_render_view_get_transform (&view, &t);
  for (guint i = 0; i < self->stops->len; i++)
    {
      const Stop *stop = &g_array_index (self->stops, Stop, i);
      double lon, lat, p[2];

      if (!stop_position (stop, &lon, &lat))
        continue;
      bri_map_transform_to_widget (&t, bri_geo_lon_to_x (lon), bri_geo_lat_to_y (lat), &p[0], &p[1]);

      /* Round the spot, further each turn, until clear of the others. */
      for (guint turn = 0; turn < 24; turn++)
        {
          gboolean clear = TRUE;

          for (guint k = 0; k < numbers->len && clear; k++)
            {
              const Number *q = &g_array_index (numbers, Number, k);

              clear = hypot (p[0] - q->x, p[1] - q->y) >= 2 * NUMBER_RADIUS;
            }
          if (clear)
            break;
          p[0] += cos (turn * 1.3) * NUMBER_RADIUS * (1 + turn / 6);
          p[1] += sin (turn * 1.3) * NUMBER_RADIUS * (1 + turn / 6);
        }

      {
        Number number = { i + 1, p[0], p[1] };
        BriLabelRect rect = { p[0] - NUMBER_RADIUS, p[1] - NUMBER_RADIUS, 2 * NUMBER_RADIUS, 2 * NUMBER_RADIUS };

        g_array_append_val (numbers, number);
        g_array_append_val (obstacles, rect);
      }
    }

  bri_render_options_init (&options);
  /* The numbers stand for the stops' places: lines only. */
  options.parts = (BRI_RENDER_MAP & ~BRI_RENDER_MARKERS) | BRI_RENDER_SCALE_BAR | BRI_RENDER_ATTRIBUTION |
                  BRI_RENDER_NORTH_ARROW;
  options.obstacles = (const BriLabelRect *) obstacles->data;
  options.n_obstacles = obstacles->len;

  cr = bri_pages_box (pages, height, &x, &y);
  bri_map_renderer_set_selected (renderer, NULL);
  if (!bri_map_renderer_draw_on_page (renderer, cr, x, y, width, height, &view, &options, error))
    return FALSE;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, BRI_RENDER_POINTS_PER_PIXEL, BRI_RENDER_POINTS_PER_PIXEL);
  for (guint k = 0; k < numbers->len; k++)
    {
      const Number *number = &g_array_index (numbers, Number, k);

      draw_number (cr, bri_map_renderer_get_context (renderer), number->x, number->y, number->stop);
    }
  cairo_restore (cr);
  bri_map_renderer_legend_on_pages (renderer, pages);

  return TRUE;
}

static gboolean
draw_stop_map (const Stop      *stop,
               BriMapRenderer  *renderer,
               BriPages        *pages,
               double           height,
               GError         **error)
{
  BriRenderOptions options;
  BriRenderView view;
  double x, y, width = bri_pages_get_width (pages);
  double px_w = width / BRI_RENDER_POINTS_PER_PIXEL, px_h = height / BRI_RENDER_POINTS_PER_PIXEL;
  cairo_t *cr;

  if (!stop->has_view)
    return TRUE;

  /* As much of the world as the stop's screen showed. */
  bri_render_view_init_center (&view, stop->latitude, stop->longitude,
                               stop->zoom + log2 (MIN (px_w / STOP_SCREEN_WIDTH, px_h / STOP_SCREEN_HEIGHT)),
                               px_w, px_h);
  bri_render_options_init (&options);
  /* The legend goes under the map (bri_map_renderer_legend_on_pages). */
  options.parts &= ~BRI_RENDER_LEGEND;
  options.country = stop->country;
  bri_map_renderer_set_selected (renderer, stop->feature);

  cr = bri_pages_box (pages, height, &x, &y);
  if (!bri_map_renderer_draw_on_page (renderer, cr, x, y, width, height, &view, &options, error))
    return FALSE;
  bri_map_renderer_legend_on_pages (renderer, pages);
  return TRUE;
}

static char *
source_destination (int source)
{
  return g_strdup_printf ("source-%d", source + 1);
}

static char *
stop_destination (guint stop)
{
  return g_strdup_printf ("stop-%u", stop + 1);
}

static void
write_title_page (BriHandout *self,
                  BriPages   *pages)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%e %B %Y");
  g_autofree char *byline = NULL;

  bri_pages_outline (pages, 0, self->title, FALSE);
  bri_pages_text (pages, BRI_TEXT_TITLE, self->title);
  byline = self->author != NULL && self->author[0] != '\0'
           /* TRANSLATORS: under a handout's title: the tour's author, then the date */
           ? g_strdup_printf (_("%s · %s"), self->author, g_strstrip (date))
           : g_strdup (g_strstrip (date));
  bri_pages_text (pages, BRI_TEXT_SUBTITLE, byline);
  bri_pages_space (pages, 6);
  bri_pages_text (pages, BRI_TEXT_BODY, self->description);
  bri_pages_space (pages, 4);
}

static void
write_contents (BriHandout *self,
                BriPages   *pages)
{
  bri_pages_text (pages, BRI_TEXT_SUBHEADING, _("Stops"));
  for (guint i = 0; i < self->stops->len; i++)
    {
      const Stop *stop = &g_array_index (self->stops, Stop, i);
      g_autofree char *line = g_strdup_printf ("%u. %s", i + 1, stop->title);
      g_autofree char *destination = stop_destination (i);

      bri_pages_linked_text (pages, BRI_TEXT_SMALL, line, destination);
    }
}

static gboolean
write_stop (BriHandout      *self,
            BriMapRenderer  *renderer,
            BriPages        *pages,
            guint            i,
            GError         **error)
{
  const Stop *stop = &g_array_index (self->stops, Stop, i);
  g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1, stop->title);
  g_autofree char *destination = stop_destination (i);
  double map_height = (bri_pages_get_remaining (pages)) * STOP_MAP_SHARE;

  bri_pages_destination (pages, destination);
  bri_pages_outline (pages, 0, heading, FALSE);
  bri_pages_text (pages, BRI_TEXT_HEADING, heading);
  if (!draw_stop_map (stop, renderer, pages, map_height, error))
    return FALSE;
  bri_pages_space (pages, 10);
  bri_pages_text (pages, BRI_TEXT_BODY, stop->caption);

  if (stop->quote != NULL && stop->quote[0] != '\0')
    {
      /* TRANSLATORS: a quoted passage in a handout */
      g_autofree char *quote = g_strdup_printf (_("“%s”"), stop->quote);

      bri_pages_text (pages, BRI_TEXT_QUOTE, quote);
    }

  if (stop->citation != NULL && stop->source >= 0)
    {
      g_autofree char *target = source_destination (stop->source);
      /* TRANSLATORS: a citation under a quote, with its number in the bibliography */
      g_autofree char *citation = g_strdup_printf (_("%s [%d]"), stop->citation, stop->source + 1);

      bri_pages_linked_text (pages, BRI_TEXT_CITATION, citation, target);
    }

  if (stop->missing != NULL)
    bri_pages_text (pages, BRI_TEXT_SMALL, stop->missing);

  if (self->notes && stop->notes != NULL && stop->notes[0] != '\0')
    {
      bri_pages_text (pages, BRI_TEXT_SUBHEADING, _("Notes for the teacher"));
      bri_pages_text (pages, BRI_TEXT_SMALL, stop->notes);
    }

  return TRUE;
}

static void
write_bibliography (BriHandout *self,
                    BriPages   *pages)
{
  bri_pages_outline (pages, 0, _("Sources"), FALSE);
  bri_pages_text (pages, BRI_TEXT_HEADING, _("Sources"));
  bri_pages_text (pages, BRI_TEXT_SMALL, _("Every document the stops quote, with the stops that quote it."));
  bri_pages_space (pages, 6);

  for (guint i = 0; i < self->sources->len; i++)
    {
      const Source *source = g_ptr_array_index (self->sources, i);
      g_autofree char *destination = source_destination (i);
      g_autofree char *entry = g_strdup_printf ("[%u] %s", i + 1, source->citation);
      GString *stops = g_string_new (NULL);

      for (guint k = 0; k < source->stops->len; k++)
        g_string_append_printf (stops, "%s%u", k > 0 ? ", " : "", g_array_index (source->stops, guint, k) + 1);

      bri_pages_destination (pages, destination);
      bri_pages_text (pages, BRI_TEXT_BODY, entry);
      {
        /* TRANSLATORS: under a bibliography entry: the numbers of the stops quoting it */
        g_autofree char *quoted = g_strdup_printf (ngettext ("Quoted at stop %s.", "Quoted at stops %s.",
                                                             source->stops->len),
                                                   stops->str);

        bri_pages_text (pages, BRI_TEXT_SMALL, quoted);
      }
      bri_pages_space (pages, 4);
      g_string_free (stops, TRUE);
    }
}

/**
 * bri_handout_to_pdf:
 * @progress: (nullable): told after each page
 *
 * Returns: (transfer full): the handout as PDF, or %NULL with @error set
 *   (cancelled, or the basemap could not be loaded)
 */
GBytes *
bri_handout_to_pdf (BriHandout       *self,
                    GCancellable     *cancellable,
                    BriProgressFunc   progress,
                    gpointer          user_data,
                    GError          **error)
{
  BriMapRenderer *renderer = self->renderer;
  g_autoptr(BriPages) pages = NULL;
  GBytes *bytes;
  guint total;

  g_return_val_if_fail (BRI_IS_HANDOUT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pages = bri_pages_new (self->paper, self->title, self->author);
  total = self->stops->len + 2;

  write_title_page (self, pages);
  if (!draw_overview (self, renderer, pages, bri_pages_get_remaining (pages) * TITLE_MAP_SHARE, error))
    return NULL;
  bri_pages_space (pages, 10);
  write_contents (self, pages);
  if (progress != NULL)
    progress (1.0 / total, user_data);

  for (guint i = 0; i < self->stops->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      bri_pages_new_page (pages);
      if (!write_stop (self, renderer, pages, i, error))
        return NULL;
      if (progress != NULL)
        progress ((i + 2.0) / total, user_data);
    }

  if (self->sources->len > 0)
    {
      bri_pages_new_page (pages);
      write_bibliography (self, pages);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  bytes = bri_pages_finish (pages, error);
  if (bytes != NULL && progress != NULL)
    progress (1.0, user_data);
  return bytes;
}
