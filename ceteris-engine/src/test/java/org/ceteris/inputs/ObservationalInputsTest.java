package org.ceteris.inputs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import org.ceteris.observational.Covariate;
import org.ceteris.observational.Estimand;
import org.ceteris.observational.Method;
import org.ceteris.observational.ObserveSpec;
import org.junit.jupiter.api.Test;

/**
 * The source is read in one scan after a plain count: rows with a missing value are left out and
 * counted, the complete rows keep their order and values, and a treatment other than 0/1 is
 * reported even in a row that would have been left out.
 */
class ObservationalInputsTest {

    private static final ObserveSpec SPEC = new ObserveSpec("t", "y", List.of("x", "region"), Method.parse(null),
            Estimand.parse(null), 1, false, Double.NaN, 0, List.of(), 1, 0.05);

    private static void table(DuckDbEngine e) {
        e.execute("CREATE OR REPLACE TABLE d AS SELECT i, (i % 3 = 0)::INTEGER AS t, "
                + "CASE WHEN i = 4 THEN NULL WHEN i = 9 THEN 'nan'::DOUBLE ELSE i * 0.5 END AS y, "
                + "CASE WHEN i = 7 THEN NULL ELSE i * 1.5 END AS x, "
                + "CASE WHEN i = 11 THEN NULL WHEN i % 2 = 0 THEN 'north' ELSE 'south' END AS region FROM range(1, 21) r(i) ORDER BY i");
    }

    @Test
    void incompleteRowsAreLeftOutAndCounted() {
        try (DuckDbEngine e = DuckDbEngine.inMemory()) {
            table(e);
            ObservationalInputs.Loaded in = ObservationalInputs.load(e, new Source.Table("d"), SPEC);
            assertEquals(4, in.excludedRows(), "y NULL, y NaN, x NULL, region NULL");
            assertEquals(16, in.data().size());
            double[] y = in.data().outcome();
            assertArrayEquals(new double[] {0.5, 1, 1.5, 2.5, 3, 4, 5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10}, y);
            assertEquals(5, in.data().treatedCount(), "3, 6, 9, 12, 15, 18 less 9");
            Covariate.Categorical region = (Covariate.Categorical) in.data().covariates().get(1);
            assertEquals(16, region.codes().length);
            assertEquals(2, region.levels().size());
        }
    }

    @Test
    void aTreatmentOtherThanZeroOrOneIsReportedEvenInARowLeftOut() {
        try (DuckDbEngine e = DuckDbEngine.inMemory()) {
            table(e);
            e.execute("UPDATE d SET t = 2 WHERE i = 7"); // x is missing in this row
            CeterisException ex = assertThrows(CeterisException.class, () -> ObservationalInputs.load(e, new Source.Table("d"), SPEC));
            assertEquals("treatment column 't' must hold only 0 and 1 (or true/false); it also has 2.00", ex.getMessage());
        }
    }
}
