package org.programmeledger.ledger.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * Another source gives a fact of the programme another value; it is kept beside the others.
 *
 * @param valueNumber the value's number among the fact's values: 0 is the value first recorded, then 1, 2, ...
 */
@Revision("1")
public record ProgrammeAlternativeValueRecorded(String programmeId, String figureId, int valueNumber,
                                                BigDecimal value, BigDecimal valueHigh, Qualifier qualifier,
                                                String source, SourceReference sourceReference) implements FigureEvent {
}
