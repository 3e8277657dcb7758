#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The real app, driven as a user drives it, through the accessibility
# bus: search and choose a port, click a marker on the map, open a
# country.  Run by meson inside build-aux/test's Xvfb and D-Bus session.

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from brie2e import *  # noqa: E402,F401,F403

def main():
    os.makedirs(OUT, exist_ok=True)
    proc = start()
    try:
        app = wait_for(app_node, "the app on the accessibility bus")
        wait_for(lambda: find(app, lambda n: n.getRoleName() == "list" and n.name == "Places"),
                 "the list of places (atlas loaded)")
        time.sleep(1.5)
        screenshot("e2e-startup.png")
        check_names(app, "start")

        # 1. Search for Gwadar and choose the port.
        search(app, "Gwadar")
        choose_result(app, lambda name: "Gwadar" in name and "Port" in name, "the Gwadar port result")
        text = wait_for(lambda: (lambda t: t if "Gwadar Port" in t and "passage" in t.lower() else None)(side_panel_text(app)),
                        "the Gwadar card", 10)
        check("Gwadar Port" in text, "the panel shows the Gwadar port")
        check(any("Gwadar" in t and len(t) > 80 for t in text.split("\n")),
              "the panel shows a passage about the Gwadar port")
        screenshot("e2e-gwadar.png")
        check_names(app, "feature card")

        # The passage opens in its document.
        open_doc = find(app, lambda n: n.getRoleName() == "push button" and "Open in Document" in (n.name or ""))
        click(open_doc)

        def reader_text():
            view = find(app, lambda n: n.getRoleName() == "text" and n.name != "Search")
            if view is None:
                return None
            text = view.queryText()
            return text.getText(0, text.characterCount)
        doc = wait_for(lambda: (lambda t: t if t and "Gwadar Port" in t else None)(reader_text()),
                       "the reader with the Gwadar passage", 10)
        check("Mombasa-Nairobi Standard Gauge Railway" in doc and len(doc) > 50000,
              "the reader shows the whole document")
        check_names(app, "reader")

        # 2. Go to Piraeus, leave its card, then click its marker on the map.
        search(app, "Piraeus")
        choose_result(app, lambda name: "Piraeus" in name and "Port" in name, "the Piraeus result")
        wait_for(lambda: "Port of Piraeus" in side_panel_text(app), "the Piraeus card", 10)
        time.sleep(2.5)  # the flight to Piraeus
        piraeus_passage = "twenty-foot equivalent units"
        check(piraeus_passage in side_panel_text(app), "choosing Piraeus shows its card")
        # "All Places" returns to the list without moving the map.  The
        # button slides in: click it once it has stopped moving.
        time.sleep(0.6)
        for attempt in range(3):
            all_places = wait_for(lambda: find(app, lambda n: n.getRoleName() == "push button"
                                               and (n.name or "").startswith("All Places")),
                                  "the All Places button", 10)
            click(all_places)
            try:
                wait_for(lambda: piraeus_passage not in side_panel_text(app), "the list of places", 4)
                break
            except TimeoutError:
                log("All Places click %d did not take" % (attempt + 1))
        check(piraeus_passage not in side_panel_text(app), "the Piraeus card is closed before the click")
        # The map flew to Piraeus, so its marker is at the map's centre.
        layer = find(app, lambda n: n.name == "Map features")
        text = None
        for attempt in range(2):
            click(layer)
            try:
                text = wait_for(lambda: (lambda t: t if piraeus_passage in t else None)(side_panel_text(app)),
                                "the Piraeus card after clicking the marker", 6)
                break
            except TimeoutError:
                log("marker click %d did not open the card; the flight may still be running" % (attempt + 1))
                time.sleep(2)
        text = text or side_panel_text(app)
        check(any("Piraeus" in t and piraeus_passage in t for t in text.split("\n")),
              "clicking the Piraeus marker shows the Piraeus passage")
        screenshot("e2e-piraeus.png")

        # 3. Open Kenya: the dossier lists the Mombasa–Nairobi railway.
        search(app, "Kenya")
        choose_result(app, lambda name: name.startswith("Kenya"), "the Kenya result")
        def railway_row(t):
            return any("Mombasa" in line and "Nairobi" in line and len(line) < 80 for line in t.split("\n"))
        try:
            text = wait_for(lambda: (lambda t: t if railway_row(t) else None)(side_panel_text(app)),
                            "Kenya's dossier with its railway", 10)
        except TimeoutError:
            text = side_panel_text(app)
        check("Kenya" in text, "the dossier is Kenya's")
        check(railway_row(text), "the dossier lists the Mombasa–Nairobi railway")
        screenshot("e2e-kenya.png")
        check_names(app, "country dossier")
    except Exception as e:  # a timeout is a failure with its reason
        check(False, "user path: %s" % e)
        screenshot("e2e-failure.png")
    finally:
        stop(proc)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
