/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small scanner over JSON text that json-glib has already accepted (or,
 * for the depth check, before it reads it): it finds where a member's
 * value starts, so that "stop 3: “caption” must be a string" can also
 * say on which line.  Lines and columns count from 1; columns count
 * characters, not bytes. */

#define G_LOG_DOMAIN "bri-json-locate"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bri-json-locate.h"

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
  guint       column;
} Scan;

static void
scan_init (Scan       *s,
           const char *text,
           gsize       length)
{
  s->p = text;
  s->end = text + length;
  s->line = 1;
  s->column = 1;
}

static gboolean
at_end (Scan *s)
{
  return s->p >= s->end;
}

static void
advance (Scan *s)
{
  if (*s->p == '\n')
    {
      s->line++;
      s->column = 1;
    }
  else if (s->p + 1 >= s->end || ((guchar) s->p[1] & 0xC0) != 0x80)
    {
      /* The column moves on once per character: at its last byte. */
      s->column++;
    }
  s->p++;
}

static void
skip_space (Scan *s)
{
  while (!at_end (s) && strchr (" \t\r\n", *s->p) != NULL && *s->p != '\0')
    advance (s);
}

static void
skip_string (Scan *s)
{
  g_assert (*s->p == '"');

  advance (s);
  while (!at_end (s) && *s->p != '"')
    {
      if (*s->p == '\\' && s->p + 1 < s->end)
        advance (s);
      advance (s);
    }
  if (!at_end (s))
    advance (s);
}

static void
skip_value (Scan *s)
{
  int depth = 0;

  skip_space (s);
  if (at_end (s))
    return;

  if (*s->p != '{' && *s->p != '[')
    {
      if (*s->p == '"')
        {
          skip_string (s);
          return;
        }
      while (!at_end (s) && strchr (",]} \t\r\n", *s->p) == NULL)
        advance (s);
      return;
    }

  while (!at_end (s))
    {
      if (*s->p == '"')
        {
          skip_string (s);
          continue;
        }
      if (*s->p == '{' || *s->p == '[')
        depth++;
      else if (*s->p == '}' || *s->p == ']')
        depth--;
      advance (s);
      if (depth == 0)
        return;
    }
}

/* Past the value @s is at and the comma after it: FALSE at the end of
 * the object or array. */
static gboolean
skip_to_next (Scan *s)
{
  skip_value (s);
  skip_space (s);
  if (at_end (s) || *s->p != ',')
    return FALSE;

  advance (s);
  return TRUE;
}

/* Moves @s to the value of the member @name of the object @s is at. */
static gboolean
enter_member (Scan       *s,
              const char *name)
{
  gsize name_len = strlen (name);

  advance (s);  /* { */
  for (;;)
    {
      const char *key;
      gsize key_len;

      skip_space (s);
      if (at_end (s) || *s->p != '"')
        return FALSE;

      key = s->p + 1;
      skip_string (s);
      key_len = s->p - key - 1;
      skip_space (s);
      if (at_end (s) || *s->p != ':')
        return FALSE;
      advance (s);
      skip_space (s);

      if (key_len == name_len && strncmp (key, name, name_len) == 0)
        return TRUE;

      if (!skip_to_next (s))
        return FALSE;
    }
}

/* Moves @s to the item @index of the array @s is at. */
static gboolean
enter_item (Scan  *s,
            guint  index)
{
  advance (s);  /* [ */
  for (guint i = 0;; i++)
    {
      skip_space (s);
      if (at_end (s) || *s->p == ']')
        return FALSE;
      if (i == index)
        return TRUE;

      if (!skip_to_next (s))
        return FALSE;
    }
}

/**
 * bri_json_locate:
 * @path: members and array positions from the root, joined by dots:
 *   "stops.2.caption" is the member "caption" of the third item of the
 *   member "stops"
 * @line: (out): the line where the value at @path starts, or where the
 *   deepest part of the path that exists starts
 * @column: (out): its column
 */
void
bri_json_locate (const char *text,
                 gsize       length,
                 const char *path,
                 guint      *line,
                 guint      *column)
{
  g_auto(GStrv) parts = g_strsplit (path != NULL ? path : "", ".", -1);
  Scan s;
  Scan found;

  scan_init (&s, text, length);
  skip_space (&s);
  found = s;

  for (guint i = 0; parts[i] != NULL && parts[i][0] != '\0'; i++)
    {
      gboolean ok;

      if (at_end (&s))
        break;

      if (*s.p == '{')
        ok = enter_member (&s, parts[i]);
      else if (*s.p == '[' && g_ascii_isdigit (parts[i][0]))
        ok = enter_item (&s, (guint) strtoul (parts[i], NULL, 10));
      else
        ok = FALSE;

      if (!ok)
        break;
      found = s;
    }

  *line = found.line;
  *column = found.column;
}

/**
 * bri_json_check_depth:
 * @line: (out): where the text first nests deeper than @max_depth
 * @column: (out): its column
 *
 * json-glib reads nested arrays by recursion: a file of a million "["
 * would exhaust the stack before it could say the file is wrong.
 *
 * Returns: %FALSE if arrays and objects nest deeper than @max_depth
 */
gboolean
bri_json_check_depth (const char *text,
                      gsize       length,
                      guint       max_depth,
                      guint      *line,
                      guint      *column)
{
  guint depth = 0;
  Scan s;

  scan_init (&s, text, length);
  while (!at_end (&s))
    {
      if (*s.p == '"')
        {
          skip_string (&s);
          continue;
        }
      if (*s.p == '{' || *s.p == '[')
        {
          if (++depth > max_depth)
            {
              *line = s.line;
              *column = s.column;
              return FALSE;
            }
        }
      else if ((*s.p == '}' || *s.p == ']') && depth > 0)
        {
          depth--;
        }
      advance (&s);
    }

  return TRUE;
}

/* The line and column of the byte at @offset of @text. */
void
bri_json_offset_position (const char *text,
                          gsize       offset,
                          guint      *line,
                          guint      *column)
{
  Scan s;

  scan_init (&s, text, offset);
  while (!at_end (&s))
    advance (&s);

  *line = s.line;
  *column = s.column;
}
