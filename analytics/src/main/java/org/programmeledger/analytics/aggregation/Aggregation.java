package org.programmeledger.analytics.aggregation;

import org.programmeledger.ledger.api.Basis;

/**
 * How a metric's figures may be combined (the catalogue's codes): only a flow ({@link #SUM}) adds up
 * within a period. A running total ({@link #CUMULATIVE}) or a stock as of a date ({@link #LEVEL}) is shown
 * by its latest value, the earlier ones as points; a {@link #RATIO} or a count of {@link #DISTINCT} things
 * is never added at all.
 */
public enum Aggregation {
    SUM("sum"), CUMULATIVE("cumulative"), LEVEL("level"), RATIO("ratio"), DISTINCT("distinct");

    private final String code;

    Aggregation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** A figure recorded before the catalogue: a flow adds up, a cumulative figure is a running total. */
    public static Aggregation of(Basis basis) {
        return basis == Basis.FLOW ? SUM : CUMULATIVE;
    }

    public boolean adds() {
        return this == SUM;
    }

    public boolean showsLatest() {
        return this == CUMULATIVE || this == LEVEL;
    }
}
