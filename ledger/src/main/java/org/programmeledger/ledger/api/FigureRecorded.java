package org.programmeledger.ledger.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * A figure was recorded; an unstated extent is placed within its plan period. Revision 2 added the fields
 * after {@code source}, which revision 1 events read as null (an item's figure, one value, aggregation from
 * its basis), and made {@code itemNumber} null for a plan period's own figure.
 *
 * @param aggregation how its metric aggregates in the catalogue when it was recorded; null before the catalogue
 */
@Revision("2")
public record FigureRecorded(String periodId, String figureId, Integer itemNumber, String activityId, String metric,
                             BigDecimal value, String unit, Qualifier qualifier, Side side, Extent extent, Basis basis,
                             String source, BigDecimal valueHigh, String dateLabel, String partOf,
                             SourceReference sourceReference, Aggregation aggregation) implements FigureEvent {

    /** A revision 1 figure: an item's, with one value and its quoted source. */
    public FigureRecorded(String periodId, String figureId, int itemNumber, String activityId, String metric,
                          BigDecimal value, String unit, Qualifier qualifier, Side side, Extent extent, Basis basis,
                          String source) {
        this(periodId, figureId, itemNumber, activityId, metric, value, unit, qualifier, side, extent, basis, source,
                null, null, null, null, null);
    }

    public FigureScope scope() {
        return itemNumber == null ? FigureScope.PERIOD : FigureScope.ITEM;
    }

    /** How the figure aggregates: the catalogue's word, or its basis's for a figure recorded before it. */
    public Aggregation aggregationOrBasis() {
        return aggregation != null ? aggregation : Aggregation.of(basis);
    }
}
