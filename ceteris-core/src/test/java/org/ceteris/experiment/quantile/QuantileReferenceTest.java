package org.ceteris.experiment.quantile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ceteris.CeterisException;
import org.ceteris.experiment.Effect;
import org.junit.jupiter.api.Test;

/**
 * The order-statistic interval against numpy's bootstrap on fixed data ({@code quantile_bootstrap.csv},
 * made by {@code make_fixtures.py}; see the README beside it).
 */
class QuantileReferenceTest {

    static List<String> lines(String name) throws IOException {
        try (InputStream in = QuantileReferenceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
        }
    }

    static double[] arm(List<String> data, String shape, String variant) {
        return data.stream().map(l -> l.split(",")).filter(r -> r[0].equals(shape) && r[1].equals(variant))
                .mapToDouble(r -> Double.parseDouble(r[2])).toArray();
    }

    @Test
    void standardErrorAgreesWithTheBootstrapAndTheDifferenceWithNumpy() throws IOException {
        List<String> data = lines("quantile_data.csv");
        List<String> ref = lines("quantile_bootstrap.csv");
        assertEquals(4, ref.size());
        for (String line : ref) {
            String[] r = line.split(",");
            double q = Double.parseDouble(r[1]);
            Effect e = QuantileTest.effect(QuantileTest.fromValues(arm(data, r[0], "B"), q),
                    QuantileTest.fromValues(arm(data, r[0], "control"), q));
            assertEquals(Double.parseDouble(r[2]), e.estimate(), 1e-9, line);
            double boot = Double.parseDouble(r[3]);
            assertEquals(1.0, e.se() / boot, 0.10, line + ": order-statistic se " + e.se());
        }
    }

    @Test
    void rowOrderDoesNotMatter() throws IOException {
        double[] x = arm(lines("quantile_data.csv"), "zero_inflated", "B");
        List<Double> shuffled = new ArrayList<>();
        for (double v : x) {
            shuffled.add(v);
        }
        Collections.shuffle(shuffled, new Random(3));
        assertEquals(QuantileTest.fromValues(x, 0.9), QuantileTest.fromValues(shuffled.stream().mapToDouble(d -> d).toArray(), 0.9));
    }

    @Test
    void ranksAndLevelsAreTheLiuEtAlBracket() {
        double[] r = QuantileTest.ranks(10_000, 0.5);
        assertEquals(5000 - 1.959964 * 50, r[0], 1e-3);
        assertEquals(5000 + 1.959964 * 50, r[1], 1e-3);
        assertEquals(0.0, QuantileTest.level(1, 100));
        assertEquals(1.0, QuantileTest.level(100, 100));
        assertTrue(QuantileTest.ranks(5, 0.99)[1] <= 5);
    }

    @Test
    void aLevelOutsideZeroOneIsRefused() {
        for (double q : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            CeterisException e = assertThrows(CeterisException.class, () -> QuantileTest.requireLevel(q, "--quantile watch_minutes"));
            assertTrue(e.getMessage().contains("strictly between 0 and 1"));
        }
    }
}
