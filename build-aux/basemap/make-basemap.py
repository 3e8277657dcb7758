#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turn Natural Earth country outlines into BriAtlas's compact basemap files.

Input: the TopoJSON files of the npm package world-atlas (ISC; the shapes are
Natural Earth 4.1.0, public domain):

    npm install --prefix /tmp/wa world-atlas
    python3 build-aux/basemap/make-basemap.py [--world-atlas DIR]

Output: data/basemap/countries-{110m,50m,10m}.bin and data/basemap/basemap.json
(metadata: source, the codes given to features without an ISO id, counts).

The app maps the .bin files straight out of its GResource, so the format is a
flat array of little-endian 32-bit words that C reads in place.

Binary format "BRIB", version 1
-------------------------------
Every field is 32 bits wide and little-endian; every section starts on a
4-byte boundary. (On a big-endian host a reader can byte-swap the whole file
word by word, after checking the magic bytes.)  Offsets are in bytes from
the start of the file.

Header, 64 bytes:
     0  char[4]  magic "BRIB"
     4  u32      version (1)
     8  u32      header size (64)
    12  u32      file size in bytes
    16  u32      n_countries
    20  u32      n_polygons
    24  u32      n_rings
    28  u32      n_points
    32  u32      offset of the country table   (= header size)
    36  u32      offset of the polygon table   (= country table + 36 * n_countries)
    40  u32      offset of the ring table      (= polygon table + 24 * n_polygons)
    44  u32      offset of the points          (= ring table + 24 * n_rings)
    48  u32      Natural Earth scale, in millions (110, 50 or 10)
    52  u32[3]   reserved, 0

Country, 36 bytes, sorted by numeric code, codes unique:
     0  i32      ISO 3166-1 numeric code (900-999: assigned here, see basemap.json)
     4  u32      first polygon
     8  u32      n_polygons
    12  u32      first ring  (the rings of a country's polygons are contiguous)
    16  u32      n_rings
    20  f32[4]   bbox: min_x, min_y, max_x, max_y

Polygon, 24 bytes: a group of rings to fill together with the even-odd rule
(the outer ring and its holes; a polygon cut at the antimeridian gives one
polygon per side):
     0  u32      first ring
     4  u32      n_rings
     8  f32[4]   bbox

Ring, 24 bytes:
     0  u32      first point
     4  u32      n_points (>= 3; the ring closes implicitly, the last point is
                 not a copy of the first)
     8  f32[4]   bbox

Points: n_points pairs of f32 (x, y).

Coordinates are normalized Web Mercator: x = (lon + 180) / 360 in [0, 1],
y in [0, 1] with 0 at the north edge (latitude clamped to +-85.0511), as in
slippy-map tiles: pixel = coordinate * 256 * 2^zoom.

Rings never cross the antimeridian: Natural Earth's stitched rings (Chukotka,
Wrangel Island, Fiji, Antarctica) are cut into pieces closed along x = 0 or
x = 1, and a ring around a pole is closed along the map's edge, so no edge
spans more than half the map's width.

