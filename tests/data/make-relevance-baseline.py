#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Records how many passages today's search returns for every query of
relevance.json, so that tests/core/search/test-relevance.c can check
that no query that finds passages today finds fewer after a change.

    tests/data/make-relevance-baseline.py [--binary BRI_ATLAS_BIN]
        [--commit COMMIT] [--output OUTPUT]

The binary defaults to $BRI_ATLAS_BIN, then _build/app/bri-atlas; the
output to tests/data/relevance-baseline.json.  The counts come from
`bri-atlas --search QUERY --json --limit 0`, which runs the same
bri_atlas_search () as the window.  Run it on a build of a clean commit:
the checkout's HEAD by default (it warns when app/ has local changes), or
name the commit a binary was built from (say, from `git archive`) with
--commit.
"""

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def count_passages(binary, query):
    run = subprocess.run([binary, '--search', query, '--json', '--limit', '0'],
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f'{binary} --search {query!r} failed ({run.returncode}): {run.stderr.strip()}')
    return sum(1 for line in run.stdout.splitlines()
               if line.strip() and json.loads(line).get('type') == 'passage')


def git(*args):
    return subprocess.run(['git', '-C', ROOT, *args], capture_output=True,
                          text=True, check=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--binary', default=os.environ.get(
        'BRI_ATLAS_BIN', os.path.join(ROOT, '_build', 'app', 'bri-atlas')))
    parser.add_argument('--commit', help='the commit the binary was built from')
    parser.add_argument('--output', default=os.path.join(HERE, 'relevance-baseline.json'))
    args = parser.parse_args()

    with open(os.path.join(HERE, 'relevance.json'), encoding='utf-8') as f:
        queries = [q['query'] for q in json.load(f)['queries']]

    # A baseline made from a changed engine would hide its regressions.
    if args.commit is not None:
        commit, engine_changed = args.commit, False
    else:
        commit = git('rev-parse', 'HEAD')
        engine_changed = git('status', '--porcelain', '--', 'app/core', 'app/cli') != ''
        if engine_changed:
            print('warning: app/core or app/cli has local changes; the baseline records them',
                  file=sys.stderr)

    baseline = {
        'description': 'Passages that `bri-atlas --search QUERY --json --limit 0` returned for '
                       'each query of relevance.json before the search rework; made by '
                       'make-relevance-baseline.py.',
        'commit': commit,
        'engine_changed': engine_changed,
        'passages': {q: count_passages(args.binary, q) for q in queries},
    }

    with open(args.output, 'w', encoding='utf-8') as f:
        json.dump(baseline, f, ensure_ascii=False, indent=2)
        f.write('\n')
    print(f'{args.output}: {len(queries)} queries at {baseline["commit"][:12]}')


if __name__ == '__main__':
    main()
