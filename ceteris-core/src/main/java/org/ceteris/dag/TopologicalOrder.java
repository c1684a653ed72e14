package org.ceteris.dag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ceteris.CeterisException;

/** Kahn-style depth-first topological order with cycle reporting. O(n + m). */
final class TopologicalOrder {

    private TopologicalOrder() {
    }

    /** Rank of every node in a topological order; a cycle is a {@link CeterisException} naming it. */
    static int[] rank(List<String> names, CausalGraph g) {
        int n = g.size();
        int[] state = new int[n]; // 0 new, 1 on stack, 2 done
        int[] parent = new int[n];
        List<Integer> post = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            if (state[s] != 0) {
                continue;
            }
            // iterative DFS: stack of (node, next child index)
            int[] stackNode = new int[n];
            int[] stackIdx = new int[n];
            int top = 0;
            stackNode[0] = s;
            stackIdx[0] = 0;
            state[s] = 1;
            while (top >= 0) {
                int v = stackNode[top];
                int[] ch = g.children(v);
                if (stackIdx[top] < ch.length) {
                    int w = ch[stackIdx[top]++];
                    if (state[w] == 1) {
                        throw new CeterisException("the DAG has a cycle: " + cycle(names, parent, v, w)
                                + "; a causal DAG cannot contain one");
                    }
                    if (state[w] == 0) {
                        state[w] = 1;
                        parent[w] = v;
                        top++;
                        stackNode[top] = w;
                        stackIdx[top] = 0;
                    }
                } else {
                    state[v] = 2;
                    post.add(v);
                    top--;
                }
            }
        }
        Collections.reverse(post);
        int[] rank = new int[n];
        for (int i = 0; i < post.size(); i++) {
            rank[post.get(i)] = i;
        }
        return rank;
    }

    private static String cycle(List<String> names, int[] parent, int from, int back) {
        List<String> path = new ArrayList<>();
        int v = from;
        path.add(names.get(v));
        while (v != back) {
            v = parent[v];
            path.add(names.get(v));
        }
        Collections.reverse(path);
        path.add(names.get(back));
        return String.join(" -> ", path);
    }
}
