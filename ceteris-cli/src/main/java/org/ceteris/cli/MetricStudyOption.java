package org.ceteris.cli;

import org.ceteris.workspace.Workspace;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --workspace DIR --study NAME}: a study over raw logs, for the {@code metrics sql} and {@code metrics compute} commands. */
final class MetricStudyOption {

    @Mixin WorkspaceOption workspace;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "a study with exposures: and metrics:") String study;

    Workspace open() {
        return workspace.open();
    }

    String study() {
        return study;
    }
}
