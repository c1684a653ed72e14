package org.ceteris.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ceteris.CeterisException;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.DiagnosticCode;

/**
 * Power of a future synthetic-control geo test, by backtests over the history (the idea of GeoLift's
 * {@code GeoLiftMarketSelection}, with the placebo test of {@code ceteris synth --placebos}).
 *
 * <p>For a set of K test units, the treated unit is the mean of their outcomes. For every start s
 * with at least {@link #MIN_PRE} periods before it and D periods from it inside the history: weights
 * are fitted on the outcome path before s (outcome-only synthetic control, as {@code synth} without
 * predictors), the effect e is injected as {@code y·(1+e)} into the D periods from s, and the
 * in-space placebo test runs over the same window: every donor (every unit outside the set) fitted
 * on the other donors, p = share of units whose post/pre MSPE ratio is at least the treated one's.
 * A backtest rejects when p ≤ alpha; the power at e is the share of rejecting backtests.
 *
 * <p>The fits do not depend on e (the pre-period is untouched), so each backtest is fitted once and
 * the power at any e costs O(D + log J). Cost per set: backtests × (J + 1) simplex fits.
 */
public final class GeoDesign {

    /** The fewest periods before a backtest's start. */
    public static final int MIN_PRE = 8;
    /** Step of the effect grid on which the MDE is found. */
    static final double GRID = 0.005;
    /** Power the MDE asks for. */
    static final double TARGET = 0.8;
    private static final int SHOWN = 10;
    /** Backtests per task: consecutive starts share warm starts. */
    static final int CHUNK = 8;

    private GeoDesign() {
    }

    /** One past window: the treated fit and the sorted placebo ratios over the same window. */
    record Backtest(double preMspe, double[] actual, double[] synthetic, double[] placeboRatios) {

        boolean rejects(double effect, double alpha) {
            double post = 0;
            for (int t = 0; t < actual.length; t++) {
                double g = actual[t] * (1 + effect) - synthetic[t];
                post += g * g;
            }
            double ratio = PlaceboInference.ratio(post / actual.length, preMspe);
            int from = lowerBound(placeboRatios, ratio * (1 - 1e-12));
            double p = (1.0 + placeboRatios.length - from) / (placeboRatios.length + 1);
            return p <= alpha + 1e-12;
        }
    }

    /** A set's backtests. */
    record Evaluated(int[] set, List<Backtest> backtests) {
        double power(double effect, double alpha) {
            int r = 0;
            for (Backtest b : backtests) {
                if (b.rejects(effect, alpha)) {
                    r++;
                }
            }
            return (double) r / backtests.size();
        }

        Double mde(double alpha) {
            double prev = power(0, alpha);
            if (prev >= TARGET) {
                return 0.0;
            }
            for (int i = 1; i * GRID <= 1 + 1e-9; i++) {
                double e = i * GRID;
                double p = power(e, alpha);
                if (p >= TARGET) {
                    return round(e - GRID + GRID * (TARGET - prev) / (p - prev));
                }
                prev = p;
            }
            return null;
        }
    }

