package org.ceteris.cli;

import picocli.CommandLine.Option;

/** {@code --unit COL}: the unit of randomisation, when the data hold several rows per unit (ab, interactions). */
final class UnitOption {

    @Option(names = "--unit", paramLabel = "COL", description = "unit column: rows are summed per unit first") String unit;
}
