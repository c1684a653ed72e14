package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine} and {@code --spark-master} in the default jar, which has no Spark: asking for
 * Spark says which jar to use, and wrong combinations are one-line errors.
 */
class EngineOptionTest {

    @TempDir
    Path dir;

    private Path csv() throws IOException {
        Path p = dir.resolve("e.csv");
        Files.writeString(p, "variant,m\ncontrol,1\ncontrol,2\na,2\na,3\n");
        return p;
    }

    @Test
    void sparkWithoutTheSparkJarSaysWhichJarToUse() throws IOException {
        assertOneLineError(Cli.run("ab", "--data", csv().toString(), "--variant", "variant", "--metric", "m", "--engine", "spark"),
                "ceteris-spark jar");
        assertOneLineError(Cli.run("did", "--data", csv().toString(), "--unit", "variant", "--time", "m", "--outcome", "m",
                "--treated", "m", "--post", "m", "--engine", "spark"), "ceteris-spark jar");
    }

    @Test
    void unknownEngine() throws IOException {
        assertOneLineError(Cli.run("ab", "--data", csv().toString(), "--variant", "variant", "--metric", "m", "--engine", "postgres"),
                "use duckdb or spark");
    }

    @Test
    void sparkMasterNeedsTheSparkEngine() throws IOException {
        assertOneLineError(Cli.run("ab", "--data", csv().toString(), "--variant", "variant", "--metric", "m", "--spark-master",
                "local[2]"), "--spark-master goes with --engine spark");
    }

    @Test
    void sparkDoesNotReadDuckDbWorkspaces() {
        assertOneLineError(Cli.run("ab", "--workspace", dir.toString(), "--table", "t", "--variant", "variant", "--metric", "m",
                "--engine", "spark"), "--workspace is a DuckDB workspace");
    }

    @Test
    void duckDbIsTheDefaultAndCanBeNamed() throws IOException {
        Cli.run("ab", "--data", csv().toString(), "--variant", "variant", "--metric", "m", "--engine", "duckdb", "--json").ok();
    }
}
