package org.programmeledger.ledger.api;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Corrects the value of a recorded figure, giving the reason; the original stays in the ledger. A correction is
 * for an error: another source's different value is recorded beside it ({@link RecordAlternativeValue}).
 */
public record CorrectFigure(@TargetAggregateIdentifier String periodId, String figureId, BigDecimal value,
                            BigDecimal valueHigh, Qualifier qualifier, String reason) implements PlanPeriodRecording {

    public CorrectFigure(String periodId, String figureId, BigDecimal value, Qualifier qualifier, String reason) {
        this(periodId, figureId, value, null, qualifier, reason);
    }
}
