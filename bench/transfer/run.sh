#!/usr/bin/env bash
# Benchmark (not a test): a 2,000,000-cell did-shaped result from DuckDB into Java three ways —
# JDBC boxed rows, JDBC per-cell getLong/getDouble into arrays (Engine.queryColumns), DuckDB's
# Arrow export (arrow-vector/-c-data 19.0.0, needs --add-opens=java.base/java.nio=ALL-UNNAMED).
# Usage: bench/transfer/run.sh [ROWS] [ROUNDS]; fetches arrow-c-data into ~/.m2 with mvn dependency:get if missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
m2="$HOME/.m2/repository"
[ -f "$m2/org/apache/arrow/arrow-c-data/19.0.0/arrow-c-data-19.0.0.jar" ] || mvn -q -B dependency:get -Dartifact=org.apache.arrow:arrow-c-data:19.0.0
[ -f "$m2/org/apache/arrow/arrow-memory-unsafe/19.0.0/arrow-memory-unsafe-19.0.0.jar" ] || mvn -q -B dependency:get -Dartifact=org.apache.arrow:arrow-memory-unsafe:19.0.0
cp=""
for a in arrow-c-data arrow-vector arrow-memory-core arrow-memory-unsafe arrow-format; do cp="$cp:$m2/org/apache/arrow/$a/19.0.0/$a-19.0.0.jar"; done
cp="$cp:$(ls "$m2"/com/google/flatbuffers/flatbuffers-java/*/flatbuffers-java-*.jar | tail -1)"
"$here/ceteris" --version >/dev/null   # builds the fat jar if needed (it holds DuckDB JDBC, Jackson, slf4j)
echo "machine: $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx2g -cp "$here/ceteris-cli/target/ceteris-all.jar$cp" \
  "$here/bench/transfer/ColumnFetchBench.java" "${1:-2000000}" "${2:-5}" 2>&1 | grep -v 'INFO org.apache.arrow'
