package org.ceteris.engine;

import java.util.Map;

/**
 * An engine that lives in an optional module (Spark), found with {@link java.util.ServiceLoader}
 * only when a user asks for it, so that the default jar never needs its classes.
 */
public interface EngineFactory {

    /** The name users give with {@code --engine}. */
    String name();

    /** Opens the engine; {@code settings} holds engine-specific options such as {@code master}. */
    Engine open(Map<String, String> settings);
}
