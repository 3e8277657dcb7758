#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Locations from outside the app: "bri-atlas feature:gwadar-port" on the
# command line, a second "bri-atlas country:KE" handed to the running
# instance, and, from a copy installed with meson into a prefix, a
# "bri-atlas:" link opened with gio as a teacher's notes would.

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from brie2e import *  # noqa: E402,F401,F403

BUILD_ROOT = os.environ["BRI_BUILD_ROOT"]


def panel_says(app, *words, timeout=15):
    def ok():
        text = side_panel_text(app)
        return text if all(w in text for w in words) else None
    try:
        return wait_for(ok, "the side panel to show " + ", ".join(words), timeout)
    except TimeoutError:
        return None


def reader_text(app):
    view = find(app, lambda n: n.getRoleName() == "text" and n.name != "Search")
    if view is None:
        return None
    text = view.queryText()
    return text.getText(0, text.characterCount)


def from_command_line():
    proc = start(["feature:gwadar-port"])
    try:
        app = wait_for(app_node, "the app on the accessibility bus")
        check(panel_says(app, "Gwadar Port", "passages") is not None,
              "bri-atlas feature:gwadar-port opens with the Gwadar card")
        screenshot("e2e-location-gwadar.png")

        # A second start hands its location to the running instance.
        second = subprocess.run([BIN, "country:KE"], env=app_env(), timeout=30)
        check(second.returncode == 0, "a second bri-atlas country:KE hands over and exits")
        check(panel_says(app, "Kenya", "Mombasa") is not None,
              "the running window shows Kenya's dossier")

        # Not a location: a clear message, exit status 2, the window untouched.
        bad = subprocess.run([BIN, "country:Kenya"], env=app_env(), capture_output=True, text=True,
                             timeout=30)
        check(bad.returncode == 2 and "two-letter" in bad.stderr,
              "a malformed location is refused with a message (%r)" % bad.stderr.strip())
        check("Kenya" in side_panel_text(app), "the window still shows Kenya")
    except Exception as e:
        check(False, "command line: %s" % e)
        screenshot("e2e-location-failure.png")
    finally:
        stop(proc)


def installed_uri():
    destdir = tempfile.mkdtemp(prefix="bri-install-")
    app = None
    try:
        subprocess.run(["meson", "install", "-C", BUILD_ROOT, "--no-rebuild", "--quiet",
                        "--destdir", destdir], check=True, capture_output=True)
        options = subprocess.run(["meson", "introspect", "--buildoptions", BUILD_ROOT],
                                 check=True, capture_output=True, text=True).stdout
        prefix = next(o["value"] for o in json.loads(options) if o["name"] == "prefix")
        root = destdir + prefix
        share = os.path.join(root, "share")
        apps = os.path.join(share, "applications")
        check(os.path.exists(os.path.join(root, "bin", "bri-atlas")), "meson install puts bri-atlas in the prefix")
        with open(os.path.join(apps, "org.example.BriAtlas.desktop")) as f:
            desktop = f.read()
        check("x-scheme-handler/bri-atlas" in desktop and "%U" in desktop,
              "the installed desktop file registers the bri-atlas: scheme")
        subprocess.run(["update-desktop-database", apps], check=True)
        subprocess.run(["glib-compile-schemas", os.path.join(share, "glib-2.0", "schemas")], check=True)

        env = app_env()
        env["PATH"] = os.path.join(root, "bin") + os.pathsep + env.get("PATH", "")
        env["XDG_DATA_DIRS"] = share + os.pathsep + env.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share")
        env["XDG_DATA_HOME"] = os.path.join(destdir, "home-share")
        env["GSETTINGS_SCHEMA_DIR"] = os.path.join(share, "glib-2.0", "schemas")

        handler = subprocess.run(["gio", "mime", "x-scheme-handler/bri-atlas"], env=env,
                                 capture_output=True, text=True)
        check("org.example.BriAtlas.desktop" in handler.stdout,
              "GIO knows BriAtlas handles bri-atlas: links (%s)" % handler.stdout.strip().splitlines()[:1])

        pyatspi.Registry.getDesktop(0)
        subprocess.run(["gio", "open", "bri-atlas:country:KE"], env=env, check=True, timeout=30)
        app = wait_for(app_node, "the installed app on the accessibility bus")
        check(panel_says(app, "Kenya", "Mombasa") is not None,
              "gio open bri-atlas:country:KE opens Kenya's dossier")
        screenshot("e2e-location-uri-kenya.png")

        # The running instance takes the next link.
        subprocess.run(["gio", "open", "bri-atlas:passage:white-paper-2023/88"], env=env, check=True,
                       timeout=30)
        text = wait_for(lambda: reader_text(app), "the reader", 15)
        check(text is not None and len(text) > 50000, "a passage link opens the document in the reader")
    except Exception as e:
        check(False, "installed copy: %s" % e)
        screenshot("e2e-location-failure.png")
    finally:
        if app is not None:
            try:
                os.kill(app.get_process_id(), signal.SIGTERM)
                time.sleep(1)
            except Exception as e:
                log("could not stop the installed app: %s" % e)
        shutil.rmtree(destdir, ignore_errors=True)


def main():
    os.makedirs(OUT, exist_ok=True)
    from_command_line()
    installed_uri()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
