package org.ceteris.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ceteris.CeterisException;
import org.ceteris.engine.Column;
import org.ceteris.engine.Columns;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Identifiers;
import org.ceteris.engine.Rows;
import org.ceteris.engine.Source;

/**
 * The input queries of {@code org.ceteris.inputs} on Apache Spark: they run where the data is (a
 * local Spark, or a cluster under {@code spark-submit}) and only the small result (per-variant and
 * per-partition sufficient statistics, compact panels) is collected to the driver. Files, folders
 * and URIs are read with {@code spark.read} into temporary views; catalog tables are read by name.
 */
public final class SparkEngine implements Engine {

    private static final AtomicInteger VIEWS = new AtomicInteger();

    private final SparkSession spark;
    private final boolean owned;
    private final SparkDialect dialect;
    private final Map<String, String> fileViews = new HashMap<>();

    private SparkEngine(SparkSession spark, boolean owned) {
        this.spark = spark;
        this.owned = owned;
        this.dialect = new SparkDialect(this::fileView);
    }

    /**
     * A session on {@code master} ({@code local[*]}, {@code local[2]}, {@code yarn},
     * {@code spark://host:7077}, {@code k8s://…}), or on the master {@code spark-submit} was given when
     * {@code master} is null. Closing the engine stops the session, unless the session was already
     * running in this JVM when the engine opened (then it is used as it is and left running).
     */
    public static SparkEngine open(String master) {
        String m = master != null ? master : System.getProperty("spark.master", "local[*]");
        boolean local = m.startsWith("local");
        if (local && System.getProperty("spark.master") == null && System.getProperty("log4j2.configurationFile") == null) {
            // launched as `java -jar`, not by spark-submit: warnings only, on stderr
            System.setProperty("log4j2.configurationFile", "classpath:org/ceteris/spark/log4j2-ceteris.properties");
        }
        SparkSession.Builder b = SparkSession.builder().appName("ceteris").master(m);
        if (local) {
            b.config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", String.valueOf(2 * Runtime.getRuntime().availableProcessors()));
        }
        // a session this JVM already runs (a notebook, a test, a server) is used and left running
        boolean running = SparkSession.getDefaultSession().isDefined()
                && !SparkSession.getDefaultSession().get().sparkContext().isStopped();
        try {
            return new SparkEngine(b.getOrCreate(), !running);
        } catch (RuntimeException e) {
            throw new CeterisException("cannot start Spark on " + m + ": " + firstLine(e), e);
        }
    }

    /** An engine on a session the caller owns (a notebook, a test): closing the engine leaves it running. */
    public static SparkEngine on(SparkSession spark) {
        return new SparkEngine(spark, false);
    }

