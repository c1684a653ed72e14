package org.ceteris.dag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Data from a linear structural equation model of a diagram (tests only): each node is the sum
 * of its parents times fixed coefficients plus standard normal noise; a bidirected edge adds a
 * shared standard normal latent to both ends. Also a binary version (threshold of the same sums).
 */
final class LinearSem {

    private final Dag dag;
    private final List<String> order = new ArrayList<>();
    private final Map<Edge, Double> coef = new HashMap<>();

    LinearSem(Dag dag, long coefficientSeed) {
        this.dag = dag;
        Random r = new Random(coefficientSeed);
        for (Edge e : dag.edges()) {
            double c = 0.4 + 0.5 * r.nextDouble();
            coef.put(e, r.nextBoolean() ? c : -c);
        }
        List<String> left = new ArrayList<>(dag.nodes());
        while (!left.isEmpty()) {
            for (String n : new ArrayList<>(left)) {
                boolean ready = dag.edges().stream().noneMatch(e -> !e.bidirected() && e.to().equals(n) && left.contains(e.from()));
                if (ready) {
                    order.add(n);
                    left.remove(n);
                }
            }
        }
    }

    /** n rows of every node (columns in dag.nodes() order). */
    double[][] sample(Random rnd, int n, boolean binary) {
        int k = dag.nodes().size();
        double[][] x = new double[n][k];
        for (int i = 0; i < n; i++) {
            Map<Edge, Double> shared = new HashMap<>();
            for (Edge e : dag.edges()) {
                if (e.bidirected()) {
                    shared.put(e, rnd.nextGaussian());
                }
            }
            Map<String, Double> v = new HashMap<>();
            for (String node : order) {
                double s = rnd.nextGaussian();
                for (Edge e : dag.edges()) {
                    if (!e.bidirected() && e.to().equals(node)) {
                        s += coef.get(e) * v.get(e.from());
                    } else if (e.bidirected() && (e.from().equals(node) || e.to().equals(node))) {
                        s += coef.get(e) * 1.5 * shared.get(e);
                    }
                }
                v.put(node, binary ? (s > 0 ? 1.0 : 0.0) : s);
            }
            for (int j = 0; j < k; j++) {
                x[i][j] = v.get(dag.nodes().get(j));
            }
        }
        return x;
    }

    /** Pearson correlations of the named columns. */
    static DagTestInput.Correlations correlations(Dag dag, double[][] x, List<String> vars) {
        int k = vars.size();
        int n = x.length;
        int[] col = vars.stream().mapToInt(dag.nodes()::indexOf).toArray();
        double[] mean = new double[k];
        for (double[] row : x) {
            for (int a = 0; a < k; a++) {
                mean[a] += row[col[a]] / n;
            }
        }
        double[][] c = new double[k][k];
        for (double[] row : x) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    c[a][b] += (row[col[a]] - mean[a]) * (row[col[b]] - mean[b]);
                }
            }
        }
        double[][] r = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                r[a][b] = c[a][b] / Math.sqrt(c[a][a] * c[b][b]);
            }
        }
        return new DagTestInput.Correlations(vars, n, r);
    }

    /** One stratified table per implication, from discrete columns. */
    static DagTestInput.Tables tables(Dag dag, double[][] x, List<Implication> imps) {
        List<List<DagTestInput.Cell>> tables = new ArrayList<>();
        for (Implication imp : imps) {
            Map<List<String>, Long> counts = new HashMap<>();
            int xi = dag.nodes().indexOf(imp.x());
            int yi = dag.nodes().indexOf(imp.y());
            for (double[] row : x) {
                StringBuilder s = new StringBuilder();
                for (String z : imp.given()) {
                    s.append(row[dag.nodes().indexOf(z)]).append('|');
                }
                counts.merge(List.of(s.toString(), String.valueOf(row[xi]), String.valueOf(row[yi])), 1L, Long::sum);
            }
            List<DagTestInput.Cell> cells = new ArrayList<>();
            counts.forEach((key, c) -> cells.add(new DagTestInput.Cell(key.get(0), key.get(1), key.get(2), c)));
            tables.add(cells);
        }
        return new DagTestInput.Tables(x.length, imps, tables);
    }
}
