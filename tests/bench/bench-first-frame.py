#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up benchmark: BriAtlas side by side with GNOME Maps, offline.

Both apps run with GSK_RENDERER=cairo on a private Xvfb (1280x800x24, no
window manager) inside a private D-Bus session, with in-memory GSettings
(so each starts from its defaults), alternately, BRI_BENCH_RUNS times each
(7 unless set) after one unmeasured warm-up run each: every run is a new
process, with the file cache warm ("cold-ish").

Measured the same way for both apps, by bench-first-paint (an X client that
knows nothing of either app): the time from just before exec until the
app's main window is mapped, and until the window first shows something
(the first X Damage report after which the window is not one flat colour).
GNOME Maps draws no map tiles here (no network), so "first paint" is the
fairest frame both apps have: for both it is the window with its header
bar and a map without tiles yet.

BriAtlas alone, from its own hook (BRI_ATLAS_BENCH_FIRST_FRAME), in the
same runs: the time from the process start to the end of the first frame
after which every visible map tile is drawn, and its peak RSS at that
moment; the hook then quits the app.

Peak RSS for both: the kernel's high-water mark (wait4 ru_maxrss, what
/usr/bin/time -v calls "Maximum resident set size") over a run without the
hook that is stopped (SIGTERM) 3 s after the first paint, so that the
atlas has loaded and Maps has settled.

Run: meson test -C _build --benchmark --suite bench first-frame -v
 or: /usr/bin/python3 tests/bench/bench-first-frame.py --build-dir _build
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

TARGET_COMPLETE_MS = 400.0
TARGET_RSS_MB = 150.0
SETTLE_MS = 3000
SCREEN = '1280x800x24'


def ensure_gnome_maps():
    """Installs Debian's gnome-maps, the peer, when it is missing: only this
    benchmark needs it, so it is not among the build's dependencies."""
    if shutil.which('gnome-maps'):
        return True
    print('Installing gnome-maps (Debian) for the comparison', file=sys.stderr)
    sudo = [] if os.geteuid() == 0 else ['sudo']
    env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
    install = sudo + ['apt-get', 'install', '-y', '-q', '--no-install-recommends', 'gnome-maps']
    if subprocess.run(install, env=env, stdout=sys.stderr).returncode != 0:
        subprocess.run(sudo + ['apt-get', 'update', '-q'], env=env, stdout=sys.stderr)
        subprocess.run(install, env=env, stdout=sys.stderr)
    return shutil.which('gnome-maps') is not None


