package org.ceteris.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ceteris.workspace.WorkspaceMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ceteris metrics compute}: a study's per-unit table, to check the numbers by hand. */
@Command(name = "compute", mixinStandardHelpOptions = true,
        description = "Write one row per unit of a study over raw logs: variant, slices, every metric and its CUPED covariate.")
public final class MetricsComputeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin MetricStudyOption study;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "FILE.parquet or FILE.csv (replaced whole, or left as it was)")
    Path outFile;

    @Override
    public Integer call() {
        long units = WorkspaceMetrics.compute(study.open(), study.study(), outFile);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%,d units written to %s%n", units, outFile);
        out.flush();
        return 0;
    }
}
