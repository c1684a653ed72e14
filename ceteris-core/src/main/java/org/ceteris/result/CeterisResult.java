package org.ceteris.result;

import java.util.List;

/**
 * What every result record has: the method that produced it, the diagnostics that could invalidate
 * it, and the plain-language verdict. The JSON of every result carries these three fields.
 */
public interface CeterisResult {

    String method();

    List<Diagnostic> diagnostics();

    String summary();
}
