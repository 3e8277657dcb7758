/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriLegend: a card over the map that shows what each line and marker
 * style means and doubles as the kind filter: each kind is a check
 * button.  The precision rows explain the honest styling: dashed lines
 * are schematic, hollow markers town-level. */

#define G_LOG_DOMAIN "bri-legend"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "bri-feature-style.h"
#include "bri-legend.h"
#include "bri-panel-util.h"

/* A map narrower or shorter than this is small... */
#define COMPACT_MAP_WIDTH 560
#define COMPACT_MAP_HEIGHT 600
/* ...and the open legend covers no more of it than this... */
#define MAX_MAP_SHARE 0.22
/* ...unless that would leave it less than a few rows. */
#define MIN_COMPACT_HEIGHT 120
/* Between the legend and the zoom buttons when it passes beside them. */
#define ZOOM_GAP 6

struct _BriLegend
{
  GtkWidget         parent_instance;

  GtkWidget        *box;
  GtkWidget        *toggle;
  GtkWidget        *revealer;
  GtkWidget        *scroller;
  GtkWidget        *rows;
  GPtrArray        *symbols;        /* the drawing areas, to redraw in the other style */
  BriFeatureFilter *filter;
  GtkWidget        *checks[BRI_FEATURE_N_KINDS];
  guint             counts[BRI_FEATURE_N_KINDS];
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (BriLegend, bri_legend, GTK_TYPE_WIDGET)

typedef struct
{
  BriFeatureKind kind;
  BriPrecision   precision;
} Symbol;

static void
draw_symbol (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  Symbol *symbol = user_data;
  BriTileStyle style = bri_panel_get_tile_style ();

  /* The card is light or dark with the window: the symbols take the
   * colours of the map of the same style, which stand out from it. */
  bri_feature_style_draw_legend_symbol (cr, symbol->kind, symbol->precision, style, width, height);
}

static void
on_dark_changed_cb (BriLegend *self)
{
  for (guint i = 0; i < self->symbols->len; i++)
    gtk_widget_queue_draw (g_ptr_array_index (self->symbols, i));
}

static GtkWidget *
symbol_new (BriLegend      *self,
            BriFeatureKind  kind,
            BriPrecision    precision)
{
  GtkWidget *area = gtk_drawing_area_new ();
  Symbol *symbol = g_new (Symbol, 1);

  symbol->kind = kind;
  symbol->precision = precision;
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 32);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 18);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_symbol, symbol, g_free);
  gtk_accessible_update_state (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  g_ptr_array_add (self->symbols, area);

  return area;
}

static void
sync_from_filter (BriLegend *self)
{
  self->updating = TRUE;
  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    if (self->checks[k] != NULL)
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->checks[k]),
                                   bri_feature_filter_get_kind_shown (self->filter, k));
  self->updating = FALSE;
}

static void
on_check_toggled (GtkCheckButton *check,
                  BriLegend      *self)
{
  BriFeatureKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "kind"));

  if (self->updating || self->filter == NULL)
    return;

  bri_feature_filter_set_kind_shown (self->filter, kind, gtk_check_button_get_active (check));
}

static void
on_filter_changed (BriFeatureFilter *filter,
                   BriLegend        *self)
{
  sync_from_filter (self);
}

static GtkWidget *
row_new (GtkWidget  *symbol,
         const char *label)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  /* On the smallest map the legend narrows to pass beside the zoom
   * buttons: its names give way first. */
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (text, label);
  gtk_box_append (GTK_BOX (row), symbol);
  gtk_box_append (GTK_BOX (row), text);

  return row;
}

/* The first kind in the legend that is (or is not) a line: the example
 * for the precision rows. */
