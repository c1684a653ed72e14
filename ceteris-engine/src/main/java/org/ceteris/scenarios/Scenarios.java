package org.ceteris.scenarios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;

/** The built-in scenarios, by name. */
public final class Scenarios {

    private static final Map<String, Scenario> ALL = new LinkedHashMap<>();

    static {
        for (Scenario s : List.of(new HomeRowScenario(), new ConcurrentScenario(), new ArtworkScenario(),
                new BillboardScenario(), new LaunchScenario(), new ReferralScenario())) {
            ALL.put(s.name(), s);
        }
    }

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return List.copyOf(ALL.values());
    }

    public static Scenario get(String name) {
        Scenario s = ALL.get(name);
        if (s == null) {
            throw new CeterisException("unknown scenario '" + name + "'; the scenarios are " + String.join(", ", ALL.keySet()));
        }
        return s;
    }
}
