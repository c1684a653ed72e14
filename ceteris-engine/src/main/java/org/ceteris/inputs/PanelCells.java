package org.ceteris.inputs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ceteris.CeterisException;
import org.ceteris.TimeScale;
import org.ceteris.did.DidPanel;
import org.ceteris.did.DidSpec;
import org.ceteris.engine.Columns;

/**
 * The DiD panel from the input's rows as they come from the engine, in any order: one cell per
 * (unit, period), units in the order given and periods ascending. The rows are sorted here (two
 * counting sorts: by period, then by unit) rather than grouped and ordered in SQL, so no aggregate
 * or sort over 100,000s of text keys runs in the engine. A unit has at most one row per period (two
 * rows are a one-line error naming the first such unit), so a cell is a row; a row with a missing
 * outcome, period, flag or covariate is left out and counted.
 *
 * <p>Expected columns: {@code u} (long: a code into the unit names, −1 for none), {@code t} (double,
 * NaN when missing), {@code y}, {@code dtr} and {@code dpo} for a 2×2 design, and the
 * covariates {@code x0…}.
 */
final class PanelCells {

    private PanelCells() {
    }

    /** {@code firstTreated}: each unit's first treated period (null for a 2×2 design). */
    static DidPanel of(DidSpec spec, TimeScale scale, Columns rows, List<String> units, long[] firstTreated) {
        int n = rows.size();
        Unit u = new Unit(rows.longs("u"), units);
        double[] t = rows.doubles("t");
        double[] allPeriods = distinctSorted(t);
        int missingPeriod = allPeriods.length;
        int[] period = new int[n];
        for (int i = 0; i < n; i++) {
            period[i] = Double.isNaN(t[i]) ? missingPeriod : Arrays.binarySearch(allPeriods, t[i]);
        }
        int[] order = sortByUnitThenPeriod(u, period, missingPeriod + 1);
        for (int k = 1; k < order.length; k++) {
            int a = order[k - 1];
            int b = order[k];
            if (u.code(a) == u.code(b) && period[a] == period[b] && period[a] != missingPeriod) {
                throw new CeterisException("unit '" + u.get(a) + "' has more than one row for period " + label(scale, (long) allPeriods[period[a]])
                        + "; give one row per unit and period (aggregate first with --sql ... GROUP BY unit, period)");
            }
        }
        return cells(spec, rows, u, period, allPeriods, order, firstTreated);
    }

    /** The complete rows (unit, period, outcome, flags and covariates all present), in sorted order, as the panel. */
    private static DidPanel cells(DidSpec spec, Columns rows, Unit u, int[] period, double[] allPeriods, int[] order, long[] ft) {
        double[] y = rows.doubles("y");
        double[] treated = spec.twoByTwo() ? rows.doubles("dtr") : null;
        double[] post = spec.twoByTwo() ? rows.doubles("dpo") : null;
        int k = spec.covariates().size();
        double[][] x = new double[k][];
        for (int c = 0; c < k; c++) {
            x[c] = rows.doubles("x" + c);
        }
        int[] kept = new int[order.length];
        int m = 0;
        boolean[] periodUsed = new boolean[allPeriods.length];
        for (int row : order) {
            if (period[row] == allPeriods.length || Double.isNaN(y[row])
                    || (treated != null && (Double.isNaN(treated[row]) || Double.isNaN(post[row])))) {
                continue;
            }
            boolean complete = true;
            for (int c = 0; c < k && complete; c++) {
                complete = !Double.isNaN(x[c][row]);
            }
            if (complete) {
                kept[m++] = row;
                periodUsed[period[row]] = true;
            }
        }
        if (m == 0) {
            throw new CeterisException("no usable rows: '" + spec.outcome() + "', '" + spec.unit() + "' or '" + spec.time()
                    + "' is missing in every row");
        }
        int[] newPeriod = new int[allPeriods.length];
        long[] periods = new long[allPeriods.length];
        int p = 0;
        for (int i = 0; i < allPeriods.length; i++) {
            if (periodUsed[i]) {
                newPeriod[i] = p;
                periods[p++] = (long) allPeriods[i];
            }
        }
        periods = Arrays.copyOf(periods, p);
        List<String> units = new ArrayList<>();
        List<Long> first = new ArrayList<>();
        int[] unit = new int[m];
        int[] cellPeriod = new int[m];
        double[] cy = new double[m];
        double[] ctr = treated == null ? null : new double[m];
        double[] cpo = post == null ? null : new double[m];
        double[][] cx = new double[k][m];
        int last = -1;
        for (int i = 0; i < m; i++) {
            int row = kept[i];
            int code = u.code(row);
            if (code != last) {
                units.add(u.names().get(code));
                last = code;
                if (ft != null) {
                    first.add(ft[code]);
                }
            }
            unit[i] = units.size() - 1;
            cellPeriod[i] = newPeriod[period[row]];
            cy[i] = y[row];
            if (ctr != null) {
                ctr[i] = treated[row];
                cpo[i] = post[row];
            }
            for (int c = 0; c < k; c++) {
                cx[c][i] = x[c][row];
            }
        }
        long[] firstTreated = ft == null ? null : first.stream().mapToLong(Long::longValue).toArray();
        return new DidPanel(units, periods, unit, cellPeriod, cy, ctr, cpo, firstTreated, spec.covariates(), cx, rows.size() - m);
    }

