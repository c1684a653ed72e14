package org.ceteris.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ceteris.sequential.SimulationResult;
import org.ceteris.sequential.SimulationSpec;

/**
 * The plain-language verdict of a planning simulation: the price of sequential testing (a larger
 * sample at the end, or less power at n-max) against its gain (stopping early, no inflation from
 * peeking), with the Monte Carlo uncertainty of each figure.
 */
public final class SimulationVerdict {

    private SimulationVerdict() {
    }

    public static String write(SimulationSpec spec, List<SimulationResult.DesignResult> designs) {
        List<String> s = new ArrayList<>();
        s.add(String.format(Locale.ROOT, "Over %,d simulated experiments (%d arms, up to %,d units, %d looks, %s test):",
                spec.sims(), spec.effects().size(), spec.nMax(), spec.looks(), spec.method().label()));
        for (SimulationResult.DesignResult d : designs) {
            StringBuilder b = new StringBuilder(name(d.design()));
            List<String> parts = new ArrayList<>();
            if (d.falsePositiveRate() != null) {
                parts.add("raised a false alarm in " + share(d.falsePositiveRate(), d.falsePositiveMcse()) + " of runs");
            }
            if (!d.power().isEmpty()) {
                List<String> p = new ArrayList<>();
                for (Map.Entry<String, Double> e : d.power().entrySet()) {
                    p.add(e.getKey() + " " + Wording.percent(e.getValue()));
                }
                parts.add("detected the real effects (" + String.join(", ", p) + ")");
            }
            parts.add(String.format(Locale.ROOT, "used %,.0f units on average", d.expectedN()));
            if (d.anyDemotionRate() != null) {
                parts.add("demoted some arm in " + share(d.anyDemotionRate(), d.anyDemotionMcse()) + " of runs");
            }
            b.append(' ').append(String.join(", ", parts)).append('.');
            s.add(b.toString());
        }
        s.add("Figures after ± are Monte Carlo standard errors; the false-alarm rate should stay at or below "
                + Wording.percent(spec.alpha()) + " for a valid design.");
        return String.join(" ", s);
    }

    private static String name(String design) {
        return switch (design) {
            case "sequential" -> "The sequential test";
            case "fixed" -> "One fixed-horizon test at n-max";
            default -> "The fixed-horizon test checked at every look";
        };
    }

    private static String share(double p, double mcse) {
        return Wording.percent(p) + " (± " + Wording.percent(mcse) + ")";
    }
}
