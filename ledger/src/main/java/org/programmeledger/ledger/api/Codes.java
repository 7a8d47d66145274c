package org.programmeledger.ledger.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses the lower-case codes that the import format and the API use for enumerations. */
final class Codes {

    private Codes() {
    }

    static <E extends Enum<E>> E fromCode(Class<E> type, E[] values, Function<E, String> code, String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (E value : values) {
            if (code.apply(value).equals(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + (text == null ? "" : text.trim()) + "' is not a "
                + readableName(type) + "; expected one of: "
                + Arrays.stream(values).map(code).collect(Collectors.joining(", ")));
    }

    private static String readableName(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
