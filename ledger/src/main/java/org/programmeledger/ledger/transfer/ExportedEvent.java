package org.programmeledger.ledger.transfer;

/**
 * One line of an export file: an event exactly as stored (payload and metadata as their stored JSON
 * text) with its seal, so that an import reproduces the store and its chain byte for byte.
 */
record ExportedEvent(long position, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                     String type, String timestamp, String payloadType, String payloadRevision, String payload,
                     String metaData, long previousPosition, String seal) {
}
