/* SPDX-License-Identifier: GPL-3.0-or-later */
/* KML tours in and out (developers.google.com/kml/documentation/touring).
 *
 * Out: one Placemark per stop (its balloon holds the caption, the quote
 * and its citation, as text) and a gx:Tour whose playlist has, per stop,
 * a gx:FlyTo (bounce) to a LookAt made from the view, a gx:AnimatedUpdate
 * opening the stop's balloon, a gx:Wait for a stop with a duration, a
 * gx:TourControl pause, and an update closing the balloon again.  The
 * stop's own fields go along in the Placemark's ExtendedData
 * ("bri-atlas:caption", …), so BriAtlas reads back what Google Earth
 * would only show.
 *
 * In: what Google Earth and Marble write.  Each gx:FlyTo starts a stop
 * (its LookAt, or its Camera with the altitude for the range); a gx:Wait
 * adds to the duration of the stop before it; an update that opens a
 * Placemark's balloon gives the stop its title and caption; a sound cue
 * or anything else is skipped with a warning.  libxml2 reads the file
 * with no network, no entity substitution and no DTD at all. */

#define G_LOG_DOMAIN "bri-tour-kml"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <math.h>
#include <string.h>

#include "bri-citation.h"
#include "bri-resolved-stop.h"
#include "bri-tour-kml.h"
#include "bri-tour-private.h"

#define KML_NS "http://www.opengis.net/kml/2.2"
#define GX_NS "http://www.google.com/kml/ext/2.2"
#define DATA_PREFIX "bri-atlas:"

#define MAX_KML_SIZE (32 * 1024 * 1024)

/* Web Mercator's sphere (WGS 84's equatorial radius), in metres. */
#define EARTH_RADIUS_M 6378137.0
#define TILE_SIZE 256.0

/* How long Google Earth takes to fly to a stop. */
#define FLIGHT_SECONDS 4.0

/* The zoom a range stands for when the file gives a range of 0. */
#define MIN_RANGE_M 1.0

/**
 * bri_tour_kml_range_for_zoom:
 *
 * Returns: the height in metres, at @latitude, of a view
 *   %BRI_TOUR_KML_REFERENCE_HEIGHT pixels high at @zoom: what a LookAt's
 *   range (the eye's distance from the ground) must be to show about as
 *   much as the map does
 */
double
bri_tour_kml_range_for_zoom (double latitude,
                             double zoom)
{
  double metres_per_pixel = 2 * G_PI * EARTH_RADIUS_M * cos (latitude * G_PI / 180.0) /
                            (TILE_SIZE * exp2 (zoom));

  return BRI_TOUR_KML_REFERENCE_HEIGHT * metres_per_pixel;
}

/**
 * bri_tour_kml_zoom_for_range:
 *
 * The inverse of bri_tour_kml_range_for_zoom(), clamped to the zooms a
 * view can have.
 */
double
bri_tour_kml_zoom_for_range (double latitude,
                             double range)
{
  double ground = 2 * G_PI * EARTH_RADIUS_M * MAX (cos (latitude * G_PI / 180.0), 1e-6);
  double zoom = log2 (BRI_TOUR_KML_REFERENCE_HEIGHT * ground / (TILE_SIZE * MAX (range, MIN_RANGE_M)));

  return CLAMP (zoom, 0.0, BRI_LOCATION_MAX_ZOOM);
}

/* Writing */

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static void
append_element (GString    *out,
                const char *indent,
                const char *name,
                const char *text)
{
  g_string_append_printf (out, "%s<%s>", indent, name);
  append_escaped (out, text);
  g_string_append_printf (out, "</%s>\n", name);
}

static void
append_number_element (GString    *out,
                       const char *indent,
                       const char *name,
                       const char *format,
                       double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, format, value);
  g_string_append_printf (out, "%s<%s>%s</%s>\n", indent, name, buffer, name);
}

static void
append_data (GString    *out,
             const char *indent,
             const char *name,
             const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;

  g_string_append_printf (out, "%s<Data name=\"" DATA_PREFIX "%s\"><value>", indent, name);
  append_escaped (out, value);
  g_string_append (out, "</value></Data>\n");
}

