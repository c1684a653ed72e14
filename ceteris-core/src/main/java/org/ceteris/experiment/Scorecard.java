package org.ceteris.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.decision.Inference;
import org.ceteris.experiment.quantile.QuantileStatistic;
import org.ceteris.experiment.quantile.QuantileTest;
import org.ceteris.report.AbVerdict;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.DiagnosticCode;
import org.ceteris.stats.CoMoments;
import org.ceteris.stats.Moments;
import org.ceteris.stats.MultipleTesting;

/**
 * The A/B/n scorecard: every treatment arm against control on every metric (Welch, CUPED or ratio),
 * p-values adjusted across all (metric, comparison) pairs of the run, the sample-ratio check and the
 * plain-language verdict. Pure: O(variants × metrics).
 */
public final class Scorecard {

    private Scorecard() {
    }

    public static AbResult analyze(AbSpec spec, AbInput input) {
        List<String> variants = input.variants();
        if (variants.isEmpty()) {
            throw new CeterisException("the data has no rows with a value in column '" + spec.variant()
                    + "': an experiment needs a control and at least one treatment");
        }
        if (variants.size() < 2) {
            throw new CeterisException("column '" + spec.variant() + "' has only one variant (" + variants.get(0)
                    + "): an experiment needs a control and at least one treatment");
        }
        String control = chooseControl(spec, variants);
        List<Diagnostic> diagnostics = new ArrayList<>();

        if (input.unassigned() > 0) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.MISSING_VALUES, input.unassigned()
                    + " unit(s) had no value in the variant column and were left out."));
        }
        SrmCheck srm = srmCheck(spec, input, variants);
        if (srm.mismatch()) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.SRM, String.format(java.util.Locale.ROOT,
                    "The traffic split differs from the one configured (chi-square p = %.2g): units were not assigned "
                            + "or logged as planned, so the effects below may be biased; find the cause before trusting them.",
                    srm.pValue())));
        }

        List<MetricResult> metrics = new ArrayList<>();
        for (MetricSpec metric : spec.metrics()) {
            metrics.add(analyzeMetric(metric, control, variants, input, spec.alpha(), diagnostics));
        }
        metrics = adjust(metrics, spec.correction());
        List<MetricResult> enriched = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            MetricSpec ms = spec.metrics().get(i);
            enriched.add(ScorecardDecision.enrich(metrics.get(i), ms, input.stats().get(ms.name()), control,
                    spec.decision(), spec.alpha()));
        }
        metrics = enriched;
        int comparisons = metrics.stream().mapToInt(m -> m.comparisons().size()).sum();
        if (comparisons > 1 && spec.correction() != MultipleTesting.Correction.NONE) {
            diagnostics.add(Diagnostic.info(DiagnosticCode.MULTIPLE_TESTING, comparisons
                    + " comparisons were made; p-values were adjusted with " + correctionName(spec.correction())
                    + " so that chance findings are not reported as wins."));
        }
        String correction = spec.correction().label();
        String summary = AbVerdict.write(metrics, srm, diagnostics, spec.alpha(), spec.decision().better().keySet());
        String inference = spec.decision().inference() == Inference.BAYESIAN ? Inference.BAYESIAN.label() : null;
        return new AbResult(AbResult.METHOD, spec.alpha(), correction, srm, metrics, diagnostics, summary, inference,
                ScorecardDecision.decide(spec, metrics, srm, input));
    }

    static String chooseControl(AbSpec spec, List<String> variants) {
        return chooseControl(spec.control(), spec.variant(), variants);
    }

    /**
     * The control arm: {@code requested} when given (it must be one of {@code variants}), else the
     * variant named "control", else the first in sort order.
     *
     * @param column the variant column, named in the error message
     */
    public static String chooseControl(String requested, String column, List<String> variants) {
        if (requested != null) {
            if (!variants.contains(requested)) {
                throw new CeterisException("control '" + requested + "' is not a value of column '"
                        + column + "'; the variants are " + String.join(", ", variants));
            }
            return requested;
        }
        return variants.contains("control") ? "control" : variants.get(0);
    }

    private static SrmCheck srmCheck(AbSpec spec, AbInput input, List<String> variants) {
        Map<String, Long> observed = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String v : variants) {
            observed.put(v, input.units().getOrDefault(v, 0L));
            weights.put(v, spec.split().isEmpty() ? 1.0 : spec.split().getOrDefault(v, Double.NaN));
        }
        for (String named : spec.split().keySet()) {
            if (!variants.contains(named)) {
                throw new CeterisException("--split names variant '" + named + "', which is not in the data; the variants are "
                        + String.join(", ", variants));
            }
        }
        for (var e : weights.entrySet()) {
            if (Double.isNaN(e.getValue())) {
                throw new CeterisException("--split gives no weight for variant '" + e.getKey() + "'");
            }
        }
        return SrmCheck.of(observed, weights);
    }

    private static MetricResult analyzeMetric(MetricSpec metric, String control, List<String> variants,
                                              AbInput input, double alpha, List<Diagnostic> diagnostics) {
        Map<String, CoMoments> stats = input.stats().get(metric.name());
        if (stats == null) {
            throw new IllegalArgumentException("no statistics for metric " + metric.name());
        }
        long droppedRows = input.excludedRows().getOrDefault(metric.name(), 0L);
        if (droppedRows > 0) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.MISSING_VALUES, droppedRows + " row(s) had a missing or "
                    + "non-numeric value of " + metric.name() + " and were left out of their unit's total."));
        }
        long excluded = input.excluded().getOrDefault(metric.name(), 0L);
        if (excluded > 0) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.MISSING_VALUES, excluded + " unit(s) had a missing or "
                    + "non-numeric value of " + metric.name() + " and were left out of that metric."));
        }
        for (String v : variants) {
            CoMoments s = stats.getOrDefault(v, CoMoments.EMPTY);
            if (s.n() < 2) {
                throw new CeterisException("variant '" + v + "' has " + s.n() + " unit(s) with a value of "
                        + metric.name() + "; each variant needs at least 2 to estimate its variance");
            }
        }
        List<VariantSummary> rows = new ArrayList<>();
        for (String v : variants) {
            CoMoments s = stats.get(v);
            if (metric instanceof MetricSpec.Quantile) {
                QuantileStatistic q = quantiles(metric, input).get(v);
                rows.add(new VariantSummary(v, q.n(), q.estimate(), QuantileTest.se(q) * Math.sqrt(q.n())));
            } else if (metric instanceof MetricSpec.Ratio) {
                rows.add(new VariantSummary(v, s.n(), RatioTest.ratio(s), Math.sqrt(s.n() * RatioTest.varianceOfRatio(s))));
                if (Math.abs(s.meanB()) < 1e-12) {
                    throw new CeterisException("ratio " + metric.name() + ": the denominator sums to zero in variant '"
                            + v + "'; a ratio metric needs a denominator with a non-zero total");
                }
            } else {
                rows.add(new VariantSummary(v, s.n(), s.meanA(), Math.sqrt(s.varA())));
            }
        }
        checkVariance(metric, variants, stats, diagnostics);

        CoMoments c = stats.get(control);
        List<Comparison> comparisons = new ArrayList<>();
        double reductionSum = 0;
        for (String v : variants) {
            if (v.equals(control)) {
                continue;
            }
            CoMoments t = stats.get(v);
            Comparison cmp;
            if (metric instanceof MetricSpec.Quantile) {
                Map<String, QuantileStatistic> q = quantiles(metric, input);
                cmp = QuantileTest.effect(q.get(v), q.get(control)).toComparison(v, control, alpha);
            } else if (metric instanceof MetricSpec.Ratio) {
                cmp = RatioTest.compare(v, t, control, c, alpha);
            } else if (metric.covariate() != null) {
                cmp = CupedTest.compare(v, t, control, c, alpha);
            } else {
                cmp = WelchTest.compare(v, t.a(), control, c.a(), alpha);
            }
            if (cmp.varianceReduction() != null) {
                reductionSum += cmp.varianceReduction();
            }
            comparisons.add(cmp);
        }
        Double reduction = metric.covariate() == null ? null : reductionSum / comparisons.size();
        Double level = metric instanceof MetricSpec.Quantile q ? q.q() : null;
        return new MetricResult(metric.name(), metric.kind(), metric.covariate(), reduction, "higher", level, rows, comparisons,
                null, null);
    }

    private static Map<String, QuantileStatistic> quantiles(MetricSpec metric, AbInput input) {
        Map<String, QuantileStatistic> q = input.quantiles().get(metric.name());
        if (q == null) {
            throw new IllegalArgumentException("no quantiles for metric " + metric.name());
        }
        return q;
    }

    private static void checkVariance(MetricSpec metric, List<String> variants, Map<String, CoMoments> stats,
                                      List<Diagnostic> diagnostics) {
        boolean noVariation = metric instanceof MetricSpec.Ratio
                ? variants.stream().allMatch(v -> RatioTest.varianceOfRatio(stats.get(v)) == 0)
                : variants.stream().allMatch(v -> stats.get(v).m2A() == 0);
        if (noVariation) {
            throw new CeterisException("metric " + metric.name() + " does not vary within any variant (every unit of a variant "
                    + "has the same value), so its uncertainty cannot be estimated; check the column or leave the metric out");
        }
        for (String v : variants) {
            CoMoments s = stats.get(v);
            if (s.m2A() == 0 && metric instanceof MetricSpec.Mean) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.ZERO_VARIANCE, "Every unit in variant '" + v
                        + "' has the same value of " + metric.name() + "; its uncertainty comes from the other arms only."));
            }
        }
        if (metric.covariate() != null) {
            double m2x = variants.stream().mapToDouble(v -> stats.get(v).m2B()).sum();
            if (m2x == 0) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.CUPED_NO_VARIANCE, "The covariate " + metric.covariate()
                        + " has the same value for every unit, so it cannot reduce variance for " + metric.name() + "."));
            }
        }
    }

    private static List<MetricResult> adjust(List<MetricResult> metrics, MultipleTesting.Correction correction) {
        int total = metrics.stream().mapToInt(m -> m.comparisons().size()).sum();
        double[] p = new double[total];
        int k = 0;
        for (MetricResult m : metrics) {
            for (Comparison c : m.comparisons()) {
                p[k++] = c.pValue();
            }
        }
        double[] adjusted = MultipleTesting.adjust(p, correction);
        List<MetricResult> out = new ArrayList<>();
        k = 0;
        for (MetricResult m : metrics) {
            List<Comparison> cs = new ArrayList<>();
            for (Comparison c : m.comparisons()) {
                cs.add(c.withPAdjusted(adjusted[k++]));
            }
            out.add(m.withComparisons(cs));
        }
        return out;
    }

    private static String correctionName(MultipleTesting.Correction c) {
        return switch (c) {
            case HOLM -> "Holm's method";
            case BH -> "the Benjamini-Hochberg method";
            case NONE -> "no correction";
        };
    }
}
