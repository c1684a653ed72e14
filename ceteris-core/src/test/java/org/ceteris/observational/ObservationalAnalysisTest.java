package org.ceteris.observational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ceteris.CeterisException;
import org.junit.jupiter.api.Test;

/** The analysis end to end: published numbers, balance, diagnostics and bad input. */
class ObservationalAnalysisTest {

    private static ObserveSpec spec(Method m, Estimand e, double caliper, double trim) {
        return new ObserveSpec("treat", "re78", Fixtures.NSW_COVARIATES, m, e, 1, false, caliper, trim, List.of(), 1, 0.05);
    }

    @Test
    void nswExperimentalDifferenceInMeans() {
        // Dehejia-Wahba experimental sample: 6349.14 - 4554.80 = 1794.34, Neyman SE 671 (REFERENCES §6)
        ObservationalData d = Fixtures.data("nsw_dw_experimental.csv", "re78", Fixtures.NSW_COVARIATES, List.of());
        double[] w = new double[d.size()];
        java.util.Arrays.fill(w, 1);
        double[] est = WeightedDifference.of(d.outcome(), d.treated(), w, null, 0);
        assertEquals(1794.34, est[0], 0.005);
        double[] m1 = BalanceTable.moments(d.outcome(), d.treated(), true, null);
        double[] m0 = BalanceTable.moments(d.outcome(), d.treated(), false, null);
        assertEquals(671.0, Math.sqrt(m1[1] / 185 + m0[1] / 260), 0.05);
        assertEquals(185, d.treatedCount());
        // with randomised treatment every adjusted estimator lands within one SE of the experimental answer
        for (Method m : Method.values()) {
            ObserveResult r = ObservationalAnalysis.analyze(spec(m, Estimand.ATT, Double.NaN, 0), d, 0);
            assertEquals(1794.34, r.estimate(), 700, m.label());
        }
    }

    @Test
    void matchingImprovesBalanceOnNswCps() {
        ObserveResult r = ObservationalAnalysis.analyze(spec(Method.MATCH, Estimand.ATT, 0.1, 0), Fixtures.nsw(), 0);
        BalanceRow black = r.balance().stream().filter(b -> b.covariate().equals("black")).findFirst().orElseThrow();
        assertTrue(Math.abs(black.smdBefore()) > 1, "black is badly imbalanced before");
        assertTrue(Math.abs(black.smdAfter()) < 0.1, "and balanced after");
        assertEquals(185, r.nTreated());
        assertEquals(174, r.nMatchedControl());
        assertTrue(r.diagnostics().stream().anyMatch(g -> g.code().equals("UNMATCHED_TREATED")));
        assertEquals(r.overlap().trimmed(), 0);
    }

    @Test
    void balanceUsesTheRightDenominators() {
        ObservationalData d = Fixtures.sim();
        ObserveResult att = ObservationalAnalysis.analyze(new ObserveSpec("treat", "y", List.of("x1", "x2", "race"),
                Method.IPW, Estimand.ATT, 1, false, Double.NaN, 0, List.of(), 1, 0.05), d, 0);
        ObserveResult ate = ObservationalAnalysis.analyze(new ObserveSpec("treat", "y", List.of("x1", "x2", "race"),
                Method.IPW, Estimand.ATE, 1, false, Double.NaN, 0, List.of(), 1, 0.05), d, 0);
        double[] x1 = ((Covariate.Numeric) d.covariates().get(0)).values();
        double[] m1 = BalanceTable.moments(x1, d.treated(), true, null);
        double[] m0 = BalanceTable.moments(x1, d.treated(), false, null);
        assertEquals((m1[0] - m0[0]) / Math.sqrt(m1[1]), att.balance().get(0).smdBefore(), 1e-12);
        assertEquals((m1[0] - m0[0]) / Math.sqrt((m1[1] + m0[1]) / 2), ate.balance().get(0).smdBefore(), 1e-12);
        assertEquals(m1[1] / m0[1], ate.balance().get(0).varRatioBefore(), 1e-12);
        assertEquals(List.of("x1", "x2", "race_hispanic", "race_white"), att.balance().stream().map(BalanceRow::covariate).toList());
        // IPW balances means exactly in expectation; on this sample well under 0.1
        assertTrue(att.balance().stream().allMatch(b -> Math.abs(b.smdAfter()) < 0.1));
    }

