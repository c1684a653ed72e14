package org.ceteris.studies;

import java.util.Set;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Source;
import org.ceteris.result.CeterisResult;

/**
 * One analysis method as a study can run it: the workspace YAML, the REST API and the scheduler
 * call {@link #run} with parameters named like the method's CLI flags (snake_case). The CLI
 * subcommand builds the same spec record from its flags. Register each method in {@link StudyMethods}.
 */
public interface StudyMethod {

    /** The name used in {@code method:} of ceteris.yaml; the same as the CLI subcommand. */
    String name();

    /** The parameter names this method accepts (besides {@code method}, {@code table}, {@code sql}). */
    Set<String> parameters();

    /**
     * Runs the method. {@code source} is null for methods that read no data.
     *
     * @throws org.ceteris.CeterisException for parameters or data the user must fix
     */
    CeterisResult run(Engine engine, Source source, Params params);

    /**
     * The number a dashboard card and the history chart show for a result. The default reads the
     * result's top-level {@code estimate}, {@code ci_low} and {@code ci_high}; a method whose
     * result has another shape overrides this. Null means "no single number" (the summary is shown).
     */
    default Headline headline(CeterisResult result) {
        return Headline.generic(org.ceteris.json.Json.mapper().valueToTree(result), result);
    }

    /**
     * The headline when it depends on the study's parameters too (a threshold, the outcome's name);
     * the study runner calls this one. The default ignores the parameters.
     */
    default Headline headline(CeterisResult result, Params params) {
        return headline(result);
    }
}
