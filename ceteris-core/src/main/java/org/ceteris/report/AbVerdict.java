package org.ceteris.report;

import java.util.ArrayList;
import java.util.List;
import org.ceteris.experiment.Comparison;
import org.ceteris.experiment.MetricResult;
import org.ceteris.experiment.SrmCheck;
import org.ceteris.experiment.bayes.BayesianEffect;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.Severity;

/**
 * The plain-language verdict of an A/B/n scorecard: for each metric which variants moved it, in
 * which direction, by how much (relative lift with its interval), and whether the diagnostics allow
 * the result to be trusted.
 */
public final class AbVerdict {

    private AbVerdict() {
    }

    public static String write(List<MetricResult> metrics, SrmCheck srm, List<Diagnostic> diagnostics, double alpha) {
        return write(metrics, srm, diagnostics, alpha, java.util.Set.of());
    }

    /**
     * @param directed metrics whose good direction was given: their changes are told as raised or
     *                 lowered, "which is good" or "which is bad" (others keep the neutral wording)
     */
    public static String write(List<MetricResult> metrics, SrmCheck srm, List<Diagnostic> diagnostics, double alpha,
                               java.util.Set<String> directed) {
        List<String> sentences = new ArrayList<>();
        if (srm.mismatch()) {
            sentences.add("Warning: the number of users in each variant is not what the experiment was set up to give, "
                    + "which usually means a bug in assignment or logging; do not act on these results until it is explained.");
        }
        for (MetricResult m : metrics) {
            sentences.add(metricSentence(m, alpha, directed.contains(m.metric())));
            if (m.bayesian() != null) {
                sentences.add(bayesianSentence(m, alpha));
            }
        }
        long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
        if (warnings > 0) {
            sentences.add("See the " + warnings + " data warning" + (warnings > 1 ? "s" : "") + " below.");
        }
        return String.join(" ", sentences);
    }

    /** False when the control mean is zero (or the lift is otherwise undefined): then the absolute change is told. */
    private static boolean hasRelative(Comparison c) {
        return Double.isFinite(c.relative()) && Double.isFinite(c.relativeCiLow()) && Double.isFinite(c.relativeCiHigh());
    }

    private static String bayesianSentence(MetricResult m, double alpha) {
        List<String> parts = new ArrayList<>();
        for (BayesianEffect b : m.bayesian()) {
            if (b.problem() != null) {
                parts.add("Variant " + b.variant() + " could not be compared on " + Wording.humanize(m.metric()) + ": " + b.problem() + ".");
                continue;
            }
            boolean rel = b.scale().equals("relative");
            parts.add("Variant " + b.variant() + " has a " + Wording.percent(b.chanceToWin()) + " chance of being better than "
                    + b.control() + " on " + Wording.humanize(m.metric()) + " (expected change "
                    + (rel ? Wording.percent(b.posteriorMean()) : Wording.number(b.posteriorMean())) + ", "
                    + Wording.confidence(alpha) + " credible interval "
                    + (rel ? Wording.percent(b.ciLow()) + " to " + Wording.percent(b.ciHigh())
                    : Wording.number(b.ciLow()) + " to " + Wording.number(b.ciHigh()))
                    + "; choosing it risks losing " + (rel ? Wording.percent(b.riskVariant()) : Wording.number(b.riskVariant()))
                    + " on average, keeping " + b.control() + " risks " + (rel ? Wording.percent(b.riskControl()) : Wording.number(b.riskControl())) + ").");
        }
        return String.join(" ", parts);
    }

    private static String metricSentence(MetricResult m, double alpha, boolean directed) {
        String metric = Wording.humanize(m.metric());
        List<String> wins = new ArrayList<>();
        List<String> flat = new ArrayList<>();
        for (Comparison c : m.comparisons()) {
            if (c.significant(alpha)) {
                String verb = directed ? (c.estimate() > 0 ? "raised" : "lowered") : c.estimate() > 0 ? "increased" : "decreased";
                String judged = !directed ? "" : (c.estimate() > 0) == m.better().equals("higher") ? ", which is good" : ", which is bad";
                if (hasRelative(c)) {
                    wins.add("Variant " + c.variant() + " " + verb + " " + metric + " by "
                            + Wording.percent(Math.abs(c.relative())) + " compared with " + c.control()
                            + " (" + Wording.confidence(alpha) + " confidence interval " + Wording.percent(c.relativeCiLow())
                            + " to " + Wording.percent(c.relativeCiHigh()) + ")" + judged + "; a difference this large would be unlikely by chance alone.");
                } else {
                    wins.add("Variant " + c.variant() + " " + verb + " " + metric + " by "
                            + Wording.number(Math.abs(c.estimate())) + " compared with " + c.control()
                            + " (" + Wording.confidence(alpha) + " confidence interval " + Wording.number(c.ciLow())
                            + " to " + Wording.number(c.ciHigh()) + "; the control average is zero, so there is no percentage)" + judged
                            + "; a difference this large would be unlikely by chance alone.");
                }
            } else {
                flat.add(c.variant());
            }
        }
        StringBuilder sb = new StringBuilder(String.join(" ", wins));
        if (!flat.isEmpty()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            Comparison first = m.comparisons().stream().filter(c -> flat.contains(c.variant())).findFirst().orElseThrow();
            sb.append(flat.size() == 1 ? "Variant " + flat.get(0) : "Variants " + String.join(", ", flat))
                    .append(" showed no clear change in ").append(metric).append(" compared with ").append(first.control());
            if (flat.size() == 1 && hasRelative(first)) {
                sb.append(" (the change is somewhere between ").append(Wording.percent(first.relativeCiLow()))
                        .append(" and ").append(Wording.percent(first.relativeCiHigh())).append(")");
            } else if (flat.size() == 1) {
                sb.append(" (the change is somewhere between ").append(Wording.number(first.ciLow()))
                        .append(" and ").append(Wording.number(first.ciHigh())).append(")");
            }
            sb.append("; the data cannot tell ").append(flat.size() == 1 ? "it" : "them").append(" apart from no effect.");
        }
        return sb.toString();
    }
}
