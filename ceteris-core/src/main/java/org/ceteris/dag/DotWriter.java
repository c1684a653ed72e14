package org.ceteris.dag;

/**
 * A diagram in Graphviz DOT: exposure green, outcome blue, latent nodes dashed and grey, adjusted
 * nodes boxed; bidirected edges dashed with arrowheads at both ends. O(n + m).
 */
public final class DotWriter {

    private DotWriter() {
    }

    public static String write(Dag dag) {
        StringBuilder sb = new StringBuilder("digraph dag {\n  rankdir=LR;\n  node [shape=ellipse, fontname=\"Helvetica\"];\n");
        for (String n : dag.nodes()) {
            sb.append("  ").append(id(n));
            java.util.Set<Role> r = dag.roles(n);
            StringBuilder a = new StringBuilder();
            if (r.contains(Role.EXPOSURE)) {
                a.append("style=filled, fillcolor=\"#b7e1a1\"");
            } else if (r.contains(Role.OUTCOME)) {
                a.append("style=filled, fillcolor=\"#9ecae1\"");
            } else if (r.contains(Role.LATENT)) {
                a.append("style=dashed, color=\"#888888\", fontcolor=\"#666666\"");
            }
            if (r.contains(Role.ADJUSTED)) {
                a.append(a.length() > 0 ? ", " : "").append("shape=box");
            }
            if (a.length() > 0) {
                sb.append(" [").append(a).append(']');
            }
            sb.append(";\n");
        }
        for (Edge e : dag.edges()) {
            sb.append("  ").append(id(e.from())).append(" -> ").append(id(e.to()));
            if (e.bidirected()) {
                sb.append(" [dir=both, style=dashed]");
            }
            sb.append(";\n");
        }
        return sb.append("}\n").toString();
    }

    private static String id(String name) {
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
