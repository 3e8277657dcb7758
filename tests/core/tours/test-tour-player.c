/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The presentation's state, key by key: steps through build-up stops,
 * the blank screens that swallow the next key, a typed stop number,
 * unattended play looping, the story so far on the map, and a tour
 * edited while it is presented. */

#include "config.h"

#include "bri-tour-library.h"
#include "bri-tour-player.h"
#include "test-data-home.h"
#include "tour-test-util.h"

#define loc tour_test_location

/* Four stops: "a" about feature fa; "b" revealing r1, r2 (its subject
 * r1 among them); "c" about a country; "d" about fd revealing r3. */
static BriTour *
tour_new (void)
{
  static const char * const b_reveal[] = { "r1", "r2", NULL };
  static const char * const d_reveal[] = { "r3", NULL };
  BriTour *tour = bri_tour_new ("player", "Player");
  const char *titles[] = { "a", "b", "c", "d" };
  const char *subjects[] = { "feature:fa", "feature:r1", "country:KE", "feature:fd" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(BriLocation) view = loc ("view:10,20,5");
      g_autoptr(BriLocation) subject = loc (subjects[i]);
      g_autoptr(BriTourStop) stop = bri_tour_stop_new (titles[i], view);

      bri_tour_stop_set_subject (stop, subject);
      if (i == 1)
        bri_tour_stop_set_reveal (stop, b_reveal);
      if (i == 3)
        {
          bri_tour_stop_set_reveal (stop, d_reveal);
          bri_tour_stop_set_duration (stop, 30);
        }
      bri_tour_append_stop (tour, stop);
    }

  return tour;
}

/* "position.revealed", 1-based stop, to compare at a glance. */
static char *
step (BriTourPlayer *player)
{
  return g_strdup_printf ("%u.%u", bri_tour_player_get_position (player) + 1,
                          bri_tour_player_get_revealed (player));
}

#define assert_step(player, expected) \
  G_STMT_START { \
    g_autofree char *_s = step (player); \
    g_assert_cmpstr (_s, ==, expected); \
  } G_STMT_END

static void
on_step_changed_cb (BriTourPlayer *player,
                    guint          previous,
                    guint         *count)
{
  (*count)++;
}

static void
test_steps (void)
{
  g_autoptr(BriTour) tour = tour_new ();
  g_autoptr(BriTourPlayer) player = bri_tour_player_new (tour);
  guint changes = 0;
  const char *forward[] = { "2.0", "2.1", "2.2", "3.0", "4.0", "4.1", "4.1" };
  const char *backward[] = { "4.0", "3.0", "2.2", "2.1", "2.0", "1.0", "1.0" };

  g_signal_connect (player, "step-changed", G_CALLBACK (on_step_changed_cb), &changes);
  g_assert_cmpuint (bri_tour_player_get_n_stops (player), ==, 4);
  assert_step (player, "1.0");
  g_assert_cmpstr (bri_tour_stop_get_title (bri_tour_player_get_stop (player)), ==, "a");

  /* Next reveals b's places one by one, then moves on; at the end it
   * stays. */
  for (guint i = 0; i < G_N_ELEMENTS (forward); i++)
    {
      g_assert_true (bri_tour_player_command (player, BRI_TOUR_COMMAND_NEXT));
      assert_step (player, forward[i]);
    }
  g_assert_cmpuint (changes, ==, 6);

  /* Previous takes them back, arriving at b as it was left: built. */
  for (guint i = 0; i < G_N_ELEMENTS (backward); i++)
    {
      g_assert_true (bri_tour_player_command (player, BRI_TOUR_COMMAND_PREVIOUS));
      assert_step (player, backward[i]);
    }
  g_assert_cmpuint (changes, ==, 12);

  g_assert_true (bri_tour_player_command (player, BRI_TOUR_COMMAND_LAST));
  assert_step (player, "4.0");
  g_assert_true (bri_tour_player_command (player, BRI_TOUR_COMMAND_FIRST));
  assert_step (player, "1.0");

  /* go_to clamps to the tour and to the stop's places. */
  g_assert_true (bri_tour_player_go_to (player, 1, 9));
  assert_step (player, "2.2");
  g_assert_true (bri_tour_player_go_to (player, 99, 0));
  assert_step (player, "4.0");
  g_assert_false (bri_tour_player_go_to (player, 3, 0));
  g_assert_cmpuint (bri_tour_player_get_n_reveal (player), ==, 1);
}

