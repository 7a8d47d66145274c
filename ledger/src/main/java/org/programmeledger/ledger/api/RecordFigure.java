package org.programmeledger.ledger.api;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a figure for an item, or for one of its activities when activityId is given. */
public record RecordFigure(@TargetAggregateIdentifier String periodId, String figureId, int itemNumber, String activityId,
                           String metric, BigDecimal value, String unit, Qualifier qualifier, Side side,
                           Extent extent, Basis basis, String source) {
}
