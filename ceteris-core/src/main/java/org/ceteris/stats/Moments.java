package org.ceteris.stats;

/**
 * Count, mean and centred sum of squares of one variable: the sufficient statistics of a mean.
 * Two partitions merge exactly with Chan, Golub & LeVeque's parallel update (1979), so results do
 * not depend on how the data were split.
 *
 * @param n    number of observations
 * @param mean sample mean (NaN when n = 0)
 * @param m2   centred sum of squares Σ(y − ȳ)²
 */
public record Moments(long n, double mean, double m2) {

    public static final Moments EMPTY = new Moments(0, Double.NaN, 0);

    public Moments {
        if (n < 0) {
            throw new IllegalArgumentException("n < 0");
        }
    }

    /** From the sample variance (divisor n − 1), as SQL's {@code var_samp} returns it. */
    public static Moments ofVariance(long n, double mean, double variance) {
        double m2 = n > 1 ? variance * (n - 1) : 0.0;
        return new Moments(n, mean, m2);
    }

    public static Moments of(double... values) {
        Moments m = EMPTY;
        for (double v : values) {
            m = m.add(v);
        }
        return m;
    }

    /** Welford's update with one more observation. */
    public Moments add(double y) {
        long n1 = n + 1;
        if (n == 0) {
            return new Moments(1, y, 0);
        }
        double delta = y - mean;
        double newMean = mean + delta / n1;
        return new Moments(n1, newMean, m2 + delta * (y - newMean));
    }

    /** Chan et al.'s parallel merge. */
    public Moments merge(Moments other) {
        if (other.n == 0) {
            return this;
        }
        if (n == 0) {
            return other;
        }
        long total = n + other.n;
        double delta = other.mean - mean;
        double newMean = mean + delta * other.n / total;
        double newM2 = m2 + other.m2 + delta * delta * ((double) n * other.n / total);
        return new Moments(total, newMean, newM2);
    }

    /** Sample variance with divisor n − 1 (NaN when n &lt; 2). */
    public double variance() {
        return n > 1 ? m2 / (n - 1) : Double.NaN;
    }

    public double sd() {
        return Math.sqrt(variance());
    }

    /** Σy = n·ȳ. */
    public double sum() {
        return n * mean;
    }
}
