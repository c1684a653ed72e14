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
csv="${AB_CSV:-/tmp/ceteris-bench-csv/ab-5000000.csv}"; pq="${csv%.csv}.parquet"
mkdir -p "$dir"
[ -f "$dir/did.csv" ] || /usr/bin/python3 "$here/bench/did/make_panel.py" "$dir/did.csv" 100000 20
[ -f "$dir/obs1m.csv" ] || /usr/bin/python3 "$here/bench/observational/make_data.py" 1000000 "$dir/obs1m.csv"
"$here/ceteris" power --baseline-mean 1 --sd 1 --mde 0.1 >/dev/null   # builds the jar and its CDS archive first
did=(did --data "$dir/did.csv" --unit unit --time period --outcome y --first-treated first_treated --json)
obs=(observe --data "$dir/obs1m.csv" --treatment treat --outcome y --covariates x1,x2,x3,x4,x5,x6,x7,x8,x9,x10 --json)
abc=(ab --data "$csv" --variant variant --metric m --covariate m=x --json)
abp=(ab --data "$pq" --variant variant --metric m --covariate m=x --json)
pow=(power --baseline-mean 10 --sd 3 --mde 0.1 --json)
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
