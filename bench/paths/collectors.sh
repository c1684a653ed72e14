#!/usr/bin/env bash
# Benchmark (not a test): the launcher's collector for one-shot commands (serial) against G1 (the
# JVM's default on 2+ cores, CETERIS_JAVA_OPTS=-XX:+UseG1GC) and, with BASE_JAR, against another
# build's fat jar run as `java -jar`; interleaved RUNS times on did (100k units x 20 periods), observe
# (1M rows, 10 covariates), ab with CUPED on the 5M-row CSV and its Parquet file (bench/ab-csv/run.sh
# writes them; skipped if absent) and power. Lines: NAME wall user sys maxrss_kb load=L; then medians;
# JSON of every arm compared byte for byte with the serial arm's.
# Usage: [BASE_JAR=...] bench/paths/collectors.sh [RUNS=3] [DIR=/tmp/ceteris-bench-paths]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-3}"; dir="${2:-/tmp/ceteris-bench-paths}"
source "$here/bench/paths/inputs.sh"
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $(free -g | awk '/Mem:/{print $2}') GiB"
t() { local name="$1"; shift; local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -f "$name %e %U %S %M load=$load" "$@" > "$dir/out-$name.json"; }
for i in $(seq "$runs"); do
  for c in did obs abc abp pow; do
    declare -n args="$c"
    case "$c" in abc) [ -f "$csv" ] || continue ;; abp) [ -f "$pq" ] || continue ;; esac
    t "$c-serial" "$here/ceteris" "${args[@]}"
    CETERIS_JAVA_OPTS=-XX:+UseG1GC t "$c-g1" "$here/ceteris" "${args[@]}"
    cmp -s "$dir/out-$c-serial.json" "$dir/out-$c-g1.json" || echo "$c: G1 JSON DIFFERS"
    if [ -n "${BASE_JAR:-}" ]; then
      t "$c-base" java -jar "$BASE_JAR" "${args[@]}"
      cmp -s "$dir/out-$c-serial.json" "$dir/out-$c-base.json" && echo "$c: base JSON same" || echo "$c: base JSON differs"
    fi
  done
done 2>&1 | tee "$dir/collectors.txt"
echo "== medians:"
/usr/bin/python3 "$here/bench/medians.py" "$dir/collectors.txt"
