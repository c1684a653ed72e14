#!/usr/bin/env bash
# Soak test of the server (not CI): wrk reads the study API for a long time while a second loop
# runs the study through POST /api/studies/{name}/run and a third reads through POST /api/query.
# Records requests, errors (non-2xx from wrk; 5xx and connection failures from the loops; 409
# "workspace is busy" counted apart) and the server's memory over time: every SOAK_SAMPLE_SECS
# (default 30) a row of bench/out/soak/memory.csv with the resident set (RSS), the Java heap used
# after the latest GC (from the -Xlog:gc file, no JMX) and the JVM's committed memory by Native
# Memory Tracking (RSS minus it is what the JVM does not track: DuckDB and malloc). At the end it
# prints the samples at start, half-way and end, the second half's RSS range, and whether memory is
# flat: every second-half RSS within ±SOAK_FLAT_PCT (default 10) % of the half-way sample.
# The server runs as docs/dashboard.md advises for a long-running one: a fixed, pre-touched heap
# (-Xms = -Xmx 512m, so RSS does not follow G1 growing and shrinking it) and MALLOC_ARENA_MAX=2
# (glibc otherwise keeps what the short-lived DuckDB connections free in many arenas). Override
# with SOAK_JAVA_OPTS and MALLOC_ARENA_MAX (empty for glibc's default); CETERIS_JAVA_OPTS is added.
# Needs wrk and curl. Usage: bench/soak.sh [seconds=600] [connections=16]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
secs="${1:-600}"
conns="${2:-16}"
out="$here/bench/out/soak"
mkdir -p "$out"
ws="$out/workspace"
rm -rf "$ws"
"$here/ceteris" --version >/dev/null   # builds the jar when missing
jar="$here/ceteris-cli/target/ceteris-all.jar"
java -jar "$jar" demo --dir "$ws" --no-serve >/dev/null
cat > "$ws/ceteris.yaml" <<'YAML'
studies:
  home_row:
    method: ab
    table: home_row
    variant: variant
    metric: [watch_minutes, returned]
    covariate: watch_minutes=pre_minutes
YAML
java -jar "$jar" run --workspace "$ws" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
every="${SOAK_SAMPLE_SECS:-30}"
band="${SOAK_FLAT_PCT:-10}"
rm -f "$out/gc.log" "$out/errors.log"
jopts="${SOAK_JAVA_OPTS--Xms512m -Xmx512m -XX:+AlwaysPreTouch}"
arenas="${MALLOC_ARENA_MAX-2}"
echo "server: java $jopts, MALLOC_ARENA_MAX=${arenas:-default}" >"$out/server-options.txt"
env ${arenas:+MALLOC_ARENA_MAX=$arenas} java $jopts -XX:NativeMemoryTracking=summary "-Xlog:gc:file=$out/gc.log:uptime" \
  ${CETERIS_JAVA_OPTS:-} -jar "$jar" serve --workspace "$ws" --port "$port" >"$out/serve.log" 2>&1 &
pid=$!
echo "$pid" >"$out/server.pid"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; }
trap cleanup EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 60); do curl -sf "$base/api/studies/home_row" >/dev/null && break; sleep 0.5; done
wrk -t1 -c4 -d5s "$base/api/studies/home_row" >/dev/null   # warm-up
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
# heap used after the latest GC, in MiB: "... Pause Young (Normal) (G1 Evacuation Pause) 150M->41M(256M) 3.1ms"
heap_after_gc() { grep -o '[0-9]*M->[0-9]*M' "$out/gc.log" 2>/dev/null | tail -1 | sed 's/.*->//; s/M//' || true; }
nmt_committed() { jcmd "$pid" VM.native_memory summary 2>/dev/null | awk '/^Total:/ {sub(/.*committed=/, ""); sub(/KB.*/, ""); print}'; }
start_s=$(date +%s)
end=$(( start_s + secs ))
echo "t_s,rss_kib,heap_after_gc_mib,nmt_committed_kib" >"$out/memory.csv"
# sampler: one row now, then every $every s, and one at the end (below)
sample() { echo "$(( $(date +%s) - start_s )),$(rss),$(heap_after_gc),$(nmt_committed)" >>"$out/memory.csv"; }
sample
( while [ $(( $(date +%s) + every )) -le "$end" ]; do sleep "$every"; sample; done ) & pids+=($!)
# writer: study runs through the API, back to back
( ok=0; busy=0; err=0
  while [ "$(date +%s)" -lt "$end" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/api/studies/home_row/run" || echo 000)
    case "$code" in 2*) ok=$((ok+1));; 409|503) busy=$((busy+1));; *) err=$((err+1)); echo "run $code" >>"$out/errors.log";; esac
  done; echo "$ok $busy $err" >"$out/runs.txt" ) & pids+=($!)
