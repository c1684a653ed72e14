package org.ceteris.synth;

import java.util.List;
import org.ceteris.CeterisException;
import org.ceteris.TimeScale;

/**
 * Everything a synthetic-control study needs besides its data. The CLI flags of {@code ceteris synth},
 * the workspace YAML and the REST body all build this one record.
 *
 * @param treated       one treated unit, or several for the heterogeneity table (one fit each)
 * @param predictors    predictors (means over windows and specials); empty means every fit-window
 *                      outcome value, with equal predictor weights (no V search)
 * @param fitFrom       first time of the window whose outcome MSPE chooses V; null for the first time
 * @param fitTo         last time of that window; null for the last pre-treatment time
 * @param donors        the donor pool by name; empty means every untreated unit
 * @param exclude       units left out of the donor pool
 * @param mspeFilter    drop placebos whose pre-period MSPE exceeds this multiple of the treated unit's; null keeps all
 * @param traits        unit columns (averaged over the pre-period) to set against each treated unit's effect
 * @param training      null, or the training stage of ADH (2015) cross-validation: V is chosen with these
 *                      predictors and this fit window, then W is fitted with {@code predictors} and that V
 * @param timeScale     how the times above are written: period numbers, or dates held as day numbers
 *                      (the time column must then hold dates); null means NUMBER
 */
public record SynthSpec(
        String unit,
        String time,
        String outcome,
        List<String> treated,
        double treatmentTime,
        List<PredictorSpec> predictors,
        Double fitFrom,
        Double fitTo,
        List<String> donors,
        List<String> exclude,
        Estimator estimator,
        VSearch vSearch,
        boolean placebos,
        Double mspeFilter,
        boolean conformal,
        double alpha,
        long seed,
        List<String> traits,
        Training training,
        TimeScale timeScale) {

    /**
     * The training stage of ADH (2015, §4) cross-validated predictor weights: predictors measured in an
     * earlier window, one per main predictor in the same order, and the window whose outcome fit chooses V.
     */
    public record Training(List<PredictorSpec> predictors, double fitFrom, double fitTo) {
        public Training {
            predictors = List.copyOf(predictors);
            if (fitFrom > fitTo) {
                throw new CeterisException("--train-fit-window ends before it starts");
            }
        }
    }

    /** A spec whose times are period numbers. */
    public SynthSpec(String unit, String time, String outcome, List<String> treated, double treatmentTime,
            List<PredictorSpec> predictors, Double fitFrom, Double fitTo, List<String> donors, List<String> exclude,
            Estimator estimator, VSearch vSearch, boolean placebos, Double mspeFilter, boolean conformal, double alpha,
            long seed, List<String> traits, Training training) {
        this(unit, time, outcome, treated, treatmentTime, predictors, fitFrom, fitTo, donors, exclude, estimator, vSearch,
                placebos, mspeFilter, conformal, alpha, seed, traits, training, TimeScale.NUMBER);
    }

    /** A spec without a training stage. */
    public SynthSpec(String unit, String time, String outcome, List<String> treated, double treatmentTime,
            List<PredictorSpec> predictors, Double fitFrom, Double fitTo, List<String> donors, List<String> exclude,
            Estimator estimator, VSearch vSearch, boolean placebos, Double mspeFilter, boolean conformal, double alpha,
            long seed, List<String> traits) {
        this(unit, time, outcome, treated, treatmentTime, predictors, fitFrom, fitTo, donors, exclude, estimator, vSearch,
                placebos, mspeFilter, conformal, alpha, seed, traits, null);
    }

    /** Classic (simplex weights) or augmented with a ridge outcome model (Ben-Michael, Feller &amp; Rothstein 2021). */
    public enum Estimator {
        CLASSIC, AUGMENTED;

        public static Estimator parse(String s) {
            return org.ceteris.Choice.parse(Estimator.class, s, CLASSIC, "--method");
        }
    }

    /**
     * How the predictor weights V are chosen: the full nested search (ADH 2010; R Synth's default), or
     * only the regression-based start (Stata synth's default without {@code nested}).
     */
    public enum VSearch {
        NESTED, REGRESSION;

        public static VSearch parse(String s) {
            return org.ceteris.Choice.parse(VSearch.class, s, NESTED, "--v-search");
        }
    }

    public SynthSpec {
        require(unit, "--unit");
        require(time, "--time");
        require(outcome, "--outcome");
        if (treated == null || treated.isEmpty() || treated.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new CeterisException("name the treated unit with --treated NAME (or several: --treated A,B,C)");
        }
        if (!Double.isFinite(treatmentTime)) {
            throw new CeterisException("give the first treated period with --treatment-time T");
        }
        treated = List.copyOf(treated);
        if (treated.stream().distinct().count() != treated.size()) {
            throw new CeterisException("--treated names a unit twice");
        }
        predictors = predictors == null ? List.of() : List.copyOf(predictors);
        donors = donors == null ? List.of() : List.copyOf(donors);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        traits = traits == null ? List.of() : List.copyOf(traits);
        if (!donors.isEmpty() && !exclude.isEmpty()) {
            throw new CeterisException("give either --donors or --exclude, not both");
        }
        if (fitFrom != null && fitTo != null && fitFrom > fitTo) {
            throw new CeterisException("--fit-window ends before it starts");
        }
        if (fitTo != null && fitTo >= treatmentTime) {
            throw new CeterisException("--fit-window must end before the treatment time " + timeScale(timeScale).text(treatmentTime));
        }
        timeScale = timeScale(timeScale);
        for (PredictorSpec p : predictors) {
            requireScale(timeScale, p);
        }
        if (training != null) {
            for (PredictorSpec p : training.predictors()) {
                requireScale(timeScale, p);
            }
        }
        if (mspeFilter != null && !(mspeFilter > 0)) {
            throw new CeterisException("--mspe-filter must be a positive multiple, e.g. 5 or 20");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new CeterisException("--alpha must be between 0 and 1 (exclusive), got " + alpha);
        }
        estimator = estimator == null ? Estimator.CLASSIC : estimator;
        vSearch = vSearch == null ? VSearch.NESTED : vSearch;
        if (training != null) {
            if (training.predictors().size() != predictors.size()) {
                throw new CeterisException("give one training predictor per predictor (" + predictors.size() + "), in the same order; got "
                        + training.predictors().size());
            }
            if (vSearch == VSearch.REGRESSION) {
                throw new CeterisException("--v-search regression and a training stage (--train-fit-window) exclude each other");
            }
        }
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (PredictorSpec p : predictors) {
            if (!labels.add(p.label())) {
                throw new CeterisException("predictor '" + p.label() + "' is given twice");
            }
        }
    }

    private static TimeScale timeScale(TimeScale s) {
        return s == null ? TimeScale.NUMBER : s;
    }

    /** A predictor's times must be written as the treatment time is (both dates or both periods). */
    private static void requireScale(TimeScale scale, PredictorSpec p) {
        boolean timed = p.at() != null || p.from() != null || p.to() != null;
        if (timed && p.scale() != scale) {
            throw new CeterisException("predictor '" + p.label() + "' gives " + p.scale().kind() + " but the treatment time is "
                    + scale.kind() + "; write every time the same way");
        }
    }

    private static void require(String s, String flag) {
        if (s == null || s.isBlank()) {
            throw new CeterisException("name the column with " + flag);
        }
    }
}
