package org.ceteris.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.json.Json;
import org.ceteris.scenarios.DemoStudies;
import org.ceteris.scenarios.GroundTruth;
import org.ceteris.scenarios.Scenario;
import org.ceteris.scenarios.Scenarios;
import org.ceteris.server.CeterisServer;
import org.ceteris.server.ServerOptions;
import org.ceteris.studies.StudySpec;
import org.ceteris.workspace.StoredRun;
import org.ceteris.workspace.StudyRunner;
import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ceteris demo}: the everyday cases of a streaming service's data science team, each with
 * generated data and a known truth, analysed, explained and served on the dashboard.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate every built-in scenario into one workspace, run a study for each, and serve the dashboard.")
public final class DemoCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--dir", defaultValue = "demo-workspace", paramLabel = "DIR",
            description = "workspace folder (default ${DEFAULT-VALUE})") Path dir;

    @Option(names = "--port", defaultValue = "7070", paramLabel = "P",
            description = "dashboard port (default ${DEFAULT-VALUE}; 0 for any free port)") int port;

    @Option(names = "--no-serve", description = "stop after the studies have run (do not start the dashboard)") boolean noServe;

    @Option(names = "--seed", defaultValue = "20261127", description = "random seed of the generated data (default ${DEFAULT-VALUE})") long seed;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Workspace ws = Workspace.openOrCreate(dir);
        List<Scenario> scenarios = Scenarios.all();
        List<DemoStudies.Entry> studies = DemoStudies.available();
        out.println("Ceteris demo: " + scenarios.size() + " cases of a streaming service's data science team, with generated "
                + "data whose true effects are known (workspace " + ws.dir() + ").");
        out.flush();
        List<GroundTruth> truths = new ArrayList<>();
        List<StoredRun> runs = new ArrayList<>();
        try (ProgressBar bar = progressBar(scenarios.size() + studies.size())) {
            try (DuckDbEngine engine = ws.engine(false)) {
                for (Scenario s : scenarios) {
                    step(bar, out, "generating " + s.name());
                    truths.add(s.generate(engine, seed));
                }
            }
            writeTruths(ws, truths);
            writeConfig(ws, studies);
            WorkspaceConfig config = WorkspaceConfig.read(ws.config());
            for (DemoStudies.Entry e : studies) {
                step(bar, out, "running " + e.name());
                StudySpec study = config.study(e.name());
                runs.addAll(StudyRunner.run(ws, List.of(study), Version.current()));
            }
            step(bar, out, "done");
        }
        out.println();
        for (StoredRun r : runs) {
            DemoStudies.Entry e = studies.stream().filter(x -> x.name().equals(r.study())).findFirst().orElseThrow();
            out.printf(Locale.ROOT, "%s (%s) — %s%n  %s%n  Truth: %s%n%n", r.study(), r.method(), e.question(), r.summary(), e.truth());
        }
        out.println("Next: ceteris history --workspace " + dir + "   |   ceteris lab list   |   ceteris advise");
        out.flush();
        if (noServe) {
            return 0;
        }
        CeterisServer server = CeterisServer.start(ws, ServerOptions.defaults(Version.current()).withAddress(ServerOptions.DEFAULT_HOST, port, null));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        out.println("Dashboard: " + server.url() + "  (Ctrl-C stops)");
        out.flush();
        stopped.await();
        return 0;
    }

    private static ProgressBar progressBar(int steps) {
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName("demo").setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII).hideEta().continuousUpdate();
        if (System.console() == null) {
            b.setConsumer(new ConsoleProgressBarConsumer(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
        } else {
            b.setConsumer(new ConsoleProgressBarConsumer(System.err));
        }
        return b.build();
    }

    private void step(ProgressBar bar, PrintWriter out, String what) {
        if (bar.getCurrent() > 0 || !what.startsWith("generating")) {
            bar.step();
        }
        bar.setExtraMessage(what);
        if (System.console() == null) {
            out.println("  " + what);
            out.flush();
        }
    }

    private static void writeTruths(Workspace ws, List<GroundTruth> truths) {
        for (GroundTruth t : truths) {
            Path file = ws.dir().resolve("ground_truth_" + t.scenario() + ".json");
            try {
                Files.writeString(file, Json.write(t) + "\n");
            } catch (IOException e) {
                throw new CeterisException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static void writeConfig(Workspace ws, List<DemoStudies.Entry> studies) {
        try {
            Path tmp = Files.createTempFile(ws.dir(), ".ceteris", ".yaml");
            Files.writeString(tmp, DemoStudies.yaml(studies));
            Files.move(tmp, ws.config(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CeterisException("cannot write " + ws.config() + ": " + e.getMessage(), e);
        }
    }
}
