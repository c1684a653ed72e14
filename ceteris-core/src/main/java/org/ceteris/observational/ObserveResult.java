package org.ceteris.observational;

import java.util.List;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;

/**
 * The result of {@code ceteris observe}: the effect estimate with its interval, the propensity
 * model, covariate balance, overlap, refutations, diagnostics and a plain-language verdict.
 *
 * @param estimator       match, ipw, aipw or regression
 * @param estimand        att or ate
 * @param nTreated        treated units analysed (after dropping missing values and trimming)
 * @param nControl        untreated units analysed
 * @param nMatchedControl distinct untreated units used by matching; null for other estimators
 */
public record ObserveResult(
        String method,
        String estimator,
        String estimand,
        double estimate,
        double se,
        double ciLow,
        double ciHigh,
        double pValue,
        int nTreated,
        int nControl,
        Integer nMatchedControl,
        PropensityModel propensity,
        List<BalanceRow> balance,
        Overlap overlap,
        List<Refutation> refutations,
        List<Diagnostic> diagnostics,
        String summary) implements CeterisResult {

    public static final String METHOD = "observe";

    public ObserveResult {
        if (!METHOD.equals(method)) {
            throw new IllegalArgumentException("method must be " + METHOD);
        }
        if (nTreated < 0 || nControl < 0) {
            throw new IllegalArgumentException("negative counts");
        }
        balance = List.copyOf(balance);
        refutations = List.copyOf(refutations);
        diagnostics = List.copyOf(diagnostics);
    }
}
