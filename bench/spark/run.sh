#!/usr/bin/env bash
# ceteris ab on the same Parquet file with DuckDB and with Spark local[2]. Needs the default jar and the
# Spark jar built first:
#   mvn -B -pl ceteris-cli -am -DskipTests package
#   mvn -B -pl ceteris-spark -am -Pspark-jar -DskipTests package
#   mvn -B -pl ceteris-spark dependency:build-classpath -Dmdep.outputFile=/tmp/spark-cp.txt
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${1:-10000000}"
file="/tmp/ceteris-spark-bench-$rows.parquet"
[ -f "$file" ] || java -cp "$here/ceteris-cli/target/ceteris-all.jar" "$here/bench/spark/MakeParquet.java" "$rows" "$file"
args=(ab --data "$file" --variant variant --metric watch --metric converted --ratio plays_per_session=plays/sessions
      --covariate watch=pre_watch --json)
opens="$(sed -n '/<spark.jvm.opens>/,/<\/spark.jvm.opens>/p' "$here/ceteris-spark/pom.xml" | sed 's/<[^>]*>//g' | tr -s ' \n' ' ')"
echo "== duckdb" >&2
/usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" \
  java -Xmx2g -jar "$here/ceteris-cli/target/ceteris-all.jar" "${args[@]}" > /tmp/ceteris-bench-duckdb.json
echo "== spark local[2]" >&2
/usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" \
  java -Xmx2g $opens -cp "$here/ceteris-spark/target/ceteris-spark.jar:$(cat /tmp/spark-cp.txt)" org.ceteris.cli.Ceteris \
  "${args[@]}" --engine spark --spark-master 'local[2]' > /tmp/ceteris-bench-spark.json
python3 - <<'PY'
import json
d = json.load(open('/tmp/ceteris-bench-duckdb.json')); s = json.load(open('/tmp/ceteris-bench-spark.json'))
worst = 0.0
def walk(a, b):
    global worst
    if isinstance(a, dict):
        for k in a: walk(a[k], b[k])
    elif isinstance(a, list):
        for x, y in zip(a, b): walk(x, y)
    elif isinstance(a, (int, float)) and not isinstance(a, bool) and a != b:
        worst = max(worst, abs(a - b) / max(abs(a), abs(b)))
walk(d, s)
print("largest relative difference between the two JSON documents:", worst)
PY
