package org.ceteris.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ceteris.dag.DagImplicationsResult;
import org.ceteris.dag.Implication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ceteris dag implications}: the basis set of testable conditional independences. */
@Command(name = "implications", mixinStandardHelpOptions = true,
        description = "The testable implications: one conditional independence per non-adjacent pair.")
public final class DagImplicationsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dag", required = true, paramLabel = "DAG|@FILE", description = "the DAG in DAGitty syntax, or @FILE")
    String dag;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() {
        DagImplicationsResult r = DagImplicationsResult.of(DagCommand.read(dag));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, r);
            return 0;
        }
        StringBuilder sb = new StringBuilder();
        for (Implication i : r.implications()) {
            sb.append(i.text()).append('\n');
        }
        sb.append('\n');
        DagCommand.diagnostics(sb, r.diagnostics());
        out.print(sb.append(r.summary()).append('\n'));
        out.flush();
        return 0;
    }
}
