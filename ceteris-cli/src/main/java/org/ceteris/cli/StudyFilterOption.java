package org.ceteris.cli;

import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;
import picocli.CommandLine.Option;

/** {@code --study NAME}: only this study's history or events; an unknown name is an error listing the studies. */
final class StudyFilterOption {

    @Option(names = "--study", paramLabel = "NAME", description = "only this study (default: every study)") String study;

    /** The study name, checked against the workspace's ceteris.yaml; null for every study. */
    String checkedIn(Workspace ws) {
        if (study != null) {
            WorkspaceConfig.read(ws.config()).study(study);
        }
        return study;
    }
}
