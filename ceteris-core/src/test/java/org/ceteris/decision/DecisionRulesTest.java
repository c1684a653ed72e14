package org.ceteris.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.sequential.Direction;
import org.junit.jupiter.api.Test;

/** Every recommendation and every reason of {@link DecisionRules}, one case at a time. */
class DecisionRulesTest {

    static final GoalArm GOOD = new GoalArm("B", GoalArm.Outcome.GOOD, "Variant B raised watch minutes by 3%");
    static final GoalArm BAD = new GoalArm("B", GoalArm.Outcome.BAD, "Variant B lowered watch minutes by 3%");
    static final GoalArm UNCLEAR = new GoalArm("B", GoalArm.Outcome.UNCLEAR, "Variant B raised watch minutes by 0.1%");
    static final SampleStatus REACHED = new SampleStatus(true, "The planned 1,000 units are in.", null, null);
    static final SampleStatus RUNNING = new SampleStatus(false, "The test needs about 500 more units.", 500L, 2.5);
    static final SampleStatus UNPLANNED = new SampleStatus(null, "No planned sample size.", null, null);

    static GuardrailResult guard(String status) {
        return new GuardrailResult(-0.01, status, List.of(new GuardrailResult.Check("B", status, -0.02, 0.01)));
    }

    static Map<String, GuardrailResult> guards(String... statuses) {
        Map<String, GuardrailResult> m = new LinkedHashMap<>();
        for (int i = 0; i < statuses.length; i++) {
            m.put("sessions_" + i, guard(statuses[i]));
        }
        return m;
    }

    @Test
    void aClearWinWithSafeGuardrailsShips() {
        Decision d = DecisionRules.decide(List.of(GOOD), guards("ok"), false, REACHED);
        assertEquals("ship", d.recommendation());
        assertEquals("B", d.variant());
        assertEquals(List.of("Variant B raised watch minutes by 3%, which is good.",
                "Guardrail sessions 0 is safe: it did not fall by 1.00% or more.",
                "The traffic split matches the plan.", "The planned 1,000 units are in."), d.reasons());
        assertNull(d.furtherUnits());
    }

    @Test
    void aBreachedGuardrailStopsEvenAWin() {
        Decision d = DecisionRules.decide(List.of(GOOD), guards("ok", "breached"), false, REACHED);
        assertEquals("do_not_ship", d.recommendation());
        assertNull(d.variant());
        assertTrue(d.reasons().contains("Guardrail sessions 1 was harmed: it fell by more than the allowed 1.00%."), d.reasons().toString());
    }

    @Test
    void aSampleRatioMismatchMakesEverythingInconclusive() {
        Decision d = DecisionRules.decide(List.of(GOOD), guards("ok"), true, REACHED);
        assertEquals("inconclusive", d.recommendation());
        assertTrue(d.reasons().get(2).startsWith("The traffic split is not what was planned"));
    }

    @Test
    void aWinWithAnOpenGuardrailKeepsRunningUntilThePlanIsIn() {
        Decision running = DecisionRules.decide(List.of(GOOD), guards("inconclusive"), false, RUNNING);
        assertEquals("keep_running", running.recommendation());
        assertEquals(500L, running.furtherUnits());
        assertEquals(2.5, running.furtherDays());
        assertTrue(running.reasons().contains("Guardrail sessions 0 cannot yet be shown safe: a fall of 1.00% or more is still possible."));
        assertEquals("inconclusive", DecisionRules.decide(List.of(GOOD), guards("inconclusive"), false, REACHED).recommendation());
        assertEquals("inconclusive", DecisionRules.decide(List.of(GOOD), guards("inconclusive"), false, UNPLANNED).recommendation());
    }

    @Test
    void aClearLossDoesNotShip() {
        Decision d = DecisionRules.decide(List.of(BAD), Map.of(), false, RUNNING);
        assertEquals("do_not_ship", d.recommendation());
        assertEquals("Variant B lowered watch minutes by 3%, which is bad.", d.reasons().get(0));
        assertNull(d.furtherUnits(), "units are told only when the advice is to keep running");
    }

    @Test
    void oneWinnerAmongLosersShipsTheWinner() {
        GoalArm c = new GoalArm("C", GoalArm.Outcome.GOOD, "Variant C raised watch minutes by 4%");
        Decision d = DecisionRules.decide(List.of(BAD, c), Map.of(), false, REACHED);
        assertEquals("ship", d.recommendation());
        assertEquals("C", d.variant());
    }

    @Test
    void noClearEffectKeepsRunningOnlyWhileThePlanIsNotIn() {
        Decision running = DecisionRules.decide(List.of(UNCLEAR), Map.of(), false, RUNNING);
        assertEquals("keep_running", running.recommendation());
        assertEquals("Variant B raised watch minutes by 0.1%; the data cannot tell it apart from no effect.", running.reasons().get(0));
        assertEquals("The test needs about 500 more units.", running.reasons().get(2));
        assertEquals("inconclusive", DecisionRules.decide(List.of(UNCLEAR), Map.of(), false, REACHED).recommendation());
        assertEquals("inconclusive", DecisionRules.decide(List.of(UNCLEAR), Map.of(), false, UNPLANNED).recommendation());
        assertEquals("inconclusive", DecisionRules.decide(List.of(UNCLEAR, BAD), Map.of(), false, REACHED).recommendation());
    }

