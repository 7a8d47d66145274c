package org.programmeledger.ledger.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;

/**
 * The requests that change state and that a page of any origin can make without a CORS preflight (the Fetch
 * standard's "simple" requests): no Content-Type, a form or {@code text/plain}. The server answers no preflight,
 * so a page of another origin can send the API nothing else; these are the requests that need a CSRF token.
 */
public final class SimpleRequests {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** The Content-Types a cross-origin page may send without a preflight (the Fetch standard's list). */
    private static final Set<String> SIMPLE_TYPES = Set.of("application/x-www-form-urlencoded",
            "multipart/form-data", "text/plain");

    private SimpleRequests() {
    }

    /** Whether the request changes state at all. */
    public static boolean changesState(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod());
    }

    /** Whether the request changes state and a page of any origin could have sent it without asking first. */
    public static boolean changeWithoutPreflight(HttpServletRequest request) {
        String type = mediaType(request.getContentType());
        return changesState(request) && (type == null || SIMPLE_TYPES.contains(type));
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }
}
