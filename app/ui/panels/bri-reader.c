/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriReader: a whole cleaned source document in a read-only text view,
 * opened at one passage.  Every place the linker found in the text is a
 * link: a click, or Enter with the keyboard cursor on it, leaves the
 * reader as a window action (win.show-on-map, win.open).
 *
 * The document is inserted as plain text and styled with tags; links
 * are looked up in a table of character ranges rather than one tag per
 * mention, which keeps a long document cheap to build. */

#define G_LOG_DOMAIN "bri-reader"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bri-mention.h"
#include "bri-panel-util.h"
#include "bri-reader-private.h"

#define N_HEADING_LEVELS 3

typedef struct
{
  int               start;   /* character offsets in the buffer */
  int               end;
  BriMentionTarget  target;
  char             *id;
} Link;

typedef struct
{
  int block_start;           /* where the passage's block starts (its bullet) */
  int text_start;
  int end;                   /* the end of its text, before the newline */
} Span;

struct _BriReader
{
  GtkWidget          parent_instance;

  BriDocument       *document;
  guint              ordinal;

  GArray            *links;  /* of Link, by start */
  GArray            *spans;  /* of Span, by ordinal */
  gboolean           scroll_pending;
  guint              scroll_tick;
  guint              scroll_frames;
  guint              scroll_stable_frames;
  double             scroll_upper;
  int                scroll_target_y;

  GtkScrolledWindow *scroller;
  GtkTextView       *view;
  GtkTextBuffer     *buffer;
  GtkTextMark       *target_mark;
  GtkTextTag        *title_tag;
  GtkTextTag        *meta_tag;
  GtkTextTag        *heading_tags[N_HEADING_LEVELS];
  GtkTextTag        *caption_tag;
  GtkTextTag        *list_tag;
  GtkTextTag        *target_tag;
  GtkTextTag        *feature_link_tag;
  GtkTextTag        *country_link_tag;
};

G_DEFINE_FINAL_TYPE (BriReader, bri_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ORDINAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_link (gpointer data)
{
  Link *link = data;

  g_free (link->id);
}

static GtkTextTag *
link_tag_for (BriReader        *self,
              BriMentionTarget  target)
{
  return target == BRI_MENTION_COUNTRY ? self->country_link_tag : self->feature_link_tag;
}

static void
insert_meta (BriReader   *self,
             GtkTextIter *iter)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  g_autofree char *date = bri_panel_format_date (bri_document_get_date (self->document));
  g_autofree char *line = NULL;
  const char *author = bri_document_get_author (self->document);
  const char *publisher = bri_document_get_publisher (self->document);

  if (author != NULL && *author != '\0')
    g_strv_builder_add (builder, author);
  if (publisher != NULL && *publisher != '\0')
    g_strv_builder_add (builder, publisher);
  if (date != NULL)
    g_strv_builder_add (builder, date);
  parts = g_strv_builder_end (builder);

  if (parts[0] == NULL)
    return;

  line = g_strjoinv (" · ", parts);
  gtk_text_buffer_insert_with_tags (self->buffer, iter, line, -1, self->meta_tag, NULL);
  gtk_text_buffer_insert (self->buffer, iter, "\n", 1);
}

