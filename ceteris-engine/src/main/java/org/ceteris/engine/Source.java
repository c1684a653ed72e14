package org.ceteris.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ceteris.CeterisException;

/**
 * Where a method reads its data: a CSV or Parquet file, a table of the workspace, or a SQL query
 * over the workspace.
 */
public sealed interface Source {

    /** The FROM-clause expression that reads this source. */
    String relation(Dialect dialect);

    /** How to name this source in a message. */
    String describe();

    /**
     * The error to show when the engine failed while reading this source: for a file, one line
     * that names the file and keeps the engine's reason without its error class; else {@code e}.
     */
    default CeterisException readError(CeterisException e) {
        return e;
    }

    record File(Path path) implements Source {
        public File {
            if (!Files.isRegularFile(path)) {
                throw new CeterisException("file not found: " + path);
            }
            path = path.toAbsolutePath().normalize();
        }

        @Override
        public String relation(Dialect dialect) {
            return dialect.readFile(path);
        }

        @Override
        public String describe() {
            return path.getFileName().toString();
        }

        @Override
        public CeterisException readError(CeterisException e) {
            String reason = e.getMessage().replaceFirst("^SQL error: ", "")
                    .replaceFirst("^(Invalid Input|IO|Conversion|Parser|Binder|Invalid Error) Error: ", "");
            return new CeterisException("cannot read " + describe() + ": " + reason, e);
        }
    }

    record Table(String name) implements Source {
        public Table {
            Identifiers.requireName(name, "table");
        }

        @Override
        public String relation(Dialect dialect) {
            return dialect.ident(name);
        }

        @Override
        public String describe() {
            return "table " + name;
        }
    }

    record Query(String sql) implements Source {
        public Query {
            if (sql == null || sql.isBlank()) {
                throw new CeterisException("--sql is empty: give a SELECT query");
            }
            sql = sql.strip();
            while (sql.endsWith(";")) {
                sql = sql.substring(0, sql.length() - 1).strip();
            }
        }

        @Override
        public String relation(Dialect dialect) {
            return "(" + sql + ")";
        }

        @Override
        public String describe() {
            return "the --sql query";
        }
    }
}
