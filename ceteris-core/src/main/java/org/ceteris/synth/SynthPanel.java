package org.ceteris.synth;

import java.util.List;

/**
 * The compact panel the engine returns for synthetic control: every unit's outcome at every time
 * (balanced, checked by the engine), each predictor already aggregated per unit, and unit traits.
 *
 * @param units      unit names in sort order
 * @param times      the times in increasing order
 * @param outcome    outcome[u][t] for unit u at times[t]
 * @param predictors predictors[p][u]: predictor p (in the spec's order) of unit u
 * @param traits     traits[c][u]: trait column c (in the spec's order) of unit u, averaged over the pre-period
 * @param training   training-stage predictors [p][u] (ADH 2015 cross-validation), or an empty array
 */
public record SynthPanel(List<String> units, double[] times, double[][] outcome, double[][] predictors, double[][] traits,
        double[][] training) {

    /** A panel without training-stage predictors. */
    public SynthPanel(List<String> units, double[] times, double[][] outcome, double[][] predictors, double[][] traits) {
        this(units, times, outcome, predictors, traits, null);
    }

    public SynthPanel {
        units = List.copyOf(units);
        if (outcome.length != units.size()) {
            throw new IllegalArgumentException("outcome rows " + outcome.length + " != units " + units.size());
        }
        for (double[] row : outcome) {
            if (row.length != times.length) {
                throw new IllegalArgumentException("outcome row length != times");
            }
        }
        for (double[] p : predictors) {
            if (p.length != units.size()) {
                throw new IllegalArgumentException("predictor length != units");
            }
        }
        traits = traits == null ? new double[0][] : traits;
        training = training == null ? new double[0][] : training;
    }

    public int unitIndex(String name) {
        return units.indexOf(name);
    }
}
