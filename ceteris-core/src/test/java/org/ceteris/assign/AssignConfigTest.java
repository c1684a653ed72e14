package org.ceteris.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.junit.jupiter.api.Test;

class AssignConfigTest {

    static ExperimentConfig exp(String key, List<Double> weights, NamespaceRange ns) {
        return new ExperimentConfig(key, List.of("control", "b"), weights, 1.0, ns, 2, null, null, null);
    }

    static void fails(String fragment, Runnable r) {
        CeterisException e = assertThrows(CeterisException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void defaults() {
        ExperimentConfig e = new ExperimentConfig("k", List.of("a", "b", "c"), null, 1, null, 1, null, null, null);
        assertEquals("k", e.seed());
        assertEquals(3, e.weights().size());
        assertEquals(1.0 / 3, e.weights().get(0), 0.0);
    }

    @Test
    void oneLineErrors() {
        fails("weights sum to 0.9", () -> exp("k", List.of(0.5, 0.4), null));
        fails("2 weights for 3 variations", () -> new ExperimentConfig("k", List.of("a", "b", "c"), List.of(0.5, 0.5), 1, null, 2, null, null, null));
        fails("at least two variations", () -> new ExperimentConfig("k", List.of("a"), null, 1, null, 2, null, null, null));
        fails("coverage", () -> new ExperimentConfig("k", List.of("a", "b"), null, 1.5, null, 2, null, null, null));
        fails("hash_version", () -> new ExperimentConfig("k", List.of("a", "b"), null, 1, null, 3, null, null, null));
        fails("duplicate variation", () -> new ExperimentConfig("k", List.of("a", "a"), null, 1, null, 2, null, null, null));
        fails("control may be listed again only with explicit ranges",
                () -> new ExperimentConfig("k", List.of("a", "b", "a"), null, 1, null, 2, null, null, null));
        fails("duplicate variation 'b'", () -> new ExperimentConfig("k", List.of("a", "b", "b"), null, 1, null, 2, null, null, null,
                List.of(List.of(0.0, 0.3), List.of(0.3, 0.6), List.of(0.6, 1.0))));
        fails("control cannot be reassigned", () -> new ExperimentConfig("k", List.of("a", "b"), null, 1, null, 2, null, null, null)
                .reassigningToControl(List.of("a")));
        fails("0 <= start < end <= 1", () -> new NamespaceRange("n", 0.5, 0.5));
        fails("duplicate experiment key 'x'", () -> new AssignConfig(List.of(), List.of(exp("x", null, null), exp("x", null, null))));
        fails("overlap in namespace 'n'", () -> new AssignConfig(List.of("n"),
                List.of(exp("x", null, new NamespaceRange("n", 0, 0.5)), exp("y", null, new NamespaceRange("n", 0.49, 1)))));
        fails("not declared", () -> new AssignConfig(List.of(), List.of(exp("x", null, new NamespaceRange("n", 0, 0.5)))));
        fails("forced variation 'z'", () -> new ExperimentConfig("k", List.of("a", "b"), null, 1, null, 2, null, null, Map.of("u", "z")));
        Assigner a = new Assigner(new AssignConfig(List.of(), List.of(exp("x", null, null))));
        fails("unit id missing", () -> a.assign("", Map.of()));
        fails("unit id missing", () -> a.assign(null, Map.of()));
        // touching ranges are fine
        new AssignConfig(List.of("n"), List.of(exp("x", null, new NamespaceRange("n", 0, 0.5)), exp("y", null, new NamespaceRange("n", 0.5, 1))));
    }

    @Test
    void forcedVariationsWin() {
        ExperimentConfig e = new ExperimentConfig("k", List.of("a", "b"), List.of(1.0, 0.0), 1, null, 2, null, null, Map.of("qa", "b"));
        Assigner assigner = new Assigner(new AssignConfig(List.of(), List.of(e)));
        assertEquals("a", assigner.assign("someone", Map.of()).assignments().get(0).variation());
        assertEquals("b", assigner.assign("qa", Map.of()).assignments().get(0).variation());
        assertEquals("b", assigner.assign("someone", Map.of(), Map.of("k", "b")).assignments().get(0).variation());
    }
}
