package org.programmeledger.ledger.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retracts an activity recorded in error; the original event stays in the ledger. */
public record RetractActivity(@TargetAggregateIdentifier String periodId, String activityId, String reason)
        implements PlanPeriodRecording {
}
