package org.ceteris.inputs;

import java.util.ArrayList;
import java.util.List;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Rows;

/**
 * The fast scan of {@link AbInputs} for sources whose rows DuckDB numbers: per variant and per block
 * of {@link AbInputs#BLOCK} consecutive rows, the count and the shifted sums Σ(y − c), Σ(y − c)²
 * (and the cross sum for a pair), which cost a third of {@code var_samp}/{@code covar_samp}. Each
 * block is turned into centred moments here (M2 = Σ(y − c)² − (Σ(y − c))²/n) and merged by the
 * caller in block order with Chan's update. The shift c is the median of the column's first
 * 1,001 finite values, so the relative error of M2 is about ε·(1 + ((ȳ − c)/s)²) whatever the mean's
 * size (the textbook formula is the case c = 0). Rows of one block are summed by one thread in row
 * order, so the result is the same on every run. Cost: O(n) in the engine, O(n/2048) here.
 */
final class BlockSums {

    private BlockSums() {
    }

    /**
     * The block statistics in the column layout of {@code AbInputs}' aggregate (n, ma, va, mb, vb,
     * cab per metric), or null when a value would have had to be excluded (a NULL, NaN or infinite
     * value, or a pair whose columns are missing on different rows): then the caller screens.
     */
    static Rows load(Engine engine, String relation, String variant, List<String[]> pairs, String block) {
        Dialect d = engine.dialect();
        double[][] shift = shifts(engine, relation, pairs);
        StringBuilder inner = new StringBuilder("SELECT ").append(d.asText(d.ident(variant))).append(" AS v, ")
                .append(block).append(" AS blk");
        StringBuilder sb = new StringBuilder("SELECT v, blk, count(*) AS units");
        for (int k = 0; k < pairs.size(); k++) {
            inner.append(", CAST(").append(d.ident(pairs.get(k)[0])).append(" AS DOUBLE) - CAST(").append(shift[k][0])
                    .append(" AS DOUBLE) AS a").append(k);
            String a = "a" + k;
            sb.append(", count(").append(a).append(") AS n").append(k)
                    .append(", sum(").append(a).append(") AS sa").append(k)
                    .append(", sum(").append(a).append(" * ").append(a).append(") AS saa").append(k);
            if (pairs.get(k)[1] != null) {
                inner.append(", CAST(").append(d.ident(pairs.get(k)[1])).append(" AS DOUBLE) - CAST(").append(shift[k][1])
                        .append(" AS DOUBLE) AS b").append(k);
                String b = "b" + k;
                sb.append(", count(").append(b).append(") AS nb").append(k)
                        .append(", count(").append(a).append(" * ").append(b).append(") AS nab").append(k)
                        .append(", sum(").append(b).append(") AS sb").append(k)
                        .append(", sum(").append(b).append(" * ").append(b).append(") AS sbb").append(k)
                        .append(", sum(").append(a).append(" * ").append(b).append(") AS sab").append(k);
            }
        }
        sb.append(" FROM (").append(inner).append(" FROM ").append(relation).append(") t GROUP BY v, blk ORDER BY v, blk");
        Rows sums = engine.query(sb.toString());
        return clean(sums, pairs) ? moments(sums, pairs, shift) : null;
    }

    /**
     * Per metric, the median of each column's first 1,001 finite values in row order (0 when there
     * is none). One small query per column; each stops once it has its values.
     */
    private static double[][] shifts(Engine engine, String relation, List<String[]> pairs) {
        Dialect d = engine.dialect();
        double[][] shift = new double[pairs.size()][2];
        for (int k = 0; k < pairs.size(); k++) {
            for (int j = 0; j < 2; j++) {
                if (pairs.get(k)[j] != null) {
                    String value = d.finiteOrNull(d.ident(pairs.get(k)[j]));
                    Rows r = engine.query("SELECT median(c) AS c FROM (SELECT " + value + " AS c FROM " + relation
                            + " WHERE " + value + " IS NOT NULL LIMIT 1001) t");
                    double c = r.size() == 0 ? Double.NaN : r.getDouble(0, "c");
                    shift[k][j] = Double.isFinite(c) ? c : 0.0;
                }
            }
        }
        return shift;
    }

    private static boolean clean(Rows rows, List<String[]> pairs) {
        for (int k = 0; k < pairs.size(); k++) {
            int n = rows.index("n" + k);
            boolean pair = pairs.get(k)[1] != null;
            int nb = pair ? rows.index("nb" + k) : -1;
            int nab = pair ? rows.index("nab" + k) : -1;
            List<String> names = new ArrayList<>(List.of("sa" + k, "saa" + k));
            if (pair) {
                names.addAll(List.of("sb" + k, "sbb" + k, "sab" + k));
            }
            int[] sums = names.stream().mapToInt(rows::index).toArray();
            for (int i = 0; i < rows.size(); i++) {
                long count = rows.getLong(i, n);
                if (pair && (rows.getLong(i, nb) != count || rows.getLong(i, nab) != count)) {
                    return false;
                }
                for (int s : sums) {
                    if (count > 0 && !Double.isFinite(rows.getDouble(i, s))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Block sums → block means, sample variances and covariance (the layout AbInputs reads). */
    private static Rows moments(Rows sums, List<String[]> pairs, double[][] shift) {
        List<String> names = new ArrayList<>(List.of("v", "units", "multi"));
        for (int k = 0; k < pairs.size(); k++) {
            names.addAll(List.of("n" + k, "ma" + k, "va" + k, "mb" + k, "vb" + k, "cab" + k));
        }
        int v = sums.index("v");
        int units = sums.index("units");
        List<List<Object>> out = new ArrayList<>(sums.size());
        for (int i = 0; i < sums.size(); i++) {
            List<Object> row = new ArrayList<>(names.size());
            Object variant = sums.rows().get(i).get(v);
            row.add(variant == null ? null : variant.toString());
            row.add(sums.getLong(i, units));
            row.add(0L);
            out.add(row);
        }
        for (int k = 0; k < pairs.size(); k++) {
            int nk = sums.index("n" + k);
            int sak = sums.index("sa" + k);
            int saak = sums.index("saa" + k);
            boolean pair = pairs.get(k)[1] != null;
            int sbk = pair ? sums.index("sb" + k) : -1;
            int sbbk = pair ? sums.index("sbb" + k) : -1;
            int sabk = pair ? sums.index("sab" + k) : -1;
            for (int i = 0; i < sums.size(); i++) {
                List<Object> row = out.get(i);
                long n = sums.getLong(i, nk);
                double sa = sums.getDouble(i, sak);
                double m2a = Math.max(0.0, sums.getDouble(i, saak) - sa * sa / n);
                row.add(n);
                row.add(n == 0 ? null : shift[k][0] + sa / n);
                row.add(n < 2 ? null : m2a / (n - 1));
                if (!pair || n == 0) {
                    row.add(null);
                    row.add(null);
                    row.add(null);
                } else {
                    double sb = sums.getDouble(i, sbk);
                    double m2b = Math.max(0.0, sums.getDouble(i, sbbk) - sb * sb / n);
                    double cab = sums.getDouble(i, sabk) - sa * sb / n;
                    row.add(shift[k][1] + sb / n);
                    row.add(n < 2 ? null : m2b / (n - 1));
                    row.add(n < 2 ? null : cab / (n - 1));
                }
            }
        }
        List<String> types = new ArrayList<>();
        names.forEach(x -> types.add("DOUBLE"));
        return new Rows(names, types, out);
    }
}
