package org.programmeledger.ledger.audit;

/**
 * The head of the chain at one moment, to publish or hand to an outside party: whoever holds it can
 * later check that the ledger still extends it, i.e. that no history before it was rewritten.
 *
 * @param recordedAt when the event at {@code position} was recorded
 * @param events     how many events the chain held up to {@code position}
 */
public record Digest(long position, String hash, String recordedAt, long events) {
}
