/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading exported PDFs back as a reader would, with poppler-utils:
 * their text (pdftotext), their outline (pdftohtml -xml), their page
 * count and size and named destinations (pdfinfo), and how much of a
 * page is ink (pdftoppm).  Shared by the render and command-line tests. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* Saves @bytes in a temporary file; the caller unlinks it. */
G_GNUC_UNUSED static char *
pdf_test_save_temp (GBytes     *bytes,
                    const char *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("bri-test-XXXXXX%s", suffix);
  char *path = NULL;
  int fd = g_file_open_tmp (template, &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

/* Also keeps a copy in $BRI_TEST_OUTPUT_DIR, for a human to look at. */
G_GNUC_UNUSED static void
pdf_test_keep (GBytes     *bytes,
               const char *name)
{
  const char *dir = g_getenv ("BRI_TEST_OUTPUT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_test_message ("saved %s", path);
}

static cairo_status_t
pdf_test_append (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Keeps @surface as a PNG in $BRI_TEST_OUTPUT_DIR. */
G_GNUC_UNUSED static void
pdf_test_keep_png (cairo_surface_t *surface,
                   const char      *name)
{
  GByteArray *png = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, pdf_test_append, png), ==, CAIRO_STATUS_SUCCESS);
  bytes = g_byte_array_free_to_bytes (png);
  pdf_test_keep (bytes, name);
}

/* Runs a poppler tool; fails the test if it fails. */
G_GNUC_UNUSED static char *
pdf_test_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s", argv[0], error->message);
  return out;
}

/* The text of every page, each run of white space made one space, so
 * that lines broken by the layout compare equal to the text they hold.
 * Hyphens are dropped: pdftotext joins a word broken after its hyphen
 * ("Jakarta-" / "Bandung" reads "JakartaBandung"); a line broken after
 * an en dash joins up too ("China–" / "Europe"). */
G_GNUC_UNUSED static char *
pdf_test_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *raw = pdf_test_tool (argv);
  GString *flat = g_string_new (NULL);

  for (const char *p = raw; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || *p == '\f')
        {
          /* Pango breaks lines after hyphens and en dashes too. */
          gboolean hyphen_break = *p == '\n' && p > raw &&
                                  (p[-1] == '-' || (p - raw >= 3 && memcmp (p - 3, "–", 3) == 0));

          if (flat->len > 0 && flat->str[flat->len - 1] != ' ' && !hyphen_break)
            g_string_append_c (flat, ' ');
        }
      else if (*p != '-')
        g_string_append_c (flat, *p);
    }
  return g_string_free (flat, FALSE);
}

/* The same flattening for text to look for. */
G_GNUC_UNUSED static char *
pdf_test_flatten (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  g_autofree char *spaced = NULL;
  GString *joined;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_strv_builder_add (kept, words[i]);
  result = g_strv_builder_end (kept);
  spaced = g_strjoinv (" ", result);
  joined = g_string_new (spaced);
  g_string_replace (joined, "-", "", 0);
  return g_string_free (joined, FALSE);
}

G_GNUC_UNUSED static gboolean
pdf_test_text_contains (const char *flat_text,
                        const char *needle)
{
  g_autofree char *flat_needle = pdf_test_flatten (needle);

  return strstr (flat_text, flat_needle) != NULL;
}

/* pdfinfo's value for @key ("Pages", "Page size"). */
G_GNUC_UNUSED static char *
pdf_test_info (const char *path,
               const char *key)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = pdf_test_tool (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  return NULL;
}

/* The titles of the outline's top-level entries, as pdftohtml reads them. */
G_GNUC_UNUSED static GPtrArray *
pdf_test_outline (const char *path)
{
  const char *argv[] = { "pdftohtml", "-xml", "-i", "-q", "-stdout", path, NULL };
  g_autofree char *xml = pdf_test_tool (argv);
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  const char *outline = strstr (xml, "<outline>");
  const char *p;
  int depth = 0;

  g_assert_nonnull (outline);
  for (p = outline + strlen ("<outline>"); *p != '\0'; )
    {
      if (g_str_has_prefix (p, "<outline>"))
        depth++, p += strlen ("<outline>");
      else if (g_str_has_prefix (p, "</outline>"))
        {
          if (depth-- == 0)
            break;
          p += strlen ("</outline>");
        }
      else if (g_str_has_prefix (p, "<item"))
        {
          const char *start = strchr (p, '>') + 1;
          const char *end = strstr (start, "</item>");
          g_autofree char *escaped = g_strndup (start, end - start);

          if (depth == 0)
            {
              /* pdftohtml escapes as XML: enough to undo &amp; here. */
              g_autoptr(GString) title = g_string_new (escaped);

              g_string_replace (title, "&amp;", "&", 0);
              g_string_replace (title, "&#34;", "\"", 0);
              g_string_replace (title, "&#39;", "'", 0);
              g_ptr_array_add (titles, g_string_free (g_steal_pointer (&title), FALSE));
            }
          p = end + strlen ("</item>");
        }
      else
        p++;
    }

  return titles;
}

static double
ink_of_png (const char *png)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);
  int w, h, stride, ink = 0;
  const guint8 *data;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 v = *(const guint32 *) (data + (gsize) y * stride + (gsize) x * 4);

        if (((v >> 16) & 0xff) < 235 || ((v >> 8) & 0xff) < 235 || (v & 0xff) < 235)
          ink++;
      }
  cairo_surface_destroy (surface);
  return ink / (double) (w * h);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* For each page, the share that is not white, at 36 dpi: one pdftoppm
 * for the whole document. */
G_GNUC_UNUSED static GArray *
pdf_test_ink (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bri-ink-XXXXXX", &error);
  g_autofree char *root = g_build_filename (dir, "page", NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "36", path, root, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  GArray *ink = g_array_new (FALSE, FALSE, sizeof (double));
  const char *name;

  g_assert_no_error (error);
  out = pdf_test_tool (argv);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  /* page-01.png, page-02.png, …: zero-padded, so they sort as numbers. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *png = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      double share = ink_of_png (png);

      g_array_append_val (ink, share);
      g_unlink (png);
    }
  g_rmdir (dir);
  return ink;
}
