package org.ceteris.synth;

import java.util.Arrays;

/**
 * One synthetic-control fit of any unit of a panel against any donor set, with the spec's predictors,
 * fit window, V search and estimator. Used for the main fit, every placebo and every leave-one-out
 * refit, so all of them are computed the same way. Cost: one {@link SyntheticControl} fit, plus
 * O(J·T) for the synthetic path.
 */
final class SynthFitter {

    /** A fitted unit: weights over {@code donors} and the synthetic outcome at every time. */
    record Fitted(int treated, int[] donors, double[] v, double[] w, double[] synthetic, double preMspe, double postMspe,
            SyntheticControl.Fit search) {
        double att(double[][] outcome, int t0) {
            double s = 0;
            for (int t = t0; t < synthetic.length; t++) {
                s += outcome[treated][t] - synthetic[t];
            }
            return s / (synthetic.length - t0);
        }
    }

    private final SynthPanel panel;
    private final SynthSpec spec;
    private final int t0;
    private final int[] fit;

    /**
     * @param t0  index of the first post-treatment time
     * @param fit indices of the fit-window times
     */
    SynthFitter(SynthPanel panel, SynthSpec spec, int t0, int[] fit) {
        this.panel = panel;
        this.spec = spec;
        this.t0 = t0;
        this.fit = fit;
    }

    int t0() {
        return t0;
    }

    double[][] outcome() {
        return panel.outcome();
    }

    int[] fitWindow() {
        return fit;
    }

    boolean outcomeOnly() {
        return spec.predictors().isEmpty();
    }

    Fitted fit(int treated, int[] donors, long seed) {
        double[][] y = panel.outcome();
        int n = donors.length;
        double[] z1 = new double[fit.length];
        double[][] z0 = new double[fit.length][n];
        for (int t = 0; t < fit.length; t++) {
            z1[t] = y[treated][fit[t]];
            for (int j = 0; j < n; j++) {
                z0[t][j] = y[donors[j]][fit[t]];
            }
        }
        SyntheticControl.Fit f;
        if (outcomeOnly()) {
            double[] v = new double[fit.length];
            Arrays.fill(v, 1.0 / fit.length);
            double[] w = SimplexLeastSquares.solve(z0, z1, null);
            double loss = SyntheticControl.loss(z1, z0, w);
            f = new SyntheticControl.Fit(v, w, loss, loss, new SyntheticControl.Search(0, 1, true, 1, "outcome_only"));
        } else {
            double[][] p = panel.predictors();
            double[] x1 = new double[p.length];
            double[][] x0 = new double[p.length][n];
            for (int i = 0; i < p.length; i++) {
                x1[i] = p[i][treated];
                for (int j = 0; j < n; j++) {
                    x0[i][j] = p[i][donors[j]];
                }
            }
            if (spec.training() != null) {
                SyntheticControl.Fit training = trainingFit(treated, donors);
                SyntheticControl.Fit fixed = SyntheticControl.fitWithV(x1, x0, z1, z0, training.v());
                f = new SyntheticControl.Fit(fixed.v(), fixed.w(), fixed.loss(), fixed.predictorLoss(), training.search());
            } else if (spec.vSearch() == SynthSpec.VSearch.REGRESSION) {
                f = SyntheticControl.fitRegressionV(x1, x0, z1, z0);
            } else {
                f = SyntheticControl.fit(x1, x0, z1, z0);
            }
        }
        double[] w = f.w();
        if (spec.estimator() == SynthSpec.Estimator.AUGMENTED) {
            w = AugmentedRidge.weights(y, treated, donors, fit, w);
        }
        double[] synthetic = path(y, donors, w);
        return new Fitted(treated, donors, f.v(), w, synthetic, mspe(y[treated], synthetic, 0, t0),
                mspe(y[treated], synthetic, t0, synthetic.length), f);
    }

    /** The training stage: the nested fit on the training predictors and training fit window, whose V is used. */
    private SyntheticControl.Fit trainingFit(int treated, int[] donors) {
        double[][] p = panel.training();
        double[][] y = panel.outcome();
        double[] times = panel.times();
        java.util.List<Integer> idx = new java.util.ArrayList<>();
        for (int t = 0; t < times.length; t++) {
            if (times[t] >= spec.training().fitFrom() && times[t] <= spec.training().fitTo()) {
                idx.add(t);
            }
        }
        int n = donors.length;
        double[] z1 = new double[idx.size()];
        double[][] z0 = new double[idx.size()][n];
        for (int t = 0; t < idx.size(); t++) {
            z1[t] = y[treated][idx.get(t)];
            for (int j = 0; j < n; j++) {
                z0[t][j] = y[donors[j]][idx.get(t)];
            }
        }
        double[] x1 = new double[p.length];
        double[][] x0 = new double[p.length][n];
        for (int i = 0; i < p.length; i++) {
            x1[i] = p[i][treated];
            for (int j = 0; j < n; j++) {
                x0[i][j] = p[i][donors[j]];
            }
        }
        return SyntheticControl.fit(x1, x0, z1, z0);
    }

    static double[] path(double[][] y, int[] donors, double[] w) {
        int times = y[0].length;
        double[] s = new double[times];
        for (int j = 0; j < donors.length; j++) {
            if (w[j] != 0) {
                double[] row = y[donors[j]];
                for (int t = 0; t < times; t++) {
                    s[t] += w[j] * row[t];
                }
            }
        }
        return s;
    }

    static double mspe(double[] actual, double[] synthetic, int from, int to) {
        double s = 0;
        for (int t = from; t < to; t++) {
            double g = actual[t] - synthetic[t];
            s += g * g;
        }
        return s / (to - from);
    }

    static int[] without(int[] donors, int drop) {
        return Arrays.stream(donors).filter(d -> d != drop).toArray();
    }
}
