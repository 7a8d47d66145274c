package org.programmeledger.ledger.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The secretariat adopts one of a disputed figure's values (0 is the value first recorded), saying why. */
public record AdoptValue(@TargetAggregateIdentifier String periodId, String figureId, int valueNumber,
                         String reason) implements PlanPeriodRecording {
}
