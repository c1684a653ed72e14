#!/usr/bin/env bash
# Benchmark (not a test): `ceteris run` on a study over raw logs (bench/metrics/ceteris.yaml: five
# windowed metrics, a p99 cap, 14-day CUPED) against the single hand-written DuckDB query that computes
# the same per-variant sums (MetricsBareQuery.java), with the same DuckDB JDBC jar, in the same run.
# Usage: bench/metrics/run.sh [UNITS] [ROWS] [DIR]   (defaults 1000000 units, 100000000 activity rows, /tmp/ceteris-bench-metrics)
# Results go to BENCHMARKS.md by hand (machine, command, numbers).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
units="${1:-1000000}"
rows="${2:-100000000}"
dir="${3:-/tmp/ceteris-bench-metrics}"
jar="${DUCKDB_JAR:-$HOME/.m2/repository/org/duckdb/duckdb_jdbc/2.0.0.1/duckdb_jdbc-2.0.0.1.jar}"
mkdir -p "$dir/classes" "$dir/ws"
javac -d "$dir/classes" -cp "$jar" "$here/bench/metrics/MetricsBareQuery.java"
if [ ! -f "$dir/ws/activity.parquet" ]; then
  echo "== generating $units units and $rows activity rows into $dir/ws"
  /usr/bin/time -f "generated in %e s" java -cp "$dir/classes:$jar" MetricsBareQuery generate "$dir/ws" "$units" "$rows"
fi
cp "$here/bench/metrics/ceteris.yaml" "$dir/ws/ceteris.yaml"
rm -f "$dir/ws/ceteris.duckdb" "$dir/ws/ceteris.duckdb.wal"
ls -l "$dir/ws"
"$here/ceteris" --version >/dev/null   # builds the jar first if needed, outside the timings
echo "== machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in 1 2; do
  echo "== hand-written DuckDB query (JVM start + query), run $i"
  /usr/bin/time -f "wall %e s, user %U s, max RSS %M KB" java -cp "$dir/classes:$jar" MetricsBareQuery query "$dir/ws"
  echo "== ceteris run (JVM start + checks + one scan per source + scorecard + storing the run), run $i"
  /usr/bin/time -f "wall %e s, user %U s, max RSS %M KB" "$here/ceteris" run --workspace "$dir/ws" --json > "$dir/run-$i.json"
done
python3 - "$dir" <<'PY'
import json, sys
a, b = (json.load(open(f"{sys.argv[1]}/run-{i}.json"))[0]["result"] for i in (1, 2))
print("== the two ceteris runs gave identical results:", a == b)
for m in a["metrics"]:
    c = m["comparisons"][0]
    print(f'   {m["metric"]}: n={[v["n"] for v in m["variants"]]} mean={[round(v["mean"], 4) for v in m["variants"]]} '
          f'incomplete={m["incomplete_units"]} effect={c["estimate"]:.4f}')
PY