Features world-atlas gives no id get codes from ASSIGNED below (recorded in
basemap.json). A country that a finer file shrinks to nothing (the Vatican
at 10m) keeps its coarser outline, so every file has every country the
coarser ones have.
"""

import argparse
import json
import math
import os
import struct
import sys

MAGIC = b"BRIB"
VERSION = 1
HEADER_SIZE = 64
COUNTRY_SIZE = 36
POLYGON_SIZE = 24
RING_SIZE = 24
MAX_LAT = 85.0511287798066
RESOLUTIONS = ("110m", "50m", "10m")

# Natural Earth features that world-atlas gives no ISO 3166-1 id. ISO keeps
# alpha-2 codes starting with X and numeric codes 900-999 for users; we take
# ours from there (XK/XKX for Kosovo is what the EU and IMF use; CP/CPT is
# ISO's reserved code for Clipperton). The numbers must never change: they are
# stored in user data and in the countries table.
ASSIGNED = {
    "Kosovo": (900, "XK", "XKX", "Kosovo"),
    "N. Cyprus": (901, "XN", "XNC", "Northern Cyprus"),
    "Somaliland": (902, "XS", "XSO", "Somaliland"),
    "Siachen Glacier": (903, "XG", "XSG", "Siachen Glacier"),
    "Baikonur": (904, "XB", "XBK", "Baikonur"),
    "Akrotiri": (905, "XA", "XAK", "Akrotiri"),
    "Dhekelia": (906, "XD", "XDK", "Dhekelia"),
    "Cyprus U.N. Buffer Zone": (907, "XU", "XUN", "Cyprus U.N. Buffer Zone"),
    "USNB Guantanamo Bay": (908, "XT", "XGT", "Guantanamo Bay Naval Base"),
    "Spratly Is.": (909, "XP", "XSP", "Spratly Islands"),
    "Scarborough Reef": (910, "XH", "XSR", "Scarborough Shoal"),
    "Clipperton I.": (911, "CP", "CPT", "Clipperton Island"),
    "Bajo Nuevo Bank": (912, "XJ", "XBN", "Bajo Nuevo Bank"),
    "Serranilla Bank": (913, "XR", "XSB", "Serranilla Bank"),
}

# Features without an id that belong to an ISO entry. Natural Earth already
# files Ashmore and Cartier under Australia's code; the Coral Sea Islands are
# the same kind of Australian external territory.
MERGED = {
    "Coral Sea Is.": 36,
}


def indian_ocean_territory (lon):
    """Natural Earth's "Indian Ocean Ter." is two ISO countries."""
    return 162 if lon > 100 else 166  # Christmas Island; Cocos (Keeling) Islands


SPLIT = {
    "Indian Ocean Ter.": indian_ocean_territory,
}


def default_world_atlas_dir ():
    for d in ("/tmp/wa/node_modules/world-atlas", "node_modules/world-atlas"):
        if os.path.exists (os.path.join (d, "countries-110m.json")):
            return d
    return "/tmp/wa/node_modules/world-atlas"


# ---------------------------------------------------------------- TopoJSON

def decode_arcs (topology):
    """Absolute lon/lat points of every arc (delta-encoded, quantized)."""
    transform = topology.get ("transform")
    arcs = []
    for arc in topology["arcs"]:
        pts = []
        if transform:
            sx, sy = transform["scale"]
            tx, ty = transform["translate"]
            x = y = 0
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append ((x * sx + tx, y * sy + ty))
        else:
            pts = [(p[0], p[1]) for p in arc]
        arcs.append (pts)
    return arcs


def ring_from_arcs (arcs, indexes):
    """A closed ring without the repeated end point. ~i means arc i reversed."""
    pts = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        # Consecutive arcs share their joining point.
        pts.extend (arc if not pts else arc[1:])
    if len (pts) > 1 and pts[0] == pts[-1]:
        pts.pop ()
    return pts


