package org.programmeledger.ledger.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * A figure's value was corrected; the previous value is kept for the audit trail.
 *
 * @param publication the latest publication of the period this corrects, or null when none was published
 */
@Revision("1")
public record FigureCorrected(String periodId, String figureId, int itemNumber, BigDecimal previousValue,
                              Qualifier previousQualifier, BigDecimal value, Qualifier qualifier, String reason,
                              Integer publication) {
}
