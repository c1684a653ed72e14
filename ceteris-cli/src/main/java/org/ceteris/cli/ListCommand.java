package org.ceteris.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A {@code list} subcommand ({@code ceteris lab list}, {@code scenario list}): prints one table. */
abstract class ListCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    abstract TextTable table();

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(table().render());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
