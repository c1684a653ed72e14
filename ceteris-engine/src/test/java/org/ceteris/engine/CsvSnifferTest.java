package org.ceteris.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceteris.CeterisException;
import org.ceteris.experiment.AbSpecBuilder;
import org.ceteris.studies.AbStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV file sniffed once from DuckDB's sample reads with the types the whole-file sniff gives:
 * where the sample would mislead, the engine switches to the whole file.
 */
class CsvSnifferTest {

    @TempDir
    Path dir;

    private Path csv(String name, int rows, java.util.function.IntFunction<String> line) throws IOException {
        StringBuilder sb = new StringBuilder("variant,m\n");
        for (int i = 0; i < rows; i++) {
            sb.append(line.apply(i)).append('\n');
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    @Test
    void aColumnEmptyInTheSampleIsTypedFromTheWholeFile() throws IOException {
        Path file = csv("late.csv", 30_000, i -> (i % 2 == 0 ? "A" : "B") + "," + (i < 25_000 ? "" : String.valueOf(i * 0.5)));
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            List<Column> columns = engine.columns(new Source.File(file));
            assertEquals("DOUBLE", columns.get(1).type(), "the whole file's type, not the empty sample's VARCHAR");
        }
    }

    @Test
    void aValueTheSampleDidNotForeseeGivesTheWholeFileMessage() throws IOException {
        Path file = csv("bad.csv", 30_000, i -> (i % 2 == 0 ? "A" : "B") + "," + (i == 29_000 ? "oops" : String.valueOf(i)));
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            assertEquals("BIGINT", engine.columns(new Source.File(file)).get(1).type(), "the sample says BIGINT");
            CeterisException e = assertThrows(CeterisException.class, () -> AbStudy.run(engine, new Source.File(file),
                    new AbSpecBuilder().variant("variant").metric("m").build()));
            assertTrue(e.getMessage().contains("not numeric") && e.getMessage().contains("oops"), e.getMessage());
        }
    }

    @Test
    void everyQueryReadsTheSniffedRelation() throws IOException {
        Path file = csv("ok.csv", 100, i -> "A," + i);
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            String relation = engine.relation(new Source.File(file));
            assertTrue(relation.contains("auto_detect=false") && relation.contains("columns="), relation);
            assertEquals(relation, engine.relation(new Source.File(file)), "sniffed once");
            assertEquals(4950L, engine.query("SELECT sum(m) AS s FROM " + relation).getLong(0, "s"));
        }
    }

    /**
     * The reader's 2 MiB buffer holds any line DuckDB reads by default: a line just under DuckDB's
     * 2,000,000-byte limit, far from the start (in the middle of the parallel scan), still reads,
     * sniffed or whole-file. A buffer smaller than a line fails the scan ("does not support a full read").
     */
    @Test
    void aLineNearDuckDbsLimitStillReads() throws IOException {
        String longText = "x".repeat(1_999_000);
        Path file = csv("long.csv", 200_001, i -> i == 150_000 ? longText + "," + i : (i % 2 == 0 ? "A," : "B,") + i);
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            Source.File source = new Source.File(file);
            assertTrue(engine.relation(source).contains(DuckDbDialect.CSV_BUFFER), engine.relation(source));
            Rows r = engine.query("SELECT count(*) AS n, max(length(variant)) AS w, sum(m) AS s FROM " + engine.relation(source));
            assertEquals(200_001L, r.getLong(0, "n"));
            assertEquals(1_999_000L, r.getLong(0, "w"));
            assertEquals(200_000L * 200_001L / 2, r.getLong(0, "s"));
            String whole = DuckDbDialect.INSTANCE.readFile(file);
            assertTrue(whole.contains(DuckDbDialect.CSV_BUFFER), whole);
            assertEquals(200_001L, engine.query("SELECT count(*) AS n FROM " + whole).getLong(0, "n"));
        }
    }
}
