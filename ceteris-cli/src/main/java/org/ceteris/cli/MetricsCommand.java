package org.ceteris.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ceteris metrics}: the metric definitions of a workspace, the SQL they run and their per-unit values. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Metrics defined once over raw exposure and event logs: list them, show their SQL, compute their per-unit table.",
        subcommands = {MetricsListCommand.class, MetricsSqlCommand.class, MetricsComputeCommand.class})
public final class MetricsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
