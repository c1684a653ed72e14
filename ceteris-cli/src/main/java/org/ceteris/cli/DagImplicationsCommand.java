package org.ceteris.cli;

import java.util.concurrent.Callable;
import org.ceteris.dag.DagImplicationsResult;
import org.ceteris.dag.Implication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ceteris dag implications}: the basis set of testable conditional independences. */
@Command(name = "implications", mixinStandardHelpOptions = true,
        description = "The testable implications: one conditional independence per non-adjacent pair.")
public final class DagImplicationsCommand implements Callable<Integer> {

    @Mixin DagOption dag;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        DagImplicationsResult r = DagImplicationsResult.of(dag.read());
        return output.print(r, DagImplicationsCommand::render);
    }

    static String render(DagImplicationsResult r) {
        StringBuilder sb = new StringBuilder();
        for (Implication i : r.implications()) {
            sb.append(i.text()).append('\n');
        }
        sb.append('\n');
        DagCommand.diagnostics(sb, r.diagnostics());
        return sb.append(r.summary()).append('\n').toString();
    }
}
