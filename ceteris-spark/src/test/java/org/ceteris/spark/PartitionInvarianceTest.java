package org.ceteris.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ceteris.engine.Source;
import org.ceteris.experiment.AbSpec;
import org.ceteris.experiment.AbSpecBuilder;
import org.ceteris.json.Json;
import org.ceteris.studies.AbStudy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results do not depend on how the data is partitioned: the same table in 1, 7 and 64 partitions
 * gives the same scorecard to 1e-12 relative, because each partition's statistics are merged in
 * Java with Chan et al.'s update and exactly summed means (differences below 1e-14 in absolute terms
 * also pass, for interval bounds near zero: see {@link JsonClose}); and
 * the same partitioning gives byte-identical JSON. (Per-unit
 * scorecards aggregate after Spark's shuffle by unit, whose partitions do not depend on the input's;
 * they are compared with DuckDB in {@link SparkDuckDbParityTest}.)
 */
class PartitionInvarianceTest {

    @TempDir
    static Path dir;

    static Dataset<Row> data;
    static final Map<Integer, Dataset<Row>> PARTS = new HashMap<>();

    @BeforeAll
    static void data() {
        SparkSession spark = SharedSpark.session();
        TestData.experiment(dir, 8000, 7L);
        data = spark.read().parquet(dir.resolve("experiment.parquet").toString()).cache();
    }

    private static String run(int partitions, AbSpec spec) {
        SparkEngine engine = SparkEngine.on(SharedSpark.session());
        String view = "experiment_p" + partitions;
        engine.register(view, PARTS.computeIfAbsent(partitions,
                k -> (k == 1 ? data.coalesce(1) : data.repartition(k)).cache())); // shuffled once, not per query
        assertEquals(partitions, engine.query("SELECT count(DISTINCT p) AS k FROM (SELECT spark_partition_id() AS p FROM " + view + ") t").getLong(0, "k"));
        try (engine) {
            return Json.write(AbStudy.run(engine, new Source.Table(view), spec));
        }
    }

    @Test
    void rowLevelScorecardIsTheSameIn1And7And64Partitions() {
        AbSpec spec = new AbSpecBuilder().variant("variant").metric("watch").metric("converted")
                .ratio("plays_per_session=plays/sessions").covariate("watch=pre_watch").build();
        String one = run(1, spec);
        String seven = run(7, spec);
        JsonNode reference = Json.read(one);
        JsonClose.assertClose(reference, Json.read(seven), 1e-12, 1e-14);
        JsonClose.assertClose(reference, Json.read(run(64, spec)), 1e-12, 1e-14);
        assertEquals(seven, run(7, spec), "the same partitioning gives byte-identical JSON");
    }
}
