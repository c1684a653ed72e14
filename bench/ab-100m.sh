#!/usr/bin/env bash
# Benchmark (not a test): `ceteris ab` with CUPED on a generated 100M-row Parquet file against the
# bare DuckDB query that computes the same per-variant aggregates, with the same DuckDB JDBC jar.
# Usage: bench/ab-100m.sh [ROWS] [DIR] [RUNS]   (defaults: 100000000 rows, /tmp/ceteris-bench, 5 runs; ~2 GB of disk)
# The two are interleaved RUNS times; lines `NAME wall user sys maxrss_kb load=L`, then the medians and
# the ratio of the median walls (bench/medians.py). Results go to BENCHMARKS.md by hand.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-100000000}"
dir="${2:-/tmp/ceteris-bench}"
runs="${3:-5}"
jar="${DUCKDB_JAR:-$HOME/.m2/repository/org/duckdb/duckdb_jdbc/2.0.0.1/duckdb_jdbc-2.0.0.1.jar}"
mkdir -p "$dir/classes"
file="$dir/ab-$rows.parquet"
javac -d "$dir/classes" -cp "$jar" "$here/bench/BareQuery.java"
run() { java -cp "$dir/classes:$jar" BareQuery "$@"; }
if [ ! -f "$file" ]; then
  echo "== generating $rows rows into $file"
  run generate "$file" "$rows"
fi
ls -l "$file"
"$here/ceteris" --version >/dev/null   # builds the jar first if needed, outside the timings
echo "== machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//')"
t() { local name="$1"; shift; local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -f "$name %e %U %S %M load=$load" "$@"; }
for i in $(seq "$runs"); do
  t bare java -cp "$dir/classes:$jar" BareQuery query "$file" >/dev/null
  t ceteris "$here/ceteris" ab --data "$file" --variant variant --metric m --covariate m=x --json > "$dir/ab-$i.json"
done 2>&1 | tee "$dir/times.txt"
echo "== medians:"
/usr/bin/python3 "$here/bench/medians.py" "$dir/times.txt" bare ceteris
for i in $(seq 2 "$runs"); do
  cmp -s "$dir/ab-1.json" "$dir/ab-$i.json" || echo "== run $i printed different JSON"
done
echo "== JSON of the $runs ceteris runs compared byte for byte"
grep -E '"(estimate|se|variance_reduction)"' "$dir/ab-1.json" | head -3