static void
test_blank (void)
{
  g_autoptr(BriTour) tour = tour_new ();
  g_autoptr(BriTourPlayer) player = bri_tour_player_new (tour);

  /* b blanks; b again brings the screen back, without moving. */
  bri_tour_player_command (player, BRI_TOUR_COMMAND_BLACK);
  g_assert_cmpint (bri_tour_player_get_blank (player), ==, BRI_TOUR_BLANK_BLACK);
  bri_tour_player_command (player, BRI_TOUR_COMMAND_BLACK);
  g_assert_cmpint (bri_tour_player_get_blank (player), ==, BRI_TOUR_BLANK_NONE);

  /* Any key returns from a blank screen and does nothing else: Next
   * does not move on, a digit types nothing. */
  bri_tour_player_command (player, BRI_TOUR_COMMAND_WHITE);
  g_assert_cmpint (bri_tour_player_get_blank (player), ==, BRI_TOUR_BLANK_WHITE);
  g_assert_true (bri_tour_player_command (player, BRI_TOUR_COMMAND_NEXT));
  g_assert_cmpint (bri_tour_player_get_blank (player), ==, BRI_TOUR_BLANK_NONE);
  assert_step (player, "1.0");

  bri_tour_player_command (player, BRI_TOUR_COMMAND_BLACK);
  bri_tour_player_type_digit (player, 3);
  g_assert_cmpint (bri_tour_player_get_blank (player), ==, BRI_TOUR_BLANK_NONE);
  g_assert_cmpstr (bri_tour_player_get_typed (player), ==, "");

  bri_tour_player_command (player, BRI_TOUR_COMMAND_BLACK);
  g_assert_true (bri_tour_player_command (player, BRI_TOUR_COMMAND_OTHER));
  g_assert_cmpint (bri_tour_player_get_blank (player), ==, BRI_TOUR_BLANK_NONE);

  /* White over black turns the screen white; black over white, black. */
  bri_tour_player_command (player, BRI_TOUR_COMMAND_BLACK);
  bri_tour_player_command (player, BRI_TOUR_COMMAND_WHITE);
  g_assert_cmpint (bri_tour_player_get_blank (player), ==, BRI_TOUR_BLANK_WHITE);

  /* Escape first leaves the blank screen; only then does it end. */
  g_assert_true (bri_tour_player_command (player, BRI_TOUR_COMMAND_END));
  g_assert_cmpint (bri_tour_player_get_blank (player), ==, BRI_TOUR_BLANK_NONE);
  g_assert_false (bri_tour_player_command (player, BRI_TOUR_COMMAND_END));
}

static void
test_typed (void)
{
  g_autoptr(BriTour) tour = tour_new ();
  g_autoptr(BriTourPlayer) player = bri_tour_player_new (tour);

  /* 3 Return goes to the third stop. */
  bri_tour_player_type_digit (player, 3);
  g_assert_cmpstr (bri_tour_player_get_typed (player), ==, "3");
  assert_step (player, "1.0");
  bri_tour_player_command (player, BRI_TOUR_COMMAND_ENTER);
  assert_step (player, "3.0");
  g_assert_cmpstr (bri_tour_player_get_typed (player), ==, "");

  /* Return alone is Next. */
  bri_tour_player_command (player, BRI_TOUR_COMMAND_ENTER);
  assert_step (player, "4.0");

  /* 1 2 Return: past the end, the last; 0 Return, the first. */
  bri_tour_player_type_digit (player, 1);
  bri_tour_player_type_digit (player, 2);
  g_assert_cmpstr (bri_tour_player_get_typed (player), ==, "12");
  bri_tour_player_command (player, BRI_TOUR_COMMAND_ENTER);
  assert_step (player, "4.0");
  bri_tour_player_type_digit (player, 0);
  bri_tour_player_command (player, BRI_TOUR_COMMAND_ENTER);
  assert_step (player, "1.0");

  /* More digits than any tour needs are ignored. */
  for (guint i = 0; i < 9; i++)
    bri_tour_player_type_digit (player, 9);
  g_assert_cmpstr (bri_tour_player_get_typed (player), ==, "9999");

  /* Escape drops a typed number before it ends anything; another key
   * drops it too. */
  g_assert_true (bri_tour_player_command (player, BRI_TOUR_COMMAND_END));
  g_assert_cmpstr (bri_tour_player_get_typed (player), ==, "");
  bri_tour_player_type_digit (player, 2);
  bri_tour_player_command (player, BRI_TOUR_COMMAND_NEXT);
  g_assert_cmpstr (bri_tour_player_get_typed (player), ==, "");
  assert_step (player, "2.0");
}

static void
test_unattended (void)
{
  g_autoptr(BriTour) tour = tour_new ();
  g_autoptr(BriTourPlayer) player = bri_tour_player_new (tour);
  const char *steps[] = { "2.0", "2.1", "2.2", "3.0", "4.0", "4.1", "1.0", "2.0" };

  /* A stop with no duration gets the default, shared with its reveals. */
  g_assert_cmpfloat_with_epsilon (bri_tour_player_get_step_seconds (player),
                                  BRI_TOUR_PLAYER_DEFAULT_SECONDS, 1e-9);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      bri_tour_player_advance (player);
      assert_step (player, steps[i]);
      if (i == 0)
        g_assert_cmpfloat_with_epsilon (bri_tour_player_get_step_seconds (player),
                                        BRI_TOUR_PLAYER_DEFAULT_SECONDS / 3, 1e-9);
      if (i == 4)
        g_assert_cmpfloat_with_epsilon (bri_tour_player_get_step_seconds (player), 15.0, 1e-9);
    }

  /* Play brings a blank screen back. */
  bri_tour_player_command (player, BRI_TOUR_COMMAND_BLACK);
  bri_tour_player_advance (player);
  g_assert_cmpint (bri_tour_player_get_blank (player), ==, BRI_TOUR_BLANK_NONE);
}

