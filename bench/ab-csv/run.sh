#!/usr/bin/env bash
# Benchmark (not a test): `ceteris ab` with CUPED on a 5M-row CSV (and the same rows as Parquet)
# against the bare DuckDB aggregate over the same file (JVM included, bench/BareQuery.java) and
# against pandas + scipy doing the same Welch and CUPED (bench/ab-csv/pandas_ab.py), interleaved
# RUNS times; each line is one whole process under /usr/bin/time: wall s, user s, sys s, max RSS KB,
# and the load average when it started. Usage: bench/ab-csv/run.sh [ROWS=5000000] [RUNS=5] [DIR=/tmp/ceteris-bench-csv]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${1:-5000000}"; runs="${2:-5}"; dir="${3:-/tmp/ceteris-bench-csv}"
jar="${DUCKDB_JAR:-$HOME/.m2/repository/org/duckdb/duckdb_jdbc/2.0.0.1/duckdb_jdbc-2.0.0.1.jar}"
mkdir -p "$dir/classes"
javac -d "$dir/classes" -cp "$jar" "$here/bench/BareQuery.java"
bare=(java -cp "$dir/classes:$jar" BareQuery)
csv="$dir/ab-$rows.csv"; pq="$dir/ab-$rows.parquet"
[ -f "$csv" ] || "${bare[@]}" generate-csv "$csv" "$rows"
[ -f "$pq" ] || java -cp "$dir/classes:$jar" BareQuery generate "$pq" "$rows"
ls -l "$csv" "$pq"
"$here/ceteris" power --baseline-mean 1 --sd 1 --mde 0.1 >/dev/null   # builds the jar and its CDS archive first
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//')"
t() { local name="$1"; shift; local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -f "$name %e %U %S %M load=$load" "$@" > "$dir/out-$name.txt"; }
for i in $(seq "$runs"); do
  t bare-csv "${bare[@]}" query-cuped "$csv"
  t ceteris-csv "$here/ceteris" ab --data "$csv" --variant variant --metric m --covariate m=x --json
  t pandas-csv /usr/bin/python3 "$here/bench/ab-csv/pandas_ab.py" "$csv"
  t bare-parquet "${bare[@]}" query-cuped "$pq"
  t ceteris-parquet "$here/ceteris" ab --data "$pq" --variant variant --metric m --covariate m=x --json
done 2>&1 | tee "$dir/times.txt"
echo "== medians:"
/usr/bin/python3 "$here/bench/medians.py" "$dir/times.txt" bare-csv ceteris-csv pandas-csv bare-parquet ceteris-parquet
grep -h '"estimate"\|"se"' "$dir/out-ceteris-csv.txt" | head -4; cat "$dir/out-pandas-csv.txt"
