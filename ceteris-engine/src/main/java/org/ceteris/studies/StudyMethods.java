package org.ceteris.studies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;

/** Every method a study can use, by name. Each method issue adds its entry here. */
public final class StudyMethods {

    private static final Map<String, StudyMethod> METHODS = new LinkedHashMap<>();

    static {
        register(new AbStudy());
        register(new DidStudy());
        register(new InteractionsStudy());
        register(new DagStudy());
        register(new ObserveStudy());
        register(new SequentialStudy());
        register(new SynthStudy());
        register(new GeoDesignStudy());
        register(new SimulateLiveStudy());
    }

    private StudyMethods() {
    }

    private static void register(StudyMethod m) {
        METHODS.put(m.name(), m);
    }

    public static StudyMethod get(String name) {
        StudyMethod m = METHODS.get(name);
        if (m == null) {
            throw new CeterisException("unknown method '" + name + "'; known methods: " + String.join(", ", METHODS.keySet()));
        }
        return m;
    }

    public static List<String> names() {
        return List.copyOf(METHODS.keySet());
    }
}
