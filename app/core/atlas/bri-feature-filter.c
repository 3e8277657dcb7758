/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriFeatureFilter: which features the map and the side list show — by
 * kind (the legend), status, source document ("only what the 2023 white
 * paper mentions"), years and region ("East Africa").  The window wraps it in a GtkCustomFilter;
 * the rule itself lives here so it can be tested without a display.
 * Properties are plain types so GSettings can remember them. */

#define G_LOG_DOMAIN "bri-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "bri-feature-filter.h"

struct _BriFeatureFilter
{
  GObject     parent_instance;

  BriAtlas   *atlas;
  guint       hidden_kinds;  /* bit per BriFeatureKind */
  char       *status;        /* NULL: any */
  char       *document;      /* NULL: any */
  int         min_year;      /* 0: open */
  int         max_year;      /* 0: open */
  char       *region;        /* NULL: anywhere */
  GHashTable *in_document;   /* BriFeature set, for the current document */
};

G_DEFINE_FINAL_TYPE (BriFeatureFilter, bri_feature_filter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ATLAS,
  PROP_HIDDEN_KINDS,
  PROP_STATUS,
  PROP_DOCUMENT,
  PROP_MIN_YEAR,
  PROP_MAX_YEAR,
  PROP_REGION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* g_set_str() is GLib 2.76; we build against 2.74. */
static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
emit_changed (BriFeatureFilter *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static char **
hidden_kinds_strv (BriFeatureFilter *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint k = 0; k < BRI_FEATURE_N_KINDS; k++)
    if (self->hidden_kinds & (1u << k))
      g_strv_builder_add (builder, bri_feature_kind_to_string (k));

  return g_strv_builder_end (builder);
}

static void
set_hidden_kinds_strv (BriFeatureFilter   *self,
                       const char * const *kinds)
{
  guint mask = 0;

  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    {
      BriFeatureKind kind;

      /* Unknown names (from an older or newer version) are ignored. */
      if (bri_feature_kind_from_string (kinds[i], &kind))
        mask |= 1u << kind;
    }

  if (mask == self->hidden_kinds)
    return;

  self->hidden_kinds = mask;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_KINDS]);
  emit_changed (self);
}

static void
bri_feature_filter_dispose (GObject *object)
{
  BriFeatureFilter *self = (BriFeatureFilter *)object;

  g_clear_object (&self->atlas);

  G_OBJECT_CLASS (bri_feature_filter_parent_class)->dispose (object);
}

static void
bri_feature_filter_finalize (GObject *object)
{
  BriFeatureFilter *self = (BriFeatureFilter *)object;

  g_free (self->status);
  g_free (self->document);
  g_free (self->region);
  g_clear_pointer (&self->in_document, g_hash_table_unref);

  G_OBJECT_CLASS (bri_feature_filter_parent_class)->finalize (object);
}

