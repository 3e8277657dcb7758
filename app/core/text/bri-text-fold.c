/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Folding text for matching.  The linker and the search index both need
 * "Pelješac", "PELJESAC" and "Peljesac" to meet, and "China–Laos" (en dash)
 * to meet "China-Laos" and "China Laos", without losing track of where in
 * the original text a match sits, so the reader can highlight it. */

#define G_LOG_DOMAIN "bri-fold"

#include "config.h"

#include <string.h>

#include "bri-text-fold.h"

static gboolean
is_dash (gunichar c)
{
  switch (c)
    {
    case '-':
    case 0x00AD: /* soft hyphen */
    case 0x2010: case 0x2011: case 0x2012: case 0x2013:
    case 0x2014: case 0x2015: case 0x2212: case 0xFE58:
    case 0xFE63: case 0xFF0D:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC ||
         c == 0x0060 || c == 0x00B4 || c == 0x2032;
}

gboolean
bri_text_fold_is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Appends the folded form of one source character.  Decomposition drops
 * the combining marks, so "š" becomes "s"; a few letters that do not
 * decompose get their usual ASCII spelling. */
typedef struct
{
  GString *out;
  GArray  *starts;
  GArray  *ends;
} Folder;

static void
emit (Folder     *f,
      const char *bytes,
      gsize       n,
      guint32     start,
      guint32     end)
{
  g_string_append_len (f->out, bytes, n);
  for (gsize i = 0; i < n; i++)
    {
      g_array_append_val (f->starts, start);
      g_array_append_val (f->ends, end);
    }
}

static void
append_folded (Folder   *f,
               gunichar  c,
               guint32   start,
               guint32   end)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;
  const char *special = NULL;

  switch (c)
    {
    case 0x00DF: special = "ss"; break; /* ß */
    case 0x00E6: case 0x00C6: special = "ae"; break;
    case 0x0153: case 0x0152: special = "oe"; break;
    case 0x00F8: case 0x00D8: special = "o"; break;
    case 0x0131: special = "i"; break; /* dotless i, as in Türkiye's neighbours */
    case 0x0142: case 0x0141: special = "l"; break;
    case 0x0111: case 0x0110: special = "d"; break;
    case 0x00FE: case 0x00DE: special = "th"; break;
    default: break;
    }

  if (special != NULL)
    {
      emit (f, special, strlen (special), start, end);
      return;
    }

  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      char buf[6];
      int blen;

      if (g_unichar_ismark (decomposed[i]))
        continue;

      blen = g_unichar_to_utf8 (g_unichar_tolower (decomposed[i]), buf);
      emit (f, buf, blen, start, end);
    }
}

/**
 * bri_folded_new:
 * @text: UTF-8 text
 * @len: its length in bytes, or -1 if NUL-terminated
 *
 * Folds @text: lower case, without diacritics, every dash or run of
 * whitespace as one space, every apostrophe as `'`.  Invalid UTF-8 bytes
 * are kept out of the folded text (they cannot match anything).
 */
BriFolded *
bri_folded_new (const char *text,
                gssize      len)
{
  BriFolded *self;
  Folder f;
  const char *p;
  const char *end;
  gssize space_start = -1;
  guint32 space_end = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (len < 0)
    len = strlen (text);

  f.out = g_string_sized_new (len + 1);
  f.starts = g_array_sized_new (FALSE, FALSE, sizeof (guint32), len + 1);
  f.ends = g_array_sized_new (FALSE, FALSE, sizeof (guint32), len + 1);
  p = text;
  end = text + len;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      guint32 here = p - text;
      guint32 next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }

      next = g_utf8_next_char (p) - text;

      if (g_unichar_isspace (c) || is_dash (c) || c == 0x00A0)
        {
          if (f.out->len > 0)
            {
              if (space_start < 0)
                space_start = here;
              space_end = next;
            }
        }
      else
        {
          if (space_start >= 0)
            {
              emit (&f, " ", 1, space_start, space_end);
              space_start = -1;
            }

          if (is_apostrophe (c))
            emit (&f, "'", 1, here, next);
          else
            append_folded (&f, c, here, next);
        }

      p = text + next;
    }

  {
    guint32 end_offset = len;

    g_array_append_val (f.starts, end_offset);
    g_array_append_val (f.ends, end_offset);
  }

  self = g_new0 (BriFolded, 1);
  self->len = f.out->len;
  self->text = g_string_free (f.out, FALSE);
  self->starts = (guint32 *) (gpointer) g_array_free (f.starts, FALSE);
  self->ends = (guint32 *) (gpointer) g_array_free (f.ends, FALSE);

  return self;
}

/* Maps the folded range [folded_start, folded_end) back onto the source. */
void
bri_folded_source_range (const BriFolded *self,
                         gsize            folded_start,
                         gsize            folded_end,
                         gsize           *source_start,
                         gsize           *source_end)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (folded_start <= folded_end && folded_end <= self->len);

  *source_start = self->starts[folded_start];
  *source_end = folded_end > folded_start ? self->ends[folded_end - 1] : *source_start;
}

void
bri_folded_free (BriFolded *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self->starts);
  g_free (self->ends);
  g_free (self);
}

char *
bri_text_fold (const char *text,
               gssize      len)
{
  g_autoptr(BriFolded) folded = bri_folded_new (text, len);

  return g_steal_pointer (&folded->text);
}

/* Character (code point) offset of @byte_offset, for output that counts
 * characters the way most consumers of our JSON do. */
glong
bri_text_utf8_to_chars (const char *text,
                        gsize       byte_offset)
{
  return g_utf8_pointer_to_offset (text, text + byte_offset);
}
