package org.ceteris.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ceteris.assign.AssignConfig;
import org.ceteris.assign.Assigner;
import org.ceteris.assign.ExperimentConfig;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ceteris against the reference: the GrowthBook JavaScript SDK (installed from npm by .ci/setup into
 * src/test/node/node_modules) assigns 100,000 units in 12 experiments across 3 namespaces, with
 * uneven weights, partial coverage, both hash versions, targeting conditions and non-ASCII ids; every
 * variation and bucket must agree. Node and the SDK are required: without them the test fails.
 */
public class GrowthBookCompatibilityTest {

    static final Path NODE_DIR = Path.of("src/test/node");
    static final int UNITS = 100_000;

    static final String CONFIG = """
            namespaces:
              homepage: {}
              search: {}
              player: {}
            experiments:
              - {key: row-ranking, variations: [control, personalised], weights: [0.3, 0.7], coverage: 0.8, namespace: [homepage, 0.0, 0.4], hash_version: 2}
              - {key: hero-banner, variations: [control, big, small], weights: [0.5, 0.25, 0.25], coverage: 1.0, namespace: [homepage, 0.4, 0.75], hash_version: 2}
              - {key: row-order, variations: [control, b], weights: [0.1, 0.9], coverage: 0.35, namespace: [homepage, 0.75, 1.0], hash_version: 1}
              - {key: search-ranker, variations: [control, bm25, neural, hybrid], weights: [0.4, 0.2, 0.2, 0.2], coverage: 0.9, namespace: [search, 0.0, 0.333], hash_version: 2, seed: ranker-2026}
              - {key: autocomplete, variations: [control, v2], weights: [0.65, 0.35], coverage: 0.5, namespace: [search, 0.333, 0.9], hash_version: 1}
              - {key: autoplay, variations: [control, on], weights: [0.5, 0.5], coverage: 0.7, namespace: [player, 0.0, 0.5], hash_version: 2, condition: {country: {$in: [US, CA, 用户]}}}
              - {key: skip-intro, variations: [control, button, auto], weights: [0.2, 0.3, 0.5], coverage: 1.0, namespace: [player, 0.5, 0.62], hash_version: 2}
              - {key: subtitles, variations: [control, larger], weights: [0.55, 0.45], coverage: 0.95, namespace: [player, 0.62, 1.0], hash_version: 1, condition: {age: {$gte: 30}}}
              - {key: artwork, variations: [control, v1, v2, v3, v4], weights: [0.2, 0.2, 0.2, 0.2, 0.2], coverage: 0.6, hash_version: 2}
              - {key: trailer-sound, variations: [control, muted], weights: [0.75, 0.25], coverage: 1.0, hash_version: 2, condition: {$or: [{country: {$nin: [US, GB]}}, {age: {$lt: 25}}]}}
              - {key: price-display, variations: [control, monthly, yearly], weights: [0.34, 0.33, 0.33], coverage: 0.25, hash_version: 1, seed: pd}
              - {key: onboarding, variations: [control, short], weights: [0.8, 0.2], coverage: 1.0, hash_version: 2, condition: {country: {$exists: true}, $not: {age: {$gt: 70}}}}
            """;