static void
bri_feature_filter_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BriFeatureFilter *self = BRI_FEATURE_FILTER (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      g_value_set_object (value, self->atlas);
      break;
    case PROP_HIDDEN_KINDS:
      g_value_take_boxed (value, hidden_kinds_strv (self));
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status ? self->status : "");
      break;
    case PROP_DOCUMENT:
      g_value_set_string (value, self->document ? self->document : "");
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region ? self->region : "");
      break;
    case PROP_MIN_YEAR:
      g_value_set_int (value, self->min_year);
      break;
    case PROP_MAX_YEAR:
      g_value_set_int (value, self->max_year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_feature_filter_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BriFeatureFilter *self = BRI_FEATURE_FILTER (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      self->atlas = g_value_dup_object (value);
      break;
    case PROP_HIDDEN_KINDS:
      set_hidden_kinds_strv (self, g_value_get_boxed (value));
      break;
    case PROP_STATUS:
      bri_feature_filter_set_status (self, g_value_get_string (value));
      break;
    case PROP_DOCUMENT:
      bri_feature_filter_set_document (self, g_value_get_string (value));
      break;
    case PROP_REGION:
      bri_feature_filter_set_region (self, g_value_get_string (value));
      break;
    case PROP_MIN_YEAR:
      bri_feature_filter_set_years (self, g_value_get_int (value), self->max_year);
      break;
    case PROP_MAX_YEAR:
      bri_feature_filter_set_years (self, self->min_year, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_feature_filter_class_init (BriFeatureFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bri_feature_filter_dispose;
  object_class->finalize = bri_feature_filter_finalize;
  object_class->get_property = bri_feature_filter_get_property;
  object_class->set_property = bri_feature_filter_set_property;

  properties[PROP_ATLAS] =
    g_param_spec_object ("atlas", NULL, NULL, BRI_TYPE_ATLAS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDDEN_KINDS] =
    g_param_spec_boxed ("hidden-kinds", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_string ("document", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_YEAR] =
    g_param_spec_int ("min-year", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_YEAR] =
    g_param_spec_int ("max-year", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BriFeatureFilter::changed:
   *
   * The set of features that match may have changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bri_feature_filter_init (BriFeatureFilter *self)
{
}

BriFeatureFilter *
bri_feature_filter_new (BriAtlas *atlas)
{
  g_return_val_if_fail (BRI_IS_ATLAS (atlas), NULL);

  return g_object_new (BRI_TYPE_FEATURE_FILTER, "atlas", atlas, NULL);
}

static gboolean
in_document (BriFeatureFilter *self,
             BriFeature       *feature)
{
  if (self->in_document == NULL)
    {
      GListModel *features = bri_atlas_get_features (self->atlas);

      /* Worked out once per document choice, not once per feature draw. */
      self->in_document = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (features); i++)
        {
          g_autoptr(BriFeature) f = g_list_model_get_item (features, i);
          g_autoptr(GListModel) passages = bri_atlas_get_feature_passages (self->atlas, f);

          for (guint p = 0; p < g_list_model_get_n_items (passages); p++)
            {
              g_autoptr(BriPassage) passage = g_list_model_get_item (passages, p);

              if (g_strcmp0 (bri_passage_get_document_id (passage), self->document) == 0)
                {
                  g_hash_table_add (self->in_document, f);
                  break;
                }
            }
        }
    }

  return g_hash_table_contains (self->in_document, feature);
}

gboolean
bri_feature_filter_matches (BriFeatureFilter *self,
                            BriFeature       *feature)
{
  int year;

  g_return_val_if_fail (BRI_IS_FEATURE_FILTER (self), FALSE);
  g_return_val_if_fail (BRI_IS_FEATURE (feature), FALSE);

  if (self->hidden_kinds & (1u << bri_feature_get_kind (feature)))
    return FALSE;

  if (self->status != NULL && g_strcmp0 (bri_feature_get_status (feature), self->status) != 0)
    return FALSE;

  if (self->min_year != 0 || self->max_year != 0)
    {
      /* A feature without a year cannot be placed in a range. */
      year = bri_feature_get_year (feature);
      if (year == 0)
        return FALSE;
      if (self->min_year != 0 && year < self->min_year)
        return FALSE;
      if (self->max_year != 0 && year > self->max_year)
        return FALSE;
    }

  if (self->document != NULL && !in_document (self, feature))
    return FALSE;

  if (self->region != NULL)
    {
      BriRegion *region = bri_atlas_lookup_region (self->atlas, self->region);
      gboolean inside = FALSE;

      for (const char * const *c = bri_feature_get_countries (feature); region != NULL && *c && !inside; c++)
        inside = bri_region_has_country (region, *c);
      if (!inside)
        return FALSE;
    }

  return TRUE;
}

gboolean
bri_feature_filter_is_active (BriFeatureFilter *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_FILTER (self), FALSE);

  return self->hidden_kinds != 0 || self->status != NULL || self->document != NULL ||
         self->min_year != 0 || self->max_year != 0 || self->region != NULL;
}

void
bri_feature_filter_reset (BriFeatureFilter *self)
{
  g_return_if_fail (BRI_IS_FEATURE_FILTER (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_hidden_kinds_strv (self, NULL);
  bri_feature_filter_set_status (self, NULL);
  bri_feature_filter_set_document (self, NULL);
  bri_feature_filter_set_years (self, 0, 0);
  bri_feature_filter_set_region (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

/* "Only Ports", "Hidden: Railways, Bridges" or "12 kinds hidden":
 * whichever list is the shorter, when it is short. */
static char *
describe_kinds (BriFeatureFilter *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GPtrArray) hidden = g_ptr_array_new ();
  guint n_kinds;
  const BriFeatureKind *order = bri_feature_kind_get_legend_order (&n_kinds);
  g_autofree char *list = NULL;

  for (guint i = 0; i < n_kinds; i++)
    g_ptr_array_add (self->hidden_kinds & (1u << order[i]) ? hidden : shown,
                     (gpointer) bri_feature_kind_get_plural_label (order[i]));

  if (shown->len == 0)
    return g_strdup (_("Every kind hidden"));

  if (hidden->len <= 2 || shown->len <= 2)
    {
      GPtrArray *named = hidden->len <= 2 ? hidden : shown;

      g_ptr_array_add (named, NULL);
      /* TRANSLATORS: between kinds of place in a filter's summary */
      list = g_strjoinv (_(", "), (char **) named->pdata);
      /* TRANSLATORS: a filter's summary; %s is one or two kinds of place ("Ports, Railways") */
      return g_strdup_printf (named == hidden ? _("Hidden: %s") : _("Only %s"), list);
    }

  /* TRANSLATORS: a filter's summary */
  return g_strdup_printf (ngettext ("%u kind hidden", "%u kinds hidden", hidden->len), hidden->len);
}

/**
 * bri_feature_filter_describe_facet:
 * @facet: a part of the filter
 *
 * What @facet of the filter keeps out, in a few words for a chip above
 * the list of places: "Status: Planned", "2015–2020", "Region: East
 * Africa".
 *
 * Returns: (transfer full) (nullable): the summary, or %NULL when @facet
 *   lets every place through
 */
char *
bri_feature_filter_describe_facet (BriFeatureFilter      *self,
                                   BriFeatureFilterFacet  facet)
{
  g_return_val_if_fail (BRI_IS_FEATURE_FILTER (self), NULL);
  g_return_val_if_fail (facet < BRI_FEATURE_FILTER_N_FACETS, NULL);

  switch (facet)
    {
    case BRI_FEATURE_FILTER_FACET_KINDS:
      return self->hidden_kinds != 0 ? describe_kinds (self) : NULL;

    case BRI_FEATURE_FILTER_FACET_STATUS:
      if (self->status == NULL)
        return NULL;
      /* TRANSLATORS: a filter's summary; %s is a status ("Planned") */
      return g_strdup_printf (_("Status: %s"), bri_feature_status_get_label (self->status));

    case BRI_FEATURE_FILTER_FACET_DOCUMENT:
      {
        BriDocument *document;

        if (self->document == NULL)
          return NULL;
        document = bri_atlas_lookup_document (self->atlas, self->document);
        /* TRANSLATORS: a filter's summary; %s is a document's title */
        return g_strdup_printf (_("Mentioned in “%s”"),
                                document != NULL ? bri_document_get_title (document) : self->document);
      }

    case BRI_FEATURE_FILTER_FACET_YEARS:
      if (self->min_year != 0 && self->max_year != 0)
        /* TRANSLATORS: a filter's summary: a range of years */
        return g_strdup_printf (_("Years %d–%d"), self->min_year, self->max_year);
      if (self->min_year != 0)
        /* TRANSLATORS: a filter's summary: a range of years open at its end */
        return g_strdup_printf (_("From %d"), self->min_year);
      if (self->max_year != 0)
        /* TRANSLATORS: a filter's summary: a range of years open at its start */
        return g_strdup_printf (_("Until %d"), self->max_year);
      return NULL;

    case BRI_FEATURE_FILTER_FACET_REGION:
      {
        BriRegion *region;

        if (self->region == NULL)
          return NULL;
        region = bri_atlas_lookup_region (self->atlas, self->region);
        /* TRANSLATORS: a filter's summary; %s is a region ("East Africa") */
        return g_strdup_printf (_("Region: %s"), region != NULL ? bri_region_get_name (region) : self->region);
      }

    case BRI_FEATURE_FILTER_N_FACETS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * bri_feature_filter_clear_facet:
 * @facet: a part of the filter
 *
 * Lets every place through @facet, the rest of the filter unchanged.
 */
void
bri_feature_filter_clear_facet (BriFeatureFilter      *self,
                                BriFeatureFilterFacet  facet)
{
  g_return_if_fail (BRI_IS_FEATURE_FILTER (self));
  g_return_if_fail (facet < BRI_FEATURE_FILTER_N_FACETS);

  switch (facet)
    {
    case BRI_FEATURE_FILTER_FACET_KINDS:
      set_hidden_kinds_strv (self, NULL);
      break;
    case BRI_FEATURE_FILTER_FACET_STATUS:
      bri_feature_filter_set_status (self, NULL);
      break;
    case BRI_FEATURE_FILTER_FACET_DOCUMENT:
      bri_feature_filter_set_document (self, NULL);
      break;
    case BRI_FEATURE_FILTER_FACET_YEARS:
      bri_feature_filter_set_years (self, 0, 0);
      break;
    case BRI_FEATURE_FILTER_FACET_REGION:
      bri_feature_filter_set_region (self, NULL);
      break;
    case BRI_FEATURE_FILTER_N_FACETS:
    default:
      g_return_if_reached ();
    }
}

gboolean
bri_feature_filter_get_kind_shown (BriFeatureFilter *self,
                                   BriFeatureKind    kind)
{
  g_return_val_if_fail (BRI_IS_FEATURE_FILTER (self), FALSE);
  g_return_val_if_fail (kind < BRI_FEATURE_N_KINDS, FALSE);

  return (self->hidden_kinds & (1u << kind)) == 0;
}

void
bri_feature_filter_set_kind_shown (BriFeatureFilter *self,
                                   BriFeatureKind    kind,
                                   gboolean          shown)
{
  guint mask;

  g_return_if_fail (BRI_IS_FEATURE_FILTER (self));
  g_return_if_fail (kind < BRI_FEATURE_N_KINDS);

  mask = shown ? self->hidden_kinds & ~(1u << kind) : self->hidden_kinds | (1u << kind);
  if (mask == self->hidden_kinds)
    return;

  self->hidden_kinds = mask;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_KINDS]);
  emit_changed (self);
}

const char *
bri_feature_filter_get_status (BriFeatureFilter *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_FILTER (self), NULL);
  return self->status;
}

/* @status: (nullable): a status name, or %NULL or "" for any */
void
bri_feature_filter_set_status (BriFeatureFilter *self,
                               const char       *status)
{
  g_return_if_fail (BRI_IS_FEATURE_FILTER (self));

  if (status != NULL && status[0] == '\0')
    status = NULL;

  if (set_str (&self->status, status))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
      emit_changed (self);
    }
}

const char *
bri_feature_filter_get_document (BriFeatureFilter *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_FILTER (self), NULL);
  return self->document;
}

/* @document_id: (nullable): a document id, or %NULL or "" for any */
void
bri_feature_filter_set_document (BriFeatureFilter *self,
                                 const char       *document_id)
{
  g_return_if_fail (BRI_IS_FEATURE_FILTER (self));

  if (document_id != NULL && document_id[0] == '\0')
    document_id = NULL;

  if (set_str (&self->document, document_id))
    {
      g_clear_pointer (&self->in_document, g_hash_table_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
      emit_changed (self);
    }
}

int
bri_feature_filter_get_min_year (BriFeatureFilter *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_FILTER (self), 0);
  return self->min_year;
}

int
bri_feature_filter_get_max_year (BriFeatureFilter *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_FILTER (self), 0);
  return self->max_year;
}

/* 0 leaves that end of the range open. */
void
bri_feature_filter_set_years (BriFeatureFilter *self,
                              int               min_year,
                              int               max_year)
{
  gboolean changed = FALSE;

  g_return_if_fail (BRI_IS_FEATURE_FILTER (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->min_year != min_year)
    {
      self->min_year = min_year;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_YEAR]);
      changed = TRUE;
    }
  if (self->max_year != max_year)
    {
      self->max_year = max_year;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_YEAR]);
      changed = TRUE;
    }
  g_object_thaw_notify (G_OBJECT (self));

  if (changed)
    emit_changed (self);
}

const char *
bri_feature_filter_get_region (BriFeatureFilter *self)
{
  g_return_val_if_fail (BRI_IS_FEATURE_FILTER (self), NULL);
  return self->region;
}

/* @region_id: (nullable): a region's id, or %NULL or "" for anywhere */
void
bri_feature_filter_set_region (BriFeatureFilter *self,
                               const char       *region_id)
{
  g_return_if_fail (BRI_IS_FEATURE_FILTER (self));

  if (region_id != NULL && region_id[0] == '\0')
    region_id = NULL;

  if (set_str (&self->region, region_id))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}
