package org.ceteris.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ceteris.dag.DSeparationResult;
import org.ceteris.dag.Dag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ceteris dag dsep}: are two nodes d-separated given others? */
@Command(name = "dsep", mixinStandardHelpOptions = true, description = "Is X d-separated from Y given the --given nodes?")
public final class DagDsepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dag", required = true, paramLabel = "DAG|@FILE", description = "the DAG in DAGitty syntax, or @FILE")
    String dag;

    @Option(names = "--x", required = true, paramLabel = "NODE", description = "first node")
    String x;

    @Option(names = "--y", required = true, paramLabel = "NODE", description = "second node")
    String y;

    @Option(names = "--given", split = ",", paramLabel = "NODE,…", description = "nodes conditioned on")
    List<String> given = new ArrayList<>();

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() {
        Dag d = DagCommand.read(dag);
        DSeparationResult r = DSeparationResult.of(d, x, y, given.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, r);
        } else {
            out.println(r.x() + (r.separated() ? " ⊥ " : " not ⊥ ") + r.y()
                    + (r.given().isEmpty() ? "" : " | " + String.join(", ", r.given())));
            out.println();
            out.println(r.summary());
            out.flush();
        }
        return 0;
    }
}
