#!/usr/bin/env bash
# Benchmark (not a test): `ceteris dag adjust` against a brute-force search (bench/dag/brute_force.py,
# networkx d-separation over every subset of the candidates) on DAGs from bench/dag/make_paths.py,
# K back-door paths and NOISE extra nodes each (seed K*100+NOISE). Each line: the DAG, the number of
# candidates and of minimal sets, then wall s and max RSS of each whole process (/usr/bin/time), and
# whether both found the same minimal sets. The brute force doubles with each candidate (20
# candidates: ~4 min on 2 cores).
# Usage: bench/dag/brute.sh [K:NOISE ...]   (default 4:4 6:6 8:6) [DIR=/tmp/ceteris-bench-dag]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="${DIR:-/tmp/ceteris-bench-dag}"
mkdir -p "$dir"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(4:4 6:6 8:6)
"$here/ceteris" --version >/dev/null   # builds the jar and its CDS archive first
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//')"
for size in "${sizes[@]}"; do
  k="${size%%:*}"; noise="${size##*:}"; dag="$dir/paths-$k-$noise.dag"
  /usr/bin/python3 "$here/bench/dag/make_paths.py" "$k" "$noise" "$((k * 100 + noise))" "$dag"
  ours=$( { /usr/bin/time -f "%e %M" "$here/ceteris" dag adjust --dag "@$dag" --json > "$dir/ceteris.json"; } 2>&1 )
  peer=$( { /usr/bin/time -f "%e %M" /usr/bin/python3 "$here/bench/dag/brute_force.py" "$dag" > "$dir/brute.json"; } 2>&1 )
  /usr/bin/python3 - "$dir/ceteris.json" "$dir/brute.json" "$size" "$ours" "$peer" <<'PY'
import json, sys
ours, brute = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
a = sorted(sorted(s) for s in ours["minimal_sets"])
b = sorted(sorted(s) for s in brute["minimal_sets"])
ow, orss = sys.argv[4].split()[-2:]
pw, prss = sys.argv[5].split()[-2:]
print(f"K:NOISE {sys.argv[3]}: {brute['candidates']} candidates, {len(a)} minimal sets | ceteris {ow} s, {int(orss) // 1024} MB | "
      f"brute force {pw} s, {int(prss) // 1024} MB ({brute['subsets']} subsets) | same sets: {'yes' if a == b else 'NO'}")
PY
done
