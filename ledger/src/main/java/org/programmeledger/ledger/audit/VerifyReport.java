package org.programmeledger.ledger.audit;

/**
 * What verifying the chain found: the events checked and the head of the chain, and the first position
 * where it breaks with what is wrong there, or nothing when the ledger is intact.
 */
public record VerifyReport(long eventsChecked, long headPosition, String headHash, Long brokenAt, String problem) {

    public boolean intact() {
        return brokenAt == null && problem == null;
    }

    @Override
    public String toString() {
        return intact()
                ? "intact: " + eventsChecked + " events sealed, head at position " + headPosition + " (" + headHash + ")"
                : "BROKEN at position " + brokenAt + ": " + problem;
    }
}