static void
insert_passage (BriReader   *self,
                GtkTextIter *iter,
                BriPassage  *passage)
{
  BriPassageKind kind = bri_passage_get_kind (passage);
  const char *text = bri_passage_get_text (passage);
  GPtrArray *mentions = bri_passage_get_mentions (passage);
  GtkTextTag *tag = NULL;
  Span span;
  int text_start;
  glong n_chars = g_utf8_strlen (text, -1);

  span.block_start = gtk_text_iter_get_offset (iter);

  switch (kind)
    {
    case BRI_PASSAGE_HEADING:
      {
        const char * const *path = bri_passage_get_heading_path (passage);
        guint depth = path != NULL ? g_strv_length ((char **) path) : 0;

        tag = self->heading_tags[MIN (depth, N_HEADING_LEVELS - 1)];
      }
      break;

    case BRI_PASSAGE_LIST_ITEM:
      tag = self->list_tag;
      /* Translators: the bullet in front of a list item in the reader, with its space */
      gtk_text_buffer_insert_with_tags (self->buffer, iter, _("•\t"), -1, tag, NULL);
      break;

    case BRI_PASSAGE_CAPTION:
      tag = self->caption_tag;
      break;

    case BRI_PASSAGE_PARAGRAPH:
    default:
      break;
    }

  text_start = span.text_start = gtk_text_iter_get_offset (iter);
  gtk_text_buffer_insert_with_tags (self->buffer, iter, text, -1, tag, NULL);
  span.end = gtk_text_iter_get_offset (iter);
  gtk_text_buffer_insert (self->buffer, iter, "\n", 1);
  g_array_append_val (self->spans, span);

  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    {
      BriMention *mention = g_ptr_array_index (mentions, i);
      glong start = bri_mention_get_start_char (mention);
      glong end = bri_mention_get_end_char (mention);
      GtkTextIter link_start, link_end;
      Link link;

      /* A context mention comes from the headings above: not in this text. */
      if (bri_mention_is_context (mention) || start < 0 || end <= start || end > n_chars)
        continue;

      link.start = text_start + start;
      link.end = text_start + end;
      link.target = bri_mention_get_target (mention);
      link.id = g_strdup (bri_mention_get_target_id (mention));
      g_array_append_val (self->links, link);

      gtk_text_buffer_get_iter_at_offset (self->buffer, &link_start, link.start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &link_end, link.end);
      gtk_text_buffer_apply_tag (self->buffer, link_tag_for (self, link.target), &link_start, &link_end);
    }
}

static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  const Link *la = a, *lb = b;

  if (la->start != lb->start)
    return la->start < lb->start ? -1 : 1;
  return (la->end > lb->end) - (la->end < lb->end);
}

static void
build_buffer (BriReader *self)
{
  GtkTextIter iter;
  guint n = bri_document_get_n_passages (self->document);
  g_autofree char *accessible_label = NULL;

  g_array_set_size (self->links, 0);
  g_array_set_size (self->spans, 0);

  gtk_text_buffer_set_text (self->buffer, "", 0);
  gtk_text_buffer_get_start_iter (self->buffer, &iter);

  gtk_text_buffer_insert_with_tags (self->buffer, &iter, bri_document_get_title (self->document), -1,
                                    self->title_tag, NULL);
  gtk_text_buffer_insert (self->buffer, &iter, "\n", 1);
  insert_meta (self, &iter);

  for (guint i = 0; i < n; i++)
    insert_passage (self, &iter, bri_document_get_passage (self->document, i));

  g_array_sort (self->links, compare_links);

  /* Translators: the accessible name of the reader's text; %s is the document title */
  accessible_label = g_strdup_printf (_("Text of “%s”"), bri_document_get_title (self->document));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
}

static const Link *
find_link (BriReader *self,
           int        offset)
{
  guint lo = 0, hi = self->links->len;

  /* The first link that starts after @offset... */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->links, Link, mid).start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  /* ...then back over the ones that start at or before it; mentions are
   * short, so a nested or overlapping one is only a few entries back. */
  for (guint i = lo; i > 0 && i + 8 > lo; i--)
    {
      const Link *link = &g_array_index (self->links, Link, i - 1);

      if (offset < link->end)
        return link;
    }

  return NULL;
}

static gboolean
iter_is_on_link (BriReader         *self,
                 const GtkTextIter *iter)
{
  return gtk_text_iter_has_tag (iter, self->feature_link_tag) ||
         gtk_text_iter_has_tag (iter, self->country_link_tag);
}

static gboolean
iter_at_point (BriReader   *self,
               double       x,
               double       y,
               GtkTextIter *iter)
{
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  return gtk_text_view_get_iter_at_location (self->view, iter, bx, by);
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      BriReader       *self)
{
  GtkTextIter iter;

  if (n_press != 1 ||
      gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    return;

  /* A drag that selected text is not a click on a link. */
  if (gtk_text_buffer_get_has_selection (self->buffer))
    return;

  if (iter_at_point (self, x, y, &iter))
    bri_reader_activate_link_at_iter (self, &iter);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              BriReader                *self)
{
  GtkTextIter iter;
  gboolean on_link = iter_at_point (self, x, y, &iter) && iter_is_on_link (self, &iter);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->view), on_link ? "pointer" : "text");
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   BriReader             *self)
{
  GtkTextIter iter;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  if (bri_reader_activate_link_at_iter (self, &iter))
    return GDK_EVENT_STOP;

  /* The cursor just past a link's last letter is still "on" it. */
  if (gtk_text_iter_backward_char (&iter) && bri_reader_activate_link_at_iter (self, &iter))
    return GDK_EVENT_STOP;

  return GDK_EVENT_PROPAGATE;
}

