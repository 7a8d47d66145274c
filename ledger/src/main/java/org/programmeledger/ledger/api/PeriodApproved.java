package org.programmeledger.ledger.api;

import org.axonframework.serialization.Revision;

/** The figures submitted were approved, unchanged since their submission. */
@Revision("1")
public record PeriodApproved(String periodId, String approvedBy, String comment) {
}
