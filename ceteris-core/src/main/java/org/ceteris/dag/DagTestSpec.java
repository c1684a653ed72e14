package org.ceteris.dag;

import java.util.Objects;
import org.ceteris.CeterisException;
import org.ceteris.stats.MultipleTesting;

/**
 * What {@code ceteris dag test} is asked: the diagram, the level, the multiple-testing correction,
 * and the test ({@code null}: chosen from the data — chi-squared when every variable is discrete).
 */
public record DagTestSpec(Dag dag, double alpha, MultipleTesting.Correction correction, IndependenceTest test) {

    public DagTestSpec {
        Objects.requireNonNull(dag, "dag");
        correction = correction == null ? MultipleTesting.Correction.HOLM : correction;
        if (!(alpha > 0 && alpha < 1)) {
            throw new CeterisException("--alpha must be between 0 and 1, got " + alpha);
        }
    }
}
