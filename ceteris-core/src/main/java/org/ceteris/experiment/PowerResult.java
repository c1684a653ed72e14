package org.ceteris.experiment;

import java.util.List;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;

/**
 * A power calculation: per-arm sample size for a given effect, or the detectable effect for a given
 * sample size. {@code mdeRelative} is the MDE as a fraction of the baseline mean.
 */
public record PowerResult(
        String method,
        double alpha,
        double power,
        double baselineMean,
        double sd,
        double mde,
        double mdeRelative,
        long nPerArm,
        long nTotal,
        List<Diagnostic> diagnostics,
        String summary) implements CeterisResult {

    public static PowerResult forEffect(double baselineMean, double sd, double mde, double alpha, double power) {
        long n = (long) Math.ceil(Power.nPerArm(sd, mde, alpha, power) - 1e-9);
        return build(baselineMean, sd, Math.abs(mde), n, alpha, power);
    }

    public static PowerResult forSampleSize(double baselineMean, double sd, long n, double alpha, double power) {
        return build(baselineMean, sd, Power.mde(sd, n, alpha, power), n, alpha, power);
    }

    private static PowerResult build(double baseline, double sd, double mde, long n, double alpha, double power) {
        double rel = baseline != 0 ? mde / Math.abs(baseline) : Double.NaN;
        String summary = String.format(java.util.Locale.ROOT,
                "With %,d users in each of two groups (%,d in all), a change of %s in the average (%s of the baseline %s) "
                        + "would be detected %s of the time, with a %s risk of a false alarm when there is no change.",
                n, 2 * n, org.ceteris.report.Wording.number(mde),
                Double.isNaN(rel) ? "n/a" : org.ceteris.report.Wording.percent(rel),
                org.ceteris.report.Wording.number(baseline), org.ceteris.report.Wording.percent(power),
                org.ceteris.report.Wording.percent(alpha));
        return new PowerResult("power", alpha, power, baseline, sd, mde, rel, n, 2 * n, List.of(), summary);
    }
}
