package org.ceteris.observational;

/**
 * The weighted difference in means of the outcome between treated and untreated rows — the
 * coefficient of {@code lm(y ~ treat, weights = w)} — with its sandwich standard error, clustered
 * as {@code sandwich::vcovCL(type = "HC1")} does (G/(G−1)·(N−1)/(N−k) with k = 2), or per row with
 * no small-sample factor (HC0, as GEE with an independence working correlation). The coefficient's
 * influence on row i is (T_i/W₁ − (1−T_i)/W₀)·w_i·e_i with e_i the residual from its group's
 * weighted mean. Cost O(N).
 */
final class WeightedDifference {

    private WeightedDifference() {
    }

    /** {estimate, se}; {@code cluster} null means one cluster per row and HC0. */
    static double[] of(double[] y, boolean[] t, double[] w, int[] cluster, int clusters) {
        int n = y.length;
        double w1 = 0;
        double w0 = 0;
        double s1 = 0;
        double s0 = 0;
        int rows = 0;
        for (int i = 0; i < n; i++) {
            if (w[i] == 0) {
                continue;
            }
            rows++;
            if (t[i]) {
                w1 += w[i];
                s1 += w[i] * y[i];
            } else {
                w0 += w[i];
                s0 += w[i] * y[i];
            }
        }
        double m1 = s1 / w1;
        double m0 = s0 / w0;
        double est = m1 - m0;
        double meat = 0;
        if (cluster == null) {
            for (int i = 0; i < n; i++) {
                if (w[i] != 0) {
                    double u = t[i] ? w[i] * (y[i] - m1) / w1 : -w[i] * (y[i] - m0) / w0;
                    meat += u * u;
                }
            }
            return new double[] {est, Math.sqrt(meat)};
        }
        double[] u = new double[clusters];
        for (int i = 0; i < n; i++) {
            if (w[i] != 0) {
                u[cluster[i]] += t[i] ? w[i] * (y[i] - m1) / w1 : -w[i] * (y[i] - m0) / w0;
            }
        }
        for (double ug : u) {
            meat += ug * ug;
        }
        double adj = (double) clusters / (clusters - 1) * (rows - 1.0) / (rows - 2.0);
        return new double[] {est, Math.sqrt(adj * meat)};
    }
}
