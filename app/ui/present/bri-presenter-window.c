/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriPresenterWindow: a second window for the laptop screen while the
 * projector shows the presentation.  It follows the presentation's
 * player — the stop, what is revealed, the next stop — shows the
 * speaker notes and the whole passage the stop quotes (the quoted
 * characters marked, as text attributes: document text never goes
 * through markup), and counts the time.  The same keys drive it. */

#define G_LOG_DOMAIN "bri-presenter-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-panel-util.h"
#include "bri-presenter-window.h"
#include "bri-resolved-stop.h"

struct _BriPresenterWindow
{
  AdwWindow        parent_instance;

  GtkLabel        *elapsed_label;
  GtkLabel        *position_label;
  GtkLabel        *title_label;
  GtkLabel        *reveal_label;
  GtkLabel        *next_label;
  GtkLabel        *notes_label;
  GtkLabel        *citation_label;
  GtkLabel        *passage_label;

  BriPresentation *presentation;
  BriTourPlayer   *player;
  guint            clock_id;
};

G_DEFINE_FINAL_TYPE (BriPresenterWindow, bri_presenter_window, ADW_TYPE_WINDOW)

static void
update_clock (BriPresenterWindow *self)
{
  gint64 seconds = (g_get_monotonic_time () - bri_presentation_get_start_time (self->presentation)) /
                   G_USEC_PER_SEC;
  g_autofree char *text = NULL;

  if (seconds >= 3600)
    text = g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60));
  else
    text = g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
  gtk_label_set_text (self->elapsed_label, text);
}

static gboolean
on_clock_cb (gpointer user_data)
{
  update_clock (user_data);
  return G_SOURCE_CONTINUE;
}

/* The whole passage, with the quoted characters marked. */
static void
show_passage (BriPresenterWindow *self,
              BriResolvedStop    *resolved)
{
  BriPassage *passage = bri_resolved_stop_get_passage (resolved);
  BriLocation *quote = bri_tour_stop_get_quote (bri_resolved_stop_get_stop (resolved));
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  const char *text;
  guint start, end;

  if (passage == NULL)
    {
      gtk_label_set_text (self->citation_label, _("This stop quotes no passage."));
      gtk_label_set_text (self->passage_label, "");
      return;
    }

  text = bri_passage_get_text (passage);
  gtk_label_set_text (self->citation_label, bri_resolved_stop_get_citation (resolved));
  gtk_label_set_text (self->passage_label, text);

  if (quote != NULL && bri_location_get_range (quote, &start, &end))
    {
      glong n_chars = g_utf8_strlen (text, -1);
      PangoAttribute *attr;
      guint from, to;

      start = MIN (start, (guint) n_chars);
      end = MIN (end, (guint) n_chars);
      from = g_utf8_offset_to_pointer (text, start) - text;
      to = g_utf8_offset_to_pointer (text, end) - text;

      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = from;
      attr->end_index = to;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      attr->start_index = from;
      attr->end_index = to;
      pango_attr_list_insert (attrs, attr);
    }
  gtk_label_set_attributes (self->passage_label, attrs);
}

static void
update (BriPresenterWindow *self)
{
  BriTourStop *stop = bri_tour_player_get_stop (self->player);
  BriTour *tour = bri_tour_player_get_tour (self->player);
  guint position = bri_tour_player_get_position (self->player);
  guint n_stops = bri_tour_player_get_n_stops (self->player);
  guint n_reveal = bri_tour_player_get_n_reveal (self->player);
  guint revealed = bri_tour_player_get_revealed (self->player);
  g_autoptr(BriResolvedStop) resolved = NULL;
  g_autofree char *position_text = NULL;
  g_autofree char *next_text = NULL;
  g_autofree char *reveal_text = NULL;
  const char *notes;

  if (stop == NULL)
    return;

  resolved = bri_resolved_stop_new (stop, bri_presentation_get_atlas (self->presentation));

  /* Translators: in the presenter view: stop 3 of 12, and the tour's title */
  position_text = g_strdup_printf (_("Stop %u of %u · %s"), position + 1, n_stops, bri_tour_get_title (tour));
  gtk_label_set_text (self->position_label, position_text);
  gtk_label_set_text (self->title_label, bri_tour_stop_get_title (stop));

  if (n_reveal > 0)
    /* Translators: in the presenter view, for a stop that reveals its places one key press at a time */
    reveal_text = g_strdup_printf (_("%u of %u places shown — the next key shows another"), revealed, n_reveal);
  if (n_reveal > 0 && revealed == n_reveal)
    {
      g_free (reveal_text);
      reveal_text = g_strdup_printf (_("All %u places shown"), n_reveal);
    }
  gtk_label_set_text (self->reveal_label, reveal_text != NULL ? reveal_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reveal_label), reveal_text != NULL);

  if (revealed < n_reveal)
    next_text = g_strdup (_("Next: another place at this stop"));
  else if (position + 1 < n_stops)
    /* Translators: the title of the next stop, in the presenter view */
    next_text = g_strdup_printf (_("Next: %s"), bri_tour_stop_get_title (bri_tour_get_stop (tour, position + 1)));
  else
    next_text = g_strdup (_("Next: the end of the tour"));
  gtk_label_set_text (self->next_label, next_text);

  notes = bri_tour_stop_get_notes (stop);
  gtk_label_set_text (self->notes_label, notes != NULL && notes[0] != '\0' ? notes : _("No notes for this stop."));

  show_passage (self, resolved);
}