# reader: SQL through the API
( ok=0; err=0
  while [ "$(date +%s)" -lt "$end" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
      -d '{"sql": "SELECT variant, count(*) AS n, avg(watch_minutes) AS m FROM home_row GROUP BY 1"}' "$base/api/query" || echo 000)
    case "$code" in 2*) ok=$((ok+1));; *) err=$((err+1)); echo "query $code" >>"$out/errors.log";; esac
  done; echo "$ok $err" >"$out/queries.txt" ) & pids+=($!)
wrk -t2 -c"$conns" -d"${secs}s" --latency "$base/api/studies/home_row" >"$out/wrk.txt" &
wrkpid=$!
wrk -t1 -c4 -d"${secs}s" "$base/api/studies/home_row/history" >"$out/wrk-history.txt"
wait $wrkpid
wait "${pids[@]}"
sample
# the live set: a full GC once the traffic has stopped (the young GCs' "after" includes old garbage
# that G1 collects only when the old generation reaches its marking threshold)
jcmd "$pid" GC.run >/dev/null 2>&1 || true
live=$(grep 'Pause Full' "$out/gc.log" | tail -1 | grep -o '[0-9]*M->[0-9]*M' | sed 's/.*->//; s/M//')
read -r runs_ok runs_busy runs_err <"$out/runs.txt"
read -r q_ok q_err <"$out/queries.txt"
reqs() { awk '/requests in/ {print $1}' "$1"; }
non2xx() { awk '/Non-2xx/ {print $NF}' "$1" | grep . || echo 0; }
sockerr() { grep -o 'Socket errors:.*' "$1" || echo "Socket errors: none"; }
echo "duration: ${secs} s, wrk connections: $conns + 4; $(cat "$out/server-options.txt")"
echo "GET /api/studies/home_row: $(reqs "$out/wrk.txt") requests, non-2xx $(non2xx "$out/wrk.txt"), $(sockerr "$out/wrk.txt")"
grep -E '^ +Latency +[0-9]|Requests/sec' "$out/wrk.txt"
echo "GET /api/studies/home_row/history: $(reqs "$out/wrk-history.txt") requests, non-2xx $(non2xx "$out/wrk-history.txt"), $(sockerr "$out/wrk-history.txt")"
echo "POST /api/studies/home_row/run: $runs_ok stored, $runs_busy busy (409/503), $runs_err errors"
echo "POST /api/query: $q_ok answered, $q_err errors"
python3 - "$out/memory.csv" "$secs" "$band" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1]))]
secs, band = int(sys.argv[2]), float(sys.argv[3])
mib = lambda r: int(r["rss_kib"]) / 1024
def show(label, r):
    extra = f", heap after GC {r['heap_after_gc_mib']} MiB" if r["heap_after_gc_mib"] else ""
    extra += f", NMT committed {int(r['nmt_committed_kib']) / 1024:.0f} MiB" if r["nmt_committed_kib"] else ""
    print(f"  {label:5} t={int(r['t_s']):4d} s: RSS {mib(r):.0f} MiB{extra}")
half = min(rows, key=lambda r: abs(int(r["t_s"]) - secs / 2))
second = [r for r in rows if int(r["t_s"]) >= int(half["t_s"])]
print(f"server memory ({len(rows)} samples in memory.csv):")
show("start", rows[0]); show("half", half); show("end", rows[-1])
top = max(second, key=mib)
low = min(second, key=mib)
dev = max(abs(mib(r) - mib(half)) for r in second) / mib(half) * 100
print(f"  second half: RSS {mib(low):.0f}..{mib(top):.0f} MiB (max at t={top['t_s']} s), "
      f"largest deviation from half-way {dev:.1f} % -> {'flat' if dev <= band else 'NOT flat'} (band ±{band:g} %)")
PY
echo "Java heap live after a full GC at the end: ${live:-?} MiB"
echo "stored runs in history: $(curl -s "$base/api/studies/home_row" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("runs"))')"
