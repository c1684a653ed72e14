#!/usr/bin/env bash
# Benchmark (not a test): `ceteris ab --quantile m:0.9` on a generated skewed Parquet file against the
# bare DuckDB `quantile_cont(m, 0.9) … GROUP BY variant`, same DuckDB JDBC jar, JVM start included
# in both. Usage: bench/ab-quantile.sh [ROWS] [DIR]  (defaults: 100000000 rows, /tmp/ceteris-bench)
# Results go to BENCHMARKS.md by hand.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-100000000}"
dir="${2:-/tmp/ceteris-bench}"
jar="${DUCKDB_JAR:-$HOME/.m2/repository/org/duckdb/duckdb_jdbc/2.0.0.1/duckdb_jdbc-2.0.0.1.jar}"
ceteris="${CETERIS:-$here/ceteris}"
mkdir -p "$dir/classes"
file="$dir/quantile-$rows.parquet"
javac -d "$dir/classes" -cp "$jar" "$here/bench/QuantileBare.java"
if [ ! -f "$file" ]; then
  echo "== generating $rows rows into $file"
  java -cp "$dir/classes:$jar" QuantileBare generate "$file" "$rows"
fi
echo "== machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in 1 2 3; do
  echo "== bare DuckDB quantile_cont (JVM start + query), run $i"
  /usr/bin/time -f "wall %e s, user %U s, max RSS %M KB" java -cp "$dir/classes:$jar" QuantileBare query "$file" 0.9
  echo "== ceteris ab --quantile m:0.9 (JVM start + everything), run $i"
  /usr/bin/time -f "wall %e s, user %U s, max RSS %M KB" $ceteris ab --data "$file" --variant variant --quantile m:0.9 --json > "$dir/q-$i.json"
done
cmp "$dir/q-1.json" "$dir/q-2.json" && echo "== the ceteris runs printed byte-identical JSON"
