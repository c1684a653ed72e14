package org.ceteris.scenarios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scenario's data were generated from: the true effects a correct analysis must recover.
 *
 * @param tables the tables written, in the order a reader should look at them
 * @param truths named true values (effects, winners, adjustment sets), in a stable order
 * @param notes  plain-language description of how the data were generated
 */
public record GroundTruth(String scenario, long seed, List<String> tables, Map<String, Object> truths, String notes) {

    public GroundTruth {
        tables = List.copyOf(tables);
        truths = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(truths));
    }

    public double number(String key) {
        Object v = truths.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("no numeric truth " + key + " in scenario " + scenario);
        }
        return n.doubleValue();
    }
}