    @Test
    void regressionHasNoAfterBalanceAndNoMatchedCount() {
        ObserveResult r = ObservationalAnalysis.analyze(spec(Method.REGRESSION, Estimand.ATE, Double.NaN, 0), Fixtures.nsw(), 0);
        assertTrue(Double.isNaN(r.balance().get(0).smdAfter()));
        assertNull(r.nMatchedControl());
        assertTrue(r.summary().startsWith("Across all units, treatment (treat = 1) lowered re78 by 3,681 on average"), r.summary());
        assertTrue(r.summary().contains("cannot rule out"), r.summary());
    }

    @Test
    void constantCovariateIsDroppedWithADiagnostic() {
        ObservationalData d = Simulated.confounded(3, 300, 1.0, 1.0);
        double[] k = new double[300];
        java.util.Arrays.fill(k, 7);
        ObserveResult r = ObservationalAnalysis.analyze(new ObserveSpec("treat", "y", List.of("x1", "x2", "k"),
                Method.IPW, null, 1, false, Double.NaN, 0, List.of(), 1, 0.05),
                d.withCovariate(new Covariate.Numeric("k", k)), 0);
        assertTrue(r.diagnostics().stream().anyMatch(g -> g.code().equals("CONSTANT_COVARIATE") && g.message().contains("k")));
        assertEquals("ate", r.estimand());
    }

    @Test
    void quasiSeparationIsADiagnosticAndMatchingStillRuns() {
        ObservationalData d = Simulated.confounded(4, 400, 1.0, 1.0);
        double[] vip = new double[400];
        boolean[] t = d.treated().clone();
        for (int i = 0; i < 40; i++) {
            vip[i] = 1;
            t[i] = true;
        }
        ObserveResult r = ObservationalAnalysis.analyze(Simulated.spec(Method.MATCH, Estimand.ATT, List.of(), 1),
                d.withTreatment(t).withCovariate(new Covariate.Numeric("vip", vip)), 0);
        assertTrue(r.diagnostics().stream().anyMatch(g -> g.code().equals("PROPENSITY_SEPARATION")), r.diagnostics().toString());
        assertTrue(!r.propensity().converged());
    }

    @Test
    void badInputIsAOneLineError() {
        ObservationalData d = Simulated.confounded(5, 100, 1.0, 1.0);
        boolean[] all = new boolean[100];
        java.util.Arrays.fill(all, true);
        assertOneLine(assertThrows(CeterisException.class, () -> d.withTreatment(all)));
        assertOneLine(assertThrows(CeterisException.class, () -> d.withTreatment(new boolean[100])));
        double[] y = d.outcome().clone();
        y[3] = Double.NaN;
        assertOneLine(assertThrows(CeterisException.class, () -> new ObservationalData("treat", "y", d.treated(), y, d.covariates())));
        assertOneLine(assertThrows(CeterisException.class, () -> Simulated.spec(Method.MATCH, Estimand.ATE, List.of(), 1)));
        assertOneLine(assertThrows(CeterisException.class, () -> Simulated.spec(Method.IPW, null, List.of("nope"), 1)));
        assertOneLine(assertThrows(CeterisException.class, () -> new ObserveSpec("treat", "y", List.of("x1"), Method.IPW,
                null, 2, false, Double.NaN, 0, List.of(), 1, 0.05)));
        assertOneLine(assertThrows(CeterisException.class, () -> new ObserveSpec("treat", "y", List.of("x1"), Method.IPW,
                null, 1, false, Double.NaN, 0.6, List.of(), 1, 0.05)));
        // complete separation: no overlap at all
        double[] x = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = d.treated()[i] ? 1 + i : -1 - i;
        }
        ObservationalData sep = new ObservationalData("treat", "y", d.treated(), d.outcome(), List.of(new Covariate.Numeric("x1", x),
                d.covariates().get(1)));
        assertOneLine(assertThrows(CeterisException.class,
                () -> ObservationalAnalysis.analyze(Simulated.spec(Method.IPW, null, List.of(), 1), sep, 0)));
    }

    private static void assertOneLine(CeterisException e) {
        assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void deterministic() {
        ObservationalData d = Simulated.confounded(6, 500, 2.0, 1.0);
        ObserveSpec s = Simulated.spec(Method.AIPW, Estimand.ATE, List.of("bootstrap"), 3);
        ObserveResult a = ObservationalAnalysis.analyze(s, d, 0);
        ObserveResult b = ObservationalAnalysis.analyze(s, d, 0);
        assertEquals(a.estimate(), b.estimate());
        assertEquals(a.refutations(), b.refutations());
        assertEquals(a.summary(), b.summary());
    }
}
