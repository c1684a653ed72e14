package org.ceteris.observational;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;

/**
 * Logistic regression of the treatment on the covariates by Newton–Raphson (IRLS), the maximum
 * likelihood fit that {@code statsmodels.Logit} and R's {@code glm(family = binomial)} compute.
 * The problem is solved on centred and scaled columns so that the normal equations stay well
 * conditioned (earnings in dollars next to 0/1 indicators): sums run over the centred columns and
 * are divided by the scales afterwards, so no standardized copy of the data is made; coefficients
 * are mapped back to the original scale. Steps are halved when the log-likelihood would fall.
 *
 * <p>Separation (Albert &amp; Anderson 1984): when a combination of covariates predicts treatment
 * perfectly for some units the likelihood has no maximum and the coefficients drift to infinity.
 * Newton's method then fails to converge within {@link #MAX_ITERATIONS} while some fitted
 * probabilities reach 0 or 1; this is reported ({@link PropensityFit#separated()}), never passed
 * off as converged. When every unit is predicted perfectly (complete separation) the treated and
 * untreated do not overlap at all and a {@link CeterisException} says so.
 *
 * <p>Cost: O(n·p²) per Newton step, typically 6–10 steps. The sums of a step are shared out
 * among threads ({@link CrossProducts}) and the per-row work runs in ranges ({@link RowRanges});
 * every sum still adds its terms in row order, so the fit is the same to the last bit on any
 * number of cores.
 */
public final class LogisticRegression {

    public static final int MAX_ITERATIONS = 60;
    private static final double TOLERANCE = 1e-10;
    private static final double CERTAIN = 1e-8;

    private LogisticRegression() {
    }

    public static PropensityFit fit(DesignMatrix x, boolean[] treated) {
        int n = treated.length;
        int p = x.width() + 1;
        double[][] col = new double[p][];
        double[] mean = new double[p];
        double[] scale = new double[p];
        scale[0] = 1; // the intercept, implicit
        for (int j = 1; j < p; j++) {
            col[j] = x.columns()[j - 1];
            double m = 0;
            for (double v : col[j]) {
                m += v;
            }
            m /= n;
            double ss = 0;
            for (double v : col[j]) {
                ss += (v - m) * (v - m);
            }
            mean[j] = m;
            scale[j] = Math.sqrt(ss / n);
        }
        requireFullRank(col, mean, scale, n, x.names());
        double[] beta = new double[p]; // on the standardized scale
        double[] eta = new double[n];
        double[] w = new double[n];
        double[] r = new double[n];
        // w holds the weights of a step only until its sums are taken; logLik uses it as scratch for its terms
        double ll = logLik(eta, treated, w);
        boolean converged = false;
        int iter = 0;
        int pairs = p * (p + 1) / 2;
        while (iter < MAX_ITERATIONS && !converged) {
            iter++;
            double[] etaNow = eta;
            RowRanges.forEach(n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    double pi = prob(etaNow[i]);
                    w[i] = pi * (1 - pi);
                    r[i] = (treated[i] ? 1 : 0) - pi;
                }
            });
            // Σ w·c_j·c_k over centred columns c (lower triangle row by row), then Σ c_j·r
            double[] sums = CrossProducts.of(col, mean, w, r, n);
            double[] grad = new double[p];
            double[][] h = new double[p][p]; // gradient and Hessian of the standardized problem
            for (int j = 0, at = 0; j < p; j++) {
                grad[j] = sums[pairs + j] / scale[j];
                for (int k = 0; k <= j; k++) {
                    h[j][k] = sums[at++] / (scale[j] * scale[k]);
                }
            }
            double[] step = Cholesky.solve(h, grad);
            if (step == null) {
                break; // Hessian numerically singular: probabilities at 0/1 (separation)
            }
            double t = 1.0;
            double[] trial = new double[p];
            double[] trialEta = new double[n];
            double trialLl = Double.NEGATIVE_INFINITY;
            for (int half = 0; half < 30; half++) {
                for (int j = 0; j < p; j++) {
                    trial[j] = beta[j] + t * step[j];
                }
                linear(trial, col, mean, scale, trialEta);
                trialLl = logLik(trialEta, treated, w);
                if (trialLl >= ll - 1e-12 * Math.abs(ll)) {
                    break;
                }
                t /= 2;
            }
            double maxStep = 0;
            for (int j = 0; j < p; j++) {
                maxStep = Math.max(maxStep, Math.abs(trial[j] - beta[j]));
            }
            System.arraycopy(trial, 0, beta, 0, p);
            eta = trialEta;
            ll = trialLl;
            converged = maxStep <= TOLERANCE;
        }
        double[] scores = new double[n];
        double[] etaFinal = eta;
        RowRanges.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                scores[i] = prob(etaFinal[i]);
            }
        });
        int certain = 0;
        for (int i = 0; i < n; i++) {
            if (treated[i] ? scores[i] > 1 - CERTAIN : scores[i] < CERTAIN) {
                certain++;
            }
        }
        if (certain == n) {
            throw new CeterisException("the covariates predict treatment perfectly (complete separation): treated and "
                    + "untreated units do not overlap, so no comparison is possible; remove the covariate that "
                    + "defines treatment or analyse a population where both groups occur");
        }
        Map<String, Double> coef = new LinkedHashMap<>();
        double intercept = beta[0];
        for (int j = 1; j < p; j++) {
            intercept -= beta[j] * mean[j] / scale[j];
        }
        coef.put("(intercept)", intercept);
        List<String> names = x.names();
        for (int j = 1; j < p; j++) {
            coef.put(names.get(j - 1), beta[j] / scale[j]);
        }
        return new PropensityFit(new PropensityModel(coef, converged, iter), scores, converged ? 0 : certain);
    }

    /** The Gram matrix of the standardized columns (and intercept) must be of full rank. */
    private static void requireFullRank(double[][] col, double[] mean, double[] scale, int n, List<String> names) {
        int p = col.length;
        double[] lower = CrossProducts.of(col, mean, null, null, n);
        double[][] g = new double[p][p];
        for (int a = 0, at = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                g[a][b] = lower[at++] / (scale[a] * scale[b]);
            }
        }
        int bad = Cholesky.firstDependent(g);
        if (bad > 0) {
            throw new CeterisException("covariate '" + names.get(bad - 1) + "' is a linear combination of the "
                    + "covariates before it (collinear); drop it or one of the others");
        }
    }

    /** η = β₀ + Σ βⱼ (xⱼ − mⱼ)/sⱼ, with β on the standardized scale. */
    private static void linear(double[] beta, double[][] col, double[] mean, double[] scale, double[] eta) {
        RowRanges.forEach(eta.length, (from, to) -> {
            java.util.Arrays.fill(eta, from, to, beta[0]);
            for (int j = 1; j < beta.length; j++) {
                double b = beta[j] / scale[j];
                double m = mean[j];
                double[] c = col[j];
                for (int i = from; i < to; i++) {
                    eta[i] += b * (c[i] - m);
                }
            }
        });
    }

    static double prob(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    /**
     * Σ log P(t_i | η_i), computed without overflow: −log(1 + e^{−η}) for treated, −log(1 + e^{η})
     * otherwise. The terms are computed in parallel into {@code terms} and added in row order.
     */
    private static double logLik(double[] eta, boolean[] treated, double[] terms) {
        RowRanges.forEach(eta.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                double m = treated[i] ? -eta[i] : eta[i];
                terms[i] = m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
            }
        });
        double s = 0;
        for (double term : terms) {
            s -= term;
        }
        return s;
    }
}
