package org.ceteris.dag;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Seeded random diagrams for the cross-checks: nodes V0..V(n-1) in a random topological order. */
final class RandomDags {

    private RandomDags() {
    }

    static Dag generate(Random rnd, int n, double pDirected, double pBidirected, double pLatent) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("V" + i);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double u = rnd.nextDouble();
                if (u < pDirected) {
                    edges.add(Edge.directed(names.get(order[i]), names.get(order[j])));
                } else if (u < pDirected + pBidirected) {
                    edges.add(Edge.bidirected(names.get(order[i]), names.get(order[j])));
                }
            }
        }
        Map<String, Set<Role>> roles = new HashMap<>();
        for (String s : names) {
            roles.put(s, rnd.nextDouble() < pLatent ? EnumSet.of(Role.LATENT) : EnumSet.noneOf(Role.class));
        }
        return Dag.of(names, edges, roles);
    }
}
