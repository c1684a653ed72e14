package org.ceteris.interactions;

import java.util.Comparator;
import java.util.List;
import org.ceteris.report.Wording;
import org.ceteris.stats.Distributions;

/** The plain-language verdict of an interaction check. */
final class InteractionVerdict {

    private InteractionVerdict() {
    }

    static String summary(InteractionsSpec spec, List<InteractionPair> pairs, List<InteractionPair> found, long tested) {
        int experiments = spec.experiments().size();
        int experimentPairs = experiments * (experiments - 1) / 2;
        StringBuilder sb = new StringBuilder();
        sb.append("We checked whether ").append(experiments).append(" experiments running on the same members get in each other's way: ")
                .append(experimentPairs).append(experimentPairs == 1 ? " pair" : " pairs").append(" of experiments, ")
                .append(tested).append(tested == 1 ? " combination" : " combinations").append(" of arms and metrics. ");
        if (tested == 0) {
            return sb.append("None could be checked, because no combination had enough members in all four groups.").toString();
        }
        if (found.isEmpty()) {
            return sb.append("None of them interact clearly: in every case one experiment's effect was about the same whichever arm "
                    + "of the other experiment a member saw, once we allow for the number of checks made. "
                    + "Each experiment's results can be read on their own.").toString();
        }
        InteractionPair top = found.stream().min(Comparator.comparingDouble(InteractionPair::pAdjusted)
                .thenComparing(x -> -Math.abs(x.interaction() / x.se()))).orElseThrow();
        double z = Distributions.normalQuantile(1 - spec.alpha() / 2);
        sb.append(found.size()).append(found.size() == 1 ? " combination interacts" : " combinations interact")
                .append(" beyond what chance explains. The clearest: ")
                .append(top.armA()).append(" in ").append(top.a()).append(" changed ").append(Wording.humanize(top.metric()))
                .append(" by ").append(Wording.number(top.effectA_whenB_control())).append(" for members who saw the control of ")
                .append(top.b()).append(", but by ").append(Wording.number(top.effectA_whenB_treated())).append(" for those who saw ")
                .append(top.armB()).append(": a difference of ").append(Wording.number(top.interaction())).append(" (")
                .append(Wording.confidence(spec.alpha())).append(" interval ").append(Wording.number(top.interaction() - z * top.se()))
                .append(" to ").append(Wording.number(top.interaction() + z * top.se())).append("). ")
                .append("Read these experiments' results separately for each arm of the other, or avoid running them on the same members.");
        return sb.toString();
    }
}
