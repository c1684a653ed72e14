#!/usr/bin/env bash
# Assignment benchmark: in-process assignments/s on one thread, then bulk assignment of N units to Parquet.
# Usage: bench/assign/run.sh [IN_PROCESS_UNITS=5000000] [BULK_UNITS=10000000]
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=ceteris-cli/target/ceteris-all.jar
[ -f "$jar" ] || mvn -q -B -DskipTests -pl ceteris-cli -am package
exec java -Xmx4g -cp "$jar" bench/assign/AssignBench.java "$@"
