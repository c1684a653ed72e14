package org.ceteris.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.decision.DecisionSpec;
import org.ceteris.stats.MultipleTesting.Correction;

/**
 * Builds an {@link AbSpec} from the textual forms that the CLI flags and the workspace YAML share:
 * {@code --metric COL}, {@code --ratio NAME=NUM/DEN}, {@code --covariate METRIC=COL},
 * {@code --split NAME=WEIGHT,…}.
 */
public final class AbSpecBuilder {

    private String variant;
    private String control;
    private String unit;
    private final List<String> means = new ArrayList<>();
    private final List<MetricSpec.Ratio> ratios = new ArrayList<>();
    private final Map<String, String> covariates = new LinkedHashMap<>();
    private final List<MetricSpec.Quantile> quantiles = new ArrayList<>();
    private final Map<String, Double> split = new LinkedHashMap<>();
    private double alpha = 0.05;
    private Correction correction = Correction.HOLM;
    private DecisionSpec decision = DecisionSpec.DEFAULT;

    public AbSpecBuilder variant(String column) {
        this.variant = column;
        return this;
    }

    public AbSpecBuilder control(String name) {
        this.control = name;
        return this;
    }

    public AbSpecBuilder unit(String column) {
        this.unit = column;
        return this;
    }

    public AbSpecBuilder metric(String column) {
        means.add(column);
        return this;
    }

    /** {@code NAME=NUM_COL/DEN_COL}. */
    public AbSpecBuilder ratio(String text) {
        int eq = text.indexOf('=');
        int slash = text.indexOf('/', Math.max(eq, 0));
        if (eq <= 0 || slash < 0 || slash == eq + 1 || slash == text.length() - 1) {
            throw new CeterisException("--ratio '" + text + "' is not NAME=NUMERATOR/DENOMINATOR, e.g. minutes_per_session=minutes/sessions");
        }
        ratios.add(new MetricSpec.Ratio(text.substring(0, eq).strip(), text.substring(eq + 1, slash).strip(),
                text.substring(slash + 1).strip()));
        return this;
    }

    /** The {@code q}-quantile of column {@code column}, shown as metric {@code name}. */
    public AbSpecBuilder quantile(String name, String column, double q) {
        quantiles.add(new MetricSpec.Quantile(name, column, q));
        return this;
    }

    /** {@code COL:Q}, the metric named {@code COL_pQ} (e.g. {@code play_delay:0.9} is {@code play_delay_p90}). */
    public AbSpecBuilder quantile(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new CeterisException("--quantile '" + text + "' is not METRIC:Q, e.g. play_delay:0.9");
        }
        String column = text.substring(0, colon).strip();
        double q;
        try {
            q = Double.parseDouble(text.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
            throw new CeterisException("--quantile '" + text + "': Q must be a number strictly between 0 and 1, e.g. 0.9");
        }
        org.ceteris.experiment.quantile.QuantileTest.requireLevel(q, "--quantile " + column);
        quantiles.add(new MetricSpec.Quantile(MetricSpec.Quantile.defaultName(column, q), column, q));
        return this;
    }

    /** {@code METRIC=COL}. */
    public AbSpecBuilder covariate(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new CeterisException("--covariate '" + text + "' is not METRIC=COLUMN, e.g. watch_minutes=pre_minutes");
        }
        covariates.put(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
        return this;
    }

    /** {@code NAME=WEIGHT,NAME=WEIGHT,…}. */
    public AbSpecBuilder split(String text) {
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new CeterisException("--split '" + text + "' is not NAME=WEIGHT,…, e.g. control=0.5,B=0.5");
            }
            String name = part.substring(0, eq).strip();
            try {
                split.put(name, Double.parseDouble(part.substring(eq + 1).strip()));
            } catch (NumberFormatException e) {
                throw new CeterisException("--split weight for '" + name + "' is not a number: " + part.substring(eq + 1));
            }
        }
        return this;
    }

    public AbSpecBuilder alpha(double alpha) {
        this.alpha = alpha;
        return this;
    }

    public AbSpecBuilder correction(Correction correction) {
        this.correction = correction;
        return this;
    }

    public AbSpecBuilder decision(DecisionSpec decision) {
        this.decision = decision;
        return this;
    }

    public AbSpec build() {
        List<MetricSpec> metrics = new ArrayList<>();
        for (String m : means) {
            metrics.add(new MetricSpec.Mean(m, m, covariates.get(m)));
        }
        for (String named : covariates.keySet()) {
            if (!means.contains(named)) {
                throw new CeterisException("--covariate names metric '" + named + "', which is not given with --metric");
            }
        }
        metrics.addAll(ratios);
        metrics.addAll(quantiles);
        return new AbSpec(variant, control, unit, metrics, split, alpha, correction, decision);
    }
}
