#!/usr/bin/env bash
# Load benchmark of the dashboard API (not a test): GET /api/studies/{name} with wrk on loopback.
# Needs wrk (Debian package `wrk`). Usage: bench/server-load.sh [seconds] [connections]
# Builds the CLI jar if needed, generates the demo workspace with one study run three times, starts
# `ceteris serve` on a free port, warms up, measures, and stops the server it started.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
secs="${1:-20}"
conns="${2:-32}"
out="$here/bench/out/server"
mkdir -p "$out"
ws="$out/workspace"
rm -rf "$ws"
"$here/ceteris" --version >/dev/null   # builds the jar when missing
jar="$here/ceteris-cli/target/ceteris-all.jar"
java -jar "$jar" demo --dir "$ws" >/dev/null
cat > "$ws/ceteris.yaml" <<'YAML'
studies:
  home_row:
    method: ab
    table: home_row
    variant: variant
    metric: [watch_minutes, returned]
    covariate: watch_minutes=pre_minutes
YAML
for i in 1 2 3; do java -jar "$jar" run --workspace "$ws" >/dev/null; done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java ${CETERIS_JAVA_OPTS:-} -jar "$jar" serve --workspace "$ws" --port "$port" >"$out/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/api/studies/home_row" >/dev/null && break; sleep 0.5; done
url="http://127.0.0.1:$port/api/studies/home_row"
echo "response size: $(curl -s "$url" | wc -c) bytes"
wrk -t2 -c"$conns" -d10s "$url" >/dev/null   # warm-up (JIT)
wrk -t2 -c"$conns" -d"${secs}s" --latency "$url" | tee "$out/wrk.txt"
