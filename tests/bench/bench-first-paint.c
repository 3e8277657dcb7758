/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs a program and times, from just before its exec, when its first
 * top-level window is mapped and when that window first shows something
 * (an X Damage report after which the window is not one flat colour).  It
 * knows nothing of the program, so it measures BriAtlas and GNOME Maps
 * the same way.  Then it stops the program (SIGTERM) --settle-ms after
 * that first paint, unless it quit by itself, and reports the kernel's
 * peak resident set size for it.  Prints on stdout:
 *
 *   exec-to-map-ms=N exec-to-paint-ms=N max-rss-kb=N
 *
 * Used by bench-first-frame.py; needs an X server (Xvfb) with DAMAGE. */

#include "config.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
ignore_x_error (Display     *display,
                XErrorEvent *event)
{
  /* A window can go away between its MapNotify and our requests. */
  return 0;
}

/* _NET_WM_PID, which GTK sets on every top-level before mapping it. */
static long
window_pid (Display *display,
            Window   window)
{
  Atom type;
  int format;
  unsigned long n, after;
  unsigned char *data = NULL;
  long pid = -1;

  if (XGetWindowProperty (display, window, XInternAtom (display, "_NET_WM_PID", False),
                          0, 1, False, XA_CARDINAL, &type, &format, &n, &after, &data) == Success &&
      data != NULL && n == 1 && format == 32)
    pid = *(long *) data;
  if (data != NULL)
    XFree (data);

  return pid;
}

/* Whether the window shows more than one colour: the server clears a
 * newly mapped window to its background, which is not a paint by the app. */
static gboolean
window_has_content (Display *display,
                    Window   window)
{
  XWindowAttributes attrs;
  XImage *image;
  gboolean content = FALSE;

  if (!XGetWindowAttributes (display, window, &attrs) || attrs.map_state != IsViewable)
    return FALSE;

  image = XGetImage (display, window, 0, 0, attrs.width, attrs.height, AllPlanes, ZPixmap);
  if (image == NULL)
    return FALSE;

  for (int y = 0; y < image->height && !content; y++)
    for (int x = 0; x < image->width; x++)
      if (XGetPixel (image, x, y) != XGetPixel (image, 0, 0))
        {
          content = TRUE;
          break;
        }
  XDestroyImage (image);

  return content;
}

int
main (int   argc,
      char *argv[])
{
  int settle_ms = 3000;
  int timeout_ms = 60000;
  const GOptionEntry entries[] = {
    { "settle-ms", 0, 0, G_OPTION_ARG_INT, &settle_ms, "Stop the program this long after its first paint", "MS" },
    { "timeout-ms", 0, 0, G_OPTION_ARG_INT, &timeout_ms, "Give up if it has not painted this long after exec", "MS" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("-- PROGRAM [ARGUMENT…]");
  g_autoptr(GError) error = NULL;
  Display *display;
  Window watched = None;
  Damage damage = None;
  int damage_event, damage_error;
  double start, mapped = -1.0, painted = -1.0, term_at, kill_at = -1.0;
  struct rusage usage = { 0 };
  int status = 0;
  pid_t pid;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      fprintf (stderr, "Usage: %s [--settle-ms MS] [--timeout-ms MS] -- PROGRAM [ARGUMENT…]\n", g_get_prgname ());
      return 2;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL || !XDamageQueryExtension (display, &damage_event, &damage_error))
    {
      fprintf (stderr, "Needs an X display with the DAMAGE extension\n");
      return 2;
    }
  XSetErrorHandler (ignore_x_error);
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, False);

  start = now_ms ();
  term_at = start + timeout_ms;
  pid = fork ();
  if (pid < 0)
    {
      perror ("fork");
      return 2;
    }
  if (pid == 0)
    {
      close (ConnectionNumber (display));
      execvp (argv[1], argv + 1);
      perror (argv[1]);
      _exit (127);
    }

  while (wait4 (pid, &status, WNOHANG, &usage) != pid)
    {
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };

      /* Events wake the poll at once; the timeout only paces the checks
       * for the child's exit and the deadlines. */
      if (!XPending (display))
        poll (&fd, 1, 5);

      while (XPending (display))
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && watched == None && !event.xmap.override_redirect &&
              window_pid (display, event.xmap.window) == pid)
            {
              XWindowAttributes attrs;

              /* GTK's small helper windows are not the main window. */
              if (!XGetWindowAttributes (display, event.xmap.window, &attrs) ||
                  attrs.width < 100 || attrs.height < 100)
                continue;
              mapped = now_ms () - start;
              watched = event.xmap.window;
              damage = XDamageCreate (display, watched, XDamageReportNonEmpty);
              XSync (display, False);
            }
          else if (event.type == damage_event + XDamageNotify && painted < 0.0)
            {
              double when = now_ms () - start;

              XDamageSubtract (display, damage, None, None);
              if (window_has_content (display, watched))
                {
                  painted = when;
                  term_at = now_ms () + settle_ms;
                }
            }
        }

      if (kill_at < 0.0 && now_ms () >= term_at)
        {
          kill (pid, SIGTERM);
          kill_at = now_ms () + 5000.0;
        }
      else if (kill_at > 0.0 && now_ms () >= kill_at)
        {
          kill (pid, SIGKILL);
          kill_at = G_MAXDOUBLE;
        }
    }

  /* ru_maxrss is the child's peak, in kB. */
  printf ("exec-to-map-ms=%.1f exec-to-paint-ms=%.1f max-rss-kb=%ld\n", mapped, painted, usage.ru_maxrss);
  fflush (stdout);

  if (damage != None)
    XDamageDestroy (display, damage);
  XCloseDisplay (display);

  if (painted < 0.0)
    {
      fprintf (stderr, "%s: no window painted within %d ms\n", argv[1], timeout_ms);
      return 1;
    }
  if (WIFEXITED (status) && WEXITSTATUS (status) != 0)
    {
      fprintf (stderr, "%s exited with status %d\n", argv[1], WEXITSTATUS (status));
      return 1;
    }

  return 0;
}
