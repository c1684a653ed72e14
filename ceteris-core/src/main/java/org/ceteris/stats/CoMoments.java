package org.ceteris.stats;

/**
 * Joint sufficient statistics of two variables A and B observed on the same units: counts, means,
 * centred sums of squares and the centred co-moment Σ(a − ā)(b − b̄). Used for CUPED (A = metric,
 * B = pre-period covariate) and ratio metrics (A = numerator, B = denominator). Merges exactly
 * across partitions (Chan et al. 1979 / Bennett et al. 2009 for the co-moment).
 */
public record CoMoments(long n, double meanA, double meanB, double m2A, double m2B, double cAB) {

    public static final CoMoments EMPTY = new CoMoments(0, Double.NaN, Double.NaN, 0, 0, 0);

    public CoMoments {
        if (n < 0) {
            throw new IllegalArgumentException("n < 0");
        }
    }

    /** From sample variances and covariance (divisor n − 1), as SQL's {@code var_samp} and {@code covar_samp} return them. */
    public static CoMoments ofVariances(long n, double meanA, double meanB, double varA, double varB, double covAB) {
        double k = n > 1 ? n - 1 : 0;
        return new CoMoments(n, meanA, meanB, varA * k, varB * k, covAB * k);
    }

    public CoMoments add(double a, double b) {
        if (n == 0) {
            return new CoMoments(1, a, b, 0, 0, 0);
        }
        long n1 = n + 1;
        double da = a - meanA;
        double db = b - meanB;
        double newMeanA = meanA + da / n1;
        double newMeanB = meanB + db / n1;
        return new CoMoments(n1, newMeanA, newMeanB,
                m2A + da * (a - newMeanA), m2B + db * (b - newMeanB), cAB + da * (b - newMeanB));
    }

    public CoMoments merge(CoMoments o) {
        if (o.n == 0) {
            return this;
        }
        if (n == 0) {
            return o;
        }
        long total = n + o.n;
        double da = o.meanA - meanA;
        double db = o.meanB - meanB;
        double w = (double) n * o.n / total;
        return new CoMoments(total,
                meanA + da * o.n / total, meanB + db * o.n / total,
                m2A + o.m2A + da * da * w, m2B + o.m2B + db * db * w, cAB + o.cAB + da * db * w);
    }

    public double varA() {
        return n > 1 ? m2A / (n - 1) : Double.NaN;
    }

    public double varB() {
        return n > 1 ? m2B / (n - 1) : Double.NaN;
    }

    public double covAB() {
        return n > 1 ? cAB / (n - 1) : Double.NaN;
    }

    public Moments a() {
        return new Moments(n, meanA, m2A);
    }

    public Moments b() {
        return new Moments(n, meanB, m2B);
    }
}
