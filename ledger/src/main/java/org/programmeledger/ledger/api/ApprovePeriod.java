package org.programmeledger.ledger.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approves the submitted figures of a plan period; refused when they changed since the submission. */
public record ApprovePeriod(@TargetAggregateIdentifier String periodId, String comment) {
}
