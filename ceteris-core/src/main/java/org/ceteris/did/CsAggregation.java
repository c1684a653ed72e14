package org.ceteris.did;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ceteris.did.CallawaySantAnna.Cell;
import org.ceteris.did.DidResult.Aggregations;
import org.ceteris.did.DidResult.CalendarEstimate;
import org.ceteris.did.DidResult.DynamicEstimate;
import org.ceteris.did.DidResult.Estimate;
import org.ceteris.did.DidResult.GroupEstimate;

/**
 * The summaries of ATT(g,t) in Callaway &amp; Sant'Anna (2021, §3.2–3.3, eqs. 3.3–3.9): the simple
 * average of post-adoption cells weighted by cohort size, the average by cohort (and their
 * size-weighted mean), by event time e = t − g (and the mean over e ≥ 0), and by calendar period
 * (and their mean). Weights estimated from cohort shares add their own influence-function term
 * (as {@code did::aggte}'s {@code wif}); standard errors are √(Σψ²)/n. Cost O(n·C) for C cells.
 */
final class CsAggregation {

    private final CallawaySantAnna.Fit fit;
    private final int n;
    private final Map<Long, Double> share = new LinkedHashMap<>();

    private CsAggregation(CallawaySantAnna.Fit fit) {
        this.fit = fit;
        this.n = fit.nUnits();
        TreeSet<Long> groups = new TreeSet<>();
        for (Cell c : fit.cells()) {
            groups.add(c.group());
        }
        for (long g : groups) {
            long count = 0;
            for (long ug : fit.unitGroup()) {
                count += ug == g ? 1 : 0;
            }
            share.put(g, (double) count / n);
        }
    }

    /**
     * @param minEvent lowest event time of the dynamic aggregation (null for all)
     * @param maxEvent highest event time of the dynamic aggregation (null for all)
     */
    static Aggregations aggregate(CallawaySantAnna.Fit fit, Integer minEvent, Integer maxEvent) {
        return new CsAggregation(fit).all(minEvent, maxEvent);
    }

    private Aggregations all(Integer minEvent, Integer maxEvent) {
        List<Cell> post = new ArrayList<>();
        for (Cell c : fit.cells()) {
            if (c.post()) {
                post.add(c);
            }
        }
        Combined simple = shareWeighted(post);

        List<GroupEstimate> groups = new ArrayList<>();
        List<Combined> byGroup = new ArrayList<>();
        for (long g : share.keySet()) {
            List<Cell> cells = post.stream().filter(c -> c.group() == g).toList();
            Combined cg = equalWeighted(combinedOf(cells));
            byGroup.add(cg);
            groups.add(new GroupEstimate(g, cg.att, se(cg.inf)));
        }
        Combined groupOverall = shareWeightedGroups(byGroup);

        TreeSet<Long> events = new TreeSet<>();
        for (Cell c : fit.cells()) {
            events.add(c.time() - c.group());
        }
        List<DynamicEstimate> dynamic = new ArrayList<>();
        List<Combined> nonNegative = new ArrayList<>();
        for (long e : events) {
            if ((minEvent != null && e < minEvent) || (maxEvent != null && e > maxEvent)) {
                continue;
            }
            Combined ce = shareWeighted(fit.cells().stream().filter(c -> c.time() - c.group() == e).toList());
            dynamic.add(new DynamicEstimate(e, ce.att, se(ce.inf)));
            if (e >= 0) {
                nonNegative.add(ce);
            }
        }
        Combined dynamicOverall = equalWeighted(nonNegative);

        long firstGroup = share.keySet().iterator().next();
        List<CalendarEstimate> calendar = new ArrayList<>();
        List<Combined> byTime = new ArrayList<>();
        for (long t : fit.periods()) {
            if (t < firstGroup) {
                continue;
            }
            List<Cell> cells = post.stream().filter(c -> c.time() == t).toList();
            if (cells.isEmpty()) {
                continue;
            }
            Combined ct = shareWeighted(cells);
            byTime.add(ct);
            calendar.add(new CalendarEstimate(t, ct.att, se(ct.inf)));
        }
        Combined calendarOverall = equalWeighted(byTime);
        return new Aggregations(simple.estimate(this), groups, groupOverall.estimate(this), dynamic,
                dynamicOverall.estimate(this), calendar, calendarOverall.estimate(this));
    }

