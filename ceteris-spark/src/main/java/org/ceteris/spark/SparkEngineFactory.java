package org.ceteris.spark;

import java.util.Map;
import org.ceteris.engine.Engine;
import org.ceteris.engine.EngineFactory;

/** {@code --engine spark}: found by {@link java.util.ServiceLoader} when the ceteris-spark jar is on the class path. */
public final class SparkEngineFactory implements EngineFactory {

    @Override
    public String name() {
        return "spark";
    }

    /** {@code master}: the Spark master URL; absent means the one spark-submit was given, else {@code local[*]}. */
    @Override
    public Engine open(Map<String, String> settings) {
        return SparkEngine.open(settings.get("master"));
    }
}
