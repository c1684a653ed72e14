package org.ceteris.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ceteris.dag.DSeparationResult;
import org.ceteris.dag.Dag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ceteris dag dsep}: are two nodes d-separated given others? */
@Command(name = "dsep", mixinStandardHelpOptions = true, description = "Is X d-separated from Y given the --given nodes?")
public final class DagDsepCommand implements Callable<Integer> {

    @Mixin DagOption dag;

    @Option(names = "--x", required = true, paramLabel = "NODE", description = "first node") String x;

    @Option(names = "--y", required = true, paramLabel = "NODE", description = "second node") String y;

    @Option(names = "--given", split = ",", paramLabel = "NODE,…", description = "nodes conditioned on") List<String> given = new ArrayList<>();

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        Dag d = dag.read();
        DSeparationResult r = DSeparationResult.of(d, x, y, given.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        return output.print(r, DagDsepCommand::render);
    }

    static String render(DSeparationResult r) {
        return r.x() + (r.separated() ? " ⊥ " : " not ⊥ ") + r.y() + (r.given().isEmpty() ? "" : " | " + String.join(", ", r.given()))
                + System.lineSeparator() + System.lineSeparator() + r.summary() + System.lineSeparator();
    }
}
