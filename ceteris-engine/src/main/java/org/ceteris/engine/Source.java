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
