package org.ceteris.observational;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Matched sets, ATT and SE against MatchIt (matchit_*.csv from make_matchit_fixtures.R), first on
 * MatchIt's own scores (so the matching algorithm is checked exactly, ties included), then end to
 * end with our propensity model.
 */
class NearestNeighborMatcherTest {

    private static ObservationalData data(String dataset) {
        return dataset.equals("sim_cat") ? Fixtures.sim() : Fixtures.nsw();
    }

    private static MatchingEstimator estimator(Map<String, String> ref) {
        String cal = ref.get("caliper_sd");
        return new MatchingEstimator(Integer.parseInt(ref.get("ratio")), Boolean.parseBoolean(ref.get("replace").toLowerCase()),
                cal.equals("NA") ? Double.NaN : Double.parseDouble(cal));
    }

    private static Map<String, String> ref(String dataset, String setting) {
        return Fixtures.csv("matchit_ref.csv").stream()
                .filter(r -> r.get("dataset").equals(dataset) && r.get("setting").equals(setting)).findFirst().orElseThrow();
    }

    /** "treated_row slot control_row" lines (1-based rows) sorted as the fixture is. */
    private static List<String> pairs(MatchedSets m) {
        List<int[]> out = new ArrayList<>();
        for (int s = 0; s < m.sets(); s++) {
            for (int j = m.controlStart()[s]; j < m.controlStart()[s + 1]; j++) {
                out.add(new int[] {m.treated()[s] + 1, j - m.controlStart()[s] + 1, m.controls()[j] + 1});
            }
        }
        out.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        return out.stream().map(a -> a[0] + " " + a[1] + " " + a[2]).toList();
    }

    @ParameterizedTest
    @CsvSource({"nsw_cps1,nn1", "nsw_cps1,caliper", "nsw_cps1,nn2_replace", "sim_cat,nn1", "sim_cat,caliper", "sim_cat,nn2_replace"})
    void reproducesMatchItOnItsScores(String dataset, String setting) {
        ObservationalData d = data(dataset);
        double[] score = Fixtures.column("matchit_distance_" + dataset + ".csv", "distance");
        Map<String, String> ref = ref(dataset, setting);
        MatchingEstimator est = estimator(ref);
        if (!ref.get("caliper_abs").equals("NA")) {
            assertEquals(Double.parseDouble(ref.get("caliper_abs")), est.caliperWidth(score), 1e-15);
        }
        MatchedSets m = est.match(d.treated(), score);
        String file = "matchit_pairs_" + dataset + "_" + setting + ".csv";
        List<String> expected = Fixtures.csv(file).stream()
                .map(r -> r.get("treated_row") + " " + r.get("slot") + " " + r.get("control_row")).toList();
        assertEquals(expected, pairs(m));
        Estimate e = MatchingEstimator.estimate(d.outcome(), m, d.size());
        assertEquals(Double.parseDouble(ref.get("att")), e.estimate(), 1e-9 * Math.abs(e.estimate()));
        assertEquals(Double.parseDouble(ref.get("se")), e.se(), 1e-9 * e.se());
        assertEquals(Integer.parseInt(ref.get("n_treated_matched")), m.sets());
        assertEquals(Integer.parseInt(ref.get("n_control_matched")), e.matchedControls());
    }

    @ParameterizedTest
    @CsvSource({"nsw_cps1,nn1", "nsw_cps1,caliper", "nsw_cps1,nn2_replace", "sim_cat,nn1", "sim_cat,caliper", "sim_cat,nn2_replace"})
    void reproducesMatchItEndToEnd(String dataset, String setting) {
        ObservationalData d = data(dataset);
        PropensityFit fit = LogisticRegression.fit(DesignMatrix.of(d.covariates(), d.size()), d.treated());
        double[] rScore = Fixtures.column("matchit_distance_" + dataset + ".csv", "distance");
        for (int i = 0; i < d.size(); i++) {
            assertEquals(rScore[i], fit.scores()[i], 1e-9);
        }
        Map<String, String> ref = ref(dataset, setting);
        MatchingEstimator est = estimator(ref);
        assertArrayEquals(pairs(est.match(d.treated(), rScore)).toArray(), pairs(est.match(d.treated(), fit.scores())).toArray());
        Estimate e = est.estimate(d.outcome(), d.treated(), null, fit.scores(), Estimand.ATT);
        assertEquals(Double.parseDouble(ref.get("att")), e.estimate(), 1e-9 * Math.abs(e.estimate()));
        assertEquals(Double.parseDouble(ref.get("se")), e.se(), 1e-9 * e.se());
    }
}
