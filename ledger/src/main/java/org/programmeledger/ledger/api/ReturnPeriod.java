package org.programmeledger.ledger.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Returns a submission for changes, saying what to change. */
public record ReturnPeriod(@TargetAggregateIdentifier String periodId, String comment) {
}
