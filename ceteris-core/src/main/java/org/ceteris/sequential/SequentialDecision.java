package org.ceteris.sequential;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ceteris.decision.Decision;
import org.ceteris.decision.DecisionRules;
import org.ceteris.decision.GoalArm;
import org.ceteris.decision.SampleStatus;
import org.ceteris.experiment.SrmCheck;
import org.ceteris.report.Wording;

/**
 * The ship decision of a sequential test through {@link DecisionRules}: the winner is GOOD, an arm
 * whose interval against control lies on the bad side (or that was demoted) is BAD, the rest UNCLEAR;
 * the sample-ratio check is on the units at the last look with equal weights; the plan is
 * {@code --n-max}, and the days still needed come from the observed daily traffic when the time
 * column holds dates. Pure: O(arms).
 */
final class SequentialDecision {

    private SequentialDecision() {
    }

    static Decision decide(SequentialSpec spec, SequentialMonitor m, List<String> order, SequentialResult.Look first,
                           SequentialResult.Look last, boolean reachedMax) {
        List<GoalArm> arms = new ArrayList<>();
        String metric = Wording.humanize(spec.metric().name());
        Direction better = spec.direction();
        for (int i = 0; i < order.size(); i++) {
            if (i == m.controlIndex()) {
                continue;
            }
            Reading r = m.againstControl(i);
            GoalArm.Outcome outcome = i == m.winner() ? GoalArm.Outcome.GOOD
                    : m.winner() == m.controlIndex() || m.status(i) == SequentialMonitor.Status.DEMOTED
                    || (r != null && r.sign() == -better.sign()) ? GoalArm.Outcome.BAD : GoalArm.Outcome.UNCLEAR;
            String finding = r == null ? "Variant " + order.get(i) + " could not yet be compared with " + order.get(m.controlIndex())
                    + " on " + metric
                    : "Variant " + order.get(i) + " " + (r.estimate() > 0 ? "raised" : "lowered") + " " + metric + " by "
                    + Wording.number(Math.abs(r.estimate())) + " compared with " + order.get(m.controlIndex())
                    + " (always-valid interval " + Wording.number(r.low()) + " to " + Wording.number(r.high()) + ")";
            arms.add(new GoalArm(order.get(i), outcome, finding));
        }
        Map<String, Long> observed = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            observed.put(order.get(i), m.stats(i).n());
            weights.put(order.get(i), 1.0);
        }
        boolean srm = !spec.demote() && SrmCheck.of(observed, weights).mismatch();
        return DecisionRules.decide(arms, Map.of(), srm, sample(spec, m.totalUnits(), first, last, reachedMax));
    }

    private static SampleStatus sample(SequentialSpec spec, long units, SequentialResult.Look first,
                                       SequentialResult.Look last, boolean reachedMax) {
        if (spec.nMax() == null) {
            return new SampleStatus(null, "No planned number of units (--n-max) was given, so the test can run until it "
                    + "finds a winner.", null, null);
        }
        if (reachedMax) {
            return new SampleStatus(true, String.format(Locale.ROOT, "The planned %,d units are in.", spec.nMax()), null, null);
        }
        long further = spec.nMax() - units;
        Long days = days(first.time(), last.time());
        Double furtherDays = days == null ? null : further / (units / (double) days);
        return new SampleStatus(false, String.format(Locale.ROOT, "The test needs about %,d more units to reach the planned %,d",
                further, spec.nMax()) + (furtherDays == null ? "." : ", about " + (long) Math.ceil(furtherDays)
                + " more days at the current traffic."), further, furtherDays);
    }

    /** Days from the first look to the last, inclusive, when both times are dates; else null. */
    static Long days(String first, String last) {
        try {
            LocalDate a = LocalDate.parse(first.length() >= 10 ? first.substring(0, 10) : first);
            LocalDate b = LocalDate.parse(last.length() >= 10 ? last.substring(0, 10) : last);
            return ChronoUnit.DAYS.between(a, b) + 1;
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }
}