/* Where a stop's Placemark sits: on its place when that is a point, else
 * in the middle of the view. */
static void
placemark_position (BriTourStop *stop,
                    BriAtlas    *atlas,
                    double      *lon,
                    double      *lat)
{
  BriLocation *subject = bri_tour_stop_get_subject (stop);
  double zoom;

  bri_location_get_view (bri_tour_stop_get_view (stop), lat, lon, &zoom);

  if (atlas != NULL && subject != NULL && bri_location_get_kind (subject) == BRI_LOCATION_FEATURE)
    {
      BriFeature *feature = bri_atlas_lookup_feature (atlas, bri_location_get_id (subject));

      if (feature != NULL && bri_feature_get_geometry_type (feature) == BRI_GEOMETRY_POINT)
        {
          guint n;
          const BriLonLat *point = bri_feature_get_part (feature, 0, &n);

          *lon = point->lon;
          *lat = point->lat;
        }
    }
}

/* The balloon's text: the caption, then the quote and its citation. */
static char *
balloon_text (BriTourStop *stop,
              BriAtlas    *atlas)
{
  GString *out = g_string_new (bri_tour_stop_get_caption (stop));

  if (atlas != NULL && bri_tour_stop_get_quote (stop) != NULL)
    {
      g_autoptr(BriResolvedStop) resolved = bri_resolved_stop_new (stop, atlas);

      if (bri_resolved_stop_get_quote_text (resolved) != NULL)
        {
          if (out->len > 0)
            g_string_append (out, "\n\n");
          /* TRANSLATORS: a quotation, then its source, in a KML balloon */
          g_string_append_printf (out, _("“%s”\n— %s"), bri_resolved_stop_get_quote_text (resolved),
                                  bri_resolved_stop_get_citation (resolved));
        }
    }

  return g_string_free (out, FALSE);
}

static void
append_placemark (GString     *out,
                  BriTourStop *stop,
                  guint        index,
                  BriAtlas    *atlas)
{
  g_autofree char *description = balloon_text (stop, atlas);
  g_autofree char *reveal = g_strjoinv (" ", (char **) bri_tour_stop_get_reveal (stop));
  BriLocation *subject = bri_tour_stop_get_subject (stop);
  BriLocation *quote = bri_tour_stop_get_quote (stop);
  char lon_text[G_ASCII_DTOSTR_BUF_SIZE];
  char lat_text[G_ASCII_DTOSTR_BUF_SIZE];
  double lon, lat;

  placemark_position (stop, atlas, &lon, &lat);
  g_string_append_printf (out, "    <Placemark id=\"stop-%u\">\n", index + 1);
  append_element (out, "      ", "name", bri_tour_stop_get_title (stop));
  append_element (out, "      ", "description", description);
  g_string_append (out, "      <ExtendedData>\n");
  append_data (out, "        ", "caption", bri_tour_stop_get_caption (stop));
  append_data (out, "        ", "subject", subject != NULL ? bri_location_to_string (subject) : NULL);
  append_data (out, "        ", "quote", quote != NULL ? bri_location_to_string (quote) : NULL);
  append_data (out, "        ", "notes", bri_tour_stop_get_notes (stop));
  append_data (out, "        ", "reveal", reveal);
  g_string_append (out, "      </ExtendedData>\n");
  g_string_append_printf (out, "      <Point><coordinates>%s,%s</coordinates></Point>\n",
                          g_ascii_formatd (lon_text, sizeof lon_text, "%.6f", lon),
                          g_ascii_formatd (lat_text, sizeof lat_text, "%.6f", lat));
  g_string_append (out, "    </Placemark>\n");
}

