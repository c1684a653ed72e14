#!/usr/bin/env bash
# Ceteris against pysyncon on the same machine in one run (BENCHMARKS.md, ## synth):
#   1. pysyncon 1.6.0: the Prop 99 fit and its placebo test (PlaceboTest over all 38 donors);
#   2. Ceteris: the same fit, and fit + all placebos, three times each (whole process: JVM start-up,
#      DuckDB, CSV read, JSON out);
#   3. with --big: one pysyncon fit on the 1,000-donor x 100-period panel (capped by BIG_TIMEOUT,
#      default 1200 s), then Ceteris's fit + all 1,000 placebos on the same panel.
# pysyncon is not part of Ceteris: export sdfordham/pysyncon outside the repository and set
# PYSYNCON_SRC (default /tmp/pysyncon_src); it runs on Debian's python3 with python3-numpy, -scipy,
# -pandas. pysyncon is single-threaded, so its user CPU seconds are its idle wall time; the Ceteris
# timings take /tmp/ceteris-bench.lock so that no other benchmark runs beside them.
# Usage: bench/synth/compare.sh [--big]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
src="${PYSYNCON_SRC:-/tmp/pysyncon_src}"
data="$here/ceteris-core/src/test/resources/org/ceteris/synth/data/smoking_prop99.csv"
big="${TMPDIR:-/tmp}/synth_bench_1000x100.csv"
t() { /usr/bin/time -f "  %e s wall, %U s user, %S s sys, %M KB max RSS" "$@"; }
export -f t   # the timed sections below run in `flock … bash -c`
"$here/ceteris" --version > /dev/null   # builds the jar first if needed, outside the timings
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/ *Model name: *//'), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "python: $(/usr/bin/python3 -c 'import numpy, scipy, pandas; print("numpy", numpy.__version__, "scipy", scipy.__version__, "pandas", pandas.__version__)')"
echo "pysyncon: $src (an export of sdfordham/pysyncon 1.6.0, commit 34350ca)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
prop99=(synth --data "$data" --unit state --time year --outcome cigsale --treated California --treatment-time 1989
  --predictor lnincome:1980-1988 --predictor age15to24:1980-1988 --predictor retprice:1980-1988 --predictor beer:1984-1988
  --special cigsale@1988 --special cigsale@1980 --special cigsale@1975 --fit-window 1970-1988 --json)

echo "== pysyncon: Prop 99 fit, then PlaceboTest over the 38 donors"
PYSYNCON_SRC="$src" t /usr/bin/python3 "$here/bench/synth/pysyncon_prop99.py" "$data" --placebos

echo "== Ceteris (load $(cut -d' ' -f1-3 /proc/loadavg))"
flock /tmp/ceteris-bench.lock bash -c '
  echo "   (lock held; load $(cut -d" " -f1-3 /proc/loadavg))"
  for i in 1 2 3; do echo " Prop 99 fit:"; t "$0" "$@" > /dev/null; done
  for i in 1 2 3; do echo " Prop 99 fit + 38 placebos (+ 5 leave-one-out refits + in-time placebo):"; t "$0" "$@" --placebos > /tmp/ceteris-synth-compare.json; done
' "$here/ceteris" "${prop99[@]}"
python3 -c "import json; d = json.load(open('/tmp/ceteris-synth-compare.json')); print('  Ceteris weights:', {k: round(v, 3) for k, v in d['weights'].items() if v > 0.001}, 'p =', d['p_value'])"

if [ "${1:-}" = "--big" ]; then
  [ -f "$big" ] || python3 "$here/bench/synth/make_panel.py" "$big" 1000 100
  echo "== pysyncon: one fit on 1,000 donors x 100 periods (stopped after ${BIG_TIMEOUT:-1200} s)"
  PYSYNCON_SRC="$src" t timeout "${BIG_TIMEOUT:-1200}" /usr/bin/python3 "$here/bench/synth/pysyncon_panel.py" "$big" || echo "  (did not finish)"
  echo "== Ceteris: 1,000 donors x 100 periods, fit + 1,000 placebos"
  flock /tmp/ceteris-bench.lock bash -c 'echo "   (lock held; load $(cut -d" " -f1-3 /proc/loadavg))"; t "$@" > /tmp/ceteris-synth-big.json' _ \
    "$here/ceteris" synth --data "$big" --unit unit --time period --outcome y --treated treated --treatment-time 81 \
    --predictor x1 --predictor x2 --special y@40 --special y@60 --special y@80 --placebos --json
  python3 -c "import json; d = json.load(open('/tmp/ceteris-synth-big.json')); print('  Ceteris ATT', round(d['att'], 3), 'p =', d['p_value'])"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
