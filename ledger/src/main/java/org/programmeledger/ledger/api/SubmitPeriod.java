package org.programmeledger.ledger.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Submits a plan period's figures for approval, as they stand now; the secretariat's step. */
public record SubmitPeriod(@TargetAggregateIdentifier String periodId, String comment) {
}
