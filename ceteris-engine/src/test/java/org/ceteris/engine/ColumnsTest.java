package org.ceteris.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Columnar results hold what the row results hold, NULLs included, on DuckDB and on the generic path. */
class ColumnsTest {

    static final String SQL = "SELECT i AS id, CASE WHEN i % 3 = 0 THEN NULL ELSE i * 0.5 END AS y, "
            + "CASE WHEN i % 4 = 0 THEN NULL ELSE 'u' || (i % 5) END AS u, i % 2 = 0 AS even FROM range(5000) r(i) ORDER BY i";

    @Test
    void duckDbColumnsEqualTheRowsConverted() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            Rows rows = engine.query(SQL);
            for (Columns c : List.of(engine.queryColumns(SQL), engine.queryColumns(SQL, 10), Columns.of(rows))) {
                assertEquals(5000, c.size());
                assertEquals(List.of("id", "y", "u", "even"), c.names());
                for (int i = 0; i < rows.size(); i++) {
                    assertEquals(rows.getLong(i, "id"), c.longs("id")[i]);
                    assertEquals(Double.doubleToLongBits(rows.getDouble(i, "y")), Double.doubleToLongBits(c.doubles("y")[i]));
                    assertEquals(rows.getString(i, "u"), c.text("u").get(i));
                    assertEquals(i % 2 == 0 ? 1L : 0L, c.longs("even")[i]);
                }
                assertNull(c.text("u").get(0));
                assertEquals(-1, c.text("u").codes()[0]);
                assertEquals(List.of("u1", "u2", "u3", "u0", "u4"), c.text("u").levels(), "levels in order of first appearance");
                assertArrayEquals(Arrays.stream(c.longs("id")).asDoubleStream().toArray(), c.doubles("id"));
            }
        }
    }
}
