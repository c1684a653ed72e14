package org.ceteris.scenarios;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.engine.DuckDbEngine;

/**
 * {@code billboard}: weekly sign-ups per 100,000 residents for 60 cities over two years. Each city
 * mixes three latent market profiles (level, growth, seasonality), so every city is close to a
 * weighted mix of others, as synthetic control assumes. A billboard goes up in {@link #FIRST_CITY}
 * in week {@link #FIRST_WEEK} and lifts its sign-ups by {@link #FIRST_LIFT}; a second wave in four
 * cities from week {@link #SECOND_WEEK} lifts sign-ups by 5% + 20% × the city's urban share, so
 * the effect is larger in more urban cities (the "should we expand?" question).
 */
public final class BillboardScenario extends NamedScenario {

    public static final String TABLE = "city_signups";
    public static final String FIRST_CITY = "Lakeview";
    public static final int FIRST_WEEK = 80;
    public static final int SECOND_WEEK = 92;
    public static final double FIRST_LIFT = 0.15;
    public static final int WEEKS = 104;
    static final String[] CITIES = {"Lakeview", "Ashford", "Bayside", "Brookfield", "Cedar Falls", "Clearwater",
            "Crestwood", "Dunmore", "Eastport", "Elmwood", "Fairhaven", "Fox Hollow", "Glenbrook", "Granite City",
            "Harborview", "Hillcrest", "Ironwood", "Juniper", "Kingsbridge", "Lakeshore", "Maplewood", "Meadowvale",
            "Millbrook", "Newhaven", "Northgate", "Oakridge", "Pinecrest", "Port Ellis", "Quarry Hill", "Ravenswood",
            "Redwood", "Riverside", "Rockport", "Rosedale", "Sandpoint", "Shady Grove", "Silverlake", "Southbay",
            "Springvale", "Stonebridge", "Summit", "Sunnyside", "Thornbury", "Timberline", "Valley Forge",
            "Westbrook", "Westfield", "Whitehall", "Willowdale", "Windmere", "Woodland", "Yorkton", "Alder Point",
            "Beacon Hill", "Coral Bay", "Deer Park", "Emerald Isle", "Falcon Ridge", "Golden Gate", "Highland"};
    static final String[] SECOND_WAVE = {"Harborview", "Millbrook", "Redwood", "Summit"};

    public BillboardScenario() {
        super("billboard", "Did the billboard in Lakeview bring sign-ups, and in which kinds of city should we put the next ones?");
    }

    @Override
    public GroundTruth generate(DuckDbEngine engine, long seed) {
        Rand r = new Rand(seed);
        double[][] profiles = {{42, 0.10, 6}, {30, 0.22, 3}, {55, 0.03, 9}}; // level, weekly growth, seasonal amplitude
        LocalDate start = LocalDate.of(2024, 1, 1);
        Map<String, Object> truth = new LinkedHashMap<>();
        List<Double> firstGaps = new ArrayList<>();
        Map<String, Double> secondLifts = new LinkedHashMap<>();
        Map<String, Double> secondAtt = new LinkedHashMap<>();
        try (TableWriter w = TableWriter.create(engine, TABLE, "city VARCHAR, week INTEGER, week_start DATE, "
                + "signups INTEGER, signups_per_100k DOUBLE, population INTEGER, urban_share DOUBLE, median_age DOUBLE, "
                + "billboard_wave INTEGER")) {
            for (int c = 0; c < CITIES.length; c++) {
                String city = CITIES[c];
                double[] mix = dirichlet(r, 3);
                if (c == 0) {
                    mix = new double[] {0.45, 0.35, 0.20}; // inside the donors' range by construction
                }
                double level = 0;
                double growth = 0;
                double season = 0;
                for (int k = 0; k < 3; k++) {
                    level += mix[k] * profiles[k][0];
                    growth += mix[k] * profiles[k][1];
                    season += mix[k] * profiles[k][2];
                }
                int population = (int) Math.round(Math.exp(r.normal(12.6, 0.7)));
                double urban = TableWriter.round(Math.min(0.98, Math.max(0.2, 0.35 + 0.5 * mix[1] + r.normal(0, 0.08))), 3);
                double age = TableWriter.round(r.normal(38 + 6 * mix[2] - 4 * mix[1], 2.0), 1);
                int wave = c == 0 ? 1 : java.util.Arrays.asList(SECOND_WAVE).contains(city) ? 2 : 0;
                double lift = wave == 1 ? FIRST_LIFT : wave == 2 ? 0.05 + 0.20 * urban : 0;
                if (wave == 2) {
                    secondLifts.put(city, lift);
                }
                int from = wave == 1 ? FIRST_WEEK : SECOND_WEEK;
                double noise = 0;
                for (int t = 1; t <= WEEKS; t++) {
                    noise = 0.5 * noise + r.normal(0, 0.9);
                    double base = level + growth * t + season * Math.sin(2 * Math.PI * (t - 10) / 52.0) + noise;
                    double effect = wave > 0 && t >= from ? lift * base : 0;
                    if (wave == 1 && t >= from) {
                        firstGaps.add(effect);
                    }
                    if (wave == 2 && t >= from) {
                        secondAtt.merge(city, effect / (WEEKS - SECOND_WEEK + 1), Double::sum);
                    }
                    double perCapita = TableWriter.round(Math.max(0, base + effect), 2);
                    int signups = (int) Math.round(perCapita * population / 100_000.0);
                    w.row(city, t, start.plusWeeks(t - 1), signups, perCapita, population, urban, age, wave);
                }
            }
        }
        truth.put("treated_city", FIRST_CITY);
        truth.put("treatment_week", FIRST_WEEK);
        truth.put("relative_lift", FIRST_LIFT);
        truth.put("att_per_100k", firstGaps.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        truth.put("second_wave_week", SECOND_WEEK);
        truth.put("second_wave_relative_lift", secondLifts);
        truth.put("second_wave_att_per_100k", secondAtt);
        truth.put("second_wave_rule", "lift = 5% + 20% x urban_share");
        truth.put("donors_to_exclude_for_first_city", List.of(SECOND_WAVE));
        return new GroundTruth(name(), seed, List.of(TABLE), truth,
                "60 cities x 104 weeks of sign-ups per 100k residents: level, growth and seasonality mixed from three "
                        + "market profiles, plus autocorrelated noise. Lakeview's billboard (week 80) lifts sign-ups by 15%. "
                        + "Harborview, Millbrook, Redwood and Summit get billboards in week 92 with a lift of 5% + 20% x "
                        + "urban share; leave them out of Lakeview's donor pool.");
    }

    private static double[] dirichlet(Rand r, int k) {
        double[] g = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            g[i] = -Math.log(1 - r.uniform());
            sum += g[i];
        }
        for (int i = 0; i < k; i++) {
            g[i] /= sum;
        }
        return g;
    }
}
