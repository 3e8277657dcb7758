#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The map by keyboard and screen reader, with real key presses (xdotool)
# read back through the accessibility bus.
#
# "bri-atlas view:37.9,23.6,9" starts at Piraeus.  The In View page lists
# the places the map shows by the names a screen reader says ("Port of
# Piraeus, port, operational"), and nothing far away (Gwadar).  Then keys
# only: Tab reaches the map, Tab steps through its places until the map's
# accessible name is Piraeus's, "+" zooms instead of starting a search,
# Enter opens the Piraeus card, letters still start a search, and Escape
# leaves the map.

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import brie2e  # noqa: E402
from brie2e import *  # noqa: E402,F401,F403

import pyatspi  # noqa: E402

PIRAEUS = "Port of Piraeus, port, operational"
MAP_DESCRIPTION_START = "Arrow keys move the map"


def key(*keys):
    for k in keys:
        subprocess.run(["xdotool", "key", "--clearmodifiers", k], check=True)
        time.sleep(0.25)


def focused(node):
    try:
        return node.getState().contains(pyatspi.STATE_FOCUSED)
    except Exception:
        return False


def map_layer(app):
    """The map's keyboard: found by its description, since its name is the
    place the keyboard has reached."""
    return find(app, lambda n: (n.description or "").startswith(MAP_DESCRIPTION_START))


def in_view_rows(app):
    box = find(app, lambda n: n.getRoleName() == "list" and n.name == "Places in view")
    if box is None:
        return None
    rows = [box.getChildAtIndex(i) for i in range(box.childCount)]
    # The placeholder ("No places in view") is the list box's child too.
    return [row.name for row in rows if row is not None and row.getRoleName() == "list item"]


def search_text(app):
    entry = find(app, lambda n: n.getRoleName() == "entry" and n.name == "Search")
    text = entry.queryText()
    return text.getText(0, text.characterCount)


def places_in_view(app):
    in_view = wait_for(lambda: find(app, lambda n: n.getRoleName() == "page tab"
                                    and n.name == "In View"), "the In View switch")
    click(in_view)
    rows = wait_for(lambda: in_view_rows(app), "the list of places in view", 10)
    log("in view: %s" % "; ".join(rows))
    check(PIRAEUS in rows, "the places in view list “%s”" % PIRAEUS)
    check(not any("Gwadar" in r for r in rows), "the places in view do not list far-away Gwadar")
    check(all(r.count(", ") >= 2 for r in rows), "each place in view is named with its kind and status")
    count = find(app, lambda n: n.getRoleName() == "label" and (n.name or "").endswith(" in view"))
    check(count is not None and count.name.split()[0] == str(len(rows)),
          "the count above the list says how many (%r)" % (count.name if count else None))
    check_names(app, "In View page")
    screenshot("e2e-map-keyboard-in-view.png")
    return rows


def tab_to_map(app, layer):
    for _ in range(40):
        if focused(layer):
            return True
        key("Tab")
    return focused(layer)


def tab_to_piraeus(layer, names):
    for _ in range(60):
        key("Tab")
        names.append(layer.name)
        if layer.name == PIRAEUS or not focused(layer):
            break
    log("Tab went through: %s" % "; ".join(names))
    return layer.name == PIRAEUS and focused(layer)


def main():
    os.makedirs(OUT, exist_ok=True)
    proc = start(["view:37.9,23.6,9"])
    try:
        app = wait_for(app_node, "the app on the accessibility bus")
        wait_for(lambda: find(app, lambda n: n.getRoleName() == "list" and n.name == "Places"),
                 "the list of places (atlas loaded)", 40)
        time.sleep(1.0)

        rows = places_in_view(app)

        layer = map_layer(app)
        check(layer is not None, "the map is on the accessibility bus with its keys described")
        if layer is None:
            return finish()
        check(tab_to_map(app, layer), "Tab reaches the map")
        check(layer.name == "Map features", "the map itself is named “Map features” (%r)" % layer.name)
        screenshot("e2e-map-keyboard-map-focused.png")

        names = []
        check(tab_to_piraeus(layer, names), "Tab steps through the places on the map to Piraeus (%r)" % layer.name)
        check(names == rows[:len(names)], "Tab on the map goes in the order of the In View list")
        screenshot("e2e-map-keyboard-piraeus.png")

        key("plus")
        time.sleep(1.0)
        check(search_text(app) == "", "“+” on the map zooms and types nothing into the search entry")
        check(focused(layer) and layer.name == PIRAEUS, "the map keeps the focus and Piraeus after “+”")
        screenshot("e2e-map-keyboard-zoomed.png")

        key("Return")
        try:
            wait_for(lambda: "COSCO" in side_panel_text(app), "the Piraeus card", 10)
        except TimeoutError:
            pass
        text = side_panel_text(app)
        check("Port of Piraeus" in text and "COSCO" in text, "Enter on Piraeus opens its card")
        screenshot("e2e-map-keyboard-card.png")

        # Letters typed on the map still start a search (the window's
        # search entry takes what the map leaves).
        check(focused(layer), "the map keeps the focus after opening the card")
        key("g", "w")
        try:
            wait_for(lambda: search_text(app) == "gw", "the search entry to take the letters", 5)
        except TimeoutError:
            pass
        check(search_text(app) == "gw", "letters typed on the map go into the search (%r)" % search_text(app))
        check(wait_for(lambda: find(app, lambda n: n.name == "Search results"), "search results", 10) is not None,
              "the letters typed on the map are searched for")

        key("Escape")
        time.sleep(0.5)
        check(not focused(layer), "Escape takes the focus from the map back to the side panel")
    finally:
        stop(proc)

    print("# %d passed, %d failed" % (brie2e.n_checks - len(brie2e.failures), len(brie2e.failures)))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
