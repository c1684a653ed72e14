package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceteris synth} and {@code ceteris did} with a date column: dates in, the same fit, dates out; bad dates exit 2. */
class DatedPanelCliTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    @TempDir
    Path dir;

    /** SynthCommandTest's seeded panel (weeks 1–20, C01 treated from week 16) with week n written as the date of Monday n. */
    private Path[] panels() throws Exception {
        Path numbered = SynthCommandTest.panel(dir.resolve("weeks.csv"), 8, false, false);
        List<String> lines = Files.readAllLines(numbered);
        String dated = lines.get(0) + "\n" + lines.stream().skip(1).map(l -> {
            String[] f = l.split(",", -1);
            f[1] = MONDAY.plusWeeks(Long.parseLong(f[1]) - 1).toString();
            return String.join(",", f);
        }).collect(Collectors.joining("\n")) + "\n";
        return new Path[] {numbered, Files.writeString(dir.resolve("dates.csv"), dated)};
    }

    private static Cli.Run synth(Path csv, String time, String... extra) {
        String[] base = {"synth", "--data", csv.toString(), "--unit", "city", "--time", "week", "--outcome", "signups",
            "--treated", "C01", "--treatment-time", time};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return Cli.run(all);
    }

    @Test
    void synthWithDatesFitsAsWithWeekNumbersAndPrintsDates() throws Exception {
        Path[] p = panels();
        JsonNode n = Json.read(synth(p[0], "16", "--placebos", "--predictor", "income:1-15", "--json").ok().out());
        JsonNode d = Json.read(synth(p[1], "2026-04-20", "--placebos", "--predictor", "income:2026-01-05..2026-04-13", "--json").ok().out());
        assertEquals(n.get("att").asDouble(), d.get("att").asDouble(), 1e-12);
        assertEquals(n.get("p_value").asDouble(), d.get("p_value").asDouble(), 0);
        assertEquals(n.get("weights"), d.get("weights"));
        assertEquals("2026-04-20", d.get("treatment_time").asText());
        assertEquals("2026-05-18", d.get("gaps").get(19).get("time").asText());
        assertTrue(d.get("predictor_weights").has("income:2026-01-05..2026-04-13"), d.get("predictor_weights").toString());
        String text = synth(p[1], "2026-04-20").ok().out();
        assertTrue(text.startsWith("Synthetic control for C01, treated from 2026-04-20 (classic)"), text);
        assertTrue(text.contains("\n2026-05-18 "), text);
    }

    @Test
    void badDatesAreOneLineWithExitTwo() throws Exception {
        Path[] p = panels();
        assertOneLineError(synth(p[1], "2026-13-01"), "--treatment-time '2026-13-01' is not a date; use YYYY-MM-DD");
        assertOneLineError(synth(p[1], "16"), "--treatment-time 16 is a period number but time column 'week' holds dates");
        assertOneLineError(synth(p[0], "2026-04-20"), "--treatment-time 2026-04-20 is a date (YYYY-MM-DD) but time column 'week' "
                + "holds period numbers; give a period number");
        assertOneLineError(synth(p[1], "2026-04-21"), "--treatment-time 2026-04-21 is not among the dates of 'week'");
        assertOneLineError(synth(p[1], "2026-04-20", "--fit-window", "2026-01-05-2026-03-02"),
                "--fit-window '2026-01-05-2026-03-02': write the window as FROM..TO");
        assertOneLineError(synth(p[1], "2026-04-20", "--special", "signups@2026-02-30"),
                "predictor 'signups@2026-02-30': time '2026-02-30' is not a date; use YYYY-MM-DD");
    }

    @Test
    void didWithDatesCountsPeriods() throws Exception {
        StringBuilder numbered = new StringBuilder("unit,week,y,first\n");
        StringBuilder dated = new StringBuilder("unit,week,y,first\n");
        for (int u = 1; u <= 12; u++) {
            int first = u % 3 == 0 ? 0 : 4 + u % 3;
            for (int t = 1; t <= 9; t++) {
                double y = u + Math.sin(t * u) + (first > 0 && t >= first ? 1 + 0.5 * (t - first) : 0);
                numbered.append(u).append(',').append(t).append(',').append(y).append(',').append(first).append('\n');
                dated.append(u).append(',').append(MONDAY.plusDays(3L * t * t)).append(',').append(y).append(',')
                        .append(first == 0 ? "" : MONDAY.plusDays(3L * first * first).toString()).append('\n');
            }
        }
        Path n = Files.writeString(dir.resolve("n.csv"), numbered);
        Path d = Files.writeString(dir.resolve("d.csv"), dated);
        for (String design : new String[] {"--control=never", "--event-study"}) {
            JsonNode a = Json.read(Cli.run("did", "--data", n.toString(), "--unit", "unit", "--time", "week", "--outcome", "y",
                    "--first-treated", "first", design, "--json").ok().out());
            JsonNode b = Json.read(Cli.run("did", "--data", d.toString(), "--unit", "unit", "--time", "week", "--outcome", "y",
                    "--first-treated", "first", design, "--json").ok().out());
            assertEquals(a.get("estimate").asDouble(), b.get("estimate").asDouble(), 1e-12, design);
            assertEquals(a.get("event_study"), b.get("event_study"), "irregular gaps: event times count periods, not days");
            if (b.has("att_gt") && !b.get("att_gt").isNull()) {
                assertEquals(MONDAY.plusDays(3 * 5 * 5).toString(), b.get("att_gt").get(0).get("group").asText());
                assertEquals(a.get("aggregations").get("dynamic"), b.get("aggregations").get("dynamic"));
            }
        }
    }
}
