package org.programmeledger.ledger.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks an item completed; a completed item takes no new activities. */
public record CompleteItem(@TargetAggregateIdentifier String periodId, int number) implements PlanPeriodRecording {
}
