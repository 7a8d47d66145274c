package org.programmeledger.ledger.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** A figure was recorded; an unstated extent is placed within its plan period. */
@Revision("1")
public record FigureRecorded(String periodId, String figureId, int itemNumber, String activityId, String metric,
                             BigDecimal value, String unit, Qualifier qualifier, Side side, Extent extent, Basis basis,
                             String source) {
}
