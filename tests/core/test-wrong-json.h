/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For the loaders' type checks: a JSON record with one member replaced by
 * a value of each JSON type. */
#pragma once

#include <string.h>

#include <json-glib/json-glib.h>

typedef enum
{
  WRONG_NUMBER,
  WRONG_STRING,
  WRONG_ARRAY,
  WRONG_OBJECT,
  WRONG_NULL,
  WRONG_TRUE,
  N_WRONG
} Wrong;

static const char * const wrong_json[N_WRONG] = {
  [WRONG_NUMBER] = "5",
  [WRONG_STRING] = "\"x\"",
  [WRONG_ARRAY]  = "[true]",   /* an array, and not of what any list of ours holds */
  [WRONG_OBJECT] = "{\"a\": 1}",
  [WRONG_NULL]   = "null",
  [WRONG_TRUE]   = "true",
};

/* A bit per replacement that is in fact valid for a member (a string
 * where a string belongs, null where the format allows it). */
#define OK(w) (1u << (w))

/* @json with the member at @path ("geometry.type": the member "type" of
 * the object "geometry") set to the JSON @value. */
static inline char *
json_with_member (const char *json,
                  const char *path,
                  const char *value)
{
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  g_autoptr(JsonNode) replacement = json_from_string (value, NULL);
  g_auto(GStrv) names = g_strsplit (path, ".", -1);
  JsonObject *object;
  guint n = g_strv_length (names);

  g_assert_nonnull (root);
  g_assert_nonnull (replacement);

  object = json_node_get_object (root);
  for (guint i = 0; i + 1 < n; i++)
    object = json_object_get_object_member (object, names[i]);
  json_object_set_member (object, names[n - 1], g_steal_pointer (&replacement));

  return json_to_string (root, FALSE);
}