    /**
     * An estimate and its influence function: dense over the n units ({@code rows} null), or a cell's
     * sparse one (values of the units in {@code rows}, zero elsewhere). Adding a sparse function skips
     * the zeros, which a dense sum would add exactly, so the results are the same to the bit.
     */
    private record Combined(double att, int[] rows, double[] inf) {
        Combined(double att, double[] inf) {
            this(att, null, inf);
        }

        Estimate estimate(CsAggregation a) {
            return new Estimate(att, a.se(inf));
        }

        /** acc[i] += w·ψᵢ. */
        void addScaled(double[] acc, double w) {
            for (int k = 0; k < inf.length; k++) {
                acc[rows == null ? k : rows[k]] += w * inf[k];
            }
        }

        /** acc[i] += ψᵢ / m. */
        void addDivided(double[] acc, int m) {
            for (int k = 0; k < inf.length; k++) {
                acc[rows == null ? k : rows[k]] += inf[k] / m;
            }
        }
    }

    private static List<Combined> combinedOf(List<Cell> cells) {
        return cells.stream().map(c -> new Combined(c.att(), c.rows(), c.influence())).toList();
    }

    /** Σ w_c·att_c with w_c ∝ cohort share, plus the influence of the estimated shares. */
    private Combined shareWeighted(List<Cell> cells) {
        long[] groups = new long[cells.size()];
        for (int c = 0; c < cells.size(); c++) {
            groups[c] = cells.get(c).group();
        }
        return weightedByShare(combinedOf(cells), groups);
    }

    private Combined shareWeightedGroups(List<Combined> byGroup) {
        long[] groups = share.keySet().stream().mapToLong(Long::longValue).toArray();
        return weightedByShare(byGroup, groups);
    }

    private Combined weightedByShare(List<Combined> items, long[] groups) {
        int m = items.size();
        double[] p = new double[m];
        double sum = 0;
        for (int c = 0; c < m; c++) {
            p[c] = share.get(groups[c]);
            sum += p[c];
        }
        double att = 0;
        double[] inf = new double[n];
        for (int c = 0; c < m; c++) {
            double w = p[c] / sum;
            att += w * items.get(c).att();
            items.get(c).addScaled(inf, w);
        }
        // influence of the estimated weights: wif = if1 − if2 (did::aggte's wif), applied to the atts
        double weightedAtt = 0;
        for (int c = 0; c < m; c++) {
            weightedAtt += p[c] * items.get(c).att();
        }
        long[] unitGroup = fit.unitGroup();
        double[] atts = new double[m];
        for (int c = 0; c < m; c++) {
            atts[c] = items.get(c).att();
        }
        for (int i = 0; i < n; i++) {
            double if1 = 0;
            double total = 0;
            for (int c = 0; c < m; c++) {
                double dev = (unitGroup[i] == groups[c] ? 1.0 : 0.0) - p[c];
                if1 += dev * atts[c];
                total += dev;
            }
            inf[i] += if1 / sum - total * weightedAtt / (sum * sum);
        }
        return new Combined(att, inf);
    }

    private Combined equalWeighted(List<Combined> items) {
        int m = items.size();
        double att = 0;
        double[] inf = new double[n];
        for (Combined c : items) {
            att += c.att() / m;
            c.addDivided(inf, m);
        }
        return new Combined(att, inf);
    }

    private double se(double[] inf) {
        double ss = 0;
        for (double v : inf) {
            ss += v * v;
        }
        double se = Math.sqrt(ss) / n;
        return se <= CallawaySantAnna.SE_FLOOR ? Double.NaN : se;
    }
}
