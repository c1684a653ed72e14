package org.ceteris.cli;

import org.ceteris.dag.Dag;
import picocli.CommandLine.Option;

/** {@code --dag}: the causal diagram every {@code ceteris dag} subcommand reads, as text or {@code @FILE}. */
final class DagOption {

    @Option(names = "--dag", required = true, paramLabel = "DAG|@FILE", description = "the DAG in DAGitty syntax, or @FILE") String dag;

    Dag read() {
        return DagCommand.read(dag);
    }
}
