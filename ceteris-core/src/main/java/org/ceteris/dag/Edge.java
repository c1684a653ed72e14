package org.ceteris.dag;

import java.util.Objects;

/**
 * An edge of a causal diagram: {@code from -> to}, or {@code from <-> to} for a latent common cause
 * of the two nodes (a bidirected edge).
 */
public record Edge(String from, String to, boolean bidirected) {

    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static Edge directed(String from, String to) {
        return new Edge(from, to, false);
    }

    public static Edge bidirected(String a, String b) {
        return a.compareTo(b) <= 0 ? new Edge(a, b, true) : new Edge(b, a, true);
    }
}
