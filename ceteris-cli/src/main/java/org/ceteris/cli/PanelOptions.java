package org.ceteris.cli;

import picocli.CommandLine.Option;

/** The columns of a panel, one row per unit and period: shared by {@code did} and {@code synth}. */
final class PanelOptions {

    @Option(names = "--unit", required = true, paramLabel = "COL", description = "unit column (region, city, user …)") String unit;

    @Option(names = "--time", required = true, paramLabel = "COL", description = "period column (year, week number …, or a DATE/TIMESTAMP column)") String time;

    @Option(names = "--outcome", required = true, paramLabel = "COL", description = "outcome column") String outcome;
}
