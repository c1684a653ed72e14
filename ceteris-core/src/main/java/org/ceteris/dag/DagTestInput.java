package org.ceteris.dag;

import java.util.List;
import java.util.Objects;

/**
 * What the tests of a diagram's implications need from the data, computed by the engine: the
 * correlation matrix of the measured variables (numeric data), or one stratified contingency
 * table per implication (discrete data). Rows with a missing value are excluded in both.
 */
public sealed interface DagTestInput {

    /** Complete rows used. */
    long n();

    /** Pearson correlations among {@code variables} over {@code n} complete rows. */
    record Correlations(List<String> variables, long n, double[][] correlation) implements DagTestInput {
        public Correlations {
            variables = List.copyOf(variables);
            if (correlation.length != variables.size()) {
                throw new IllegalArgumentException("correlation matrix is " + correlation.length + " by " + correlation.length
                        + " for " + variables.size() + " variables");
            }
            double[][] copy = new double[correlation.length][];
            for (int i = 0; i < correlation.length; i++) {
                copy[i] = correlation[i].clone();
            }
            correlation = copy;
        }

        public int index(String variable) {
            int i = variables.indexOf(variable);
            if (i < 0) {
                throw new IllegalArgumentException("no correlations for " + variable);
            }
            return i;
        }
    }

    /** Counts of (stratum of the conditioning variables, x level, y level). */
    record Cell(String stratum, String x, String y, long count) {
        public Cell {
            Objects.requireNonNull(stratum, "stratum");
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
            if (count < 0) {
                throw new IllegalArgumentException("negative count");
            }
        }
    }

    /** One stratified table per implication, in the order of {@code implications}. */
    record Tables(long n, List<Implication> implications, List<List<Cell>> tables) implements DagTestInput {
        public Tables {
            implications = List.copyOf(implications);
            tables = tables.stream().map(List::copyOf).toList();
            if (implications.size() != tables.size()) {
                throw new IllegalArgumentException("one table per implication");
            }
        }
    }
}
