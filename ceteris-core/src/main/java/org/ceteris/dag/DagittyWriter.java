package org.ceteris.dag;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a {@link Dag} in DAGitty syntax: every node on its own line with its roles, then every
 * edge, in declaration order. {@link DagittyReader} reads the output back to an equal diagram.
 */
final class DagittyWriter {

    private DagittyWriter() {
    }

    static String write(Dag dag) {
        StringBuilder sb = new StringBuilder("dag {\n");
        for (String n : dag.nodes()) {
            sb.append(quote(n));
            Set<Role> roles = dag.roles(n);
            if (!roles.isEmpty()) {
                sb.append(" [").append(roles.stream().map(Role::attribute).collect(Collectors.joining(","))).append(']');
            }
            sb.append('\n');
        }
        for (Edge e : dag.edges()) {
            sb.append(quote(e.from())).append(e.bidirected() ? " <-> " : " -> ").append(quote(e.to())).append('\n');
        }
        return sb.append("}\n").toString();
    }

    /** A name as DAGitty needs it: bare when it is letters, digits, '_' and '.', else quoted. */
    static String quote(String name) {
        boolean bare = !name.isEmpty() && !name.equals("dag") && Character.isLetterOrDigit(name.charAt(0));
        for (int i = 0; i < name.length() && bare; i++) {
            bare = DagittyReader.nameChar(name.charAt(i));
        }
        return bare ? name : '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
