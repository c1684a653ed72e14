package org.ceteris.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import org.ceteris.experiment.AbSpec;
import org.ceteris.experiment.AbSpecBuilder;
import org.ceteris.json.Json;
import org.ceteris.studies.AbStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same input, byte-identical JSON, also when DuckDB aggregates in parallel: on a million rows
 * (several row groups, so several threads) the scorecard of a table and of a Parquet file is the
 * same on every run. Plain parallel avg/var_samp differ in their last bits from run to run.
 */
class AbInputsDeterminismTest {

    @TempDir
    Path dir;

    @Test
    void parallelScansGiveIdenticalJson() {
        AbSpec spec = new AbSpecBuilder().variant("variant").metric("m").covariate("m=x").metric("c")
                .ratio("r=m/d").build();
        Path parquet = dir.resolve("big.parquet");
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            engine.execute("SET threads = 4");
            engine.execute("CREATE TABLE big AS SELECT 'u' || i AS unit, CASE WHEN i % 3 = 0 THEN 'control' "
                    + "WHEN i % 3 = 1 THEN 'B' ELSE 'C' END AS variant, 1e6 + 1000 * random() + 50 * (i % 7) AS m, "
                    + "1e6 + 1000 * random() AS x, 1 + (i % 5) AS d, CAST(random() < 0.3 AS INTEGER) AS c "
                    + "FROM range(1000000) r(i)");
            engine.execute("COPY big TO '" + parquet + "' (FORMAT parquet)");
            String table = Json.write(AbStudy.run(engine, new Source.Table("big"), spec));
            String file = Json.write(AbStudy.run(engine, new Source.File(parquet), spec));
            for (int run = 0; run < 4; run++) {
                assertEquals(table, Json.write(AbStudy.run(engine, new Source.Table("big"), spec)), "table, run " + run);
                assertEquals(file, Json.write(AbStudy.run(engine, new Source.File(parquet), spec)), "parquet, run " + run);
            }
            String query = Json.write(AbStudy.run(engine, new Source.Query("SELECT * FROM big WHERE m > 0"), spec));
            assertEquals(query, Json.write(AbStudy.run(engine, new Source.Query("SELECT * FROM big WHERE m > 0"), spec)));
            assertEquals("4", engine.query("SELECT current_setting('threads') AS t").getString(0, "t"),
                    "the thread setting is restored");
        }
    }

    /**
     * A CSV file is parsed by all threads and still gives the bytes of one thread; and because it is
     * cut into the same row blocks as the Parquet file of the same rows, the two give the same bytes.
     */
    @Test
    void csvParquetAndTableGiveTheSameBytesOnOneAndSeveralThreads() {
        AbSpec spec = new AbSpecBuilder().variant("variant").metric("m").covariate("m=x").metric("c")
                .ratio("r=m/d").build();
        Path parquet = dir.resolve("rows.parquet");
        Path csv = dir.resolve("rows.csv");
        java.util.Map<String, String> first = new java.util.HashMap<>();
        for (int threads : new int[] {1, 2, 4}) {
            try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
                if (threads == 1) {
                    engine.execute("CREATE TABLE rows AS SELECT CASE WHEN i % 3 = 0 THEN 'control' WHEN i % 3 = 1 THEN 'B' "
                            + "ELSE 'C' END AS variant, round(1e6 + 1000 * random() + 50 * (i % 7), 6) AS m, "
                            + "round(1e6 + 1000 * random(), 6) AS x, 1 + (i % 5) AS d, CAST(random() < 0.3 AS INTEGER) AS c "
                            + "FROM range(1000000) r(i)");
                    engine.execute("COPY rows TO '" + parquet + "' (FORMAT parquet)");
                    engine.execute("COPY rows TO '" + csv + "' (HEADER)");
                }
                engine.execute("SET threads = " + threads);
                engine.execute("CREATE OR REPLACE TABLE rows AS SELECT * FROM read_parquet('" + parquet + "')");
                java.util.Map<String, Source> sources = java.util.Map.of("csv", new Source.File(csv),
                        "parquet", new Source.File(parquet), "table", new Source.Table("rows"));
                for (var e : sources.entrySet()) {
                    String json = Json.write(AbStudy.run(engine, e.getValue(), spec));
                    first.putIfAbsent(e.getKey(), json);
                    assertEquals(first.get(e.getKey()), json, e.getKey() + " on " + threads + " threads");
                }
            }
        }
        assertEquals(first.get("parquet"), first.get("csv"), "a CSV file and the Parquet file of its rows");
    }
}
