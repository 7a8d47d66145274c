package org.programmeledger.ledger.api;

import org.axonframework.serialization.Revision;

/** A co-operation programme was established. */
@Revision("1")
public record ProgrammeEstablished(String programmeId, String name) {
}
