package org.ceteris.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;

/**
 * Without the decision flags an {@code ab} result is what it was before they existed (see the README
 * beside the fixture) except for the two added fields {@code metrics[].better} and {@code decision}.
 */
class AbUnchangedJsonTest {

    @Test
    void onlyBetterAndDecisionWereAdded() throws IOException {
        String before;
        try (InputStream in = AbUnchangedJsonTest.class.getResourceAsStream("ab_heavy_before_decisions.json")) {
            before = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String now = Cli.run(AbJsonContractTest.args("ab_heavy.csv")).ok().out();
        JsonNode j = Json.read(now);
        assertTrue(j.has("decision"));
        ((ObjectNode) j).remove("decision");
        for (JsonNode m : j.get("metrics")) {
            assertEquals("higher", m.get("better").asText());
            ((ObjectNode) m).remove("better");
        }
        assertEquals(before.strip(), Json.write(j).strip());
        String stripped = now.lines().filter(l -> !l.strip().equals("\"better\" : \"higher\",")).reduce("", (a, b) -> a + b + "\n");
        assertTrue(stripped.startsWith(before.substring(0, before.indexOf("\"summary\""))), "byte for byte up to the summary");
    }
}
