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
source "$here/bench/paths/inputs.sh"
ab=("${abc[@]}")
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
