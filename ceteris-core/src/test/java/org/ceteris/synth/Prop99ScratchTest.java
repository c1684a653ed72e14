package org.ceteris.synth;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Prop99ScratchTest {
    @Test
    void run() throws Exception {
        PanelCsv p = new PanelCsv("smoking_prop99.csv", "state", "year");
        List<String> donors = new ArrayList<>(p.rows.keySet());
        donors.remove("California");
        java.util.Collections.sort(donors);
        int n = donors.size();
        double[] pre = PanelCsv.range(1980, 1988);
        double[] beer = PanelCsv.range(1984, 1988);
        java.util.function.Function<String, double[]> pred = u -> new double[] {
            p.mean(u, "lnincome", pre), p.mean(u, "age15to24", pre), p.mean(u, "retprice", pre), p.mean(u, "beer", beer),
            p.value(u, 1988, "cigsale"), p.value(u, 1980, "cigsale"), p.value(u, 1975, "cigsale")};
        double[] x1 = pred.apply("California");
        double[][] x0 = new double[7][n];
        double[] fit = PanelCsv.range(1970, 1988);
        double[] z1 = new double[fit.length];
        double[][] z0 = new double[fit.length][n];
        for (int j = 0; j < n; j++) {
            double[] x = pred.apply(donors.get(j));
            for (int i = 0; i < 7; i++) {
                x0[i][j] = x[i];
            }
            for (int t = 0; t < fit.length; t++) {
                z0[t][j] = p.value(donors.get(j), fit[t], "cigsale");
            }
        }
        for (int t = 0; t < fit.length; t++) {
            z1[t] = p.value("California", fit[t], "cigsale");
        }
        for (int rep = 0; rep < 5; rep++) { long a = System.nanoTime(); SyntheticControl.fit(x1, x0, z1, z0, rep); System.out.println("rep ms " + (System.nanoTime() - a) / 1e6); }
        long t0 = System.nanoTime();
        SyntheticControl.Fit f = SyntheticControl.fit(x1, x0, z1, z0, 1);
        long t1 = System.nanoTime();
        System.out.println("time ms " + (t1 - t0) / 1e6 + " loss " + f.loss() + " v " + java.util.Arrays.toString(f.v()));
        for (int j = 0; j < n; j++) {
            if (f.w()[j] > 1e-6) {
                System.out.println(donors.get(j) + " " + f.w()[j]);
            }
        }
    }
}
