package org.programmeledger.ledger.service;

import java.util.Map;

/**
 * One event as an auditor reads it: where it stands in the ledger, what it said, who recorded it and
 * when (recorded), when what it describes happened (occurred, where it says), and what it corrects.
 *
 * @param occurred what the event says about when its subject happened, e.g. "From April 2021 to May 2021"
 * @param corrects the record a correction, amendment or retraction concerns, e.g. "figure 2.2.1"
 */
public record AuditEntry(long position, String aggregateIdentifier, long sequenceNumber, String event,
                         String recordedAt, String occurred, String corrects, Map<String, Object> metaData,
                         Map<String, Object> payload, String seal) {
}
