package org.ceteris.cli;

import java.nio.file.Path;
import org.ceteris.workspace.Workspace;
import picocli.CommandLine.Option;

/** {@code --workspace DIR}: the workspace a command works on (run, history, report, serve, sql, import). */
final class WorkspaceOption {

    @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "workspace folder") Path workspace;

    Path path() {
        return workspace;
    }

    Workspace open() {
        return Workspace.open(workspace);
    }
}
