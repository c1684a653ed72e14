#!/usr/bin/env bash
# Benchmark (not a test): `ceteris ab` with CUPED on a generated 100M-row Parquet file against the
# bare DuckDB query that computes the same per-variant aggregates, with the same DuckDB JDBC jar.
# Usage: bench/ab-100m.sh [ROWS] [DIR]   (defaults: 100000000 rows, /tmp/ceteris-bench; ~2 GB of disk)
# Results go to BENCHMARKS.md by hand (machine, command, numbers).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-100000000}"
dir="${2:-/tmp/ceteris-bench}"
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
for i in 1 2; do
  echo "== bare DuckDB query (JVM start + query), run $i"
  /usr/bin/time -f "wall %e s, max RSS %M KB" java -cp "$dir/classes:$jar" BareQuery query "$file"
  echo "== ceteris ab --covariate (JVM start + everything), run $i"
  /usr/bin/time -f "wall %e s, max RSS %M KB" "$here/ceteris" ab --data "$file" --variant variant --metric m \
    --covariate m=x --json > "$dir/ab-$i.json"
done
cmp "$dir/ab-1.json" "$dir/ab-2.json" && echo "== the two ceteris runs printed byte-identical JSON"
grep -E '"(estimate|se|variance_reduction)"' "$dir/ab-1.json" | head -3
