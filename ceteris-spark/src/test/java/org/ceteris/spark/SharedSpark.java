package org.ceteris.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.spark.sql.SparkSession;
import org.ceteris.cli.Ceteris;

/**
 * The one local Spark of the test JVM (starting one costs about ten seconds): {@code local[2]}, UI
 * off, driver on 127.0.0.1, few shuffle partitions. Never stopped by the tests; the JVM's exit
 * stops it. {@link SparkEngine#open} called by the CLI in this JVM reuses it and leaves it running.
 */
final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().appName("ceteris-tests").master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.default.parallelism", "2")
                    .getOrCreate();
        }
        return session;
    }

    /** Exit code and output of the {@code ceteris} command run in this JVM. */
    record Run(int exitCode, String out, String err) {
        Run ok() {
            if (exitCode != 0) {
                throw new AssertionError("exit " + exitCode + "\nstderr: " + err + "\nstdout: " + out);
            }
            return this;
        }
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ceteris.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
