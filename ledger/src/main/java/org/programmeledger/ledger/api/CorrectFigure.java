package org.programmeledger.ledger.api;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects the value of a recorded figure, giving the reason; the original stays in the ledger. */
public record CorrectFigure(@TargetAggregateIdentifier String periodId, String figureId, BigDecimal value, Qualifier qualifier,
                            String reason) {
}
