package org.ceteris.labs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.ceteris.CeterisException;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Rows;
import org.ceteris.scenarios.GroundTruth;

/**
 * Grades a learner's answers: SQL by comparing result sets (order-insensitive, numbers to six
 * significant digits, with a diff of missing and extra rows), estimates against the scenario's
 * ground truth (within tolerance; does the interval cover the truth?), choices and sets with an
 * explanation for each answer.
 */
public final class LabGrader {

    private static final int SHOWN_ROWS = 5;

    private LabGrader() {
    }

    public static List<Grade> grade(Lab lab, Map<String, Object> answers, Engine engine, GroundTruth truth) {
        List<Grade> grades = new ArrayList<>();
        for (Question q : lab.questions()) {
            Object answer = answers.get(q.id());
            if (blank(answer)) {
                grades.add(Grade.notAnswered(q.id(), kind(q)));
            } else if (q instanceof Question.Sql sql) {
                grades.add(gradeSql(sql, answer.toString(), engine));
            } else if (q instanceof Question.Estimate est) {
                grades.add(gradeEstimate(est, answer, truth));
            } else if (q instanceof Question.Choice choice) {
                grades.add(gradeChoice(choice, answer.toString()));
            } else {
                grades.add(gradeSet((Question.SetAnswer) q, answer));
            }
        }
        return grades;
    }

    /**
     * Is an answer still as the template left it? Nothing, blank text, an empty list, or a map of
     * blanks (an estimate with no number filled in yet).
     */
    static boolean blank(Object answer) {
        if (answer == null) {
            return true;
        }
        if (answer instanceof Collection<?> c) {
            return c.stream().allMatch(LabGrader::blank);
        }
        if (answer instanceof Map<?, ?> m) {
            return m.values().stream().allMatch(LabGrader::blank);
        }
        return answer.toString().isBlank();
    }

    static String kind(Question q) {
        if (q instanceof Question.Sql) {
            return "sql";
        }
        if (q instanceof Question.Estimate) {
            return "estimate";
        }
        return "design";
    }

    static Grade gradeSql(Question.Sql q, String sql, Engine engine) {
        Rows expected = engine.query(q.reference());
        Rows actual;
        try {
            actual = engine.query(sql.strip().replaceAll(";\\s*$", ""));
        } catch (CeterisException e) {
            return new Grade(q.id(), "sql", 0, "the query failed: " + e.getMessage());
        }
        if (actual.columns().size() != expected.columns().size()) {
            return new Grade(q.id(), "sql", 0, "expected " + expected.columns().size() + " columns ("
                    + String.join(", ", expected.columns()) + "), got " + actual.columns().size());
        }
        Map<String, Integer> want = multiset(expected);
        Map<String, Integer> got = multiset(actual);
        List<String> missing = difference(want, got);
        List<String> extra = difference(got, want);
        if (missing.isEmpty() && extra.isEmpty()) {
            return new Grade(q.id(), "sql", 1, "correct: the same " + expected.size() + " row(s) as the reference query");
        }
        StringBuilder sb = new StringBuilder("the result differs from the reference: ");
        sb.append(missing.size()).append(" row(s) missing, ").append(extra.size()).append(" extra");
        if (!missing.isEmpty()) {
            sb.append("; missing e.g. ").append(String.join(" | ", missing.subList(0, Math.min(SHOWN_ROWS, missing.size()))));
        }
        if (!extra.isEmpty()) {
            sb.append("; extra e.g. ").append(String.join(" | ", extra.subList(0, Math.min(SHOWN_ROWS, extra.size()))));
        }
        return new Grade(q.id(), "sql", 0, sb.toString());
    }

    private static Map<String, Integer> multiset(Rows rows) {
        Map<String, Integer> m = new HashMap<>();
        for (List<Object> r : rows.rows()) {
            List<String> cells = new ArrayList<>();
            for (Object v : r) {
                cells.add(normalise(v));
            }
            m.merge("(" + String.join(", ", cells) + ")", 1, Integer::sum);
        }
        return m;
    }

