package org.ceteris.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ceteris.server.CeterisServer;
import org.ceteris.server.ServerOptions;
import org.ceteris.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ceteris serve}: the dashboard and HTTP API of a workspace, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a workspace's dashboard and HTTP API (127.0.0.1 only unless --token is given).")
public final class ServeCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin WorkspaceOption workspace;

    @Option(names = "--host", defaultValue = ServerOptions.DEFAULT_HOST, description = "interface to bind (default ${DEFAULT-VALUE})") String host;

    @Option(names = "--port", defaultValue = "7070", description = "TCP port (default ${DEFAULT-VALUE}; 0 for any free port)") int port;

    @Option(names = "--token", paramLabel = "T",
            description = "require 'Authorization: Bearer T' on every API call (needed off 127.0.0.1)") String token;

    @Option(names = "--duckdb-memory", defaultValue = ServerOptions.DEFAULT_DUCKDB_MEMORY, paramLabel = "SIZE",
            description = "DuckDB memory_limit of each database connection the server opens (default ${DEFAULT-VALUE})") String duckdbMemory;

    @Option(names = "--duckdb-threads", paramLabel = "N",
            description = "DuckDB threads per connection (default: one per core)") Integer duckdbThreads;

    @Override
    public Integer call() throws InterruptedException {
        ServerOptions defaults = ServerOptions.defaults(Version.current());
        ServerOptions options = defaults.withAddress(host, port, token)
                .withDuckDb(duckdbMemory, duckdbThreads == null ? defaults.duckdbThreads() : duckdbThreads);
        Workspace ws = workspace.open();
        CountDownLatch stopped = new CountDownLatch(1);
        CeterisServer server = CeterisServer.start(ws, options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().println("Ceteris dashboard: " + server.url() + (token == null ? "" : "?token=…")
                + "  (workspace " + ws.dir() + "; Ctrl-C stops)");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
