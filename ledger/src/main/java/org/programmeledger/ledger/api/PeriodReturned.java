package org.programmeledger.ledger.api;

import org.axonframework.serialization.Revision;

/** A submission was returned for changes; the comment says which. */
@Revision("1")
public record PeriodReturned(String periodId, String returnedBy, String comment) {
}
