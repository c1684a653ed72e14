package org.ceteris.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ceteris.CeterisException;
import org.ceteris.dag.Dag;
import org.ceteris.result.Diagnostic;
import picocli.CommandLine.Command;

/**
 * {@code ceteris dag}: causal diagrams in DAGitty syntax — what to adjust for, d-separation, the
 * testable implications, their test against data, and drawing.
 */
@Command(name = "dag", mixinStandardHelpOptions = true,
        description = "Causal DAGs (DAGitty syntax): adjustment sets, d-separation, testable implications, tests, drawing.",
        subcommands = {DagAdjustCommand.class, DagDsepCommand.class, DagImplicationsCommand.class, DagTestCommand.class,
                DagDrawCommand.class})
public final class DagCommand extends GroupCommand {

    /** The diagram of {@code --dag}: DAGitty text, or {@code @FILE} to read it from a file. */
    static Dag read(String dag) {
        if (dag == null || dag.isBlank()) {
            throw new CeterisException("--dag is empty: give the DAG in DAGitty syntax, or @FILE");
        }
        String text = dag;
        if (dag.startsWith("@")) {
            Path p = Path.of(dag.substring(1));
            if (!Files.isRegularFile(p)) {
                throw new CeterisException("DAG file not found: " + p);
            }
            try {
                text = Files.readString(p);
            } catch (IOException e) {
                throw new CeterisException("cannot read DAG file " + p + ": " + e.getMessage());
            }
        }
        return Dag.parse(text);
    }

    static void diagnostics(StringBuilder sb, java.util.List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            sb.append(d.severity().label().toUpperCase(Locale.ROOT)).append(' ').append(d.code()).append(": ")
                    .append(d.message()).append('\n');
        }
        if (!diagnostics.isEmpty()) {
            sb.append('\n');
        }
    }
}
