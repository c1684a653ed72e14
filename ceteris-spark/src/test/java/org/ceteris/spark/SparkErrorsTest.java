package org.ceteris.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input on the Spark engine gives the same kind of one-line error as on DuckDB. */
class SparkErrorsTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void data() {
        SharedSpark.session();
        TestData.experiment(dir, 300, 1L);
    }

    static void assertOneLineError(SharedSpark.Run run, String expectedFragment) {
        assertEquals(2, run.exitCode(), () -> "stderr: " + run.err());
        String err = run.err().strip();
        assertFalse(err.contains("\n"), () -> "more than one line: " + err);
        assertFalse(err.contains("Exception"), () -> "stack trace or exception name: " + err);
        assertTrue(err.contains(expectedFragment), () -> "expected '" + expectedFragment + "' in: " + err);
        assertTrue(run.out().isEmpty(), () -> "stdout should be empty: " + run.out());
    }

    @Test
    void missingColumnListsTheColumns() {
        assertOneLineError(SharedSpark.cli("ab", "--engine", "spark", "--data", dir.resolve("experiment.parquet").toString(),
                "--variant", "variant", "--metric", "watchtime"), "its columns are user, variant, watch");
    }

    @Test
    void textColumnIsNotAMetric() {
        assertOneLineError(SharedSpark.cli("ab", "--engine", "spark", "--data", dir.resolve("experiment.csv").toString(),
                "--variant", "variant", "--metric", "variant"), "is STRING, not numeric");
    }

    @Test
    void unknownCatalogTable() {
        assertOneLineError(SharedSpark.cli("ab", "--engine", "spark", "--table", "lake.no_such_table", "--variant", "variant",
                "--metric", "m"), "cannot be found");
    }

    @Test
    void badSql() {
        assertOneLineError(SharedSpark.cli("ab", "--engine", "spark", "--data", dir.resolve("experiment.parquet").toString(),
                "--sql", "SELEC * FROM data", "--variant", "variant", "--metric", "watch"), "Spark SQL error");
    }

    @Test
    void unreadableFileType() {
        assertOneLineError(SharedSpark.cli("ab", "--engine", "spark", "--data", dir.resolve("experiment.csv").toString() + "x",
                "--variant", "variant", "--metric", "watch"), "file not found");
    }
}
