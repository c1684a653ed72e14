#!/usr/bin/env python3
"""Writes the bad-input corpus: data files and cases.tsv (read by BadInputCorpusTest).

Run from this directory: python3 make_corpus.py. Seeded (random.Random(12)); no dependencies.
cases.tsv columns: id, expected exit code, expected fragment, then one column per argument.
Exit 2: the fragment must appear in the one-line stderr. Exit 0: the fragment is a diagnostic code
that must appear in the JSON on stdout ('-' = none required). Placeholders: {D} this directory,
{T} a fresh temporary directory, {W} a prepared workspace (hashed before and after the case).
"""
import random, os

R = random.Random(12)
D = os.path.dirname(os.path.abspath(__file__))
os.makedirs(os.path.join(D, "data"), exist_ok=True)


def w(name, text, mode="w"):
    p = os.path.join(D, "data", name)
    with open(p, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as f:
        f.write(text)


def csv(name, header, rows):
    w(name, ",".join(header) + "\n" + "".join(",".join(str(v) for v in r) + "\n" for r in rows))


# ---- base tables
AB_H = ["user_id", "variant", "revenue", "converted", "pre_revenue", "sessions", "clicks", "country"]
ab = []
for i in range(1, 201):
    v = "control" if i % 2 else "treatment"
    pre = round(R.gauss(10, 3), 4)
    ab.append([i, v, round(pre * 0.8 + R.gauss(2 if v == "treatment" else 1.5, 2), 4), int(R.random() < 0.3),
               pre, R.randint(1, 9), R.randint(0, 5), R.choice(["US", "CA", "DE"])])
csv("ab.csv", AB_H, ab)
t = open(os.path.join(D, "data", "ab.csv")).read()
w("empty.csv", "")
w("header_only.csv", ",".join(AB_H) + "\n")
w("truncated.csv", t[: len(t) // 2 + 7])
w("ragged.csv", t.replace("\n3,control", "\n3,control,1,2,3,4,5,6,7,8", 1).replace("\n8,treatment", "\n8", 1))
csv("wrong_type.csv", AB_H, [r if r[0] != 17 else r[:2] + ["abc"] + r[3:] for r in ab])
csv("nan_metric.csv", AB_H, [r if r[0] % 50 else r[:2] + ["NaN"] + r[3:] for r in ab])
csv("inf_metric.csv", AB_H, [r if r[0] != 10 else r[:2] + ["Infinity"] + r[3:] for r in ab])
csv("neginf_metric.csv", AB_H, [r if r[0] != 11 else r[:2] + ["-Infinity"] + r[3:] for r in ab])
csv("null_metric.csv", AB_H, [r if r[0] % 7 else r[:2] + [""] + r[3:] for r in ab])
csv("null_variant.csv", AB_H, [r if r[0] % 9 else r[:1] + [""] + r[2:] for r in ab])
csv("one_row_groups.csv", AB_H, ab[:2])
csv("single_variant.csv", AB_H, [r[:1] + ["control"] + r[2:] for r in ab])
csv("constant_metric.csv", AB_H, [r[:2] + [5] + r[3:] for r in ab])
csv("zero_clicks_sessions.csv", AB_H, [r[:5] + [0, 0] + r[7:] for r in ab])
csv("three_arms_one_tiny.csv", AB_H, ab + [[201, "tiny", 3.0, 0, 2.0, 1, 1, "US"]])
csv("unicode_names.csv", ["用户", "变体", "收入", "país"], [[r[0], r[1], r[2], r[7]] for r in ab])
LONG = "m" * 300
csv("long_name.csv", ["user_id", "variant", LONG], [[r[0], r[1], r[2]] for r in ab])
csv("quote_names.csv", ["user_id", '"var""iant"', '"rev;enue"', '"x\'); DROP TABLE data;--"'],
    [[r[0], r[1], r[2], r[4]] for r in ab])
csv("dup_columns.csv", ["user_id", "variant", "revenue", "revenue"], [[r[0], r[1], r[2], r[4]] for r in ab])
w("bom.csv", "\ufeff" + t)
w("semicolon.csv", t.replace(",", ";"))
w("crlf.csv", t.replace("\n", "\r\n"))
w("unterminated_quote.csv", t.replace("\n5,control", '\n"5,control', 1))
w("quoted_newline.csv", ",".join(AB_H) + "\n" + "".join(
    ",".join(str(v) for v in r[:7]) + ',"U\nS"\n' for r in ab))
w("garbage.csv", bytes(R.randrange(256) for _ in range(3000)), "wb")
w("latin1.csv", ("user_id,variant,revenue\n" + "".join(f"{i},{'contrôle' if i % 2 else 'traité'},{i % 7}\n"
                                                       for i in range(1, 101))).encode("latin-1"), "wb")
w("one_column.csv", "variant\n" + "".join(r[1] + "\n" for r in ab))
w("no_newline_end.csv", t.rstrip("\n"))
w("blank_lines.csv", t.replace("\n", "\n\n"))
w("not_really.parquet", t)
w("empty.parquet", "")
w("garbage.parquet", bytes(R.randrange(256) for _ in range(2000)), "wb")
w("huge_values.csv", ",".join(AB_H) + "\n" + "".join(
    ",".join(str(v) for v in (r[:2] + [1e308 * (1 if r[0] % 2 else -1)] + r[3:])) + "\n" for r in ab))
w("text.txt", t)
csv("string_metric.csv", AB_H, [r[:2] + ["x" + str(r[2])] + r[3:] for r in ab])
csv("bool_metric.csv", AB_H, [r[:3] + ["true" if r[3] else "false"] + r[4:] for r in ab])

# did panel
DH = ["unit", "time", "treated", "post", "y", "first_treated"]
did = []
for u in range(1, 21):
    tr = int(u <= 10)
    for tm in range(1, 7):
        did.append([u, tm, tr, int(tm >= 4), round(R.gauss(0, 1) + u * 0.1 + tm * 0.2 + (1.5 if tr and tm >= 4 else 0), 4),
                    4 if tr else 0])
csv("did.csv", DH, did)
csv("did_float_time.csv", DH, [r[:1] + [r[1] + 0.5] + r[2:] for r in did])
csv("did_string_time.csv", DH, [r[:1] + ["t" + str(r[1])] + r[2:] for r in did])
csv("did_post_2.csv", DH, [r[:3] + [r[3] * 2] + r[4:] for r in did])
csv("did_treated_3.csv", DH, [r[:2] + [r[2] * 3] + r[3:] for r in did])
csv("did_all_treated.csv", DH, [r[:2] + [1] + r[3:] for r in did])
csv("did_no_pre.csv", DH, [r[:3] + [1] + r[4:] for r in did])
csv("did_nan_y.csv", DH, [r if (r[0] + r[1]) % 11 else r[:4] + ["NaN"] + r[5:] for r in did])
csv("did_dup_rows.csv", DH, did + did[:12])
csv("did_one_unit.csv", DH, [r for r in did if r[0] in (1, 11)][:12])
csv("did_unbalanced.csv", DH, [r for r in did if not (r[0] == 3 and r[1] == 2)])
csv("did_string_first.csv", DH, [r[:5] + ["y" + str(r[5])] for r in did])
csv("did_first_outside.csv", DH, [r[:5] + [99 if r[5] else 0] for r in did])

# observational
OH = ["id", "treat", "x1", "x2", "y", "label"]
obs = []
for i in range(1, 301):
    x1, x2 = R.gauss(0, 1), R.gauss(0, 1)
    tr = int(R.random() < 1 / (1 + 2.718 ** -(0.5 * x1)))
    obs.append([i, tr, round(x1, 5), round(x2, 5), round(1 + x1 + 0.5 * x2 + 2 * tr + R.gauss(0, 1), 5), "a" if i % 2 else "b"])
csv("obs.csv", OH, obs)
csv("obs_treat_012.csv", OH, [r[:1] + [r[0] % 3] + r[2:] for r in obs])
csv("obs_all_treated.csv", OH, [r[:1] + [1] + r[2:] for r in obs])
csv("obs_none_treated.csv", OH, [r[:1] + [0] + r[2:] for r in obs])
csv("obs_constant_cov.csv", OH, [r[:3] + [7] + r[4:] for r in obs])
csv("obs_separation.csv", OH, [r[:1] + [int(r[2] > 0)] + r[2:] for r in obs])
csv("obs_collinear.csv", OH, [r[:3] + [round(r[2] * 2 + 1, 5)] + r[4:] for r in obs])
csv("obs_near_collinear.csv", OH, [r[:3] + [round(r[2] * 2 + 1 + R.gauss(0, 1e-6), 9)] + r[4:] for r in obs])
csv("obs_near_separation.csv", OH, [r[:1] + [int(r[2] > 0) if r[0] > 3 else int(r[2] <= 0)] + r[2:] for r in obs])
csv("obs_nan_y.csv", OH, [r if r[0] % 13 else r[:4] + ["NaN"] + r[5:] for r in obs])
csv("obs_inf_x.csv", OH, [r if r[0] != 5 else r[:2] + ["Infinity"] + r[3:] for r in obs])
csv("obs_one_treated.csv", OH, [r[:1] + [int(r[0] == 1)] + r[2:] for r in obs])
csv("obs_bool_treat.csv", OH, [r[:1] + ["true" if r[1] else "false"] + r[2:] for r in obs])
csv("obs_treat_text.csv", OH, [r[:1] + ["yes" if r[1] else "no"] + r[2:] for r in obs])

# interactions
IH = ["user", "exp_a", "exp_b", "m", "txt"]
inter = [[i, R.choice(["control", "on"]), R.choice(["control", "on"]), round(R.gauss(5, 1), 4), "z"] for i in range(1, 301)]
csv("inter.csv", IH, inter)
csv("inter_one_arm_b.csv", IH, [r[:2] + ["control"] + r[3:] for r in inter])
csv("inter_no_overlap.csv", IH, [r[:1] + [r[1], "on" if r[1] == "on" else "control"] + r[3:] for r in inter])

# dag test data
DGH = ["A", "B", "C", "S"]
dg = []
for i in range(300):
    a = R.gauss(0, 1); b = a + R.gauss(0, 1); c = b + R.gauss(0, 1)
    dg.append([round(a, 5), round(b, 5), round(c, 5), "s" + str(i % 3)])
csv("dag.csv", DGH, dg)
csv("dag_constant.csv", DGH, [[1, r[1], r[2], r[3]] for r in dg])

# DAG files
w("cyclic.dag", "dag { A -> B ; B -> C ; C -> A }")
w("ok.dag", "dag { X [exposure] ; Y [outcome] ; Z -> X ; Z -> Y ; X -> Y }")
w("empty.dag", "")
w("unbalanced.dag", "dag { X -> Y ")
w("long_names.dag", "dag { " + "N" * 500 + " -> Y ; X -> Y }")
w("unicode.dag", "dag { 曝露 [exposure] ; 结果 [outcome] ; 曝露 -> 结果 ; Zé -> 曝露 ; Zé -> 结果 }")
w("garbage.dag", bytes(R.randrange(256) for _ in range(500)), "wb")

# assignment configs
w("cfg_ok.yaml", "experiments:\n  - key: e1\n    variations: [control, on]\n")
w("cfg_invalid.yaml", "experiments:\n  - key: e1\n    variations: [control, on\n  weights: : :\n")
w("cfg_empty.yaml", "")
w("cfg_tabs.yaml", "experiments:\n\t- key: e1\n")
w("cfg_weights_neg.yaml", "experiments:\n  - key: e1\n    variations: [control, on]\n    weights: [-0.5, 1.5]\n")
w("cfg_weights_sum.yaml", "experiments:\n  - key: e1\n    variations: [control, on]\n    weights: [0.5, 0.6]\n")
w("cfg_weights_len.yaml", "experiments:\n  - key: e1\n    variations: [control, on]\n    weights: [1.0]\n")
w("cfg_coverage.yaml", "experiments:\n  - key: e1\n    variations: [control, on]\n    coverage: 1.5\n")
w("cfg_no_key.yaml", "experiments:\n  - variations: [control, on]\n")
w("cfg_one_variation.yaml", "experiments:\n  - key: e1\n    variations: [control]\n")
w("cfg_dup_key.yaml", "experiments:\n  - key: e1\n    variations: [a, b]\n  - key: e1\n    variations: [a, b]\n")
w("cfg_bad_namespace.yaml", "experiments:\n  - key: e1\n    variations: [a, b]\n    namespace: [nowhere, 0.0, 0.5]\n")
w("cfg_ns_range.yaml", "namespaces:\n  n: {}\nexperiments:\n  - key: e1\n    variations: [a, b]\n    namespace: [n, 0.7, 0.2]\n")
w("cfg_list_root.yaml", "- a\n- b\n")
w("cfg_scalar_weights.yaml", "experiments:\n  - key: e1\n    variations: [a, b]\n    weights: lots\n")
w("cfg_unknown_field.yaml", "experiments:\n  - key: e1\n    variations: [a, b]\n    wieghts: [0.5, 0.5]\n")
w("cfg_bad_condition.yaml", "experiments:\n  - key: e1\n    variations: [a, b]\n    condition: {country: {$regex: '['}}\n")
w("cfg_anchor_bomb.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
  "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
  "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nexperiments: *g\n")
csv("units.csv", ["uid", "country"], [[f"u{i}", R.choice(["US", "CA"])] for i in range(50)])

# ---- cases
cases = []


def case(cid, exit_code, frag, *args):
    cases.append((cid, str(exit_code), frag) + tuple(args))


d = "{D}/data/"
AB = ["ab", "--variant", "variant", "--metric", "revenue", "--json"]
for f, code, frag in [("empty.csv", 2, "empty.csv"), ("header_only.csv", 2, "has no rows"), ("truncated.csv", 2, "cannot read truncated.csv"),
                      ("ragged.csv", 2, "ragged.csv"), ("wrong_type.csv", 2, "revenue"), ("nan_metric.csv", 0, "MISSING_VALUES"),
                      ("inf_metric.csv", 0, "MISSING_VALUES"), ("neginf_metric.csv", 0, "MISSING_VALUES"),
                      ("null_metric.csv", 0, "MISSING_VALUES"), ("null_variant.csv", 0, "MISSING_VALUES"),
                      ("one_row_groups.csv", 2, "at least 2"), ("single_variant.csv", 2, "variant"),
                      ("constant_metric.csv", 2, "does not vary"), ("three_arms_one_tiny.csv", 2, "at least 2"),
                      ("bom.csv", 0, "-"), ("semicolon.csv", 0, "-"), ("crlf.csv", 0, "-"),
                      ("unterminated_quote.csv", 0, "-"), ("quoted_newline.csv", 0, "-"),
                      ("garbage.csv", 2, "garbage.csv"), ("one_column.csv", 2, "revenue"), ("no_newline_end.csv", 0, "-"),
                      ("blank_lines.csv", 0, "-"), ("not_really.parquet", 2, "not_really.parquet"),
                      ("empty.parquet", 2, "empty.parquet"), ("garbage.parquet", 2, "garbage.parquet"),
                      ("huge_values.csv", 2, "does not vary"), ("text.txt", 0, "-"), ("string_metric.csv", 2, "revenue"),
                      ("missing.csv", 2, "file not found"), ("dup_columns.csv", 0, "-")]:
    case("ab-file-" + f, code, frag, *AB[:5], "--data", d + f, "--json")
case("ab-dir-as-file", 2, "data", *AB, "--data", "{D}/data")
case("ab-bool-metric", 0, "-", "ab", "--data", d + "bool_metric.csv", "--variant", "variant", "--metric", "converted", "--json")
case("ab-unicode", 0, "-", "ab", "--data", d + "unicode_names.csv", "--variant", "变体", "--metric", "收入", "--json")
case("ab-unicode-unit", 0, "-", "ab", "--data", d + "unicode_names.csv", "--variant", "变体", "--metric", "收入", "--unit", "用户", "--json")
case("ab-long-name", 0, "-", "ab", "--data", d + "long_name.csv", "--variant", "variant", "--metric", LONG, "--json")
case("ab-long-missing", 2, "not found", "ab", "--data", d + "long_name.csv", "--variant", "variant", "--metric", LONG + "x", "--json")
case("ab-quote-names", 0, "-", "ab", "--data", d + "quote_names.csv", "--variant", 'var"iant', "--metric", "rev;enue", "--json")
case("ab-quote-injection-col", 0, "-", "ab", "--data", d + "quote_names.csv", "--variant", 'var"iant', "--metric", "x'); DROP TABLE data;--", "--json")
A2 = ["ab", "--data", d + "ab.csv", "--variant", "variant"]
for cid, code, frag, extra in [
    ("alpha-2", 2, "--alpha", ["--metric", "revenue", "--alpha", "2"]),
    ("alpha-0", 2, "--alpha", ["--metric", "revenue", "--alpha", "0"]),
    ("alpha-1", 2, "--alpha", ["--metric", "revenue", "--alpha", "1"]),
    ("alpha-neg", 2, "--alpha", ["--metric", "revenue", "--alpha", "-0.1"]),
    ("alpha-nan", 2, "--alpha", ["--metric", "revenue", "--alpha", "NaN"]),
    ("alpha-text", 2, "abc", ["--metric", "revenue", "--alpha", "abc"]),
    ("alpha-inf", 2, "--alpha", ["--metric", "revenue", "--alpha", "Infinity"]),
    ("correction-bogus", 2, "bogus", ["--metric", "revenue", "--correction", "bogus"]),
    ("split-text", 2, "--split", ["--metric", "revenue", "--split", "control=abc,treatment=1"]),
    ("split-neg", 2, "--split", ["--metric", "revenue", "--split", "control=-1,treatment=2"]),
    ("split-zero", 2, "--split", ["--metric", "revenue", "--split", "control=0,treatment=0"]),
    ("split-unknown", 2, "nope", ["--metric", "revenue", "--split", "control=1,nope=1"]),
    ("split-noeq", 2, "--split", ["--metric", "revenue", "--split", "control"]),
    ("split-empty", 2, "--split", ["--metric", "revenue", "--split", ""]),
    ("ratio-noslash", 2, "--ratio", ["--ratio", "r=clicks"]),
    ("ratio-noden", 2, "--ratio", ["--ratio", "r=clicks/"]),
    ("ratio-noname", 2, "--ratio", ["--ratio", "=clicks/sessions"]),
    ("ratio-missing-col", 2, "nope", ["--ratio", "r=nope/sessions"]),
    ("ratio-string-col", 2, "variant", ["--ratio", "r=variant/sessions"]),
    ("ratio-0", 2, "--ratio", ["--ratio", "0"]),
    ("cov-noeq", 2, "--covariate", ["--metric", "revenue", "--covariate", "revenue"]),
    ("cov-missing", 2, "nope", ["--metric", "revenue", "--covariate", "revenue=nope"]),
    ("cov-unknown-metric", 2, "nope", ["--metric", "revenue", "--covariate", "nope=pre_revenue"]),
    ("cov-string", 2, "country", ["--metric", "revenue", "--covariate", "revenue=country"]),
    ("control-unknown", 2, "nope", ["--metric", "revenue", "--control", "nope"]),
    ("unit-missing", 2, "nope", ["--metric", "revenue", "--unit", "nope"]),
    ("metric-string", 2, "variant", ["--metric", "variant"]),
    ("metric-missing", 2, "nope", ["--metric", "nope"]),
    ("metric-injection", 2, "not found", ["--metric", "revenue; DROP TABLE data"]),
    ("metric-injection2", 2, "not found", ["--metric", 'revenue") FROM data; --']),
    ("only-once", 2, "only once", ["--metric", "revenue", "--variant", "variant' OR '1'='1"]),
    ("no-metric", 2, "--metric", []),
    ("metric-twice", 2, "revenue", ["--metric", "revenue", "--metric", "revenue"]),
    ("metric-is-variant-col", 2, "variant", ["--metric", "revenue", "--metric", "variant"]),
    ("empty-metric-name", 2, "not found", ["--metric", ""]),
    ("unknown-flag", 2, "--bogus", ["--metric", "revenue", "--bogus"]),
    ("table-with-data", 2, "--table", ["--metric", "revenue", "--table", "t"]),
    ("sql-syntax", 2, "SQL", ["--metric", "revenue", "--sql", "SELEC * FROM data"]),
    ("sql-missing-table", 2, "nope", ["--metric", "revenue", "--sql", "SELECT * FROM nope"]),
    ("sql-two-statements", 2, "syntax error", ["--metric", "revenue", "--sql", "SELECT * FROM data; DROP VIEW data"]),
    ("sql-delete", 2, "syntax error", ["--metric", "revenue", "--sql", "DELETE FROM data"]),
    ("sql-empty", 2, "--sql", ["--metric", "revenue", "--sql", ""]),
    ("sql-no-rows", 2, "no rows with a value", ["--metric", "revenue", "--sql", "SELECT * FROM data WHERE false"]),
    ("sql-read-file", 2, "not found in the --sql query", ["--metric", "revenue", "--sql", "SELECT * FROM read_text('/etc/passwd')"]),
    ("ratio-zero-den", 2, "denominator sums to zero", ["--ratio", "r=clicks/sessions", "--sql", "SELECT *, 0 AS z FROM data", "--ratio", "q=clicks/z"]),
]:
    case("ab-" + cid, code, frag, *A2, *extra, "--json")
case("ab-ratio-zero-all", 2, "denominator sums to zero", "ab", "--data", d + "zero_clicks_sessions.csv", "--variant", "variant", "--ratio", "r=clicks/sessions", "--json")
case("ab-data-and-ws", 2, "not both", *A2, "--metric", "revenue", "--workspace", "{W}", "--json")
W = ["ab", "--workspace", "{W}", "--variant", "variant", "--metric", "revenue", "--json"]
for cid, code, frag, extra in [
    ("table-missing", 2, "nope", ["--table", "nope"]),
    ("table-injection", 2, "events; DROP TABLE events", ["--table", "events; DROP TABLE events"]),
    ("table-quote", 2, 'ev"ents', ["--table", 'ev"ents']),
    ("table-and-sql", 2, "exactly one", ["--table", "events", "--sql", "SELECT * FROM events"]),
    ("neither", 2, "exactly one", []),
    ("sql-drop", 2, "syntax error", ["--sql", "DROP TABLE events"]),
    ("sql-insert", 2, "syntax error", ["--sql", "INSERT INTO events SELECT * FROM events"]),
    ("sql-update", 2, "syntax error", ["--sql", "UPDATE events SET revenue = 0"]),
    ("sql-create", 2, "syntax error", ["--sql", "CREATE TABLE x AS SELECT 1"]),
    ("sql-copy-out", 2, "syntax error", ["--sql", "COPY events TO '{T}/stolen.csv'"]),
    ("sql-select-then-drop", 2, "syntax error", ["--sql", "SELECT * FROM events; DROP TABLE events"]),
    ("sql-attach", 2, "syntax error", ["--sql", "ATTACH '{T}/other.duckdb' AS o"]),
    ("sql-ok-but-empty", 2, "no rows with a value", ["--sql", "SELECT * FROM events WHERE revenue > 1e9"]),
]:
    case("ab-ws-" + cid, code, frag, *W, *extra)
case("ab-ws-not-a-workspace", 2, "workspace", "ab", "--workspace", "{D}/data", "--table", "events", "--variant", "variant", "--metric", "revenue")
case("ab-ws-missing-dir", 2, "workspace", "ab", "--workspace", "{T}/nowhere", "--table", "events", "--variant", "variant", "--metric", "revenue")
case("ab-ws-file", 2, "workspace", "ab", "--workspace", d + "ab.csv", "--table", "events", "--variant", "variant", "--metric", "revenue")
case("ab-ws-ok", 0, "-", *W, "--table", "events")

# power
P = ["power", "--baseline-mean", "10", "--sd", "2"]
for cid, code, frag, extra in [
    ("alpha-2", 2, "--alpha", ["--mde", "0.5", "--alpha", "2"]), ("alpha-0", 2, "--alpha", ["--mde", "0.5", "--alpha", "0"]),
    ("alpha-nan", 2, "--alpha", ["--mde", "0.5", "--alpha", "NaN"]), ("power-1", 2, "--power", ["--mde", "0.5", "--power", "1"]),
    ("power-0", 2, "--power", ["--mde", "0.5", "--power", "0"]), ("power-1.5", 2, "--power", ["--mde", "0.5", "--power", "1.5"]),
    ("power-nan", 2, "--power", ["--mde", "0.5", "--power", "NaN"]), ("mde-0", 2, "--mde", ["--mde", "0"]),
    ("mde-nan", 2, "--mde", ["--mde", "NaN"]), ("mde-inf", 2, "--mde", ["--mde", "Infinity"]),
    ("mde-text", 2, "ten", ["--mde", "ten"]), ("n-0", 2, "--n", ["--n", "0"]), ("n-neg", 2, "--n", ["--n", "-5"]),
    ("n-1", 2, "--n", ["--n", "1"]), ("n-huge", 2, "99999999999999999999", ["--n", "99999999999999999999"]),
    ("n-and-mde-and-power", 2, "--", ["--n", "100", "--mde", "0.5", "--power", "0.8"]), ("nothing", 2, "--", []),
]:
    case("power-" + cid, code, frag, *P, *extra, "--json")
case("power-sd-0", 2, "--sd", "power", "--baseline-mean", "10", "--sd", "0", "--mde", "1", "--json")
case("power-sd-neg", 2, "--sd", "power", "--baseline-mean", "10", "--sd", "-1", "--mde", "1", "--json")
case("power-sd-inf", 2, "--sd", "power", "--baseline-mean", "10", "--sd", "Infinity", "--mde", "1", "--json")
case("power-mean-nan", 2, "--baseline-mean", "power", "--baseline-mean", "NaN", "--sd", "1", "--mde", "1", "--json")
case("power-huge-mean-tiny-mde", 0, "-", "power", "--baseline-mean", "1e12", "--sd", "1", "--mde", "1e-3", "--json")

# did
DD = ["did", "--unit", "unit", "--time", "time", "--outcome", "y"]
for cid, code, frag, f, extra in [
    ("ok-2x2", 0, "-", "did.csv", ["--treated", "treated", "--post", "post"]),
    ("float-time", 2, "time", "did_float_time.csv", ["--treated", "treated", "--post", "post"]),
    ("string-time", 2, "time", "did_string_time.csv", ["--treated", "treated", "--post", "post"]),
    ("post-2", 2, "post", "did_post_2.csv", ["--treated", "treated", "--post", "post"]),
    ("treated-3", 2, "treated", "did_treated_3.csv", ["--treated", "treated", "--post", "post"]),
    ("all-treated", 2, "treated", "did_all_treated.csv", ["--treated", "treated", "--post", "post"]),
    ("no-pre", 2, "post", "did_no_pre.csv", ["--treated", "treated", "--post", "post"]),
    ("nan-y", 0, "MISSING_VALUES", "did_nan_y.csv", ["--treated", "treated", "--post", "post"]),
    ("dup-rows", 2, "unit", "did_dup_rows.csv", ["--treated", "treated", "--post", "post"]),
    ("one-unit-each", 2, "at least 2", "did_one_unit.csv", ["--treated", "treated", "--post", "post"]),
    ("unbalanced", 0, "-", "did_unbalanced.csv", ["--treated", "treated", "--post", "post"]),
    ("empty", 2, "empty.csv", "empty.csv", ["--treated", "treated", "--post", "post"]),
    ("header-only", 2, "unit", "header_only.csv", ["--treated", "treated", "--post", "post"]),
    ("missing-cols", 2, "unit", "ab.csv", ["--treated", "treated", "--post", "post"]),
    ("no-design", 2, "--", "did.csv", []),
    ("both-designs", 2, "--", "did.csv", ["--treated", "treated", "--post", "post", "--first-treated", "first_treated"]),
    ("staggered-ok", 0, "-", "did.csv", ["--first-treated", "first_treated"]),
    ("staggered-string", 2, "first_treated", "did_string_first.csv", ["--first-treated", "first_treated"]),
    ("staggered-outside", 2, "--first-treated", "did_first_outside.csv", ["--first-treated", "first_treated"]),
    ("window-text", 2, "--window", "did.csv", ["--first-treated", "first_treated", "--event-study", "--window", "abc"]),
    ("window-reversed", 2, "--window", "did.csv", ["--first-treated", "first_treated", "--event-study", "--window", "3:-4"]),
    ("window-half", 2, "--window", "did.csv", ["--first-treated", "first_treated", "--event-study", "--window", "-4"]),
    ("control-bogus", 2, "bogus", "did.csv", ["--first-treated", "first_treated", "--control", "bogus"]),
    ("estimator-bogus", 2, "bogus", "did.csv", ["--first-treated", "first_treated", "--estimator", "bogus"]),
    ("alpha-2", 2, "--alpha", "did.csv", ["--treated", "treated", "--post", "post", "--alpha", "2"]),
    ("covariate-2x2", 2, "--covariates", "did.csv", ["--treated", "treated", "--post", "post", "--covariates", "nope"]),
    ("covariate-missing", 2, "nope", "did.csv", ["--first-treated", "first_treated", "--covariates", "nope"]),
    ("outcome-twice", 2, "only once", "did.csv", ["--treated", "treated", "--post", "post", "--outcome", "y; DROP TABLE x"]),
    ("garbage", 2, "garbage.csv", "garbage.csv", ["--treated", "treated", "--post", "post"]),
]:
    case("did-" + cid, code, frag, *DD, "--data", d + f, *extra, "--json")

# observe
OB = ["observe", "--treatment", "treat", "--outcome", "y", "--covariates", "x1,x2"]
for cid, code, frag, f, extra in [
    ("ok", 0, "-", "obs.csv", []), ("treat-012", 2, "treat", "obs_treat_012.csv", []),
    ("all-treated", 2, "treat", "obs_all_treated.csv", []), ("none-treated", 2, "treat", "obs_none_treated.csv", []),
    ("constant-cov", 0, "CONSTANT_COVARIATE", "obs_constant_cov.csv", []),
    ("separation", 2, "separation", "obs_separation.csv", []),
    ("separation-ipw", 2, "separation", "obs_separation.csv", ["--method", "ipw"]),
    ("collinear", 2, "collinear", "obs_collinear.csv", ["--method", "regression"]),
    ("near-collinear-match", 2, "collinear", "obs_near_collinear.csv", []),
    ("near-collinear-regression", 2, "collinear", "obs_near_collinear.csv", ["--method", "regression"]),
    ("near-separation-match", 0, "LIMITED_OVERLAP", "obs_near_separation.csv", []),
    ("near-separation-ipw", 0, "EXTREME_WEIGHTS", "obs_near_separation.csv", ["--method", "ipw"]),
    ("near-separation-aipw", 0, "EXTREME_WEIGHTS", "obs_near_separation.csv", ["--method", "aipw"]),
    ("near-separation-regression", 0, "LIMITED_OVERLAP", "obs_near_separation.csv", ["--method", "regression"]),
    ("nan-y", 0, "MISSING_VALUES", "obs_nan_y.csv", []), ("inf-x", 0, "MISSING_VALUES", "obs_inf_x.csv", []),
    ("one-treated", 0, "-", "obs_one_treated.csv", []), ("bool-treat", 0, "-", "obs_bool_treat.csv", []),
    ("text-treat", 0, "-", "obs_treat_text.csv", []), ("string-cov", 0, "-", "obs.csv", ["--covariates", "label"]),
    ("trim-0.6", 2, "--trim", "obs.csv", ["--trim", "0.6"]), ("trim-neg", 2, "--trim", "obs.csv", ["--trim", "-0.1"]),
    ("trim-nan", 2, "--trim", "obs.csv", ["--trim", "NaN"]), ("caliper-neg", 2, "--caliper", "obs.csv", ["--caliper", "-1"]),
    ("caliper-0", 2, "--caliper", "obs.csv", ["--caliper", "0"]), ("ratio-0", 2, "--ratio", "obs.csv", ["--ratio", "0"]),
    ("ratio-neg", 2, "--ratio", "obs.csv", ["--ratio", "-1"]), ("ratio-huge", 0, "-", "obs.csv", ["--ratio", "1000", "--replace"]),
    ("method-bogus", 2, "bogus", "obs.csv", ["--method", "bogus"]),
    ("estimand-bogus", 2, "bogus", "obs.csv", ["--estimand", "bogus"]),
    ("refute-bogus", 2, "bogus", "obs.csv", ["--refute", "bogus"]),
    ("alpha-2", 2, "--alpha", "obs.csv", ["--alpha", "2"]), ("missing-cov", 2, "nope", "obs.csv", ["--covariates", "nope"]),
    ("treat-as-cov", 2, "treat", "obs.csv", ["--covariates", "treat"]), ("cov-twice", 2, "twice", "obs.csv", ["--covariates", "x1,y"]),
    ("header-only", 2, "treat", "header_only.csv", []), ("garbage", 2, "garbage.csv", "garbage.csv", []),
]:
    case("observe-" + cid, code, frag, *OB, "--data", d + f, *extra, "--json")

# interactions
IN = ["interactions", "--unit", "user", "--metric", "m"]
for cid, code, frag, f, extra in [
    ("ok", 0, "-", "inter.csv", ["--experiments", "exp_a,exp_b"]),
    ("one-experiment", 2, "--experiments", "inter.csv", ["--experiments", "exp_a"]),
    ("missing-col", 2, "nope", "inter.csv", ["--experiments", "exp_a,nope"]),
    ("same-twice", 2, "twice", "inter.csv", ["--experiments", "exp_a,exp_a"]),
    ("metric-string", 2, "txt", "inter.csv", ["--experiments", "exp_a,exp_b", "--metric", "txt"]),
    ("one-arm", 2, "exp_b", "inter_one_arm_b.csv", ["--experiments", "exp_a,exp_b"]),
    ("no-overlap", 0, "SMALL_SAMPLE", "inter_no_overlap.csv", ["--experiments", "exp_a,exp_b"]),
    ("control-bad", 2, "EXPERIMENT=ARM", "inter.csv", ["--experiments", "exp_a,exp_b", "--control", "exp_a"]),
    ("control-unknown-arm", 2, "nope", "inter.csv", ["--experiments", "exp_a,exp_b", "--control", "exp_a=nope"]),
    ("alpha-2", 2, "--alpha", "inter.csv", ["--experiments", "exp_a,exp_b", "--alpha", "2"]),
    ("correction-bogus", 2, "bogus", "inter.csv", ["--experiments", "exp_a,exp_b", "--correction", "bogus"]),
    ("empty", 2, "empty.csv", "empty.csv", ["--experiments", "exp_a,exp_b"]),
]:
    case("interactions-" + cid, code, frag, *IN, "--data", d + f, *extra, "--json")

# assign
for f, frag in [("cfg_invalid.yaml", "cfg_invalid.yaml"), ("cfg_empty.yaml", "cfg_empty.yaml"), ("cfg_tabs.yaml", "cfg_tabs.yaml"),
                ("cfg_weights_neg.yaml", "weights"), ("cfg_weights_sum.yaml", "weights"), ("cfg_weights_len.yaml", "weights"),
                ("cfg_coverage.yaml", "coverage"), ("cfg_no_key.yaml", "key"), ("cfg_one_variation.yaml", "variations"),
                ("cfg_dup_key.yaml", "e1"), ("cfg_bad_namespace.yaml", "nowhere"), ("cfg_ns_range.yaml", "namespace"),
                ("cfg_list_root.yaml", "experiments"), ("cfg_scalar_weights.yaml", "weights"),
                ("cfg_unknown_field.yaml", "wieghts"), ("cfg_anchor_bomb.yaml", "cfg_anchor_bomb.yaml"),
                ("missing.yaml", "not found"), ("garbage.csv", "garbage.csv")]:
    case("assign-" + f, 2, frag, "assign", "--config", d + f, "--unit", "u1", "--json")
AS = ["assign", "--config", d + "cfg_ok.yaml"]
for cid, code, frag, extra in [
    ("ok", 0, "-", ["--unit", "u1", "--json"]), ("attr-noeq", 2, "--attr", ["--unit", "u1", "--attr", "country", "--json"]),
    ("force-unknown", 2, "nope", ["--unit", "u1", "--force", "nope=on", "--json"]),
    ("force-bad-variation", 2, "nope", ["--unit", "u1", "--force", "e1=nope", "--json"]),
    ("force-noeq", 2, "--force", ["--unit", "u1", "--force", "e1", "--json"]),
    ("no-unit", 2, "--unit", ["--json"]), ("both-unit-units", 2, "--unit", ["--unit", "u1", "--units", d + "units.csv", "--out", "{T}/a.csv"]),
    ("units-no-idcol", 2, "nope", ["--units", d + "units.csv", "--id-column", "nope", "--out", "{T}/a.csv"]),
    ("units-bad-ext", 2, "--out", ["--units", d + "units.csv", "--id-column", "uid", "--out", "{T}/a.xlsx"]),
    ("units-out-missing-dir", 2, "nowhere", ["--units", d + "units.csv", "--id-column", "uid", "--out", "{T}/nowhere/a.csv"]),
    ("units-empty", 2, "empty.csv", ["--units", d + "empty.csv", "--id-column", "uid", "--out", "{T}/a.csv"]),
    ("units-garbage", 2, "garbage.csv", ["--units", d + "garbage.csv", "--id-column", "uid", "--out", "{T}/a.csv"]),
    ("unit-empty-string", 2, "unit id", ["--unit", "", "--json"]),
]:
    case("assign-" + cid, code, frag, *AS, *extra)

# dag
OKD = "dag { X [exposure] ; Y [outcome] ; Z -> X ; Z -> Y ; X -> Y }"
for cid, code, frag, args in [
    ("adjust-cyclic", 2, "cycl", ["dag", "adjust", "--dag", "@" + d + "cyclic.dag", "--exposure", "A", "--outcome", "C"]),
    ("adjust-cyclic-inline", 2, "cycl", ["dag", "adjust", "--dag", "dag { A -> B -> A }", "--exposure", "A", "--outcome", "B"]),
    ("adjust-selfloop", 2, "A", ["dag", "adjust", "--dag", "dag { A -> A ; A -> B }", "--exposure", "A", "--outcome", "B"]),
    ("adjust-empty", 2, "empty", ["dag", "adjust", "--dag", "@" + d + "empty.dag"]),
    ("adjust-empty-inline", 2, "empty", ["dag", "adjust", "--dag", ""]),
    ("adjust-unbalanced", 2, "}", ["dag", "adjust", "--dag", "@" + d + "unbalanced.dag"]),
    ("adjust-garbage", 2, "dag", ["dag", "adjust", "--dag", "@" + d + "garbage.dag"]),
    ("adjust-missing-file", 2, "not found", ["dag", "adjust", "--dag", "@" + d + "nope.dag"]),
    ("adjust-no-exposure", 2, "exposure", ["dag", "adjust", "--dag", "dag { X -> Y }"]),
    ("adjust-only-exposure", 2, "--exposure and --outcome", ["dag", "adjust", "--dag", OKD, "--exposure", "Q"]),
    ("adjust-unknown-exposure", 2, "Q", ["dag", "adjust", "--dag", OKD, "--exposure", "Q", "--outcome", "Y"]),
    ("adjust-same-node", 2, "X", ["dag", "adjust", "--dag", OKD, "--exposure", "X", "--outcome", "X"]),
    ("adjust-effect-bogus", 2, "bogus", ["dag", "adjust", "--dag", OKD, "--effect", "bogus"]),
    ("adjust-bad-arrow", 2, "=>", ["dag", "adjust", "--dag", "dag { X => Y }"]),
    ("adjust-bidirected-only", 0, "-", ["dag", "adjust", "--dag", "dag { X [exposure] ; Y [outcome] ; X <-> Y ; X -> Y }"]),
    ("adjust-undirected", 2, "--", ["dag", "adjust", "--dag", "dag { X [exposure] ; Y [outcome] ; X -- Y }"]),
    ("adjust-two-exposures-marked", 0, "-", ["dag", "adjust", "--dag", "dag { X [exposure] ; W [exposure] ; Y [outcome] ; X -> Y ; W -> Y }"]),
    ("adjust-bad-attr", 2, "bogus", ["dag", "adjust", "--dag", "dag { X [bogus] ; X -> Y }", "--exposure", "X", "--outcome", "Y"]),
    ("adjust-injection-names", 0, "-", ["dag", "adjust", "--dag", "dag { \"a'; DROP\" [exposure] ; Y [outcome] ; \"a'; DROP\" -> Y }"]),
    ("adjust-long-names", 0, "-", ["dag", "adjust", "--dag", "@" + d + "long_names.dag", "--exposure", "X", "--outcome", "Y"]),
    ("adjust-unicode", 0, "-", ["dag", "adjust", "--dag", "@" + d + "unicode.dag"]),
    ("adjust-no-path", 0, "DAG_NO_CAUSAL_PATH", ["dag", "adjust", "--dag", "dag { X [exposure] ; Y [outcome] ; Z -> X ; Z -> Y }"]),
    ("adjust-not-identifiable", 0, "DAG_NOT_IDENTIFIABLE", ["dag", "adjust", "--dag", "dag { X [exposure] ; Y [outcome] ; X -> Y ; X <-> Y }"]),
    ("adjust-not-dag-keyword", 2, "'graph'", ["dag", "adjust", "--dag", "graph { X -> Y }", "--exposure", "X", "--outcome", "Y"]),
    ("dsep-unknown", 2, "Q", ["dag", "dsep", "--dag", OKD, "--x", "X", "--y", "Q"]),
    ("dsep-same", 2, "X", ["dag", "dsep", "--dag", OKD, "--x", "X", "--y", "X"]),
    ("dsep-given-unknown", 2, "Q", ["dag", "dsep", "--dag", OKD, "--x", "X", "--y", "Y", "--given", "Q"]),
    ("dsep-given-x", 2, "X", ["dag", "dsep", "--dag", OKD, "--x", "X", "--y", "Y", "--given", "X"]),
    ("dsep-cyclic", 2, "cycl", ["dag", "dsep", "--dag", "@" + d + "cyclic.dag", "--x", "A", "--y", "B"]),
    ("dsep-missing-x", 2, "--x", ["dag", "dsep", "--dag", OKD, "--y", "Y"]),
    ("implications-cyclic", 2, "cycl", ["dag", "implications", "--dag", "@" + d + "cyclic.dag"]),
    ("implications-empty", 0, "-", ["dag", "implications", "--dag", "dag { }"]),
    ("implications-complete", 0, "DAG_NO_IMPLICATIONS", ["dag", "implications", "--dag", "dag { A -> B ; B -> C ; A -> C }"]),
    ("test-missing-col", 2, "D", ["dag", "test", "--dag", "dag { A -> B ; B -> D }", "--data", d + "dag.csv"]),
    ("test-string-col", 2, "S", ["dag", "test", "--dag", "dag { A -> S ; S -> C }", "--data", d + "dag.csv", "--test", "fisher_z"]),
    ("test-bogus", 2, "bogus", ["dag", "test", "--dag", "dag { A -> B ; B -> C }", "--data", d + "dag.csv", "--test", "bogus"]),
    ("test-alpha-2", 2, "--alpha", ["dag", "test", "--dag", "dag { A -> B ; B -> C }", "--data", d + "dag.csv", "--alpha", "2"]),
    ("test-constant", 0, "DAG_SINGULAR", ["dag", "test", "--dag", "dag { A -> B ; B -> C }", "--data", d + "dag_constant.csv"]),
    ("test-cyclic", 2, "cycl", ["dag", "test", "--dag", "@" + d + "cyclic.dag", "--data", d + "dag.csv"]),
    ("test-empty-data", 2, "empty.csv", ["dag", "test", "--dag", "dag { A -> B ; B -> C }", "--data", d + "empty.csv"]),
    ("test-header-only", 0, "DAG_SINGULAR", ["dag", "test", "--dag", "dag { revenue -> clicks ; clicks -> sessions }", "--data", d + "header_only.csv"]),
    ("test-ok", 0, "-", ["dag", "test", "--dag", "dag { A -> B ; B -> C }", "--data", d + "dag.csv"]),
    ("draw-bad-ext", 2, "--out", ["dag", "draw", "--dag", OKD, "--out", "{T}/g.png"]),
    ("draw-missing-dir", 2, "nowhere", ["dag", "draw", "--dag", OKD, "--out", "{T}/nowhere/g.dot"]),
    ("draw-cyclic", 2, "cycl", ["dag", "draw", "--dag", "@" + d + "cyclic.dag", "--out", "{T}/g.svg"]),
    ("draw-ok", 0, "-", ["dag", "draw", "--dag", OKD, "--out", "{T}/g.dot"]),
]:
    if code == 0 and args[1] != "draw":
        args = args + ["--json"]
    case("dag-" + cid, code, frag, *args)

# sql and import on the prepared workspace (must stay unchanged)
for cid, frag, q in [("checkpoint-ok", "-", "CHECKPOINT"), ("drop", "read-only", "DROP TABLE events"), ("insert", "read-only", "INSERT INTO events SELECT * FROM events"),
                     ("delete", "read-only", "DELETE FROM events"), ("create", "read-only", "CREATE TABLE x AS SELECT 1 AS a"),
                     ("syntax", "syntax", "SELEC 1"), ("missing-table", "nope", "SELECT * FROM nope"),
                     ("copy-out-exports", "-", "COPY events TO '{T}/exported.csv'"), ("two", "DROP", "SELECT 1; DROP TABLE events"),
                     ("empty", "empty", ""), ("alter", "read-only", "ALTER TABLE events RENAME TO e2"),
                     ("attach", "read-only", "ATTACH '{T}/x.duckdb' AS x")]:
    case("sql-" + cid, 0 if frag == "-" else 2, frag, "sql", "--workspace", "{W}", q)
case("import-mismatched-union-ok", 0, "-", "import", "--workspace", "{T}/ws", "--table", "t", d + "ab.csv", d + "did.csv")
case("sql-format-bogus", 2, "bogus", "sql", "--workspace", "{W}", "--format", "bogus", "SELECT 1")
case("sql-no-workspace", 2, "workspace", "sql", "--workspace", "{T}/nowhere", "SELECT 1")
for cid, frag, extra in [("missing-file", "not found", ["--table", "t2", d + "nope.csv"]),
                         ("garbage", "garbage.csv", ["--table", "t2", d + "garbage.csv"]),
                         ("empty", "empty.csv", ["--table", "t2", d + "empty.csv"]),
                                                  ("injection-name", "table", ["--table", "t; DROP TABLE events", d + "ab.csv"]),
                         ("quote-name", "table", ["--table", 'a"b', d + "ab.csv"]),
                         ("empty-name", "table", ["--table", "", d + "ab.csv"]),
                         ("good-then-garbage", "garbage.csv", ["--table", "t3", d + "ab.csv", d + "garbage.csv"]),
                         ("bad-parquet", "garbage.parquet", ["--table", "t4", d + "garbage.parquet"]),
                         ("no-files", "FILE", ["--table", "t5"])]:
    case("import-" + cid, 2, frag, "import", "--workspace", "{W}", *extra)

# scenario, lab, advise, demo
for cid, code, frag, args in [
    ("scenario-unknown", 2, "nope", ["scenario", "generate", "--out", "{T}/s", "nope"]),
    ("scenario-out-is-file", 2, "ab.csv", ["scenario", "generate", "--out", d + "ab.csv", "home-row"]),
    ("scenario-seed-text", 2, "abc", ["scenario", "generate", "--out", "{T}/s", "--seed", "abc", "x"]),
    ("lab-unknown", 2, "nope", ["lab", "start", "--dir", "{T}/l", "nope"]),
    ("lab-check-nothing", 2, "--dir", ["lab", "check", "--dir", "{T}/empty", "home-row"]),
    ("advise-units-neg", 2, "--units", ["advise", "--no-input", "--units", "-1", "--json"]),
    ("advise-variants-0", 2, "--variants", ["advise", "--no-input", "--variants", "0", "--json"]),
    ("advise-yesno", 2, "maybe", ["advise", "--no-input", "--randomised", "maybe", "--json"]),
    ("advise-treated-gt-units", 2, "--treated-units", ["advise", "--no-input", "--units", "10", "--treated-units", "20", "--json"]),
    ("advise-pre-neg", 2, "--pre-periods", ["advise", "--no-input", "--pre-periods", "-3", "--json"]),
    ("demo-dir-is-file", 2, "ab.csv", ["demo", "--dir", d + "ab.csv"]),
    ("unknown-command", 2, "bogus", ["bogus"]),
]:
    case(cid, code, frag, *args)

# sequential and synth (landed on main later): own generator so the earlier files keep their values
R2 = random.Random(99)
csv("seq.csv", ["user_id", "variant", "arrived", "m", "clicks", "sessions"],
    [[i, "control" if i % 2 else "treatment", f"2026-03-{1 + i % 28:02d}", round(R2.gauss(10, 2), 4), R2.randint(0, 4), R2.randint(1, 5)]
     for i in range(1, 601)])
SQ = ["sequential", "--data", d + "seq.csv", "--variant", "variant", "--metric", "m", "--time", "arrived"]
for cid, code, frag, extra in [
        ("ok", 0, "-", ["--looks", "5"]), ("looks-neg", 2, "--looks", ["--looks", "-1"]), ("looks-0", 2, "--looks", ["--looks", "0"]),
        ("alpha-2", 2, "--alpha", ["--alpha", "2"]), ("tuning-0", 2, "--tuning", ["--tuning", "0"]),
        ("every-0", 2, "--every", ["--every", "0"]), ("n-max-neg", 2, "--n-max", ["--n-max", "-5"]),
        ("method-bogus", 2, "bogus", ["--method", "bogus"]), ("direction-bogus", 2, "sideways", ["--direction", "sideways"]),
        ("cuts-bogus", 2, "bogus", ["--looks", "3", "--cuts", "bogus"]),         ("covariate-missing", 2, "nope", ["--covariate", "nope"])]:
    case("sequential-" + cid, code, frag, *SQ, *extra, "--json")
case("sequential-time-not-time", 2, "variant", "sequential", "--data", d + "seq.csv", "--variant", "variant", "--metric", "m", "--time", "variant", "--json")
case("synth-treated-unknown", 2, "99", "synth", "--unit", "unit", "--time", "time", "--outcome", "y", "--treated", "99", "--data", d + "did.csv", "--treatment-time", "4", "--json")
case("sequential-ratio-bad", 2, "--ratio", "sequential", "--data", d + "seq.csv", "--variant", "variant", "--time", "arrived", "--ratio", "clicks", "--json")
case("sequential-empty", 2, "empty.csv", "sequential", "--data", d + "empty.csv", "--variant", "variant", "--metric", "m", "--time", "arrived", "--json")
SS = ["simulate-sequential", "--sims", "20", "--n-max", "400"]
for cid, code, frag, extra in [
        ("arms-bad", 2, "--arms", ["--arms", "x"]), ("arms-text-effect", 2, "abc", ["--arms", "control:0,b:abc"]),
        ("sims-0", 2, "--sims", ["--arms", "control:0,b:0.1", "--sims", "0"]), ("sd-neg", 2, "--sd", ["--arms", "control:0,b:0.1", "--sd", "-1"]),
        ("looks-neg", 2, "--looks", ["--arms", "control:0,b:0.1", "--looks", "-1"]), ("n-max-0", 2, "--n-max", ["--arms", "control:0,b:0.1", "--n-max", "0"]),
        ("alpha-2", 2, "--alpha", ["--arms", "control:0,b:0.1", "--alpha", "2"]), ("ok", 0, "-", ["--arms", "control:0,b:0.1"])]:
    case("simulate-sequential-" + cid, code, frag, *SS, *extra, "--json")
SY = ["synth", "--unit", "unit", "--time", "time", "--outcome", "y", "--treated", "1"]
for cid, code, frag, f, extra in [
        ("ok", 0, "-", "did.csv", ["--treatment-time", "4"]), ("no-pre", 2, "outside the data", "did.csv", ["--treatment-time", "1"]), ("time-after", 2, "outside the data", "did.csv", ["--treatment-time", "99"]),
        ("string-time", 2, "time", "did_string_time.csv", ["--treatment-time", "4"]), ("nan-y", 2, "y", "did_nan_y.csv", ["--treatment-time", "4"]),
        ("dup-rows", 2, "unit", "did_dup_rows.csv", ["--treatment-time", "4"]), ("donor-unknown", 2, "nope", "did.csv", ["--treatment-time", "4", "--donors", "nope"]),
        ("method-bogus", 2, "bogus", "did.csv", ["--treatment-time", "4", "--method", "bogus"]),
        ("mspe-neg", 2, "--mspe-filter", "did.csv", ["--treatment-time", "4", "--placebos", "--mspe-filter", "-1"]),
        ("fit-window-bad", 2, "--fit-window", "did.csv", ["--treatment-time", "4", "--fit-window", "abc"]),
        ("predictor-missing", 2, "nope", "did.csv", ["--treatment-time", "4", "--predictor", "nope"]),
        ("alpha-2", 2, "--alpha", "did.csv", ["--treatment-time", "4", "--alpha", "2"]),
        ("empty", 2, "empty.csv", "empty.csv", ["--treatment-time", "4"]), ("garbage", 2, "garbage.csv", "garbage.csv", ["--treatment-time", "4"])]:
    case("synth-" + cid, code, frag, *SY, "--data", d + f, *extra, "--json")

with open(os.path.join(D, "cases.tsv"), "w", encoding="utf-8", newline="") as f:
    f.write("# generated by make_corpus.py; id\texit\tfragment\targs...\n")
    for c in cases:
        assert all("\t" not in x and "\n" not in x for x in c), c
        f.write("\t".join(c) + "\n")
print(len(cases), "cases")
