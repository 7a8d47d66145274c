package org.programmeledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A plan period of a programme was opened. */
@Revision("1")
public record PlanPeriodOpened(String periodId, String programmeId, String label, LocalDate startsOn, LocalDate endsOn) {
}
