package org.ceteris.dag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bayes-ball d-separation against the path definition on seeded random diagrams. */
class DSeparationTest {

    @Test
    void agreesWithPathEnumerationOnThousandRandomDags() {
        Random rnd = new Random(20261127);
        int queries = 0;
        int separated = 0;
        for (int g = 0; g < 1000; g++) {
            int n = 2 + rnd.nextInt(11); // 2..12 nodes
            double p = 1.6 / Math.max(1, n - 1) + 0.1 * rnd.nextDouble();
            Dag dag = RandomDags.generate(rnd, n, p, g % 3 == 0 ? 0.08 : 0.0, 0.0);
            BruteForce brute = new BruteForce(dag);
            List<String> nodes = dag.nodes();
            for (int q = 0; q < 3; q++) {
                List<String> shuffled = new ArrayList<>(nodes);
                java.util.Collections.shuffle(shuffled, rnd);
                String x = shuffled.get(0);
                String y = shuffled.get(1);
                Set<String> z = new HashSet<>();
                for (String s : shuffled.subList(2, shuffled.size())) {
                    if (rnd.nextDouble() < 0.35) {
                        z.add(s);
                    }
                }
                boolean expected = brute.dSeparated(x, y, z);
                assertEquals(expected, dag.dSeparated(List.of(x), List.of(y), z),
                        () -> x + " vs " + y + " given " + z + " in\n" + dag.toDagitty());
                queries++;
                separated += expected ? 1 : 0;
            }
        }
        // both answers must be well represented for the comparison to mean anything
        assertTrue(separated > queries / 10 && separated < queries * 9 / 10, "separated " + separated + " of " + queries);
    }

    @Test
    void textbookStructures() {
        Dag chain = Dag.parse("dag { A -> B -> C }");
        assertFalse(chain.dSeparated(List.of("A"), List.of("C"), List.of()));
        assertTrue(chain.dSeparated(List.of("A"), List.of("C"), List.of("B")));
        Dag collider = Dag.parse("dag { A -> B <- C; B -> D }");
        assertTrue(collider.dSeparated(List.of("A"), List.of("C"), List.of()));
        assertFalse(collider.dSeparated(List.of("A"), List.of("C"), List.of("B")));
        assertFalse(collider.dSeparated(List.of("A"), List.of("C"), List.of("D")));
        Dag latent = Dag.parse("dag { A <-> B }");
        assertFalse(latent.dSeparated(List.of("A"), List.of("B"), List.of()));
    }
}
