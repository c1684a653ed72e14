package org.ceteris.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ceteris.metrics.MetricSql;
import org.ceteris.workspace.WorkspaceMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ceteris metrics sql}: the SQL a study over raw logs runs, one statement per source. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Print the SQL a study runs over its logs: first exposures, one scan per source, the per-unit table.")
public final class MetricsSqlCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin MetricStudyOption study;

    @Override
    public Integer call() {
        StringBuilder sb = new StringBuilder();
        for (MetricSql.Statement s : WorkspaceMetrics.sql(study.open(), study.study())) {
            sb.append("-- ").append(s.comment()).append('\n').append("CREATE TEMPORARY TABLE ").append(s.table()).append(" AS\n")
                    .append(s.sql()).append(";\n\n");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(sb);
        out.flush();
        return 0;
    }
}
