package org.programmeledger.ledger.api;

import org.axonframework.serialization.Revision;

/** An item was completed. */
@Revision("1")
public record ItemCompleted(String periodId, int number) {
}
