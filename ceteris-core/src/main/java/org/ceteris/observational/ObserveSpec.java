package org.ceteris.observational;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ceteris.CeterisException;

/**
 * Everything {@code ceteris observe} needs besides its data. The CLI flags, the workspace YAML and
 * the REST body all build this one record.
 *
 * @param covariates covariate columns (numeric, or text for categorical ones)
 * @param estimand   ATT or ATE; null picks ATT for matching and ATE otherwise
 * @param ratio      controls per treated unit (matching)
 * @param replace    match with replacement
 * @param caliper    caliper in standard deviations of the propensity score, NaN for none (matching)
 * @param trim       drop units with propensity outside [trim, 1 − trim] before estimating; 0 for none
 * @param refuters   any of placebo, random-cause, subset, bootstrap
 * @param seed       seed of every random draw (refuters)
 */
public record ObserveSpec(String treatment, String outcome, List<String> covariates, Method method, Estimand estimand,
                          int ratio, boolean replace, double caliper, double trim, List<String> refuters, long seed,
                          double alpha) {

    public static final List<String> REFUTERS = List.of("placebo", "random-cause", "subset", "bootstrap");

    public ObserveSpec {
        if (treatment == null || treatment.isBlank()) {
            throw new CeterisException("name the treatment column with --treatment");
        }
        if (outcome == null || outcome.isBlank()) {
            throw new CeterisException("name the outcome column with --outcome");
        }
        if (covariates == null || covariates.isEmpty()) {
            throw new CeterisException("give the covariates to adjust for with --covariates COL,COL,…");
        }
        covariates = List.copyOf(covariates);
        Set<String> seen = new HashSet<>();
        for (String c : covariates) {
            if (!seen.add(c)) {
                throw new CeterisException("covariate '" + c + "' is given twice");
            }
            if (c.equals(treatment) || c.equals(outcome)) {
                throw new CeterisException("'" + c + "' cannot be both a covariate and the "
                        + (c.equals(treatment) ? "treatment" : "outcome"));
            }
        }
        if (treatment.equals(outcome)) {
            throw new CeterisException("the treatment and the outcome must be different columns");
        }
        method = method == null ? Method.MATCH : method;
        estimand = estimand == null ? (method == Method.MATCH ? Estimand.ATT : Estimand.ATE) : estimand;
        if (method == Method.MATCH && estimand == Estimand.ATE) {
            throw new CeterisException("matching estimates the effect on the treated only: use --estimand att, "
                    + "or --method ipw or aipw for the average effect (ate)");
        }
        if (ratio < 1) {
            throw new CeterisException("--ratio must be at least 1, got " + ratio);
        }
        if (!Double.isNaN(caliper) && !(caliper > 0)) {
            throw new CeterisException("--caliper must be a positive number of standard deviations, got " + caliper);
        }
        if (method != Method.MATCH && (ratio != 1 || replace || !Double.isNaN(caliper))) {
            throw new CeterisException("--ratio, --replace and --caliper apply to --method match only");
        }
        if (!(trim >= 0 && trim < 0.5)) {
            throw new CeterisException("--trim must be at least 0 and below 0.5 (e.g. 0.05), got " + trim);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new CeterisException("--alpha must be between 0 and 1 (exclusive), got " + alpha);
        }
        List<String> r = new ArrayList<>();
        for (String s : refuters == null ? List.<String>of() : refuters) {
            String name = s.strip();
            if (!REFUTERS.contains(name)) {
                throw new CeterisException("unknown refuter '" + name + "'; choose from " + String.join(", ", REFUTERS));
            }
            if (!r.contains(name)) {
                r.add(name);
            }
        }
        refuters = List.copyOf(r);
    }

    /** The estimator this spec asks for. */
    public EffectEstimator estimator() {
        switch (method) {
            case MATCH:
                return new MatchingEstimator(ratio, replace, caliper);
            case IPW:
                return new IpwEstimator();
            case AIPW:
                return new AipwEstimator();
            default:
                return new RegressionAdjustment();
        }
    }
}
