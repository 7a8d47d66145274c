package org.programmeledger.ledger.api;

/**
 * How the figures of a metric may be combined (DHIS2's aggregation types are the model): a {@link #SUM}
 * adds up within a period; a {@link #CUMULATIVE} running total since a base date, a {@link #LEVEL} "as of"
 * a date, a {@link #RATIO} and a count of {@link #DISTINCT} things are never added.
 */
public enum Aggregation {
    SUM("sum"),
    CUMULATIVE("cumulative"),
    LEVEL("level"),
    RATIO("ratio"),
    DISTINCT("distinct");

    private final String code;

    Aggregation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Aggregation fromCode(String code) {
        return Codes.fromCode(Aggregation.class, values(), Aggregation::code, code);
    }

    /** What a figure recorded before the catalogue existed aggregates as, read from its basis. */
    public static Aggregation of(Basis basis) {
        return basis == Basis.CUMULATIVE ? CUMULATIVE : SUM;
    }
}
