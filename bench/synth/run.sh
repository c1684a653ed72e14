#!/usr/bin/env bash
# Synthetic-control timings: Prop 99 with all 38 placebos, and 1,000 donors x 100 periods with all
# placebos. Usage: bench/synth/run.sh [JAR]   (default: ceteris-cli/target/ceteris-all.jar)
# Results go in BENCHMARKS.md by hand, with `nproc`, the CPU model and the load average.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${1:-$here/ceteris-cli/target/ceteris-all.jar}"
data="$here/ceteris-core/src/test/resources/org/ceteris/synth/data/smoking_prop99.csv"
big="${TMPDIR:-/tmp}/synth_bench_1000x100.csv"
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/ *Model name: *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
t() { /usr/bin/time -f "  %e s wall, %U s user CPU, %M KB max RSS" "$@" > /dev/null; }
echo "Prop 99 fit only:"
t java -jar "$jar" synth --data "$data" --unit state --time year --outcome cigsale --treated California --treatment-time 1989 \
  --predictor lnincome:1980-1988 --predictor age15to24:1980-1988 --predictor retprice:1980-1988 --predictor beer:1984-1988 \
  --special cigsale@1988 --special cigsale@1980 --special cigsale@1975 --fit-window 1970-1988 --json
echo "Prop 99 fit + 38 placebos (+ leave-one-out and in-time placebo):"
t java -jar "$jar" synth --data "$data" --unit state --time year --outcome cigsale --treated California --treatment-time 1989 \
  --predictor lnincome:1980-1988 --predictor age15to24:1980-1988 --predictor retprice:1980-1988 --predictor beer:1984-1988 \
  --special cigsale@1988 --special cigsale@1980 --special cigsale@1975 --fit-window 1970-1988 --placebos --json
[ -f "$big" ] || python3 "$here/bench/synth/make_panel.py" "$big" 1000 100
echo "1,000 donors x 100 periods, 5 predictors, fit only:"
t java -jar "$jar" synth --data "$big" --unit unit --time period --outcome y --treated treated --treatment-time 81 \
  --predictor x1 --predictor x2 --special y@40 --special y@60 --special y@80 --json
echo "1,000 donors x 100 periods, 5 predictors, fit + 1,000 placebos:"
t java -jar "$jar" synth --data "$big" --unit unit --time period --outcome y --treated treated --treatment-time 81 \
  --predictor x1 --predictor x2 --special y@40 --special y@60 --special y@80 --placebos --json
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