def package_version(name):
    result = subprocess.run(['dpkg-query', '-W', '-f=${Version}', name],
                            capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else '?'


def measure(watcher, command, env):
    """Runs @command under bench-first-paint; returns its key=value figures
    (and the hook's, which the app prints on the same stdout)."""
    result = subprocess.run([watcher, '--settle-ms', str(SETTLE_MS), '--timeout-ms', '30000', '--'] + command,
                            env=env, capture_output=True, text=True, timeout=120)
    figures = {k: float(v) for k, v in re.findall(r'([a-z-]+)=(-?[0-9.]+)', result.stdout)}
    if result.returncode != 0 or figures.get('exec-to-paint-ms', -1) < 0:
        sys.stderr.write(result.stderr[-2000:])
        raise RuntimeError(f'{command[0]} failed (status {result.returncode}): {result.stdout.strip()}')
    return figures


def summary(values, scale=1.0):
    if not values:
        return 'n/a'
    values = [v * scale for v in values]
    return f'{statistics.median(values):7.1f} [{min(values):.1f}–{max(values):.1f}]'


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--build-dir', help='the meson build directory (default: from the environment)')
    args = parser.parse_args()

    if args.build_dir:
        build = os.path.abspath(args.build_dir)
        os.environ.setdefault('BRI_ATLAS_BIN', os.path.join(build, 'app', 'bri-atlas'))
        os.environ.setdefault('BRI_BENCH_FIRST_PAINT', os.path.join(build, 'tests', 'bench', 'bench-first-paint'))
        os.environ.setdefault('GSETTINGS_SCHEMA_DIR', os.path.join(build, 'data'))
    for var in ('BRI_ATLAS_BIN', 'BRI_BENCH_FIRST_PAINT', 'GSETTINGS_SCHEMA_DIR'):
        if not os.environ.get(var):
            parser.error(f'{var} is not set: run through meson or give --build-dir')

    # Our own X server of a known size and our own D-Bus session, whatever
    # the caller has: figures from a desktop session would not compare.
    if os.environ.get('BRI_BENCH_IN_XVFB') != '1':
        have_maps = ensure_gnome_maps()
        env = dict(os.environ, BRI_BENCH_IN_XVFB='1', BRI_BENCH_HAVE_MAPS='1' if have_maps else '0')
        sys.stdout.flush()
        os.execvpe('xvfb-run', ['xvfb-run', '-a', '-s', f'-screen 0 {SCREEN}',
                                'dbus-run-session', '--', sys.executable, os.path.abspath(__file__)], env)

    runs = int(os.environ.get('BRI_BENCH_RUNS', '7'))
    have_maps = os.environ.get('BRI_BENCH_HAVE_MAPS') == '1'
    base = dict(os.environ, GSK_RENDERER='cairo', GDK_BACKEND='x11', GSETTINGS_BACKEND='memory')
    # Test-suite settings that would make either app behave differently.
    for var in ('G_DEBUG', 'MALLOC_CHECK_', 'BRI_ATLAS_BENCH_FIRST_FRAME', 'G_MESSAGES_DEBUG'):
        base.pop(var, None)
    hooked = dict(base, BRI_ATLAS_BENCH_FIRST_FRAME='1')
    watcher = os.environ['BRI_BENCH_FIRST_PAINT']
    bri = [os.environ['BRI_ATLAS_BIN']]
    maps = ['gnome-maps']

    # Warm-up: the file cache, fontconfig, the accessibility bus.
    measure(watcher, bri, base)
    if have_maps:
        measure(watcher, maps, base)

    ours, ours_settled, theirs = [], [], []
    for i in range(runs):
        ours.append(measure(watcher, bri, hooked))
        if have_maps:
            theirs.append(measure(watcher, maps, base))
        ours_settled.append(measure(watcher, bri, base))
        print(f'run {i + 1}: BriAtlas complete {ours[-1]["first-complete-frame-ms"]:.1f} ms, '
              f'paint {ours[-1]["exec-to-paint-ms"]:.1f} ms'
              + (f'; GNOME Maps paint {theirs[-1]["exec-to-paint-ms"]:.1f} ms' if have_maps else ''),
              flush=True)

    def col(results, key, scale=1.0):
        return summary([r[key] for r in results], scale)

    maps_name = f'GNOME Maps {package_version("gnome-maps")}' if have_maps else 'GNOME Maps (not installed)'
    kb_to_mb = 1.0 / 1024.0
    print()
    print(f'Start-up, GSK_RENDERER=cairo, Xvfb {SCREEN}, offline; {runs} runs each; median [min–max]')
    print(f'{"":40} {"BriAtlas":>26} {maps_name:>26}')
    rows = [
        ('exec → main window mapped, ms', col(ours, 'exec-to-map-ms'), col(theirs, 'exec-to-map-ms')),
        ('exec → first paint, ms (same method)', col(ours, 'exec-to-paint-ms'), col(theirs, 'exec-to-paint-ms')),
        ('start → first complete frame, ms (hook)', col(ours, 'first-complete-frame-ms'), 'n/a: no tiles'),
        ('peak RSS at complete frame, MB (hook)', col(ours, 'peak-rss-kb', kb_to_mb), 'n/a'),
        (f'peak RSS to first paint + {SETTLE_MS // 1000} s, MB', col(ours_settled, 'max-rss-kb', kb_to_mb),
         col(theirs, 'max-rss-kb', kb_to_mb)),
    ]
    for label, a, b in rows:
        print(f'{label:40} {a:>26} {b:>26}')

    complete = statistics.median(r['first-complete-frame-ms'] for r in ours)
    rss = max(statistics.median(r['max-rss-kb'] for r in ours_settled),
              statistics.median(r['peak-rss-kb'] for r in ours)) / 1024.0
    print()
    print(f'target: first complete frame < {TARGET_COMPLETE_MS:.0f} ms: '
          f'{"met" if complete < TARGET_COMPLETE_MS else "NOT met"} ({complete:.1f} ms)')
    if have_maps:
        maps_paint = statistics.median(r['exec-to-paint-ms'] for r in theirs)
        print(f'target: complete frame before GNOME Maps\' first paint: '
              f'{"met" if complete < maps_paint else "NOT met"} ({complete:.1f} vs {maps_paint:.1f} ms)')
    print(f'target: peak RSS < {TARGET_RSS_MB:.0f} MB: {"met" if rss < TARGET_RSS_MB else "NOT met"} ({rss:.1f} MB)')

    # Without the peer the comparison was not made: report it as skipped.
    return 0 if have_maps else 77


if __name__ == '__main__':
    sys.exit(main())
