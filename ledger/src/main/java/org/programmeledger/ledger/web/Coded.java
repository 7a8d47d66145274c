package org.programmeledger.ledger.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A coded field of a request (a qualifier, a side, a date): checked with the import format's own parser, so that a
 * bad code is named together with every other bad field, in the parser's words. Blank is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = CodedValidator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface Coded {

    /** A type with a static {@code fromCode(String)} or {@code parse(String)} that refuses a bad code. */
    Class<?> value();

    String message() default "is not a known code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
