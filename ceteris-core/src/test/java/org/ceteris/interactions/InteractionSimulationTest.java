package org.ceteris.interactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ceteris.assign.AssignConfig;
import org.ceteris.assign.Assigner;
import org.ceteris.assign.ExperimentConfig;
import org.ceteris.stats.Moments;
import org.ceteris.stats.MultipleTesting;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulations with known truth: ten concurrent experiments (45 pairs), one true
 * interaction; and A/A runs where nothing interacts, whose false-discovery rate must stay at the
 * nominal level under Benjamini–Hochberg.
 */
class InteractionSimulationTest {

    static final int K = 10;
    static final List<String> NAMES = List.of("e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9");

    /** Cell statistics of every pair from unit-level arms (0/1) and outcomes. */
    static InteractionInput cells(int[][] arms, double[] y) {
        Moments[][][] m = new Moments[K * K][2][2];
        for (Moments[][] a : m) {
            for (Moments[] b : a) {
                java.util.Arrays.fill(b, Moments.EMPTY);
            }
        }
        for (int u = 0; u < y.length; u++) {
            for (int i = 0; i < K; i++) {
                for (int j = i + 1; j < K; j++) {
                    Moments[] row = m[i * K + j][arms[u][i]];
                    row[arms[u][j]] = row[arms[u][j]].add(y[u]);
                }
            }
        }
        List<CellStats> out = new ArrayList<>();
        for (int i = 0; i < K; i++) {
            for (int j = i + 1; j < K; j++) {
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 2; b++) {
                        out.add(new CellStats(NAMES.get(i), NAMES.get(j), "y", a == 0 ? "control" : "treatment",
                                b == 0 ? "control" : "treatment", m[i * K + j][a][b]));
                    }
                }
            }
        }
        Map<String, List<String>> armMap = new java.util.HashMap<>();
        NAMES.forEach(n -> armMap.put(n, List.of("control", "treatment")));
        return new InteractionInput(out, armMap, Map.of());
    }

    static InteractionsResult simulate(Random rnd, int n, double interaction, int[][] armsOrNull) {
        int[][] arms = armsOrNull;
        if (arms == null) {
            arms = new int[n][K];
            for (int u = 0; u < n; u++) {
                for (int i = 0; i < K; i++) {
                    arms[u][i] = rnd.nextInt(2);
                }
            }
        }
        double[] y = new double[n];
        for (int u = 0; u < n; u++) {
            double mean = 10 + 0.3 * arms[u][0] - 0.2 * arms[u][5] + (arms[u][3] == 1 && arms[u][7] == 1 ? interaction : 0);
            y[u] = mean + (1 + 0.5 * arms[u][3]) * rnd.nextGaussian();
        }
        InteractionsSpec spec = new InteractionsSpec(NAMES, List.of("y"), null, Map.of(), MultipleTesting.Correction.BH, 0.05);
        return InteractionDetector.analyze(spec, cells(arms, y));
    }

    /** Arms from Ceteris's own assignment (hash v2, ten overlapping experiments), one true interaction of 0.2 sd. */
    @Test
    void findsTheOneTrueInteractionAmong45Pairs() {
        List<ExperimentConfig> exps = new ArrayList<>();
        for (String name : NAMES) {
            exps.add(new ExperimentConfig(name, List.of("control", "treatment"), null, 1.0, null, 2, null, null, null));
        }
        Assigner assigner = new Assigner(new AssignConfig(List.of(), exps));
        int n = 20_000;
        int[][] arms = new int[n][K];
        double[] bucket = new double[K];
        for (int u = 0; u < n; u++) {
            assigner.assignInto("member-" + u, null, arms[u], bucket);
        }
        InteractionsResult r = simulate(new Random(45), n, 0.2, arms);
        assertEquals(45, r.pairs().size());
        InteractionPair best = r.pairs().stream().min(Comparator.comparingDouble(InteractionPair::pValue)).orElseThrow();
        assertEquals("e3", best.a());
        assertEquals("e7", best.b());
        assertTrue(best.pAdjusted() < 0.05, "adjusted p " + best.pAdjusted());
        assertEquals(0.2, best.interaction(), 4 * best.se());
        long falseFinds = r.pairs().stream().filter(p -> p.pAdjusted() < 0.05 && p != best).count();
        assertTrue(falseFinds <= 1, falseFinds + " false discoveries");
        assertTrue(r.summary().contains("e3") && r.summary().contains("e7"), r.summary());
    }

    /** A/A: no interaction anywhere; P(any discovery) = FDR must stay near 5% over 300 seeded runs. */
    @Test
    void aaFalseDiscoveryRateIsNominal() {
        Random rnd = new Random(2026);
        int runs = 300;
        int withDiscovery = 0;
        double fdpSum = 0;
        for (int r = 0; r < runs; r++) {
            InteractionsResult aa = simulate(rnd, 1500, 0.0, null);
            if (aa.pairs().stream().anyMatch(p -> p.pAdjusted() < 0.05)) {
                withDiscovery++;
            }
            InteractionsResult one = simulate(rnd, 1500, 0.45, null);
            long found = one.pairs().stream().filter(p -> p.pAdjusted() < 0.05).count();
            long falseFound = one.pairs().stream().filter(p -> p.pAdjusted() < 0.05 && !(p.a().equals("e3") && p.b().equals("e7"))).count();
            fdpSum += found == 0 ? 0 : (double) falseFound / found;
        }
        double fdr = withDiscovery / (double) runs;
        double se = Math.sqrt(0.05 * 0.95 / runs);
        assertTrue(fdr <= 0.05 + 3 * se, "A/A false-discovery rate " + fdr);
        assertTrue(fdr >= 0.005, "suspiciously conservative: " + fdr);
        assertTrue(fdpSum / runs <= 0.05 + 3 * se, "FDR with one true interaction " + fdpSum / runs);
    }
}
