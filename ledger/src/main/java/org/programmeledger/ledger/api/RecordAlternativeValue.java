package org.programmeledger.ledger.api;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records another source's value for a figure already recorded, beside the first: the figure is disputed
 * until the secretariat adopts one of its values. Not a correction, which is for errors.
 */
public record RecordAlternativeValue(@TargetAggregateIdentifier String periodId, String figureId, BigDecimal value,
                                     BigDecimal valueHigh, Qualifier qualifier, String source,
                                     SourceReference sourceReference) implements PlanPeriodRecording {
}
