package org.ceteris.advisor;

import java.util.ArrayList;
import java.util.List;

/**
 * Recommends a design for a causal question from its shape. The rules follow the usual decision
 * path of applied causal inference (randomise if you can; else use the structure the data offer:
 * few treated aggregates with a long history → synthetic control; treated and comparison groups
 * observed before and after → difference-in-differences, Callaway–Sant'Anna when adoption is
 * staggered; unit-level selection on observed characteristics → propensity-score methods guided by
 * a DAG), and it names the most common mistake for each situation. Pure; O(1).
 */
public final class MethodAdvisor {

    /** Fewer treated units than this, with aggregate data, call for synthetic control. */
    static final int FEW_TREATED = 5;
    /** Synthetic control needs a pre-period long enough to fit the donors' weights. */
    static final int MIN_PRE_PERIODS_SYNTH = 8;

    private MethodAdvisor() {
    }

    public static Advice advise(Situation s) {
        if (Boolean.TRUE.equals(s.randomisable())) {
            return experiment(s);
        }
        List<String> warnings = new ArrayList<>();
        if (s.randomisable() == null) {
            warnings.add("You did not say whether the change can be randomised; if it can, an A/B test is the most reliable answer.");
        }
        int treated = s.treatedUnits() == null ? -1 : s.treatedUnits();
        int pre = s.prePeriods() == null ? 0 : s.prePeriods();
        boolean comparison = !Boolean.FALSE.equals(s.comparisonGroup());
        if (treated >= 1 && treated < FEW_TREATED && pre >= MIN_PRE_PERIODS_SYNTH && comparison) {
            return synth(s, warnings);
        }
        if (pre >= 1 && comparison) {
            return did(s, warnings);
        }
        if (Boolean.TRUE.equals(s.unitCovariates()) && comparison) {
            return observe(s, warnings);
        }
        return notIdentified(s, warnings);
    }

    private static Advice experiment(Situation s) {
        List<String> reasons = new ArrayList<>(List.of(
                "You can choose at random who gets the change, so the groups differ only by chance and by the change itself.",
                "Randomisation removes confounding without having to know what drives the outcome."));
        List<String> assumptions = new ArrayList<>(List.of(
                "Units are assigned as planned (Ceteris checks the sample ratio).",
                "One unit's treatment does not change another unit's outcome (no spill-over between members).",
                "The metric is measured the same way in every group."));
        List<String> alternatives = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String method = "ab";
        String design = "Randomised A/B" + (s.variants() != null && s.variants() > 2 ? "/n" : "") + " experiment";
        String command = "ceteris ab --data results.parquet --variant variant --unit user_id --metric watch_minutes "
                + "--covariate watch_minutes=pre_minutes";
        if (Boolean.TRUE.equals(s.earlyStopping())) {
            method = "sequential";
            design = "Sequential experiment with anytime-valid confidence sequences"
                    + (s.variants() != null && s.variants() > 2 ? " and automatic demotion of losing variants" : "");
            reasons.add("You want to look at results as they come in: a sequential test stays valid at every look, "
                    + "whereas peeking at a fixed-horizon test inflates false wins.");
            command = "ceteris sequential --data events.parquet --variant variant --metric played --time day --every 1"
                    + (s.variants() != null && s.variants() > 2 ? " --demote" : "");
            alternatives.add("A fixed-horizon A/B test (ceteris ab) if you can commit to one look at a planned sample size (ceteris power).");
        } else {
            alternatives.add("ceteris power first, to know how many users you need for the effect you care about.");
            alternatives.add("A sequential test (ceteris sequential) if you need to look at results before the planned end.");
        }
        if (Boolean.TRUE.equals(s.concurrent())) {
            reasons.add("Other experiments run on the same members: assign with layers so that conflicting tests never "
                    + "share a member, and check overlapping tests for interactions afterwards.");
            alternatives.add("ceteris assign --config experiments.yaml … for layered assignment; ceteris interactions … to detect interference.");
        }
        if (s.totalUnits() != null && s.totalUnits() < 100) {
            warnings.add("With fewer than 100 units an experiment has little power; consider randomising at a finer level or a longer test.");
        }
        return new Advice(method, design, reasons, assumptions, command, alternatives, warnings,
                summary(design, reasons.get(0), "Reaching for a before/after comparison or a comparison of volunteers "
                        + "instead of randomising is the most common mistake; when you can randomise, do."));
    }

    private static Advice synth(Situation s, List<String> warnings) {
        List<String> reasons = List.of(
                "Only " + s.treatedUnits() + " unit(s) got the change, so there is no treated group large enough to average over.",
                "There are " + s.prePeriods() + " periods before the change: enough to build a weighted mix of untreated units "
                        + "that tracks the treated unit before the change.",
                "Placebo runs on each untreated unit show how unusual the treated unit's gap is.");
        List<String> assumptions = List.of(
                "The treated unit's outcome before the change can be reproduced by a weighted mix of untreated units.",
                "Untreated units (donors) were not affected by the change (no spill-over, no similar campaign there).",
                "Nothing else happened only in the treated unit at the same time.");
        String command = "ceteris synth --data signups.csv --unit city --time week --outcome signups_per_100k "
                + "--treated CITY --treatment-time WEEK --placebos";
        if (s.treatedUnits() != null && s.treatedUnits() > 1) {
            warnings.add("With several treated units, fit one synthetic control per unit (--treated A,B,C) and compare "
                    + "effects with --traits to decide where to expand.");
        }
        return new Advice("synth", "Synthetic control with placebo inference", reasons, assumptions, command,
                List.of("Difference-in-differences (ceteris did) if you have many treated units or a short history.",
                        "A geo experiment that randomises the next cities, if the decision can wait."),
                warnings, summary("Synthetic control", reasons.get(0),
                        "Comparing the treated city with the average of all other cities, or with itself a year earlier, "
                                + "is the common mistake: both ignore how differently cities trend."));
    }

