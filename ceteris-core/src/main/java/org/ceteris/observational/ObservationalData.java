package org.ceteris.observational;

import java.util.List;
import org.ceteris.CeterisException;

/**
 * Unit-level columns of an observational study: a 0/1 treatment, an outcome and covariates, one
 * entry per unit, all complete (the engine drops and counts rows with missing values).
 *
 * @param treatmentName the treatment column's name (for messages and the summary)
 * @param outcomeName   the outcome column's name
 */
public record ObservationalData(String treatmentName, String outcomeName, boolean[] treated, double[] outcome,
                                List<Covariate> covariates) {

    public ObservationalData {
        covariates = List.copyOf(covariates);
        int n = treated.length;
        if (outcome.length != n) {
            throw new IllegalArgumentException("outcome has " + outcome.length + " rows, treatment " + n);
        }
        for (Covariate c : covariates) {
            if (c.size() != n) {
                throw new IllegalArgumentException("covariate " + c.name() + " has " + c.size() + " rows, treatment " + n);
            }
            if (c instanceof Covariate.Numeric num) {
                for (double v : num.values()) {
                    if (!Double.isFinite(v)) {
                        throw new CeterisException("covariate '" + c.name() + "' has missing or infinite values; "
                                + "drop those rows or fill them in first");
                    }
                }
            }
        }
        for (double v : outcome) {
            if (!Double.isFinite(v)) {
                throw new CeterisException("outcome '" + outcomeName + "' has missing or infinite values; "
                        + "drop those rows or fill them in first");
            }
        }
        int n1 = 0;
        for (boolean t : treated) {
            n1 += t ? 1 : 0;
        }
        if (n == 0) {
            throw new CeterisException("no rows to analyse: the data is empty after dropping rows with missing values");
        }
        if (n1 == 0) {
            throw new CeterisException("no treated units: every row has " + treatmentName + " = 0; "
                    + "an effect needs both treated and untreated units");
        }
        if (n1 == n) {
            throw new CeterisException("no untreated units: every row has " + treatmentName + " = 1; "
                    + "an effect needs both treated and untreated units");
        }
    }

    public int size() {
        return treated.length;
    }

    public int treatedCount() {
        int n1 = 0;
        for (boolean t : treated) {
            n1 += t ? 1 : 0;
        }
        return n1;
    }

    /** The same study restricted to the rows {@code rows} (repeats allowed, as in a bootstrap). */
    public ObservationalData select(int[] rows) {
        boolean[] t = new boolean[rows.length];
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            t[i] = treated[rows[i]];
            y[i] = outcome[rows[i]];
        }
        List<Covariate> cs = covariates.stream().map(c -> select(c, rows)).toList();
        return new ObservationalData(treatmentName, outcomeName, t, y, cs);
    }

    /** The same study with another treatment column (for the placebo refuter). */
    public ObservationalData withTreatment(boolean[] newTreated) {
        return new ObservationalData(treatmentName, outcomeName, newTreated, outcome, covariates);
    }

    /** The same study with one more covariate (for the random-common-cause refuter). */
    public ObservationalData withCovariate(Covariate extra) {
        List<Covariate> cs = new java.util.ArrayList<>(covariates);
        cs.add(extra);
        return new ObservationalData(treatmentName, outcomeName, treated, outcome, cs);
    }

    private static Covariate select(Covariate c, int[] rows) {
        if (c instanceof Covariate.Numeric num) {
            double[] v = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                v[i] = num.values()[rows[i]];
            }
            return new Covariate.Numeric(num.name(), v);
        }
        Covariate.Categorical cat = (Covariate.Categorical) c;
        int[] codes = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            codes[i] = cat.codes()[rows[i]];
        }
        return new Covariate.Categorical(cat.name(), cat.levels(), codes);
    }
}