static BriFeatureKind
first_kind (gboolean linear)
{
  guint n_kinds;
  const BriFeatureKind *order = bri_feature_kind_get_legend_order (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    if (bri_feature_kind_is_linear (order[i]) == linear)
      return order[i];

  return order[0];
}

static void
rebuild (BriLegend *self)
{
  GtkWidget *child;
  GtkWidget *caption;
  guint n_kinds;
  const BriFeatureKind *order = bri_feature_kind_get_legend_order (&n_kinds);
  const struct { BriPrecision precision; gboolean linear; const char *label; } precisions[] = {
    { BRI_PRECISION_EXACT, FALSE, N_("Exact site") },
    { BRI_PRECISION_TOWN, FALSE, N_("Town-level location") },
    { BRI_PRECISION_SCHEMATIC, TRUE, N_("Schematic line (not surveyed)") },
  };

  while ((child = gtk_widget_get_first_child (self->rows)) != NULL)
    gtk_box_remove (GTK_BOX (self->rows), child);
  memset (self->checks, 0, sizeof self->checks);
  g_ptr_array_set_size (self->symbols, 0);

  for (guint i = 0; i < n_kinds; i++)
    {
      BriFeatureKind k = order[i];
      GtkWidget *check;
      g_autofree char *label = NULL;
      g_autofree char *tooltip = NULL;

      /* Kinds the atlas does not use would only be noise. */
      if (self->counts[k] == 0)
        continue;

      label = g_strdup_printf ("%s (%u)", bri_feature_kind_get_label (k), self->counts[k]);
      tooltip = g_strdup_printf (_("Show or hide: %s"), bri_feature_kind_get_label (k));
      check = gtk_check_button_new ();
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check),
                                  row_new (symbol_new (self, k, bri_feature_kind_is_linear (k)
                                                          ? BRI_PRECISION_TOWN : BRI_PRECISION_EXACT),
                                           label));
      gtk_widget_set_tooltip_text (check, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, bri_feature_kind_get_label (k),
                                      -1);
      g_object_set_data (G_OBJECT (check), "kind", GUINT_TO_POINTER (k));
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
      gtk_box_append (GTK_BOX (self->rows), check);
      self->checks[k] = check;
    }

  caption = gtk_label_new (_("Precision"));
  gtk_widget_add_css_class (caption, "heading");
  gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
  gtk_widget_set_margin_top (caption, 8);
  gtk_box_append (GTK_BOX (self->rows), caption);

  for (guint i = 0; i < G_N_ELEMENTS (precisions); i++)
    {
      GtkWidget *row = row_new (symbol_new (self, first_kind (precisions[i].linear), precisions[i].precision),
                                _(precisions[i].label));

      gtk_widget_set_margin_start (row, 4);
      gtk_box_append (GTK_BOX (self->rows), row);
    }

  if (self->filter != NULL)
    sync_from_filter (self);
}

void
bri_legend_set_filter (BriLegend        *self,
                       BriFeatureFilter *filter,
                       GListModel       *all_features)
{
  g_return_if_fail (BRI_IS_LEGEND (self));
  g_return_if_fail (BRI_IS_FEATURE_FILTER (filter));

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, on_filter_changed, self);
  g_set_object (&self->filter, filter);
  g_signal_connect_object (filter, "changed", G_CALLBACK (on_filter_changed), self, 0);

  memset (self->counts, 0, sizeof self->counts);
  for (guint i = 0; i < g_list_model_get_n_items (all_features); i++)
    {
      g_autoptr(BriFeature) f = g_list_model_get_item (all_features, i);
      self->counts[bri_feature_get_kind (f)]++;
    }

  rebuild (self);
}

/* A revealer keeps its child's width when closed: hidden once closed,
 * it leaves the closed legend no wider than its button, which passes
 * beside the scale bar on a small window. */
static void
on_toggled_cb (BriLegend *self)
{
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->toggle)))
    gtk_widget_set_visible (self->revealer, TRUE);
}

static void
on_child_revealed_cb (BriLegend *self)
{
  if (!gtk_revealer_get_child_revealed (GTK_REVEALER (self->revealer)))
    gtk_widget_set_visible (self->revealer, FALSE);
}

static void
bri_legend_dispose (GObject *object)
{
  BriLegend *self = (BriLegend *)object;

  g_clear_object (&self->filter);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->symbols, g_ptr_array_unref);

  G_OBJECT_CLASS (bri_legend_parent_class)->dispose (object);
}

static void
bri_legend_class_init (BriLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bri_legend_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "legend");
}