/* Scrolling to the passage waits for the view: its lines get their real
 * heights a few frames after the text is set, and until then a position
 * computed from estimates is off by screens.  So the passage is put in
 * place at every frame until the layout stops growing, without GTK's
 * scroll animation (opening a document at a passage should not fly
 * through it). */
#define SCROLL_STABLE_FRAMES 3
#define SCROLL_YALIGN 0.1
#define SCROLL_MAX_FRAMES 120

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  BriReader *self = user_data;
  GtkAdjustment *vadjustment;
  GdkRectangle visible, location;
  GtkTextIter iter;
  double upper;

  /* A tick keeps the frame clock running: a reader in a hidden page
   * waits for its "map" instead. */
  if (!gtk_widget_get_mapped (widget))
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }

  if (gtk_widget_get_height (widget) <= 0)
    return G_SOURCE_CONTINUE;

  /* gtk_text_view_scroll_to_iter() would animate: set the value. */
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, self->target_mark);
  gtk_text_view_get_visible_rect (self->view, &visible);
  gtk_text_view_get_iter_location (self->view, &iter, &location);
  /* A passage in the first half screen is shown with the title above it. */
  if (location.y < visible.height / 2)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
  else
    gtk_adjustment_set_value (vadjustment,
                              gtk_adjustment_get_value (vadjustment) +
                              (location.y - visible.y) - SCROLL_YALIGN * visible.height);

  /* Until the passage has found its place the view shows nothing rather
   * than a flicker of the pages before it. */
  if (location.y == self->scroll_target_y)
    gtk_widget_set_opacity (widget, 1.0);
  self->scroll_target_y = location.y;

  upper = gtk_adjustment_get_upper (vadjustment);
  if (upper == self->scroll_upper)
    self->scroll_stable_frames++;
  else
    self->scroll_stable_frames = 0;
  self->scroll_upper = upper;

  if (self->scroll_stable_frames >= SCROLL_STABLE_FRAMES ||
      ++self->scroll_frames >= SCROLL_MAX_FRAMES)
    {
      gtk_widget_set_opacity (widget, 1.0);
      self->scroll_pending = FALSE;
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
queue_scroll (BriReader *self,
              gboolean   hide_until_placed)
{
  if (hide_until_placed)
    gtk_widget_set_opacity (GTK_WIDGET (self->view), 0.0);

  self->scroll_pending = TRUE;
  self->scroll_target_y = G_MININT;
  self->scroll_upper = -1;
  self->scroll_stable_frames = 0;
  self->scroll_frames = 0;

  if (self->scroll_tick == 0 && gtk_widget_get_mapped (GTK_WIDGET (self->view)))
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->view), scroll_tick_cb,
                                                      self, NULL);
}

static void
on_view_map_cb (GtkWidget *view,
                BriReader *self)
{
  if (self->scroll_pending && self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (view, scroll_tick_cb, self, NULL);
}

static void
stop_scrolling (BriReader *self)
{
  if (self->scroll_tick != 0 && self->view != NULL)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->view), self->scroll_tick);
      gtk_widget_set_opacity (GTK_WIDGET (self->view), 1.0);
    }
  self->scroll_tick = 0;
  self->scroll_pending = FALSE;
}

static void
mark_target (BriReader *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->target_tag, &start, &end);

  if (self->ordinal < self->spans->len)
    {
      const Span *span = &g_array_index (self->spans, Span, self->ordinal);

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, span->block_start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, span->end);
      gtk_text_buffer_apply_tag (self->buffer, self->target_tag, &start, &end);
    }
  else
    {
      gtk_text_buffer_get_start_iter (self->buffer, &start);
    }

  /* The keyboard cursor starts where the reader is looking. */
  gtk_text_buffer_move_mark (self->buffer, self->target_mark, &start);
  gtk_text_buffer_place_cursor (self->buffer, &start);
}

/* Colours that must follow light and dark styles: the dim metadata line
 * takes the text colour at reduced opacity; links take the accent. */
