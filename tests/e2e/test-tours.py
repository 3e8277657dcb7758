#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# A teacher's tours, driven as a teacher drives them: real key presses
# (xdotool) read back through the accessibility bus.
#
# 1. "bri-atlas --present cpec": full screen; Page Down walks the stops
#    (the second stop builds up its three places one press at a time);
#    b blanks the screen (a screenshot at least 95 % black) and b brings
#    the caption back; "?" shows the keys; Escape leaves full screen;
#    Shift+F5 takes the tour up at the same stop; the presenter view
#    follows and its keys drive the presentation.
# 2. A two-stop tour made with the keyboard in the Tours panel (New, its
#    title, two places found with Ctrl+F, Ctrl+D for each stop, a
#    passage quoted), saved as it changes and with Save As…, then
#    reopened: from the file on the command line, and from the list.
#
# Full screen needs a window manager: the test runs
# matchbox-window-manager on the test's X display for its duration.

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import brie2e  # noqa: E402
from brie2e import *  # noqa: E402,F401,F403

CPEC = ["A corridor from Kashgar to Gwadar", "Three routes open to traffic",
        "Karot: a dam on the Jhelum", "Rashakai Special Economic Zone"]


def key(*keys):
    for k in keys:
        subprocess.run(["xdotool", "key", "--clearmodifiers", k], check=True)
        time.sleep(0.25)


def type_text(text):
    subprocess.run(["xdotool", "type", "--delay", "40", text], check=True)
    time.sleep(0.3)


def caption(app):
    """The texts of the presented stop's caption card, title first, or
    None when no caption is on screen."""
    card = find(app, lambda n: n.name == "Stop caption")
    if card is None:
        return None
    texts = labels_text(card)
    return texts or None


def caption_title(app):
    texts = caption(app)
    return texts[0] if texts else None


def wait_title(app, title, timeout=15):
    try:
        return wait_for(lambda: caption_title(app) == title, "the caption of “%s”" % title, timeout)
    except TimeoutError:
        log("the caption shows %r" % caption_title(app))
        return False


def progress(app):
    node = find(app, lambda n: (n.name or "").startswith("Stop ") and " of " in (n.name or "")
                and n.getRoleName() == "label")
    return node.name if node is not None else None


def main_window_id():
    out = subprocess.run(["xdotool", "search", "--name", "^BriAtlas$"], capture_output=True, text=True).stdout
    ids = out.split()
    return ids[-1] if ids else None


def fullscreen():
    win = main_window_id()
    if win is None:
        return False
    out = subprocess.run(["xprop", "-id", win, "_NET_WM_STATE"], capture_output=True, text=True).stdout
    return "_NET_WM_STATE_FULLSCREEN" in out


def black_fraction(path):
    """The share of the picture's pixels that are black (under 3 %)."""
    out = subprocess.run(["convert", path, "-colorspace", "Gray", "-threshold", "3%",
                          "-format", "%[fx:mean]", "info:"], capture_output=True, text=True, check=True).stdout
    return 1.0 - float(out)


def shot(name):
    path = os.path.join(OUT, name)
    subprocess.run(["import", "-window", "root", path], check=False)
    log("screenshot " + path)
    return path


def start_loaded(env, args=()):
    """Starts the app and waits for its atlas (the list of places)."""
    proc = start(list(args), env=env)
    app = wait_for(app_node, "the app on the accessibility bus")
    wait_for(lambda: find(app, lambda n: n.getRoleName() == "list" and n.name == "Places"),
             "the list of places (atlas loaded)", 40)
    time.sleep(1.0)
    return proc, app


