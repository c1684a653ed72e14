#!/usr/bin/env bash
# Benchmark (not a test): whole commands of this build (./ceteris, with its CDS archive) against
# another build's fat jar (BASE_JAR, e.g. main's, run as `java -jar` with its DuckDB library beside
# it), interleaved RUNS times: `did` (Callaway & Sant'Anna, 100k units x 20 periods, bench/did),
# `observe` (1M rows, 10 covariates, bench/observational), `power`, and `ab` with CUPED on the
# 5M-row CSV of bench/ab-csv/run.sh (AB_CSV, skipped if absent). Each line: wall s, user s,
# sys s, max RSS KB, load average at the start; JSON of both builds is compared byte for byte.
# Usage: BASE_JAR=/path/ceteris-all.jar bench/paths/run.sh [RUNS=3] [DIR=/tmp/ceteris-bench-paths]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-3}"; dir="${2:-/tmp/ceteris-bench-paths}"
mkdir -p "$dir"
[ -f "$dir/did.csv" ] || /usr/bin/python3 "$here/bench/did/make_panel.py" "$dir/did.csv" 100000 20
[ -f "$dir/obs1m.csv" ] || /usr/bin/python3 "$here/bench/observational/make_data.py" 1000000 "$dir/obs1m.csv"
"$here/ceteris" power --baseline-mean 1 --sd 1 --mde 0.1 >/dev/null   # builds the jar and its CDS archive first
did=(did --data "$dir/did.csv" --unit unit --time period --outcome y --first-treated first_treated --json)
obs=(observe --data "$dir/obs1m.csv" --treatment treat --outcome y --covariates x1,x2,x3,x4,x5,x6,x7,x8,x9,x10 --json)
pow=(power --baseline-mean 10 --sd 3 --mde 0.1 --json)
ab=(ab --data "${AB_CSV:-/tmp/ceteris-bench-csv/ab-5000000.csv}" --variant variant --metric m --covariate m=x --json)
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//')"
t() { local name="$1"; shift; local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -f "$name %e %U %S %M load=$load" "$@" > "$dir/out-$name.json"; }
for i in $(seq "$runs"); do
  for c in did obs pow ab; do
    [ "$c" = ab ] && [ ! -f "${ab[2]}" ] && continue
    declare -n args="$c"
    [ -n "${BASE_JAR:-}" ] && t "$c-base" java ${CETERIS_JAVA_OPTS:-} -jar "$BASE_JAR" "${args[@]}"
    t "$c-this" "$here/ceteris" "${args[@]}"
    if [ -n "${BASE_JAR:-}" ]; then cmp -s "$dir/out-$c-base.json" "$dir/out-$c-this.json" && echo "$c: same JSON" || echo "$c: JSON DIFFERS"; fi
  done
done 2>&1 | tee "$dir/times.txt"
echo "== medians:"
/usr/bin/python3 "$here/bench/medians.py" "$dir/times.txt" did-base did-this obs-base obs-this pow-base pow-this ab-base ab-this
