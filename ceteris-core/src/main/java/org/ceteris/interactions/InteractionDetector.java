package org.ceteris.interactions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.report.Wording;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.DiagnosticCode;
import org.ceteris.stats.Distributions;
import org.ceteris.stats.Moments;
import org.ceteris.stats.MultipleTesting;

/**
 * Interaction detection between concurrent experiments (Kohavi, Tang &amp; Xu, <i>Trustworthy
 * Online Controlled Experiments</i>, 2020, §4; Microsoft ExP, "A/B interactions: a call to
 * relax"). For experiments A and B on the same units and treatment arms a, b, with ȳ_ij the mean
 * of the cell (A = i, B = j), 0 = control:
 * interaction = (ȳ₁₁ − ȳ₀₁) − (ȳ₁₀ − ȳ₀₀), se = √(Σ s²_ij / n_ij), z = interaction/se, two-sided
 * normal p. On the 2×2 cells this is the A×B coefficient of OLS y ~ A·B with HC2 standard errors
 * (statsmodels {@code cov_type='HC2'}). P-values are adjusted (BH or Holm) across every pair of
 * experiments, pair of arms and metric.
 *
 * <p>Cost: O(cells) once the engine has aggregated the cells; the data are never re-read.
 */
public final class InteractionDetector {

    private InteractionDetector() {
    }

    public static InteractionsResult analyze(InteractionsSpec spec, InteractionInput input) {
        Map<String, String> control = new HashMap<>();
        for (String e : spec.experiments()) {
            List<String> arms = input.arms().getOrDefault(e, List.of());
            if (arms.size() < 2) {
                throw new CeterisException("experiment column '" + e + "' has " + arms.size()
                        + " arm(s) among the units; an interaction needs a control and at least one treatment");
            }
            control.put(e, controlOf(e, arms, spec.controls().get(e)));
        }
        Map<String, Moments> cells = new HashMap<>();
        for (CellStats c : input.cells()) {
            cells.put(key(c.a(), c.b(), c.metric(), c.armA(), c.armB()), c.stats());
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<double[]> rows = new ArrayList<>(); // interaction, se, p, effect|B=c, effect|B=t
        List<String[]> labels = new ArrayList<>(); // a, b, metric, armA, armB
        int smallCells = 0;
        for (int i = 0; i < spec.experiments().size(); i++) {
            for (int j = i + 1; j < spec.experiments().size(); j++) {
                String a = spec.experiments().get(i);
                String b = spec.experiments().get(j);
                boolean overlap = false;
                for (String metric : spec.metrics()) {
                    for (String armA : input.arms().get(a)) {
                        if (armA.equals(control.get(a))) {
                            continue;
                        }
                        for (String armB : input.arms().get(b)) {
                            if (armB.equals(control.get(b))) {
                                continue;
                            }
                            Moments c00 = cells.get(key(a, b, metric, control.get(a), control.get(b)));
                            Moments c10 = cells.get(key(a, b, metric, armA, control.get(b)));
                            Moments c01 = cells.get(key(a, b, metric, control.get(a), armB));
                            Moments c11 = cells.get(key(a, b, metric, armA, armB));
                            double[] r = estimate(c00, c10, c01, c11);
                            overlap |= c11 != null && c11.n() > 0;
                            if (Double.isNaN(r[1])) {
                                smallCells++;
                            }
                            rows.add(r);
                            labels.add(new String[] {a, b, metric, armA, armB});
                        }
                    }
                }
                if (!overlap) {
                    diagnostics.add(Diagnostic.info(DiagnosticCode.NO_OVERLAP, "'" + a + "' and '" + b
                            + "' share no units in their treatment arms, so they cannot interact (mutually exclusive?)"));
                }
            }
        }
        double[] p = new double[rows.size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = rows.get(k)[2];
        }
        double[] adjusted = MultipleTesting.adjust(p, spec.correction());
        List<InteractionPair> pairs = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            String[] l = labels.get(k);
            double[] r = rows.get(k);
            pairs.add(new InteractionPair(l[0], l[1], l[2], l[3], l[4], r[0], r[1], r[2], adjusted[k], r[3], r[4]));
        }
        if (smallCells > 0) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.SMALL_SAMPLE, smallCells
                    + " combination(s) have a cell with fewer than two units (or no spread), so their interaction cannot be tested"));
        }
        input.excluded().forEach((metric, n) -> {
            if (n > 0) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.MISSING_VALUES, String.format(Locale.ROOT,
                        "%,d unit(s) without a value of %s were left out", n, metric)));
            }
        });
        long tested = java.util.Arrays.stream(p).filter(x -> !Double.isNaN(x)).count();
        if (tested > 1 && spec.correction() != MultipleTesting.Correction.NONE) {
            diagnostics.add(Diagnostic.info(DiagnosticCode.MULTIPLE_TESTING, tested + " interactions were tested; p-values are adjusted ("
                    + spec.correction().label() + ")"));
        }
        List<InteractionPair> found = pairs.stream().filter(x -> x.pAdjusted() < spec.alpha()).toList();
        for (InteractionPair x : found) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.INTERACTION, "'" + x.a() + "'=" + x.armA() + " and '" + x.b()
                    + "'=" + x.armB() + " interact on " + x.metric() + ": interaction " + Wording.number(x.interaction())));
        }
        return new InteractionsResult(InteractionsResult.METHOD, pairs, diagnostics,
                InteractionVerdict.summary(spec, pairs, found, tested));
    }

    /** {interaction, se, p, effect of A's arm when B is control, when B is treated}; NaN where undefined. */
    static double[] estimate(Moments c00, Moments c10, Moments c01, Moments c11) {
        double nan = Double.NaN;
        if (c00 == null || c10 == null || c01 == null || c11 == null) {
            return new double[] {nan, nan, nan, nan, nan};
        }
        double whenControl = c10.mean() - c00.mean();
        double whenTreated = c11.mean() - c01.mean();
        double interaction = whenTreated - whenControl;
        double v = share(c00) + share(c10) + share(c01) + share(c11);
        double se = Math.sqrt(v);
        double p = se > 0 ? Distributions.normalTwoSidedP(interaction / se) : nan;
        return new double[] {interaction, se > 0 ? se : nan, p, whenControl, whenTreated};
    }

    /** s²/n of a cell, NaN when the cell has fewer than two units. */
    private static double share(Moments m) {
        if (m.n() < 2) {
            return Double.NaN;
        }
        return m.m2() / (m.n() - 1) / m.n();
    }

    static String controlOf(String experiment, List<String> arms, String requested) {
        if (requested != null) {
            if (!arms.contains(requested)) {
                throw new CeterisException("control '" + requested + "' of '" + experiment + "' is not among its arms: "
                        + String.join(", ", arms));
            }
            return requested;
        }
        return arms.contains("control") ? "control" : arms.get(0);
    }

    private static String key(String a, String b, String metric, String armA, String armB) {
        return a + '\u0000' + b + '\u0000' + metric + '\u0000' + armA + '\u0000' + armB;
    }
}
