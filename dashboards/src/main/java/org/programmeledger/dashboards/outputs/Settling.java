package org.programmeledger.dashboards.outputs;

import java.time.Duration;
import java.time.Instant;

/**
 * When a change has settled: the ledger is at a position not yet built and has stayed there for {@code settle}, so
 * that an import of many records is built once, at its end, not after each record.
 */
final class Settling {

    private final Duration settle;
    private long built = -1;
    private long seen = -1;
    private Instant seenSince = Instant.MIN;

    Settling(Duration settle) {
        this.settle = settle;
    }

    /** Whether to build now, the ledger being at {@code position} at {@code now}. */
    boolean due(long position, Instant now) {
        if (position != seen) {
            seen = position;
            seenSince = now;
        }
        return position != built && !now.isBefore(seenSince.plus(settle));
    }

    /** The outputs were built from {@code position}: nothing is due until the ledger moves on. */
    void built(long position) {
        built = position;
    }
}
