package org.ceteris.observational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Coefficients against statsmodels Logit (propensity_ref.csv, made by make_fixtures.py). */
class LogisticRegressionTest {

    @ParameterizedTest
    @ValueSource(strings = {"sim_cat", "nsw_cps1"})
    void matchesStatsmodels(String dataset) {
        ObservationalData d = dataset.equals("sim_cat") ? Fixtures.sim() : Fixtures.nsw();
        PropensityFit fit = LogisticRegression.fit(DesignMatrix.of(d.covariates(), d.size()), d.treated());
        List<Map<String, String>> ref = Fixtures.csv("propensity_ref.csv").stream()
                .filter(r -> r.get("dataset").equals(dataset)).toList();
        assertEquals(ref.stream().map(r -> r.get("term")).toList(), List.copyOf(fit.model().coefficients().keySet()));
        for (Map<String, String> r : ref) {
            double expected = Double.parseDouble(r.get("coef"));
            double got = fit.model().coefficients().get(r.get("term"));
            assertEquals(expected, got, 1e-6 * Math.abs(expected), r.get("term"));
        }
        assertTrue(fit.model().converged());
        assertFalse(fit.separated());
    }

    @Test
    void quasiCompleteSeparationIsReportedNotConverged() {
        // vip = 1 implies treated; among vip = 0 both groups occur
        double[] x = {-2, -1, -1, 0, 0, 0.5, 1, 2, 3, 4};
        double[] vip = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
        boolean[] t = {false, true, false, true, false, true, true, true, true, true};
        PropensityFit fit = LogisticRegression.fit(DesignMatrix.of(
                List.of(new Covariate.Numeric("x", x), new Covariate.Numeric("vip", vip)), 10), t);
        assertFalse(fit.model().converged());
        assertTrue(fit.separated());
        assertTrue(fit.perfectlyPredicted() >= 4);
    }

    @Test
    void completeSeparationIsAnError() {
        double[] x = {1, 2, 3, 4, 5, 6};
        boolean[] t = {false, false, false, true, true, true};
        var e = assertThrows(CeterisException.class,
                () -> LogisticRegression.fit(DesignMatrix.of(List.of(new Covariate.Numeric("x", x)), 6), t));
        assertTrue(e.getMessage().contains("complete separation"), e.getMessage());
    }

    @Test
    void collinearCovariatesAreNamed() {
        double[] a = {1, 2, 3, 4, 5, 6};
        double[] b = {2, 4, 6, 8, 10, 12};
        boolean[] t = {false, true, false, true, true, false};
        var e = assertThrows(CeterisException.class, () -> LogisticRegression.fit(DesignMatrix.of(
                List.of(new Covariate.Numeric("a", a), new Covariate.Numeric("b", b)), 6), t));
        assertTrue(e.getMessage().contains("'b'"), e.getMessage());
    }
}
