#!/usr/bin/env bash
# Benchmark of `ceteris observe` (propensity + 1:1 matching + balance) against R MatchIt on the same data.
# Usage: bench/observational/run.sh [DIR]   (data and results in DIR, default /tmp/obsbench)
# Needs: python3 with numpy; Rscript with MatchIt and sandwich; MATCHIT_LIB pointing at MatchIt built with
# the fix of kosukeimai/MatchIt#163 (see make_matchit_fixtures.R), else Debian's MatchIt is timed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../.."
dir="${1:-/tmp/obsbench}"
mkdir -p "$dir"
[ -f "$dir/bench_1m.csv" ] || python3 "$here/make_data.py" 1000000 "$dir/bench_1m.csv"
head -n 10001 "$dir/bench_1m.csv" > "$dir/bench_10k.csv"
head -n 100001 "$dir/bench_1m.csv" > "$dir/bench_100k.csv"
(cd "$root" && mvn -q -B -DskipTests -pl ceteris-cli -am package)
javac -cp "$root/ceteris-cli/target/ceteris-all.jar" -d "$dir" "$here/ObserveBench.java"
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/ *Model name: *//'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in 10k 100k 1m; do
  java -cp "$root/ceteris-cli/target/ceteris-all.jar:$dir" ObserveBench "$dir/bench_$n.csv" 3
  /usr/bin/time -f "ceteris observe CLI end to end (JVM start, CSV, JSON) n=$n: %e s wall, %M KB max RSS" \
    "$root/ceteris" observe --data "$dir/bench_$n.csv" --treatment treat --outcome y \
    --covariates x1,x2,x3,x4,x5,x6,x7,x8,x9,x10 --json > "$dir/observe_$n.json"
done
for n in 10k 100k; do
  Rscript "$here/matchit_bench.R" "$dir/bench_$n.csv"
done