static void
bri_legend_init (BriLegend *self)
{
  GtkWidget *header;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_add_css_class (self->box, "bri-legend");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (header), gtk_image_new_from_icon_name ("view-list-bullet-symbolic"));
  gtk_box_append (GTK_BOX (header), gtk_label_new (_("Legend")));

  self->toggle = gtk_toggle_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->toggle), header);
  gtk_widget_add_css_class (self->toggle, "flat");
  gtk_widget_set_tooltip_text (self->toggle, _("Show the legend and choose the kinds of place shown"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"), -1);
  gtk_box_append (GTK_BOX (self->box), self->toggle);

  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  g_object_bind_property (self->toggle, "active", self->revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->toggle, "toggled", G_CALLBACK (on_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->revealer, "notify::child-revealed",
                           G_CALLBACK (on_child_revealed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (self->revealer, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->revealer);

  /* The rows scroll when the map gives the legend less than their
   * height (bri_legend_get_compact_height()). */
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), self->scroller);

  self->rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_start (self->rows, 10);
  gtk_widget_set_margin_end (self->rows, 10);
  gtk_widget_set_margin_bottom (self->rows, 10);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->rows);

  self->symbols = g_ptr_array_new ();
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * bri_legend_compute_allocation:
 * @map_width: the size of the map the legend lies over
 * @avoid: (nullable): what else lies at the bottom of the map, in the
 *   corner opposite the legend's (the scale bar): the legend leaves it clear
 * @avoid_top: (nullable): what lies at the top of the map, in the corner
 *   opposite the legend's (the zoom buttons): a legend wide enough to
 *   reach under it stays below it, its rows scrolling, as long as its
 *   heading and a row fit
 * @alloc: (out): where the legend goes, margins included, in the map's
 *   coordinates
 *
 * On a large map the open legend keeps its natural size.  On a small one
 * its list would cover most of the map: there it gives up height (its
 * rows scroll) until it covers no more than MAX_MAP_SHARE of the map.
 * Where it is too wide to pass beside @avoid, it stands on top of it.
 * For the map's overlay, which places the legend by its aligns.
 */
void
bri_legend_compute_allocation (BriLegend          *self,
                               int                 map_width,
                               int                 map_height,
                               const GdkRectangle *avoid,
                               const GdkRectangle *avoid_top,
                               GdkRectangle       *alloc)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkRequisition min, nat;
  int room = map_height;

  g_return_if_fail (BRI_IS_LEGEND (self));
  g_return_if_fail (alloc != NULL);

  gtk_widget_get_preferred_size (widget, &min, &nat);
  alloc->width = MAX (min.width, MIN (nat.width, map_width));
  if (avoid != NULL && avoid->width > 0 && avoid->height > 0 &&
      alloc->width > avoid->x && alloc->width > map_width - (avoid->x + avoid->width))
    room = avoid->y;

  alloc->height = MIN (nat.height, room);
  if (map_width < COMPACT_MAP_WIDTH || map_height < COMPACT_MAP_HEIGHT)
    {
      double budget = MAX_MAP_SHARE * map_width * map_height / MAX (alloc->width, 1);

      if (alloc->height > budget)
        alloc->height = MAX (budget, MIN (alloc->height, MIN_COMPACT_HEIGHT));
    }
  alloc->height = MAX (alloc->height, min.height);

  /* Under the zoom buttons: narrower, to pass beside them, if its names
   * can give way enough; otherwise lower. */
  if (avoid_top != NULL && avoid_top->width > 0 && avoid_top->height > 0 &&
      alloc->width > avoid_top->x - ZOOM_GAP && room - alloc->height < avoid_top->y + avoid_top->height)
    {
      if (min.width <= avoid_top->x - ZOOM_GAP)
        alloc->width = avoid_top->x - ZOOM_GAP;
      else
        alloc->height = MAX (room - (avoid_top->y + avoid_top->height), min.height);
    }

  alloc->x = gtk_widget_get_halign (widget) == GTK_ALIGN_END ? map_width - alloc->width : 0;
  alloc->y = gtk_widget_get_valign (widget) == GTK_ALIGN_END ? room - alloc->height : 0;
}

GtkWidget *
bri_legend_new (void)
{
  return g_object_new (BRI_TYPE_LEGEND, NULL);
}
