package org.programmeledger.ledger.api;

/** A command sent against a version of an aggregate that has since moved on. */
public class StaleVersion extends RuntimeException {

    private final long expected;
    private final Long actual;

    public StaleVersion(String aggregate, long expected, Long actual) {
        super(aggregate + " is at version " + actual + ", not " + expected + "; read it again and retry");
        this.expected = expected;
        this.actual = actual;
    }

    public long expected() {
        return expected;
    }

    public Long actual() {
        return actual;
    }
}
