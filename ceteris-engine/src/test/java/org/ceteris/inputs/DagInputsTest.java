package org.ceteris.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ceteris.CeterisException;
import org.ceteris.dag.Dag;
import org.ceteris.dag.DagTestInput;
import org.ceteris.dag.DagTestResult;
import org.ceteris.dag.DagTestSpec;
import org.ceteris.dag.DagTester;
import org.ceteris.dag.Implication;
import org.ceteris.dag.ImplicationTest;
import org.ceteris.dag.IndependenceTest;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import org.ceteris.json.Json;
import org.ceteris.stats.MultipleTesting;
import org.junit.jupiter.api.Test;

/**
 * The DAG's implications tested on data read through DuckDB, against numpy/scipy values computed
 * by make_dag_fixtures.py on the same files (see its docstring for the exact calls).
 */
class DagInputsTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(DagInputsTest.class.getResource(name).toURI());
    }

    private static JsonNode fixture(String name) throws IOException, URISyntaxException {
        return Json.read(Files.readString(resource(name)));
    }

    private static List<Implication> implications(JsonNode fx) {
        List<Implication> out = new ArrayList<>();
        for (JsonNode i : fx.get("implications")) {
            List<String> given = new ArrayList<>();
            i.get("given").forEach(g -> given.add(g.asText()));
            out.add(new Implication(i.get("x").asText(), i.get("y").asText(), given));
        }
        return out;
    }

    @Test
    void fisherZMatchesNumpyScipy() throws Exception {
        JsonNode fx = fixture("dag_numeric_fixture.json");
        Dag dag = Dag.parse(fx.get("dag").asText());
        assertEquals(implications(fx), dag.implications());
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            Source src = new Source.File(resource("dag_numeric.csv"));
            IndependenceTest t = DagInputs.chooseTest(engine, src, DagInputs.variables(dag, dag.implications()));
            assertEquals(IndependenceTest.FISHER_Z, t);
            DagTestInput in = DagInputs.load(engine, src, dag, dag.implications(), t);
            DagTestResult r = DagTester.test(new DagTestSpec(dag, 0.05, MultipleTesting.Correction.HOLM, null), dag.implications(), in);
            assertEquals(fx.get("n").asLong(), r.n());
            for (int i = 0; i < r.implications().size(); i++) {
                ImplicationTest it = r.implications().get(i);
                JsonNode ref = fx.get("implications").get(i);
                assertEquals(ref.get("r").asDouble(), it.estimate(), 1e-10);
                assertEquals(ref.get("z").asDouble(), it.statistic(), 1e-8);
                assertEquals(ref.get("p").asDouble(), it.pValue(), 1e-9 * Math.max(1e-6, ref.get("p").asDouble()) + 1e-13);
            }
            assertEquals("fisher_z", r.test());
            assertTrue(r.implications().get(3).rejected(), "B ⊥ E | A, D is false in these data");
            assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("DAG_IMPLICATION_REJECTED")));
        }
    }

    @Test
    void chiSquaredAndGMatchScipy() throws Exception {
        JsonNode fx = fixture("dag_discrete_fixture.json");
        Dag dag = Dag.parse(fx.get("dag").asText());
        assertEquals(implications(fx), dag.implications());
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            Source src = new Source.File(resource("dag_discrete.csv"));
            assertEquals(IndependenceTest.CHI_SQUARED, DagInputs.chooseTest(engine, src, DagInputs.variables(dag, dag.implications())));
            for (IndependenceTest kind : List.of(IndependenceTest.CHI_SQUARED, IndependenceTest.G_TEST)) {
                DagTestInput in = DagInputs.load(engine, src, dag, dag.implications(), kind);
                DagTestResult r = DagTester.test(new DagTestSpec(dag, 0.05, MultipleTesting.Correction.HOLM, kind), dag.implications(), in);
                assertEquals(kind.label(), r.test());
                for (int i = 0; i < r.implications().size(); i++) {
                    ImplicationTest it = r.implications().get(i);
                    JsonNode ref = fx.get("implications").get(i);
                    String stat = kind == IndependenceTest.G_TEST ? "g" : "chi_squared";
                    assertEquals(ref.get("df").asDouble(), it.df(), 0);
                    assertEquals(ref.get(stat).asDouble(), it.statistic(), 1e-9 * ref.get(stat).asDouble());
                    double p = ref.get("p_" + stat).asDouble();
                    assertEquals(p, it.pValue(), 1e-8 * p + 1e-14);
                }
                assertTrue(r.implications().get(0).rejected(), "M ⊥ Z | X is false in these data");
            }
        }
    }

    @Test
    void unmeasuredNodeIsAOneLineError() throws Exception {
        Dag dag = Dag.parse("dag { A -> C; B -> C; C -> Q }");
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            Source src = new Source.File(resource("dag_numeric.csv"));
            CeterisException e = assertThrows(CeterisException.class,
                    () -> DagInputs.load(engine, src, dag, dag.implications(), IndependenceTest.FISHER_Z));
            assertTrue(e.getMessage().contains("'Q'") && e.getMessage().contains("[latent]"), e.getMessage());
        }
    }
}
