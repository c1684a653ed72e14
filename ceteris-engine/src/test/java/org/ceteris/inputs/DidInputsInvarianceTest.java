package org.ceteris.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ceteris.CeterisException;
import org.ceteris.did.Did;
import org.ceteris.did.DidPanel;
import org.ceteris.did.DidResult;
import org.ceteris.did.DidSpec;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The DiD panel does not depend on how the rows are presented: the same rows in another order, on
 * one or two threads, give the same panel and the same JSON byte for byte; renaming the units by a
 * map that keeps their text order changes nothing but the names; any renaming keeps every
 * estimate to rounding. Rows with a missing outcome or covariate are left out and counted, and the
 * unit-level errors name the first offending unit in text order, whatever the row order.
 */
class DidInputsInvarianceTest {

    private static final DidSpec STAGGERED = new DidSpec("unit", "period", "y", null, null, "first_treated",
            DidSpec.ComparisonGroup.NOT_YET, DidSpec.DidEstimator.DR, List.of("x"), false, null, null, 0.05);

    /**
     * 240 units (text names of varying length, so text order is not number order) × 8 periods, four
     * cohorts and never-treated units, a covariate, a few missing outcomes and covariates; rows in
     * the order given by {@code order} (an SQL expression over the columns).
     */
    private static void panel(DuckDbEngine e, String table, String unitName, String order) {
        e.execute("CREATE OR REPLACE TABLE " + table + " AS SELECT " + unitName + " AS unit, p AS period, "
                + "CASE WHEN u % 5 = 0 THEN 0 ELSE 3 + u % 4 END AS first_treated, "
                + "CASE WHEN u * 7 + p = 100 THEN NULL ELSE round(sin(u * 1.3) + 0.1 * p + (u % 3) * 0.2 "
                + "+ CASE WHEN u % 5 <> 0 AND p >= 3 + u % 4 THEN 0.5 + 0.05 * (u % 7) ELSE 0 END + cos(u * p), 6) END AS y, "
                + "CASE WHEN u = 17 AND p = 2 THEN NULL ELSE round(cos(u * 0.7) + 0.01 * p, 6) END AS x "
                + "FROM range(1, 241) a(u), range(1, 9) b(p) ORDER BY " + order);
    }

    private static DidResult analyze(DuckDbEngine e, String table, DidSpec spec) {
        DidPanel panel = DidInputs.load(e, new Source.Table(table), spec);
        return Did.analyze(spec, panel);
    }

    @Test
    void rowOrderAndThreadsDoNotMatter() {
        try (DuckDbEngine e = DuckDbEngine.inMemory()) {
            panel(e, "base", "'m' || u", "u, p");
            String expected = Json.write(analyze(e, "base", STAGGERED));
            DidPanel basePanel = DidInputs.load(e, new Source.Table("base"), STAGGERED);
            assertEquals(2, basePanel.missingRows(), "one missing outcome and one missing covariate");
            assertEquals("m1", basePanel.units().get(0));
            assertEquals("m10", basePanel.units().get(1), "units in text order");
            String[] orders = {"p DESC, u", "hash(u * 31 + p)", "y DESC NULLS FIRST", "hash(p), u DESC", "x, hash(u)"};
            for (String order : orders) {
                for (int threads : new int[] {1, 2}) {
                    e.execute("SET threads = " + threads);
                    panel(e, "shuffled", "'m' || u", order);
                    assertEquals(expected, Json.write(analyze(e, "shuffled", STAGGERED)), "rows ordered by " + order + ", " + threads + " threads");
                }
            }
        }
    }

    @Test
    void renamingUnitsChangesNothingButNames() {
        try (DuckDbEngine e = DuckDbEngine.inMemory()) {
            panel(e, "base", "'m' || u", "u, p");
            DidResult base = analyze(e, "base", STAGGERED);
            // keeps text order ('m1' < 'm10' < 'm2' ↔ 'q1' < 'q10' < 'q2'): the same bytes
            panel(e, "same_order", "'q' || u", "hash(u + p)");
            assertEquals(Json.write(base), Json.write(analyze(e, "same_order", STAGGERED)));
            // numeric names in another order, and names with non-ASCII letters: the same estimates to rounding
            for (String name : new String[] {"lpad(u::VARCHAR, 4, '0')", "'Zürich-' || (241 - u)", "'城市' || (u * 7919 % 1000)"}) {
                panel(e, "renamed", name, "hash(u * 3 + p)");
                DidResult r = analyze(e, "renamed", STAGGERED);
                assertEquals(base.estimate(), r.estimate(), 1e-12, name);
                assertEquals(base.se(), r.se(), 1e-12, name);
                assertEquals(base.attGt().size(), r.attGt().size());
                for (int i = 0; i < r.attGt().size(); i++) {
                    assertEquals(base.attGt().get(i).att(), r.attGt().get(i).att(), 1e-12, name);
                    assertEquals(base.attGt().get(i).se(), r.attGt().get(i).se(), 1e-12, name);
                }
            }
        }
    }

