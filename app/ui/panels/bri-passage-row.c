/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriPassageRow: one passage of a source document in a list.  The passage
 * text is shown as plain text with Pango attributes over the linker's byte
 * offsets: document text never goes through markup, so "&" or "<b>" in a
 * source shows as written. */

#define G_LOG_DOMAIN "bri-passage-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bri-citation.h"
#include "bri-document.h"
#include "bri-mention.h"
#include "bri-panel-util.h"
#include "bri-passage-row.h"

struct _BriPassageRow
{
  GtkListBoxRow  parent_instance;

  BriPassage    *passage;
  char          *highlight_id;

  GtkLabel      *document_label;
  GtkLabel      *date_label;
  GtkLabel      *paragraph_label;
  GtkLabel      *heading_label;
  GtkLabel      *bullet_label;
  GtkLabel      *text_label;
  GtkButton     *open_button;
  GtkButton     *copy_button;
  guint          copied_id;     /* until "Copied" turns back */
  GtkButton     *quote_button;
};

G_DEFINE_FINAL_TYPE (BriPassageRow, bri_passage_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_PASSAGE,
  PROP_HIGHLIGHT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The chosen place stands out (a marker-pen background and bold); the
 * other places the linker found are only underlined, so they are visible
 * without competing with it.  Both read on light and dark backgrounds. */
#define STRONG_BACKGROUND 0xf6, 0xd3, 0x2d
#define STRONG_ALPHA      0.45
#define LIGHT_UNDERLINE   0x35, 0x84, 0xe4

static guint16
channel (guint8 value)
{
  return (guint16) (value * 257);
}

static void
insert_strong (PangoAttrList *attrs,
               guint          start,
               guint          end)
{
  const guint8 bg[] = { STRONG_BACKGROUND };
  PangoAttribute *attr;

  attr = pango_attr_background_new (channel (bg[0]), channel (bg[1]), channel (bg[2]));
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);

  attr = pango_attr_background_alpha_new ((guint16) (STRONG_ALPHA * 65535));
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);

  attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

static void
insert_light (PangoAttrList *attrs,
              guint          start,
              guint          end)
{
  const guint8 fg[] = { LIGHT_UNDERLINE };
  PangoAttribute *attr;

  attr = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);

  attr = pango_attr_underline_color_new (channel (fg[0]), channel (fg[1]), channel (fg[2]));
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

static PangoAttrList *
build_attributes (BriPassageRow *self)
{
  const char *text = bri_passage_get_text (self->passage);
  gsize length = strlen (text);
  GPtrArray *mentions = bri_passage_get_mentions (self->passage);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (bri_passage_get_kind (self->passage) == BRI_PASSAGE_CAPTION)
    pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));

  /* Light ones first: where a strong range overlaps a light one, the
   * strong attributes are inserted later and win. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; mentions != NULL && i < mentions->len; i++)
        {
          BriMention *mention = g_ptr_array_index (mentions, i);
          gssize start = bri_mention_get_start (mention);
          gssize end = bri_mention_get_end (mention);
          gboolean strong;

          /* Context mentions come from headings and have no place in
           * this text. */
          if (bri_mention_is_context (mention) || start < 0 || end <= start || (gsize) end > length)
            continue;

          /* Offsets from a buggy linker must not split a character. */
          if (!g_utf8_validate (text + start, end - start, NULL))
            continue;

          strong = self->highlight_id != NULL &&
                   g_strcmp0 (bri_mention_get_target_id (mention), self->highlight_id) == 0;
          if (strong != (pass == 1))
            continue;

          if (strong)
            insert_strong (attrs, start, end);
          else
            insert_light (attrs, start, end);
        }
    }

  return attrs;
}

