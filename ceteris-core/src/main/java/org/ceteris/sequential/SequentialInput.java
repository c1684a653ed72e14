package org.ceteris.sequential;

import java.util.List;
import java.util.Map;
import org.ceteris.stats.CoMoments;

/**
 * A replayed experiment as the engine returns it: per look, per arm, the sufficient statistics of
 * the units that arrived during that look (a batch, not the running total).
 *
 * @param arms       every value of the variant column, in sort order
 * @param batches    the looks that have data, in time order
 * @param emptyLooks the looks of the schedule that had no data
 * @param excluded   units left out because the metric (or covariate, or denominator) was missing or not finite
 * @param unassigned units with no variant
 * @param untimed    units with no time
 */
public record SequentialInput(
        List<String> arms,
        List<Batch> batches,
        List<EmptyLook> emptyLooks,
        long excluded,
        long unassigned,
        long untimed) {

    public SequentialInput {
        arms = List.copyOf(arms);
        batches = List.copyOf(batches);
        emptyLooks = List.copyOf(emptyLooks);
    }

    /**
     * One look's new units.
     *
     * @param look  the look's number in the schedule (1-based)
     * @param time  the latest arrival time in the look, as text (a date, or a date and time)
     * @param stats per arm: the statistics of this look's units only; an arm with none is absent
     */
    public record Batch(int look, String time, Map<String, CoMoments> stats) {
        public Batch {
            stats = Map.copyOf(stats);
        }
    }

    /** A look of the schedule with no units; {@code time} is the end of its span. */
    public record EmptyLook(int look, String time) {
    }
}
