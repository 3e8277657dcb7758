/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriPages: a PDF document written top to bottom — text that flows onto
 * the next page, maps in boxes, outline entries, links to named places,
 * page numbers — for the tour handout, the country dossier and the
 * feature card.  Sizes are in points. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  BRI_PAPER_A4,
  BRI_PAPER_LETTER,
} BriPaper;

gboolean bri_paper_from_name (const char *name,
                              BriPaper   *paper);
void     bri_paper_get_size  (BriPaper    paper,
                              double     *width,
                              double     *height);

typedef enum
{
  BRI_TEXT_TITLE,        /* the document's title */
  BRI_TEXT_SUBTITLE,     /* under the title */
  BRI_TEXT_HEADING,      /* a section, a stop */
  BRI_TEXT_SUBHEADING,   /* a kind of place, "Notes" */
  BRI_TEXT_BODY,         /* captions, descriptions */
  BRI_TEXT_QUOTE,        /* a quoted passage, set off by a rule */
  BRI_TEXT_CITATION,     /* under a quote */
  BRI_TEXT_SMALL,        /* notes, lists, the bibliography */
  BRI_TEXT_RUNNING,      /* the line at the top of a page */
} BriTextStyle;

typedef struct _BriPages BriPages;

BriPages *bri_pages_new              (BriPaper      paper,
                                      const char   *title,
                                      const char   *author);
void      bri_pages_free             (BriPages     *self);
double    bri_pages_get_width        (BriPages     *self);
double    bri_pages_get_remaining    (BriPages     *self);
int       bri_pages_get_page         (BriPages     *self);
void      bri_pages_set_running_head (BriPages     *self,
                                      const char   *text);

void      bri_pages_new_page         (BriPages     *self);
void      bri_pages_space            (BriPages     *self,
                                      double        height);
gboolean  bri_pages_ensure           (BriPages     *self,
                                      double        height);
void      bri_pages_text             (BriPages     *self,
                                      BriTextStyle  style,
                                      const char   *text);
void      bri_pages_linked_text      (BriPages     *self,
                                      BriTextStyle  style,
                                      const char   *text,
                                      const char   *destination);
cairo_t  *bri_pages_box              (BriPages     *self,
                                      double        height,
                                      double       *x,
                                      double       *y);
void      bri_pages_rule             (BriPages     *self);

void      bri_pages_destination      (BriPages     *self,
                                      const char   *name);
int       bri_pages_outline          (BriPages     *self,
                                      int           parent,
                                      const char   *title,
                                      gboolean      open);

GBytes   *bri_pages_finish           (BriPages     *self,
                                      GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriPages, bri_pages_free)

G_END_DECLS
