package org.programmeledger.ledger.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.programmeledger.ledger.service.FieldProblem;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Reads a request body on past a field of the wrong type ({@code "item": "two"}), noting the field and leaving it
 * empty, so that the answer names every bad field at once rather than the first one Jackson met. It acts only
 * while {@link RequestBodyChecks} reads a request body; anywhere else Jackson fails as usual.
 */
final class WrongTypes extends DeserializationProblemHandler {

    private static final String NOTED = WrongTypes.class.getName();

    /** Starts noting the wrong types of the body the current request is reading. */
    static void startNoting() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(NOTED, new ArrayList<FieldProblem>(), RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The fields of the wrong type the body had, and stops noting. */
    @SuppressWarnings("unchecked")
    static List<FieldProblem> noted() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || request.getAttribute(NOTED, RequestAttributes.SCOPE_REQUEST) == null) {
            return List.of();
        }
        List<FieldProblem> noted = (List<FieldProblem>) request.getAttribute(NOTED, RequestAttributes.SCOPE_REQUEST);
        request.removeAttribute(NOTED, RequestAttributes.SCOPE_REQUEST);
        return noted;
    }

    @SuppressWarnings("unchecked")
    private static boolean note(JsonStreamContext context, String value, Class<?> expected) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object noted = request == null ? null : request.getAttribute(NOTED, RequestAttributes.SCOPE_REQUEST);
        String field = path(context);
        // A body that is not an object at all (an array, a string) stays a malformed body.
        if (noted == null || field.isEmpty()) {
            return false;
        }
        ((List<FieldProblem>) noted).add(new FieldProblem(field,
                "has the wrong type: " + value + " is not " + kindOf(expected)));
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
                                         String failureMsg) {
        return note(context.getParser().getParsingContext(), "\"" + value + "\"", targetType) ? null : NOT_HANDLED;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
                                         String failureMsg) {
        return note(context.getParser().getParsingContext(), String.valueOf(value), targetType) ? null : NOT_HANDLED;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
                                        JsonParser parser, String failureMsg) throws IOException {
        boolean structure = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
        JsonStreamContext field = structure ? parser.getParsingContext().getParent() : parser.getParsingContext();
        String value = switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "\"" + parser.getText() + "\"";
            default -> parser.getText();
        };
        if (!note(field, value, targetType.getRawClass())) {
            return NOT_HANDLED;
        }
        parser.skipChildren();
        return null;
    }

    /** The field as bean validation names it: {@code sourceReference.page}, {@code organisers[1]}. */
    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.push("[" + at.getCurrentIndex() + "]");
            } else if (at.getCurrentName() != null) {
                parts.push("." + at.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String kindOf(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == BigInteger.class || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date (YYYY-MM-DD)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (type == String.class) {
            return "text";
        }
        return "a " + type.getSimpleName();
    }
}
