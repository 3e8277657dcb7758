#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file with a translatable string must be listed in
# po/POTFILES, or its strings never reach translators; every listed file
# must exist.
import os
import re
import sys

top = sys.argv[1]
listed = set()
with open(os.path.join(top, "po", "POTFILES")) as f:
    listed = {line.strip() for line in f if line.strip() and not line.startswith("#")}

pattern = re.compile(r'(\b_\(|\bN_\(|\bngettext\s*\(|translatable="yes")')
missing = []
for root in ("app", "resources", "data"):
    for dirpath, _, files in os.walk(os.path.join(top, root)):
        for name in files:
            if not name.endswith((".c", ".ui", ".gschema.xml")):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, top)
            with open(path, encoding="utf-8") as f:
                if pattern.search(f.read()) and rel not in listed:
                    missing.append(rel)

stale = [p for p in listed if not os.path.exists(os.path.join(top, p))]
for p in missing:
    print("not in po/POTFILES: " + p)
for p in stale:
    print("listed but missing: " + p)
print("%d files listed" % len(listed))
sys.exit(1 if missing or stale else 0)
