package org.programmeledger.ledger.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** One of a disputed programme fact's values was adopted; the others stay in the ledger and the views. */
@Revision("1")
public record ProgrammeValueAdopted(String programmeId, String figureId, int valueNumber, BigDecimal value,
                                    BigDecimal valueHigh, Qualifier qualifier, String reason)
        implements FigureEvent, ExplainedEvent {
}
