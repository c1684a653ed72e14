package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceteris run} acting on assignment.yaml, {@code ceteris events}, {@code ceteris schedule --once}, and their bad input. */
class LiveCommandsTest {

    @TempDir
    Path ws;

    static final String ASSIGNMENT = "experiments:\n  - {key: artwork-row, variations: [control, a, b], hash_version: 2}\n";

    private void workspace(String extra) throws IOException {
        Files.writeString(ws.resolve("ceteris.yaml"), """
                studies:
                  artwork:
                    method: sequential
                    data: plays.csv
                    variant: variant
                    metric: played
                    time: day
                    demote: true
                """ + extra);
        Files.writeString(ws.resolve("assignment.yaml"), ASSIGNMENT);
        Random rnd = new Random(5);
        StringBuilder csv = new StringBuilder("variant,played,day\n");
        for (int day = 1; day <= 10; day++) {
            for (String arm : List.of("control", "a", "b")) {
                for (int n = 0; n < 300; n++) {
                    csv.append(arm).append(',').append(rnd.nextDouble() < (arm.equals("b") ? 0.12 : 0.3) ? 1 : 0).append(',')
                            .append(java.time.LocalDate.of(2026, 11, 1).plusDays(day)).append('\n');
                }
            }
        }
        Files.writeString(ws.resolve("plays.csv"), csv);
    }

    @Test
    void aRunDemotesInAssignmentYamlAndEventsListsItNewestFirst() throws IOException {
        workspace("    assignment: {experiment: artwork-row}\n");
        Cli.Run run = Cli.run("run", "--workspace", ws.toString()).ok();
        assertTrue(run.out().contains("event: artwork: assignment.yaml revision 2: arm b leaves experiment artwork-row"), run.out());
        assertTrue(Files.isRegularFile(ws.resolve("assignment-revisions/assignment.1.yaml")));
        assertEquals(ASSIGNMENT, Files.readString(ws.resolve("assignment-revisions/assignment.1.yaml")));
        // the revised file still answers `ceteris assign`: b's units are out, a's keep a
        Cli.Run assign = Cli.run("assign", "--config", ws.resolve("assignment.yaml").toString(), "--unit", "u1", "--json").ok();
        assertTrue(Json.read(assign.out()).get("assignments").get(0).has("variation"));

        JsonNode events = Json.read(Cli.run("events", "--workspace", ws.toString(), "--study", "artwork", "--json").ok().out()).get("events");
        assertEquals("revision", events.get(0).get("kind").asText());
        assertEquals("demoted", events.get(1).get("kind").asText());
        assertEquals("b", events.get(1).get("arm").asText());
        assertTrue(Cli.run("events", "--workspace", ws.toString()).ok().out().contains("demoted"));
        assertOneLineError(Cli.run("events", "--workspace", ws.toString(), "--study", "nope"), "no study 'nope'");
    }

    @Test
    void scheduleOnceRunsWhatIsDueOnce() throws IOException {
        workspace("    schedule: hourly\n");
        JsonNode first = Json.read(Cli.run("schedule", "--workspace", ws.toString(), "--once", "--json").ok().out());
        assertEquals(1, first.get("runs").size());
        assertEquals("artwork", first.get("due").get(0).get("study").asText());
        JsonNode second = Json.read(Cli.run("schedule", "--workspace", ws.toString(), "--once", "--json").ok().out());
        assertEquals(0, second.get("runs").size(), "the same due time is not run twice (unless the hour turned between the calls)");
    }

    @Test
    void badLoopSettingsAreOneLineAndChangeNothing() throws IOException {
        workspace("    assignment: {experiment: artwork-rows}\n");
        assertOneLineError(Cli.run("run", "--workspace", ws.toString()), "unknown experiment 'artwork-rows'");
        assertFalse(Files.exists(ws.resolve("ceteris.duckdb")) && Cli.run("history", "--workspace", ws.toString()).out().contains("artwork"));
        assertEquals(ASSIGNMENT, Files.readString(ws.resolve("assignment.yaml")));

        workspace("    schedule: every morning\n");
        assertOneLineError(Cli.run("schedule", "--workspace", ws.toString(), "--once"), "schedule 'every morning' is not 'daily HH:MM', 'hourly' or a 5-field cron");
        workspace("    schedule: hourly\n");
        Files.writeString(ws.resolve("ceteris.yaml"), "alerts: [{url: 'not a url'}]\n" + Files.readString(ws.resolve("ceteris.yaml")));
        assertOneLineError(Cli.run("run", "--workspace", ws.toString()), "alert url 'not a url'");
        workspace("    assignment: {experiment: artwork-row}\n");
        Files.writeString(ws.resolve("assignment.yaml"), ASSIGNMENT.replace("hash_version: 2", "hash_version: 3"));
        assertOneLineError(Cli.run("run", "--workspace", ws.toString()), "hash_version must be 1 or 2");
        assertFalse(Files.exists(ws.resolve("assignment-revisions")));
    }

    @Test
    void simulateLivePrintsEachDaysShareAndStatusAndRejectsAnUnknownScenario() {
        JsonNode doc = Json.read(Cli.run("simulate-live", "--scenario", "artwork", "--days", "6", "--members-per-day", "2000",
                "--seed", "3", "--json").ok().out());
        assertEquals(6, doc.get("days").size());
        JsonNode day1 = doc.get("days").get(0);
        assertEquals(5, day1.get("share").size());
        assertEquals(1.0, day1.get("share").get("control").asDouble() * 5, 0.25);
        assertEquals("active", day1.get("status").get("bold_title").asText());
        String text = Cli.run("simulate-live", "--days", "3", "--members-per-day", "500").ok().out();
        assertTrue(text.contains("lead_closeup") && text.contains("fixed allocation"), text);
        assertOneLineError(Cli.run("simulate-live", "--scenario", "billboard"), "unknown scenario 'billboard'");
        assertOneLineError(Cli.run("simulate-live", "--days", "0"), "--days must be from 1 to 366");
    }
}
