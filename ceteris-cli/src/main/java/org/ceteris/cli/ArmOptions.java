package org.ceteris.cli;

import picocli.CommandLine.Option;

/** Which column holds the variant and which variant is the control: shared by {@code ab} and {@code sequential}. */
final class ArmOptions {

    @Option(names = "--variant", required = true, paramLabel = "COL", description = "column holding the variant of each unit or row") String variant;

    @Option(names = "--control", paramLabel = "NAME",
            description = "control variant (default: 'control', else the first in sort order)") String control;
}
