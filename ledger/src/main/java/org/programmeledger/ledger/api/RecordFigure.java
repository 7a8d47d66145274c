package org.programmeledger.ledger.api;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a figure for an item, for one of its activities when activityId is given, or for the plan period
 * itself when itemNumber is null.
 *
 * @param valueHigh the high end of a {@link Qualifier#BETWEEN} figure; null otherwise
 * @param dateLabel how the source places an undated or partly dated fact ("the 14th meeting"); optional
 * @param partOf    the figure of the same plan period, metric and unit that already includes this one; optional
 */
public record RecordFigure(@TargetAggregateIdentifier String periodId, String figureId, Integer itemNumber,
                           String activityId, String metric, BigDecimal value, BigDecimal valueHigh, String unit,
                           Qualifier qualifier, Side side, Extent extent, String dateLabel, Basis basis,
                           String partOf, String source, SourceReference sourceReference) implements PlanPeriodRecording {

    /** A figure of an item or an activity with a single value and its quoted source only. */
    public RecordFigure(String periodId, String figureId, int itemNumber, String activityId, String metric,
                        BigDecimal value, String unit, Qualifier qualifier, Side side, Extent extent, Basis basis,
                        String source) {
        this(periodId, figureId, itemNumber, activityId, metric, value, null, unit, qualifier, side, extent, null,
                basis, null, source, null);
    }
}