static void
append_balloon_update (GString *out,
                       guint    index,
                       gboolean visible)
{
  g_string_append_printf (out,
                          "        <gx:AnimatedUpdate>\n"
                          "          <gx:duration>0</gx:duration>\n"
                          "          <Update>\n"
                          "            <targetHref/>\n"
                          "            <Change>\n"
                          "              <Placemark targetId=\"stop-%u\">\n"
                          "                <gx:balloonVisibility>%d</gx:balloonVisibility>\n"
                          "              </Placemark>\n"
                          "            </Change>\n"
                          "          </Update>\n"
                          "        </gx:AnimatedUpdate>\n",
                          index + 1, visible ? 1 : 0);
}

static void
append_stop_playlist (GString     *out,
                      BriTourStop *stop,
                      guint        index)
{
  double lat, lon, zoom;

  bri_location_get_view (bri_tour_stop_get_view (stop), &lat, &lon, &zoom);

  g_string_append (out, "        <gx:FlyTo>\n");
  append_number_element (out, "          ", "gx:duration", "%.1f", FLIGHT_SECONDS);
  g_string_append (out, "          <gx:flyToMode>bounce</gx:flyToMode>\n"
                        "          <LookAt>\n");
  append_number_element (out, "            ", "longitude", "%.6f", lon);
  append_number_element (out, "            ", "latitude", "%.6f", lat);
  g_string_append (out, "            <altitude>0</altitude>\n"
                        "            <heading>0</heading>\n"
                        "            <tilt>0</tilt>\n");
  append_number_element (out, "            ", "range", "%.1f", bri_tour_kml_range_for_zoom (lat, zoom));
  g_string_append (out, "            <altitudeMode>relativeToGround</altitudeMode>\n"
                        "          </LookAt>\n"
                        "        </gx:FlyTo>\n");

  append_balloon_update (out, index, TRUE);

  if (bri_tour_stop_get_duration (stop) > 0)
    {
      g_string_append (out, "        <gx:Wait>\n");
      append_number_element (out, "          ", "gx:duration", "%.1f", bri_tour_stop_get_duration (stop));
      g_string_append (out, "        </gx:Wait>\n");
    }

  g_string_append (out, "        <gx:TourControl>\n"
                        "          <gx:playMode>pause</gx:playMode>\n"
                        "        </gx:TourControl>\n");

  append_balloon_update (out, index, FALSE);
}

/**
 * bri_tour_to_kml:
 * @atlas: (nullable): the atlas the quotes are read from; without it the
 *   balloons hold only the captions
 *
 * Returns: (transfer full): the tour as a KML 2.2 document with a gx:Tour
 */
char *
bri_tour_to_kml (BriTour  *self,
                 BriAtlas *atlas)
{
  GListModel *stops = G_LIST_MODEL (self);
  guint n;
  GString *out;

  g_return_val_if_fail (BRI_IS_TOUR (self), NULL);
  g_return_val_if_fail (atlas == NULL || BRI_IS_ATLAS (atlas), NULL);

  n = g_list_model_get_n_items (stops);
  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<kml xmlns=\"" KML_NS "\" xmlns:gx=\"" GX_NS "\">\n"
                      "  <Document>\n");
  append_element (out, "    ", "name", bri_tour_get_title (self));
  if (bri_tour_get_description (self)[0] != '\0')
    append_element (out, "    ", "description", bri_tour_get_description (self));
  g_string_append (out, "    <ExtendedData>\n");
  append_data (out, "      ", "id", bri_tour_get_id (self));
  append_data (out, "      ", "author", bri_tour_get_author (self));
  append_data (out, "      ", "language", bri_tour_get_language (self));
  g_string_append (out, "    </ExtendedData>\n");

  for (guint i = 0; i < n; i++)
    append_placemark (out, bri_tour_get_stop (self, i), i, atlas);

  g_string_append (out, "    <gx:Tour>\n");
  append_element (out, "      ", "name", bri_tour_get_title (self));
  g_string_append (out, "      <gx:Playlist>\n");
  for (guint i = 0; i < n; i++)
    append_stop_playlist (out, bri_tour_get_stop (self, i), i);
  g_string_append (out, "      </gx:Playlist>\n"
                        "    </gx:Tour>\n"
                        "  </Document>\n"
                        "</kml>\n");

  return g_string_free (out, FALSE);
}

