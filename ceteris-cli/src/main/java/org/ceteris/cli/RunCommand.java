package org.ceteris.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ceteris.studies.StudySpec;
import org.ceteris.workspace.StoredRun;
import org.ceteris.workspace.StudyEngine;
import org.ceteris.workspace.StudyRunner;
import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ceteris run}: runs the studies of ceteris.yaml and stores each result with its time. The
 * studies read their data on the engine ceteris.yaml names ({@code engine:}), or on the one
 * {@code --engine} names; the results always go to the workspace's DuckDB file.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the studies of a workspace's ceteris.yaml and store each result in its history.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "workspace folder")
    Path workspace;

    @Option(names = "--study", paramLabel = "NAME", description = "run only this study (default: all)")
    String study;

    @Option(names = "--json", description = "print the stored runs as one JSON document")
    boolean json;

    @Option(names = "--engine", paramLabel = "NAME",
            description = "where the studies read their data: duckdb or spark (default: engine: of ceteris.yaml, else duckdb)")
    String engine;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Spark master with the spark engine (default: spark_master: of ceteris.yaml, else local[*])")
    String sparkMaster;

    @Override
    public Integer call() {
        Workspace ws = Workspace.open(workspace);
        WorkspaceConfig config = WorkspaceConfig.read(ws.config());
        List<StudySpec> studies = study == null ? config.studies() : List.of(config.study(study));
        StudyEngine where = config.engine().override(engine, sparkMaster);
        List<StoredRun> runs = StudyRunner.run(ws, where, studies, Version.current());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, runs.stream().map(r -> r.toJson(true)).toList());
            return 0;
        }
        for (StoredRun r : runs) {
            out.printf("%s (%s): run %d stored at %s%n", r.study(), r.method(), r.runId(), r.runAt());
            if (r.headline() != null) {
                out.println("  " + HistoryCommand.headline(r.headline()));
            }
            out.println("  " + r.summary());
        }
        out.flush();
        return 0;
    }

}
