package org.ceteris.did;

import java.util.List;
import java.util.Locale;
import org.ceteris.CeterisException;

/**
 * Everything a difference-in-differences study needs besides its data. The CLI flags, the
 * workspace YAML and the REST body all build this one record.
 *
 * <p>Exactly one design is named: {@code treated} + {@code post} (the 2×2 comparison: an
 * ever-treated flag and a post-period flag) or {@code firstTreated} (staggered adoption: the first
 * treated period of each unit, 0 or empty for never treated). {@code eventStudy} asks for the
 * two-way fixed-effects event study instead of Callaway &amp; Sant'Anna.
 *
 * @param windowLow  lowest event time kept (earlier ones are binned into it), or null for all
 * @param windowHigh highest event time kept (later ones are binned into it), or null for all
 */
public record DidSpec(
        String unit,
        String time,
        String outcome,
        String treated,
        String post,
        String firstTreated,
        ComparisonGroup control,
        DidEstimator estimator,
        List<String> covariates,
        boolean eventStudy,
        Integer windowLow,
        Integer windowHigh,
        double alpha) {

    /** Which units serve as the comparison in Callaway &amp; Sant'Anna. */
    public enum ComparisonGroup {
        NEVER, NOT_YET;

        public static ComparisonGroup parse(String s) {
            if (s == null) {
                return NEVER;
            }
            switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "never":
                case "never-treated":
                    return NEVER;
                case "not-yet":
                case "not_yet":
                case "notyet":
                case "not-yet-treated":
                    return NOT_YET;
                default:
                    throw new CeterisException("--control must be never or not-yet, got '" + s + "'");
            }
        }
    }

    /** The 2×2 estimator inside each ATT(g,t) (Sant'Anna &amp; Zhao 2020). */
    public enum DidEstimator {
        DR, IPW, REG;

        public static DidEstimator parse(String s) {
            if (s == null) {
                return DR;
            }
            switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "dr":
                    return DR;
                case "ipw":
                    return IPW;
                case "reg":
                case "or":
                    return REG;
                default:
                    throw new CeterisException("--estimator must be dr, ipw or reg, got '" + s + "'");
            }
        }
    }

    public DidSpec {
        require(unit, "--unit");
        require(time, "--time");
        require(outcome, "--outcome");
        boolean twoByTwo = treated != null || post != null;
        if (twoByTwo && firstTreated != null) {
            throw new CeterisException("give either --treated with --post (2x2) or --first-treated (staggered), not both");
        }
        if (!twoByTwo && firstTreated == null) {
            throw new CeterisException("name the design: --treated COL --post COL for a 2x2, or --first-treated COL for a staggered roll-out");
        }
        if (twoByTwo && (treated == null || post == null)) {
            throw new CeterisException("the 2x2 design needs both --treated and --post");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new CeterisException("--alpha must be between 0 and 1 (exclusive), got " + alpha);
        }
        if ((windowLow == null) != (windowHigh == null)) {
            throw new CeterisException("--window needs both ends, as -K:L");
        }
        if (windowLow != null && !(windowLow <= -1 && windowHigh >= 0)) {
            throw new CeterisException("--window -K:L must include event times -1 (the reference) and 0, e.g. -4:3; got "
                    + windowLow + ":" + windowHigh);
        }
        control = control == null ? ComparisonGroup.NEVER : control;
        estimator = estimator == null ? DidEstimator.DR : estimator;
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        if (twoByTwo && !covariates.isEmpty()) {
            throw new CeterisException("--covariates work with --first-treated (Callaway & Sant'Anna); the 2x2 regression takes none");
        }
        if (eventStudy && !covariates.isEmpty()) {
            throw new CeterisException("--covariates are not used by --event-study; drop --event-study for the covariate-adjusted Callaway & Sant'Anna estimates");
        }
    }

    /** True for the 2×2 design ({@code --treated} and {@code --post}). */
    public boolean twoByTwo() {
        return treated != null;
    }

    /** Parses {@code -K:L} into {low, high}. */
    public static int[] parseWindow(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.strip().split(":");
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new CeterisException("--window must look like -K:L (for example -4:3), got '" + text + "'");
    }

    private static void require(String value, String flag) {
        if (value == null || value.isBlank()) {
            throw new CeterisException("name the " + flag.substring(2) + " column with " + flag);
        }
    }
}
