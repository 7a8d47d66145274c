package org.programmeledger.ledger.api;

/** What a figure belongs to: an item of a plan period, the plan period itself, or the programme. */
public enum FigureScope {
    ITEM("item"),
    PERIOD("period"),
    PROGRAMME("programme");

    private final String code;

    FigureScope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
