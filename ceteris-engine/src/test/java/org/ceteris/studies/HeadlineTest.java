package org.ceteris.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Source;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.DiagnosticCode;
import org.junit.jupiter.api.Test;

/** The default headline of a method: the result's estimate, ci_low and ci_high, if it has them. */
class HeadlineTest {

    /** A result shaped like most method contracts (estimate with an interval). */
    record Estimated(String method, String outcome, double estimate, double ciLow, double ciHigh,
                     List<Diagnostic> diagnostics, String summary) implements CeterisResult {
    }

    /** A result with no single number. */
    record Shapeless(String method, List<Diagnostic> diagnostics, String summary) implements CeterisResult {
    }

    static final StudyMethod METHOD = new StudyMethod() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public java.util.Set<String> parameters() {
            return java.util.Set.of();
        }

        @Override
        public CeterisResult run(Engine engine, Source source, Params params) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void verdictFollowsTheInterval() {
        Headline up = METHOD.headline(new Estimated("did", "weekly_signups", 3, 1, 5, List.of(), "s"));
        assertEquals(new Headline("weekly signups", 3, 1, 5, false, Headline.POSITIVE), up);
        assertEquals(Headline.NEGATIVE, METHOD.headline(new Estimated("did", "y", -3, -5, -1, List.of(), "s")).verdict());
        assertEquals(Headline.NO_CLEAR_EFFECT, METHOD.headline(new Estimated("did", "y", 1, -1, 3, List.of(), "s")).verdict());
        assertFalse(METHOD.headline(new Estimated("did", "y", 1, -1, 3, List.of(), "s")).relative());
    }

    @Test
    void anErrorDiagnosticMeansCheckTheData() {
        Diagnostic error = Diagnostic.error(DiagnosticCode.SMALL_SAMPLE, "too small");
        assertEquals(Headline.CHECK_DATA, METHOD.headline(new Estimated("did", "y", 3, 1, 5, List.of(error), "s")).verdict());
        Diagnostic warning = Diagnostic.warning(DiagnosticCode.SMALL_SAMPLE, "small");
        assertEquals(Headline.POSITIVE, METHOD.headline(new Estimated("did", "y", 3, 1, 5, List.of(warning), "s")).verdict());
    }

    @Test
    void noEstimateNoHeadline() {
        assertNull(METHOD.headline(new Shapeless("dag", List.of(), "s")));
    }
}