static void
bri_passage_row_update (BriPassageRow *self)
{
  BriDocument *document = bri_passage_get_document (self->passage);
  const char * const *heading_path = bri_passage_get_heading_path (self->passage);
  BriPassageKind kind = bri_passage_get_kind (self->passage);
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autofree char *date = NULL;
  g_autofree char *paragraph = NULL;
  g_autofree char *paragraph_long = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *open_description = NULL;
  const char *title;

  title = document != NULL ? bri_document_get_title (document)
                           : bri_passage_get_document_id (self->passage);
  gtk_label_set_text (self->document_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->document_label), title);

  date = document != NULL ? bri_panel_format_date (bri_document_get_date (document)) : NULL;
  gtk_label_set_text (self->date_label, date != NULL ? date : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), date != NULL);

  /* Numbered as the citation numbers it, so that "¶ 89" finds the quote. */
  paragraph = bri_citation_format_paragraph (self->passage);
  /* Translators: the tooltip and accessible name of "¶ 89" above a passage */
  paragraph_long = g_strdup_printf (_("Paragraph %u"), bri_passage_get_ordinal (self->passage));
  gtk_label_set_text (self->paragraph_label, paragraph);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->paragraph_label), paragraph_long);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->paragraph_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, paragraph_long, -1);

  if (heading_path != NULL && heading_path[0] != NULL)
    heading = g_strjoinv (BRI_PASSAGE_HEADING_SEPARATOR, (char **) heading_path);
  gtk_label_set_text (self->heading_label, heading != NULL ? heading : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->heading_label), heading);
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), heading != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->bullet_label), kind == BRI_PASSAGE_LIST_ITEM);
  gtk_widget_set_margin_start (GTK_WIDGET (self->text_label), kind == BRI_PASSAGE_LIST_ITEM ? 16 : 0);
  if (kind == BRI_PASSAGE_HEADING)
    gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "heading");
  else if (kind == BRI_PASSAGE_CAPTION)
    gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "caption");

  attrs = build_attributes (self);
  gtk_label_set_text (self->text_label, bri_passage_get_text (self->passage));
  gtk_label_set_attributes (self->text_label, attrs);

  /* The button's own label says what it does; screen reader users also
   * learn where it goes. */
  /* Translators: the accessible description of "Open in Document"; %u is the passage number, %s the document title */
  open_description = g_strdup_printf (_("Passage %u of “%s”"),
                                      bri_passage_get_ordinal (self->passage) + 1, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, open_description,
                                  -1);
}

/* The quote a tour would take: the words selected in the passage, or
 * all of it. */
static void
update_quote_target (BriPassageRow *self)
{
  g_autoptr(BriLocation) location = NULL;
  int start, end;

  if (self->passage == NULL)
    return;

  if (gtk_label_get_selection_bounds (self->text_label, &start, &end) && end > start)
    location = bri_location_new_passage_range (bri_passage_get_document_id (self->passage),
                                               bri_passage_get_ordinal (self->passage), start, end);
  else
    location = bri_location_new_passage (bri_passage_get_document_id (self->passage),
                                         bri_passage_get_ordinal (self->passage));

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->quote_button), "s",
                                    bri_location_to_string (location));
}

static gboolean
on_copied_timeout_cb (gpointer user_data)
{
  BriPassageRow *self = user_data;

  self->copied_id = 0;
  gtk_button_set_icon_name (self->copy_button, "edit-copy-symbolic");
  return G_SOURCE_REMOVE;
}

/* row.copy-citation: the passage's citation, in the atlas's one style
 * (author or publisher, title, date, section, paragraph), on the
 * clipboard, as plain text; the button's tick says so for a moment. */
static void
copy_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BriPassageRow *self = BRI_PASSAGE_ROW (widget);
  g_autofree char *citation = NULL;

  if (self->passage == NULL)
    return;

  citation = bri_citation_format (self->passage);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), citation);

  gtk_button_set_icon_name (self->copy_button, "emblem-ok-symbolic");
  g_clear_handle_id (&self->copied_id, g_source_remove);
  self->copied_id = g_timeout_add_seconds (2, on_copied_timeout_cb, self);
}

static void
on_open_button_clicked_cb (BriPassageRow *self,
                           GtkButton     *button)
{
  g_autoptr(BriLocation) location = NULL;

  g_assert (BRI_IS_PASSAGE_ROW (self));

  location = bri_location_new_passage (bri_passage_get_document_id (self->passage),
                                       bri_passage_get_ordinal (self->passage));
  bri_panel_open (GTK_WIDGET (self), "win.open", location);
}