/**
 * bri_tour_export_kml:
 * @atlas: (nullable): see bri_tour_to_kml()
 *
 * Writes the tour as KML to @file, atomically.
 */
gboolean
bri_tour_export_kml (BriTour       *self,
                     BriAtlas      *atlas,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *kml = NULL;

  g_return_val_if_fail (BRI_IS_TOUR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  kml = bri_tour_to_kml (self, atlas);
  return bri_tour_write_file (file, kml, cancellable, error);
}

/* Reading */

typedef struct
{
  const char  *name;       /* the file, as messages name it */
  GPtrArray   *warnings;   /* of char * */
  GHashTable  *placemarks; /* id → xmlNode, not owned */
  BriTour     *tour;
  BriTourStop *stop;       /* the stop being read: the last one */
} Importer;

/* Takes @what, a sentence saying what was skipped, and files it under
 * the line of @node. */
static void
warn (Importer *importer,
      xmlNode  *node,
      char     *what)
{
  g_ptr_array_add (importer->warnings,
                   g_strdup_printf ("%s:%ld: %s", importer->name, xmlGetLineNo (node), what));
  g_free (what);
}

static gboolean
is_kml_namespace (const xmlNs *ns)
{
  /* Files without a namespace, and Google Earth's older ones, too. */
  return ns == NULL ||
         g_str_has_prefix ((const char *) ns->href, "http://www.opengis.net/kml/") ||
         g_str_has_prefix ((const char *) ns->href, "http://earth.google.com/kml/");
}

static gboolean
is_gx_namespace (const xmlNs *ns)
{
  return ns != NULL && g_str_equal ((const char *) ns->href, GX_NS);
}

static gboolean
is_kml (const xmlNode *node,
        const char    *name)
{
  return node->type == XML_ELEMENT_NODE && is_kml_namespace (node->ns) &&
         g_str_equal ((const char *) node->name, name);
}

static gboolean
is_gx (const xmlNode *node,
       const char    *name)
{
  return node->type == XML_ELEMENT_NODE && is_gx_namespace (node->ns) &&
         g_str_equal ((const char *) node->name, name);
}

/* The first child element with that name in the KML (or gx) namespace. */
static xmlNode *
child (xmlNode    *node,
       gboolean    gx,
       const char *name)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (gx ? is_gx (c, name) : is_kml (c, name))
      return c;

  return NULL;
}

/* The text of a child element, trimmed; NULL if there is none. */
static char *
child_text (xmlNode    *node,
            gboolean    gx,
            const char *name)
{
  xmlNode *c = child (node, gx, name);
  xmlChar *content;
  char *text;

  if (c == NULL)
    return NULL;

  content = xmlNodeGetContent (c);
  text = g_strstrip (g_strdup ((const char *) content));
  xmlFree (content);
  return text;
}

/* A finite number from a child element, or FALSE. */
static gboolean
child_number (xmlNode    *node,
              gboolean    gx,
              const char *name,
              double     *out)
{
  g_autofree char *text = child_text (node, gx, name);
  char *end = NULL;
  double value;

  if (text == NULL || text[0] == '\0')
    return FALSE;

  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value))
    return FALSE;

  *out = value;
  return TRUE;
}

