package org.ceteris.observational;

/**
 * A propensity model with its fitted scores.
 *
 * @param model              coefficients and convergence, as reported
 * @param scores             the estimated P(treated | covariates) of each unit
 * @param perfectlyPredicted units whose treatment the covariates predict with certainty
 *                           (fitted probability within 1e-8 of their own treatment): non-zero means
 *                           quasi-complete separation
 */
public record PropensityFit(PropensityModel model, double[] scores, int perfectlyPredicted) {

    public boolean separated() {
        return perfectlyPredicted > 0 && !model.converged();
    }
}