    private static Advice did(Situation s, List<String> warnings) {
        boolean staggered = Boolean.TRUE.equals(s.staggered());
        List<String> reasons = new ArrayList<>(List.of(
                "You observe units that got the change and units that did not, both before and after it.",
                "Comparing the change over time in the treated units with the change in the others removes fixed "
                        + "differences between them and shared trends."));
        if (staggered) {
            reasons.add("Units adopted at different times: the Callaway–Sant'Anna estimator compares each cohort with "
                    + "not-yet- or never-treated units, avoiding the bias of a plain two-way fixed-effects regression.");
        }
        List<String> assumptions = List.of(
                "Parallel trends: without the change, treated and comparison units would have moved in parallel "
                        + "(Ceteris tests the periods before the change).",
                "No anticipation: units did not react before the change arrived.",
                "The comparison units were not affected by the change.");
        String command = staggered
                ? "ceteris did --data engagement.csv --unit region --time month --outcome hours_per_member "
                        + "--first-treated first_treated --control not-yet --event-study"
                : "ceteris did --data engagement.csv --unit region --time month --outcome hours_per_member --treated treated --post post";
        if (s.prePeriods() != null && s.prePeriods() < 2) {
            warnings.add("With a single period before the change the parallel-trends assumption cannot be checked.");
        }
        return new Advice("did", staggered ? "Staggered difference-in-differences (Callaway & Sant'Anna) with an event study"
                : "Difference-in-differences", reasons, assumptions, command,
                List.of("Synthetic control (ceteris synth) if only one or a few units were treated and the history is long.",
                        "Propensity-score methods (ceteris observe) if you only have one period but rich unit characteristics."),
                warnings, summary(staggered ? "Staggered difference-in-differences" : "Difference-in-differences", reasons.get(0),
                        "A before/after comparison of the treated units alone is the common mistake: it credits the change "
                                + "with everything else that moved at the same time."));
    }

    private static Advice observe(Situation s, List<String> warnings) {
        boolean dag = Boolean.TRUE.equals(s.dag());
        List<String> reasons = new ArrayList<>(List.of(
                "Units chose (or were chosen for) the change themselves, and you have their characteristics.",
                "Matching or weighting on the probability of getting the change makes the groups comparable on those characteristics."));
        if (dag) {
            reasons.add("Your causal graph tells which characteristics to adjust for — and which not to (mediators, colliders).");
        }
        List<String> assumptions = List.of(
                "No unmeasured confounding: every characteristic that drives both the choice and the outcome is measured.",
                "Overlap: every kind of unit had some chance of getting and of not getting the change.",
                "Characteristics are measured before the change (do not adjust for what the change affected).");
        String command = dag
                ? "ceteris dag adjust --dag @programme.dag  then  ceteris observe --data members.csv --treatment referred "
                        + "--outcome inactive_30 --covariates <the adjustment set> --method aipw --refute placebo,random-cause,subset"
                : "ceteris observe --data members.csv --treatment referred --outcome inactive_30 --covariates trial_minutes,"
                        + "friends_on_service,country --method aipw --refute placebo,random-cause,subset";
        if (!dag) {
            warnings.add("Draw the causal graph first (ceteris dag adjust): adjusting for the wrong variables can create bias.");
        }
        return new Advice("observe", "Propensity-score weighting / matching with refutation tests", reasons, assumptions,
                command, List.of("Difference-in-differences (ceteris did) if you also have the outcome before the change.",
                        "An encouragement design (randomise the invitation, not the treatment) to get an experiment after all."),
                warnings, summary("Propensity-score methods", reasons.get(0),
                        "Comparing the people who took the offer with those who did not is the common mistake: they "
                                + "differ in many ways besides the offer."));
    }

    private static Advice notIdentified(Situation s, List<String> warnings) {
        List<String> reasons = List.of(
                "There is neither a comparison group nor a history before the change (or no characteristics to adjust for), "
                        + "so nothing in the data separates the change from everything else that happened.");
        return new Advice("none", "No design can identify the effect from these data", reasons,
                List.of("Any estimate would rest on untestable guesses."), "ceteris power --baseline-mean M --sd S --mde D",
                List.of("Run an A/B test (plan it with ceteris power).",
                        "Collect the outcome for a period before the change, or find comparable untreated units."),
                warnings, "No design fits yet: " + reasons.get(0) + " Plan an experiment, or gather a comparison group "
                + "or pre-change data first.");
    }

    private static String summary(String design, String why, String mistake) {
        return "Recommended: " + design + ". " + why + " " + mistake;
    }
}
