package org.ceteris.did;

import java.util.ArrayList;
import java.util.List;
import org.ceteris.CeterisException;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.DiagnosticCode;
import org.ceteris.stats.Distributions;

/**
 * Difference-in-differences on a compact panel: picks the design the spec names (2×2 by OLS, the
 * two-way fixed-effects event study, or Callaway &amp; Sant'Anna for staggered adoption), attaches
 * the diagnostics that could change how it is read, and writes the verdict. Pure: no I/O, no
 * randomness. Cost: that of the chosen estimator (see each class).
 */
public final class Did {

    private Did() {
    }

    /** The result; for a dated panel its cohorts and calendar periods are given as dates. */
    public static DidResult analyze(DidSpec spec, DidPanel panel) {
        DidResult r = analyzePeriods(spec, panel);
        return panel.periodDates() == null ? r : r.withPeriodDates(panel.periodDates());
    }

    private static DidResult analyzePeriods(DidSpec spec, DidPanel panel) {
        if (panel.periods().length < 2) {
            throw new CeterisException("only one period (" + panel.periods()[0] + ") in '" + spec.time()
                    + "': a difference-in-differences needs periods before and after the change");
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (panel.missingRows() > 0) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.MISSING_VALUES, panel.missingRows()
                    + " row(s) with a missing outcome, unit, time or design value were left out."));
        }
        double z = Distributions.normalQuantile(1 - spec.alpha() / 2);
        if (spec.eventStudy()) {
            return eventStudy(spec, panel, diagnostics, z);
        }
        if (spec.twoByTwo()) {
            TwoByTwoDid.Estimate e = TwoByTwoDid.estimate(panel);
            if (e.staggered()) {
                diagnostics.add(staggeredWarning());
            }
            return finish(spec, DidResult.TWO_BY_TWO, e.estimate(), e.se(), z, panel.units().size(), panel.periods().length,
                    null, null, null, null, diagnostics);
        }
        CallawaySantAnna.Fit fit = CallawaySantAnna.estimate(panel, spec.control(), spec.estimator());
        diagnostics.addAll(fit.diagnostics());
        DidResult.Aggregations agg = CsAggregation.aggregate(fit, spec.windowLow(), spec.windowHigh());
        List<DidResult.AttGt> cells = fit.cells().stream()
                .map(c -> new DidResult.AttGt(c.group(), c.time(), c.att(), c.se())).toList();
        pretrendWarning(fit.pretrend(), fit.nUnits(), spec.alpha(), diagnostics);
        return finish(spec, DidResult.STAGGERED, agg.simple().att(), agg.simple().se(), z, fit.nUnits(),
                fit.periods().length, cells, agg, null, fit.pretrend(), diagnostics);
    }

    private static DidResult eventStudy(DidSpec spec, DidPanel panel, List<Diagnostic> diagnostics, double z) {
        long[] first = panel.firstTreated() != null ? panel.firstTreated() : firstTreatedFromFlags(panel);
        TwfeEventStudy.Estimate e = TwfeEventStudy.estimate(panel, first, spec.windowLow(), spec.windowHigh());
        if (e.cohorts() > 1) {
            diagnostics.add(staggeredWarning());
        }
        pretrendWarning(e.pretrend(), panel.units().size(), spec.alpha(), diagnostics);
        return finish(spec, DidResult.EVENT_STUDY, e.average(), e.averageSe(), z, panel.units().size(), panel.periods().length,
                null, null, e.coefficients(), e.pretrend(), diagnostics);
    }

    /** The first period in which each treated unit is post, 0 for units never treated. */
    private static long[] firstTreatedFromFlags(DidPanel panel) {
        long[] first = new long[panel.units().size()];
        for (int r = 0; r < panel.rows(); r++) {
            if (panel.treated()[r] == 1 && panel.post()[r] == 1) {
                long t = panel.periods()[panel.period()[r]];
                int u = panel.unit()[r];
                first[u] = first[u] == 0 ? t : Math.min(first[u], t);
            }
        }
        return first;
    }

    private static Diagnostic staggeredWarning() {
        return Diagnostic.warning(DiagnosticCode.DID_TWFE_STAGGERED, "Units adopt the change at different times: plain two-way "
                + "fixed effects compares late adopters with early ones and can weight some effects negatively "
                + "(Goodman-Bacon 2021). Use --first-treated without --event-study for Callaway & Sant'Anna estimates.");
    }

    /** DID_PRETREND when the small-sample adjusted pre-test rejects; DID_PRETREND_UNTESTABLE with too few units. */
    private static void pretrendWarning(DidResult.Pretrend pretrend, int units, double alpha, List<Diagnostic> diagnostics) {
        if (pretrend == null) {
            return;
        }
        double adjusted = pretrend.pAdjusted();
        String over = units + " units" + (pretrend.effectiveUnits() < units
                ? String.format(java.util.Locale.ROOT, ", as informative as %.0f independent ones", pretrend.effectiveUnits()) : "");
        if (Double.isNaN(adjusted)) {
            diagnostics.add(Diagnostic.info(DiagnosticCode.DID_PRETREND_UNTESTABLE, "There are " + pretrend.df()
                    + " pre-period effects but only " + over + ", too few to test them jointly: judge "
                    + "the trends before the change from the event-study plot, or use fewer pre-periods (--window)."));
        } else if (adjusted < alpha) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.DID_PRETREND, "Before the change, treated and comparison units "
                    + "already moved differently (joint test of " + pretrend.df() + " pre-period effects over " + over
                    + ", p = " + String.format(java.util.Locale.ROOT, "%.3g", adjusted)
                    + " after the small-sample correction): the parallel-trends assumption is doubtful."));
        }
    }


    private static DidResult finish(DidSpec spec, String design, double est, double se, double z, int units, int periods,
                                    List<DidResult.AttGt> cells, DidResult.Aggregations agg,
                                    List<DidResult.EventTimeEstimate> es, DidResult.Pretrend pretrend,
                                    List<Diagnostic> diagnostics) {
        double p = Distributions.normalTwoSidedP(est / se);
        double lo = est - z * se;
        double hi = est + z * se;
        String summary = DidVerdict.write(spec, design, est, lo, hi, p, pretrend, diagnostics);
        return new DidResult(DidResult.METHOD, design, est, se, lo, hi, p, units, periods, cells, agg, es, pretrend,
                diagnostics, summary);
    }
}
