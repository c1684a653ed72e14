package org.ceteris.dag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.ceteris.CeterisException;
import org.junit.jupiter.api.Test;

/** DAGitty syntax: what is read, what is written back, and errors with line and column. */
class DagittyReaderTest {

    @Test
    void readsRolesChainsGroupsQuotesAndAttributes() {
        Dag d = Dag.parse("""
                dag {
                  bb="0,0,1,1"
                  X [exposure, pos="0.1,0.2"]
                  Y [outcome]
                  U [latent]
                  "tenure (years)" [adjusted]
                  {A B} -> X -> M -> Y <- "tenure (years)"
                  U -> A; Y <- U
                  A <-> B
                  M -> Y [beta="0.3"]   # an edge attribute, ignored
                }
                """);
        assertEquals(List.of("X", "Y", "U", "tenure (years)", "A", "B", "M"), d.nodes());
        assertEquals(List.of("X"), d.exposures());
        assertEquals(List.of("Y"), d.outcomes());
        assertEquals(Set.of(Role.LATENT), d.roles("U"));
        assertEquals(Set.of(Role.ADJUSTED), d.roles("tenure (years)"));
        assertTrue(d.edges().contains(Edge.directed("A", "X")));
        assertTrue(d.edges().contains(Edge.directed("B", "X")));
        assertTrue(d.edges().contains(Edge.directed("tenure (years)", "Y")));
        assertTrue(d.edges().contains(Edge.directed("U", "Y")));
        assertTrue(d.edges().contains(Edge.bidirected("B", "A")));
        assertEquals(8, d.edges().size());
    }

    @Test
    void bareStatementsWithoutHeader() {
        Dag d = Dag.parse("Z -> X; Z -> Y; X -> Y");
        assertEquals(List.of("Z", "X", "Y"), d.nodes());
    }

    @Test
    void writesWhatItReads() {
        Random rnd = new Random(11);
        for (int i = 0; i < 50; i++) {
            Dag d = RandomDags.generate(rnd, 2 + rnd.nextInt(8), 0.3, 0.1, 0.2);
            Dag back = Dag.parse(d.toDagitty());
            assertEquals(d.nodes(), back.nodes());
            assertEquals(d.edges(), back.edges());
            for (String n : d.nodes()) {
                assertEquals(d.roles(n), back.roles(n));
            }
        }
        Dag q = Dag.parse("dag { \"a \\\"b\\\"\" -> \"c d\" }");
        assertEquals(List.of("a \"b\"", "c d"), q.nodes());
        assertEquals(q.nodes(), Dag.parse(q.toDagitty()).nodes());
    }

    @Test
    void cycleIsNamed() {
        CeterisException e = assertThrows(CeterisException.class, () -> Dag.parse("dag { A -> B -> C -> A; C -> D }"));
        assertTrue(e.getMessage().contains("cycle: A -> B -> C -> A"), e.getMessage());
        CeterisException self = assertThrows(CeterisException.class, () -> Dag.parse("dag { A -> A }"));
        assertTrue(self.getMessage().contains("A -> A"), self.getMessage());
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() {
        assertError("dag {\n  X -> \n}", "line 3, column 1");
        assertError("dag {\n  X -> Y\n  Y [outcom]\n}", "line 3, column 6");
        assertError("dag {\n  X -- Y\n}", "line 2, column 5");
        assertError("dag {\n  X -> Y\n", "missing '}'");
        assertError("dag { X -> \"Y }", "unterminated");
        assertError("dag { X -> Y @ }", "line 1, column 14");
        assertError("dag { X [exposure, outcome] }", "both [exposure] and [outcome]");
    }

    private static void assertError(String text, String fragment) {
        CeterisException e = assertThrows(CeterisException.class, () -> Dag.parse(text));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
