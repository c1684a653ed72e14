package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;

/** {@code ceteris power}: sample size and MDE through the command line, and its bad flags. */
class PowerCommandTest {

    @Test
    void sampleSizeAndMdeInvertEachOther() {
        JsonNode n = Json.read(Cli.run("power", "--baseline-mean", "41.2", "--sd", "12.9", "--mde", "0.5", "--json").ok().out());
        assertEquals("power", n.get("method").asText());
        // (z_0.975 + z_0.8)^2 * 2 * 12.9^2 / 0.5^2 = 10449.06 (scipy.stats.norm.ppf), rounded up
        assertEquals(10450, n.get("n_per_arm").asLong());
        assertEquals(20900, n.get("n_total").asLong());
        assertEquals(0.5 / 41.2, n.get("mde_relative").asDouble(), 1e-12);
        JsonNode m = Json.read(Cli.run("power", "--baseline-mean", "41.2", "--sd", "12.9", "--n", "10450", "--json").ok().out());
        assertTrue(m.get("mde").asDouble() < 0.5 && m.get("mde").asDouble() > 0.4999, m.toString());
        Cli.Run text = Cli.run("power", "--baseline-mean", "41.2", "--sd", "12.9", "--mde", "0.5").ok();
        assertTrue(text.out().contains("units per arm: 10,450"), text.out());
    }

    @Test
    void badFlags() {
        assertOneLineError(Cli.run("power", "--baseline-mean", "1", "--sd", "1"), "--mde");
        assertOneLineError(Cli.run("power", "--baseline-mean", "1", "--sd", "1", "--mde", "0.1", "--n", "100"),
                "mutually exclusive");
        assertOneLineError(Cli.run("power", "--baseline-mean", "1", "--sd", "0", "--mde", "0.1"), "--sd must be a positive");
        assertOneLineError(Cli.run("power", "--baseline-mean", "1", "--sd", "1", "--mde", "0"), "--mde must be a non-zero");
        assertOneLineError(Cli.run("power", "--baseline-mean", "1", "--sd", "1", "--n", "1"), "--n must be at least 2");
        assertOneLineError(Cli.run("power", "--baseline-mean", "1", "--sd", "1", "--mde", "0.1", "--power", "1"),
                "--power must be between 0 and 1");
        assertOneLineError(Cli.run("power", "--sd", "1", "--mde", "0.1"), "--baseline-mean");
    }
}
