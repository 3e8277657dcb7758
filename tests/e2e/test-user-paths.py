#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The real app, driven as a user drives it, through the accessibility
# bus: search and choose a port, click a marker on the map, open a
# country.  Run by meson inside build-aux/test's Xvfb and D-Bus session.

import os
import subprocess
import sys
import time

import pyatspi

BIN = os.environ["BRI_ATLAS_BIN"]
OUT = os.environ.get("BRI_TEST_OUTPUT_DIR", "/tmp")
TIMEOUT = 30.0

failures = []
n_checks = 0


def log(msg):
    print("# " + msg, flush=True)


def check(cond, what):
    global n_checks
    n_checks += 1
    print(("ok %d - " if cond else "not ok %d - ") % n_checks + what, flush=True)
    if not cond:
        failures.append(what)


def visible(node):
    try:
        return node.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def walk(node, depth=0):
    """Every accessible below node (node included), not entering what is
    hidden (the app marks the side panel's hidden pages)."""
    yield node
    if depth > 40 or (depth > 0 and not visible(node)):
        return
    try:
        n = node.childCount
    except Exception:
        return
    for i in range(n):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            yield from walk(child, depth + 1)


def extents(node):
    # GTK 4.8 has no screen coordinates; with no window manager the window
    # sits at 0,0, so window coordinates are screen coordinates.
    return node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)


def showing(node):
    """On screen: GTK 4.8 never sets STATE_SHOWING, but a widget that is not
    mapped has no size."""
    try:
        ext = extents(node)
        return ext.width > 0 and ext.height > 0
    except Exception:
        return False


def find(root, pred, visible=True):
    for node in walk(root):
        try:
            if pred(node) and (not visible or showing(node)):
                return node
        except Exception:
            continue
    return None


def wait_for(fn, what, timeout=TIMEOUT):
    end = time.time() + timeout
    while time.time() < end:
        result = fn()
        if result:
            return result
        time.sleep(0.2)
    raise TimeoutError("timed out waiting for " + what)


def app_node():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == "bri-atlas":
            return app
    return None


def center(node):
    ext = extents(node)
    return ext.x + ext.width // 2, ext.y + ext.height // 2


def settled_extents(node, timeout=5.0):
    """Wait until GTK has laid the node out: a new row appears in the
    accessibility tree before it has its final position."""
    end = time.time() + timeout
    last = None
    while time.time() < end:
        ext = extents(node)
        now = (ext.x, ext.y, ext.width, ext.height)
        if ext.width > 0 and ext.height > 0 and now == last:
            return ext
        last = now
        time.sleep(0.2)
    return extents(node)


def click(node):
    settled_extents(node)
    x, y = center(node)
    pyatspi.Registry.generateMouseEvent(x, y, pyatspi.MOUSE_ABS)
    time.sleep(0.1)
    pyatspi.Registry.generateMouseEvent(x, y, "b1c")


def screenshot(name):
    path = os.path.join(OUT, name)
    subprocess.run(["import", "-window", "root", path], check=False)
    log("screenshot " + path)


def labels_text(root):
    texts = []
    for node in walk(root):
        try:
            if node.getRoleName() == "label" and showing(node) and node.name:
                texts.append(node.name)
        except Exception:
            pass
    return texts


def side_panel_text(app):
    """The text of the side panel's visible page."""
    flap = find(app, lambda n: n.name == "AdwFlap")
    return "\n".join(labels_text(flap))


CONTROL_ROLES = ("push button", "toggle button", "check box", "radio button", "entry",
                 "combo box", "spin button", "slider", "list", "page tab", "menu button")


def unnamed_controls(app):
    """Controls on screen without a real accessible name (GTK falls back
    to the class name, e.g. "GtkButton")."""
    bad = []
    for node in walk(app):
        try:
            role = node.getRoleName()
            name = node.name or ""
        except Exception:
            continue
        if role in CONTROL_ROLES and (name == "" or name.startswith("Gtk") or name.startswith("Adw")):
            bad.append("%s %r" % (role, name))
    return bad


def check_names(app, where):
    bad = unnamed_controls(app)
    check(not bad, "every control has an accessible name (%s)%s" % (where, ": " + ", ".join(bad) if bad else ""))


def search(app, query):
    entry = find(app, lambda n: n.getRoleName() == "entry" and n.name == "Search")
    entry.queryEditableText().setTextContents(query)
    return entry


def choose_result(app, predicate, what):
    results = wait_for(lambda: find(app, lambda n: n.name == "Search results"), "search results")
    row = wait_for(lambda: find(results, lambda n: n.getRoleName() in ("list item", "row")
                                and predicate(n.name or "")), what)
    click(row)


def main():
    os.makedirs(OUT, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("GSK_RENDERER", "cairo")
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    # Connect to the accessibility bus before the app starts, so its
    # registration is not missed.
    pyatspi.Registry.getDesktop(0)
    proc = subprocess.Popen([BIN], env=env)
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
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()

    print("1..%d" % n_checks)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