    @Test
    void everyAssignmentMatchesTheGrowthBookSdk(@TempDir Path tmp) throws Exception {
        Path sdk = NODE_DIR.resolve("node_modules/@growthbook/growthbook/package.json");
        if (!Files.isRegularFile(sdk)) {
            fail("GrowthBook JS SDK not installed at " + sdk.toAbsolutePath()
                    + ": run .ci/setup (npm install --prefix ceteris-engine/src/test/node); this reference check cannot be skipped");
        }
        AssignConfig config = AssignConfigYaml.parse(CONFIG, "compat.yaml");
        assertTrue(config.experiments().size() >= 10 && config.namespaces().size() >= 3);

        List<String> ids = new ArrayList<>();
        List<Map<String, Object>> attrs = new ArrayList<>();
        StringBuilder tsv = new StringBuilder("id\tcountry\tage\n");
        Random rnd = new Random(20261127);
        String[] countries = {"US", "CA", "GB", "DE", "BR", "用户", ""};
        for (int i = 0; i < UNITS; i++) {
            String id = switch (i % 5) {
                case 0 -> "u" + i;
                case 1 -> "member-" + (i * 7919L);
                case 2 -> "用户" + i;
                case 3 -> "🎬-" + Integer.toHexString(rnd.nextInt());
                default -> Long.toString(Math.abs(rnd.nextLong()));
            };
            String country = countries[rnd.nextInt(countries.length)];
            int age = 15 + rnd.nextInt(66);
            Map<String, Object> a = new HashMap<>();
            if (!country.isEmpty()) {
                a.put("country", country);
            }
            a.put("age", (double) age);
            a.put("id", id);
            ids.add(id);
            attrs.add(a);
            tsv.append(id).append('\t').append(country).append('\t').append(age).append('\n');
        }
        Path units = tmp.resolve("units.tsv");
        Files.writeString(units, tsv, StandardCharsets.UTF_8);
        Path json = tmp.resolve("config.json");
        Files.writeString(json, Json.mapper().writeValueAsString(Map.of("experiments", growthBookExperiments(config))));

        List<String> reference = runNode(json, units, tmp.resolve("out.txt"));
        assertEquals(UNITS, reference.size(), "the SDK printed one line per unit");

        Assigner assigner = new Assigner(config);
        int k = assigner.size();
        int[] index = new int[k];
        double[] bucket = new double[k];
        long compared = 0;
        long inExperiment = 0;
        for (int u = 0; u < UNITS; u++) {
            assigner.assignInto(ids.get(u), attrs.get(u), index, bucket);
            String[] cells = reference.get(u).split(",");
            assertEquals(k, cells.length);
            for (int e = 0; e < k; e++) {
                String expected = cells[e];
                int at = expected.indexOf('@');
                int refIndex = Integer.parseInt(at < 0 ? expected : expected.substring(0, at));
                String key = config.experiments().get(e).key();
                int unit = u;
                assertEquals(refIndex, index[e], () -> "unit '" + ids.get(unit) + "' in " + key);
                if (at >= 0) {
                    assertEquals(Double.parseDouble(expected.substring(at + 1)), bucket[e], 0.0,
                            () -> "bucket of unit '" + ids.get(unit) + "' in " + key);
                    inExperiment++;
                }
                compared++;
            }
        }
        assertEquals((long) UNITS * k, compared);
        assertTrue(inExperiment > UNITS, "the config puts many units in experiments: " + inExperiment);
    }

    /** The config as GrowthBook Experiment objects; variations are their indices. */
    public static List<Map<String, Object>> growthBookExperiments(AssignConfig config) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ExperimentConfig e : config.experiments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", e.key());
            List<Integer> variations = new ArrayList<>();
            for (int i = 0; i < e.variations().size(); i++) {
                variations.add(i);
            }
            m.put("variations", variations);
            m.put("weights", e.weights());
            m.put("coverage", e.coverage());
            if (e.namespace() != null) {
                m.put("namespace", List.of(e.namespace().namespace(), e.namespace().start(), e.namespace().end()));
            }
            m.put("hashVersion", e.hashVersion());
            m.put("seed", e.seed());
            if (e.condition() != null) {
                m.put("condition", e.condition().tree());
            }
            if (e.ranges() != null) {
                m.put("ranges", e.ranges());
            }
            out.add(m);
        }
        return out;
    }

    public static List<String> runNode(Path config, Path units, Path out) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("node", NODE_DIR.resolve("growthbook_assign.js").toString(), config.toString(), units.toString())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            fail("node is not installed or not on PATH; the GrowthBook reference check needs it (" + e.getMessage() + ")");
            throw e;
        }
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the GrowthBook reference script did not finish within 180 s");
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> "node failed: " + err);
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }
}
