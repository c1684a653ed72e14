package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.ceteris.assign.Assigner;
import org.ceteris.assign.UnitAssignment;
import org.ceteris.assignment.AssignConfigYaml;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Rows;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignCommandTest {

    static final String CONFIG = """
            namespaces:
              homepage: {}
            experiments:
              - key: row-ranking
                variations: [control, personalised]
                weights: [0.5, 0.5]
                coverage: 1.0
                namespace: [homepage, 0.0, 0.5]
                hash_version: 2
                seed: row-ranking
                condition: {country: {$in: [US, CA]}}
              - key: hero
                variations: [control, big]
                namespace: [homepage, 0.5, 1.0]
                hash_version: 2
              - key: artwork
                variations: [control, v1, v2]
                weights: [0.5, 0.3, 0.2]
                coverage: 0.8
                hash_version: 1
                forced: {qa-1: v2}
            """;

    static Path config(Path dir, String text) throws Exception {
        Path p = dir.resolve("assign.yaml");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void singleUnitJsonContract(@TempDir Path dir) throws Exception {
        Path cfg = config(dir, CONFIG);
        Cli.Run run = Cli.run("assign", "--config", cfg.toString(), "--unit", "u1", "--attr", "country=US", "--json").ok();
        JsonNode root = Json.read(run.out());
        assertEquals(List.of("unit", "assignments"), fieldNames(root));
        assertEquals("u1", root.get("unit").asText());
        assertEquals(3, root.get("assignments").size());
        UnitAssignment expected = new Assigner(AssignConfigYaml.parse(CONFIG, "x")).assign("u1", Map.of("country", "US"));
        for (int i = 0; i < 3; i++) {
            JsonNode a = root.get("assignments").get(i);
            assertEquals(List.of("experiment", "variation", "variation_index", "bucket", "in_experiment"), fieldNames(a));
            assertEquals(expected.assignments().get(i).variationIndex(), a.get("variation_index").asInt());
            assertEquals(expected.assignments().get(i).inExperiment(), a.get("in_experiment").asBoolean());
            assertEquals(expected.assignments().get(i).bucket(), a.get("bucket").asDouble(), 0.0);
            assertEquals(a.get("in_experiment").asBoolean() ? expected.assignments().get(i).variation() : "", a.get("variation").asText());
        }
        // the two homepage experiments are mutually exclusive
        assertTrue(!(root.get("assignments").get(0).get("in_experiment").asBoolean()
                && root.get("assignments").get(1).get("in_experiment").asBoolean()));
    }

    @Test
    void targetingAndForcedVariations(@TempDir Path dir) throws Exception {
        Path cfg = config(dir, CONFIG);
        // a unit in row-ranking's half of the namespace is out of it when the country does not match
        String inHalf = null;
        Assigner assigner = new Assigner(AssignConfigYaml.parse(CONFIG, "x"));
        for (int i = 0; inHalf == null; i++) {
            if (assigner.assign("m" + i, Map.of("country", "CA")).assignments().get(0).inExperiment()) {
                inHalf = "m" + i;
            }
        }
        JsonNode us = Json.read(Cli.run("assign", "--config", cfg.toString(), "--unit", inHalf, "--attr", "country=CA", "--json").ok().out());
        JsonNode fr = Json.read(Cli.run("assign", "--config", cfg.toString(), "--unit", inHalf, "--attr", "country=FR", "--json").ok().out());
        assertTrue(us.get("assignments").get(0).get("in_experiment").asBoolean());
        assertEquals(-1, fr.get("assignments").get(0).get("variation_index").asInt());
        assertEquals("", fr.get("assignments").get(0).get("variation").asText());
        // QA: forced in the config and on the command line
        JsonNode qa = Json.read(Cli.run("assign", "--config", cfg.toString(), "--unit", "qa-1", "--force", "hero=big", "--json").ok().out());
        assertEquals("v2", qa.get("assignments").get(2).get("variation").asText());
        assertEquals("big", qa.get("assignments").get(1).get("variation").asText());
        assertTrue(Cli.run("assign", "--config", cfg.toString(), "--unit", "u9").ok().out().contains("row-ranking"));
    }

    @Test
    void bulkWritesTheContractColumnsToParquetAndCsv(@TempDir Path dir) throws Exception {
        Path cfg = config(dir, CONFIG);
        StringBuilder csv = new StringBuilder("member_id,country\n");
        String[] countries = {"US", "CA", "FR", ""};
        for (int i = 0; i < 3000; i++) {
            csv.append("m").append(i).append(',').append(countries[i % 4]).append('\n');
        }
        Path units = dir.resolve("units.csv");
        Files.writeString(units, csv);
        Assigner assigner = new Assigner(AssignConfigYaml.parse(CONFIG, "x"));
        for (String ext : List.of("parquet", "csv")) {
            Path out = dir.resolve("out." + ext);
            Cli.Run run = Cli.run("assign", "--config", cfg.toString(), "--units", units.toString(), "--id-column", "member_id",
                    "--out", out.toString()).ok();
            assertTrue(run.out().contains("9,000 rows"), run.out());
            try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
                Rows rows = engine.query("SELECT * FROM '" + out + "'");
                assertEquals(List.of("unit", "experiment", "variation", "variation_index", "bucket", "in_experiment"), rows.columns());
                assertEquals(9000, rows.size());
                for (int r = 0; r < rows.size(); r++) {
                    int u = r / 3;
                    String country = countries[u % 4];
                    UnitAssignment expected = assigner.assign("m" + u, country.isEmpty() ? Map.of() : Map.of("country", country));
                    var e = expected.assignments().get(r % 3);
                    assertEquals("m" + u, rows.getString(r, "unit"));
                    assertEquals(e.experiment(), rows.getString(r, "experiment"));
                    assertEquals(e.variationIndex(), rows.getLong(r, "variation_index"));
                    String variation = rows.getString(r, "variation");
                    assertEquals(e.variation(), variation == null ? "" : variation);
                    assertEquals(e.bucket(), rows.getDouble(r, "bucket"), 0.0);
                    assertEquals(e.inExperiment(), rows.get(r, "in_experiment"));
                }
            }
        }
    }

    @Test
    void badInputIsOneLine(@TempDir Path dir) throws Exception {
        Path good = config(dir, CONFIG);
        assertOneLineError(Cli.run("assign", "--config", config(dir, CONFIG.replace("weights: [0.5, 0.3, 0.2]", "weights: [0.5, 0.3, 0.3]")).toString(),
                "--unit", "u1"), "weights sum to 1.1");
        assertOneLineError(Cli.run("assign", "--config", config(dir, CONFIG.replace("[homepage, 0.5, 1.0]", "[homepage, 0.4, 1.0]")).toString(),
                "--unit", "u1"), "overlap in namespace 'homepage'");
        assertOneLineError(Cli.run("assign", "--config", config(dir, CONFIG.replace("key: hero", "key: artwork")).toString(),
                "--unit", "u1"), "duplicate experiment key 'artwork'");
        assertOneLineError(Cli.run("assign", "--config", config(dir, CONFIG.replace("coverage: 0.8", "coverage: 0.8\n    coverage: 0.9")).toString(),
                "--unit", "u1"), "duplicate key");
        assertOneLineError(Cli.run("assign", "--config", config(dir, CONFIG.replace("$in:", "$within:")).toString(),
                "--unit", "u1"), "unsupported operator '$within'");
        Path cfg = config(dir, CONFIG);
        assertOneLineError(Cli.run("assign", "--config", cfg.toString(), "--unit", ""), "unit id missing");
        assertOneLineError(Cli.run("assign", "--config", cfg.toString(), "--unit", "u1", "--force", "hero=huge"), "not a variation of 'hero'");
        assertOneLineError(Cli.run("assign", "--config", dir.resolve("nope.yaml").toString(), "--unit", "u1"), "config file not found");
        Path units = dir.resolve("units.csv");
        Files.writeString(units, "member_id,country\nm1,US\n,CA\nm3,FR\n");
        assertOneLineError(Cli.run("assign", "--config", cfg.toString(), "--units", units.toString(), "--id-column", "member_id",
                "--out", dir.resolve("o.parquet").toString()), "1 row(s) of units.csv have no unit id");
        assertOneLineError(Cli.run("assign", "--config", cfg.toString(), "--units", units.toString(), "--id-column", "member",
                "--out", dir.resolve("o.parquet").toString()), "member");
        assertOneLineError(Cli.run("assign", "--config", cfg.toString(), "--units", units.toString(), "--id-column", "member_id",
                "--out", dir.resolve("o.json").toString()), ".parquet or .csv");
        assertOneLineError(Cli.run("assign", "--config", good.toString()), "--unit ID or --units FILE");
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = n.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }
}