def present_cpec(env):
    proc = start(["--present", "cpec"], env=env)
    try:
        app = wait_for(app_node, "the app on the accessibility bus")
        check(wait_title(app, CPEC[0], 40), "--present cpec shows the first stop's caption")
        time.sleep(2.0)
        check(fullscreen(), "the presentation is full screen")
        texts = caption(app) or []
        check(any(t.startswith("“Major projects along the China-Pakistan Economic Corridor") for t in texts),
              "the caption quotes the white paper")
        check(any(t.startswith("— The State Council Information Office") and "2023-10" in t for t in texts),
              "the quote has its citation: publisher, title, date, section")
        shot("e2e-tour-present-stop1.png")

        # Page Down twice: the second stop, then its first place revealed.
        key("Page_Down", "Page_Down")
        check(wait_title(app, CPEC[1]), "Page Down shows stop 2")
        check(progress(app) == "Stop 2 of 10", "the progress says stop 2 of 10 (%r)" % progress(app))
        # Two more places, then stop 3.
        key("Page_Down", "Page_Down", "Page_Down")
        check(wait_title(app, CPEC[2]), "after the build-up, Page Down shows stop 3")
        time.sleep(2.5)  # the flight
        shot("e2e-tour-present-stop3.png")

        # b: a black screen, and nothing to read on it.
        key("b")
        time.sleep(1.0)
        frac = black_fraction(shot("e2e-tour-black.png"))
        check(frac >= 0.95, "b blanks the screen: %.1f %% black" % (100 * frac))
        check(caption(app) is None, "no caption while the screen is black")
        key("b")
        check(wait_title(app, CPEC[2], 5), "b again brings stop 3's caption back")

        # "?" shows the keys; any key hides them.
        key("question")
        help_on = wait_for(lambda: find(app, lambda n: n.name == "Presentation keys") is not None,
                           "the key help", 5)
        check(help_on, "? shows the presentation keys")
        shot("e2e-tour-keys.png")
        key("Escape")
        time.sleep(0.5)
        check(find(app, lambda n: n.name == "Presentation keys") is None, "a key hides them")
        check(caption_title(app) == CPEC[2], "and the presentation goes on")

        # Escape ends: full screen left, the window back.
        key("Escape")
        ended = wait_for(lambda: caption(app) is None, "the end of the presentation", 5)
        check(ended, "Escape ends the presentation")
        time.sleep(1.0)
        check(not fullscreen(), "Escape leaves full screen")
        check(find(app, lambda n: n.getRoleName() == "entry" and n.name == "Search") is not None,
              "the window's search is back")
        # Escape again, with nothing presented, does no harm.
        key("Escape")
        check(caption(app) is None and not fullscreen(), "Escape again does nothing")
        shot("e2e-tour-after.png")
        check_names(app, "after presenting")

        # Shift+F5: where the presentation ended.
        key("shift+F5")
        check(wait_title(app, CPEC[2]), "Shift+F5 takes the tour up at stop 3")
        time.sleep(1.5)
        check(fullscreen(), "full screen again")
        key("F5")
        check(caption_title(app) == CPEC[2], "F5 while presenting changes nothing")

        # The presenter view: notes, next stop; its keys drive the show.
        key("s")
        presenter = wait_for(lambda: find(app, lambda n: n.getRoleName() == "frame" and n.name == "Presenter View",
                                          visible=False), "the presenter view", 10)
        time.sleep(1.0)
        texts = labels_text(presenter)
        check(any(t.startswith("Next: " + CPEC[3]) for t in texts), "the presenter view shows the next stop")
        check(any("Stop 3 of 10" in t for t in texts), "the presenter view shows where the tour is")
        check(any("names in sources" in t for t in texts), "the presenter view shows the speaker notes")
        check_names(presenter, "presenter view")
        subprocess.run(["xdotool", "search", "--name", "^Presenter View$", "windowactivate", "--sync"],
                       check=False, capture_output=True)
        key("Page_Down")
        check(wait_title(app, CPEC[3]), "Page Down in the presenter view moves the presentation")
        key("Escape")
        check(wait_for(lambda: caption(app) is None, "the end", 5), "Escape there ends it too")

        # A second "bri-atlas --present" is handed to the running app; a
        # tour without build-up stops: Page Down twice is stop 3.
        second = subprocess.run([BIN, "--present", "maritime-silk-road-ports"], env=env, timeout=30)
        check(second.returncode == 0, "a second bri-atlas --present hands the tour over and exits")
        check(wait_title(app, "A road at sea", 15), "the running app presents it")
        key("Page_Down", "Page_Down")
        check(wait_title(app, "Ningbo-Zhoushan"), "Page Down twice shows stop 3")
        key("Escape")
    except Exception as e:
        check(False, "presenting: %s" % e)
        shot("e2e-tour-failure.png")
    finally:
        stop(proc)


def user_tours(data_home):
    folder = os.path.join(data_home, "bri-atlas", "tours")
    tours = {}
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        with open(os.path.join(folder, name)) as f:
            tours[name] = json.load(f)
    return tours


def open_place(app, query, card_words):
    key("ctrl+f")
    type_text(query)
    wait_for(lambda: find(app, lambda n: n.name == "Search results") is not None, "search results", 10)
    time.sleep(1.0)
    key("Down", "Return")
    return wait_for(lambda: all(w in side_panel_text(app) for w in card_words), "the card of " + query, 15)


