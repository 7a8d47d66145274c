package org.programmeledger.ledger.service;

/**
 * What verifying the ledger found: the sealed events checked, the tree's size and root, the events committed
 * but not yet sealed (not tampering), the chain of recorded signing keys, the witnessed checkpoint checked against, and the first position where
 * the ledger is broken with what is wrong there, or nothing when it is intact.
 */
public record VerifyReport(long eventsChecked, long headPosition, String headHash, long unsealed,
                           String keys, String witnessed, Long brokenAt, String problem) {

    public boolean intact() {
        return brokenAt == null && problem == null;
    }

    @Override
    public String toString() {
        if (!intact()) {
            return "BROKEN at position " + brokenAt + ": " + problem;
        }
        return "intact: " + eventsChecked + " events sealed, head at position " + headPosition + " (root " + headHash
                + ")" + (unsealed == 0 ? "" : "; " + unsealed + " committed events not sealed yet") + "; " + keys
                + (witnessed == null ? "; no witnessed checkpoint found" : "; passes through " + witnessed);
    }
}
