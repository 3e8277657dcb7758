# SPDX-License-Identifier: GPL-3.0-or-later
# What the end-to-end tests share: finding the app and its widgets on the
# accessibility bus, clicking and typing as a user does, TAP output, and
# starting and stopping the real app.

import os
import subprocess
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




def app_env():
    env = dict(os.environ)
    env.setdefault("GSK_RENDERER", "cairo")
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    return env


def start(args=(), env=None, command=None):
    """Starts the app; connects to the accessibility bus first, so its
    registration is not missed."""
    pyatspi.Registry.getDesktop(0)
    return subprocess.Popen(command or [BIN] + list(args), env=env or app_env())


def stop(proc):
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()


def finish():
    print("1..%d" % n_checks)
    return 1 if failures else 0