def make_tour(env, data_home, saved_as):
    proc = None
    try:
        proc, app = start_loaded(env)

        # The Tours tab; New; the title.
        key("alt+3")
        tours = wait_for(lambda: find(app, lambda n: n.name == "Tours" and n.getRoleName() == "list"),
                         "the list of tours", 10)
        check(tours is not None, "Alt+3 shows the tours")
        check_names(app, "tours list")
        key("ctrl+n")
        wait_for(lambda: find(app, lambda n: n.name == "Tour title"), "the new tour's title", 10)
        type_text("Two ports for class")
        time.sleep(0.6)
        check(any(t.get("title") == "Two ports for class" for t in user_tours(data_home).values()),
              "the new tour is saved with the title typed")
        check_names(app, "tour editor")
        shot("e2e-tour-new.png")

        # Two stops: find a place, Ctrl+D.
        open_place(app, "Gwadar Port", ["Gwadar Port", "passage"])
        time.sleep(2.0)
        key("ctrl+d")
        # Quote the card's first passage at that stop.
        quote = wait_for(lambda: find(app, lambda n: n.getRoleName() == "push button"
                                      and (n.name or "").startswith("Quote in Tour")),
                         "Quote in Tour on the card", 10)
        quote.queryAction().doAction(0)
        time.sleep(0.5)
        open_place(app, "Piraeus", ["Port of Piraeus"])
        time.sleep(2.0)
        key("ctrl+d")
        time.sleep(1.0)
        saved = [t for t in user_tours(data_home).values() if t.get("title") == "Two ports for class"]
        stops = saved[0]["stops"] if saved else []
        check(len(stops) == 2, "the tour has two stops, saved (%d)" % len(stops))
        check(len(stops) == 2 and stops[0].get("subject") == "feature:gwadar-port"
              and stops[1].get("subject") == "feature:piraeus-port",
              "the stops are about Gwadar and Piraeus (%s)" % [s.get("subject") for s in stops])
        check(len(stops) == 2 and (stops[0].get("quote") or "").startswith("passage:"),
              "the first stop quotes a passage (%r)" % (stops[0].get("quote") if stops else None))

        # The editor shows them.
        key("alt+3")
        key("Return")
        wait_for(lambda: find(app, lambda n: (n.name or "").startswith("Stop 2: ")), "the stops in the editor", 10)
        shot("e2e-tour-editor.png")

        # Save As… with the keyboard: the file chooser takes a full path.
        key("alt+3")
        key("ctrl+shift+s")
        subprocess.run(["xdotool", "search", "--sync", "--name", "^Save the Tour As$"], check=True,
                       capture_output=True, timeout=15)
        time.sleep(1.5)
        key("ctrl+a")
        type_text(saved_as)
        key("Return")
        wait_for(lambda: os.path.exists(saved_as), "the saved file", 10)
        with open(saved_as) as f:
            copy = json.load(f)
        check(copy.get("title") == "Two ports for class" and len(copy.get("stops", [])) == 2,
              "Save As… writes the tour to the file chosen")
        key("ctrl+q")
        proc.wait(10)
    except Exception as e:
        check(False, "making a tour: %s" % e)
        shot("e2e-tour-make-failure.png")
    finally:
        if proc is not None:
            stop(proc)


def reopen(env, saved_as):
    # From the file, on the command line.
    proc = start(["--present", saved_as], env=env)
    try:
        app = wait_for(app_node, "the app on the accessibility bus")
        check(wait_title(app, "Gwadar Port", 40), "--present FILE shows the saved tour's first stop")
        key("Page_Down")
        check(wait_title(app, "Port of Piraeus"), "and Page Down its second")
        key("Escape")
    except Exception as e:
        check(False, "reopening the file: %s" % e)
        shot("e2e-tour-reopen-failure.png")
    finally:
        stop(proc)

    # From the list: the user's tours come after the built-in ones.
    proc = None
    try:
        proc, app = start_loaded(env)
        key("alt+3", "End", "Return")
        wait_for(lambda: find(app, lambda n: (n.name or "").startswith("Stop 2: Port of Piraeus")),
                 "the reopened tour in the editor", 10)
        key("F5")
        check(wait_title(app, "Gwadar Port", 20), "F5 presents the reopened tour from the list")
        time.sleep(2.0)
        shot("e2e-tour-reopened.png")
        key("Escape")
    except Exception as e:
        check(False, "reopening from the list: %s" % e)
        shot("e2e-tour-reopen-failure.png")
    finally:
        if proc is not None:
            stop(proc)


def main():
    os.makedirs(OUT, exist_ok=True)
    data_home = tempfile.mkdtemp(prefix="bri-e2e-tours-")
    saved_as = os.path.join(data_home, "saved", "two-ports.briatour")
    os.makedirs(os.path.dirname(saved_as))
    env = app_env()
    env["XDG_DATA_HOME"] = data_home

    wm = None
    if shutil.which("matchbox-window-manager"):
        wm = subprocess.Popen(["matchbox-window-manager", "-use_titlebar", "no"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)
    else:
        check(False, "matchbox-window-manager is installed (build-aux/deps), for full screen")
    try:
        present_cpec(env)
        make_tour(env, data_home, saved_as)
        reopen(env, saved_as)
    finally:
        if wm is not None:
            wm.terminate()
            wm.wait(5)
        shutil.rmtree(data_home, ignore_errors=True)

    print("# %d passed, %d failed" % (brie2e.n_checks - len(brie2e.failures), len(brie2e.failures)))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
