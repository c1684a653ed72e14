package org.ceteris.synth;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The LP of {@link LowerBoundCertificate} finds a V for weights that some V produces, and none for weights none does. */
class LowerBoundCertificateTest {

    @Test
    void findsTheVOfAnInnerSolution() throws Exception {
        PublishedWeightsTest.Problem pr = PublishedWeightsTest.prop99();
        int k = pr.x1().length;
        int n = pr.x0()[0].length;
        double[][] s0 = new double[k][n];
        double[] s1 = new double[k];
        SyntheticControl.scale(pr.x1(), pr.x0(), s1, s0);
        SplittableRandom rng = new SplittableRandom(3);
        int found = 0;
        for (int r = 0; r < 20; r++) {
            double[] v = new double[k];
            for (int i = 0; i < k; i++) {
                v[i] = Math.exp(rng.nextDouble(-3, 3));
            }
            double[] w = SimplexLeastSquares.solve(s0, s1, v);
            double[] got = LowerBoundCertificate.vFor(s1, s0, w, 1e6);
            if (got != null) {
                found++;
            }
        }
        assertTrue(found == 20, found + " of 20");
    }

    @Test
    void rejectsWeightsNoVProduces() throws Exception {
        PublishedWeightsTest.Problem pr = PublishedWeightsTest.prop99();
        int k = pr.x1().length;
        int n = pr.x0()[0].length;
        double[][] s0 = new double[k][n];
        double[] s1 = new double[k];
        SyntheticControl.scale(pr.x1(), pr.x0(), s1, s0);
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        assertNull(LowerBoundCertificate.vFor(s1, s0, w, 1e6));
    }
}
