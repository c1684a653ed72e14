#!/usr/bin/env bash
# End-to-end benchmark of `ceteris did` (Callaway & Sant'Anna, 100,000 units x 20 periods, 5 cohorts):
# DuckDB reads the CSV and builds the per (unit, period) panel, then the estimator runs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${1:-/tmp/ceteris-did-bench.csv}"
[ -f "$data" ] || python3 "$here/bench/did/make_panel.py" "$data" 100000 20
export CETERIS_JAVA_OPTS="${CETERIS_JAVA_OPTS:--Xmx4g}"
/usr/bin/time -f "wall %e s, max RSS %M KB" "$here/ceteris" did --data "$data" --unit unit --time period \
    --outcome y --first-treated first_treated --json > /tmp/ceteris-did-bench.json
python3 -c "import json; d=json.load(open('/tmp/ceteris-did-bench.json')); print('simple ATT', d['estimate'], 'se', d['se'], 'cells', len(d['att_gt']))"
echo "estimator alone:"
java -Xmx4g -cp "$here/ceteris-cli/target/ceteris-all.jar" "$here/bench/did/CsBench.java" 100000 20 3
