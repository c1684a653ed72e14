package org.ceteris.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import org.ceteris.sequential.Direction;
import org.ceteris.sequential.LookSchedule;
import org.ceteris.sequential.SequentialInput;
import org.ceteris.sequential.SequentialResult;
import org.ceteris.sequential.SequentialSpec;
import org.ceteris.sequential.SequentialTest;
import org.ceteris.stats.CoMoments;
import org.ceteris.studies.Params;
import org.ceteris.studies.SequentialStudy;
import org.ceteris.studies.StudyMethods;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequentialInputsTest {

    @TempDir
    Path dir;

    DuckDbEngine engine;

    @BeforeEach
    void open() {
        engine = DuckDbEngine.inMemory();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    static SequentialSpec spec(String metric, String covariate, LookSchedule schedule) {
        return new SequentialSpec("variant", null, SequentialSpec.metric(metric, null, covariate), "day", schedule,
                SequentialTest.Method.CS, 5000, 0.05, Direction.HIGHER, false, null);
    }

    Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }

    /**
     * The whole path — SQL batches per (look, variant), merged by the monitor — against numpy's
     * computation on the cumulative raw rows of each day (sequential_replay_expected.txt, written by
     * ceteris-core's reference.py): CUPED, three arms, rows out of time order, a look per day.
     */
    @Test
    void replayThroughSqlMatchesNumpy() throws IOException {
        Path csv = resource("sequential_replay.csv");
        SequentialResult r = SequentialStudy.run(engine, new Source.File(csv), spec("minutes", "pre_minutes", null));
        assertEquals(9, r.looks().size());
        assertEquals("2026-03-01", r.looks().get(0).time());
        assertEquals("2026-03-09", r.looks().get(8).time());
        int checked = 0;
        for (String line : Files.readAllLines(resource("sequential_replay_expected.txt"))) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ");
            SequentialResult.Look look = r.looks().get(Integer.parseInt(f[1]) - 1);
            SequentialResult.Arm arm = look.arms().stream().filter(a -> a.variant().equals(f[2])).findFirst().orElseThrow();
            double se = Double.parseDouble(f[4]);
            close(Double.parseDouble(f[3]), arm.estimate(), se);
            // the reference computes each look on its own: the per-look values (the shown ones are their running versions)
            close(Double.parseDouble(f[5]), arm.ciLowLook(), se);
            close(Double.parseDouble(f[6]), arm.ciHighLook(), se);
            close(Double.parseDouble(f[7]), arm.pValueLook(), 0);
            checked++;
        }
        assertEquals(18, checked);
        assertEquals("control", r.looks().get(0).arms().get(0).variant());
        assertNull(r.looks().get(0).arms().get(0).estimate(), "the control row carries n and mean only");
    }

    static void close(double expected, double actual, double scale) {
        assertEquals(expected, actual, 1e-9 * Math.max(Math.abs(expected), scale));
    }

    void table(String sql) {
        engine.execute("CREATE OR REPLACE TABLE t AS " + sql);
    }

    /** 1,200 units, one a minute, alternating arms. */
    void minutes() {
        table("SELECT CASE WHEN i % 2 = 0 THEN 'control' ELSE 'B' END AS variant, "
                + "TIMESTAMP '2026-03-01 00:00:00' + to_minutes(i) AS day, (i * 7919 % 101) / 10.0 AS m "
                + "FROM range(1200) r(i)");
    }

    @Test
    void equalCountCutsGiveEqualBatches() {
        minutes();
        SequentialInput in = SequentialInputs.load(engine, new Source.Table("t"),
                spec("m", null, new LookSchedule.Count(4, LookSchedule.Cuts.COUNT)));
        assertEquals(4, in.batches().size());
        for (SequentialInput.Batch b : in.batches()) {
            assertEquals(300, b.stats().values().stream().mapToLong(CoMoments::n).sum());
        }
        assertEquals("2026-03-01T04:59:00", in.batches().get(0).time());
    }

    @Test
    void equalTimeCutsAndEveryFewHours() {
        minutes(); // 20 hours of data
        SequentialInput byTime = SequentialInputs.load(engine, new Source.Table("t"),
                spec("m", null, new LookSchedule.Count(2, LookSchedule.Cuts.TIME)));
        assertEquals(List.of(600L, 600L), byTime.batches().stream()
                .map(b -> b.stats().values().stream().mapToLong(CoMoments::n).sum()).toList());
        SequentialInput every = SequentialInputs.load(engine, new Source.Table("t"), spec("m", null, new LookSchedule.Every(0.25)));
        assertEquals(4, every.batches().size(), "6-hour looks over 20 hours");
        assertEquals(360, every.batches().get(0).stats().values().stream().mapToLong(CoMoments::n).sum());
    }

    @Test
    void looksWithoutDataAreSkippedWithADiagnostic() {
        table("SELECT * FROM (VALUES ('control', DATE '2026-03-01', 1.0), ('B', DATE '2026-03-01', 2.0), "
                + "('control', DATE '2026-03-01', 1.5), ('B', DATE '2026-03-01', 2.5), "
                + "('control', DATE '2026-03-02', 1.1), ('B', DATE '2026-03-02', 2.2), "
                + "('control', DATE '2026-03-05', 0.9), ('B', DATE '2026-03-05', 1.9)) v(variant, day, m)");
        SequentialResult r = SequentialStudy.run(engine, new Source.Table("t"), spec("m", null, null));
        assertEquals(List.of(1, 2, 5), r.looks().stream().map(SequentialResult.Look::look).toList());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("EMPTY_LOOK") && d.message().contains("3 (2026-03-03)")),
                r.diagnostics().toString());
    }

    @Test
    void timesThatDoNotParseAreAOneLineError() {
        table("SELECT * FROM (VALUES ('control', '2026-03-01', 1.0), ('B', 'yesterday', 2.0)) v(variant, day, m)");
        CeterisException e = assertThrows(CeterisException.class,
                () -> SequentialInputs.load(engine, new Source.Table("t"), spec("m", null, null)));
        assertTrue(e.getMessage().contains("'yesterday'") && e.getMessage().contains("1 value(s)"), e.getMessage());
    }

    /**
     * A column of day numbers (1, 2, 3 …) is a time column like a column of dates: the same rows with
     * day k and with the date 2026-02-28 + k give the same looks, counts, estimates and p-values, and a
     * look's time is its day number.
     */
    @Test
    void dayNumbersWorkAsTheTimeColumnAsDatesDo() {
        engine.execute("CREATE OR REPLACE TABLE t AS SELECT CASE WHEN i % 2 = 0 THEN 'control' ELSE 'B' END AS variant, "
                + "CAST(1 + (i * 7) % 9 AS INTEGER) AS day, DATE '2026-02-28' + CAST(1 + (i * 7) % 9 AS INTEGER) AS date, "
                + "(i % 13) * 0.5 + (i % 2) * 0.4 AS m FROM range(1800) r(i)");
        for (LookSchedule schedule : java.util.Arrays.asList(null, LookSchedule.of(3, null, null), LookSchedule.of(null, 2.0, null),
                LookSchedule.of(4, null, "count"))) {
            SequentialSpec byDay = new SequentialSpec("variant", null, SequentialSpec.metric("m", null, null), "day", schedule,
                    SequentialTest.Method.CS, 5000, 0.05, Direction.HIGHER, false, null);
            SequentialSpec byDate = new SequentialSpec("variant", null, SequentialSpec.metric("m", null, null), "date", schedule,
                    SequentialTest.Method.CS, 5000, 0.05, Direction.HIGHER, false, null);
            SequentialResult days = SequentialStudy.run(engine, new Source.Table("t"), byDay);
            SequentialResult dates = SequentialStudy.run(engine, new Source.Table("t"), byDate);
            assertEquals(dates.looks().size(), days.looks().size(), String.valueOf(schedule));
            for (int k = 0; k < days.looks().size(); k++) {
                SequentialResult.Look d = days.looks().get(k);
                SequentialResult.Look t = dates.looks().get(k);
                assertEquals(t.look(), d.look());
                assertEquals(java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(2026, 2, 28), java.time.LocalDate.parse(t.time())),
                        Long.parseLong(d.time()), "day number of " + t.time());
                for (int a = 0; a < d.arms().size(); a++) {
                    assertEquals(t.arms().get(a).n(), d.arms().get(a).n());
                    assertEquals(t.arms().get(a).estimate(), d.arms().get(a).estimate());
                    assertEquals(t.arms().get(a).pValue(), d.arms().get(a).pValue());
                }
            }
        }
    }

    @Test
    void textThatIsNotATimeIsStillRejected() {
        table("SELECT * FROM (VALUES ('control', 'a', 1.0), ('B', 'b', 2.0)) v(variant, day, m)");
        CeterisException e = assertThrows(CeterisException.class,
                () -> SequentialInputs.load(engine, new Source.Table("t"), spec("m", null, null)));
        assertTrue(e.getMessage().contains("not a date or time"), e.getMessage());
    }

    @Test
    void anUnknownControlOrAnArmWithoutValues() {
        minutes();
        engine.execute("INSERT INTO t VALUES ('C', TIMESTAMP '2026-03-01 01:00:00', NULL)");
        SequentialSpec unknown = new SequentialSpec("variant", "D", SequentialSpec.metric("m", null, null), "day", null,
                SequentialTest.Method.CS, 5000, 0.05, Direction.HIGHER, false, null);
        CeterisException e = assertThrows(CeterisException.class, () -> SequentialStudy.run(engine, new Source.Table("t"), unknown));
        assertTrue(e.getMessage().contains("control 'D'") && e.getMessage().contains("B, C, control"), e.getMessage());
        SequentialResult r = SequentialStudy.run(engine, new Source.Table("t"), spec("m", null, new LookSchedule.Count(3, null)));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("ARM_NOT_ESTIMABLE") && d.message().contains("Arm C never")),
                r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("MISSING_VALUES")), r.diagnostics().toString());
    }

    @Test
    void aRatioAndAProportionThroughTheStudyRegistry() {
        table("SELECT CASE WHEN i % 3 = 0 THEN 'control' WHEN i % 3 = 1 THEN 'B' ELSE 'C' END AS variant, "
                + "DATE '2026-03-01' + CAST(i // 100 AS INTEGER) AS day, (i * 37 % 11) AS minutes, 1 + (i * 13 % 4) AS sessions, "
                + "CASE WHEN (i * 7 % 10) < 3 THEN 1 ELSE 0 END AS converted FROM range(900) r(i)");
        SequentialResult ratio = (SequentialResult) StudyMethods.get("sequential").run(engine, new Source.Table("t"), new Params("study x",
                Map.of("variant", "variant", "ratio", "minutes/sessions", "time", "day", "looks", 3, "demote", true)));
        assertEquals(3, ratio.looks().size());
        assertEquals(300, ratio.looks().get(0).arms().stream().mapToLong(SequentialResult.Arm::n).sum());
        SequentialResult prop = (SequentialResult) StudyMethods.get("sequential").run(engine, new Source.Table("t"), new Params("study y",
                Map.of("variant", "variant", "metric", "converted", "time", "day", "method", "msprt", "every", 2)));
        assertEquals("msprt", prop.test());
        assertEquals(5, prop.looks().size());
        CeterisException e = assertThrows(CeterisException.class, () -> StudyMethods.get("sequential").run(engine,
                new Source.Table("t"), new Params("study z", Map.of("variant", "variant", "metric", "converted", "time", "day", "tuning", 0))));
        assertTrue(e.getMessage().contains("--tuning"), e.getMessage());
    }
}
