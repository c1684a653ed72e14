package org.ceteris.did;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.ceteris.CeterisException;
import org.ceteris.did.DidResult.EventTimeEstimate;
import org.ceteris.did.DidResult.Pretrend;

/**
 * The two-way fixed-effects event study y_it = α_i + λ_t + Σ_{k≠−1} β_k·1[t − g_i = k] + u_it
 * (Freyaldenhoven et al. 2021; Schmidheiny &amp; Siegloch 2023 for binned end points), with unit
 * effects removed by demeaning within unit (Frisch–Waugh–Lovell; exact on unbalanced panels because
 * period dummies stay in the regression), CR1 standard errors clustered by unit with the absorbed
 * unit effects counted in K (as statsmodels with explicit dummies), and the joint Wald test of the
 * leads (k ≤ −2) as the pre-trend check. With a window −K:L, event times beyond it are binned into
 * its end points. Under staggered adoption with heterogeneous effects the β_k are contaminated by
 * other periods' effects (Sun &amp; Abraham 2021; Goodman-Bacon 2021): prefer Callaway &amp; Sant'Anna.
 * Cost O(N·(T+E)²) for N rows, T periods and E event-time dummies.
 */
final class TwfeEventStudy {

    /** The coefficients, the mean of the post-period ones, and the pre-trend test. */
    record Estimate(List<EventTimeEstimate> coefficients, double average, double averageSe, Pretrend pretrend,
                    int cohorts) {
    }

    private TwfeEventStudy() {
    }

    static Estimate estimate(DidPanel panel, long[] firstTreated, Integer low, Integer high) {
        int rows = panel.rows();
        long[] periods = panel.periods();
        long[] event = new long[rows];
        boolean[] treated = new boolean[rows];
        TreeSet<Long> eventTimes = new TreeSet<>();
        TreeSet<Long> cohorts = new TreeSet<>();
        for (int r = 0; r < rows; r++) {
            long g = firstTreated[panel.unit()[r]];
            if (g == 0) {
                continue;
            }
            cohorts.add(g);
            long e = periods[panel.period()[r]] - g;
            if (low != null) {
                e = Math.max(low, Math.min(high, e));
            }
            treated[r] = true;
            event[r] = e;
            if (e != -1) {
                eventTimes.add(e);
            }
        }
        if (cohorts.isEmpty()) {
            throw new CeterisException("no unit is treated within the data: check --first-treated");
        }
        List<Long> terms = new ArrayList<>(eventTimes);
        int nt = periods.length - 1;
        int p = nt + terms.size();
        double[][] x = new double[rows][p];
        double[] y = panel.outcome().clone();
        for (int r = 0; r < rows; r++) {
            if (panel.period()[r] > 0) {
                x[r][panel.period()[r] - 1] = 1.0;
            }
            if (treated[r] && event[r] != -1) {
                x[r][nt + terms.indexOf(event[r])] = 1.0;
            }
        }
        demeanWithinUnit(panel, x, y);
        ClusterOls.Fit fit;
        try {
            fit = ClusterOls.fit(x, y, panel.unit(), panel.units().size());
        } catch (CeterisException e) {
            throw new CeterisException("the event study is not identified: with no never-treated units, every event time cannot be "
                    + "separated from the period effects; give a --window -K:L to bin distant event times");
        }
        List<EventTimeEstimate> coefficients = new ArrayList<>();
        List<Integer> leads = new ArrayList<>();
        List<Integer> lags = new ArrayList<>();
        for (int j = 0; j < terms.size(); j++) {
            int col = nt + j;
            coefficients.add(new EventTimeEstimate(terms.get(j), fit.coef()[col], fit.se(col)));
            (terms.get(j) < -1 ? leads : lags).add(col);
        }
        double avg = Double.NaN;
        double avgSe = Double.NaN;
        if (!lags.isEmpty()) {
            double[] a = new double[p];
            avg = 0;
            for (int col : lags) {
                a[col] = 1.0 / lags.size();
                avg += fit.coef()[col] / lags.size();
            }
            avgSe = Math.sqrt(Linalg.quadraticForm(a, fit.vcov()));
        }
        return new Estimate(coefficients, avg, avgSe, wald(fit, leads, panel.units().size()), cohorts.size());
    }

    private static Pretrend wald(ClusterOls.Fit fit, List<Integer> leads, int clusters) {
        int q = leads.size();
        if (q == 0) {
            return null;
        }
        double[] b = new double[q];
        double[][] v = new double[q][q];
        for (int r = 0; r < q; r++) {
            b[r] = fit.coef()[leads.get(r)];
            for (int s = 0; s < q; s++) {
                v[r][s] = fit.vcov()[leads.get(r)][leads.get(s)];
            }
        }
        double[][] inv = Linalg.inverse(v);
        if (inv == null) {
            return null;
        }
        double w = Linalg.quadraticForm(b, inv);
        return Pretrend.of(w, q, clusters);
    }

    /** Subtracts each unit's mean from y and every column of x. */
    private static void demeanWithinUnit(DidPanel panel, double[][] x, double[] y) {
        int units = panel.units().size();
        int p = x[0].length;
        double[][] sx = new double[units][p];
        double[] sy = new double[units];
        int[] count = new int[units];
        for (int r = 0; r < x.length; r++) {
            int u = panel.unit()[r];
            count[u]++;
            sy[u] += y[r];
            for (int j = 0; j < p; j++) {
                sx[u][j] += x[r][j];
            }
        }
        for (int r = 0; r < x.length; r++) {
            int u = panel.unit()[r];
            y[r] -= sy[u] / count[u];
            for (int j = 0; j < p; j++) {
                x[r][j] -= sx[u][j] / count[u];
            }
        }
    }
}
