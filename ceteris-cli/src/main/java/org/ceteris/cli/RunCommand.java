package org.ceteris.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.ceteris.studies.StudySpec;
import org.ceteris.workspace.StoredRun;
import org.ceteris.workspace.StudyEngine;
import org.ceteris.workspace.StudyRunner;
import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ceteris run}: runs the studies of ceteris.yaml and stores each result with its time. The
 * studies read their data on the engine ceteris.yaml names ({@code engine:}), or on the one
 * {@code --engine} names; the results always go to the workspace's DuckDB file.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the studies of a workspace's ceteris.yaml and store each result in its history.")
public final class RunCommand implements Callable<Integer> {

    @Mixin WorkspaceOption workspace;

    @Option(names = "--study", paramLabel = "NAME", description = "run only this study (default: all)") String study;

    @Mixin OutputOptions output;

    @Option(names = "--engine", paramLabel = "NAME",
            description = "where the studies read their data: duckdb or spark (default: engine: of ceteris.yaml, else duckdb)") String engine;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Spark master with the spark engine (default: spark_master: of ceteris.yaml, else local[*])") String sparkMaster;

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        WorkspaceConfig config = WorkspaceConfig.read(ws.config());
        List<StudySpec> studies = study == null ? config.studies() : List.of(config.study(study));
        StudyEngine where = config.engine().override(engine, sparkMaster);
        List<StoredRun> runs = StudyRunner.run(ws, where, studies, Version.current());
        return output.print(runs, runs.stream().map(r -> r.toJson(true)).toList(), RunCommand::render);
    }

    static String render(List<StoredRun> runs) {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        for (StoredRun r : runs) {
            sb.append(String.format("%s (%s): run %d stored at %s%n", r.study(), r.method(), r.runId(), r.runAt()));
            if (r.headline() != null) {
                sb.append("  ").append(HistoryCommand.headline(r.headline())).append(nl);
            }
            sb.append("  ").append(r.summary()).append(nl);
        }
        return sb.toString();
    }

}