static void
on_step_changed_cb (BriPresenterWindow *self)
{
  update (self);
}

static void
on_presenting_changed_cb (BriPresenterWindow *self)
{
  if (!bri_presentation_get_presenting (self->presentation))
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
on_key_pressed_cb (BriPresenterWindow    *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  return bri_presentation_handle_key (self->presentation, keyval, state);
}

static void
on_previous_clicked_cb (BriPresenterWindow *self)
{
  bri_presentation_handle_key (self->presentation, GDK_KEY_Page_Up, 0);
}

static void
on_next_clicked_cb (BriPresenterWindow *self)
{
  bri_presentation_handle_key (self->presentation, GDK_KEY_Page_Down, 0);
}

static void
on_black_clicked_cb (BriPresenterWindow *self)
{
  bri_presentation_handle_key (self->presentation, GDK_KEY_b, 0);
}

static void
on_end_clicked_cb (BriPresenterWindow *self)
{
  bri_presentation_stop (self->presentation);
}

static void
bri_presenter_window_dispose (GObject *object)
{
  BriPresenterWindow *self = BRI_PRESENTER_WINDOW (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  g_clear_object (&self->player);
  g_clear_object (&self->presentation);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRI_TYPE_PRESENTER_WINDOW);

  G_OBJECT_CLASS (bri_presenter_window_parent_class)->dispose (object);
}

static void
bri_presenter_window_class_init (BriPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bri_presenter_window_dispose;

  bri_panel_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/BriAtlas/ui/bri-presenter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BriPresenterWindow, elapsed_label);
  gtk_widget_class_bind_template_child (widget_class, BriPresenterWindow, position_label);
  gtk_widget_class_bind_template_child (widget_class, BriPresenterWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BriPresenterWindow, reveal_label);
  gtk_widget_class_bind_template_child (widget_class, BriPresenterWindow, next_label);
  gtk_widget_class_bind_template_child (widget_class, BriPresenterWindow, notes_label);
  gtk_widget_class_bind_template_child (widget_class, BriPresenterWindow, citation_label);
  gtk_widget_class_bind_template_child (widget_class, BriPresenterWindow, passage_label);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_black_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_end_clicked_cb);
}

static void
bri_presenter_window_init (BriPresenterWindow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Before any child sees them: Space and Return must not press a
   * focused button. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * bri_presenter_window_new:
 * @presentation: a presentation under way
 *
 * Returns: (transfer full): a window following @presentation; it closes
 *   when the presentation ends
 */
GtkWidget *
bri_presenter_window_new (BriPresentation *presentation)
{
  BriPresenterWindow *self;

  g_return_val_if_fail (BRI_IS_PRESENTATION (presentation), NULL);
  g_return_val_if_fail (bri_presentation_get_player (presentation) != NULL, NULL);

  self = g_object_new (BRI_TYPE_PRESENTER_WINDOW, NULL);
  self->presentation = g_object_ref (presentation);
  self->player = g_object_ref (bri_presentation_get_player (presentation));
  g_signal_connect_object (self->player, "step-changed", G_CALLBACK (on_step_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (presentation, "notify::presenting", G_CALLBACK (on_presenting_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->clock_id = g_timeout_add_seconds (1, on_clock_cb, self);
  update_clock (self);
  update (self);

  return GTK_WIDGET (self);
}
