package org.ceteris.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ceteris.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ceteris import}: load CSV or Parquet files into a workspace table. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import CSV or Parquet files into a workspace table (the workspace is created if absent).")
public final class ImportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin WorkspaceOption workspace;

    @Option(names = "--table", required = true, paramLabel = "T") String table;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV or Parquet files (same columns)") List<Path> files;

    @Override
    public Integer call() {
        Workspace.ImportResult r = Workspace.importInto(workspace.path(), table, files);
        spec.commandLine().getOut().printf("imported %,d rows, %d columns from %d file(s) into table %s of %s%n",
                r.rows(), r.columns(), r.files(), r.table(), workspace.path());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
