package org.ceteris.scenarios;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.ceteris.engine.DuckDbEngine;

/**
 * {@code launch}: a feature rolled out region by region in four waves (months 7, 11, 15 and 19 of
 * 24) before any A/B test existed; a fifth of the regions never get it. Engagement follows region
 * and month effects common to all regions (parallel trends hold), and the feature adds
 * {@code 0.4 + 0.1 × e} hours per member e months after launch, so the effect grows with time.
 */
public final class LaunchScenario extends NamedScenario {

    public static final String TABLE = "region_engagement";
    public static final int MONTHS = 24;
    static final int[] WAVES = {7, 11, 15, 19};
    static final int REGIONS_PER_GROUP = 60;

    /** The true effect e months after launch (e ≥ 0). */
    public static double effect(int e) {
        return 0.4 + 0.1 * e;
    }

    public LaunchScenario() {
        super("launch", "A feature launched region by region without an A/B test: how much did it raise engagement, and does the effect grow?");
    }

    @Override
    public GroundTruth generate(DuckDbEngine engine, long seed) {
        Rand r = new Rand(seed);
        double[] monthEffect = new double[MONTHS + 1];
        for (int t = 1; t <= MONTHS; t++) {
            monthEffect[t] = 0.05 * t + 0.6 * Math.sin(2 * Math.PI * t / 12.0) + r.normal(0, 0.1);
        }
        LocalDate start = LocalDate.of(2024, 1, 1);
        int[] groups = {0, WAVES[0], WAVES[1], WAVES[2], WAVES[3]};
        int region = 0;
        try (TableWriter w = TableWriter.create(engine, TABLE, "region VARCHAR, month INTEGER, month_start DATE, "
                + "first_treated INTEGER, members INTEGER, hours_per_member DOUBLE")) {
            for (int g : groups) {
                for (int k = 0; k < REGIONS_PER_GROUP; k++) {
                    region++;
                    double level = r.normal(12, 1.5);
                    int members = (int) Math.round(Math.exp(r.normal(10, 0.5)));
                    for (int t = 1; t <= MONTHS; t++) {
                        double y = level + monthEffect[t] + r.normal(0, 0.35);
                        if (g > 0 && t >= g) {
                            y += effect(t - g);
                        }
                        w.row(String.format("R%03d", region), t, start.plusMonths(t - 1), g, members, TableWriter.round(y, 3));
                    }
                }
            }
        }
        Map<String, Object> truth = new LinkedHashMap<>();
        double sum = 0;
        int cells = 0;
        Map<Integer, Double> dynamic = new TreeMap<>();
        for (int g : WAVES) {
            for (int t = g; t <= MONTHS; t++) {
                sum += effect(t - g);
                cells++;
                dynamic.put(t - g, effect(t - g));
            }
        }
        truth.put("att_simple", sum / cells);
        truth.put("att_dynamic", dynamic);
        truth.put("effect_rule", "0.4 + 0.1 x months since launch (hours per member)");
        truth.put("waves", WAVES.clone());
        truth.put("parallel_trends", true);
        return new GroundTruth(name(), seed, java.util.List.of(TABLE), truth,
                "300 regions x 24 months. 60 regions each launch in month 7, 11, 15 or 19; 60 never launch (first_treated = 0). "
                        + "The effect is 0.4 + 0.1 hours per member for every month since launch; trends are parallel. "
                        + "att_simple averages the effect over all launched region-months with equal group sizes, as the "
                        + "Callaway-Sant'Anna simple aggregation does.");
    }
}
