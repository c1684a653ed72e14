package org.ceteris.inputs;

import java.util.ArrayList;
import java.util.List;
import org.ceteris.engine.Columns;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Rows;

/**
 * The fast scan of {@link AbInputs} for sources whose rows DuckDB numbers: per variant and per block
 * of {@link AbInputs#BLOCK} consecutive rows, the count and the shifted sums Σ(y − c), Σ(y − c)²
 * (and the cross sum for a pair), which cost a third of {@code var_samp}/{@code covar_samp}. Each
 * block is turned into centred moments here (M2 = Σ(y − c)² − (Σ(y − c))²/n) and merged in block
 * order with Chan's update ({@link VariantMerge}). The shift c is the median of the column's first
 * 1,001 finite values, so the relative error of M2 is about ε·(1 + ((ȳ − c)/s)²) whatever the mean's
 * size (the textbook formula is the case c = 0). Rows of one block are summed by one thread in row
 * order, so the result is the same on every run. Cost: O(n) in the engine, O(n/2048) here.
 */
final class BlockSums {

    private BlockSums() {
    }

    /**
     * The blocks merged in order (variant, then block) into {@code names}' statistics, or null when a
     * value would have had to be excluded (a NULL, NaN or infinite value, or a pair whose columns are
     * missing on different rows): then the caller screens. The block sums reach Java as primitive
     * columns (at 100M rows, 97,658 blocks: a fifth of a second less than rows of objects).
     */
    static VariantMerge load(Engine engine, String relation, String variant, List<String[]> pairs, String block, List<String> names) {
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
        Columns sums = engine.queryColumns(sb.toString());
        return clean(sums, pairs) ? merged(sums, pairs, shift, names) : null;
    }

    /**
     * Per metric, the median of each column's first 1,001 finite values in row order (0 when there
     * is none). One query for all columns, a scalar subquery each (one round trip instead of one per
     * column); each stops once it has its values.
     */
    private static double[][] shifts(Engine engine, String relation, List<String[]> pairs) {
        Dialect d = engine.dialect();
        double[][] shift = new double[pairs.size()][2];
        StringBuilder sql = new StringBuilder();
        for (int k = 0; k < pairs.size(); k++) {
            for (int j = 0; j < 2; j++) {
                if (pairs.get(k)[j] != null) {
                    String value = d.finiteOrNull(d.ident(pairs.get(k)[j]));
                    sql.append(sql.length() == 0 ? "SELECT " : ", ")
                            .append("(SELECT median(c) FROM (SELECT ").append(value).append(" AS c FROM ").append(relation)
                            .append(" WHERE ").append(value).append(" IS NOT NULL LIMIT 1001) t) AS c").append(k).append('_').append(j);
                }
            }
        }
        if (sql.length() == 0) {
            return shift;
        }
        Rows r = engine.query(sql.toString());
        for (int k = 0; k < pairs.size(); k++) {
            for (int j = 0; j < 2; j++) {
                if (pairs.get(k)[j] != null) {
                    double c = r.size() == 0 ? Double.NaN : r.getDouble(0, "c" + k + "_" + j);
                    shift[k][j] = Double.isFinite(c) ? c : 0.0;
                }
            }
        }
        return shift;
    }

    private static boolean clean(Columns sums, List<String[]> pairs) {
        for (int k = 0; k < pairs.size(); k++) {
            long[] n = sums.longs("n" + k);
            boolean pair = pairs.get(k)[1] != null;
            List<double[]> values = new ArrayList<>(List.of(sums.doubles("sa" + k), sums.doubles("saa" + k)));
            if (pair) {
                long[] nb = sums.longs("nb" + k);
                long[] nab = sums.longs("nab" + k);
                for (int i = 0; i < n.length; i++) {
                    if (nb[i] != n[i] || nab[i] != n[i]) {
                        return false;
                    }
                }
                values.addAll(List.of(sums.doubles("sb" + k), sums.doubles("sbb" + k), sums.doubles("sab" + k)));
            }
            for (double[] v : values) {
                for (int i = 0; i < n.length; i++) {
                    if (n[i] > 0 && !Double.isFinite(v[i])) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Block sums → each block's means, sample variances and covariance (M2 = Σ(y − c)² − (Σ(y − c))²/n,
     * floored at 0), merged in row order: by variant, then block.
     */
    private static VariantMerge merged(Columns sums, List<String[]> pairs, double[][] shift, List<String> names) {
        VariantMerge merge = new VariantMerge(names);
        Columns.Text variants = sums.text("v");
        long[] units = sums.longs("units");
        int blocks = sums.size();
        long[][] n = new long[pairs.size()][];
        double[][][] s = new double[pairs.size()][][]; // per metric: sa, saa, sb, sbb, sab (null without b)
        for (int k = 0; k < pairs.size(); k++) {
            n[k] = sums.longs("n" + k);
            boolean pair = pairs.get(k)[1] != null;
            s[k] = new double[][] {sums.doubles("sa" + k), sums.doubles("saa" + k), pair ? sums.doubles("sb" + k) : null,
                pair ? sums.doubles("sbb" + k) : null, pair ? sums.doubles("sab" + k) : null};
        }
        for (int i = 0; i < blocks; i++) {
            String v = variants.get(i);
            if (v == null) {
                merge.unassigned(units[i]);
                continue;
            }
            merge.units(v, units[i]);
            for (int k = 0; k < pairs.size(); k++) {
                long nk = n[k][i];
                double sa = s[k][0][i];
                double ma = nk == 0 ? Double.NaN : shift[k][0] + sa / nk;
                double va = nk < 2 ? Double.NaN : Math.max(0.0, s[k][1][i] - sa * sa / nk) / (nk - 1);
                double mb = Double.NaN;
                double vb = Double.NaN;
                double cab = Double.NaN;
                if (s[k][2] != null && nk > 0) {
                    double sb = s[k][2][i];
                    mb = shift[k][1] + sb / nk;
                    if (nk >= 2) {
                        vb = Math.max(0.0, s[k][3][i] - sb * sb / nk) / (nk - 1);
                        cab = (s[k][4][i] - sa * sb / nk) / (nk - 1);
                    }
                }
                merge.metric(v, k, units[i], nk, ma, mb, va, vb, cab);
            }
        }
        return merge;
    }
}
