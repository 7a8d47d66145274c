package org.programmeledger.ledger.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * Another source gives a figure another value; it is kept beside the others.
 *
 * @param valueNumber the value's number among the figure's values: 0 is the value first recorded, then 1, 2, ...
 */
@Revision("1")
public record AlternativeValueRecorded(String periodId, String figureId, int valueNumber, BigDecimal value,
                                       BigDecimal valueHigh, Qualifier qualifier, String source,
                                       SourceReference sourceReference) implements FigureEvent {
}