    @Test
    void theEstimateMovesWhenTheDataDo() {
        try (DuckDbEngine e = DuckDbEngine.inMemory()) {
            panel(e, "base", "'m' || u", "u, p");
            DidResult base = analyze(e, "base", STAGGERED);
            e.execute("UPDATE base SET y = y + 1 WHERE first_treated > 0 AND period >= first_treated");
            assertEquals(base.estimate() + 1, analyze(e, "base", STAGGERED).estimate(), 1e-9);
        }
    }

    @Test
    void errorsNameTheFirstUnitInTextOrderWhateverTheRowOrder() {
        try (DuckDbEngine e = DuckDbEngine.inMemory()) {
            for (String order : new String[] {"u, p", "u DESC, p DESC", "hash(u + p)"}) {
                panel(e, "bad", "'m' || u", order);
                e.execute("INSERT INTO bad SELECT unit, period, first_treated, y, x FROM bad WHERE unit IN ('m9', 'm20') AND period = 4");
                CeterisException dup = assertThrows(CeterisException.class, () -> analyze(e, "bad", STAGGERED));
                assertEquals("unit 'm20' has more than one row for period 4; give one row per unit and period "
                        + "(aggregate first with --sql ... GROUP BY unit, period)", dup.getMessage(), order);

                panel(e, "bad", "'m' || u", order);
                e.execute("UPDATE bad SET first_treated = 8 WHERE unit IN ('m7', 'm30') AND period = 2");
                CeterisException two = assertThrows(CeterisException.class, () -> analyze(e, "bad", STAGGERED));
                assertTrue(two.getMessage().startsWith("unit 'm30' is treated in two different periods (0 and 8 in 'first_treated')"), two.getMessage());
            }
        }
    }

    @Test
    void twoByTwoFlagsAreCheckedPerUnit() {
        DidSpec twoByTwo = new DidSpec("unit", "period", "y", "treated", "post", null, null, null, List.of(), false, null, null, 0.05);
        try (DuckDbEngine e = DuckDbEngine.inMemory()) {
            e.execute("CREATE TABLE t AS SELECT 'c' || u AS unit, p AS period, (u % 2)::INTEGER AS treated, (p > 2)::INTEGER AS post, "
                    + "u * 0.1 + p + CASE WHEN u % 2 = 1 AND p > 2 THEN 2 ELSE 0 END AS y FROM range(1, 21) a(u), range(1, 5) b(p) ORDER BY hash(u * p)");
            DidResult ok = analyze(e, "t", twoByTwo);
            assertEquals(2.0, ok.estimate(), 1e-9);
            e.execute("UPDATE t SET treated = 1 - treated WHERE unit = 'c12' AND period = 3");
            CeterisException flip = assertThrows(CeterisException.class, () -> analyze(e, "t", twoByTwo));
            assertTrue(flip.getMessage().startsWith("unit 'c12' is marked treated in some periods and untreated in others"), flip.getMessage());
            e.execute("UPDATE t SET treated = 2 WHERE unit = 'c5' AND period = 1");
            CeterisException flag = assertThrows(CeterisException.class, () -> analyze(e, "t", twoByTwo));
            assertEquals("--treated and --post must be 0/1 flags; unit 'c5' has another value", flag.getMessage());
        }
    }

    @Test
    void booleanFlagsInACsvFileAreZeroOrOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        // DuckDB pushes a cast of a CSV file's boolean column into its reader, which cannot read "true" as a number
        StringBuilder csv = new StringBuilder("unit,period,treated,post,y\n");
        for (int u = 1; u <= 20; u++) {
            for (int p = 1; p <= 4; p++) {
                csv.append("c").append(u).append(',').append(p).append(',').append(u % 2 == 1).append(',').append(p > 2).append(',')
                        .append(u * 0.1 + p + (u % 2 == 1 && p > 2 ? 2 : 0)).append('\n');
            }
        }
        java.nio.file.Path file = dir.resolve("flags.csv");
        java.nio.file.Files.writeString(file, csv);
        DidSpec twoByTwo = new DidSpec("unit", "period", "y", "treated", "post", null, null, null, List.of(), false, null, null, 0.05);
        try (DuckDbEngine e = DuckDbEngine.inMemory()) {
            assertEquals(2.0, Did.analyze(twoByTwo, DidInputs.load(e, new Source.File(file), twoByTwo)).estimate(), 1e-9);
        }
    }

    @Test
    void aPeriodThatIsNotWholeIsNamed() {
        try (DuckDbEngine e = DuckDbEngine.inMemory()) {
            panel(e, "bad", "'m' || u", "u, p");
            e.execute("ALTER TABLE bad ALTER period TYPE DOUBLE");
            e.execute("UPDATE bad SET period = 2.5 WHERE unit = 'm4' AND period = 2");
            CeterisException ex = assertThrows(CeterisException.class, () -> analyze(e, "bad", STAGGERED));
            assertEquals("time column 'period' has a value that is not a whole-number period ('2.5'); use years or period numbers, "
                    + "e.g. --sql with year(date) or a period index", ex.getMessage());
        }
    }
}
