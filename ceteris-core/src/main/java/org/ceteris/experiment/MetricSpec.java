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

    default String kind() {
        return this instanceof Ratio ? "ratio" : "mean";
    }

    default String covariate() {
        return this instanceof Mean m ? m.covariate() : null;
    }
}
