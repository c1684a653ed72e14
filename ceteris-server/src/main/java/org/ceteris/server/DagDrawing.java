package org.ceteris.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.ceteris.CeterisException;
import org.ceteris.dag.Dag;
import org.ceteris.dag.DagAdjustResult;
import org.ceteris.dag.DotWriter;
import org.ceteris.json.Json;
import org.ceteris.workspace.StoredRun;

/**
 * The diagram of a {@code dag_adjust} run as Graphviz DOT for the study page: the DAG of the run's
 * stored spec with the run's exposure and outcome (coloured by {@link DotWriter}) and the smallest
 * adjustment set of the result filled amber. Built from the stored run, so it shows the diagram that
 * produced the result even if ceteris.yaml changed since. O(n + m) in the diagram's nodes and edges.
 */
final class DagDrawing {

    static final String ADJUSTED_FILL = "#f6d68b";

    private DagDrawing() {
    }

    /** The DOT of {@code run}, or null when it is not a dag_adjust run or its spec has no readable DAG. */
    static String dot(StoredRun run) {
        if (run == null || !DagAdjustResult.METHOD.equals(run.method()) || run.spec() == null || run.result() == null) {
            return null;
        }
        JsonNode spec = Json.read(run.spec());
        JsonNode result = Json.read(run.result());
        if (!spec.path("dag").isTextual()) {
            return null;
        }
        try {
            Dag dag = Dag.parse(spec.get("dag").asText());
            String exposure = result.path("exposure").asText(null);
            String outcome = result.path("outcome").asText(null);
            if (exposure != null && outcome != null && dag.contains(exposure) && dag.contains(outcome)) {
                dag = dag.withEffect(exposure, outcome);
            }
            String dot = DotWriter.write(dag);
            List<String> adjust = smallest(result.path("minimal_sets"));
            StringBuilder extra = new StringBuilder();
            for (String n : adjust) {
                extra.append("  \"").append(n.replace("\\", "\\\\").replace("\"", "\\\"")).append("\" [style=filled, fillcolor=\"")
                        .append(ADJUSTED_FILL).append("\", shape=box, penwidth=2];\n");
            }
            int end = dot.lastIndexOf('}');
            return dot.substring(0, end) + extra + dot.substring(end);
        } catch (CeterisException e) {
            return null; // a diagram that no longer parses: the page shows the result without the drawing
        }
    }

    /** The first of the smallest sets (sets come sorted), or empty when there is none or it is empty. */
    static List<String> smallest(JsonNode sets) {
        List<String> best = null;
        for (JsonNode s : sets) {
            if (best == null || s.size() < best.size()) {
                best = new ArrayList<>();
                for (JsonNode n : s) {
                    best.add(n.asText());
                }
            }
        }
        return best == null ? List.of() : best;
    }
}
