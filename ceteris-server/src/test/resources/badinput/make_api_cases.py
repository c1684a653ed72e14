#!/usr/bin/env python3
"""Writes api_cases.tsv for ApiBadInputTest (run from this directory; no dependencies).

Columns: id, HTTP method, path, body ('-' = none), expected status, fragment of the problem
document's detail (for 4xx) or '-' (success). Study names refer to ApiBadInputTest.YAML.
"""
import json

rows = []


def c(cid, method, path, body, status, frag):
    rows.append((cid, method, path, "-" if body is None else body, str(status), frag))


def q(s):
    return json.dumps({"sql": s})


c("study-unknown", "GET", "/api/studies/nope", None, 404, "no study 'nope'")
c("study-injection-name", "GET", "/api/studies/x';DROP%20TABLE%20home_row;--", None, 404, "no study")
c("study-unicode-name", "GET", "/api/studies/%E5%AE%9E%E9%AA%8C", None, 404, "no study")
c("study-long-name", "GET", "/api/studies/" + "a" * 3000, None, 404, "no study")
c("history-unknown", "GET", "/api/studies/nope/history", None, 404, "no study")
c("run-unknown", "POST", "/api/studies/nope/run", None, 404, "no study")
c("run-get-method", "GET", "/api/studies/ok_study/run", None, 404, "not found")
c("delete-study", "DELETE", "/api/studies/ok_study", None, 404, "not found")
c("put-study", "PUT", "/api/studies/ok_study", "{}", 404, "not found")
for i, b in enumerate(["{", "[1,2]", "\"text\"", "{\"a\": }", "null", "\u0001\u0002", "{\"x\":" * 2000]):
    c("run-body-" + str(i), "POST", "/api/studies/ok_study/run", b, 400, "body")
# studies whose parameters are wrong fail when run: 422 "the study could not run"
c("run-missing-metric", "POST", "/api/studies/bad_metric/run", None, 422, "nope")
c("run-bad-alpha", "POST", "/api/studies/bad_alpha/run", None, 422, "alpha")
c("run-missing-table", "POST", "/api/studies/missing_table/run", None, 422, "nope")
c("run-bad-sql", "POST", "/api/studies/bad_sql/run", None, 422, "SQL")
c("run-drop-sql", "POST", "/api/studies/drop_sql/run", None, 422, "SQL")
c("run-string-metric", "POST", "/api/studies/string_metric/run", None, 422, "variant")
c("run-bad-ratio", "POST", "/api/studies/bad_ratio/run", None, 422, "ratio")
c("run-bad-correction", "POST", "/api/studies/bad_correction/run", None, 422, "bogus")
c("run-empty-result", "POST", "/api/studies/empty_sql/run", None, 422, "no rows")
c("run-cyclic-dag", "POST", "/api/studies/cyclic_dag/run", None, 422, "cycl")
c("run-did-bad-post", "POST", "/api/studies/did_bad/run", None, 422, "")
c("run-guardrail-not-a-metric", "POST", "/api/studies/guardrail_nope/run", None, 422, "--guardrail names 'nope', which is not a metric of this study")
c("run-guardrail-wrong-sign", "POST", "/api/studies/guardrail_sign/run", None, 422, "give a negative margin")
c("run-prior-sd-zero", "POST", "/api/studies/prior_sd_zero/run", None, 422, "--prior-sd must be a positive number")
c("run-quantile-out-of-range", "POST", "/api/studies/quantile_bad/run", None, 422, "strictly between 0 and 1")
READ_ONLY = "only queries that read"
for cid, s, st, fr in [
        ("drop", q("DROP TABLE home_row"), 400, READ_ONLY), ("delete", q("DELETE FROM home_row"), 400, READ_ONLY),
        ("insert", q("INSERT INTO home_row SELECT * FROM home_row"), 400, READ_ONLY),
        ("create", q("CREATE TABLE x AS SELECT 1"), 400, READ_ONLY), ("update", q("UPDATE home_row SET variant='x'"), 400, READ_ONLY),
        ("attach", q("ATTACH '/tmp/x.duckdb' AS x"), 400, READ_ONLY), ("copy", q("COPY home_row TO '/tmp/ceteris-stolen.csv'"), 400, READ_ONLY),
        ("two", q("SELECT 1; DROP TABLE home_row"), 400, ""), ("install", q("INSTALL httpfs"), 400, READ_ONLY),
        ("pragma", q("PRAGMA database_list"), 400, READ_ONLY), ("set", q("SET threads=1"), 400, READ_ONLY),
        ("read-file", q("SELECT * FROM read_text('/etc/passwd')"), 400, ""), ("syntax", q("SELEC 1"), 400, READ_ONLY),
        ("missing", q("SELECT * FROM nope"), 400, "nope"), ("empty", q(""), 400, "query"), ("blank", q("   "), 400, "query"),
        ("control-char", q("SELECT '\u0001' AS c"), 200, "-"), ("number", json.dumps({"sql": 12}), 400, ""),
        ("array", json.dumps({"sql": ["a"]}), 400, ""), ("null", json.dumps({"sql": None}), 400, ""),
        ("wrong-key", json.dumps({"query": "SELECT 1"}), 400, "sql"), ("unicode", q("SELECT '实验' AS \"名字\""), 200, "-"),
        ("division", q("SELECT 1/0 AS x"), 200, "-"), ("huge-string", q("SELECT '" + "x" * 20000 + "' AS s"), 200, "-"),
        ("nan", q("SELECT 'NaN'::DOUBLE AS x, 'inf'::DOUBLE AS y"), 200, "-"), ("cast-error", q("SELECT 'abc'::INTEGER"), 400, ""),
        ("no-history-yet", q("SELECT count(*) FROM ceteris_runs"), 400, "ceteris_runs")]:
    c("query-" + cid, "POST", "/api/query", s, st, fr)
c("query-get", "GET", "/api/query", None, 404, "not found")
c("query-no-body", "POST", "/api/query", None, 400, "")
c("assign-none", "GET", "/api/assign?unit=u1", None, 404, "assignment")
c("not-found", "GET", "/api/nothing", None, 404, "/api/nothing")
c("path-traversal", "GET", "/../../etc/passwd", None, 400, "")
c("path-traversal-encoded", "GET", "/%2e%2e/%2e%2e/etc/passwd", None, 400, "")
with open("api_cases.tsv", "w", encoding="utf-8") as f:
    f.write("# generated by make_api_cases.py; id\tmethod\tpath\tbody ('-' = none)\tstatus\tdetail fragment ('-' = success)\n")
    for r in rows:
        assert all("\t" not in x and "\n" not in x for x in r), r
        f.write("\t".join(r) + "\n")
print(len(rows), "cases")
