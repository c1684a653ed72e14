# Sourced by bench/paths/run.sh and bench/paths/collectors.sh (with $here and $dir set): writes the
# did and observe inputs once, builds the jar and its CDS archive outside the timings, and defines the
# command lines both scripts time (did, obs, pow; abc and abp on AB_CSV and its Parquet file).
mkdir -p "$dir"
[ -f "$dir/did.csv" ] || /usr/bin/python3 "$here/bench/did/make_panel.py" "$dir/did.csv" 100000 20
[ -f "$dir/obs1m.csv" ] || /usr/bin/python3 "$here/bench/observational/make_data.py" 1000000 "$dir/obs1m.csv"
"$here/ceteris" power --baseline-mean 1 --sd 1 --mde 0.1 >/dev/null   # builds the jar and its CDS archive first
csv="${AB_CSV:-/tmp/ceteris-bench-csv/ab-5000000.csv}"; pq="${csv%.csv}.parquet"
did=(did --data "$dir/did.csv" --unit unit --time period --outcome y --first-treated first_treated --json)
obs=(observe --data "$dir/obs1m.csv" --treatment treat --outcome y --covariates x1,x2,x3,x4,x5,x6,x7,x8,x9,x10 --json)
pow=(power --baseline-mean 10 --sd 3 --mde 0.1 --json)
abc=(ab --data "$csv" --variant variant --metric m --covariate m=x --json)
abp=(ab --data "$pq" --variant variant --metric m --covariate m=x --json)
