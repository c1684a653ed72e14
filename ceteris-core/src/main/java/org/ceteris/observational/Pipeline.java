package org.ceteris.observational;

import org.ceteris.CeterisException;

/**
 * One pass of an observational analysis: design matrix, propensity model, trimming, estimate. The
 * main analysis and every refuter simulation run exactly this.
 */
final class Pipeline {

    private Pipeline() {
    }

    /** Everything one pass produced. */
    record Run(DesignMatrix design, PropensityFit propensity, int[] kept, double[] y, boolean[] treated, double[][] x,
               double[] score, Estimate estimate) {
    }

    static Run run(ObserveSpec spec, ObservationalData data) {
        int n = data.size();
        DesignMatrix design = DesignMatrix.of(data.covariates(), n);
        PropensityFit ps = LogisticRegression.fit(design, data.treated());
        int[] kept = trim(ps.scores(), spec.trim());
        int m = kept.length;
        double[] y;
        boolean[] t;
        double[] s;
        double[][] x;
        if (m == n) { // nothing trimmed: the columns themselves (nothing downstream writes to them)
            y = data.outcome();
            t = data.treated();
            s = ps.scores();
            x = design.columns();
        } else {
            y = new double[m];
            t = new boolean[m];
            s = new double[m];
            x = new double[design.width()][m];
            for (int k = 0; k < m; k++) {
                int i = kept[k];
                y[k] = data.outcome()[i];
                t[k] = data.treated()[i];
                s[k] = ps.scores()[i];
                for (int j = 0; j < design.width(); j++) {
                    x[j][k] = design.columns()[j][i];
                }
            }
        }
        int n1 = 0;
        for (boolean treated : t) {
            n1 += treated ? 1 : 0;
        }
        if (n1 == 0 || n1 == m) {
            throw new CeterisException("after trimming at " + spec.trim() + " no " + (n1 == 0 ? "treated" : "untreated")
                    + " units remain; lower --trim");
        }
        Estimate e = spec.estimator().estimate(y, t, x, s, spec.estimand());
        return new Run(design, ps, kept, y, t, x, s, e);
    }

    /** Rows with q ≤ score ≤ 1 − q (all rows when q = 0). */
    static int[] trim(double[] score, double q) {
        if (q == 0) {
            int[] all = new int[score.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        return java.util.stream.IntStream.range(0, score.length).filter(i -> score[i] >= q && score[i] <= 1 - q).toArray();
    }
}
