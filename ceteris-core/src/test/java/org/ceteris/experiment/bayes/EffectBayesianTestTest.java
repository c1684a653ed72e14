package org.ceteris.experiment.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ceteris.CeterisException;
import org.ceteris.sequential.Direction;
import org.ceteris.stats.CoMoments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@code gbstats_bayesian.csv}: GrowthBook gbstats {@code EffectBayesianABTest} on the same
 * sufficient statistics (made by {@code make_fixtures.py} beside it; see its README): mean, proportion,
 * ratio and CUPED metrics, relative and absolute effects, improper and proper priors, both directions.
 */
class EffectBayesianTestTest {

    static Stream<org.junit.jupiter.params.provider.Arguments> cases() throws IOException {
        try (InputStream in = EffectBayesianTestTest.class.getResourceAsStream("gbstats_bayesian.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            List<org.junit.jupiter.params.provider.Arguments> rows = new ArrayList<>();
            for (String line : lines) {
                rows.add(org.junit.jupiter.params.provider.Arguments.of((Object) line.split(",", -1)));
            }
            return rows.stream();
        }
    }

    @ParameterizedTest(name = "gbstats case {index}")
    @MethodSource("cases")
    void matchesGbstats(String[] r) {
        String kind = r[1];
        EffectScale scale = EffectScale.parse(r[2], "--effect");
        GaussianPrior prior = r[3].isEmpty() ? null
                : new GaussianPrior(Double.parseDouble(r[3]), Double.parseDouble(r[4]), EffectScale.RELATIVE);
        double alpha = Double.parseDouble(r[5]);
        Direction better = Boolean.parseBoolean(r[6]) ? Direction.LOWER : Direction.HIGHER;
        ArmStatistic c = arm(kind, Arrays.copyOfRange(r, 7, 13));
        ArmStatistic t = arm(kind, Arrays.copyOfRange(r, 13, 19));
        BayesianEffect b = EffectBayesianTest.compare("B", t, "A", c, scale, prior, alpha, better);
        double[] want = Arrays.stream(Arrays.copyOfRange(r, 19, 26)).mapToDouble(Double::parseDouble).toArray();
        double[] got = {b.posteriorMean(), b.posteriorSd(), b.ciLow(), b.ciHigh(), b.chanceToWin(), b.riskControl(), b.riskVariant()};
        String[] names = {"expected", "sd", "ci_low", "ci_high", "chance_to_win", "risk_control", "risk_variant"};
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-6 * Math.max(1, Math.abs(want[i])), "case " + r[0] + " " + names[i]);
        }
        assertEquals(r[26].isEmpty(), b.problem() == null, "case " + r[0] + " error");
    }

    private static ArmStatistic arm(String kind, String[] s) {
        long n = Long.parseLong(s[0]);
        double sa = Double.parseDouble(s[1]);
        double ssa = Double.parseDouble(s[2]);
        double sb = Double.parseDouble(s[3]);
        double ssb = Double.parseDouble(s[4]);
        double sab = Double.parseDouble(s[5]);
        CoMoments m = new CoMoments(n, sa / n, sb / n, ssa - sa * sa / n, ssb - sb * sb / n, sab - sa * sb / n);
        return switch (kind) {
            case "mean" -> new ArmStatistic.Mean(m.a());
            case "proportion" -> new ArmStatistic.Proportion(n, sa);
            case "ratio" -> new ArmStatistic.Ratio(m);
            default -> new ArmStatistic.Cuped(m);
        };
    }

    @Test
    void lowerIsBetterSwapsChanceAndRisk() {
        EffectMoments m = new EffectMoments(0.02, 0.01, 10, null);
        BayesianEffect up = EffectBayesianTest.posterior("B", "A", m, EffectScale.RELATIVE, null, 0.05, Direction.HIGHER);
        BayesianEffect down = EffectBayesianTest.posterior("B", "A", m, EffectScale.RELATIVE, null, 0.05, Direction.LOWER);
        assertEquals(1, up.chanceToWin() + down.chanceToWin(), 1e-15);
        assertEquals(up.riskVariant(), down.riskControl(), 0);
        assertTrue(up.chanceToWin() > 0.97);
    }

    @Test
    void aProperPriorPullsTowardItsMeanAndAbsolutePriorsAreRescaled() {
        EffectMoments m = new EffectMoments(0.05, 0.02, 40, null);
        BayesianEffect flat = EffectBayesianTest.posterior("B", "A", m, EffectScale.RELATIVE, null, 0.05, Direction.HIGHER);
        BayesianEffect shrunk = EffectBayesianTest.posterior("B", "A", m, EffectScale.RELATIVE,
                new GaussianPrior(0, 0.02, EffectScale.RELATIVE), 0.05, Direction.HIGHER);
        BayesianEffect sameInUnits = EffectBayesianTest.posterior("B", "A", m, EffectScale.RELATIVE,
                new GaussianPrior(0, 0.8, EffectScale.ABSOLUTE), 0.05, Direction.HIGHER);
        assertEquals(0.025, shrunk.posteriorMean(), 1e-12);
        assertEquals(shrunk.posteriorMean(), sameInUnits.posteriorMean(), 1e-12);
        assertTrue(shrunk.posteriorSd() < flat.posteriorSd());
    }

    @Test
    void zeroVarianceGivesTheUninformativeResult() {
        BayesianEffect b = EffectBayesianTest.compare("B", new ArmStatistic.Proportion(100, 0), "A",
                new ArmStatistic.Proportion(100, 10), EffectScale.RELATIVE, null, 0.05, Direction.HIGHER);
        assertEquals(0.5, b.chanceToWin());
        assertEquals(EffectMoments.ZERO_VARIANCE, b.problem());
        assertNull(EffectBayesianTest.compare("B", new ArmStatistic.Proportion(100, 12), "A",
                new ArmStatistic.Proportion(100, 10), EffectScale.RELATIVE, null, 0.05, Direction.HIGHER).problem());
    }

    @Test
    void aPriorSdThatIsNotPositiveIsOneLine() {
        CeterisException e = org.junit.jupiter.api.Assertions.assertThrows(CeterisException.class,
                () -> new GaussianPrior(0, 0, EffectScale.RELATIVE));
        assertTrue(e.getMessage().startsWith("--prior-sd must be a positive number"));
    }
}
