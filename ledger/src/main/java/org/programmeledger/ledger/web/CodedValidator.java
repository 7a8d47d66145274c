package org.programmeledger.ledger.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/** Checks a {@link Coded} field with its type's parser and reports the parser's message. */
public class CodedValidator implements ConstraintValidator<Coded, String> {

    private Method parser;

    @Override
    public void initialize(Coded coded) {
        parser = parserOf(coded.value());
    }

    private static Method parserOf(Class<?> type) {
        for (String name : new String[] {"fromCode", "parse"}) {
            try {
                Method method = type.getMethod(name, String.class);
                if (Modifier.isStatic(method.getModifiers())) {
                    return method;
                }
            } catch (NoSuchMethodException tryTheNext) {
                // a type has one of the two
            }
        }
        throw new IllegalArgumentException(type.getName() + " has no static fromCode(String) or parse(String)");
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || value.isBlank()) {
            return true;
        }
        try {
            parser.invoke(null, value);
            return true;
        } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof IllegalArgumentException refused)) {
                throw new IllegalStateException("the parser of a coded field failed", e.getCause());
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(literal(refused.getMessage())).addConstraintViolation();
            return false;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("the parser of a coded field is not public", e);
        }
    }

    /** The parser's words as a message template that interpolates nothing. */
    private static String literal(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
