package org.ceteris.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ceteris.CeterisException;
import org.ceteris.labs.Grade;
import org.ceteris.labs.Lab;
import org.ceteris.labs.LabWorkspace;
import org.ceteris.labs.Labs;
import org.ceteris.labs.Question;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ceteris lab list|start|check}: practice labs with known ground truth. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Practice labs: the classic cases of experimentation and causal inference, graded against the truth.",
        subcommands = {LabCommand.ListLabs.class, LabCommand.Start.class, LabCommand.Check.class})
public final class LabCommand extends GroupCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the labs.")
    static final class ListLabs extends ListCommand {
        @Override
        TextTable table() {
            TextTable t = new TextTable(List.of("lab", "questions", "title"));
            for (Lab lab : Labs.all()) {
                t.row(List.of(lab.name(), Integer.toString(lab.questions().size()), lab.title()));
            }
            return t;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Write a lab's data, brief and answer template.")
    static final class Start implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin LabOptions lab;

        @Option(names = "--seed", paramLabel = "S", description = "seed of the lab's data (default: the lab's own)") Long seed;

        @Override
        public Integer call() {
            Lab lab = this.lab.lab();
            Path dir = this.lab.dir;
            LabWorkspace.start(lab, dir, seed == null ? lab.seed() : seed);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Lab '%s' is ready in %s: read %s, answer in %s, then run `ceteris lab check %s --dir %s`.%n",
                    lab.name(), dir, LabWorkspace.BRIEF, LabWorkspace.ANSWERS, lab.name(), dir);
            out.flush();
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Grade answers.yaml and show the model solution.")
    static final class Check implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin LabOptions lab;

        @Option(names = "--no-solution", description = "do not show the model solution") boolean noSolution;

        @Override
        public Integer call() {
            Lab lab = this.lab.lab();
            Path dir = this.lab.dir;
            Map.Entry<Lab, Long> started = LabWorkspace.identify(dir);
            if (!started.getKey().name().equals(lab.name())) {
                throw new CeterisException(dir + " holds lab '" + started.getKey().name() + "', not '" + lab.name() + "'");
            }
            List<Grade> grades = LabWorkspace.check(lab, dir, started.getValue());
            PrintWriter out = spec.commandLine().getOut();
            double total = 0;
            for (Grade g : grades) {
                total += g.points();
                out.printf(Locale.ROOT, "%s %-16s %-8s %s%n", g.full() ? "[ok]" : g.points() > 0 ? "[~ ]" : "[  ]",
                        g.question(), g.kind(), g.feedback());
            }
            out.printf(Locale.ROOT, "%nScore: %.1f / %d%n", total, grades.size());
            if (!noSolution) {
                out.println();
                out.println("Model solution:");
                for (Question q : lab.questions()) {
                    out.println("  " + q.id() + ": " + solution(q, dir));
                }
            }
            out.flush();
            return 0;
        }

        private static String solution(Question q, Path dir) {
            if (q instanceof Question.Sql s) {
                return s.reference();
            }
            if (q instanceof Question.Choice c) {
                return c.correct() + " — " + c.options().get(c.correct());
            }
            if (q instanceof Question.SetAnswer s) {
                return s.correct() + " — " + s.explanation();
            }
            Question.Estimate e = (Question.Estimate) q;
            try {
                double[] v = LabWorkspace.solve(e, dir);
                return String.format(Locale.ROOT, "%s  →  estimate %.4g (95%% CI %s)", e.solution().command().replace("DIR", dir.toString()), v[0],
                        Double.isNaN(v[1]) ? "n/a" : String.format(Locale.ROOT, "%.4g to %.4g", v[1], v[2]));
            } catch (CeterisException ex) {
                return e.solution().command().replace("DIR", dir.toString()) + "  (" + ex.getMessage() + ")";
            }
        }
    }
}