    @Test
    void aGuardrailWhereLowerIsBetterIsToldAsARise() {
        GuardrailResult up = new GuardrailResult(0.02, "breached", List.of());
        Decision d = DecisionRules.decide(List.of(GOOD), Map.of("load_time", up), false, REACHED);
        assertTrue(d.reasons().contains("Guardrail load time was harmed: it rose by more than the allowed 2.00%."), d.reasons().toString());
        GuardrailResult safe = new GuardrailResult(0.02, "ok", List.of());
        assertTrue(DecisionRules.decide(List.of(GOOD), Map.of("load_time", safe), false, REACHED).reasons()
                .contains("Guardrail load time is safe: it did not rise by 2.00% or more."));
    }

    @Test
    void sampleStatusFromTheTargetMdeThePlanOrNeither() {
        DecisionSpec mde = new DecisionSpecBuilder().targetMde("2%").daysRunning(10.0).build();
        // n per arm = (1.959964 + 0.841621)^2 * 2 * 30^2 / (0.02*40)^2 = 22,074.5 -> 22,075
        SampleStatus s = SampleStatus.of(mde, 20_000, 2, 10_000, 40, 30, 0.05);
        assertEquals(false, s.reached());
        assertEquals(2 * (22_075 - 10_000), s.furtherUnits());
        assertEquals(2 * (22_075 - 10_000) / 2_000.0, s.furtherDays(), 1e-12);
        assertTrue(s.reason().startsWith("The test needs about 24,150 more units to detect a change of 2.00% with 80% power"), s.reason());
        assertTrue(s.reason().endsWith("about 13 more days at the current traffic."), s.reason());
        assertEquals(true, SampleStatus.of(mde, 50_000, 2, 25_000, 40, 30, 0.05).reached());
        DecisionSpec plan = new DecisionSpecBuilder().plannedUnits(30_000L).build();
        SampleStatus p = SampleStatus.of(plan, 20_000, 2, 10_000, 40, 30, 0.05);
        assertEquals(10_000L, p.furtherUnits());
        assertNull(p.furtherDays(), "no days without the days so far");
        assertEquals(true, SampleStatus.of(plan, 30_000, 2, 15_000, 40, 30, 0.05).reached());
        SampleStatus none = SampleStatus.of(DecisionSpec.DEFAULT, 20_000, 2, 10_000, 40, 30, 0.05);
        assertNull(none.reached());
        assertTrue(none.reason().contains("can detect a change of about"), none.reason());
    }

    @Test
    void guardrailsTestOneSidedAgainstTheMargin() {
        // z(0.95) = 1.6449: bounds r ± 1.6449·0.01
        GuardrailResult r = Guardrails.check(List.of(new Guardrails.ArmEffect("ok", 0.0, 0.01),
                new Guardrails.ArmEffect("open", -0.045, 0.01), new Guardrails.ArmEffect("bad", -0.08, 0.01)), -0.05,
                Direction.HIGHER, 0.05);
        assertEquals(List.of("ok", "inconclusive", "breached"), r.checks().stream().map(GuardrailResult.Check::status).toList());
        assertEquals("breached", r.status());
        GuardrailResult lower = Guardrails.check(List.of(new Guardrails.ArmEffect("ok", 0.0, 0.01),
                new Guardrails.ArmEffect("bad", 0.08, 0.01)), 0.05, Direction.LOWER, 0.05);
        assertEquals(List.of("ok", "breached"), lower.checks().stream().map(GuardrailResult.Check::status).toList());
        assertEquals("ok", Guardrails.check(List.of(new Guardrails.ArmEffect("edge", -0.05 + 1.6449 * 0.01 + 1e-4, 0.01)),
                -0.05, Direction.HIGHER, 0.05).status());
    }

    @Test
    void aMarginOfTheWrongSignIsRefused() {
        CeterisException e = assertThrows(CeterisException.class, () -> new DecisionSpecBuilder().guardrail("sessions:1%").build());
        assertEquals("guardrail margin for sessions is 1%, but higher is better for it: give a negative margin such as -1% "
                + "(how far it may move the bad way)", e.getMessage());
        assertThrows(CeterisException.class, () -> new DecisionSpecBuilder().better("load=lower").guardrail("load:-1%").build());
        assertThrows(CeterisException.class, () -> new DecisionSpecBuilder().guardrail("load:0").build());
        assertEquals(0.01, new DecisionSpecBuilder().better("load=lower").guardrail("load:1%").build().guardrails().get("load"), 1e-15);
    }
}