static char *
shown (BriTourPlayer *player)
{
  g_autoptr(GPtrArray) ids = bri_tour_player_get_shown (player);

  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

#define assert_shown(player, expected, highlight) \
  G_STMT_START { \
    g_autofree char *_s = shown (player); \
    g_assert_cmpstr (_s, ==, expected); \
    g_assert_cmpstr (bri_tour_player_get_highlight (player), ==, highlight); \
  } G_STMT_END

static void
test_shown (void)
{
  g_autoptr(BriTour) tour = tour_new ();
  g_autoptr(BriTourPlayer) player = bri_tour_player_new (tour);

  /* Step by step: b's own place is one it reveals, so it waits for its
   * turn, and a's is gone; a country is no place on the feature layer;
   * d's own place shows at once, its reveal later. */
  const struct { const char *shown, *highlight; } steps[] = {
    { "fa", "fa" }, { "", NULL }, { "r1", "r1" }, { "r1 r2", "r2" },
    { "", NULL }, { "fd", "fd" }, { "fd r3", "r3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (i > 0)
        bri_tour_player_command (player, BRI_TOUR_COMMAND_NEXT);
      assert_shown (player, steps[i].shown, steps[i].highlight);
    }

  /* Back at b, built as it was left. */
  bri_tour_player_go_to (player, 1, 2);
  assert_shown (player, "r1 r2", "r2");
}

static void
test_edited (void)
{
  g_autoptr(BriTour) tour = tour_new ();
  g_autoptr(BriTourPlayer) player = bri_tour_player_new (tour);
  guint changes = 0;

  g_signal_connect (player, "step-changed", G_CALLBACK (on_step_changed_cb), &changes);
  bri_tour_player_go_to (player, 3, 1);
  changes = 0;

  /* The last stop removed: the player stays on a stop that exists. */
  bri_tour_remove_stop (tour, 3);
  assert_step (player, "3.0");
  g_assert_cmpuint (changes, ==, 1);

  /* A stop inserted before: the same number, another stop, announced. */
  {
    g_autoptr(BriLocation) view = loc ("view:0,0,2");
    g_autoptr(BriTourStop) stop = bri_tour_stop_new ("new", view);

    bri_tour_insert_stop (tour, 0, stop);
  }
  assert_step (player, "3.0");
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpstr (bri_tour_stop_get_title (bri_tour_player_get_stop (player)), ==, "b");
}

/* The built-in CPEC tour: stop 2 reveals three places, one per press. */
static void
test_builtin (void)
{
  g_autoptr(BriTourLibrary) library = bri_tour_library_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BriTourPlayer) player = NULL;
  BriTour *cpec;

  g_assert_true (bri_tour_library_load (library, NULL, &error));
  g_assert_no_error (error);
  cpec = bri_tour_library_lookup (library, "cpec");
  g_assert_nonnull (cpec);

  player = bri_tour_player_new (cpec);
  g_assert_cmpuint (bri_tour_player_get_n_stops (player), ==, 10);
  bri_tour_player_command (player, BRI_TOUR_COMMAND_NEXT);
  g_assert_cmpuint (bri_tour_player_get_n_reveal (player), ==, 3);
  for (guint i = 0; i < 3; i++)
    bri_tour_player_command (player, BRI_TOUR_COMMAND_NEXT);
  assert_step (player, "2.3");
  g_assert_cmpstr (bri_tour_player_get_highlight (player), ==, "lahore-orange-line");
  bri_tour_player_command (player, BRI_TOUR_COMMAND_NEXT);
  assert_step (player, "3.0");
  g_assert_cmpstr (bri_tour_stop_get_title (bri_tour_player_get_stop (player)), ==,
                   "Karot: a dam on the Jhelum");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_data_home_setup ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bri/tour-player/steps", test_steps);
  g_test_add_func ("/bri/tour-player/blank", test_blank);
  g_test_add_func ("/bri/tour-player/typed", test_typed);
  g_test_add_func ("/bri/tour-player/unattended", test_unattended);
  g_test_add_func ("/bri/tour-player/shown", test_shown);
  g_test_add_func ("/bri/tour-player/edited", test_edited);
  g_test_add_func ("/bri/tour-player/builtin", test_builtin);

  status = g_test_run ();
  test_data_home_teardown ();
  return status;
}
