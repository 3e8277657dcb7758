/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriJsonRecord: reads the members of one record of a JSON data file
 * (a feature, a country, a catalogue entry) with every type checked, and
 * words the error the same way for every file: where, which field, what
 * was expected and what was found. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  BRI_JSON_OPTIONAL  = 0,       /* absent or null: the caller's default */
  BRI_JSON_REQUIRED  = 1 << 0,  /* absent or null is an error */
  BRI_JSON_NON_EMPTY = 1 << 1,  /* "" (or "" in a list) is an error */
} BriJsonFlags;

typedef struct
{
  GQuark      domain;
  int         code;
  char       *where;   /* "features.geojson: feature 3 (“gwadar-port”)" */
  const char *parent;  /* "geometry" while reading the geometry's members */
} BriJsonRecord;

void        bri_json_record_init       (BriJsonRecord       *record,
                                        GQuark               domain,
                                        int                  code);
void        bri_json_record_set_where  (BriJsonRecord       *record,
                                        const char          *format,
                                        ...) G_GNUC_PRINTF (2, 3);
void        bri_json_record_clear      (BriJsonRecord       *record);

gboolean    bri_json_record_fail       (const BriJsonRecord *record,
                                        GError             **error,
                                        const char          *format,
                                        ...) G_GNUC_PRINTF (3, 4);
gboolean    bri_json_record_fail_type  (const BriJsonRecord *record,
                                        GError             **error,
                                        const char          *member,
                                        const char          *expected,
                                        JsonNode            *found);

char       *bri_json_record_field_name (const BriJsonRecord *record,
                                        const char          *member);

const char *bri_json_node_describe     (JsonNode            *node);
gboolean    bri_json_node_is_number    (JsonNode            *node);

gboolean    bri_json_record_get_string (const BriJsonRecord *record,
                                        JsonObject          *object,
                                        const char          *member,
                                        BriJsonFlags         flags,
                                        const char         **out,
                                        GError             **error);
gboolean    bri_json_record_get_strv   (const BriJsonRecord *record,
                                        JsonObject          *object,
                                        const char          *member,
                                        BriJsonFlags         flags,
                                        char              ***out,
                                        GError             **error);
gboolean    bri_json_record_get_int    (const BriJsonRecord *record,
                                        JsonObject          *object,
                                        const char          *member,
                                        BriJsonFlags         flags,
                                        gint64               min,
                                        gint64               max,
                                        gint64              *out,
                                        GError             **error);
gboolean    bri_json_record_get_numbers (const BriJsonRecord *record,
                                         JsonObject          *object,
                                         const char          *member,
                                         guint                n,
                                         double              *out,
                                         GError             **error);
gboolean    bri_json_record_get_object (const BriJsonRecord *record,
                                        JsonObject          *object,
                                        const char          *member,
                                        BriJsonFlags         flags,
                                        JsonObject         **out,
                                        GError             **error);
gboolean    bri_json_record_get_member (const BriJsonRecord *record,
                                        JsonObject          *object,
                                        const char          *member,
                                        BriJsonFlags         flags,
                                        JsonNode           **out,
                                        GError             **error);

G_END_DECLS
