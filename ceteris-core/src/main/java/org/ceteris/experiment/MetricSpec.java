package org.ceteris.experiment;

/** A metric of an A/B/n scorecard: a mean (optionally CUPED-adjusted) or a ratio of two sums. */
public sealed interface MetricSpec {

    /** The name shown in results. */
    String name();

    /** A per-unit mean; a 0/1 column is a proportion. {@code covariate} is null without CUPED. */
    record Mean(String name, String column, String covariate) implements MetricSpec {
        public Mean {
            java.util.Objects.requireNonNull(name);
            java.util.Objects.requireNonNull(column);
        }
    }

    /** ΣM/ΣD, for example minutes per session. */
    record Ratio(String name, String numerator, String denominator) implements MetricSpec {
        public Ratio {
            java.util.Objects.requireNonNull(name);
            java.util.Objects.requireNonNull(numerator);
            java.util.Objects.requireNonNull(denominator);
        }
    }

    /**
     * The q-quantile of a column's per-unit values (per row without a unit column), e.g. the 90th
     * percentile of play delay. The entry point for quantile metric definitions ({@code quantile: Q} in
     * the metric layer): build this record and the scorecard does the rest.
     */
    record Quantile(String name, String column, double q) implements MetricSpec {
        public Quantile {
            java.util.Objects.requireNonNull(name);
            java.util.Objects.requireNonNull(column);
            org.ceteris.experiment.quantile.QuantileTest.requireLevel(q, "quantile level of " + name);
        }

        /** The default name of the q-quantile of {@code column}: {@code column_p90}, {@code column_p99_9}. */
        public static String defaultName(String column, double q) {
            String pct = new java.math.BigDecimal(q * 100).round(new java.math.MathContext(10)).stripTrailingZeros()
                    .toPlainString().replace('.', '_');
            return column + "_p" + pct;
        }
    }

    default String kind() {
        return this instanceof Ratio ? "ratio" : this instanceof Quantile ? "quantile" : "mean";
    }

    default String covariate() {
        return this instanceof Mean m ? m.covariate() : null;
    }
}
