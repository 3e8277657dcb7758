/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriTour: a titled, ordered list of stops for a class, edited with undo
 * and redo, and its file format (.briatour, JSON). */
#pragma once

#include <gio/gio.h>

#include "bri-tour-stop.h"

G_BEGIN_DECLS

#define BRI_TOUR_ERROR (bri_tour_error_quark ())

typedef enum
{
  BRI_TOUR_ERROR_SYNTAX,     /* not JSON (or XML), not UTF-8, nested too deep, too large */
  BRI_TOUR_ERROR_INVALID,    /* a member is missing, of the wrong type or out of range */
  BRI_TOUR_ERROR_VERSION,    /* a format version this BriAtlas does not read */
  BRI_TOUR_ERROR_KML,        /* KML without a tour, or with a DTD */
  BRI_TOUR_ERROR_NOT_FOUND,  /* no tour with that id */
  BRI_TOUR_ERROR_READ_ONLY,  /* a built-in tour cannot be changed or deleted */
} BriTourError;

GQuark bri_tour_error_quark (void);

/* The .briatour format version this code writes and reads. */
#define BRI_TOUR_FORMAT_VERSION 1

/* Where a tour comes from. */
typedef enum
{
  BRI_TOUR_SOURCE_FILE,      /* any file, or made in memory */
  BRI_TOUR_SOURCE_BUILT_IN,  /* compiled into the application */
  BRI_TOUR_SOURCE_USER,      /* the user's own, in the user data dir */
} BriTourSource;

#define BRI_TYPE_TOUR_SOURCE (bri_tour_source_get_type ())
GType bri_tour_source_get_type (void) G_GNUC_CONST;
const char *bri_tour_source_to_string (BriTourSource source);

#define BRI_TYPE_TOUR (bri_tour_get_type ())

G_DECLARE_FINAL_TYPE (BriTour, bri_tour, BRI, TOUR, GObject)

BriTour      *bri_tour_new                 (const char    *id,
                                            const char    *title);
BriTour      *bri_tour_copy                (BriTour       *self,
                                            const char    *id);
gboolean      bri_tour_id_is_valid         (const char    *id);
char         *bri_tour_id_from_title       (const char    *title);

const char   *bri_tour_get_id              (BriTour       *self);
const char   *bri_tour_get_title           (BriTour       *self);
const char   *bri_tour_get_author          (BriTour       *self);
const char   *bri_tour_get_description     (BriTour       *self);
const char   *bri_tour_get_language        (BriTour       *self);
GDateTime    *bri_tour_get_created         (BriTour       *self);
GDateTime    *bri_tour_get_modified        (BriTour       *self);
BriTourSource bri_tour_get_source          (BriTour       *self);
GFile        *bri_tour_get_file            (BriTour       *self);
BriTourStop  *bri_tour_get_stop            (BriTour       *self,
                                            guint          position);

/* Edits: each is one step of undo, except that consecutive changes to
 * the same text field of the same stop (or of the tour) merge into one,
 * as typing does, until bri_tour_seal_undo() or any other edit. */
void          bri_tour_set_title           (BriTour       *self,
                                            const char    *title);
void          bri_tour_set_author          (BriTour       *self,
                                            const char    *author);
void          bri_tour_set_description     (BriTour       *self,
                                            const char    *description);
void          bri_tour_set_language        (BriTour       *self,
                                            const char    *language);

void          bri_tour_insert_stop         (BriTour       *self,
                                            guint          position,
                                            BriTourStop   *stop);
void          bri_tour_append_stop         (BriTour       *self,
                                            BriTourStop   *stop);
void          bri_tour_remove_stop         (BriTour       *self,
                                            guint          position);
void          bri_tour_move_stop           (BriTour       *self,
                                            guint          from,
                                            guint          to);

void          bri_tour_set_stop_title      (BriTour       *self,
                                            guint          position,
                                            const char    *title);
void          bri_tour_set_stop_view       (BriTour       *self,
                                            guint          position,
                                            BriLocation   *view);
void          bri_tour_set_stop_subject    (BriTour       *self,
                                            guint          position,
                                            BriLocation   *subject);
void          bri_tour_set_stop_caption    (BriTour       *self,
                                            guint          position,
                                            const char    *caption);
void          bri_tour_set_stop_quote      (BriTour       *self,
                                            guint          position,
                                            BriLocation   *quote);
void          bri_tour_set_stop_notes      (BriTour       *self,
                                            guint          position,
                                            const char    *notes);
void          bri_tour_set_stop_reveal     (BriTour       *self,
                                            guint          position,
                                            const char * const *reveal);
void          bri_tour_set_stop_duration   (BriTour       *self,
                                            guint          position,
                                            double         duration);

gboolean      bri_tour_can_undo            (BriTour       *self);
gboolean      bri_tour_can_redo            (BriTour       *self);
gboolean      bri_tour_undo                (BriTour       *self);
gboolean      bri_tour_redo                (BriTour       *self);
void          bri_tour_seal_undo           (BriTour       *self);
void          bri_tour_clear_undo          (BriTour       *self);

/* The .briatour file (bri-tour-json.c) */
BriTour      *bri_tour_new_from_bytes      (GBytes        *bytes,
                                            const char    *display_name,
                                            GError       **error);
BriTour      *bri_tour_new_from_file       (GFile         *file,
                                            GCancellable  *cancellable,
                                            GError       **error);
char         *bri_tour_to_json             (BriTour       *self);
gboolean      bri_tour_save                (BriTour       *self,
                                            GFile         *file,
                                            GCancellable  *cancellable,
                                            GError       **error);

G_END_DECLS
