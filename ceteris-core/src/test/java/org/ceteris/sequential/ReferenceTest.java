package org.ceteris.sequential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ceteris.stats.CoMoments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every look's interval and p-value against REFERENCES.md §2 computed independently with numpy:
 * {@code reference.py} beside {@code reference.txt} in the test resources generates heavy-tailed,
 * proportion, ratio and CUPED data with unequal arms, writes each look's per-arm batch statistics
 * (n, mean, var_samp, covar_samp: what the engine returns), and computes the expected readings from
 * the cumulative raw data of each look (so the Chan merge of the batches is checked as well).
 * Tolerance 1e-9 relative; an estimate or bound near zero is compared relative to its standard error,
 * and a p-value below 1e-15 as ln p.
 */
class ReferenceTest {

    record Case(String name, MetricKind kind, SequentialTest.Method method, double alpha, double tuning, String control,
                List<String> arms, Map<Integer, Map<String, CoMoments>> batches, List<String[]> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ReferenceTest.class.getResourceAsStream("reference.txt"), StandardCharsets.UTF_8))) {
            String[] head = null;
            Map<Integer, Map<String, CoMoments>> batches = null;
            List<String[]> expected = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "case" -> {
                        head = f;
                        batches = new LinkedHashMap<>();
                        expected = new ArrayList<>();
                    }
                    case "batch" -> batches.computeIfAbsent(Integer.parseInt(f[1]), k -> new LinkedHashMap<>())
                            .put(f[2], CoMoments.ofVariances(Long.parseLong(f[3]), d(f[4]), d(f[5]), d(f[6]), d(f[7]), d(f[8])));
                    case "expect", "pair" -> expected.add(f);
                    case "end" -> out.add(new Case(head[1], MetricKind.valueOf(head[2]), SequentialTest.Method.valueOf(head[3]),
                            d(head[4]), d(head[5]), head[6], Arrays.asList(head[7].split(",")), batches, expected));
                    default -> throw new IllegalStateException("bad line: " + line);
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyLookMatchesNumpy(Case c) {
        SequentialMonitor m = SequentialMonitor.start(new SequentialMonitor.Settings(c.arms(), c.control(), c.kind(),
                c.method(), c.alpha(), c.tuning(), Direction.HIGHER, false));
        int checked = 0;
        for (var look : c.batches().entrySet()) {
            boolean pairsRead = m.winner() < 0; // pairs are read until the look that declares a winner
            m = m.update(look.getValue());
            for (String[] e : c.expected()) {
                if (Integer.parseInt(e[1]) != look.getKey()) {
                    continue;
                }
                String where = c.name() + " look " + e[1] + " " + e[2];
                if (e[0].equals("expect")) {
                    int arm = c.arms().indexOf(e[2]);
                    Reading got = m.againstControl(arm);
                    assertNotNull(got, where);
                    check(e, got, m.adjustedP(arm), where);
                } else if (pairsRead) {
                    String[] ji = e[2].split("-");
                    Reading got = m.pair(c.arms().indexOf(ji[0]), c.arms().indexOf(ji[1]));
                    assertNotNull(got, where);
                    check(e, got, got.pValue(), where);
                } else {
                    continue;
                }
                checked++;
            }
        }
        assertTrue(checked >= c.batches().size(), "checked " + checked);
    }

    private static void check(String[] e, Reading got, double p, String where) {
        double se = d(e[4]);
        assertClose(se, got.se(), se, where + " se");
        assertClose(d(e[3]), got.estimate(), se, where + " estimate");
        assertClose(d(e[5]), got.low(), se, where + " low");
        assertClose(d(e[6]), got.high(), se, where + " high");
        double expectedP = d(e[7]);
        if (expectedP < 1e-15) {
            // exp(−x) turns an absolute error in x into a relative one: compare tiny p-values as ln p
            assertClose(Math.log(expectedP), Math.log(p), 0, where + " ln p");
        } else {
            assertClose(expectedP, p, 0, where + " p");
        }
    }

    static void assertClose(double expected, double actual, double scale, String what) {
        double tol = 1e-9 * Math.max(Math.abs(expected), scale);
        assertEquals(expected, actual, Math.max(tol, Double.MIN_NORMAL), what);
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