static void
bri_passage_row_constructed (GObject *object)
{
  BriPassageRow *self = BRI_PASSAGE_ROW (object);

  G_OBJECT_CLASS (bri_passage_row_parent_class)->constructed (object);

  g_return_if_fail (BRI_IS_PASSAGE (self->passage));

  bri_passage_row_update (self);
  update_quote_target (self);
}

static void
bri_passage_row_dispose (GObject *object)
{
  BriPassageRow *self = BRI_PASSAGE_ROW (object);

  g_clear_handle_id (&self->copied_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRI_TYPE_PASSAGE_ROW);
  g_clear_object (&self->passage);

  G_OBJECT_CLASS (bri_passage_row_parent_class)->dispose (object);
}

static void
bri_passage_row_finalize (GObject *object)
{
  BriPassageRow *self = BRI_PASSAGE_ROW (object);

  g_free (self->highlight_id);

  G_OBJECT_CLASS (bri_passage_row_parent_class)->finalize (object);
}

static void
bri_passage_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BriPassageRow *self = BRI_PASSAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_PASSAGE:
      g_value_set_object (value, self->passage);
      break;

    case PROP_HIGHLIGHT_ID:
      g_value_set_string (value, self->highlight_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_passage_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BriPassageRow *self = BRI_PASSAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_PASSAGE:
      self->passage = g_value_dup_object (value);
      break;

    case PROP_HIGHLIGHT_ID:
      self->highlight_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_passage_row_class_init (BriPassageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bri_passage_row_constructed;
  object_class->dispose = bri_passage_row_dispose;
  object_class->finalize = bri_passage_row_finalize;
  object_class->get_property = bri_passage_row_get_property;
  object_class->set_property = bri_passage_row_set_property;

  properties[PROP_PASSAGE] =
    g_param_spec_object ("passage", NULL, NULL,
                         BRI_TYPE_PASSAGE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHT_ID] =
    g_param_spec_string ("highlight-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  bri_panel_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BriAtlas/ui/bri-passage-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BriPassageRow, document_label);
  gtk_widget_class_bind_template_child (widget_class, BriPassageRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, BriPassageRow, paragraph_label);
  gtk_widget_class_bind_template_child (widget_class, BriPassageRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, BriPassageRow, bullet_label);
  gtk_widget_class_bind_template_child (widget_class, BriPassageRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, BriPassageRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, BriPassageRow, copy_button);
  gtk_widget_class_bind_template_child (widget_class, BriPassageRow, quote_button);
  gtk_widget_class_bind_template_callback (widget_class, on_open_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "row.copy-citation", NULL, copy_citation_action);
}

static void
bri_passage_row_init (BriPassageRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* "Quote in Tour" is there only when the window has a tour to quote
   * in (its action is enabled), and quotes what is selected. */
  g_object_bind_property (self->quote_button, "sensitive", self->quote_button, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->text_label, "notify::selection-bound", G_CALLBACK (update_quote_target),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_label, "notify::cursor-position", G_CALLBACK (update_quote_target),
                           self, G_CONNECT_SWAPPED);
}

/**
 * bri_passage_row_new:
 * @passage: the passage to show
 * @highlight_id: (nullable): the feature id or country code to mark
 *   strongly; other places are marked lightly
 *
 * Returns: (transfer floating): a new #BriPassageRow
 */
GtkWidget *
bri_passage_row_new (BriPassage *passage,
                     const char *highlight_id)
{
  g_return_val_if_fail (BRI_IS_PASSAGE (passage), NULL);

  return g_object_new (BRI_TYPE_PASSAGE_ROW,
                       "passage", passage,
                       "highlight-id", highlight_id,
                       NULL);
}

BriPassage *
bri_passage_row_get_passage (BriPassageRow *self)
{
  g_return_val_if_fail (BRI_IS_PASSAGE_ROW (self), NULL);

  return self->passage;
}

const char *
bri_passage_row_get_highlight_id (BriPassageRow *self)
{
  g_return_val_if_fail (BRI_IS_PASSAGE_ROW (self), NULL);

  return self->highlight_id;
}
