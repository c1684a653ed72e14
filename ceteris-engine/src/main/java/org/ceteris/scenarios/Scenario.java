package org.ceteris.scenarios;

import org.ceteris.engine.DuckDbEngine;

/**
 * A built-in case of a streaming service's data science team, with realistic generated tables and
 * the ground truth they were generated from. Seeded: the same seed writes the same rows.
 */
public interface Scenario {

    /** Short name used on the command line, e.g. {@code billboard}. */
    String name();

    /** One sentence: the business question. */
    String question();

    /** Writes the scenario's tables (replacing them) and returns the truth behind them. */
    GroundTruth generate(DuckDbEngine engine, long seed);
}
