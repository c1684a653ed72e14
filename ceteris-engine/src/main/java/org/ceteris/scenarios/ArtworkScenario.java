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
public final class ArtworkScenario extends NamedScenario {

    public static final String TABLE = "artwork";
    /** The raw logs of the same impressions: when each member saw which artwork, and when members played the title. */
    public static final String EXPOSURES = "artwork_exposures";
    public static final String PLAYS = "artwork_plays";
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
        super("artwork", "Which of five artworks makes members play the title, and can losing artworks be dropped early?");
        this.perArmPerDay = perArmPerDay;
        this.days = days;
    }

    @Override
    public GroundTruth generate(DuckDbEngine engine, long seed) {
        Rand r = new Rand(seed);
        LocalDate start = LocalDate.of(2026, 3, 2);
        List<String> arms = List.copyOf(PLAY_RATE.keySet());
        Rand times = new Rand(seed ^ 0xa27_0042L); // times of the logs: the table's draws stay as they were
        long id = 0;
        try (TableWriter w = TableWriter.create(engine, TABLE,
                "impression_id BIGINT, member_id VARCHAR, variant VARCHAR, day DATE, played INTEGER");
             TableWriter exposures = TableWriter.create(engine, EXPOSURES, "member_id VARCHAR, variant VARCHAR, ts TIMESTAMP");
             TableWriter plays = TableWriter.create(engine, PLAYS, "member_id VARCHAR, title_id VARCHAR, ts TIMESTAMP")) {
            for (int d = 0; d < days; d++) {
                int total = perArmPerDay * arms.size();
                for (int i = 0; i < total; i++) {
                    String arm = arms.get(r.nextInt(arms.size()));
                    int played = r.bernoulli(PLAY_RATE.get(arm)) ? 1 : 0;
                    String member = String.format("m%07d", r.nextInt(5_000_000));
                    w.row(id, member, arm, start.plusDays(d), played);
                    java.time.LocalDateTime seen = start.plusDays(d).atStartOfDay().plusSeconds(times.nextInt(86_400));
                    exposures.row(member, arm, seen);
                    if (played == 1) { // within the hour after the impression, so inside the 0d-1d window
                        plays.row(member, "title_42", seen.plusSeconds(times.nextInt(3_600)));
                    }
                    id++;
                }
            }
            // the log runs a day past the last impression (plays of other titles), so the last day's windows have ended
            plays.row("m9999999", "title_7", start.plusDays(days + 1).atStartOfDay());
        }
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("play_rate", new LinkedHashMap<>(PLAY_RATE));
        truth.put("winner", "lead_closeup");
        truth.put("should_be_demoted", List.of("bold_title", "dark_moody"));
        truth.put("no_different", List.of("ensemble"));
        return new GroundTruth(name(), seed, List.of(TABLE, EXPOSURES, PLAYS), truth,
                "About " + perArmPerDay + " impressions per artwork per day for " + days + " days. True play rates: "
                        + "control 10%, bold_title 7%, dark_moody 7.5%, lead_closeup 12%, ensemble 10%.");
    }
}
