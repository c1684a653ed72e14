#!/usr/bin/env bash
# Benchmark (not a test): `ceteris did` (Callaway & Sant'Anna, 100,000 units x 20 periods, 5 cohorts,
# never-treated comparisons) end to end against the estimator alone on the same panel (bench/did/CsBench.java:
# the panel is read before its clock starts; run 1 is a fresh JVM's, runs 2-3 warm), interleaved RUNS times.
# Each end-to-end line: wall s, user s, sys s, max RSS KB (/usr/bin/time); the estimator's lines are its own
# clock. R's `did` package is the natural peer but is not packaged for Debian (no CRAN here), so it is not run.
# Usage: bench/did/run.sh [RUNS=3] [DATA=/tmp/ceteris-bench-paths/did.csv]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-3}"; data="${2:-/tmp/ceteris-bench-paths/did.csv}"
mkdir -p "$(dirname "$data")"
[ -f "$data" ] || /usr/bin/python3 "$here/bench/did/make_panel.py" "$data" 100000 20
"$here/ceteris" power --baseline-mean 1 --sd 1 --mde 0.1 >/dev/null   # builds the jar and its CDS archive first
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//')"
for i in $(seq "$runs"); do
  /usr/bin/time -f "end-to-end %e %U %S %M load=$(cut -d' ' -f1 /proc/loadavg)" "$here/ceteris" did --data "$data" --unit unit \
      --time period --outcome y --first-treated first_treated --json > /tmp/ceteris-did-bench.json
  grep -m2 '"estimate"\|"se"' /tmp/ceteris-did-bench.json | tr -d '\n '; echo
  java -XX:+UseSerialGC -cp "$here/ceteris-cli/target/ceteris-all.jar" "$here/bench/did/CsBench.java" "$data" 3
done
