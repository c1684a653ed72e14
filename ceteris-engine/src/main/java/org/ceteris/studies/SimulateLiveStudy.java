package org.ceteris.studies;

import java.util.Set;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Source;
import org.ceteris.live.LiveSimulationResult;

/**
 * The live loop simulated day by day as a study ({@code method: simulate-live}); it reads no data.
 * Parameters as the flags of {@code ceteris simulate-live}: {@code scenario}, {@code days},
 * {@code members_per_day}, {@code seed}, {@code alpha}. The dashboard charts each arm's traffic share
 * per day with the revisions of the assignment config marked.
 */
public final class SimulateLiveStudy extends NamedStudyMethod {

    public SimulateLiveStudy() {
        super("simulate-live", Set.of("scenario", "days", "members_per_day", "seed", "alpha"));
    }

    @Override
    public LiveSimulationResult run(Engine engine, Source source, Params params) {
        params.requireOnly(parameters());
        return LiveSimulationResult.simulate(params.stringOr("scenario", "artwork"), (int) params.longOr("days", 21),
                (int) params.longOr("members_per_day", 5000), params.longOr("seed", 1), params.doubleOr("alpha", 0.05));
    }

    /** No single number: the card shows the summary (who was demoted, plays gained). */
    @Override
    public Headline headline(org.ceteris.result.CeterisResult result) {
        return null;
    }
}
