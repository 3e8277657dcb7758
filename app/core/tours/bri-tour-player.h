/* SPDX-License-Identifier: GPL-3.0-or-later */
/* BriTourPlayer: where a presentation of a tour is — the stop, how many
 * of its places are revealed, a blank screen, a stop number being typed —
 * and what each key a presenter's remote sends does to it. */
#pragma once

#include "bri-tour.h"

G_BEGIN_DECLS

typedef enum
{
  BRI_TOUR_BLANK_NONE,
  BRI_TOUR_BLANK_BLACK,
  BRI_TOUR_BLANK_WHITE,
} BriTourBlank;

/* What a key means to a presentation (the window maps keys to these). */
typedef enum
{
  BRI_TOUR_COMMAND_NEXT,      /* the next place of a build-up stop, or the next stop */
  BRI_TOUR_COMMAND_PREVIOUS,  /* the reverse */
  BRI_TOUR_COMMAND_FIRST,
  BRI_TOUR_COMMAND_LAST,
  BRI_TOUR_COMMAND_ENTER,     /* to the stop whose number was typed, or the next */
  BRI_TOUR_COMMAND_BLACK,     /* toggles a black screen */
  BRI_TOUR_COMMAND_WHITE,     /* toggles a white screen */
  BRI_TOUR_COMMAND_END,       /* leaves a blank screen or a typed number, else ends */
  BRI_TOUR_COMMAND_OTHER,     /* any other key: leaves a blank screen */
} BriTourCommand;

/* How long a stop stays in unattended play when it gives no duration. */
#define BRI_TOUR_PLAYER_DEFAULT_SECONDS 20.0

#define BRI_TYPE_TOUR_PLAYER (bri_tour_player_get_type ())

G_DECLARE_FINAL_TYPE (BriTourPlayer, bri_tour_player, BRI, TOUR_PLAYER, GObject)

BriTourPlayer *bri_tour_player_new              (BriTour        *tour);
BriTour       *bri_tour_player_get_tour         (BriTourPlayer  *self);
guint          bri_tour_player_get_n_stops      (BriTourPlayer  *self);
guint          bri_tour_player_get_position     (BriTourPlayer  *self);
guint          bri_tour_player_get_revealed     (BriTourPlayer  *self);
guint          bri_tour_player_get_n_reveal     (BriTourPlayer  *self);
BriTourStop   *bri_tour_player_get_stop         (BriTourPlayer  *self);
BriTourBlank   bri_tour_player_get_blank        (BriTourPlayer  *self);
const char    *bri_tour_player_get_typed        (BriTourPlayer  *self);

gboolean       bri_tour_player_go_to            (BriTourPlayer  *self,
                                                 guint           position,
                                                 guint           revealed);
gboolean       bri_tour_player_command          (BriTourPlayer  *self,
                                                 BriTourCommand  command);
void           bri_tour_player_type_digit       (BriTourPlayer  *self,
                                                 guint           digit);
void           bri_tour_player_advance          (BriTourPlayer  *self);
double         bri_tour_player_get_step_seconds (BriTourPlayer  *self);

GPtrArray     *bri_tour_player_get_shown        (BriTourPlayer  *self);
const char    *bri_tour_player_get_highlight    (BriTourPlayer  *self);

G_END_DECLS
