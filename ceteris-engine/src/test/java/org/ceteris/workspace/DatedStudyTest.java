package org.ceteris.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Studies in ceteris.yaml on a dated panel: unquoted YAML dates as treatment_time and windows, results with ISO dates. */
class DatedStudyTest {

    @TempDir
    Path dir;

    @Test
    void synthAndDidStudiesReadDatesFromYamlAndStoreDates() throws IOException {
        StringBuilder csv = new StringBuilder("city,week,signups,visits,first\n");
        LocalDate origin = LocalDate.of(2026, 1, 5);
        for (int u = 1; u <= 8; u++) {
            for (int t = 0; t < 14; t++) {
                double y = 100 + 10 * u + 3 * Math.sin(t * u) + (u == 3 && t >= 10 ? -12 : 0);
                double visits = 50 + u + Math.sin(t) + (u % 2 == 0 && t >= 8 ? 2 : 0);
                csv.append("C").append(u).append(',').append(origin.plusWeeks(t)).append(',').append(y).append(',').append(visits).append(',')
                        .append(u % 2 == 0 ? origin.plusWeeks(8).toString() : "").append('\n');
            }
        }
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/weekly.csv"), csv);
        Workspace ws = Workspace.openOrCreate(dir);
        Files.writeString(ws.config(), """
                studies:
                  billboard:
                    method: synth
                    data: data/weekly.csv
                    unit: city
                    time: week
                    outcome: signups
                    treated: C3
                    treatment_time: 2026-03-16
                    fit_window: 2026-01-12..2026-03-09
                    special: [signups@2026-02-02]
                    predictor: ["signups:2026-01-05..2026-02-23"]
                    exclude: [C2, C4, C6, C8]
                  rollout:
                    method: did
                    data: data/weekly.csv
                    unit: city
                    time: week
                    outcome: visits
                    first_treated: first
                    sql: SELECT * FROM data WHERE city <> 'C3'
                """);
        List<StoredRun> runs = StudyRunner.run(ws, WorkspaceConfig.read(ws.config()).studies(), "test");
        assertEquals(2, runs.size());
        JsonNode synth = Json.read(runs.get(0).result());
        assertEquals("2026-03-16", synth.get("treatment_time").asText());
        assertEquals("2026-01-05", synth.get("gaps").get(0).get("time").asText());
        assertEquals("2026-04-06", synth.get("gaps").get(13).get("time").asText());
        List<String> predictors = new java.util.ArrayList<>();
        synth.get("predictor_weights").fieldNames().forEachRemaining(predictors::add);
        assertEquals(List.of("signups:2026-01-05..2026-02-23", "signups@2026-02-02"), predictors);
        assertEquals(-12, runs.get(0).headline().estimate(), 1.5, "the billboard's effect");
        JsonNode did = Json.read(runs.get(1).result());
        assertEquals("2026-03-02", did.get("att_gt").get(0).get("group").asText());
        assertEquals("2026-01-12", did.get("att_gt").get(0).get("time").asText());
        assertEquals(2, did.get("estimate").asDouble(), 1e-9, "the roll-out adds exactly 2 from its first week");
    }
}
