package org.programmeledger.ledger.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Amends the title or the area of an item, giving the reason; a null field stays as it is. */
public record AmendItem(@TargetAggregateIdentifier String periodId, int number, String title, String area,
                        String reason) implements PlanPeriodRecording {
}
