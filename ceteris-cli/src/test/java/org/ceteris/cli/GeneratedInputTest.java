package org.ceteris.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ceteris.dag.Dag;
import org.ceteris.dag.Edge;
import org.ceteris.dag.Role;
import org.ceteris.json.Json;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated inputs (seeded generators, no property-testing library): the A/B scorecard does not
 * depend on row order or on what the units are called; multiplying the metric by c multiplies
 * effects and intervals by c and leaves the p-values alone; adding an A/A arm leaves the other
 * comparison alone; and a DAG written by the DAGitty writer reads back as the same DAG.
 */
class GeneratedInputTest {

    @TempDir
    Path tmp;

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L, 5L, 8L, 13L);
    }

    /** Rows: unit id, variant, metric, covariate; units appear 1–3 times (rows are summed per unit). */
    static List<String[]> rows(long seed, String[] arms) {
        Random r = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        int units = 150 + r.nextInt(200);
        for (int u = 0; u < units; u++) {
            String arm = arms[r.nextInt(arms.length)];
            double lift = arm.equals("treatment") ? 0.4 : 0.0;
            double pre = 5 + 2 * r.nextGaussian();
            int k = 1 + r.nextInt(3);
            for (int i = 0; i < k; i++) {
                rows.add(new String[] {"u" + u, arm, fmt(pre / k * 0.7 + lift + r.nextGaussian()), fmt(pre / k)});
            }
        }
        return rows;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    Path write(String name, List<String[]> rows) throws IOException {
        StringBuilder sb = new StringBuilder("user_id,variant,minutes,pre\n");
        rows.forEach(r -> sb.append(String.join(",", r)).append('\n'));
        Path p = tmp.resolve(name);
        Files.writeString(p, sb);
        return p;
    }

    static JsonNode ab(Path data, String... extra) {
        List<String> args = new ArrayList<>(List.of("ab", "--data", data.toString(), "--variant", "variant", "--unit", "user_id",
                "--metric", "minutes", "--covariate", "minutes=pre", "--correction", "none", "--json"));
        args.addAll(List.of(extra));
        return Json.read(Cli.run(args.toArray(String[]::new)).ok().out());
    }

    static JsonNode comparison(JsonNode doc, String variant) {
        for (JsonNode c : doc.get("metrics").get(0).get("comparisons")) {
            if (c.get("variant").asText().equals(variant)) {
                return c;
            }
        }
        throw new AssertionError("no comparison for " + variant + " in " + doc);
    }

    static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    static final String[] NUMBERS = {"estimate", "se", "ci_low", "ci_high", "p_value", "relative", "variance_reduction"};

    @ParameterizedTest
    @MethodSource("seeds")
    void rowOrderAndUnitNamesDoNotMatter(long seed) throws IOException {
        List<String[]> rows = rows(seed, new String[] {"control", "treatment"});
        JsonNode base = comparison(ab(write("a.csv", rows)), "treatment");
        List<String[]> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed * 31));
        Map<String, String> rename = new HashMap<>();
        Random r = new Random(seed * 17);
        List<String[]> renamed = new ArrayList<>();
        for (String[] row : shuffled) {
            String id = rename.computeIfAbsent(row[0], k -> "member-" + Long.toHexString(r.nextLong()) + "-é");
            renamed.add(new String[] {id, row[1], row[2], row[3]});
        }
        JsonNode other = comparison(ab(write("b.csv", renamed)), "treatment");
        for (String f : NUMBERS) {
            close(base.get(f).asDouble(), other.get(f).asDouble(), f);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void scalingTheMetricScalesTheEffect(long seed) throws IOException {
        List<String[]> rows = rows(seed, new String[] {"control", "treatment"});
        double c = new double[] {1e-3, 60, 1e6}[(int) (seed % 3)];
        List<String[]> scaled = rows.stream()
                .map(x -> new String[] {x[0], x[1], fmt(Double.parseDouble(x[2]) * c), fmt(Double.parseDouble(x[3]) * c)}).toList();
        // the scaled file must not lose digits: compare against the same rounding applied to the base
        List<String[]> base = scaled.stream()
                .map(x -> new String[] {x[0], x[1], fmt(Double.parseDouble(x[2]) / c), fmt(Double.parseDouble(x[3]) / c)}).toList();
        if (c < 1) {
            base = rows;
            scaled = rows.stream().map(x -> new String[] {x[0], x[1], String.format(Locale.ROOT, "%.9f", Double.parseDouble(x[2]) * c),
                    String.format(Locale.ROOT, "%.9f", Double.parseDouble(x[3]) * c)}).toList();
        }
        JsonNode a = comparison(ab(write("a.csv", base)), "treatment");
        JsonNode b = comparison(ab(write("b.csv", scaled)), "treatment");
        for (String f : new String[] {"estimate", "se", "ci_low", "ci_high"}) {
            assertEquals(a.get(f).asDouble() * c, b.get(f).asDouble(), 1e-7 * Math.abs(a.get(f).asDouble() * c) + 1e-12, f);
        }
        for (String f : new String[] {"p_value", "relative", "variance_reduction"}) {
            assertEquals(a.get(f).asDouble(), b.get(f).asDouble(), 1e-7, f);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anAaArmChangesNothingElse(long seed) throws IOException {
        List<String[]> rows = rows(seed, new String[] {"control", "treatment"});
        JsonNode base = ab(write("a.csv", rows), "--control", "control");
        List<String[]> more = new ArrayList<>(rows);
        Random r = new Random(seed + 99);
        for (int u = 0; u < 120; u++) {
            double pre = 5 + 2 * r.nextGaussian();
            more.add(new String[] {"aa" + u, "control_copy", fmt(pre * 0.7 + r.nextGaussian()), fmt(pre)});
        }
        JsonNode withAa = ab(write("b.csv", more), "--control", "control");
        JsonNode a = comparison(base, "treatment");
        JsonNode b = comparison(withAa, "treatment");
        for (String f : new String[] {"estimate", "se", "ci_low", "ci_high", "p_value", "relative"}) {
            close(a.get(f).asDouble(), b.get(f).asDouble(), f);
        }
        assertEquals(3, withAa.get("metrics").get(0).get("variants").size());
    }

    /** A <-> B is the same edge as B <-> A. */
    static Set<String> canonical(List<Edge> edges) {
        Set<String> out = new HashSet<>();
        for (Edge e : edges) {
            boolean swap = e.bidirected() && e.from().compareTo(e.to()) > 0;
            out.add((swap ? e.to() : e.from()) + (e.bidirected() ? " <-> " : " -> ") + (swap ? e.from() : e.to()));
        }
        return out;
    }

    /** Random DAGs (edges only from lower to higher index, so acyclic), with roles and bidirected edges. */
    @ParameterizedTest
    @MethodSource("seeds")
    void dagittyRoundTrips(long seed) {
        Random r = new Random(seed);
        for (int g = 0; g < 40; g++) {
            int n = 2 + r.nextInt(9);
            List<String> nodes = IntStream.range(0, n).mapToObj(i -> new String[] {"X", "Y", "Z", "ä", "long_name_"}[i % 5] + i).toList();
            List<Edge> edges = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (r.nextDouble() < 0.3 && seen.add(i + ":" + j)) {
                        edges.add(new Edge(nodes.get(i), nodes.get(j), r.nextDouble() < 0.15));
                    }
                }
            }
            Map<String, Set<Role>> roles = new HashMap<>();
            for (String v : nodes) {
                roles.put(v, r.nextDouble() < 0.2 ? Set.of(Role.LATENT) : Set.of());
            }
            roles.put(nodes.get(0), Set.of(Role.EXPOSURE));
            roles.put(nodes.get(n - 1), Set.of(Role.OUTCOME));
            Dag dag = Dag.of(nodes, edges, roles);
            String text = dag.toDagitty();
            Dag back = Dag.parse(text);
            assertEquals(new HashSet<>(dag.nodes()), new HashSet<>(back.nodes()), text);
            assertEquals(canonical(dag.edges()), canonical(back.edges()), text);
            for (String v : nodes) {
                assertEquals(dag.roles(v), back.roles(v), v + " in " + text);
            }
            // the reader orders the ends of a bidirected edge, so the text is a fixed point from the first read on
            assertEquals(back.toDagitty(), Dag.parse(back.toDagitty()).toDagitty(), "writing is stable");
            assertTrue(back.implications().size() == dag.implications().size(), text);
        }
    }
}
