package org.ceteris.observational;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fitted propensity model as reported: coefficients on the original scale of the covariates
 * (intercept first, named {@code (intercept)}), whether Newton's method converged, and how many
 * Newton steps it took.
 */
public record PropensityModel(Map<String, Double> coefficients, boolean converged, int iterations) {

    public PropensityModel {
        coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations < 0");
        }
    }
}
