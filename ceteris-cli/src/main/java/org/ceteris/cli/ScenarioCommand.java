package org.ceteris.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.json.Json;
import org.ceteris.scenarios.GroundTruth;
import org.ceteris.scenarios.Scenario;
import org.ceteris.scenarios.Scenarios;
import org.ceteris.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ceteris scenario list|generate}: the built-in scenarios with known ground truth. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Built-in scenarios of a streaming service, with generated data and known ground truth.",
        subcommands = {ScenarioCommand.ListScenarios.class, ScenarioCommand.Generate.class})
public final class ScenarioCommand extends GroupCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the scenarios.")
    static final class ListScenarios extends ListCommand {
        @Override
        TextTable table() {
            TextTable t = new TextTable(java.util.List.of("scenario", "question"));
            for (Scenario s : Scenarios.all()) {
                t.row(java.util.List.of(s.name(), s.question()));
            }
            return t;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write a scenario's tables into a workspace, and its ground truth to ground_truth_NAME.json.")
    static final class Generate implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "workspace folder (created if absent)") Path out;

        @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})") long seed;

        @Override
        public Integer call() {
            Scenario s = Scenarios.get(name);
            Workspace ws = Workspace.openOrCreate(out);
            GroundTruth truth;
            try (DuckDbEngine engine = ws.engine(false)) {
                truth = s.generate(engine, seed);
            }
            Path file = ws.dir().resolve("ground_truth_" + s.name() + ".json");
            try {
                Files.writeString(file, Json.write(truth) + "\n");
            } catch (IOException e) {
                throw new CeterisException("cannot write " + file + ": " + e.getMessage(), e);
            }
            PrintWriter pw = spec.commandLine().getOut();
            pw.printf("wrote scenario %s (seed %d) into %s: tables %s; ground truth in %s%n", s.name(), seed, ws.dir(),
                    String.join(", ", truth.tables()), file.getFileName());
            pw.flush();
            return 0;
        }
    }
}
