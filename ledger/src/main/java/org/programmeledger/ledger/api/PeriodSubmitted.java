package org.programmeledger.ledger.api;

import org.axonframework.serialization.Revision;

/** A plan period's figures were submitted for approval. */
@Revision("1")
public record PeriodSubmitted(String periodId, String submittedBy, String comment) {
}
