package org.programmeledger.ledger.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * A fact of the programme itself was recorded; its extent is as the source states it, unstated included.
 *
 * @param aggregation how its metric aggregates in the catalogue when it was recorded; null before the catalogue
 */
@Revision("1")
public record ProgrammeFigureRecorded(String programmeId, String figureId, String metric, BigDecimal value,
                                      BigDecimal valueHigh, String unit, Qualifier qualifier, Side side, Extent extent,
                                      String dateLabel, Basis basis, String partOf, String source,
                                      SourceReference sourceReference, Aggregation aggregation) implements FigureEvent {

    public Aggregation aggregationOrBasis() {
        return aggregation != null ? aggregation : Aggregation.of(basis);
    }
}
