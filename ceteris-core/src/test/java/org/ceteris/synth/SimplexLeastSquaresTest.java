package org.ceteris.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The inner QP against R quadprog::solve.QP on the random problems of qp_fixtures.txt (made by
 * make_qp_fixtures.R in the same folder), and against its own KKT conditions on seeded problems.
 */
class SimplexLeastSquaresTest {

    record Problem(int id, boolean unique, double[][] a, double[] b, double[] v, double[] w, double loss) {
    }

    static List<Problem> fixtures() throws Exception {
        List<Problem> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SimplexLeastSquaresTest.class.getResourceAsStream("qp_fixtures.txt"), StandardCharsets.UTF_8))) {
            String line;
            List<double[]> rows = new ArrayList<>();
            int id = 0;
            boolean unique = false;
            double[] b = null;
            double[] v = null;
            double[] w = null;
            while ((line = r.readLine()) != null) {
                String[] f = line.strip().split("\\s+");
                switch (f[0]) {
                    case "problem":
                        id = Integer.parseInt(f[1]);
                        unique = f[5].equals("1");
                        rows = new ArrayList<>();
                        break;
                    case "A":
                        rows.add(nums(f));
                        break;
                    case "b":
                        b = nums(f);
                        break;
                    case "v":
                        v = nums(f);
                        break;
                    case "w":
                        w = nums(f);
                        break;
                    case "loss":
                        out.add(new Problem(id, unique, rows.toArray(new double[0][]), b, v, w, Double.parseDouble(f[1])));
                        break;
                    default:
                        break;
                }
            }
        }
        return out;
    }

    private static double[] nums(String[] f) {
        return Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void agreesWithQuadprog() throws Exception {
        List<Problem> problems = fixtures();
        assertEquals(36, problems.size());
        for (Problem p : problems) {
            double[] w = SimplexLeastSquares.solve(p.a(), p.b(), p.v());
            assertFeasible(w);
            double loss = SimplexLeastSquares.loss(p.a(), p.b(), p.v(), w);
            if (p.unique()) {
                for (int j = 0; j < w.length; j++) {
                    assertEquals(p.w()[j], w[j], 1e-6, "problem " + p.id() + " weight " + j);
                }
            }
            // never worse than quadprog; equal to 1e-8 (relative) where quadprog had a ridge
            assertTrue(loss <= p.loss() + 1e-8 * Math.max(1, p.loss()), "problem " + p.id() + ": " + loss + " vs " + p.loss());
            assertEquals(p.loss(), loss, 1e-6 * Math.max(1, p.loss()), "problem " + p.id());
        }
    }

    @Test
    void satisfiesKktOnSyntheticControlShapes() {
        Random rng = new Random(33);
        for (int rep = 0; rep < 200; rep++) {
            int k = 2 + rng.nextInt(10);
            int n = 1 + rng.nextInt(80);
            double[][] a = new double[k][n];
            double[] b = new double[k];
            double[] v = new double[k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = rng.nextGaussian() * (1 + i);
                }
                b[i] = rng.nextGaussian() * (1 + i) * (rep % 3 == 0 ? 3 : 0.5);
                v[i] = rep % 5 == 0 && i == 0 ? 0 : rng.nextDouble();
            }
            double[] w = SimplexLeastSquares.solve(a, b, v);
            assertFeasible(w);
            // KKT: gradient g_j ≥ μ for all j, equal to μ where w_j > 0
            double[] r = new double[k];
            for (int i = 0; i < k; i++) {
                r[i] = -b[i];
                for (int j = 0; j < n; j++) {
                    r[i] += a[i][j] * w[j];
                }
            }
            double[] g = new double[n];
            double mu = Double.POSITIVE_INFINITY;
            double scale = 0;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < k; i++) {
                    g[j] += v[i] * a[i][j] * r[i];
                    scale = Math.max(scale, Math.abs(v[i] * a[i][j] * a[i][j]));
                }
                mu = Math.min(mu, g[j]);
            }
            for (int j = 0; j < n; j++) {
                if (w[j] > 1e-9) {
                    assertEquals(mu, g[j], 1e-8 * Math.max(1, scale), "rep " + rep + " donor " + j);
                }
            }
        }
    }

    @Test
    void aWarmStartReachesTheColdStartsOptimum() {
        Random rng = new Random(71);
        for (int rep = 0; rep < 300; rep++) {
            int k = 2 + rng.nextInt(8);
            int n = 2 + rng.nextInt(60);
            double[][] a = new double[k][n];
            double[] b = new double[k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = rng.nextGaussian() * (1 + i);
                }
                b[i] = rng.nextGaussian() * (1 + i) * (rep % 2 == 0 ? 3 : 0.5);
            }
            double[] warm = null;
            for (int step = 0; step < 5; step++) { // a path of nearby v, as the outer search takes
                double[] v = new double[k];
                for (int i = 0; i < k; i++) {
                    v[i] = rng.nextDouble();
                }
                double[] cold = SimplexLeastSquares.solve(a, b, v);
                double[] w = SimplexLeastSquares.solve(a, b, v, warm);
                assertFeasible(w);
                double lc = SimplexLeastSquares.loss(a, b, v, cold);
                double lw = SimplexLeastSquares.loss(a, b, v, w);
                assertEquals(lc, lw, 1e-10 * Math.max(1, lc), "rep " + rep + " step " + step);
                warm = w;
            }
        }
    }

    @Test
    void insideTheHullAWarmStartStillGivesTheColdStartsWeights() {
        // b is a mix of many donors: many w fit exactly, and the solution must not depend on the start
        Random rng = new Random(72);
        for (int rep = 0; rep < 100; rep++) {
            int k = 2 + rng.nextInt(6);
            int n = k + 3 + rng.nextInt(30);
            double[][] a = new double[k][n];
            double[] mix = new double[n];
            double total = 0;
            for (int j = 0; j < n; j++) {
                mix[j] = rng.nextDouble();
                total += mix[j];
            }
            double[] b = new double[k];
            double[] v = new double[k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = rng.nextGaussian();
                    b[i] += a[i][j] * mix[j] / total;
                }
                v[i] = rng.nextDouble();
            }
            double[] cold = SimplexLeastSquares.solve(a, b, v);
            double[] start = new double[n];
            start[rng.nextInt(n)] = 0.5;
            start[rng.nextInt(n)] += 0.5;
            double[] warm = SimplexLeastSquares.solve(a, b, v, start);
            for (int j = 0; j < n; j++) {
                assertEquals(cold[j], warm[j], 1e-9, "rep " + rep + " donor " + j);
            }
        }
    }

    static void assertFeasible(double[] w) {
        double s = 0;
        for (double x : w) {
            assertTrue(x >= 0, "negative weight " + x);
            s += x;
        }
        assertEquals(1, s, 1e-12);
    }
}