static xmlNode *
find_element (xmlNode    *node,
              gboolean    gx,
              const char *name)
{
  for (xmlNode *c = node; c != NULL; c = c->next)
    {
      xmlNode *found;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (gx ? is_gx (c, name) : is_kml (c, name))
        return c;
      found = find_element (c->children, gx, name);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_placemarks (Importer *importer,
                    xmlNode  *node)
{
  for (xmlNode *c = node; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;

      /* Not inside an Update: those are changes, not Placemarks. */
      if (is_kml (c, "Update"))
        continue;

      if (is_kml (c, "Placemark"))
        {
          xmlChar *id = xmlGetProp (c, (const xmlChar *) "id");

          if (id != NULL && !g_hash_table_contains (importer->placemarks, id))
            g_hash_table_insert (importer->placemarks, g_strdup ((const char *) id), c);
          xmlFree (id);
        }

      collect_placemarks (importer, c->children);
    }
}

static gboolean
is_block (const char *name)
{
  static const char * const blocks[] = {
    "p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", NULL
  };

  return g_strv_contains (blocks, name);
}

/* The text of an HTML tree: a line break for <br>, a new line around a
 * block, everything else as it reads. */
static void
append_html_text (GString *out,
                  xmlNode *node)
{
  for (xmlNode *c = node; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        {
          g_string_append (out, (const char *) c->content);
        }
      else if (c->type == XML_ELEMENT_NODE)
        {
          const char *name = (const char *) c->name;
          gboolean block = is_block (name);

          if (g_ascii_strcasecmp (name, "script") == 0 || g_ascii_strcasecmp (name, "style") == 0)
            continue;
          if (g_ascii_strcasecmp (name, "br") == 0 || block)
            g_string_append_c (out, '\n');
          append_html_text (out, c->children);
          if (block)
            g_string_append_c (out, '\n');
        }
    }
}

/* HTML's white space: runs of spaces are one, lines are trimmed, at most
 * one empty line between paragraphs. */
static char *
tidy_space (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);
  guint blank = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      GString *line = g_string_new (NULL);

      for (const char *p = lines[i]; *p; p++)
        {
          if (*p == ' ' || *p == '\t' || *p == '\r')
            {
              if (line->len > 0 && line->str[line->len - 1] != ' ')
                g_string_append_c (line, ' ');
            }
          else
            {
              g_string_append_c (line, *p);
            }
        }
      g_strstrip (line->str);

      if (line->str[0] == '\0')
        blank++;
      else
        {
          if (out->len > 0)
            g_string_append (out, blank > 1 ? "\n\n" : "\n");
          g_string_append (out, line->str);
          blank = 0;
        }
      g_string_free (line, TRUE);
    }

  return g_string_free (out, FALSE);
}

/* Google Earth's descriptions are HTML: their text, when they look so. */
static char *
plain_text (const char *description)
{
  gboolean html = FALSE;
  htmlDocPtr doc;
  GString *out;
  char *text;

  for (const char *p = strchr (description, '<'); p != NULL; p = strchr (p + 1, '<'))
    if (g_ascii_isalpha (p[1]) || p[1] == '/')
      html = TRUE;

  if (!html)
    return g_strdup (description);

  doc = htmlReadMemory (description, strlen (description), NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      return g_strdup (description);
    }

  out = g_string_new (NULL);
  append_html_text (out, xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);
  text = tidy_space (out->str);
  g_string_free (out, TRUE);

  return text;
}

/* The value of <Data name="bri-atlas:NAME"> in the Placemark's
 * ExtendedData, or NULL. */
static char *
extended_data (xmlNode    *placemark,
               const char *name)
{
  xmlNode *data = child (placemark, FALSE, "ExtendedData");
  g_autofree char *wanted = g_strconcat (DATA_PREFIX, name, NULL);

  if (data == NULL)
    return NULL;

  for (xmlNode *c = data->children; c != NULL; c = c->next)
    {
      xmlChar *attr;
      gboolean match;

      if (!is_kml (c, "Data"))
        continue;

      attr = xmlGetProp (c, (const xmlChar *) "name");
      match = attr != NULL && g_str_equal ((const char *) attr, wanted);
      xmlFree (attr);
      if (match)
        return child_text (c, FALSE, "value");
    }

  return NULL;
}

/* A location from the ExtendedData, if it is there and of a kind the
 * field takes; a warning otherwise. */