    static String normalise(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Number n) {
            double d = n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return new BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    private static List<String> difference(Map<String, Integer> a, Map<String, Integer> b) {
        List<String> out = new ArrayList<>();
        for (var e : new java.util.TreeMap<>(a).entrySet()) {
            int extra = e.getValue() - b.getOrDefault(e.getKey(), 0);
            for (int i = 0; i < extra; i++) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    static Grade gradeEstimate(Question.Estimate q, Object answer, GroundTruth truth) {
        double t = truth.number(q.truthKey());
        Object estimate = answer instanceof Map<?, ?> m ? m.get("estimate") : answer;
        Object low = answer instanceof Map<?, ?> m ? m.get("ci_low") : null;
        Object high = answer instanceof Map<?, ?> m ? m.get("ci_high") : null;
        if (blank(estimate)) {
            return new Grade(q.id(), "estimate", 0, "give your estimate under 'estimate:' (an interval alone is not graded)");
        }
        double est = number(estimate);
        if (Double.isNaN(est)) {
            return new Grade(q.id(), "estimate", 0, "'" + estimate + "' is not a number: write the estimate as a number, e.g. 0.05");
        }
        boolean close = Math.abs(est - t) <= q.tolerance();
        String truthText = String.format(Locale.ROOT, "the truth is %.4g", t);
        if (blank(low) || blank(high)) {
            String note = blank(low) && blank(high) ? "" : "; give both ci_low and ci_high to have your interval graded";
            return new Grade(q.id(), "estimate", close ? 1 : 0, (close ? "within tolerance (±" + q.tolerance() + "); "
                    : "off by " + String.format(Locale.ROOT, "%.3g", est - t) + " (tolerance ±" + q.tolerance() + "); ") + truthText
                    + note);
        }
        double lo = number(low);
        double hi = number(high);
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return new Grade(q.id(), "estimate", 0, "ci_low and ci_high must be numbers, got '" + low + "' and '" + high + "'");
        }
        if (lo > hi) {
            return new Grade(q.id(), "estimate", 0, "ci_low is above ci_high");
        }
        boolean covers = lo <= t && t <= hi;
        double points = (close ? 0.5 : 0) + (covers ? 0.5 : 0);
        return new Grade(q.id(), "estimate", points, (close ? "estimate within tolerance" : "estimate off by "
                + String.format(Locale.ROOT, "%.3g", est - t)) + "; " + (covers ? "your interval covers the truth"
                : "your interval misses the truth") + "; " + truthText);
    }

    /** The number a learner wrote, or NaN when it is not one (graded as a wrong answer, not an error). */
    private static double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static Grade gradeChoice(Question.Choice q, String answer) {
        String a = answer.strip().toLowerCase(Locale.ROOT);
        String feedback = q.options().get(a);
        if (feedback == null) {
            return new Grade(q.id(), "design", 0, "'" + answer + "' is not one of " + String.join(", ", q.options().keySet()));
        }
        return new Grade(q.id(), "design", a.equals(q.correct()) ? 1 : 0, feedback);
    }

    static Grade gradeSet(Question.SetAnswer q, Object answer) {
        TreeSet<String> given = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (answer instanceof Collection<?> c) {
            c.forEach(x -> given.add(String.valueOf(x).strip()));
        } else {
            for (String s : answer.toString().split(",")) {
                if (!s.isBlank()) {
                    given.add(s.strip());
                }
            }
        }
        TreeSet<String> want = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        want.addAll(q.correct());
        TreeSet<String> missing = new TreeSet<>(want);
        missing.removeAll(given);
        TreeSet<String> extra = new TreeSet<>(given);
        extra.removeAll(want);
        if (missing.isEmpty() && extra.isEmpty()) {
            return new Grade(q.id(), "design", 1, "correct. " + q.explanation());
        }
        return new Grade(q.id(), "design", 0, (missing.isEmpty() ? "" : "missing " + String.join(", ", missing) + "; ")
                + (extra.isEmpty() ? "" : "should not include " + String.join(", ", extra) + "; ") + q.explanation());
    }
}
