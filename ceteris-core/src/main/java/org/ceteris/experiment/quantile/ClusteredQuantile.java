package org.ceteris.experiment.quantile;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;

/**
 * The q-quantile of events when the randomisation unit is a member with many events (the 90th
 * percentile of session minutes, sessions grouped by member): a member's events are correlated, so
 * the bracket of {@link QuantileTest}, which treats the N events as independent, is too narrow. Liu,
 * Sun, Varshney &amp; Xu (2019, section 4) keep the order-statistic bracket and take the variance of
 * the empirical CDF at the sample quantile Q̂ by the delta method for a ratio of unit sums: with
 * Sᵢ = unit i's events at most Q̂ and Nᵢ = its events, p̂ = ΣS/ΣN and
 * Var(p̂) = n/(n − 1) · Σ(Sᵢ − p̂Nᵢ)² / (ΣN)² over the n units that have events (a unit without events
 * adds nothing to either sum). The bracket's ranks are then N(q ∓ z·√Var(p̂)) (1-based, clamped to
 * 1..N); with one event per unit this is exactly the independent bracket's N·q ∓ z√(Nq(1 − q)) in the
 * limit. Everything is computed from six integers per arm, exactly, so the answer does not depend on
 * the order in which an engine adds them.
 */
public final class ClusteredQuantile {

    private ClusteredQuantile() {
    }

    /**
     * One arm's unit sums at its sample quantile: units with events, and ΣS, ΣN, ΣS², ΣN², ΣSN.
     */
    public record Moments(long units, BigInteger s, BigInteger n, BigInteger ss, BigInteger nn, BigInteger sn) {

        /** Var(p̂), the delta-method variance of the share of events at most the quantile; NaN with fewer than 2 units. */
        public double cdfVariance() {
            if (units < 2 || n.signum() == 0) {
                return Double.NaN;
            }
            // Σ(S − pN)² = ΣS² − 2pΣSN + p²ΣN² with p = ΣS/ΣN, times (ΣN)²: exact in integers
            BigInteger nSum2 = n.multiply(n);
            BigInteger num = ss.multiply(nSum2).subtract(BigInteger.TWO.multiply(s).multiply(sn).multiply(n)).add(s.multiply(s).multiply(nn));
            BigDecimal var = new BigDecimal(num).divide(new BigDecimal(nSum2.multiply(nSum2)), MathContext.DECIMAL64)
                    .multiply(BigDecimal.valueOf(units)).divide(BigDecimal.valueOf(units - 1), MathContext.DECIMAL64);
            return var.doubleValue();
        }
    }

    /** The 1-based (fractional) ranks {L, U} among {@code events} values that bracket the q-quantile. */
    public static double[] ranks(long events, double q, Moments m) {
        double sd = Math.sqrt(m.cdfVariance());
        if (!Double.isFinite(sd)) {
            return QuantileTest.ranks(events, q);
        }
        double lo = events * (q - QuantileTest.Z * sd);
        double hi = events * (q + QuantileTest.Z * sd);
        return new double[] {Math.max(1, Math.min(events, lo)), Math.max(1, Math.min(events, hi))};
    }

    /** The statistic of one arm's events, grouped by unit (each inner array a unit's values, NaN-free); in memory. */
    public static QuantileStatistic fromUnits(double[][] units, double q) {
        int total = 0;
        for (double[] u : units) {
            total += u.length;
        }
        double[] all = new double[total];
        int i = 0;
        for (double[] u : units) {
            System.arraycopy(u, 0, all, i, u.length);
            i += u.length;
        }
        Arrays.sort(all);
        double estimate = QuantileTest.at(all, q);
        long withEvents = 0;
        long s = 0;
        long n = 0;
        long ss = 0;
        long nn = 0;
        long sn = 0;
        for (double[] u : units) {
            if (u.length == 0) {
                continue;
            }
            long below = 0;
            for (double x : u) {
                below += x <= estimate ? 1 : 0;
            }
            withEvents++;
            s += below;
            n += u.length;
            ss += below * below;
            nn += (long) u.length * u.length;
            sn += below * u.length;
        }
        Moments m = new Moments(withEvents, BigInteger.valueOf(s), BigInteger.valueOf(n), BigInteger.valueOf(ss), BigInteger.valueOf(nn),
                BigInteger.valueOf(sn));
        double[] r = ranks(total, q, m);
        return new QuantileStatistic(total, q, estimate, QuantileTest.at(all, QuantileTest.level(r[0], total)),
                QuantileTest.at(all, QuantileTest.level(r[1], total)));
    }
}
