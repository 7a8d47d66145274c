package org.programmeledger.ledger.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.programmeledger.ledger.api.LedgerIds;

/** A new identifier in a request body: {@link LedgerIds}' rule, checked before any command is sent. */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = LedgerIds.PATTERN)
@ReportAsSingleViolation
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface LedgerId {

    String message() default LedgerIds.RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