static void
update_colors (BriReader *self)
{
  GdkRGBA fg, accent, target;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self->view)), &fg);
  fg.alpha *= 0.6;
  gdk_rgba_parse (&accent, dark ? "#78aeed" : "#1c71d8");
  gdk_rgba_parse (&target, dark ? "rgba(246, 211, 45, 0.16)" : "rgba(246, 211, 45, 0.28)");

  g_object_set (self->meta_tag, "foreground-rgba", &fg, NULL);
  g_object_set (self->feature_link_tag, "foreground-rgba", &accent, NULL);
  g_object_set (self->country_link_tag, "underline-rgba", &accent, NULL);
  g_object_set (self->target_tag, "paragraph-background-rgba", &target, NULL);
}

static void
bri_reader_css_changed (GtkWidget         *widget,
                        GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (bri_reader_parent_class)->css_changed (widget, change);

  update_colors (BRI_READER (widget));
}

static void
create_tags (BriReader *self)
{
  self->title_tag = gtk_text_buffer_create_tag (self->buffer, "title",
                                                "weight", 800,
                                                "scale", 1.6,
                                                "pixels-below-lines", 6,
                                                NULL);
  self->meta_tag = gtk_text_buffer_create_tag (self->buffer, "meta",
                                               "scale", PANGO_SCALE_SMALL,
                                               "pixels-below-lines", 18,
                                               NULL);
  self->heading_tags[0] = gtk_text_buffer_create_tag (self->buffer, "heading-1",
                                                      "weight", PANGO_WEIGHT_BOLD,
                                                      "scale", 1.3,
                                                      "pixels-above-lines", 18,
                                                      "pixels-below-lines", 8,
                                                      NULL);
  self->heading_tags[1] = gtk_text_buffer_create_tag (self->buffer, "heading-2",
                                                      "weight", PANGO_WEIGHT_BOLD,
                                                      "scale", 1.15,
                                                      "pixels-above-lines", 12,
                                                      "pixels-below-lines", 6,
                                                      NULL);
  self->heading_tags[2] = gtk_text_buffer_create_tag (self->buffer, "heading-3",
                                                      "weight", PANGO_WEIGHT_BOLD,
                                                      "pixels-above-lines", 8,
                                                      "pixels-below-lines", 6,
                                                      NULL);
  self->caption_tag = gtk_text_buffer_create_tag (self->buffer, "caption",
                                                  "style", PANGO_STYLE_ITALIC,
                                                  "scale", PANGO_SCALE_SMALL,
                                                  NULL);
  /* A hanging indent: the bullet sits out, wrapped lines align with the
   * text. */
  self->list_tag = gtk_text_buffer_create_tag (self->buffer, "list-item",
                                               "left-margin", 22,
                                               "indent", -16,
                                               "pixels-below-lines", 6,
                                               NULL);
  {
    g_autoptr(PangoTabArray) tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 16);

    g_object_set (self->list_tag, "tabs", tabs, NULL);
  }
  self->target_tag = gtk_text_buffer_create_tag (self->buffer, "target", NULL);
  self->feature_link_tag = gtk_text_buffer_create_tag (self->buffer, "link-feature",
                                                       "underline", PANGO_UNDERLINE_SINGLE,
                                                       NULL);
  self->country_link_tag = gtk_text_buffer_create_tag (self->buffer, "link-country",
                                                       "underline", PANGO_UNDERLINE_SINGLE,
                                                       NULL);
}

static void
bri_reader_dispose (GObject *object)
{
  BriReader *self = BRI_READER (object);

  stop_scrolling (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRI_TYPE_READER);
  self->buffer = NULL;
  g_clear_object (&self->document);

  G_OBJECT_CLASS (bri_reader_parent_class)->dispose (object);
}

static void
bri_reader_finalize (GObject *object)
{
  BriReader *self = BRI_READER (object);

  g_array_unref (self->links);
  g_array_unref (self->spans);

  G_OBJECT_CLASS (bri_reader_parent_class)->finalize (object);
}

static void
bri_reader_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BriReader *self = BRI_READER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ORDINAL:
      g_value_set_uint (value, self->ordinal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_reader_class_init (BriReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bri_reader_dispose;
  object_class->finalize = bri_reader_finalize;
  object_class->get_property = bri_reader_get_property;

  widget_class->css_changed = bri_reader_css_changed;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         BRI_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORDINAL] =
    g_param_spec_uint ("ordinal", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bri-reader");

  bri_panel_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BriAtlas/ui/bri-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, BriReader, scroller);
  gtk_widget_class_bind_template_child (widget_class, BriReader, view);
}

