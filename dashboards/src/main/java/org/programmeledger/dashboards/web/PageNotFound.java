package org.programmeledger.dashboards.web;

/** A page the dashboard has not: an unknown plan period, item or publication, said in the reader's language. */
class PageNotFound extends RuntimeException {

    private final String messageCode;
    private final transient Object[] arguments;

    PageNotFound(String messageCode, Object... arguments) {
        super(messageCode);
        this.messageCode = messageCode;
        this.arguments = arguments;
    }

    String messageCode() {
        return messageCode;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