    /**
     * The rows that have a unit, ordered by unit code, then by period (ties in row order): a stable
     * counting sort by period followed by one by unit.
     */
    private static int[] sortByUnitThenPeriod(Unit u, int[] period, int periods) {
        int n = u.codes().length;
        int[] rows = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (u.code(i) >= 0) {
                rows[m++] = i;
            }
        }
        int[] byPeriod = countingSort(Arrays.copyOf(rows, m), r -> period[r], periods);
        return countingSort(byPeriod, u::code, u.names().size());
    }

    private interface Key {
        int of(int row);
    }

    /** {@code rows} stably sorted by {@code key.of(row)} in [0, keys). */
    private static int[] countingSort(int[] rows, Key key, int keys) {
        int[] start = new int[keys + 1];
        for (int row : rows) {
            start[key.of(row) + 1]++;
        }
        for (int k = 0; k < keys; k++) {
            start[k + 1] += start[k];
        }
        int[] out = new int[rows.length];
        for (int row : rows) {
            out[start[key.of(row)]++] = row;
        }
        return out;
    }

    /** The distinct values other than NaN, ascending: by insertion while there are few (periods), else by one sort. */
    private static double[] distinctSorted(double[] values) {
        double[] found = new double[16];
        int m = 0;
        double last = Double.NaN;
        for (double v : values) {
            if (Double.isNaN(v) || v == last) {
                continue;
            }
            last = v;
            int k = Arrays.binarySearch(found, 0, m, v);
            if (k >= 0) {
                continue;
            }
            if (m == 4096) {
                return sortedDistinct(values);
            }
            k = -k - 1;
            if (m == found.length) {
                found = Arrays.copyOf(found, 2 * m);
            }
            System.arraycopy(found, k, found, k + 1, m - k);
            found[k] = v;
            m++;
        }
        return Arrays.copyOf(found, m);
    }

    private static double[] sortedDistinct(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (m == 0 || sorted[i] != sorted[m - 1]) {
                sorted[m++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, m);
    }

    /** Each row's unit as a code into {@code names} (sorted as the engine sorts text), −1 for none. */
    private record Unit(long[] codes, List<String> names) {
        Unit {
            for (long c : codes) {
                if (c < -1 || c >= names.size()) {
                    throw new IllegalStateException("the source changed while it was read: unit code " + c + " of " + names.size());
                }
            }
        }

        int code(int row) {
            return (int) codes[row];
        }

        String get(int row) {
            return codes[row] < 0 ? null : names.get(code(row));
        }
    }

    static String label(TimeScale scale, long value) {
        if (scale != TimeScale.DATE) {
            return Long.toString(value);
        }
        return value == 0 ? "none" : String.valueOf(TimeScale.DATE.label(value));
    }
}
