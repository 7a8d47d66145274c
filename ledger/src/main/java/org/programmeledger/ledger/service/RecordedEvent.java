package org.programmeledger.ledger.service;

import java.time.Instant;
import java.util.Map;

/**
 * One event of the ledger as it reads now: where it stands, when it was recorded, with what metadata, and its
 * payload as the typed {@code api} record the serializer and upcasters make of what was stored.
 *
 * @param leafHash the event's leaf in the signed tree, null until it is sealed
 */
public record RecordedEvent(long position, String aggregateIdentifier, long sequenceNumber, Instant recordedAt,
                            Map<String, ?> metaData, Object payload, String leafHash) {
}
