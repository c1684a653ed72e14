package org.ceteris.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link MetaRegression} against statsmodels 0.13.5 WLS with DerSimonian–Laird weights
 * ({@code make_meta_regression_fixtures.py} beside the fixtures says how each value was made), and
 * its coverage and invariances on seeded simulations.
 */
class MetaRegressionTest {

    record Case(List<Double> y, List<Double> v, List<double[]> x, List<double[]> candidates) {
    }

    private static List<String[]> read(String name) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(MetaRegressionTest.class.getResourceAsStream(name),
                StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    private static double[] tail(String[] row) {
        double[] out = new double[row.length - 4];
        for (int i = 4; i < row.length; i++) {
            out[i - 4] = Double.parseDouble(row[i]);
        }
        return out;
    }

    @Test
    void matchesStatsmodelsWls() throws Exception {
        Map<String, Case> cases = new LinkedHashMap<>();
        for (String[] row : read("meta_regression_data.csv")) {
            Case c = cases.computeIfAbsent(row[0], k -> new Case(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            double[] x = row.length == 5 && row[4].isEmpty() ? new double[0] : tail(row);
            if (row[1].equals("estimate")) {
                c.y().add(Double.parseDouble(row[2]));
                c.v().add(Double.parseDouble(row[3]));
                c.x().add(x);
            } else {
                c.candidates().add(x);
            }
        }
        Map<String, Map<String, Double>> expected = new LinkedHashMap<>();
        for (String[] row : read("meta_regression_expected.csv")) {
            expected.computeIfAbsent(row[0], k -> new LinkedHashMap<>()).put(row[1], Double.parseDouble(row[2]));
        }
        assertEquals(6, cases.size());
        int checked = 0;
        for (var e : cases.entrySet()) {
            Case c = e.getValue();
            MetaRegression.Fit f = MetaRegression.fit(c.y().stream().mapToDouble(Double::doubleValue).toArray(),
                    c.v().stream().mapToDouble(Double::doubleValue).toArray(), c.x().toArray(new double[0][]));
            assertNotNull(f, e.getKey());
            Map<String, Double> ref = expected.get(e.getKey());
            Map<String, Double> got = new LinkedHashMap<>();
            got.put("tau2", f.tau2());
            got.put("q_e", f.qE());
            got.put("tau2_pred", f.tau2Pred());
            got.put("df", (double) f.df());
            got.put("scale", f.scale());
            for (int j = 0; j < f.beta().length; j++) {
                got.put("beta" + j, f.beta()[j]);
                got.put("se" + j, f.se(j));
                got.put("p" + j, f.pValue(j));
                for (double alpha : new double[] {0.05, 0.1}) {
                    double[] ci = f.interval(j, alpha);
                    got.put("low" + j + "_" + alpha, ci[0]);
                    got.put("high" + j + "_" + alpha, ci[1]);
                }
            }
            for (int i = 0; i < c.candidates().size(); i++) {
                got.put("pred" + i, f.predict(c.candidates().get(i)));
                double[] pi = f.predictionInterval(c.candidates().get(i), 0.1);
                got.put("pi_low" + i + "_0.1", pi[0]);
                got.put("pi_high" + i + "_0.1", pi[1]);
            }
            assertEquals(ref.keySet(), got.keySet(), e.getKey());
            for (var q : ref.entrySet()) {
                double want = q.getValue();
                double have = got.get(q.getKey());
                // coefficients of a moderator on the scale 1e5 are ~1e-5: compare those relatively
                double tol = e.getKey().startsWith("big_scale") && !q.getKey().endsWith("0") && !q.getKey().contains("0_")
                        && !q.getKey().startsWith("p") ? 1e-8 * Math.abs(want) : 1e-8 * Math.max(1, Math.abs(want));
                assertEquals(want, have, tol, e.getKey() + " " + q.getKey());
                checked++;
            }
        }
        assertTrue(checked > 150, "checked " + checked);
    }

    /** True effects θᵢ = 1 + 2xᵢ + uᵢ, estimates θᵢ + eᵢ: prediction intervals for new units cover their θ at 90%. */
    @Test
    void predictionIntervalsCoverNewTrueEffects() {
        double[] rate = coverage(new Random(41), 12, 1.0, 2000);
        // with 2000 replicates the standard error of a 90% rate is 0.0067
        assertEquals(0.90, rate[0], 0.025, "prediction interval coverage");
        assertEquals(0.90, rate[1], 0.025, "slope interval coverage");
    }

    @Test
    void withoutHeterogeneityStillCovers() {
        double[] rate = coverage(new Random(43), 10, 0.0, 2000);
        assertTrue(rate[0] >= 0.875, "prediction interval coverage " + rate[0]);
        assertTrue(rate[1] >= 0.875, "slope interval coverage " + rate[1]);
    }

    static double[] coverage(Random rng, int k, double tau, int reps) {
        int coveredPred = 0;
        int coveredSlope = 0;
        int fitted = 0;
        for (int r = 0; r < reps; r++) {
            double[] y = new double[k];
            double[] v = new double[k];
            double[][] x = new double[k][1];
            for (int i = 0; i < k; i++) {
                x[i][0] = rng.nextGaussian();
                v[i] = 0.2 + 2 * rng.nextDouble();
                y[i] = 1 + 2 * x[i][0] + tau * rng.nextGaussian() + Math.sqrt(v[i]) * rng.nextGaussian();
            }
            MetaRegression.Fit f = MetaRegression.fit(y, v, x);
            fitted++;
            double[] x0 = {rng.nextGaussian()};
            double truth = 1 + 2 * x0[0] + tau * rng.nextGaussian();
            double[] pi = f.predictionInterval(x0, 0.1);
            coveredPred += pi[0] <= truth && truth <= pi[1] ? 1 : 0;
            double[] ci = f.interval(1, 0.1);
            coveredSlope += ci[0] <= 2 && 2 <= ci[1] ? 1 : 0;
        }
        return new double[] {coveredPred / (double) fitted, coveredSlope / (double) fitted};
    }

    @Test
    void tooFewEstimatesOrCollinearGiveNull() {
        assertNull(MetaRegression.fit(new double[] {1, 2}, new double[] {1, 1}, new double[][] {{1}, {2}}));
        assertNull(MetaRegression.fit(new double[] {1, 2, 3, 4}, new double[] {1, 1, 1, 1}, new double[][] {{5}, {5}, {5}, {5}}));
        assertNull(MetaRegression.fit(new double[] {1, 2, 3}, new double[] {1, 0, 1}, new double[][] {{1}, {2}, {3}}));
    }

    @Test
    void orderAndScaleInvariance() {
        Random rng = new Random(5);
        int k = 9;
        double[] y = new double[k];
        double[] v = new double[k];
        double[][] x = new double[k][2];
        for (int i = 0; i < k; i++) {
            x[i][0] = rng.nextGaussian();
            x[i][1] = 10 * rng.nextGaussian();
            v[i] = 0.5 + rng.nextDouble();
            y[i] = 1 + x[i][0] - 0.1 * x[i][1] + rng.nextGaussian();
        }
        MetaRegression.Fit base = MetaRegression.fit(y, v, x);
        double[] x0 = {0.3, -4};
        // rows reversed, moderator columns swapped, second moderator scaled by 1000
        double[] y2 = new double[k];
        double[] v2 = new double[k];
        double[][] xs = new double[k][2];
        for (int i = 0; i < k; i++) {
            y2[i] = y[k - 1 - i];
            v2[i] = v[k - 1 - i];
            xs[i][0] = 1000 * x[k - 1 - i][1];
            xs[i][1] = x[k - 1 - i][0];
        }
        MetaRegression.Fit other = MetaRegression.fit(y2, v2, xs);
        assertEquals(base.tau2(), other.tau2(), 1e-10);
        assertEquals(base.beta()[1], other.beta()[2], 1e-10);
        assertEquals(base.beta()[2], 1000 * other.beta()[1], 1e-10);
        assertEquals(base.se(2), 1000 * other.se(1), 1e-10);
        double[] x0s = {1000 * x0[1], x0[0]};
        assertEquals(base.predict(x0), other.predict(x0s), 1e-10);
        assertEquals(base.predictionInterval(x0, 0.1)[0], other.predictionInterval(x0s, 0.1)[0], 1e-10);
    }
}
