package org.ceteris.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Wrong flags and missing files give one line on stderr and exit code 2. */
class CliErrorsTest {

    static void assertOneLineError(Cli.Run run, String expectedFragment) {
        assertEquals(2, run.exitCode(), () -> "stderr: " + run.err());
        String err = run.err().strip();
        assertFalse(err.contains("\n"), () -> "more than one line: " + err);
        assertFalse(err.contains("Exception"), () -> "stack trace or exception name: " + err);
        assertTrue(err.contains(expectedFragment), () -> "expected '" + expectedFragment + "' in: " + err);
        assertTrue(run.out().isEmpty(), () -> "stdout should be empty: " + run.out());
    }

    @Test
    void unknownFlag() {
        assertOneLineError(Cli.run("power", "--baseline-mean", "1", "--sd", "1", "--mde", "0.1", "--bogus"), "--bogus");
    }

    @Test
    void missingFile() {
        assertOneLineError(Cli.run("ab", "--data", "/no/such/file.csv", "--variant", "v", "--metric", "m"), "file not found");
    }

    @Test
    void noDataGiven() {
        assertOneLineError(Cli.run("ab", "--variant", "v", "--metric", "m"), "--data FILE");
    }

    @Test
    void badAlpha() {
        assertOneLineError(Cli.run("power", "--baseline-mean", "1", "--sd", "1", "--mde", "0.1", "--alpha", "1.5"), "--alpha");
    }

    @Test
    void notANumber() {
        assertOneLineError(Cli.run("power", "--baseline-mean", "abc", "--sd", "1", "--mde", "0.1"), "abc");
    }
}