    public SparkSession session() {
        return spark;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public Rows query(String sql) {
        try {
            Dataset<Row> df = spark.sql(sql);
            StructType schema = df.schema();
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (StructField f : schema.fields()) {
                names.add(f.name());
                types.add(f.dataType().sql());
            }
            List<List<Object>> rows = new ArrayList<>();
            for (Row r : df.collectAsList()) {
                List<Object> row = new ArrayList<>(r.size());
                for (int i = 0; i < r.size(); i++) {
                    row.add(r.get(i));
                }
                rows.add(row);
            }
            return new Rows(names, types, rows);
        } catch (Exception e) { // Spark's AnalysisException is checked in Java but thrown undeclared from Scala
            throw translate(e);
        }
    }

    /**
     * Brings the result to the driver one partition at a time ({@code toLocalIterator}, in the same
     * order as {@code collectAsList}) and copies each row's values into primitive columns as it goes,
     * so the driver holds one partition's rows, not all of them next to the columns: a 2M-row panel
     * peaked at ~400 MB of heap instead of 800–900 MB, in the same time (BENCHMARKS.md, "spark").
     */
    @Override
    public Columns queryColumns(String sql) {
        return queryColumns(sql, 1024);
    }

    @Override
    public Columns queryColumns(String sql, long expectedRows) {
        try {
            Dataset<Row> df = spark.sql(sql);
            List<String> names = new ArrayList<>();
            List<Columns.Kind> kinds = new ArrayList<>();
            for (StructField f : df.schema().fields()) {
                names.add(f.name());
                kinds.add(Columns.Kind.of(f.dataType().sql()));
            }
            Columns.Builder b = new Columns.Builder(names, kinds, expectedRows);
            Iterator<Row> rows = df.toLocalIterator();
            while (rows.hasNext()) {
                Row r = rows.next();
                b.next();
                for (int i = 0; i < names.size(); i++) {
                    b.set(i, r.isNullAt(i) ? null : r.get(i));
                }
            }
            return b.build();
        } catch (Exception e) { // Spark's AnalysisException is checked in Java but thrown undeclared from Scala
            throw translate(e);
        }
    }

    @Override
    public List<Column> columns(Source source) {
        try {
            List<Column> out = new ArrayList<>();
            for (StructField f : spark.sql("SELECT * FROM " + relation(source)).schema().fields()) {
                out.add(new Column(f.name(), f.dataType().sql()));
            }
            return out;
        } catch (Exception e) {
            throw translate(e);
        }
    }

    /**
     * A local file reads as {@link Source.File}; a folder of part files or a URI that Spark reads
     * ({@code s3a://}, {@code hdfs://}, {@code abfss://}) becomes a temporary view.
     */
    @Override
    public Source file(String location) {
        if (location.contains("://") || Files.isDirectory(Path.of(location))) {
            return new Source.Table(fileView(location));
        }
        return new Source.File(Path.of(location));
    }

    @Override
    public void createView(String name, Source source) {
        Identifiers.requireName(name, "view");
        query("CREATE OR REPLACE TEMPORARY VIEW " + dialect.ident(name) + " AS SELECT * FROM " + relation(source));
    }

    /** The rows of {@code sql}, computed once and cached, as a temporary view. */
    @Override
    public void createTemporary(String name, String sql) {
        Identifiers.requireName(name, "table");
        dropTemporary(name);
        try {
            Dataset<Row> df = spark.sql(sql).cache();
            df.count();
            df.createOrReplaceTempView(name);
        } catch (Exception e) {
            throw translate(e);
        }
    }

    @Override
    public void dropTemporary(String name) {
        if (spark.catalog().tableExists(name)) {
            spark.table(name).unpersist();
            spark.catalog().dropTempView(name);
        }
    }

    /** Registers a DataFrame as a temporary view, readable as {@code new Source.Table(name)}. */
    public void register(String name, Dataset<Row> data) {
        data.createOrReplaceTempView(Identifiers.requireName(name, "view"));
    }

    /** The temporary view reading {@code location} (CSV with a header and inferred types, else Parquet). */
    private String fileView(String location) {
        String existing = fileViews.get(location);
        if (existing != null) {
            return existing;
        }
        String name = location.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        boolean csv = name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".txt");
        boolean tsv = name.endsWith(".tsv");
        boolean folderOrUri = location.contains("://") || Files.isDirectory(Path.of(location));
        if (!csv && !tsv && !name.endsWith(".parquet") && !name.endsWith(".pq") && !folderOrUri) {
            throw new CeterisException("cannot read " + location + ": use a .csv, .tsv or .parquet file, or a folder of Parquet files");
        }
        String view = "ceteris_file_" + VIEWS.incrementAndGet();
        try {
            DataFrameReader reader = spark.read();
            Dataset<Row> df = csv || tsv
                    ? reader.option("header", "true").option("inferSchema", "true").option("sep", tsv ? "\t" : ",").csv(location)
                    : reader.parquet(location);
            df.createOrReplaceTempView(view);
        } catch (Exception e) {
            throw translate(e);
        }
        fileViews.put(location, view);
        return view;
    }

    @Override
    public void close() {
        for (String view : fileViews.values()) {
            spark.catalog().dropTempView(view);
        }
        fileViews.clear();
        if (owned) {
            spark.stop();
        }
    }

    /** Spark's error as one line a user can act on. */
    static CeterisException translate(Exception e) {
        if (e instanceof CeterisException c) {
            return c;
        }
        return new CeterisException("Spark SQL error: " + firstLine(e), e);
    }

    private static String firstLine(Throwable e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        String line = msg.lines().map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse(msg);
        int sqlState = line.indexOf(" SQLSTATE:");
        return sqlState > 0 ? line.substring(0, sqlState) : line;
    }
}
