package org.ceteris.observational;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * IPW, AIPW and regression adjustment against the independent numpy/statsmodels implementation of
 * REFERENCES §6 in make_fixtures.py (estimates_ref.csv), with and without trimming.
 */
class EstimatorsTest {

    static Stream<Arguments> references() {
        return Fixtures.csv("estimates_ref.csv").stream().map(Arguments::of);
    }

    static ObserveSpec spec(List<String> covariates, String method, String estimand, double trim) {
        return new ObserveSpec("treat", "y", covariates, Method.parse(method), Estimand.parse(estimand), 1, false,
                Double.NaN, trim, List.of(), 1, 0.05);
    }

    @ParameterizedTest
    @MethodSource("references")
    void matchesReference(Map<String, String> ref) {
        boolean sim = ref.get("dataset").equals("sim_cat");
        ObservationalData d = sim ? Fixtures.sim() : Fixtures.nsw();
        List<String> covs = sim ? List.of("x1", "x2", "race") : Fixtures.NSW_COVARIATES;
        ObserveResult r = ObservationalAnalysis.analyze(spec(covs, ref.get("method"), ref.get("estimand"),
                Double.parseDouble(ref.get("trim"))), d, 0);
        double est = Double.parseDouble(ref.get("estimate"));
        double se = Double.parseDouble(ref.get("se"));
        assertEquals(est, r.estimate(), 1e-9 * Math.abs(est), "estimate");
        assertEquals(se, r.se(), 1e-9 * se, "se");
        assertEquals(ref.get("method"), r.estimator());
    }
}
