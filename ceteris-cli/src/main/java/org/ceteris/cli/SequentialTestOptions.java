package org.ceteris.cli;

import org.ceteris.sequential.Direction;
import org.ceteris.sequential.SequentialTest;
import picocli.CommandLine.Option;

/**
 * The flags of the sequential test itself, shared by {@code ceteris sequential} (on data) and
 * {@code ceteris simulate-sequential} (on simulated experiments), so both read them alike.
 */
final class SequentialTestOptions {

    @Option(names = "--method", defaultValue = "cs", paramLabel = "cs|msprt", description = "confidence sequence (default) or mSPRT") String method;

    @Option(names = "--tuning", defaultValue = "5000", paramLabel = "N",
            description = "N*: total units at which the test is tightest (default ${DEFAULT-VALUE})") double tuning;

    @Option(names = "--alpha", defaultValue = "0.05", description = "error rate of the whole test (default ${DEFAULT-VALUE})") double alpha;

    @Option(names = "--direction", defaultValue = "higher", paramLabel = "higher|lower",
            description = "which way is better (default ${DEFAULT-VALUE})") String direction;

    @Option(names = "--demote", description = "take variants proven worse than another out of the test") boolean demote;

    SequentialTest.Method method() {
        return SequentialTest.Method.parse(method);
    }

    Direction direction() {
        return Direction.parse(direction);
    }
}
