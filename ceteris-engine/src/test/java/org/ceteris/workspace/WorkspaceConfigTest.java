package org.ceteris.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.engine.Source;
import org.ceteris.studies.StudySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ceteris.yaml into StudySpecs, and every mistake as one line with the line number. */
class WorkspaceConfigTest {

    @Test
    void studiesInFileOrderWithTheirParameters() {
        WorkspaceConfig c = WorkspaceConfig.parse("""
                version: 1
                studies:
                  b_first:
                    method: ab
                    sql: SELECT * FROM t;
                    variant: v
                    metric: [m1, m2]
                    alpha: 0.1
                    split: {control: 0.5, B: 0.5}
                  a_second:
                    method: ab
                    table: t
                    variant: v
                    metric: m1, m2
                """, "ceteris.yaml");
        assertEquals(List.of("b_first", "a_second"), c.studies().stream().map(StudySpec::name).toList());
        StudySpec b = c.study("b_first");
        assertEquals("ab", b.method());
        assertEquals(new Source.Query("SELECT * FROM t"), b.source());
        assertEquals(List.of("m1", "m2"), b.params().strings("metric"));
        assertEquals(0.1, b.params().doubleOr("alpha", 0.05));
        assertEquals(Map.of("control", 0.5, "B", 0.5), b.params().map("split"));
        assertEquals(List.of("m1", "m2"), c.study("a_second").params().strings("metric"));
        assertEquals(new Source.Table("t"), c.study("a_second").source());
        assertEquals(List.of("method", "sql", "variant", "metric", "alpha", "split"), List.copyOf(b.toMap().keySet()));
    }

    @Test
    void emptyFilesAndEmptyStudiesAreFine() {
        assertTrue(WorkspaceConfig.parse("", "ceteris.yaml").studies().isEmpty());
        assertTrue(WorkspaceConfig.parse("version: 1\nstudies: {}\n", "ceteris.yaml").studies().isEmpty());
        assertTrue(WorkspaceConfig.parse("# only a comment\nversion: 1\n", "ceteris.yaml").studies().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "studies:\\n  a:\\n    method: ab\\n   table: [x\\n | ceteris.yaml, line 4: invalid YAML",
            "studies:\\n  a:\\n    method: ab\\n  a:\\n    method: ab\\n | line 4: invalid YAML: Duplicate field 'a'",
            "studies: [a, b]\\n | line 1: 'studies' must be a mapping",
            "- a\\n- b\\n | line 1: expected a mapping",
            "studies:\\n  a: ab\\n | line 2: study 'a' must be a mapping",
            "studies:\\n  a:\\n    table: t\\n | line 2: study 'a': missing 'method'",
            "studies:\\n  x:\\n    method: ab\\n  b:\\n    method: nope\\n | line 4: study 'b': unknown method 'nope'; known methods: ab",
            "studies:\\n  a:\\n    method: ab\\n    table: t\\n    sql: SELECT 1\\n | study 'a': give 'table' or 'sql', not both",
            "studies:\\n  a:\\n    method: ab\\n    table: t\\n    variant: v\\n    metrc: m\\n | study 'a': unknown parameter 'metrc'; allowed:",
            "studies:\\n  bad-name:\\n    method: ab\\n | line 2:",
            "studies:\\n  a:\\n    method: ab\\n    table: 'x; DROP TABLE y'\\n | table",
            "engine: postgres\\n | ceteris.yaml, line 1: unknown engine 'postgres': use duckdb or spark",
            "version: 1\\nengnie: spark\\nstudies:\\n  a:\\n    method: ab\\n | ceteris.yaml, line 2: unknown setting 'engnie' at the top level; it takes version, engine, spark_master, timezone, alerts, sources, metrics and studies",
            "studies:\\n  a:\\n    method: ab\\nmetric: m\\n | line 4: unknown setting 'metric' at the top level",
            "version: 1\\nengine: Spark\\n | ceteris.yaml, line 2: unknown engine 'Spark': use duckdb or spark",
            "engine: [spark]\\n | ceteris.yaml, line 1: 'engine' takes a single value",
            "spark_master: local[2]\\n | ceteris.yaml, line 1: spark_master goes with engine: spark (the engine is duckdb)",
            "engine: duckdb\\nspark_master: yarn\\n | ceteris.yaml, line 2: spark_master goes with engine: spark",
            "engine: spark\\nspark_master: ''\\n | ceteris.yaml, line 2: spark_master is empty",
            "engine: spark\\nspark_master: {a: 1}\\n | ceteris.yaml, line 2: 'spark_master' takes a single value",
            "engine: spark\\nstudies:\\n  a:\\n    method: ab\\n    data: e.csv\\n    table: t\\n | line 3: study 'a': give 'data' or 'table', not both",
            "studies:\\n  a:\\n    method: ab\\n    data: [a.csv, b.csv]\\n | line 2: study 'a': 'method', 'table', 'sql' and 'data' take a single value",
            "studies:\\n  a:\\n    method: ab\\n    data: ' '\\n | line 2: study 'a': 'data' is empty",
    })
    void mistakesAreOneLineWithTheLine(String yaml, String expected) {
        CeterisException e = assertThrows(CeterisException.class,
                () -> WorkspaceConfig.parse(yaml.replace("\\n", "\n"), "ceteris.yaml"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("ceteris.yaml"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void unknownStudyListsTheNames() {
        WorkspaceConfig c = WorkspaceConfig.parse("studies:\n  a:\n    method: ab\n  b:\n    method: ab\n", "ceteris.yaml");
        CeterisException e = assertThrows(CeterisException.class, () -> c.study("z"));
        assertEquals("no study 'z' in ceteris.yaml; studies: a, b", e.getMessage());
        assertNull(c.study("a").source(), "no table or sql: a method that reads no data");
    }
}
