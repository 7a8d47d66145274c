package org.programmeledger.analytics.reads;

/**
 * How far the views have read the ledger: the global position of the last event they include and
 * when that event was recorded. Every output names it, so a reader can tell how fresh it is.
 */
public record ViewPosition(long position, String recordedAt) {

    public static final ViewPosition EMPTY = new ViewPosition(0, "");
}
