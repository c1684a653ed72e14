package org.ceteris.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * Placebo inference for synthetic control (Abadie, Diamond &amp; Hainmueller 2010, §3.3 and 2015, §4):
 * <ul>
 * <li>in space: every donor in turn is treated as if it were the treated unit, with the other donors
 *     as its pool (the treated unit stays out: its post-period is affected by the treatment); the
 *     statistic is the ratio of post- to pre-treatment MSPE, and
 *     {@code p = #{units with ratio ≥ the treated ratio} / (J + 1)}, counting the treated unit itself;
 *     optionally placebos whose pre-MSPE exceeds k times the treated one's are dropped first;</li>
 * <li>leave one out: the fit is repeated without each donor of positive weight;</li>
 * <li>in time: treatment is pretended to start earlier, fitting outcomes only on the periods before it.</li>
 * </ul>
 * Placebo fits run through {@link Parallel}. Cost: J + (donors with weight) full fits.
 */
final class PlaceboInference {

    private PlaceboInference() {
    }

    /** In-space placebos, one per donor, in donor order. */
    static List<SynthResult.Placebo> inSpace(SynthFitter fitter, List<String> units, int[] donors, long seed, Parallel parallel) {
        List<SynthFitter.Fitted> fits = parallel.map(donors.length,
                i -> fitter.fit(donors[i], SynthFitter.without(donors, donors[i]), seed + 7919L * (i + 1)));
        List<SynthResult.Placebo> out = new ArrayList<>();
        for (SynthFitter.Fitted f : fits) {
            out.add(new SynthResult.Placebo(units.get(f.treated()), f.preMspe(), f.postMspe(), ratio(f.postMspe(), f.preMspe()),
                    f.att(fitter.outcome(), fitter.t0())));
        }
        return out;
    }

    static double ratio(double post, double pre) {
        if (pre > 0) {
            return post / pre;
        }
        return post > 0 ? Double.POSITIVE_INFINITY : 1;
    }

    /**
     * The placebo p-value: the treated unit counts itself. Placebos with a pre-MSPE above
     * {@code filter × treatedPre} are ignored when {@code filter} is not null.
     */
    static double pValue(double treatedRatio, double treatedPre, List<SynthResult.Placebo> placebos, Double filter) {
        int kept = 0;
        int atLeast = 1;
        for (SynthResult.Placebo p : placebos) {
            if (filter != null && p.preMspe() > filter * treatedPre) {
                continue;
            }
            kept++;
            if (p.ratio() >= treatedRatio * (1 - 1e-12)) {
                atLeast++;
            }
        }
        return (double) atLeast / (kept + 1);
    }

    /** Refits without each donor whose weight is positive. */
    static List<SynthResult.LeaveOneOut> leaveOneOut(SynthFitter fitter, List<String> units, SynthFitter.Fitted main,
            double[][] outcome, long seed, Parallel parallel) {
        List<Integer> dropped = new ArrayList<>();
        for (int j = 0; j < main.donors().length; j++) {
            if (main.w()[j] > 1e-6 && main.donors().length > 2) {
                dropped.add(main.donors()[j]);
            }
        }
        List<SynthFitter.Fitted> fits = parallel.map(dropped.size(),
                i -> fitter.fit(main.treated(), SynthFitter.without(main.donors(), dropped.get(i)), seed + 104729L * (i + 1)));
        List<SynthResult.LeaveOneOut> out = new ArrayList<>();
        for (int i = 0; i < fits.size(); i++) {
            SynthFitter.Fitted f = fits.get(i);
            out.add(new SynthResult.LeaveOneOut(units.get(dropped.get(i)), f.att(outcome, fitter.t0()), Math.sqrt(f.preMspe())));
        }
        return out;
    }

    /**
     * The in-time placebo: treatment pretended to start a third of the pre-period earlier; weights fitted
     * on the outcome path before that date (predictors could be measured after it). Null when the
     * pre-period has fewer than 4 times.
     */
    static SynthResult.InTimePlacebo inTime(double[][] y, double[] times, int treated, int[] donors, int t0,
            org.ceteris.TimeScale scale) {
        if (t0 < 4) {
            return null;
        }
        int fake = t0 - Math.max(1, t0 / 3);
        double[][] z0 = new double[fake][donors.length];
        double[] z1 = new double[fake];
        for (int t = 0; t < fake; t++) {
            z1[t] = y[treated][t];
            for (int j = 0; j < donors.length; j++) {
                z0[t][j] = y[donors[j]][t];
            }
        }
        double[] w = SimplexLeastSquares.solve(z0, z1, null);
        double[] synthetic = SynthFitter.path(y, donors, w);
        double pre = SynthFitter.mspe(y[treated], synthetic, 0, fake);
        double post = SynthFitter.mspe(y[treated], synthetic, fake, t0);
        double gap = 0;
        for (int t = fake; t < t0; t++) {
            gap += y[treated][t] - synthetic[t];
        }
        return new SynthResult.InTimePlacebo(scale.label(times[fake]), gap / (t0 - fake), Math.sqrt(pre), ratio(post, pre));
    }
}