static void
bri_reader_init (BriReader *self)
{
  GtkEventController *controller;
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->links = g_array_new (FALSE, FALSE, sizeof (Link));
  g_array_set_clear_func (self->links, clear_link);
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));

  self->buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  create_tags (self);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->target_mark = gtk_text_buffer_create_mark (self->buffer, "target", &start, TRUE);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect (controller, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), controller);

  g_signal_connect_object (self->view, "map", G_CALLBACK (on_view_map_cb), self, 0);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "bri-reader-link-keys");
  /* Before the view's own key handling, which has no use for Enter in
   * read-only text anyway. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document text"),
                                  -1);
  update_colors (self);
}

GtkWidget *
bri_reader_new (void)
{
  return g_object_new (BRI_TYPE_READER, NULL);
}

/**
 * bri_reader_show:
 * @document: the document to read
 * @ordinal: the 0-based passage to highlight and scroll to
 *
 * Builds the document's text unless it is already shown, highlights the
 * passage and scrolls it into view once the view is laid out.
 */
void
bri_reader_show (BriReader   *self,
                 BriDocument *document,
                 guint        ordinal)
{
  gboolean document_changed;
  gboolean ordinal_changed;

  g_return_if_fail (BRI_IS_READER (self));
  g_return_if_fail (BRI_IS_DOCUMENT (document));

  document_changed = g_set_object (&self->document, document);
  ordinal_changed = self->ordinal != ordinal;
  self->ordinal = ordinal;

  if (ordinal >= bri_document_get_n_passages (document))
    g_warning ("“%s” has no passage %u", bri_document_get_id (document), ordinal);

  if (document_changed)
    build_buffer (self);

  mark_target (self);
  queue_scroll (self, document_changed);

  if (document_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  if (ordinal_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDINAL]);
}

BriDocument *
bri_reader_get_document (BriReader *self)
{
  g_return_val_if_fail (BRI_IS_READER (self), NULL);

  return self->document;
}

guint
bri_reader_get_ordinal (BriReader *self)
{
  g_return_val_if_fail (BRI_IS_READER (self), 0);

  return self->ordinal;
}

GtkTextView *
bri_reader_get_text_view (BriReader *self)
{
  g_return_val_if_fail (BRI_IS_READER (self), NULL);

  return self->view;
}

/**
 * bri_reader_get_passage_bounds:
 * @start: (out): the start of the passage's text
 * @end: (out): the end of its text
 *
 * Returns: %TRUE if the shown document has passage @ordinal
 */
gboolean
bri_reader_get_passage_bounds (BriReader   *self,
                               guint        ordinal,
                               GtkTextIter *start,
                               GtkTextIter *end)
{
  const Span *span;

  g_return_val_if_fail (BRI_IS_READER (self), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  if (ordinal >= self->spans->len)
    return FALSE;

  span = &g_array_index (self->spans, Span, ordinal);
  gtk_text_buffer_get_iter_at_offset (self->buffer, start, span->text_start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, end, span->end);

  return TRUE;
}

/**
 * bri_reader_activate_link_at_iter:
 *
 * What a click or Enter does: if @iter is on a place name, asks the
 * window to select the feature on the map or to open the country.
 *
 * Returns: %TRUE if @iter was on a link
 */
gboolean
bri_reader_activate_link_at_iter (BriReader         *self,
                                  const GtkTextIter *iter)
{
  const Link *link;
  g_autoptr(BriLocation) location = NULL;

  g_return_val_if_fail (BRI_IS_READER (self), FALSE);
  g_return_val_if_fail (iter != NULL, FALSE);

  link = find_link (self, gtk_text_iter_get_offset (iter));
  if (link == NULL)
    return FALSE;

  /* A country opens its dossier; a place moves the map and the reader
   * stays. */
  if (link->target == BRI_MENTION_COUNTRY)
    {
      location = bri_location_new_country (link->id);
      bri_panel_open (GTK_WIDGET (self), "win.open", location);
    }
  else
    {
      location = bri_location_new_feature (link->id);
      bri_panel_open (GTK_WIDGET (self), "win.show-on-map", location);
    }

  return TRUE;
}
