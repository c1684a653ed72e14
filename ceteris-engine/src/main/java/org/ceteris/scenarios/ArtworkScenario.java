package org.ceteris.scenarios;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.engine.DuckDbEngine;

/**
 * {@code artwork}: a sequential test of five artwork variants for one title. Every day for four
 * weeks each variant is shown to about a thousand members; the outcome is whether the member
 * played the title. Two variants are clearly worse than control, one is better, one is no
 * different.
 */
public final class ArtworkScenario implements Scenario {

    public static final String TABLE = "artwork";
    static final Map<String, Double> PLAY_RATE = new LinkedHashMap<>();

    static {
        PLAY_RATE.put("control", 0.10);
        PLAY_RATE.put("bold_title", 0.07);
        PLAY_RATE.put("dark_moody", 0.075);
        PLAY_RATE.put("lead_closeup", 0.12);
        PLAY_RATE.put("ensemble", 0.10);
    }

    private final int perArmPerDay;
    private final int days;

    public ArtworkScenario() {
        this(1_000, 28);
    }

    public ArtworkScenario(int perArmPerDay, int days) {
        this.perArmPerDay = perArmPerDay;
        this.days = days;
    }

    @Override
    public String name() {
        return "artwork";
    }

    @Override
    public String question() {
        return "Which of five artworks makes members play the title, and can losing artworks be dropped early?";
    }

    @Override
    public GroundTruth generate(DuckDbEngine engine, long seed) {
        Rand r = new Rand(seed);
        LocalDate start = LocalDate.of(2026, 3, 2);
        List<String> arms = List.copyOf(PLAY_RATE.keySet());
        long id = 0;
        try (TableWriter w = TableWriter.create(engine, TABLE,
                "impression_id BIGINT, member_id VARCHAR, variant VARCHAR, day DATE, played INTEGER")) {
            for (int d = 0; d < days; d++) {
                int total = perArmPerDay * arms.size();
                for (int i = 0; i < total; i++) {
                    String arm = arms.get(r.nextInt(arms.size()));
                    int played = r.bernoulli(PLAY_RATE.get(arm)) ? 1 : 0;
                    w.row(id, String.format("m%07d", r.nextInt(5_000_000)), arm, start.plusDays(d), played);
                    id++;
                }
            }
        }
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("play_rate", new LinkedHashMap<>(PLAY_RATE));
        truth.put("winner", "lead_closeup");
        truth.put("should_be_demoted", List.of("bold_title", "dark_moody"));
        truth.put("no_different", List.of("ensemble"));
        return new GroundTruth(name(), seed, List.of(TABLE), truth,
                "About " + perArmPerDay + " impressions per artwork per day for " + days + " days. True play rates: "
                        + "control 10%, bold_title 7%, dark_moody 7.5%, lead_closeup 12%, ensemble 10%.");
    }
}
