package org.programmeledger.ledger.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * A figure's value was corrected; the previous value is kept for the audit trail. Revision 2 added the high
 * ends of a "between" figure, null in revision 1 events.
 *
 * @param publication the latest publication of the period this corrects, or null when none was published
 */
@Revision("2")
public record FigureCorrected(String periodId, String figureId, Integer itemNumber, BigDecimal previousValue,
                              Qualifier previousQualifier, BigDecimal value, Qualifier qualifier, String reason,
                              Integer publication, BigDecimal previousValueHigh, BigDecimal valueHigh)
        implements FigureEvent, ExplainedEvent {

    public FigureCorrected(String periodId, String figureId, int itemNumber, BigDecimal previousValue,
                           Qualifier previousQualifier, BigDecimal value, Qualifier qualifier, String reason,
                           Integer publication) {
        this(periodId, figureId, itemNumber, previousValue, previousQualifier, value, qualifier, reason, publication,
                null, null);
    }
}
