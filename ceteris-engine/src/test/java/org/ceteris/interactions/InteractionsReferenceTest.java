package org.ceteris.interactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import org.ceteris.stats.MultipleTesting;
import org.ceteris.studies.InteractionsStudy;
import org.junit.jupiter.api.Test;

/**
 * SQL cell statistics + {@link InteractionDetector} against statsmodels OLS y ~ A*B with HC2 on
 * the 2×2 cells (fixtures from make_fixtures.py in the test resources), to 1e-9 relative.
 */
class InteractionsReferenceTest {

    static final double TOL = 1e-9;

    @Test
    void rowLevelMatchesStatsmodelsHc2() throws Exception {
        check("experiments.csv", null, "reference_rows.csv");
    }

    @Test
    void unitLevelSumsRowsPerMemberFirst() throws Exception {
        check("events.csv", "member", "reference_units.csv");
    }

    private void check(String data, String unit, String reference) throws Exception {
        List<String[]> ref = readCsv(resource(reference));
        String[] header = ref.remove(0);
        for (MultipleTesting.Correction correction : List.of(MultipleTesting.Correction.BH, MultipleTesting.Correction.HOLM)) {
            InteractionsSpec spec = new InteractionsSpec(List.of("row_ranking", "artwork", "autoplay"),
                    List.of("watch_minutes", "clicks"), unit, Map.of(), correction, 0.05);
            InteractionsResult result;
            try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
                result = InteractionsStudy.run(engine, new Source.File(resource(data)), spec);
            }
            assertEquals(ref.size(), result.pairs().size(), "one result per pair of arms and metric");
            for (int i = 0; i < ref.size(); i++) {
                String[] r = ref.get(i);
                InteractionPair p = result.pairs().get(i);
                assertEquals(r[col(header, "a")], p.a());
                assertEquals(r[col(header, "b")], p.b());
                assertEquals(r[col(header, "metric")], p.metric());
                assertEquals(r[col(header, "arm_a")], p.armA());
                assertEquals(r[col(header, "arm_b")], p.armB());
                close(r, header, "interaction", p.interaction());
                close(r, header, "se", p.se());
                close(r, header, "p_value", p.pValue());
                close(r, header, "effect_a_when_b_control", p.effectA_whenB_control());
                close(r, header, "effect_a_when_b_treated", p.effectA_whenB_treated());
                close(r, header, correction == MultipleTesting.Correction.BH ? "p_bh" : "p_holm", p.pAdjusted());
            }
        }
    }

    private static void close(String[] row, String[] header, String name, double actual) {
        double expected = Double.parseDouble(row[col(header, name)]);
        double scale = Math.max(Math.abs(expected), 1e-300);
        assertTrue(Math.abs(actual - expected) <= TOL * scale,
                () -> name + ": expected " + expected + " got " + actual + " in " + String.join(",", row));
    }

    private static int col(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(InteractionsReferenceTest.class.getResource(name).toURI());
    }

    static List<String[]> readCsv(Path p) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(p)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                out.add(line.split(",", -1));
            }
        }
        return out;
    }
}
