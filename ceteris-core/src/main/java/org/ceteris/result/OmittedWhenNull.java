package org.ceteris.result;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A result field that appears in JSON only when it has a value: the fields an option adds (a
 * Bayesian block, a guardrail, a quantile level), so that results without the option stay as they were.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface OmittedWhenNull {
}
