package org.programmeledger.dashboards.web;

import org.springframework.http.HttpStatus;

/**
 * A page the dashboard will not show, said in the reader's language: one it has not (an unknown plan period,
 * item, figure or publication; 404) or one the reader's role may not read (403).
 */
class PageRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String messageCode;
    private final transient Object[] arguments;

    private PageRefusal(HttpStatus status, String messageCode, Object... arguments) {
        super(messageCode);
        this.status = status;
        this.messageCode = messageCode;
        this.arguments = arguments;
    }

    static PageRefusal notFound(String messageCode, Object... arguments) {
        return new PageRefusal(HttpStatus.NOT_FOUND, messageCode, arguments);
    }

    static PageRefusal forbidden(String messageCode, Object... arguments) {
        return new PageRefusal(HttpStatus.FORBIDDEN, messageCode, arguments);
    }

    HttpStatus status() {
        return status;
    }

    String messageCode() {
        return messageCode;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
