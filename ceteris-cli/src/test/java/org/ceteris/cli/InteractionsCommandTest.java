package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.ceteris.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionsCommandTest {

    @TempDir
    static Path dir;
    static Path data;

    /** Two experiments with a true interaction on watch_minutes, a third one independent. */
    @BeforeAll
    static void write() throws Exception {
        Random rnd = new Random(8);
        StringBuilder sb = new StringBuilder("member,row_ranking,artwork,autoplay,watch_minutes\n");
        for (int i = 0; i < 4000; i++) {
            boolean a = rnd.nextBoolean();
            boolean b = rnd.nextBoolean();
            String c = rnd.nextInt(5) == 0 ? "" : (rnd.nextBoolean() ? "control" : "on");
            double y = 30 + 2 * (a ? 1 : 0) + (b ? 1 : 0) + (a && b ? 4 : 0) + 5 * rnd.nextGaussian();
            sb.append("m").append(i).append(',').append(a ? "personalised" : "control").append(',')
                    .append(b ? "v2" : "control").append(',').append(c).append(',').append(y).append('\n');
        }
        data = dir.resolve("exp.csv");
        Files.writeString(data, sb);
    }

    @Test
    void jsonContract() {
        Cli.Run run = Cli.run("interactions", "--data", data.toString(), "--experiments", "row_ranking,artwork,autoplay",
                "--metric", "watch_minutes", "--json").ok();
        JsonNode root = Json.read(run.out());
        assertEquals(List.of("method", "pairs", "diagnostics", "summary"), AssignCommandTest.fieldNames(root));
        assertEquals("interactions", root.get("method").asText());
        assertEquals(3, root.get("pairs").size());
        JsonNode p = root.get("pairs").get(0);
        assertEquals(List.of("a", "b", "metric", "arm_a", "arm_b", "interaction", "se", "p_value", "p_adjusted",
                "effect_a_when_b_control", "effect_a_when_b_treated"), AssignCommandTest.fieldNames(p));
        assertEquals("row_ranking", p.get("a").asText());
        assertEquals("artwork", p.get("b").asText());
        assertEquals("personalised", p.get("arm_a").asText());
        assertEquals("v2", p.get("arm_b").asText());
        assertEquals(4.0, p.get("interaction").asDouble(), 4 * p.get("se").asDouble());
        assertTrue(p.get("p_adjusted").asDouble() < 0.001);
        assertTrue(root.get("summary").asText().contains("interact"));
        boolean flagged = false;
        for (JsonNode d : root.get("diagnostics")) {
            flagged |= d.get("code").asText().equals("INTERACTION");
        }
        assertTrue(flagged);
        // same inputs, byte-identical JSON
        assertEquals(run.out(), Cli.run("interactions", "--data", data.toString(), "--experiments", "row_ranking,artwork,autoplay",
                "--metric", "watch_minutes", "--json").ok().out());
        assertTrue(Cli.run("interactions", "--data", data.toString(), "--experiments", "row_ranking,artwork",
                "--metric", "watch_minutes", "--unit", "member", "--correction", "holm").ok().out().contains("row_ranking x artwork"));
    }

    @Test
    void badInput() throws Exception {
        assertOneLineError(Cli.run("interactions", "--data", data.toString(), "--experiments", "row_ranking",
                "--metric", "watch_minutes"), "at least two experiment columns");
        assertOneLineError(Cli.run("interactions", "--data", data.toString(), "--experiments", "row_ranking,nope",
                "--metric", "watch_minutes"), "nope");
        assertOneLineError(Cli.run("interactions", "--data", data.toString(), "--experiments", "row_ranking,artwork",
                "--metric", "row_ranking"), "both an experiment and a metric");
        assertOneLineError(Cli.run("interactions", "--data", data.toString(), "--experiments", "row_ranking,artwork",
                "--metric", "watch_minutes", "--correction", "bonferroni"), "unknown correction");
        assertOneLineError(Cli.run("interactions", "--data", data.toString(), "--experiments", "row_ranking,artwork",
                "--metric", "watch_minutes", "--control", "artwork=v9"), "control 'v9'");
        Path twice = dir.resolve("twice.csv");
        Files.writeString(twice, "member,a,b,y\nm1,control,control,1\nm1,t,control,2\nm2,t,t,3\n");
        assertOneLineError(Cli.run("interactions", "--data", twice.toString(), "--experiments", "a,b", "--metric", "y",
                "--unit", "member"), "more than one arm of 'a'");
        Path one = dir.resolve("one.csv");
        Files.writeString(one, "a,b,y\ncontrol,control,1\ncontrol,t,2\n");
        assertOneLineError(Cli.run("interactions", "--data", one.toString(), "--experiments", "a,b", "--metric", "y"),
                "'a' has 1 arm(s)");
    }
}
