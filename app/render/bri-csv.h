/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing CSV as RFC 4180 has it: fields separated by commas, records
 * ended by CRLF, a field quoted when it holds a comma, a quote or a line
 * break, and its quotes doubled.  Passages hold all three. */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

static inline void
bri_csv_append_field (GString    *out,
                      const char *value,
                      gboolean    last)
{
  if (value == NULL)
    value = "";

  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);

  g_string_append (out, last ? "\r\n" : ",");
}

/* A whole record of @n_fields fields; a NULL field is empty. */
static inline void
bri_csv_append_record (GString            *out,
                       const char * const *fields,
                       guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    bri_csv_append_field (out, fields[i], i + 1 == n_fields);
}

G_END_DECLS