    public static GeoDesignResult design(GeoDesignSpec spec, SynthPanel panel, Parallel parallel) {
        List<String> units = panel.units();
        int[] candidates = candidates(spec, units);
        int k = spec.testUnits();
        int n = units.size();
        if (k > candidates.length) {
            throw new CeterisException("--test-units " + k + " is more than the " + candidates.length + " candidate units; lower it or add --candidates");
        }
        int donors = n - k;
        int needed = (int) Math.ceil(1 / spec.alpha() - 1e-9) - 1;
        if (donors < Math.max(2, needed)) {
            throw new CeterisException("--test-units " + k + " leaves " + donors + " donor units of " + n + "; the placebo test at alpha "
                    + fmt(spec.alpha()) + " needs at least " + Math.max(2, needed) + " (lower --test-units or raise --alpha)");
        }
        int times = panel.times().length;
        int d = spec.duration();
        if (d >= times) {
            throw new CeterisException("--duration " + d + " is not shorter than the history (" + times + " periods); shorten it");
        }
        int first = firstStart(times, d);
        int starts = times - d - first + 1;
        if (starts < 1) {
            throw new CeterisException("--duration " + d + " leaves fewer than " + MIN_PRE + " periods before the test in a history of "
                    + times + "; shorten it to at most " + Math.max(0, times - MIN_PRE) + " or give a longer history");
        }
        double[][] y = panel.outcome();
        String search;
        List<int[]> sets;
        if (combinations(candidates.length, k) <= spec.maxSets()) {
            search = "all";
            sets = allSets(candidates, k);
        } else {
            search = "beam";
            sets = beamSets(y, candidates, k, times, spec.maxSets(), spec.seed());
        }
        int chunks = (starts + CHUNK - 1) / CHUNK;
        List<List<Backtest>> done = parallel.map(sets.size() * chunks, i -> {
            int from = first + (i % chunks) * CHUNK;
            return backtests(y, sets.get(i / chunks), from, Math.min(from + CHUNK, first + starts), d);
        });
        List<Evaluated> evaluated = new ArrayList<>();
        for (int s = 0; s < sets.size(); s++) {
            List<Backtest> all = new ArrayList<>();
            done.subList(s * chunks, (s + 1) * chunks).forEach(all::addAll);
            evaluated.add(new Evaluated(sets.get(s), all));
        }
        List<GeoDesignResult.TestSet> ranked = new ArrayList<>();
        for (Evaluated e : evaluated) {
            ranked.add(testSet(e, spec, units, y, times));
        }
        // sets whose test rejected more often than alpha with no lift are ranked last: among many sets, the one
        // with the smallest MDE is otherwise often the one whose placebo test is too liberal (its power overstated)
        Comparator<GeoDesignResult.TestSet> order = Comparator
                .comparing((GeoDesignResult.TestSet t) -> !holdsSize(t, spec.alpha()))
                .thenComparing((GeoDesignResult.TestSet t) -> t.mde() == null ? Double.POSITIVE_INFINITY : t.mde())
                .thenComparing(t -> -t.power().stream().mapToDouble(GeoDesignResult.Power::power).average().orElse(0))
                .thenComparingDouble(GeoDesignResult.TestSet::relativeRmspe)
                .thenComparing(t -> String.join("\u0000", t.units()));
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            idx.add(i);
        }
        idx.sort((a, b) -> order.compare(ranked.get(a), ranked.get(b)));
        GeoDesignResult.TestSet best = ranked.get(idx.get(0));
        Evaluated bestEval = evaluated.get(idx.get(0));
        List<GeoDesignResult.TestSet> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(SHOWN, idx.size()); i++) {
            shown.add(ranked.get(idx.get(i)));
        }
        List<GeoDesignResult.Power> curve = curve(bestEval, best, spec);
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (best.relativeRmspe() > 0.1) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.SYNTH_POOR_PRE_FIT, "The synthetic control of " + String.join(" + ", best.units())
                    + " misses its history by " + percent(best.relativeRmspe()) + " of its level (RMSPE): the power estimate is for a test"
                    + " that would be hard to read."));
        }
        if (starts < 10) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.GEO_FEW_BACKTESTS, "Only " + starts + " past windows to simulate the test in:"
                    + " each power is a share of " + starts + " backtests, so it moves in steps of " + percent(1.0 / starts) + "."));
        }
        if (!holdsSize(best, spec.alpha())) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.GEO_FALSE_POSITIVES, "No evaluated set kept its false alarms at alpha "
                    + fmt(spec.alpha()) + ": with no lift the simulated tests of " + String.join(" + ", best.units()) + " reject in "
                    + percent(best.falsePositiveRate()) + " of past windows; the test set moves differently from its donors, so its"
                    + " power is overstated (try other --candidates, a longer history or a shorter --duration)."));
        }
        if (best.mde() == null) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.GEO_NO_MDE, "No lift up to +100% is detected in 80% of past windows:"
                    + " test more units or for longer."));
        }
        if (search.equals("beam")) {
            diagnostics.add(Diagnostic.info(DiagnosticCode.GEO_BEAM_SEARCH, "Too many sets of " + k + " among " + candidates.length
                    + " candidates to try all; " + sets.size() + " came from a beam search by fit and seeded random draws (--max-sets)."));
        }
        return new GeoDesignResult(GeoDesignResult.METHOD, spec.outcome(), k, d, spec.alpha(), starts, SynthResult.time(panel.times()[first]),
                SynthResult.time(panel.times()[times - d]), search, sets.size(), best, shown, curve, diagnostics, summary(best, spec, starts));
    }

    /** The set's test rejected at most alpha of the past windows with no lift. */
    static boolean holdsSize(GeoDesignResult.TestSet t, double alpha) {
        return t.falsePositiveRate() <= alpha + 1e-12;
    }

    private static String summary(GeoDesignResult.TestSet best, GeoDesignSpec spec, int starts) {
        StringBuilder sb = new StringBuilder("Testing " + String.join(" + ", best.units()) + " for " + spec.duration() + " periods: ");
        List<String> parts = new ArrayList<>();
        for (GeoDesignResult.Power p : best.power()) {
            parts.add("an effect of " + signed(p.effect()) + " is detected in " + percent(p.power()));
        }
        sb.append(String.join(", ", parts)).append(" of ").append(starts).append(" past windows (placebo p ≤ ").append(fmt(spec.alpha()))
                .append("), and with no lift ").append(percent(best.falsePositiveRate())).append(" would have shown one; ");
        sb.append(best.mde() == null ? "no lift up to +100% is detected 80% of the time."
                : "the smallest effect detected 80% of the time is " + signed(best.mde()) + ".");
        return sb.toString();
    }

    private static List<GeoDesignResult.Power> curve(Evaluated e, GeoDesignResult.TestSet best, GeoDesignSpec spec) {
        double top = spec.effects().stream().mapToDouble(Math::abs).max().orElse(0.15);
        if (best.mde() != null) {
            top = Math.max(top, 1.5 * best.mde());
        }
        top = Math.min(1, Math.ceil(top / 0.05) * 0.05);
        List<GeoDesignResult.Power> out = new ArrayList<>();
        int steps = 40;
        for (int i = 0; i <= steps; i++) {
            double x = round(top * i / steps);
            out.add(new GeoDesignResult.Power(x, e.power(x, spec.alpha())));
        }
        return out;
    }

    private static GeoDesignResult.TestSet testSet(Evaluated e, GeoDesignSpec spec, List<String> units, double[][] y, int times) {
        List<GeoDesignResult.Power> power = new ArrayList<>();
        for (double x : spec.effects()) {
            power.add(new GeoDesignResult.Power(x, e.power(x, spec.alpha())));
        }
        double[] treated = mean(y, e.set());
        int[] donors = complement(e.set(), y.length);
        double[] w = fit(y, treated, donors, times);
        double[] synthetic = SynthFitter.path(y, donors, w);
        double rmspe = Math.sqrt(SynthFitter.mspe(treated, synthetic, 0, times));
        double level = Math.abs(Arrays.stream(treated).average().orElse(0));
        Map<String, Double> weights = new LinkedHashMap<>();
        Integer[] order = new Integer[donors.length];
        for (int j = 0; j < donors.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -w[j]).thenComparing(j -> units.get(donors[j])));
        for (int j : order) {
            if (w[j] > 1e-6) {
                weights.put(units.get(donors[j]), round(w[j]));
            }
        }
        List<String> names = new ArrayList<>();
        for (int u : e.set()) {
            names.add(units.get(u));
        }
        names.sort(String::compareTo);
        return new GeoDesignResult.TestSet(names, e.mde(spec.alpha()), power, e.power(0, spec.alpha()), rmspe, level > 0 ? rmspe / level : Double.POSITIVE_INFINITY,
                weights);
    }

    /**
     * The first backtest start: at least {@link #MIN_PRE} periods and at least half of the periods before
     * the last start, so that backtests fit on pre-periods not much shorter than the real test's (the
     * whole history); shorter fits would understate the power.
     */
    static int firstStart(int times, int d) {
        return Math.max(MIN_PRE, (times - d + 1) / 2);
    }

    /**
     * The backtests whose windows start at indices [from, to), in order: each fit starts from the
     * weights of the same unit at the previous start (a warm start; the solver's optimality test is
     * the same as from a cold one). The chunks are fixed by {@link #CHUNK}, not by the threads.
     */
    static List<Backtest> backtests(double[][] y, int[] set, int from, int to, int d) {
        double[] treated = mean(y, set);
        int[] donors = complement(set, y.length);
        double[] warm = null;
        double[][] placeboWarm = new double[donors.length][];
        int[][] pools = new int[donors.length][];
        for (int j = 0; j < donors.length; j++) {
            pools[j] = SynthFitter.without(donors, donors[j]);
        }
        List<Backtest> out = new ArrayList<>();
        for (int s = from; s < to; s++) {
            double[] w = fit(y, treated, donors, s, warm);
            warm = w;
            double[] synthetic = SynthFitter.path(y, donors, w);
            double[] ratios = new double[donors.length];
            for (int j = 0; j < donors.length; j++) {
                double[] pw = fit(y, y[donors[j]], pools[j], s, placeboWarm[j]);
                placeboWarm[j] = pw;
                double[] ps = SynthFitter.path(y, pools[j], pw);
                ratios[j] = PlaceboInference.ratio(SynthFitter.mspe(y[donors[j]], ps, s, s + d), SynthFitter.mspe(y[donors[j]], ps, 0, s));
            }
            Arrays.sort(ratios);
            out.add(new Backtest(SynthFitter.mspe(treated, synthetic, 0, s), Arrays.copyOfRange(treated, s, s + d),
                    Arrays.copyOfRange(synthetic, s, s + d), ratios));
        }
        return out;
    }

    /** Outcome-only synthetic-control weights of {@code treated} over {@code donors}, fitted on times [0, s). */
    static double[] fit(double[][] y, double[] treated, int[] donors, int s) {
        return fit(y, treated, donors, s, null);
    }

    static double[] fit(double[][] y, double[] treated, int[] donors, int s, double[] warm) {
        double[][] z0 = new double[s][donors.length];
        double[] z1 = Arrays.copyOf(treated, s);
        for (int t = 0; t < s; t++) {
            for (int j = 0; j < donors.length; j++) {
                z0[t][j] = y[donors[j]][t];
            }
        }
        return SimplexLeastSquares.solve(z0, z1, null, warm);
    }

    static double[] mean(double[][] y, int[] set) {
        double[] m = new double[y[0].length];
        for (int u : set) {
            for (int t = 0; t < m.length; t++) {
                m[t] += y[u][t] / set.length;
            }
        }
        return m;
    }

    private static int[] complement(int[] set, int n) {
        Set<Integer> in = new java.util.HashSet<>();
        for (int u : set) {
            in.add(u);
        }
        int[] out = new int[n - set.length];
        int i = 0;
        for (int u = 0; u < n; u++) {
            if (!in.contains(u)) {
                out[i++] = u;
            }
        }
        return out;
    }

    private static int[] candidates(GeoDesignSpec spec, List<String> units) {
        if (spec.candidates().isEmpty()) {
            int[] all = new int[units.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        List<String> unknown = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        for (String c : spec.candidates()) {
            int u = units.indexOf(c);
            if (u < 0) {
                unknown.add(c);
            } else {
                idx.add(u);
            }
        }
        if (!unknown.isEmpty()) {
            throw new CeterisException("--candidates: no unit named " + String.join(", ", unknown) + " in the data (" + units.size()
                    + " units, e.g. " + String.join(", ", units.subList(0, Math.min(3, units.size()))) + ")");
        }
        return idx.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    static double combinations(int n, int k) {
        double c = 1;
        for (int i = 0; i < k; i++) {
            c = c * (n - i) / (i + 1);
        }
        return Math.rint(c);
    }

    private static List<int[]> allSets(int[] candidates, int k) {
        List<int[]> out = new ArrayList<>();
        int[] pick = new int[k];
        for (int i = 0; i < k; i++) {
            pick[i] = i;
        }
        while (true) {
            int[] set = new int[k];
            for (int i = 0; i < k; i++) {
                set[i] = candidates[pick[i]];
            }
            out.add(set);
            int i = k - 1;
            while (i >= 0 && pick[i] == candidates.length - k + i) {
                i--;
            }
            if (i < 0) {
                return out;
            }
            pick[i]++;
            for (int j = i + 1; j < k; j++) {
                pick[j] = pick[j - 1] + 1;
            }
        }
    }

    /**
     * Too many sets to try: a beam search over sets by the relative RMSPE of their full-history fit
     * (width {@code max(1, maxSets / 2)}, each step adds one candidate to every set kept), then seeded
     * random sets up to {@code maxSets}. Deterministic for a seed.
     */
    private static List<int[]> beamSets(double[][] y, int[] candidates, int k, int times, int maxSets, long seed) {
        int width = Math.max(1, maxSets / 2);
        List<int[]> beam = new ArrayList<>();
        beam.add(new int[0]);
        for (int level = 1; level <= k; level++) {
            Map<String, int[]> next = new LinkedHashMap<>();
            for (int[] set : beam) {
                for (int c : candidates) {
                    if (Arrays.stream(set).noneMatch(u -> u == c)) {
                        int[] grown = Arrays.copyOf(set, set.length + 1);
                        grown[set.length] = c;
                        Arrays.sort(grown);
                        next.putIfAbsent(Arrays.toString(grown), grown);
                    }
                }
            }
            List<int[]> grown = new ArrayList<>(next.values());
            double[] score = new double[grown.size()];
            for (int i = 0; i < grown.size(); i++) {
                score[i] = relativeFit(y, grown.get(i), times);
            }
            Integer[] order = new Integer[grown.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).thenComparing(i -> Arrays.toString(grown.get(i))));
            beam = new ArrayList<>();
            for (int i = 0; i < Math.min(width, order.length); i++) {
                beam.add(grown.get(order[i]));
            }
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        beam.forEach(s -> out.put(Arrays.toString(s), s));
        Random random = new Random(seed);
        int tries = 0;
        while (out.size() < maxSets && tries++ < 20 * maxSets) {
            int[] shuffled = candidates.clone();
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = tmp;
            }
            int[] set = Arrays.copyOf(shuffled, k);
            Arrays.sort(set);
            out.putIfAbsent(Arrays.toString(set), set);
        }
        return new ArrayList<>(out.values());
    }

    private static double relativeFit(double[][] y, int[] set, int times) {
        double[] treated = mean(y, set);
        int[] donors = complement(set, y.length);
        double[] w = fit(y, treated, donors, times);
        double rmspe = Math.sqrt(SynthFitter.mspe(treated, SynthFitter.path(y, donors, w), 0, times));
        double level = Math.abs(Arrays.stream(treated).average().orElse(0));
        return level > 0 ? rmspe / level : Double.POSITIVE_INFINITY;
    }

    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static double round(double x) {
        return Math.rint(x * 1e6) / 1e6;
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%s", new java.math.BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString());
    }

    private static String percent(double x) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * x);
    }

    private static String signed(double x) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * x);
    }
}
