/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriRegion: a named part of the world and its countries, for search
 * results and the map's region filter.  Immutable. */

#define G_LOG_DOMAIN "bri-region"

#include "config.h"

#include "bri-region.h"

struct _BriRegion
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char   **countries;
};

G_DEFINE_FINAL_TYPE (BriRegion, bri_region, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bri_region_finalize (GObject *object)
{
  BriRegion *self = (BriRegion *)object;

  g_free (self->id);
  g_free (self->name);
  g_strfreev (self->countries);

  G_OBJECT_CLASS (bri_region_parent_class)->finalize (object);
}

static void
bri_region_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BriRegion *self = BRI_REGION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bri_region_class_init (BriRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bri_region_finalize;
  object_class->get_property = bri_region_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bri_region_init (BriRegion *self)
{
}

BriRegion *
bri_region_new (const char         *id,
                const char         *name,
                const char * const *countries)
{
  BriRegion *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (BRI_TYPE_REGION, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->countries = g_strdupv ((char **) countries);

  return self;
}

const char *
bri_region_get_id (BriRegion *self)
{
  g_return_val_if_fail (BRI_IS_REGION (self), NULL);
  return self->id;
}

/* "East Africa", "the Balkans": as it reads in a sentence. */
const char *
bri_region_get_name (BriRegion *self)
{
  g_return_val_if_fail (BRI_IS_REGION (self), NULL);
  return self->name;
}

const char * const *
bri_region_get_countries (BriRegion *self)
{
  g_return_val_if_fail (BRI_IS_REGION (self), NULL);
  return (const char * const *) self->countries;
}

gboolean
bri_region_has_country (BriRegion  *self,
                        const char *alpha2)
{
  g_return_val_if_fail (BRI_IS_REGION (self), FALSE);

  return self->countries != NULL && g_strv_contains ((const char * const *) self->countries, alpha2);
}
