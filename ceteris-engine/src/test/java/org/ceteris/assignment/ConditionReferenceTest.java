package org.ceteris.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ceteris.assign.Condition;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;

/**
 * Targeting conditions against the GrowthBook JS SDK's {@code evalCondition}: 360 (condition,
 * attributes) cases whose expected values the SDK computed (condition_cases.json, written by
 * src/test/node/make_condition_cases.js).
 */
class ConditionReferenceTest {

    @Test
    void everyCaseMatchesTheSdk() throws Exception {
        Path file = Path.of(getClass().getResource("condition_cases.json").toURI());
        JsonNode root = Json.read(Files.readString(file));
        assertTrue(root.get("source").asText().contains("GrowthBook JS SDK"));
        int n = 0;
        for (JsonNode c : root.get("cases")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> cond = Json.mapper().treeToValue(c.get("condition"), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> attrs = Json.mapper().treeToValue(c.get("attributes"), Map.class);
            boolean expected = c.get("expected").asBoolean();
            assertEquals(expected, new Condition(cond).test(attrs), () -> "condition " + c.get("condition") + " on " + c.get("attributes"));
            n++;
        }
        assertEquals(360, n);
    }
}