static BriLocation *
extended_location (Importer   *importer,
                   xmlNode    *placemark,
                   const char *name,
                   gboolean    passage_only)
{
  g_autofree char *text = extended_data (placemark, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(BriLocation) location = NULL;

  if (text == NULL || text[0] == '\0')
    return NULL;

  location = bri_location_parse (text, &error);
  if (location == NULL ||
      (passage_only ? bri_location_get_kind (location) != BRI_LOCATION_PASSAGE
                    : !bri_tour_stop_is_subject (location)))
    {
      warn (importer, placemark,
            g_strdup_printf (_("the %s “%s” was skipped: it is not a place or a passage"), name, text));
      return NULL;
    }

  return g_steal_pointer (&location);
}

/* The Placemark whose balloon opens becomes what the current stop says. */
static void
read_balloon (Importer *importer,
              xmlNode  *change,
              xmlNode  *target)
{
  xmlChar *id = xmlGetProp (target, (const xmlChar *) "targetId");
  xmlNode *placemark;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *reveal = NULL;
  g_autoptr(BriLocation) subject = NULL;
  g_autoptr(BriLocation) quote = NULL;

  placemark = id != NULL ? g_hash_table_lookup (importer->placemarks, (const char *) id) : NULL;
  if (placemark == NULL)
    {
      warn (importer, target, g_strdup_printf (_("a balloon for “%s”, which is not in the file, was skipped"),
                                               id != NULL ? (const char *) id : ""));
      xmlFree (id);
      return;
    }
  xmlFree (id);

  if (importer->stop == NULL)
    {
      warn (importer, target, g_strdup (_("a balloon before the first FlyTo was skipped")));
      return;
    }

  name = child_text (placemark, FALSE, "name");
  if (name != NULL && name[0] != '\0')
    bri_tour_stop_set_title (importer->stop, name);

  /* Our own export keeps the fields apart; anyone else's has only the
   * balloon's text. */
  caption = extended_data (placemark, "caption");
  if (caption == NULL)
    {
      description = child_text (placemark, FALSE, "description");
      if (description != NULL)
        caption = plain_text (description);
    }
  if (caption != NULL)
    bri_tour_stop_set_caption (importer->stop, caption);

  notes = extended_data (placemark, "notes");
  if (notes != NULL)
    bri_tour_stop_set_notes (importer->stop, notes);

  reveal = extended_data (placemark, "reveal");
  if (reveal != NULL)
    {
      g_auto(GStrv) ids = g_strsplit_set (reveal, " \t\n", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) kept = NULL;

      for (guint i = 0; ids[i] != NULL; i++)
        if (ids[i][0] != '\0')
          g_strv_builder_add (builder, ids[i]);
      kept = g_strv_builder_end (builder);
      bri_tour_stop_set_reveal (importer->stop, (const char * const *) kept);
    }

  subject = extended_location (importer, placemark, "subject", FALSE);
  bri_tour_stop_set_subject (importer->stop, subject);
  quote = extended_location (importer, placemark, "quote", TRUE);
  bri_tour_stop_set_quote (importer->stop, quote);
}

static void
read_update (Importer *importer,
             xmlNode  *animated)
{
  xmlNode *update = child (animated, FALSE, "Update");

  if (update == NULL)
    return;

  for (xmlNode *change = update->children; change != NULL; change = change->next)
    {
      if (!is_kml (change, "Change"))
        continue;

      for (xmlNode *target = change->children; target != NULL; target = target->next)
        {
          double visible;

          if (is_kml (target, "Placemark") &&
              child_number (target, TRUE, "balloonVisibility", &visible) && visible == 1)
            read_balloon (importer, change, target);
        }
    }
}

static void
read_fly_to (Importer *importer,
             xmlNode  *fly_to)
{
  g_autoptr(BriLocation) view = NULL;
  g_autofree char *title = NULL;
  xmlNode *look_at = child (fly_to, FALSE, "LookAt");
  xmlNode *camera = child (fly_to, FALSE, "Camera");
  xmlNode *where = look_at != NULL ? look_at : camera;
  double lon, lat, range;

  if (where == NULL)
    {
      warn (importer, fly_to, g_strdup (_("a FlyTo without a LookAt or a Camera was skipped")));
      return;
    }

  if (!child_number (where, FALSE, "longitude", &lon) || !child_number (where, FALSE, "latitude", &lat) ||
      fabs (lon) > 180 || fabs (lat) > 90)
    {
      warn (importer, where, g_strdup (_("a FlyTo without a valid longitude and latitude was skipped")));
      return;
    }

  /* A Camera has no range: from straight above, its altitude is one. */
  if (!child_number (where, FALSE, look_at != NULL ? "range" : "altitude", &range))
    range = bri_tour_kml_range_for_zoom (lat, 4);

  view = bri_location_new_view (lat, lon, bri_tour_kml_zoom_for_range (lat, range));
  /* TRANSLATORS: the title of an imported stop whose balloon says none */
  title = g_strdup_printf (_("Stop %u"), g_list_model_get_n_items (G_LIST_MODEL (importer->tour)) + 1);
  importer->stop = bri_tour_stop_new (title, view);
  bri_tour_add_stop_internal (importer->tour, importer->stop);
  g_object_unref (importer->stop);  /* the tour holds it */
}

static void
read_wait (Importer *importer,
           xmlNode  *wait)
{
  double seconds;

  if (importer->stop == NULL)
    {
      warn (importer, wait, g_strdup (_("a Wait before the first FlyTo was skipped")));
      return;
    }

  if (!child_number (wait, TRUE, "duration", &seconds) || seconds < 0)
    {
      warn (importer, wait, g_strdup (_("a Wait without a valid duration was skipped")));
      return;
    }

  bri_tour_stop_set_duration (importer->stop, bri_tour_stop_get_duration (importer->stop) + seconds);
}

static void
read_playlist (Importer *importer,
               xmlNode  *playlist)
{
  for (xmlNode *c = playlist->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;

      if (is_gx (c, "FlyTo"))
        read_fly_to (importer, c);
      else if (is_gx (c, "Wait"))
        read_wait (importer, c);
      else if (is_gx (c, "AnimatedUpdate"))
        read_update (importer, c);
      else if (is_gx (c, "TourControl"))
        ;  /* a pause: every stop is one already */
      else if (is_gx (c, "SoundCue"))
        warn (importer, c, g_strdup (_("a sound cue was skipped: tours in BriAtlas have no sound")));
      else
        warn (importer, c,
              g_strdup_printf (_("<%s> was skipped: it is not part of a KML tour"), (const char *) c->name));
    }
}

static char *
document_data (xmlNode    *document,
               const char *name)
{
  return document != NULL ? extended_data (document, name) : NULL;
}

/**
 * bri_tour_new_from_kml:
 * @bytes: a KML document
 * @display_name: how errors and warnings name the file
 * @warnings: (out) (optional) (transfer full): what was skipped, one
 *   "NAME:LINE: what" per thing
 *
 * Reads the first gx:Tour of a KML document into a tour.
 *
 * Returns: (transfer full) (nullable): the tour, or %NULL and an error
 *   naming the file and the line
 */
BriTour *
bri_tour_new_from_kml (GBytes      *bytes,
                       const char  *display_name,
                       GPtrArray  **warnings,
                       GError     **error)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) placemarks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(BriTour) tour = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  g_autofree char *value = NULL;
  Importer importer = { 0 };
  xmlParserCtxtPtr context;
  xmlDocPtr doc;
  xmlNode *root, *tour_node, *playlist, *document;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);

  importer.name = display_name != NULL ? display_name : "<kml>";
  data = g_bytes_get_data (bytes, &length);
  if (length > MAX_KML_SIZE)
    {
      g_set_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_SYNTAX,
                   _("%s: larger than %d MiB: not a tour file"), importer.name, MAX_KML_SIZE >> 20);
      return NULL;
    }
  if (length == 0)
    {
      g_set_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_SYNTAX, _("%s:1:1: the file is empty"), importer.name);
      return NULL;
    }

  /* A DTD can define entities that expand a thousandfold, or fetch
   * files: KML has no use for one, so none is read at all. */
  if (g_strstr_len (data, length, "<!DOCTYPE") != NULL)
    {
      g_set_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_KML,
                   _("%s: a document type declaration (<!DOCTYPE>) is not allowed in KML"), importer.name);
      return NULL;
    }

  xmlInitParser ();
  context = xmlNewParserCtxt ();
  if (context == NULL)
    {
      g_set_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_SYNTAX, _("%s: out of memory"), importer.name);
      return NULL;
    }

  doc = xmlCtxtReadMemory (context, data, (int) length, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (doc == NULL)
    {
      const xmlError *last = xmlCtxtGetLastError (context);
      g_autofree char *message = g_strstrip (g_strdup (last != NULL && last->message != NULL ? last->message : "?"));

      g_set_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_SYNTAX, "%s:%d:%d: %s", importer.name,
                   last != NULL ? MAX (last->line, 1) : 1, last != NULL ? MAX (last->int2, 1) : 1, message);
      xmlFreeParserCtxt (context);
      return NULL;
    }
  xmlFreeParserCtxt (context);

  root = xmlDocGetRootElement (doc);
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_KML,
                   _("%s: a document type declaration (<!DOCTYPE>) is not allowed in KML"), importer.name);
      xmlFreeDoc (doc);
      return NULL;
    }
  if (root == NULL || !is_kml (root, "kml"))
    {
      g_set_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_KML, _("%s:%ld: not KML: the document is <%s>"),
                   importer.name, root != NULL ? xmlGetLineNo (root) : 1L,
                   root != NULL ? (const char *) root->name : "");
      xmlFreeDoc (doc);
      return NULL;
    }

  tour_node = find_element (root->children, TRUE, "Tour");
  if (tour_node == NULL)
    {
      g_set_error (error, BRI_TOUR_ERROR, BRI_TOUR_ERROR_KML,
                   _("%s: no tour (gx:Tour) in this KML file"), importer.name);
      xmlFreeDoc (doc);
      return NULL;
    }

  document = find_element (root->children, FALSE, "Document");
  title = child_text (tour_node, FALSE, "name");
  if ((title == NULL || title[0] == '\0') && document != NULL)
    {
      g_free (title);
      title = child_text (document, FALSE, "name");
    }
  if (title == NULL || title[0] == '\0')
    {
      g_free (title);
      title = g_path_get_basename (importer.name);
    }

  id = document_data (document, "id");
  if (id == NULL || !bri_tour_id_is_valid (id))
    {
      g_free (id);
      id = bri_tour_id_from_title (title);
    }

  tour = bri_tour_new (id, title);
  value = child_text (tour_node, FALSE, "description");
  if (value == NULL && document != NULL)
    value = child_text (document, FALSE, "description");
  if (value != NULL)
    {
      g_autofree char *text = plain_text (value);
      bri_tour_set_fields_internal (tour, NULL, NULL, text, NULL);
    }
  g_clear_pointer (&value, g_free);
  value = document_data (document, "author");
  bri_tour_set_fields_internal (tour, NULL, value, NULL, NULL);
  g_clear_pointer (&value, g_free);
  value = document_data (document, "language");
  bri_tour_set_fields_internal (tour, NULL, NULL, NULL, value);

  importer.warnings = messages;
  importer.placemarks = placemarks;
  importer.tour = tour;
  collect_placemarks (&importer, root->children);

  playlist = child (tour_node, TRUE, "Playlist");
  if (playlist != NULL)
    read_playlist (&importer, playlist);
  if (g_list_model_get_n_items (G_LIST_MODEL (tour)) == 0)
    warn (&importer, tour_node, g_strdup (_("the tour has no FlyTo: it has no stops")));

  xmlFreeDoc (doc);

  if (warnings != NULL)
    *warnings = g_steal_pointer (&messages);

  return g_steal_pointer (&tour);
}

/**
 * bri_tour_new_from_kml_file:
 * @warnings: (out) (optional) (transfer full): see bri_tour_new_from_kml()
 *
 * Returns: (transfer full) (nullable): the tour, or %NULL and an error
 */
BriTour *
bri_tour_new_from_kml_file (GFile         *file,
                            GCancellable  *cancellable,
                            GPtrArray    **warnings,
                            GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = bri_tour_read_file (file, cancellable, &name, error);
  if (bytes == NULL)
    return NULL;

  return bri_tour_new_from_kml (bytes, name, warnings, error);
}
