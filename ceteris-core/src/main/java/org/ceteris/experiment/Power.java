package org.ceteris.experiment;

import org.ceteris.CeterisException;
import org.ceteris.stats.Distributions;

/**
 * Sample size and minimum detectable effect of a two-sided two-sample test with equal arms:
 * n per arm = (z_{1−α/2} + z_{1−β})²(σ_t² + σ_c²)/δ², and the MDE is its inverse (REFERENCES §1).
 * O(1).
 */
public final class Power {

    private Power() {
    }

    /** Units per arm needed to detect an absolute difference {@code mde} (not rounded up). */
    public static double nPerArm(double sd, double mde, double alpha, double power) {
        check(sd, alpha, power);
        if (!(mde != 0 && Double.isFinite(mde))) {
            throw new CeterisException("--mde must be a non-zero number, got " + mde);
        }
        double z = Distributions.normalQuantile(1 - alpha / 2) + Distributions.normalQuantile(power);
        return z * z * 2 * sd * sd / (mde * mde);
    }

    /** The smallest absolute difference detectable with {@code n} units per arm. */
    public static double mde(double sd, double n, double alpha, double power) {
        check(sd, alpha, power);
        if (!(n >= 2)) {
            throw new CeterisException("--n must be at least 2 units per arm, got " + n);
        }
        double z = Distributions.normalQuantile(1 - alpha / 2) + Distributions.normalQuantile(power);
        return z * Math.sqrt(2 * sd * sd / n);
    }

    private static void check(double sd, double alpha, double power) {
        if (!(sd > 0 && Double.isFinite(sd))) {
            throw new CeterisException("--sd must be a positive number, got " + sd);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new CeterisException("--alpha must be between 0 and 1, got " + alpha);
        }
        if (!(power > 0 && power < 1)) {
            throw new CeterisException("--power must be between 0 and 1, got " + power);
        }
    }
}
