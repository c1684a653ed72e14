package org.ceteris.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.ceteris.CeterisException;

/**
 * The engine names a user can give ({@code --engine}, {@code engine:} in ceteris.yaml) and the
 * lookup of the optional ones with {@link ServiceLoader}, so that the default jar never needs
 * Spark's classes. DuckDB is not looked up: its callers open it on a file or in memory.
 */
public final class Engines {

    public static final String DUCKDB = "duckdb";
    public static final String SPARK = "spark";

    /** Every engine name, in the order messages list them. */
    public static final List<String> NAMES = List.of(DUCKDB, SPARK);

    private Engines() {
    }

    /** {@code name} when it is an engine; else one line naming {@code what} ({@code --engine}, {@code engine}) and the choices. */
    public static String requireKnown(String name, String what) {
        if (!NAMES.contains(name)) {
            throw new CeterisException("unknown " + what + " '" + name + "': use " + String.join(" or ", NAMES));
        }
        return name;
    }

    /**
     * Opens an engine of an optional module ({@code spark}) with its master URL (null: the one
     * spark-submit was given, else {@code local[*]}). Without the module on the class path: one line
     * saying which jar to use.
     */
    public static Engine openOptional(String name, String sparkMaster) {
        Map<String, String> settings = new HashMap<>();
        if (sparkMaster != null) {
            settings.put("master", sparkMaster);
        }
        try {
            for (EngineFactory f : ServiceLoader.load(EngineFactory.class)) {
                if (f.name().equals(name)) {
                    return f.open(settings);
                }
            }
        } catch (LinkageError | java.util.ServiceConfigurationError e) {
            throw new CeterisException("engine " + name + ": Spark is not on the class path; run the ceteris-spark jar "
                    + "with spark-submit (see docs/spark.md)");
        }
        throw new CeterisException("engine " + name + " needs the ceteris-spark jar (this is the DuckDB-only jar); see docs/spark.md");
    }
}
