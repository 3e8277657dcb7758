#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write data/countries/countries.json: one entry per basemap country.

    npm install --prefix /tmp/wa world-atlas
    python3 build-aux/countries/make-countries.py [--world-atlas DIR]

Sources:
- which countries: data/basemap/basemap.json (written by make-basemap.py),
  including the codes it assigned to Natural Earth features without one;
- codes and English names: Debian's iso-codes,
  /usr/share/iso-codes/json/iso_3166-1.json ("name" is "common_name" when
  iso-codes has one; "iso_name" keeps iso-codes' "name", the gettext msgid
  of the translations in the iso_3166-1 domain);
- demonyms and alternative names: build-aux/countries/names.tsv (by hand);
- bounds and label point: Natural Earth 50m outlines from world-atlas
  (10m for the few features only 10m has).

Each entry: alpha2, alpha3, numeric (int), name, iso_name, official_name
(or null), demonyms, alt_names, bounds [west, south, east, north] in degrees
(west > east when the country is smallest across the antimeridian) and
label [lon, lat], a point well inside the largest polygon, where a map
label fits best. Sorted by alpha2.
"""

import argparse
import heapq
import importlib.util
import json
import math
import os
import sys
import unicodedata

HERE = os.path.dirname (os.path.abspath (__file__))
TOP = os.path.dirname (os.path.dirname (HERE))
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"


def load_basemap_module ():
    path = os.path.join (TOP, "build-aux", "basemap", "make-basemap.py")
    spec = importlib.util.spec_from_file_location ("make_basemap", path)
    module = importlib.util.module_from_spec (spec)
    spec.loader.exec_module (module)
    return module


def fold (s):
    """The key two names clash on: case, accents, punctuation and spacing."""
    s = unicodedata.normalize ("NFKD", s.casefold ())
    s = "".join (c for c in s if not unicodedata.combining (c))
    s = "".join (c if c.isalnum () else " " for c in s)
    return " ".join (s.split ())


def read_names (path):
    table = {}
    with open (path, encoding="utf-8") as f:
        for n, line in enumerate (f, 1):
            line = line.rstrip ("\n")
            if not line or line.startswith ("#"):
                continue
            fields = line.split ("\t")
            if len (fields) != 3:
                sys.exit (f"{path}:{n}: expected 3 tab-separated fields, got {len (fields)}")
            code, demonyms, alt = fields
            if code in table:
                sys.exit (f"{path}:{n}: {code} appears twice")

            def split (v):
                return [x.strip () for x in v.split (",") if x.strip ()]

            table[code] = (split (demonyms), split (alt))
    return table


# ------------------------------------------------------------- geometry

def lon_spans_bounds (rings):
    """[west, south, east, north]: the complement of the widest stretch of
    longitude no ring covers, so it may wrap across the antimeridian."""
    spans = sorted ((min (p[0] for p in r), max (p[0] for p in r)) for r in rings)
    south = min (p[1] for r in rings for p in r)
    north = max (p[1] for r in rings for p in r)
    reach = max (s[1] for s in spans)
    best = spans[0][0] + 360 - reach
    west, east = spans[0][0], reach
    reach = spans[0][1]
    for lo, hi in spans[1:]:
        if lo - reach > best:
            best = lo - reach
            west, east = lo, reach
        reach = max (reach, hi)
    return [west, south, east, north]


def equal_area (ring):
    """Area of a lon/lat ring, scaled by cos(latitude): enough to rank
    polygons by size (Mercator would make Svalbard outrank Norway)."""
    a = 0.0
    for i in range (len (ring)):
        x0, y0 = ring[i - 1]
        x1, y1 = ring[i]
        a += (x1 - x0) * (math.sin (math.radians (y0)) + math.sin (math.radians (y1)))
    return abs (a) / 2


def point_segment_dist2 (px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    if dx or dy:
        t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)
        if t > 1:
            ax, ay = bx, by
        elif t > 0:
            ax += dx * t
            ay += dy * t
    dx, dy = px - ax, py - ay
    return dx * dx + dy * dy


def signed_distance (x, y, rings):
    """Distance to the outline, positive inside (even-odd over the rings)."""
    inside = False
    best = math.inf
    for ring in rings:
        n = len (ring)
        j = n - 1
        for i in range (n):
            ax, ay = ring[i]
            bx, by = ring[j]
            if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
                inside = not inside
            best = min (best, point_segment_dist2 (x, y, ax, ay, bx, by))
            j = i
    d = math.sqrt (best)
    return d if inside else -d


def polylabel (rings, precision_ratio=0.002):
    """The point inside the polygon farthest from its outline (the "pole of
    inaccessibility", found by quadtree search as in Mapbox's polylabel).
    Returns (x, y, distance)."""
    xs = [p[0] for r in rings for p in r]
    ys = [p[1] for r in rings for p in r]
    minx, miny, maxx, maxy = min (xs), min (ys), max (xs), max (ys)
    w, h = maxx - minx, maxy - miny
    size = min (w, h)
    if size == 0:
        return (minx, miny, 0.0)
    precision = max (w, h) * precision_ratio

    def cell (x, y, half):
        d = signed_distance (x, y, rings)
        return (-(d + half * math.sqrt (2)), x, y, half, d)

    heap = []
    half = size / 2
    x = minx
    while x < maxx:
        y = miny
        while y < maxy:
            heapq.heappush (heap, cell (x + half, y + half, half))
            y += size
        x += size
    best = cell (minx + w / 2, miny + h / 2, 0)
    while heap:
        c = heapq.heappop (heap)
        if c[4] > best[4]:
            best = c
        if -c[0] - best[4] <= precision:
            continue
        half = c[3] / 2
        for dx in (-half, half):
            for dy in (-half, half):
                heapq.heappush (heap, cell (c[1] + dx, c[2] + dy, half))
    return (best[1], best[2], best[4])


def mercator (lon, lat):
    lat = max (-85.0511287798066, min (85.0511287798066, lat))
    s = math.sin (math.radians (lat))
    return ((lon + 180) / 360, 0.5 - math.log ((1 + s) / (1 - s)) / (4 * math.pi))


def unmercator (x, y):
    return (x * 360 - 180, math.degrees (math.atan (math.sinh (math.pi * (1 - 2 * y)))))


def label_point (mb, polys):
    """Polylabel, in Mercator so that the point looks centred on the map,
    of the largest polygon (or of the biggest piece of it, when it is cut
    at the antimeridian)."""
    def size (poly):
        return equal_area (mb.unwrap_ring (poly[0])) - sum (equal_area (mb.unwrap_ring (r)) for r in poly[1:])

    largest = max (polys, key=size)
    best = None
    for part in mb.split_polygon (largest):
        rings = [[mercator (lon, lat) for lon, lat in r] for r in part]
        x, y, d = polylabel (rings)
        if best is None or d > best[2]:
            best = (x, y, d)
    return unmercator (best[0], best[1])


# ------------------------------------------------------------- main

def main ():
    ap = argparse.ArgumentParser (description=__doc__.split ("\n")[0])
    mb = load_basemap_module ()
    ap.add_argument ("--world-atlas", default=mb.default_world_atlas_dir ())
    ap.add_argument ("--output", default=os.path.join (TOP, "data", "countries", "countries.json"))
    args = ap.parse_args ()

    with open (os.path.join (TOP, "data", "basemap", "basemap.json"), encoding="utf-8") as f:
        meta = json.load (f)
    with open (ISO_JSON, encoding="utf-8") as f:
        iso = {int (e["numeric"]): e for e in json.load (f)["3166-1"]}
    names = read_names (os.path.join (HERE, "names.tsv"))
    assigned = {a["numeric"]: a for a in meta["assigned_codes"]}

    shapes = {}
    for res in ("10m", "50m"):  # 50m wins where both have the country
        path = os.path.join (args.world_atlas, f"countries-{res}.json")
        for code, _, polys in mb.load_features (path):
            shapes[code] = polys

    codes = sorted (set (c for r in meta["resolutions"].values () for c in r["codes"]))
    entries = []
    for code in codes:
        if code in iso:
            e = iso[code]
            entry = {
                "alpha2": e["alpha_2"],
                "alpha3": e["alpha_3"],
                "numeric": code,
                "name": e.get ("common_name", e["name"]),
                "iso_name": e["name"],
                "official_name": e.get ("official_name"),
            }
        elif code in assigned:
            a = assigned[code]
            entry = {
                "alpha2": a["alpha2"],
                "alpha3": a["alpha3"],
                "numeric": code,
                "name": a["name"],
                "iso_name": a["name"],  # no translations exist; dgettext returns it as is
                "official_name": None,
            }
        else:
            sys.exit (f"basemap code {code} is neither in iso-codes nor assigned")
        if entry["alpha2"] not in names:
            sys.exit (f"names.tsv has no line for {entry['alpha2']} ({entry['name']})")
        entry["demonyms"], entry["alt_names"] = names.pop (entry["alpha2"])
        # ISO's inverted names ("Congo, The Democratic Republic of the") read
        # badly on a map and in lists: use the first spelled-out alternative
        # name instead. iso_name keeps the ISO form, the gettext msgid.
        if "," in entry["name"]:
            spelled = [t for t in entry["alt_names"] if not t.isupper ()]
            if spelled:
                entry["name"] = spelled[0]
                entry["alt_names"] = [t for t in entry["alt_names"] if t != spelled[0]]

        polys = shapes[code]
        rings = [r for poly in polys for part in mb.split_polygon (poly) for r in part]
        # Always floats, so that a reader never meets -180 as an integer.
        entry["bounds"] = [float (round (v, 4)) for v in lon_spans_bounds (rings)]
        entry["label"] = [float (round (v, 4)) for v in label_point (mb, polys)]
        entries.append (entry)

    if names:
        sys.exit (f"names.tsv has lines for countries not on the basemap: {sorted (names)}")

    # A term that names two countries would link a passage to the wrong one.
    owner = {}
    problems = []
    for e in entries:
        own = {fold (t) for t in (e["name"], e["iso_name"], e["official_name"]) if t}
        for t in e["demonyms"] + e["alt_names"]:
            if fold (t) in own:
                problems.append (f"{e['alpha2']}: {t!r} repeats the country's own name")
        for t in own | {fold (t) for t in e["demonyms"] + e["alt_names"]}:
            if t in owner and owner[t] != e["alpha2"]:
                problems.append (f"{t!r} names both {owner[t]} and {e['alpha2']}")
            owner[t] = e["alpha2"]
    if problems:
        sys.exit ("names.tsv:\n  " + "\n  ".join (problems))

    entries.sort (key=lambda e: e["alpha2"])
    os.makedirs (os.path.dirname (args.output), exist_ok=True)
    with open (args.output, "w", encoding="utf-8") as f:
        json.dump (entries, f, indent=2, ensure_ascii=False)
        f.write ("\n")
    print (f"{args.output}: {len (entries)} countries")


if __name__ == "__main__":
    main ()
