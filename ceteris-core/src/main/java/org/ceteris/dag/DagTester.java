package org.ceteris.dag;

import java.util.ArrayList;
import java.util.List;
import org.ceteris.report.Wording;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.DiagnosticCode;
import org.ceteris.stats.MultipleTesting;

/**
 * {@code dag test}: each implication of the diagram's basis set ({@link Implications}) tested
 * against the data — Fisher's z on partial correlations for numeric data
 * ({@link PartialCorrelation}), stratified chi-squared or G for discrete data
 * ({@link StratifiedContingency}) — and the p-values adjusted for the number of tests (Holm by
 * default). Under the diagram each test rejects with probability about alpha before adjustment;
 * after Holm's adjustment the chance of rejecting any is at most about alpha. O(k · |Z|³) for k implications.
 */
public final class DagTester {

    private DagTester() {
    }

    public static DagTestResult test(DagTestSpec spec, List<Implication> implications, DagTestInput input) {
        IndependenceTest kind = input instanceof DagTestInput.Correlations ? IndependenceTest.FISHER_Z
                : spec.test() == IndependenceTest.G_TEST ? IndependenceTest.G_TEST : IndependenceTest.CHI_SQUARED;
        int k = implications.size();
        double[] r = new double[k];
        double[] stat = new double[k];
        double[] df = new double[k];
        double[] p = new double[k];
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> singular = new ArrayList<>();
        double worstSparse = 0;
        for (int i = 0; i < k; i++) {
            Implication imp = implications.get(i);
            if (input instanceof DagTestInput.Correlations c) {
                int[] given = imp.given().stream().mapToInt(c::index).toArray();
                PartialCorrelation.Test t = PartialCorrelation.test(c.correlation(), c.n(), c.index(imp.x()), c.index(imp.y()), given);
                r[i] = t.r();
                stat[i] = t.z();
                df[i] = t.df();
                p[i] = t.p();
            } else {
                DagTestInput.Tables tables = (DagTestInput.Tables) input;
                int at = tables.implications().indexOf(imp);
                if (at < 0) {
                    throw new IllegalArgumentException("no table for " + imp.text());
                }
                StratifiedContingency.Test t = StratifiedContingency.test(tables.tables().get(at), kind == IndependenceTest.G_TEST);
                r[i] = Double.NaN;
                stat[i] = t.statistic();
                df[i] = t.df();
                p[i] = t.p();
                worstSparse = Math.max(worstSparse, t.sparseShare());
            }
            if (Double.isNaN(p[i])) {
                singular.add(imp.text());
            }
        }
        double[] adjusted = MultipleTesting.adjust(p, spec.correction());
        List<ImplicationTest> tests = new ArrayList<>();
        List<ImplicationTest> rejected = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Implication imp = implications.get(i);
            boolean rej = adjusted[i] < spec.alpha();
            ImplicationTest t = new ImplicationTest(imp.x(), imp.y(), imp.given(), r[i], stat[i], df[i], p[i], adjusted[i], rej);
            tests.add(t);
            if (rej) {
                rejected.add(t);
            }
        }
        int tested = k - singular.size();
        if (k == 0) {
            diagnostics.add(Diagnostic.info(DiagnosticCode.DAG_NO_IMPLICATIONS,
                    "the DAG implies no independence between measured variables, so the data cannot contradict it"));
        }
        if (!singular.isEmpty()) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.DAG_SINGULAR, singular.size() + " implication(s) could not be tested "
                    + "(a variable is constant, a function of others, or too few rows): " + String.join("; ", singular)));
        }
        if (worstSparse > 0.2) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.DAG_SPARSE_TABLE, "up to " + Wording.percent(worstSparse)
                    + " of the cells of a table have an expected count below 5; the chi-squared approximation is rough"));
        }
        if (!rejected.isEmpty()) {
            List<String> texts = rejected.stream().map(t -> t.x() + " ⊥ " + t.y() + (t.given().isEmpty() ? "" : " | "
                    + String.join(", ", t.given()))).toList();
            diagnostics.add(Diagnostic.warning(DiagnosticCode.DAG_IMPLICATION_REJECTED, "the data contradict: " + String.join("; ", texts)));
        }
        if (tested > 1 && spec.correction() != MultipleTesting.Correction.NONE) {
            diagnostics.add(Diagnostic.info(DiagnosticCode.MULTIPLE_TESTING, tested + " implications tested; p-values adjusted ("
                    + spec.correction().label() + ")"));
        }
        return new DagTestResult(DagTestResult.METHOD, kind.label(), input.n(), spec.alpha(), spec.correction().label(),
                tested, rejected.size(), tests, diagnostics, summary(tested, rejected, input.n()));
    }

    static String summary(int tested, List<ImplicationTest> rejected, long n) {
        if (tested == 0) {
            return "The diagram makes no claim of independence that these data could check, so they can neither support nor "
                    + "contradict it.";
        }
        String rows = String.format(java.util.Locale.ROOT, "%,d", n);
        if (rejected.isEmpty()) {
            return "The data (" + rows + " complete rows) are consistent with all " + tested + " independence"
                    + (tested > 1 ? "s" : "") + " the diagram implies: none is contradicted more than chance would explain. "
                    + "This does not prove the diagram right — other diagrams may fit as well — but nothing in the data argues against it.";
        }
        ImplicationTest first = rejected.get(0);
        String link = first.x() + " and " + first.y() + (first.given().isEmpty() ? "" : " (once " + String.join(", ", first.given())
                + " are taken into account)");
        return "The data (" + rows + " complete rows) contradict " + rejected.size() + " of the " + tested
                + " independences the diagram implies, beyond what chance would explain even allowing for the number of checks. "
                + "For example, the diagram says " + link + " are unrelated, but they are related in the data. "
                + "The diagram is probably missing an arrow or a common cause between such pairs; revise it before trusting "
                + "its advice on what to adjust for.";
    }
}
