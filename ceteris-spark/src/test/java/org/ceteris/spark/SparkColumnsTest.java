package org.ceteris.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Row;
import org.ceteris.engine.Columns;
import org.junit.jupiter.api.Test;

/**
 * Spark's columnar fetch, which brings one partition at a time to the driver, gives the rows of
 * {@code collectAsList} in the same order with the same values: ordered results across several
 * partitions, integer, double and text columns, NULLs, and an empty result.
 */
class SparkColumnsTest {

    @Test
    void sameRowsInTheSameOrderAsCollect() {
        SparkEngine engine = SparkEngine.on(SharedSpark.session());
        SharedSpark.session().range(0, 5000, 1, 7).selectExpr("id", "CAST(id % 13 AS STRING) AS k",
                "CASE WHEN id % 11 = 0 THEN NULL ELSE CAST(id AS DOUBLE) * 0.25 END AS x").createOrReplaceTempView("spark_columns");
        for (String sql : List.of("SELECT k, id, x FROM spark_columns ORDER BY k, id DESC",
                "SELECT k, count(*) AS n, sum(x) AS s FROM spark_columns GROUP BY k ORDER BY k",
                "SELECT id, x FROM spark_columns", "SELECT id FROM spark_columns WHERE id < 0")) {
            List<Row> rows = SharedSpark.session().sql(sql).collectAsList();
            Columns got = engine.queryColumns(sql, 10);
            assertEquals(rows.size(), got.size(), sql);
            for (String name : got.names()) {
                int i = rows.isEmpty() ? 0 : rows.get(0).fieldIndex(name);
                switch (name) {
                    case "k" -> {
                        Columns.Text text = got.text(name);
                        for (int r = 0; r < rows.size(); r++) {
                            assertEquals(rows.get(r).getString(i), text.get(r), sql + " row " + r);
                        }
                    }
                    case "id", "n" -> {
                        long[] expected = rows.stream().mapToLong(row -> row.getLong(i)).toArray();
                        assertArrayEquals(expected, got.longs(name), sql);
                    }
                    default -> {
                        double[] expected = rows.stream().mapToDouble(row -> row.isNullAt(i) ? Double.NaN : row.getDouble(i)).toArray();
                        assertArrayEquals(expected, got.doubles(name), sql);
                    }
                }
            }
        }
    }
}
