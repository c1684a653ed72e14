package org.ceteris.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ceteris.CeterisException;
import org.junit.jupiter.api.Test;

/**
 * {@code engine:} and {@code spark_master:} of ceteris.yaml, and the flags of {@code ceteris run}
 * over them (their mistakes are cases of {@link WorkspaceConfigTest#mistakesAreOneLineWithTheLine}).
 */
class WorkspaceEngineConfigTest {

    private static final String STUDY = "studies:\n  a:\n    method: ab\n    data: e.parquet\n";

    @Test
    void duckDbUnlessTheFileSaysOtherwise() {
        assertEquals(StudyEngine.DUCKDB, WorkspaceConfig.parse(STUDY, "ceteris.yaml").engine());
        assertEquals(StudyEngine.DUCKDB, WorkspaceConfig.parse("", "ceteris.yaml").engine());
        assertEquals(StudyEngine.DUCKDB, WorkspaceConfig.parse("engine: duckdb\n" + STUDY, "ceteris.yaml").engine());
    }

    @Test
    void sparkWithAndWithoutAMaster() {
        assertEquals(new StudyEngine("spark", null), WorkspaceConfig.parse("engine: spark\n" + STUDY, "ceteris.yaml").engine());
        WorkspaceConfig c = WorkspaceConfig.parse("version: 1\nengine: spark\nspark_master: local[2]\n" + STUDY, "ceteris.yaml");
        assertEquals(new StudyEngine("spark", "local[2]"), c.engine());
        assertEquals("e.parquet", c.study("a").data());
        assertEquals(new StudyEngine("spark", "local[2]"), WorkspaceConfig.parse("engine: spark\nspark_master: local[2]\n",
                "ceteris.yaml").engine(), "an engine without studies yet");
    }

    @Test
    void flagsOverrideTheFile() {
        StudyEngine spark = new StudyEngine("spark", "local[2]");
        assertEquals(spark, spark.override(null, null));
        assertEquals(StudyEngine.DUCKDB, spark.override("duckdb", null), "--engine duckdb drops the file's master");
        assertEquals(new StudyEngine("spark", "local[1]"), spark.override(null, "local[1]"));
        assertEquals(new StudyEngine("spark", "yarn"), StudyEngine.DUCKDB.override("spark", "yarn"));
        assertNull(StudyEngine.DUCKDB.override("spark", null).sparkMaster());
        assertEquals("unknown --engine 'flink': use duckdb or spark",
                assertThrows(CeterisException.class, () -> spark.override("flink", null)).getMessage());
        assertEquals("--spark-master goes with --engine spark (the engine is duckdb)",
                assertThrows(CeterisException.class, () -> StudyEngine.DUCKDB.override(null, "local[2]")).getMessage());
    }
}
