package org.ceteris.cli;

import org.ceteris.sequential.LookSchedule;
import org.ceteris.sequential.SequentialSpec;
import picocli.CommandLine.Option;

/** When {@code ceteris sequential} looks at the data: a number of looks cut by time or by units, or a look every few days. */
final class LookOptions {

    @Option(names = "--looks", paramLabel = "N", description = "number of looks, cut at equal spans of time (or see --cuts)") Integer looks;

    @Option(names = "--cuts", paramLabel = "time|count",
            description = "with --looks: equal spans of time (default) or equal numbers of units") String cuts;

    @Option(names = "--every", paramLabel = "DAYS", description = "a look every DAYS days from the first arrival (default 1)") Double every;

    LookSchedule schedule() {
        return SequentialSpec.schedule(looks, every, cuts);
    }
}
