package org.ceteris.synth;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;

/**
 * Whether the outcome-path fit W_out (the simplex weights with the least fit-window loss, a lower
 * bound for every V) is the inner solution for some admissible V — then it is the global optimum of
 * the nested problem (Becker &amp; Klößner 2018, §3.2). For fixed W the inner problem's KKT conditions
 * are linear in (V, μ): {@code g_j(V) = Σ_i v_i a_ij (Aw − b)_i} equals μ on the support of W and is at
 * least μ off it. A linear programme (Hipparchus's simplex method) maximises the smallest slack off the
 * support over V in the box {@code 1/maxRatio ≤ v_i ≤ 1}; the V found is then checked directly: W_out
 * must fit the predictors as well, under that V, as the inner solver's own answer. Cost: one LP with
 * k + 2 variables and J + 2k constraints, and one inner solve.
 */
final class LowerBoundCertificate {

    private LowerBoundCertificate() {
    }

    /** A V under which wOut is an inner solution, or null when the LP finds none. */
    static double[] vFor(double[] s1, double[][] s0, double[] wOut, double maxRatio) {
        int k = s1.length;
        int n = wOut.length;
        double[][] c = new double[n][k];
        double scale = 0;
        for (int i = 0; i < k; i++) {
            double r = DenseSolve.dot(s0[i], 0, wOut, 0, n) - s1[i];
            for (int j = 0; j < n; j++) {
                c[j][i] = s0[i][j] * r;
                scale = Math.max(scale, Math.abs(c[j][i]));
            }
        }
        if (!(scale > 0)) {
            return null; // the predictors are matched exactly: the inside-hull case handles it
        }
        int m = k + 2; // v_1..v_k, μ, t
        List<LinearConstraint> cons = new ArrayList<>();
        // the KKT conditions are homogeneous in (V, μ, t): V in the box [1/maxRatio, 1]^k instead of on the simplex
        for (int i = 0; i < k; i++) {
            double[] a = new double[m];
            a[i] = 1;
            cons.add(new LinearConstraint(a, Relationship.GEQ, 1 / maxRatio));
            cons.add(new LinearConstraint(a, Relationship.LEQ, 1));
        }
        for (int j = 0; j < n; j++) {
            double[] a = new double[m];
            for (int i = 0; i < k; i++) {
                a[i] = c[j][i] / scale;
            }
            a[k] = -1;
            if (wOut[j] > 0) {
                // equal gradients on the support, to the rounding of W's own solve
                cons.add(new LinearConstraint(a, Relationship.LEQ, 1e-9));
                cons.add(new LinearConstraint(a, Relationship.GEQ, -1e-9));
            } else {
                a[k + 1] = -1;
                cons.add(new LinearConstraint(a, Relationship.GEQ, 0));
            }
        }
        double[] cap = new double[m];
        cap[k + 1] = 1;
        cons.add(new LinearConstraint(cap, Relationship.LEQ, 1));
        double[] objective = new double[m];
        objective[k + 1] = 1;
        PointValuePair p;
        try {
            // μ and t are free; the box constraints keep every v_i positive
            double[] lowT = new double[m];
            lowT[k + 1] = 1;
            cons.add(new LinearConstraint(lowT, Relationship.GEQ, -1));
            p = new SimplexSolver(1e-11, 10, 1e-14).optimize(new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(cons),
                    GoalType.MAXIMIZE, new NonNegativeConstraint(false));
        } catch (MathIllegalStateException e) {
            return null; // infeasible
        }
        if (p.getValue() < -1e-9) {
            return null;
        }
        double[] v = new double[k];
        double total = 0;
        for (int i = 0; i < k; i++) {
            v[i] = Math.max(p.getPoint()[i], 0);
            total += v[i];
        }
        for (int i = 0; i < k; i++) {
            v[i] /= total;
        }
        double[] w = SimplexLeastSquares.solve(s0, s1, v);
        double inner = SimplexLeastSquares.loss(s0, s1, v, w);
        double ours = SimplexLeastSquares.loss(s0, s1, v, wOut);
        return ours <= inner * (1 + 1e-7) + 1e-300 ? v : null;
    }
}
