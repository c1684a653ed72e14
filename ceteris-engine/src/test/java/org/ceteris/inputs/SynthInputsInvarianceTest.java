package org.ceteris.inputs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Rows;
import org.ceteris.engine.Source;
import org.ceteris.synth.PredictorSpec;
import org.ceteris.synth.SynthPanel;
import org.ceteris.synth.SynthSpec;
import org.junit.jupiter.api.Test;

/**
 * The synthetic-control panel does not depend on how the rows are presented: the same rows in
 * another order, read on one or two threads, give the same outcomes, predictor means, trait means
 * and training predictors, bit for bit. The values are irrational-looking doubles of very different
 * sizes, so a sum taken in another order differs in the last bits; each mean is also checked
 * against a direct computation in time order.
 */
class SynthInputsInvarianceTest {

    private static final int UNITS = 60;
    private static final int PERIODS = 30;
    private static final double TREATMENT = 21;

    private static final SynthSpec SPEC = new SynthSpec("unit", "period", "y", List.of("u7"), TREATMENT,
            List.of(new PredictorSpec("x", null, null, null), new PredictorSpec("x", 5.0, 12.0, null),
                    new PredictorSpec("z", 1.0, 20.0, null), new PredictorSpec("y", null, null, 15.0),
                    new PredictorSpec("y", 16.0, 20.0, null)),
            null, null, null, List.of(), SynthSpec.Estimator.CLASSIC, SynthSpec.VSearch.NESTED, false, null, false, 0.05, 1L,
            List.of("w"), new SynthSpec.Training(List.of(new PredictorSpec("x", 1.0, 10.0, null), new PredictorSpec("x", 2.0, 6.0, null),
                    new PredictorSpec("z", 1.0, 10.0, null), new PredictorSpec("y", null, null, 5.0),
                    new PredictorSpec("y", 6.0, 10.0, null)), 11.0, 20.0));

    /** x mixes sizes (1e8 and 1e-3 parts), z has missing cells, w is a trait (one value per unit). */
    private static void panel(DuckDbEngine e, String table, String order) {
        e.execute("CREATE OR REPLACE TABLE " + table + " AS SELECT 'u' || u AS unit, p AS period, "
                + "1000 + 10 * sin(u * 1.7) + p * (0.3 + 0.01 * u) + cos(u * p) / 7 AS y, "
                + "CASE WHEN p % 3 = 0 THEN 1e8 ELSE 1e-3 END * (1 + sin(u * 0.37 + p * 1.13)) / 3 AS x, "
                + "CASE WHEN (u + p) % 7 = 0 THEN NULL ELSE exp(sin(u + p * 0.1)) / 3 END AS z, "
                + "u / 7.0 AS w "
                + "FROM range(1, " + (UNITS + 1) + ") a(u), range(1, " + (PERIODS + 1) + ") b(p) ORDER BY " + order);
    }

    private static SynthPanel load(DuckDbEngine e, String table) {
        return SynthInputs.load(e, new Source.Table(table), SPEC);
    }

    @Test
    void rowOrderAndThreadsDoNotChangeABit() {
        try (DuckDbEngine e = DuckDbEngine.inMemory()) {
            panel(e, "base", "u, p");
            SynthPanel expected = load(e, "base");
            for (String order : new String[] {"p DESC, u", "hash(u * 31 + p)", "x DESC", "hash(p), u DESC", "z NULLS FIRST, hash(u)"}) {
                for (int threads : new int[] {1, 2}) {
                    e.execute("SET threads = " + threads);
                    panel(e, "shuffled", order);
                    SynthPanel got = load(e, "shuffled");
                    String where = "rows ordered by " + order + ", " + threads + " threads";
                    assertEquals(expected.units(), got.units(), where);
                    assertArrayEquals(expected.times(), got.times(), where);
                    assertBits(expected.outcome(), got.outcome(), where + ": outcome");
                    assertBits(expected.predictors(), got.predictors(), where + ": predictors");
                    assertBits(expected.traits(), got.traits(), where + ": traits");
                    assertBits(expected.training(), got.training(), where + ": training predictors");
                }
            }
        }
    }

    @Test
    void meansAreTakenOverTheWindowInTimeOrder() {
        try (DuckDbEngine e = DuckDbEngine.inMemory()) {
            panel(e, "p", "hash(u * 17 + p)");
            SynthPanel got = load(e, "p");
            assertEquals("u1", got.units().get(0));
            assertEquals("u10", got.units().get(1), "units in text order");
            Map<String, double[][]> cells = cells(e, "p");
            for (int k = 0; k < got.units().size(); k++) {
                int u = Integer.parseInt(got.units().get(k).substring(1));
                assertEquals(mean(cells.get("x")[u], 1, 20), got.predictors()[0][k], 0.0, "x over the pre-period");
                assertEquals(mean(cells.get("x")[u], 5, 12), got.predictors()[1][k], 0.0, "x over 5..12");
                assertEquals(mean(cells.get("z")[u], 1, 20), got.predictors()[2][k], 0.0, "z over 1..20, missing cells left out");
                assertEquals(cells.get("y")[u][15], got.predictors()[3][k], 0.0, "y at 15");
                assertEquals(mean(cells.get("y")[u], 16, 20), got.predictors()[4][k], 0.0, "y over 16..20");
                assertEquals(mean(cells.get("w")[u], 1, 20), got.traits()[0][k], 0.0, "trait over the pre-period");
                assertEquals(mean(cells.get("x")[u], 2, 6), got.training()[1][k], 0.0, "training x over 2..6");
            }
        }
    }

    /** Every cell of the table by column, [unit number][period] (NaN where missing). */
    private static Map<String, double[][]> cells(DuckDbEngine e, String table) {
        Map<String, double[][]> out = new HashMap<>();
        Rows rows = e.query("SELECT CAST(substr(unit, 2) AS INTEGER) AS u, period AS p, x, y, z, w FROM " + table);
        for (String c : new String[] {"x", "y", "z", "w"}) {
            double[][] v = new double[UNITS + 1][PERIODS + 1];
            for (int r = 0; r < rows.size(); r++) {
                v[(int) rows.getLong(r, "u")][(int) rows.getLong(r, "p")] = rows.getDouble(r, c);
            }
            out.put(c, v);
        }
        return out;
    }

    private static double mean(double[] series, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int p = from; p <= to; p++) {
            if (!Double.isNaN(series[p])) {
                sum += series[p];
                n++;
            }
        }
        assertTrue(n > 0);
        return sum / n;
    }

    private static void assertBits(double[][] expected, double[][] got, String where) {
        assertEquals(expected.length, got.length, where);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, got[i].length, where);
            for (int k = 0; k < expected[i].length; k++) {
                assertEquals(Double.doubleToLongBits(expected[i][k]), Double.doubleToLongBits(got[i][k]), where + " [" + i + "][" + k + "]");
            }
        }
    }
}
