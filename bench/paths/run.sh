#!/usr/bin/env bash
# Benchmark (not a test): whole commands of this build (./ceteris, with its CDS archive) against
# another build, interleaved RUNS times: `did` (Callaway & Sant'Anna, 100k units x 20 periods,
# bench/did), `observe` (1M rows, 10 covariates, bench/observational), `power`, and `ab` with CUPED
# on the 5M-row CSV of bench/ab-csv/run.sh and on its Parquet file (AB_CSV; each skipped if absent).
# The other build is BASE_DIR, a checkout run through its own ./ceteris launcher (so with whatever
# start-up it does), or BASE_JAR, a fat jar run as `java -jar`. Each line: wall s, user s, sys s,
# max RSS KB, load average at the start; JSON of both builds is compared byte for byte.
# Usage: BASE_DIR=/path/checkout bench/paths/run.sh [RUNS=3] [DIR=/tmp/ceteris-bench-paths]
#        BASE_JAR=/path/ceteris-all.jar bench/paths/run.sh [RUNS=3] [DIR=/tmp/ceteris-bench-paths]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-3}"; dir="${2:-/tmp/ceteris-bench-paths}"
source "$here/bench/paths/inputs.sh"
base=()
if [ -n "${BASE_DIR:-}" ]; then base=("$BASE_DIR/ceteris"); "$BASE_DIR/ceteris" power --baseline-mean 1 --sd 1 --mde 0.1 >/dev/null
elif [ -n "${BASE_JAR:-}" ]; then base=(java ${CETERIS_JAVA_OPTS:-} -jar "$BASE_JAR"); fi
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//')"
t() { local name="$1"; shift; local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -f "$name %e %U %S %M load=$load" "$@" > "$dir/out-$name.json"; }
for i in $(seq "$runs"); do
  for c in did obs pow abc abp; do
    declare -n args="$c"
    [ "${args[0]}" = ab ] && [ ! -f "${args[2]}" ] && continue
    [ ${#base[@]} -gt 0 ] && t "$c-base" "${base[@]}" "${args[@]}"
    t "$c-this" "$here/ceteris" "${args[@]}"
    if [ ${#base[@]} -gt 0 ]; then cmp -s "$dir/out-$c-base.json" "$dir/out-$c-this.json" && echo "$c: same JSON" || echo "$c: JSON DIFFERS"; fi
  done
done 2>&1 | tee "$dir/times.txt"
echo "== medians:"
/usr/bin/python3 "$here/bench/medians.py" "$dir/times.txt" did-base did-this obs-base obs-this pow-base pow-this abc-base abc-this abp-base abp-this
