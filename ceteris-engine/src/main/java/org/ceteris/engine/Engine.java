package org.ceteris.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * Where SQL runs: DuckDB in-process by default, PostgreSQL over JDBC or Spark for data that lives
 * elsewhere. Engines run the input queries of {@code org.ceteris.inputs} where the data is and
 * return only the small result (sufficient statistics or compact panels), never raw event rows.
 */
public interface Engine extends AutoCloseable {

    /** The SQL flavour of this engine. */
    Dialect dialect();

    /** Runs a query and returns all its rows; meant for small results. */
    Rows query(String sql);

    /**
     * Runs a query and returns its result as primitive columns ({@link Columns}): for panels and
     * unit-level data, whose cost should be their numbers, not boxed rows.
     */
    default Columns queryColumns(String sql) {
        return Columns.of(query(sql));
    }

    /**
     * {@link #queryColumns(String)} when the caller knows about how many rows will come (from a
     * count it made): the arrays are made that size at once instead of growing.
     */
    default Columns queryColumns(String sql, long expectedRows) {
        return queryColumns(sql);
    }

    /**
     * Runs {@code load}, a study's input queries (which check column types, then read), so that
     * they see one set of column types throughout; engines whose types can change while it runs run it again.
     */
    default <T> T stableRead(java.util.function.Supplier<T> load) {
        return load.get();
    }

    /** The columns of a source, in order. */
    List<Column> columns(Source source);

    /** The FROM-clause expression that reads {@code source} on this engine. */
    default String relation(Source source) {
        return source.relation(dialect());
    }

    /**
     * The source that reads the data at {@code location}: a local CSV or Parquet file here; engines
     * that read shared storage also take folders and URIs ({@code s3a://}, {@code hdfs://}).
     */
    default Source file(String location) {
        return new Source.File(Path.of(location));
    }

    /** Makes {@code source} readable by later queries as the view {@code name}. */
    default void createView(String name, Source source) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot create views");
    }

    /**
     * Stores the rows of {@code sql} as the temporary table {@code name}, visible to later queries of
     * this engine until {@link #dropTemporary} or close (replacing any earlier one of that name).
     */
    default void createTemporary(String name, String sql) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot create temporary tables");
    }

    /** Drops the temporary table {@code name} if it exists. */
    default void dropTemporary(String name) {
    }

    @Override
    void close();
}
