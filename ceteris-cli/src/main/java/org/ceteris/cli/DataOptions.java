package org.ceteris.cli;

import java.nio.file.Path;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Source;
import org.ceteris.workspace.Workspace;
import picocli.CommandLine.Option;

/**
 * The data flags every method command shares: {@code --data FILE} or
 * {@code --workspace W (--table T | --sql "…")}.
 */
public final class DataOptions {

    @Option(names = "--data", paramLabel = "FILE", description = "CSV or Parquet file to analyse")
    Path data;

    @Option(names = "--workspace", paramLabel = "DIR", description = "workspace folder (with --table or --sql)")
    Path workspace;

    @Option(names = "--table", paramLabel = "T", description = "table of the workspace")
    String table;

    @Option(names = "--sql", paramLabel = "QUERY", description = "SELECT query over the workspace (or over --data as table `data`)")
    String sql;

    /** An open engine and the source to read, checked for a consistent combination of flags. */
    public Opened open() {
        if (data != null && workspace != null) {
            throw new CeterisException("give either --data or --workspace, not both");
        }
        if (data != null) {
            if (table != null) {
                throw new CeterisException("--table goes with --workspace, not with --data");
            }
            Source.File file = new Source.File(data);
            DuckDbEngine engine = DuckDbEngine.inMemory();
            if (sql != null) {
                engine.execute("CREATE VIEW data AS SELECT * FROM " + engine.relation(file));
                return new Opened(engine, new Source.Query(sql));
            }
            return new Opened(engine, file);
        }
        if (workspace != null) {
            if ((table == null) == (sql == null)) {
                throw new CeterisException("with --workspace give exactly one of --table or --sql");
            }
            Workspace ws = Workspace.open(workspace);
            // the source first: a bad table name must not leave the workspace's database open
            Source source = table != null ? new Source.Table(table) : new Source.Query(sql);
            return new Opened(ws.engine(true), source);
        }
        throw new CeterisException("say where the data is: --data FILE, or --workspace DIR with --table or --sql");
    }

    /** An engine to close after use, and what to read with it. */
    public record Opened(Engine engine, Source source) implements AutoCloseable {
        @Override
        public void close() {
            engine.close();
        }
    }
}
