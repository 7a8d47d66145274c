package org.programmeledger.ledger.api;

/**
 * What a figure counts: {@link #FLOW} counts what happened within its extent; {@link #CUMULATIVE}
 * is a running total from the start of its extent (the base date) to its end ("since 2004, a total of 75").
 */
public enum Basis {
    FLOW("flow"),
    CUMULATIVE("cumulative");

    private final String code;

    Basis(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Basis fromCode(String code) {
        return Codes.fromCode(Basis.class, values(), Basis::code, code);
    }
}
