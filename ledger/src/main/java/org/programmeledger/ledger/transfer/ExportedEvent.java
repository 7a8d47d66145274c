package org.programmeledger.ledger.transfer;

/**
 * One line of an export file: an event exactly as stored (payload and metadata as their stored JSON
 * text) with its leaf in the tree, so that an import reproduces the store and its tree byte for byte.
 * Lines come in leaf order, which is not always position order (transactions commit out of order).
 */
record ExportedEvent(long position, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                     String type, String timestamp, String payloadType, String payloadRevision, String payload,
                     String metaData, long leafIndex, String leafHash) {
}
