package org.ceteris.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.engine.DuckDbEngine;

/**
 * {@code concurrent}: ten experiments on the same members in three layers. Experiments in one
 * layer are mutually exclusive (each takes an equal slice of the layer); layers overlap freely.
 * Each experiment splits its members 50/50 into control and treatment. A few experiments have main
 * effects on watch minutes, and exactly one pair interacts: {@code home_2} and {@code player_1}
 * together cost {@link #INTERACTION} minutes beyond the sum of their effects.
 */
public final class ConcurrentScenario extends NamedScenario {

    public static final String TABLE = "concurrent";
    public static final double INTERACTION = -6.0;
    static final String[][] LAYERS = {
            {"home_1", "home_2", "home_3", "home_4"},
            {"player_1", "player_2", "player_3"},
            {"search_1", "search_2", "search_3"}};
    static final Map<String, Double> MAIN_EFFECTS = Map.of("home_1", 1.0, "home_2", 2.0, "player_1", 1.5, "search_3", -1.0);

    private final int members;

    public ConcurrentScenario() {
        this(100_000);
    }

    public ConcurrentScenario(int members) {
        super("concurrent", "Ten experiments ran on the same members at once: do any two of them interfere with each other?");
        this.members = members;
    }

    @Override
    public GroundTruth generate(DuckDbEngine engine, long seed) {
        Rand r = new Rand(seed);
        List<String> experiments = new ArrayList<>();
        StringBuilder ddl = new StringBuilder("user_id VARCHAR");
        for (String[] layer : LAYERS) {
            for (String e : layer) {
                experiments.add(e);
                ddl.append(", ").append(e).append(" VARCHAR");
            }
        }
        ddl.append(", watch_minutes DOUBLE");
        try (TableWriter w = TableWriter.create(engine, TABLE, ddl.toString())) {
            for (int i = 0; i < members; i++) {
                Object[] row = new Object[experiments.size() + 2];
                row[0] = String.format("m%06d", i);
                Map<String, Boolean> treated = new LinkedHashMap<>();
                int col = 1;
                for (String[] layer : LAYERS) {
                    int chosen = r.nextInt(layer.length);
                    for (int k = 0; k < layer.length; k++) {
                        if (k == chosen) {
                            boolean t = r.bernoulli(0.5);
                            treated.put(layer[k], t);
                            row[col++] = t ? "treatment" : "control";
                        } else {
                            row[col++] = null;
                        }
                    }
                }
                double y = r.normal(60, 30);
                for (var e : treated.entrySet()) {
                    if (e.getValue()) {
                        y += MAIN_EFFECTS.getOrDefault(e.getKey(), 0.0);
                    }
                }
                if (Boolean.TRUE.equals(treated.get("home_2")) && Boolean.TRUE.equals(treated.get("player_1"))) {
                    y += INTERACTION;
                }
                row[col] = TableWriter.round(Math.max(0, y), 1);
                w.row(row);
            }
        }
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("interacting_pair", List.of("home_2", "player_1"));
        truth.put("interaction", INTERACTION);
        truth.put("main_effects", new java.util.TreeMap<>(MAIN_EFFECTS));
        truth.put("layers", List.of(List.of(LAYERS[0]), List.of(LAYERS[1]), List.of(LAYERS[2])));
        return new GroundTruth(name(), seed, List.of(TABLE), truth,
                members + " members; layers home (4 experiments), player (3) and search (3). Each member is in exactly "
                        + "one experiment per layer (NULL in the others) and in its control or treatment 50/50. "
                        + "home_2 and player_1 interact: together they cost 6 minutes beyond their separate effects. "
                        + "Watch minutes are floored at 0, which slightly shrinks effects near 0.");
    }
}