def load_features (path):
    """[(numeric, ne_name, [polygon, ...])] with a polygon a list of rings of
    (lon, lat), merged per numeric code, no-id features given their code."""
    with open (path, encoding="utf-8") as f:
        topology = json.load (f)
    arcs = decode_arcs (topology)
    by_code = {}
    names = {}
    for g in topology["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        polys = [[ring_from_arcs (arcs, r) for r in p] for p in polys]
        for poly in polys:
            if g.get ("id") is not None:
                code = int (g["id"])
            elif name in ASSIGNED:
                code = ASSIGNED[name][0]
            elif name in MERGED:
                code = MERGED[name]
            elif name in SPLIT:
                outer = poly[0]
                code = SPLIT[name] (sum (p[0] for p in outer) / len (outer))
            else:
                sys.exit (f"{path}: feature {name!r} has no id and no assigned code; "
                          "add it to ASSIGNED in make-basemap.py")
            by_code.setdefault (code, []).append (poly)
            names.setdefault (code, name)
    return [(code, names[code], by_code[code]) for code in sorted (by_code)]


# ------------------------------------------------------------- antimeridian

def unwrap_ring (ring):
    """Make longitudes continuous (a jump of more than 180 degrees is a
    crossing of the antimeridian). A ring that winds once round a pole is
    closed along that pole, so that the result is a closed plane polygon."""
    out = [ring[0]]
    off = 0.0
    for i in range (1, len (ring)):
        d = ring[i][0] - ring[i - 1][0]
        if d > 180:
            off -= 360
        elif d < -180:
            off += 360
        out.append ((ring[i][0] + off, ring[i][1]))
    d = ring[0][0] - ring[-1][0]
    if d > 180:
        off -= 360
    elif d < -180:
        off += 360
    if off != 0:
        # The only such rings are Antarctica's; decide by the side the ring lies on.
        pole = -90.0 if sum (p[1] for p in ring) < 0 else 90.0
        x0, y0 = ring[0]
        out += [(x0 + off, y0), (x0 + off, pole)]
        # Along the pole in steps, so that no edge spans half the world.
        for k in range (1, 4):
            out.append ((x0 + off - off * k / 4, pole))
        out.append ((x0, pole))
    return out


def clip_rings (rings, line, keep_right):
    """Cut closed rings by the vertical line x = line and keep the part on
    one side, closing each piece along the line. Points on the line count as
    kept. The pieces of all rings are joined together, so that holes cut by
    the line merge with their outer ring, as even-odd filling expects."""

    def inside (p):
        return p[0] >= line if keep_right else p[0] <= line

    def cross (a, b):
        t = (line - a[0]) / (b[0] - a[0])
        return (line, a[1] + t * (b[1] - a[1]))

    whole = []
    chains = []  # lists of points from an entry point to an exit point on the line
    for ring in rings:
        flags = [inside (p) for p in ring]
        if all (flags):
            whole.append (ring)
            continue
        if not any (flags):
            continue
        n = len (ring)
        start = flags.index (False)
        chain = None
        for k in range (n):
            a = ring[(start + k) % n]
            b = ring[(start + k + 1) % n]
            ia, ib = inside (a), inside (b)
            if not ia and ib:
                p = cross (a, b)
                chain = [p]
                if b != p:
                    chain.append (b)
            elif ia and ib:
                chain.append (b)
            elif ia and not ib:
                p = cross (a, b)
                if chain[-1] != p:
                    chain.append (p)
                chains.append (chain)
                chain = None
        assert chain is None

    # Along the line, the ends of the chains pair up into the intervals that
    # lie inside the polygon: sorted by y, (0, 1), (2, 3), ...
    ends = []
    for ci, c in enumerate (chains):
        ends.append ((c[0][1], ci, 0))
        ends.append ((c[-1][1], ci, 1))
    ends.sort ()
    partner = {}
    for k in range (0, len (ends), 2):
        a = ends[k][1:]
        b = ends[k + 1][1:]
        partner[a] = b
        partner[b] = a

    used = [False] * len (chains)
    for ci in range (len (chains)):
        if used[ci]:
            continue
        ring = []
        end = (ci, 0)
        while True:
            c, side = end
            if used[c]:
                break
            used[c] = True
            pts = chains[c] if side == 0 else chains[c][::-1]
            ring.extend (pts)
            end = partner[(c, 1 - side)]
        whole.append (ring)
    return whole


def split_polygon (poly):
    """Cut a polygon (list of lon/lat rings) at the antimeridian; returns a
    list of polygons whose longitudes all lie within [-180, 180]."""
    if not any (abs (r[i][0] - r[i - 1][0]) > 180 for r in poly for i in range (len (r))):
        return [poly]
    rings = [unwrap_ring (r) for r in poly]
    xmin = min (p[0] for r in rings for p in r)
    xmax = max (p[0] for r in rings for p in r)
    out = []
    k = math.floor ((xmin + 180) / 360)
    while -180 + 360 * k < xmax:
        left, right = -180 + 360 * k, 180 + 360 * k
        part = clip_rings (rings, left, True)
        part = clip_rings (part, right, False)
        part = [[(x - 360 * k, y) for x, y in r] for r in part]
        if part:
            out.append (part)
        k += 1
    return out


# ------------------------------------------------------------- projection

def f32 (v):
    return struct.unpack ("<f", struct.pack ("<f", v))[0]


def mercator (lon, lat):
    lat = max (-MAX_LAT, min (MAX_LAT, lat))
    x = (lon + 180.0) / 360.0
    s = math.sin (math.radians (lat))
    y = 0.5 - math.log ((1 + s) / (1 - s)) / (4 * math.pi)
    return (f32 (min (1.0, max (0.0, x))), f32 (min (1.0, max (0.0, y))))


def ring_area2 (ring):
    a = 0.0
    n = len (ring)
    for i in range (n):
        x0, y0 = ring[i - 1]
        x1, y1 = ring[i]
        a += x0 * y1 - x1 * y0
    return a


def project_ring (ring):
    pts = []
    for lon, lat in ring:
        p = mercator (lon, lat)
        if not pts or p != pts[-1]:
            pts.append (p)
    while len (pts) > 1 and pts[0] == pts[-1]:
        pts.pop ()
    if len (pts) < 3 or ring_area2 (pts) == 0.0:
        return None  # clamping at the poles or rounding left nothing to fill
    return pts


def bbox (points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min (xs), min (ys), max (xs), max (ys))


def union (boxes):
    boxes = list (boxes)
    return (min (b[0] for b in boxes), min (b[1] for b in boxes),
            max (b[2] for b in boxes), max (b[3] for b in boxes))


# ------------------------------------------------------------- output

def project_polygons (polys):
    out = []
    for poly in polys:
        for part in split_polygon (poly):
            rings = [pr for pr in (project_ring (r) for r in part) if pr is not None]
            if rings:
                out.append (rings)
    return out


def build (features, scale, fallback=()):
    """Returns (bytes, summary). A country of @fallback (a coarser
    resolution's features) that @features lacks, or that collapses to
    nothing in them, keeps its coarser outline: world-atlas's
    simplification shrinks the Vatican to a line at 10m."""
    countries = []  # (code, name, polygons) with polygons lists of projected rings
    borrowed = []
    for code, name, polys in features:
        out = project_polygons (polys)
        if out:
            countries.append ((code, name, out))
    done = {c[0] for c in countries}
    for code, name, polys in fallback:
        out = project_polygons (polys) if code not in done else None
        if out:
            countries.append ((code, name, out))
            borrowed.append (code)
    countries.sort (key=lambda c: c[0])

    n_countries = len (countries)
    n_polygons = sum (len (c[2]) for c in countries)
    n_rings = sum (len (p) for c in countries for p in c[2])
    n_points = sum (len (r) for c in countries for p in c[2] for r in p)
    off_countries = HEADER_SIZE
    off_polygons = off_countries + COUNTRY_SIZE * n_countries
    off_rings = off_polygons + POLYGON_SIZE * n_polygons
    off_points = off_rings + RING_SIZE * n_rings
    size = off_points + 8 * n_points

    header = struct.pack ("<4s12I", MAGIC, VERSION, HEADER_SIZE, size,
                          n_countries, n_polygons, n_rings, n_points,
                          off_countries, off_polygons, off_rings, off_points,
                          scale) + bytes (12)
    assert len (header) == HEADER_SIZE
    ctab, ptab, rtab, points = [], [], [], []
    poly_i = ring_i = point_i = 0
    max_dx = 0.0
    for code, name, polys in countries:
        c_first_poly, c_first_ring = poly_i, ring_i
        c_boxes = []
        for poly in polys:
            p_first_ring = ring_i
            p_boxes = []
            for ring in poly:
                b = bbox (ring)
                p_boxes.append (b)
                rtab.append (struct.pack ("<2I4f", point_i, len (ring), *b))
                for i, (x, y) in enumerate (ring):
                    max_dx = max (max_dx, abs (x - ring[i - 1][0]))
                    points.append (struct.pack ("<2f", x, y))
                point_i += len (ring)
                ring_i += 1
            pb = union (p_boxes)
            c_boxes.append (pb)
            ptab.append (struct.pack ("<2I4f", p_first_ring, ring_i - p_first_ring, *pb))
            poly_i += 1
        ctab.append (struct.pack ("<i4I4f", code, c_first_poly, poly_i - c_first_poly,
                                  c_first_ring, ring_i - c_first_ring, *union (c_boxes)))
    assert max_dx <= 0.5, f"an edge spans {max_dx * 360} degrees of longitude"
    data = header + b"".join (ctab) + b"".join (ptab) + b"".join (rtab) + b"".join (points)
    assert len (data) == size
    summary = {
        "file": f"countries-{scale}m.bin",
        "bytes": size,
        "countries": n_countries,
        "polygons": n_polygons,
        "rings": n_rings,
        "points": n_points,
        "max_edge_degrees": round (max_dx * 360, 3),
        "codes": [c[0] for c in countries],
        "borrowed_from_coarser": borrowed,
    }
    return data, summary


def main ():
    here = os.path.dirname (os.path.abspath (__file__))
    top = os.path.dirname (os.path.dirname (here))
    ap = argparse.ArgumentParser (description=__doc__.split ("\n")[0])
    ap.add_argument ("--world-atlas", default=default_world_atlas_dir (),
                     help="directory holding world-atlas's countries-*.json")
    ap.add_argument ("--output", default=os.path.join (top, "data", "basemap"))
    args = ap.parse_args ()

    os.makedirs (args.output, exist_ok=True)
    meta = {
        "source": "Natural Earth 4.1.0 Admin 0 countries (public domain), "
                  "via the npm package world-atlas 2 (ISC)",
        "generator": "build-aux/basemap/make-basemap.py",
        "format": "BRIB version 1, see the generator's docstring or app/core/places/bri-basemap.h",
        "assigned_codes": [
            {"natural_earth_name": k, "numeric": v[0], "alpha2": v[1], "alpha3": v[2], "name": v[3]}
            for k, v in sorted (ASSIGNED.items (), key=lambda kv: kv[1][0])
        ],
        "merged": [{"natural_earth_name": k, "into": v} for k, v in sorted (MERGED.items ())],
        "split": [{"natural_earth_name": "Indian Ocean Ter.",
                   "into": [162, 166], "rule": "longitude > 100 is Christmas Island (162)"}],
        "natural_earth_names": {},
        "resolutions": {},
    }
    coarser = []
    for res in RESOLUTIONS:
        src = os.path.join (args.world_atlas, f"countries-{res}.json")
        features = load_features (src)
        data, summary = build (features, int (res[:-1]), coarser)
        coarser = features
        for code, name, _ in features:
            meta["natural_earth_names"][str (code)] = name
        dst = os.path.join (args.output, f"countries-{res}.bin")
        with open (dst, "wb") as f:
            f.write (data)
        meta["resolutions"][res] = summary
        print (f"{dst}: {summary['bytes']} bytes, {summary['countries']} countries, "
               f"{summary['polygons']} polygons, {summary['rings']} rings, "
               f"{summary['points']} points")
    with open (os.path.join (args.output, "basemap.json"), "w", encoding="utf-8") as f:
        json.dump (meta, f, indent=2, ensure_ascii=False)
        f.write ("\n")


if __name__ == "__main__":
    main ()
