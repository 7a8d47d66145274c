package org.programmeledger.ledger.service;

/**
 * The sealed ledger at one moment, to publish or hand to an outside party: the Merkle root of its first
 * {@code events} leaves, the last of which is the event at {@code position}. Whoever holds it can later
 * check that the ledger still passes through it, i.e. that no history before it was rewritten.
 *
 * @param hash       the tree's root, in hex
 * @param recordedAt when the event at {@code position} was recorded
 * @param events     the tree's size: how many events were sealed up to and including {@code position}
 */
public record Digest(long position, String hash, String recordedAt, long events) {
}
