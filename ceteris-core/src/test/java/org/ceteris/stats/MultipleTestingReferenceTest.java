package org.ceteris.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Holm and BH against statsmodels multipletests on seeded random p-values with ties and tiny values. */
class MultipleTestingReferenceTest {

    @Test
    void matchesStatsmodels() throws Exception {
        Map<String, Double> ref = new HashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(MultipleTestingReferenceTest.class.getResourceAsStream(
                "/org/ceteris/experiment/multitest_expected.csv"), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.startsWith("#") && !l.startsWith("key,"))
                    .forEach(l -> ref.put(l.substring(0, l.lastIndexOf(',')), Double.parseDouble(l.substring(l.lastIndexOf(',') + 1))));
        }
        int runs = 0;
        for (int r = 0; ref.containsKey("random" + r + "/p/0"); r++) {
            int m = 0;
            while (ref.containsKey("random" + r + "/p/" + m)) {
                m++;
            }
            double[] p = new double[m];
            for (int i = 0; i < m; i++) {
                p[i] = ref.get("random" + r + "/p/" + i);
            }
            double[] holm = MultipleTesting.adjust(p, MultipleTesting.Correction.HOLM);
            double[] bh = MultipleTesting.adjust(p, MultipleTesting.Correction.BH);
            double[] none = MultipleTesting.adjust(p, MultipleTesting.Correction.NONE);
            for (int i = 0; i < m; i++) {
                close(ref.get("random" + r + "/holm/" + i), holm[i], "random" + r + " holm " + i);
                close(ref.get("random" + r + "/fdr_bh/" + i), bh[i], "random" + r + " bh " + i);
                assertEquals(p[i], none[i]);
            }
            runs++;
        }
        assertEquals(6, runs);
    }

    private static void close(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected),
                () -> what + ": expected " + expected + " but was " + actual);
    }
}
