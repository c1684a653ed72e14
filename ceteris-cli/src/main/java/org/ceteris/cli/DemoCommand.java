package org.ceteris.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import org.ceteris.experiment.AbResult;
import org.ceteris.experiment.AbSpecBuilder;
import org.ceteris.scenarios.HomeRowScenario;
import org.ceteris.studies.AbStudy;
import org.ceteris.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ceteris demo}: generates an example home-page experiment into a workspace and prints its
 * scorecard. (The full demo with every scenario and the dashboard builds on this.)
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate an example experiment into a workspace and analyse it.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", defaultValue = "demo-workspace", paramLabel = "DIR", description = "workspace folder (default ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--seed", defaultValue = "20261127", description = "random seed of the generated data")
    long seed;

    @Option(names = "--json", description = "print the scorecard as JSON")
    boolean json;

    @Override
    public Integer call() {
        Workspace ws = Workspace.openOrCreate(dir);
        AbResult result;
        try (DuckDbEngine engine = ws.engine(false)) {
            new HomeRowScenario().generate(engine, seed);
            result = AbStudy.run(engine, new Source.Table(HomeRowScenario.TABLE), new AbSpecBuilder()
                    .variant("variant").metric("watch_minutes").covariate("watch_minutes=pre_minutes")
                    .metric("returned").ratio("minutes_per_session=watch_minutes/sessions").build());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, result);
            return 0;
        }
        out.println("Example: a home-page row-ranking test with three variants, 45,000 members (workspace " + ws.dir() + ").");
        out.println("The data are generated: 'personalised' truly raises watch minutes (and minutes per session) by "
                + Math.round(HomeRowScenario.PERSONALISED_LIFT * 100) + "%, 'ranked' changes nothing.");
        out.println();
        out.print(AbCommand.render(result));
        out.println();
        out.println("Next: ceteris sql --workspace " + dir + " \"SELECT variant, count(*) FROM home_row GROUP BY 1\"");
        out.println("      ceteris ab --workspace " + dir + " --table home_row --variant variant --metric watch_minutes --json");
        out.flush();
        return 0;
    }
}
