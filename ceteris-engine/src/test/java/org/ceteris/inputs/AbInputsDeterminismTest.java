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
}
